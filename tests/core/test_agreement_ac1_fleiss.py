"""Gwet's AC1 and Fleiss' κ against published values, then the fast character path against the slow,
obvious count table built character by character."""

from __future__ import annotations

import numpy as np
import pytest

from annotator.core.agreement.ac1 import ac1_from_counts
from annotator.core.agreement.data import AgreementArticle, AgreementInput
from annotator.core.agreement.fleiss import fleiss_kappa_from_counts
from annotator.core.agreement.report import build_report
from annotator.core.model import SpanRef

# Fleiss (1971) as reproduced in Wikipedia's "Fleiss' kappa" worked example: 10 subjects, 14 raters,
# 5 categories; P̄ = 0.378, P̄e = 0.213, κ = 0.210.
FLEISS_1971 = [
    [0, 0, 0, 0, 14], [0, 2, 6, 4, 2], [0, 0, 3, 5, 6], [0, 3, 9, 2, 0], [2, 2, 8, 1, 1],
    [7, 7, 0, 0, 0], [3, 2, 6, 3, 0], [2, 5, 3, 2, 2], [6, 5, 2, 1, 0], [0, 2, 2, 3, 7],
]

# Gwet, Handbook of Inter-Rater Reliability (4th ed.), 4 raters × 12 units with missing ratings (the
# `raw_4raters` data set shipped with irrCAC): irrCAC 0.4.4 gives AC1 = 0.77544, Fleiss = 0.76117.
GWET_4_RATERS = [
    [1, 1, None, 1], [2, 2, 3, 2], [3, 3, 3, 3], [3, 3, 3, 3], [2, 2, 2, 2], [1, 2, 3, 4],
    [4, 4, 4, 4], [1, 1, 2, 1], [2, 2, 2, 2], [None, 5, 5, 5], [None, None, 1, 1], [None, None, 3, None],
]


def count_table(raw: list[list[object]], categories: list[object]) -> np.ndarray:
    return np.array([[sum(1 for v in row if v == c) for c in categories] for row in raw])


def test_fleiss_kappa_of_the_fleiss_1971_example_is_0_210() -> None:
    kappa, reason = fleiss_kappa_from_counts(np.array(FLEISS_1971))
    assert reason == ""
    assert round(kappa, 3) == 0.210


def test_gwet_handbook_four_raters_with_missing_ratings() -> None:
    table = count_table(GWET_4_RATERS, [1, 2, 3, 4, 5])
    assert ac1_from_counts(table)[0] == pytest.approx(0.77544, abs=5e-6)
    assert fleiss_kappa_from_counts(table)[0] == pytest.approx(0.76117, abs=5e-6)


def test_skewed_data_keeps_ac1_high_where_fleiss_kappa_collapses() -> None:
    # 100 units, two raters: 95 agree on "no", 3 disagree, 2 agree on "yes" (the prevalence paradox).
    table = np.array([[0, 2]] * 95 + [[1, 1]] * 3 + [[2, 0]] * 2)
    assert ac1_from_counts(table)[0] > 0.95
    assert fleiss_kappa_from_counts(table)[0] < 0.6


NAMES = ("ali", "omar", "sara")
LABELS = ("actor", "demand")


def random_corpus(seed: int, articles: int = 5) -> AgreementInput:
    rng = np.random.default_rng(seed)
    out = []
    for n in range(articles):
        length = int(rng.integers(20, 90))
        text = "".join(rng.choice(list("ابت ثج\nح"), size=length))
        names = [name for k, name in enumerate(NAMES) if not (n % 3 == 1 and k == n % 3)]
        spans = {}
        for name in names:
            refs = set()
            for _ in range(int(rng.integers(0, 6))):
                start = int(rng.integers(0, length - 1))
                end = int(rng.integers(start + 1, min(length, start + 20) + 1))
                refs.add(SpanRef(start, end, LABELS[int(rng.integers(0, 2))]))
            spans[name] = tuple(sorted(refs))
        out.append(AgreementArticle(f"a{n}", f"t{n}", text, spans))
    return AgreementInput(LABELS, tuple(out))


