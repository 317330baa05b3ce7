"""Character-level α and κ against outside references: Krippendorff's published example, the
`krippendorff` package and scikit-learn's Cohen's κ on random span sets turned into character data."""

from __future__ import annotations

import sys

import krippendorff
import numpy as np
import pytest
from sklearn.metrics import cohen_kappa_score

from annotator.core.agreement.characters import WHITESPACE, nominal_alpha, non_space_mask
from annotator.core.agreement.data import AgreementArticle, AgreementInput
from annotator.core.agreement.report import build_report
from annotator.core.model import SpanRef

NAN = np.nan
# Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: 4 coders × 12 units,
# nominal α = 0.743.
CANONICAL = np.array([
    [1, 2, 3, 3, 2, 1, 4, 1, 2, NAN, NAN, NAN],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, NAN, 3],
    [NAN, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, NAN],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, NAN],
])
LABELS = ("actor", "demand", "denial")
NAMES = ("ali", "omar", "sara")


def test_canonical_four_coder_example_gives_published_alpha() -> None:
    alpha, reason = nominal_alpha(CANONICAL)
    assert reason == ""
    assert alpha == pytest.approx(0.743, abs=5e-4)
    assert alpha == pytest.approx(krippendorff.alpha(CANONICAL, level_of_measurement="nominal"), abs=1e-12)


def test_alpha_without_variation_is_undefined_with_reason() -> None:
    alpha, reason = nominal_alpha(np.ones((3, 5)))
    assert alpha is None
    assert "no variation" in reason


def test_whitespace_table_matches_str_isspace_for_every_code_point() -> None:
    expected = [c for c in range(sys.maxunicode + 1) if chr(c).isspace()]
    assert WHITESPACE.tolist() == expected


def test_non_space_mask_skips_arabic_spaces_and_keeps_letters() -> None:
    text = "قال\u00a0الوزير\n \u2003«نعم»😀"
    assert non_space_mask(text).tolist() == [not ch.isspace() for ch in text]


def random_corpus(rng: np.random.Generator, articles: int = 6, missing: bool = True) -> AgreementInput:
    """Random articles and spans (nested and overlapping allowed); some annotators absent on some."""
    out = []
    for n in range(articles):
        length = int(rng.integers(20, 120))
        text = "".join(rng.choice(list("ابت ثج\nح"), size=length))
        names = list(NAMES)
        if missing and n % 3 == 1:
            names.remove(NAMES[n % 3])
        spans = {}
        for name in names:
            refs = set()
            for _ in range(int(rng.integers(0, 8))):
                start = int(rng.integers(0, length - 1))
                end = int(rng.integers(start + 1, min(length, start + 25) + 1))
                refs.add(SpanRef(start, end, LABELS[int(rng.integers(0, len(LABELS)))]))
            spans[name] = tuple(sorted(refs))
        out.append(AgreementArticle(f"a{n}", f"t{n}", text, spans))
    return AgreementInput(LABELS, tuple(out))


def char_matrix(data: AgreementInput, label: str) -> np.ndarray:
    """Annotators × non-space characters, 1/0 inside a span of ``label``, NaN where not counted —
    built the slow, obvious way, independently of the code under test."""
    rows = {name: [] for name in NAMES}
    for article in data.articles:
        for name in NAMES:
            for position, ch in enumerate(article.text):
                if ch.isspace():
                    continue
                if name not in article.spans:
                    rows[name].append(NAN)
                else:
                    inside = any(s.label == label and s.start <= position < s.end
                                 for s in article.spans[name])
                    rows[name].append(1.0 if inside else 0.0)
    return np.array([rows[name] for name in NAMES])


@pytest.mark.parametrize("seed", range(8))
def test_alpha_char_matches_krippendorff_package_on_random_spans(seed: int) -> None:
    data = random_corpus(np.random.default_rng(seed))
    report = build_report(data)
    matrices = [char_matrix(data, label) for label in LABELS]
    for label, matrix in zip(LABELS, matrices, strict=True):
        expected = krippendorff.alpha(matrix, level_of_measurement="nominal", value_domain=[0.0, 1.0])
        if np.isnan(expected):
            assert report.per_label[label].alpha_char is None
            assert report.per_label[label].reasons["alpha_char"]
        else:
            assert report.per_label[label].alpha_char == pytest.approx(expected, abs=1e-9)
    pooled = krippendorff.alpha(np.concatenate(matrices, axis=1), level_of_measurement="nominal",
                                value_domain=[0.0, 1.0])
    assert report.overall.alpha_char == pytest.approx(pooled, abs=1e-9)


@pytest.mark.parametrize("seed", range(8))
def test_pair_kappa_matches_sklearn_on_random_spans(seed: int) -> None:
    data = random_corpus(np.random.default_rng(100 + seed))
    report = build_report(data)
    matrices = {label: char_matrix(data, label) for label in LABELS}
    for pair in report.pairs:
        a, b = NAMES.index(pair.a), NAMES.index(pair.b)
        pooled_a, pooled_b = [], []
        for label in LABELS:
            m = matrices[label]
            both = ~np.isnan(m[a]) & ~np.isnan(m[b])
            pooled_a.append(m[a][both])
            pooled_b.append(m[b][both])
            got = pair.per_label[label].kappa
            if len(set(m[a][both])) == len(set(m[b][both])) == 1 and set(m[a][both]) == set(m[b][both]):
                assert got is None and pair.per_label[label].reasons["kappa"]
            else:
                assert got == pytest.approx(cohen_kappa_score(m[a][both], m[b][both]), abs=1e-9)
        expected = cohen_kappa_score(np.concatenate(pooled_a), np.concatenate(pooled_b))
        assert pair.scores.kappa == pytest.approx(expected, abs=1e-9)
        two_coders = np.stack([np.concatenate(pooled_a), np.concatenate(pooled_b)])
        expected_alpha = krippendorff.alpha(two_coders, level_of_measurement="nominal",
                                            value_domain=[0.0, 1.0])
        assert pair.scores.alpha_char == pytest.approx(expected_alpha, abs=1e-9)
    kappas = [p.scores.kappa for p in report.pairs if p.scores.kappa is not None]
    assert report.overall.kappa_mean == pytest.approx(np.mean(kappas), abs=1e-12)


def test_per_article_alpha_matches_krippendorff_package_on_that_article_alone() -> None:
    data = random_corpus(np.random.default_rng(5), articles=4)
    report = build_report(data)
    for index, article in enumerate(report.articles):
        alone = AgreementInput(LABELS, (data.articles[index],))
        pooled = np.concatenate([char_matrix(alone, label) for label in LABELS], axis=1)
        pooled = pooled[[NAMES.index(n) for n in article.annotators]]
        expected = krippendorff.alpha(pooled, level_of_measurement="nominal", value_domain=[0.0, 1.0])
        assert article.scores.alpha_char == pytest.approx(expected, abs=1e-9)