def slow_table(data: AgreementInput, labels: tuple[str, ...], names: tuple[str, ...] = NAMES,
               articles: list[int] | None = None) -> np.ndarray:
    """Units (article, character, label) × [0, 1]: how many of ``names`` coded each value, character by
    character — independent of the code under test."""
    rows = []
    for i, article in enumerate(data.articles):
        if articles is not None and i not in articles:
            continue
        counted = [n for n in names if n in article.spans]
        if len(counted) < len(names) and len(names) == 2:
            continue
        for label in labels:
            for position, ch in enumerate(article.text):
                if ch.isspace():
                    continue
                ones = sum(any(s.start <= position < s.end and s.label == label for s in article.spans[n])
                           for n in counted)
                rows.append([len(counted) - ones, ones])
    return np.array(rows).reshape(-1, 2)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_character_ac1_and_fleiss_match_the_count_table_overall_and_per_label(seed: int) -> None:
    data = random_corpus(seed)
    report = build_report(data)
    for scores, labels in [(report.overall, LABELS), *((report.per_label[k], (k,)) for k in LABELS)]:
        table = slow_table(data, labels)
        assert scores.ac1 == pytest.approx(ac1_from_counts(table)[0], abs=1e-12)
        assert scores.fleiss_kappa == pytest.approx(fleiss_kappa_from_counts(table)[0], abs=1e-12)


def test_character_ac1_per_article_and_per_pair_match_the_count_table() -> None:
    data = random_corpus(7, articles=4)
    report = build_report(data)
    for i, article in enumerate(report.articles):
        table = slow_table(data, LABELS, articles=[i])
        assert article.scores.ac1 == pytest.approx(ac1_from_counts(table)[0], abs=1e-12)
        assert article.scores.fleiss_kappa == pytest.approx(fleiss_kappa_from_counts(table)[0], abs=1e-12)
    for pair in report.pairs:
        table = slow_table(data, ("demand",), names=(pair.a, pair.b))
        assert pair.per_label["demand"].ac1 == pytest.approx(ac1_from_counts(table)[0], abs=1e-12)


def test_fleiss_kappa_without_variation_is_undefined_with_reason() -> None:
    text = "نص قصير"
    data = AgreementInput(("actor",), (AgreementArticle("x", "x", text, {"ali": (), "sara": ()}),))
    overall = build_report(data).overall
    assert overall.fleiss_kappa is None and "no variation" in overall.reasons["fleiss_kappa"]
    # Nothing was marked: AC1's arithmetic gives 1.0, which would read as perfect agreement.
    assert overall.ac1 is None and "nothing was marked" in overall.reasons["ac1"]


# irrCAC 0.4.4 (`CAC(df).gwet()` / `.fleiss()`) on the character data of ``random_corpus(1)``: one
# row per non-space character, one column per annotator, NaN where the annotator is not counted (the
# table ``slow_table`` counts). irrCAC is not in the test extra: every release pins scipy == 1.12.0
# (forcing numpy < 2) and coverage < 7 (which breaks numba, hence pygamma-agreement), so its figures
# were produced once in a separate virtual environment and are frozen here (irrCAC rounds to 5 places).
IRRCAC_RANDOM_CORPUS_1 = {
    "actor": (0.47069, -0.16031), "demand": (0.56484, 0.05037), None: (0.51773, -0.05481),  # None: pooled
}


def test_character_ac1_and_fleiss_match_irrcac_on_the_same_data() -> None:
    report = build_report(random_corpus(1))
    for label, (ac1, fleiss) in IRRCAC_RANDOM_CORPUS_1.items():
        scores = report.overall if label is None else report.per_label[label]
        assert scores.ac1 == pytest.approx(ac1, abs=5e-6)
        assert scores.fleiss_kappa == pytest.approx(fleiss, abs=5e-6)
