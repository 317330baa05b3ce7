"""Intervals and per-article figures of span attributes and article codes.

The per-article sums behind them (``nominal.py``) are checked against outside references — the
krippendorff package, scikit-learn, Fleiss (1971) and Gwet's handbook — and the intervals against the
slow way: rebuilding the report on every resample (the drawn articles repeated as drawn) and taking
percentiles of its corpus figures.
"""

from __future__ import annotations

from dataclasses import replace

import krippendorff
import numpy as np
import pytest
from sklearn.metrics import cohen_kappa_score

from annotator.core.agreement import nominal
from annotator.core.agreement.bootstrap import TOO_FEW_ARTICLES, UNDEFINED_FIGURE, resample_counts
from annotator.core.agreement.codes import NOT_ANSWERED_HERE, code_agreement
from annotator.core.agreement.data import AgreementInput
from annotator.core.agreement.relation_scores import RELATION_MEASURES
from annotator.core.agreement.render import csv_rows, report_to_json
from annotator.core.agreement.report import build_report
from annotator.core.model import SpanRef
from annotator.core.structure import RelationRef

from .test_agreement_ac1_fleiss import FLEISS_1971, GWET_4_RATERS, count_table
from .test_agreement_attributes import NAMES
from .test_agreement_attributes import corpus as attribute_corpus
from .test_agreement_codes import corpus as code_corpus
from .test_agreement_codes import random_answers
from .test_agreement_relations import TYPES
from .test_agreement_relations import article as relation_article
from .test_agreement_relations import corpus as relation_input


def sums_of(table: np.ndarray, articles: int = 1) -> nominal.Sums:
    table = np.asarray(table, dtype=float)
    return nominal.unit_sums(table, np.arange(len(table)) % articles, articles)


def test_sums_give_fleiss_1971_and_gwets_handbook_values() -> None:
    assert round(nominal.corpus(nominal.fleiss_kappa, sums_of(FLEISS_1971, 3))[0], 3) == 0.210
    gwet = sums_of(count_table(GWET_4_RATERS, [1, 2, 3, 4, 5]), 4)
    assert nominal.corpus(nominal.ac1, gwet)[0] == pytest.approx(0.77544, abs=5e-6)
    assert nominal.corpus(nominal.fleiss_kappa, gwet)[0] == pytest.approx(0.76117, abs=5e-6)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_sums_give_krippendorffs_alpha_and_sklearns_kappa(seed: int) -> None:
    rng = np.random.default_rng(seed)
    codes = rng.integers(0, 4, size=(3, 40)).astype(float)
    codes[rng.random(codes.shape) < 0.15] = np.nan  # missing values: units coded by fewer coders
    table = np.array([[np.sum(unit == c) for c in range(4)] for unit in codes.T])
    expected = krippendorff.alpha(codes, level_of_measurement="nominal")
    assert nominal.corpus(nominal.alpha, sums_of(table, 5))[0] == pytest.approx(expected, abs=1e-12)
    both = ~np.isnan(codes[0]) & ~np.isnan(codes[1])
    a, b = codes[0, both].astype(int), codes[1, both].astype(int)
    pair = nominal.pair_sums(a, b, np.arange(len(a)) % 5, 4, 5)
    assert nominal.corpus(nominal.kappa, pair)[0] == pytest.approx(cohen_kappa_score(a, b), abs=1e-12)


def repeated(data: AgreementInput, row: np.ndarray) -> AgreementInput:
    return AgreementInput(data.labels, tuple(a for a, k in zip(data.articles, row, strict=True)
                                             for _ in range(k)), codebook=data.codebook)


def percentiles(samples: list[float], resamples: int) -> tuple[float, float] | None:
    if len(samples) * 2 < resamples:
        return None
    low, high = np.percentile(samples, [2.5, 97.5])
    return float(low), float(high)


def test_code_intervals_equal_rebuilding_the_figures_on_every_resample() -> None:
    data = code_corpus(random_answers(5, 12))
    resamples, seed = 60, 3
    report = report_to_json(build_report(data, bootstrap=resamples, seed=seed))["codes"]["per_question"]
    counts = resample_counts(len(data.articles), resamples, seed)
    rebuilt = [code_agreement(repeated(data, row))["per_question"] for row in counts]
    for question, figures in report.items():
        for measure in ("alpha", "fleiss_kappa", "ac1", "agreement"):
            samples = [r[question][measure] for r in rebuilt if r[question][measure] is not None]
            low, high = percentiles(samples, resamples)
            assert (figures[f"{measure}_ci_low"], figures[f"{measure}_ci_high"]) == pytest.approx(
                (low, high), abs=1e-12), (question, measure)
        for p, pair in enumerate(figures["pairs"]):
            samples = [r[question]["pairs"][p]["kappa"] for r in rebuilt
                       if r[question]["pairs"][p]["kappa"] is not None]
            assert (pair["kappa_ci_low"], pair["kappa_ci_high"]) == pytest.approx(
                percentiles(samples, resamples), abs=1e-12)


def attribute_data(seed: int, articles: int) -> AgreementInput:
    parts = [attribute_corpus(seed + k)[0].articles for k in range(articles // 3 + 1)]
    data, _ = attribute_corpus(seed)
    flat = tuple(a for part in parts for a in part)[:articles]
    return AgreementInput(data.labels, flat, codebook=data.codebook)


@pytest.mark.parametrize("mode", ["exact", "overlap"])
def test_attribute_intervals_equal_rebuilding_the_report_on_every_resample(mode: str) -> None:
    data = attribute_data(2, 7)
    resamples, seed = 40, 9
    role = report_to_json(build_report(data, bootstrap=resamples, seed=seed))["attributes"][
        "per_attribute"]["actor.role"][mode]
    alphas, kappas = [], [[] for _ in role["pairs"]]
    for row in resample_counts(len(data.articles), resamples, seed):
        again = report_to_json(build_report(repeated(data, row)))["attributes"]["per_attribute"]
        figures = again["actor.role"][mode]
        if figures["alpha"] is not None:
            alphas.append(figures["alpha"])
        for p, pair in enumerate(figures["pairs"]):
            if pair["kappa"] is not None:
                kappas[p].append(pair["kappa"])
    assert (role["alpha_ci_low"], role["alpha_ci_high"]) == pytest.approx(percentiles(alphas, resamples),
                                                                         abs=1e-12)
    for pair, samples in zip(role["pairs"], kappas, strict=True):
        assert (pair["kappa_ci_low"], pair["kappa_ci_high"]) == pytest.approx(
            percentiles(samples, resamples), abs=1e-12)


def test_per_article_attribute_alpha_equals_krippendorff_on_that_articles_spans() -> None:
    data, table = attribute_corpus(4)
    report = build_report(data)
    for i, article in enumerate(report_to_json(report)["per_article"]):
        units = table[i * 10:(i + 1) * 10]  # ten spans per article, all three annotators match
        categories = sorted({v for unit in units for v in unit})
        matrix = np.array([[categories.index(unit[a]) for unit in units] for a in range(3)], dtype=float)
        figures = article["attributes"]["actor.role"]["exact"]
        assert figures["n_spans"] == 10
        assert figures["alpha"] == pytest.approx(krippendorff.alpha(matrix, level_of_measurement="nominal"),
                                                 abs=1e-12)
    rows = {row[:4]: row for row in csv_rows(report)}
    assert ("article", "a0", "actor.role", "attribute_alpha_overlap") in rows
    assert rows[("article", "a1", "actor.role", "attribute_n_spans_exact")][4] == "10"


def test_per_article_code_agreement_is_the_share_of_agreeing_annotator_pairs() -> None:
    answers = random_answers(8, 6)
    answers[2]["sara"].pop("stance")  # sara did not answer: the article has no stance figure
    report = build_report(code_corpus(answers))
    compared = 0
    for work, article in zip(answers, report_to_json(report)["per_article"], strict=True):
        stance = article["codes"]["stance"]
        if "stance" not in work["sara"]:
            assert stance["agreement"] is None and stance["reasons"]["agreement"] == NOT_ANSWERED_HERE
            continue
        given = [work[name]["stance"] for name in NAMES]
        agreeing = sum(given[i] == given[j] for i in range(3) for j in range(3) if i != j)
        assert stance == {"agreement": pytest.approx(agreeing / 6), "n_items": 1}
        topics = article["codes"]["topics"]
        if any("topics" not in work[name] for name in NAMES):  # an unanswered choice is no answer
            assert topics["n_items"] == 0 and topics["agreement"] is None
            continue
        chosen = [set(work[name]["topics"]) for name in NAMES]
        share = np.mean([sum((o in chosen[i]) == (o in chosen[j]) for i in range(3) for j in range(3)
                             if i != j) / 6 for o in ("iran", "gaza", "oil")])
        assert topics["n_items"] == 3 and topics["agreement"] == pytest.approx(share)
        compared += 1
    assert compared >= 2
    rows = {row[:4]: row for row in csv_rows(report)}
    assert rows[("article", "a2", "stance", "code_agreement")][5] == NOT_ANSWERED_HERE


def test_identical_work_gives_one_with_a_one_to_one_interval() -> None:
    same = [{name: {"stance": (stance,), "topics": ("iran",) if k % 2 else ("oil",)} for name in NAMES}
            for k, stance in enumerate(["مؤيد", "معارض", "محايد", "مؤيد", "معارض"])]
    stance = report_to_json(build_report(code_corpus(same), bootstrap=50))["codes"]["per_question"]["stance"]
    for measure in ("alpha", "fleiss_kappa", "ac1"):
        assert stance[measure] == 1.0
        assert stance[f"{measure}_ci_low"] == pytest.approx(1.0) and stance[f"{measure}_ci_high"] == 1.0
    assert stance["agreement"] == 1.0


def test_one_article_or_undefined_figures_have_null_intervals_with_reasons() -> None:
    one = report_to_json(build_report(code_corpus(random_answers(3, 1)), bootstrap=30))
    stance = one["codes"]["per_question"]["stance"]
    assert stance["alpha_ci_low"] is None and stance["reasons"]["alpha_ci"] == TOO_FEW_ARTICLES
    data, _ = attribute_corpus(1)
    flat = AgreementInput(data.labels, data.articles, codebook=data.codebook)
    agreed = [{name: {"stance": ("مؤيد",)} for name in NAMES}] * 3  # α undefined: no variation
    same = report_to_json(build_report(code_corpus(agreed), bootstrap=30))["codes"]["per_question"]["stance"]
    assert same["alpha"] is None and same["reasons"]["alpha_ci"] == UNDEFINED_FIGURE
    plain = report_to_json(build_report(flat))["attributes"]["per_attribute"]["actor.role"]["exact"]
    assert "alpha_ci_low" not in plain  # no bootstrap asked for: no interval keys at all


def random_relation_corpus(seed: int, articles: int) -> AgreementInput:
    """Each article: ali and sara mark a few spans (some shifted) and draw random relations among them."""
    rng = np.random.default_rng(seed)
    out = []
    for i in range(articles):
        work = {}
        for name in ("ali", "sara"):
            spans = [SpanRef(s, s + 3 + int(name == "sara" and rng.random() < 0.3), label)
                     for s, label in ((0, "actor"), (5, "demand"), (10, "actor"), (15, "demand"))
                     if rng.random() < 0.8]
            relations = [RelationRef(h, c, str(rng.choice([t.name for t in TYPES])))
                         for h in spans for c in spans if h != c and rng.random() < 0.3]
            work[name] = (spans, relations)
        out.append(relation_article(f"a{i}", work))
    return relation_input(*out)


def test_relation_intervals_equal_rebuilding_the_report_on_every_resample() -> None:
    data = random_relation_corpus(6, 9)
    resamples, seed = 50, 4
    report = build_report(data, bootstrap=resamples, seed=seed)
    samples: dict[str, list[list[float]]] = {m: [[], [], []] for m in RELATION_MEASURES}
    for row in resample_counts(len(data.articles), resamples, seed):
        again = build_report(repeated(data, row))
        scopes = (again.overall, again.per_relation_type["claims"], again.pairs[0].scores)
        for measure in RELATION_MEASURES:
            for k, scores in enumerate(scopes):
                if scores.value(measure) is not None:
                    samples[measure][k].append(scores.value(measure))
    for measure in RELATION_MEASURES:
        scopes = (report.overall, report.per_relation_type["claims"], report.pairs[0].scores)
        for scores, found in zip(scopes, samples[measure], strict=True):
            assert scores.intervals[measure] == pytest.approx(percentiles(found, resamples), abs=1e-12)


def test_identical_attribute_values_give_one_in_every_scope_with_a_one_to_one_interval() -> None:
    data, _ = attribute_corpus(3)
    same = [replace(article, codings={name: article.codings["ali"] for name in NAMES})
            for article in data.articles]
    report = report_to_json(build_report(replace(data, articles=tuple(same)), bootstrap=50))
    for mode in ("exact", "overlap"):
        role = report["attributes"]["per_attribute"]["actor.role"][mode]
        assert role["alpha"] == 1.0 and (role["alpha_ci_low"], role["alpha_ci_high"]) == (1.0, 1.0)
        assert all(pair["kappa"] == 1.0 for pair in role["pairs"])
        assert all(a["attributes"]["actor.role"][mode]["alpha"] == 1.0 for a in report["per_article"])


def test_csv_interval_rows_equal_the_json_intervals() -> None:
    data = code_corpus(random_answers(2, 10))
    report = build_report(data, bootstrap=80, seed=2)
    shown = report_to_json(report)["codes"]["per_question"]
    rows = {row[:4]: row for row in csv_rows(report)}
    for bound in ("low", "high"):
        alpha = rows[("overall", "", "stance", f"code_alpha_ci_{bound}")][4]
        assert float(alpha) == shown["stance"][f"alpha_ci_{bound}"]
        kappa = rows[("pair", "ali|omar", "topics", f"code_kappa_ci_{bound}")][4]
        assert float(kappa) == shown["topics"]["pairs"][0][f"kappa_ci_{bound}"]
    attributes = attribute_data(5, 6)
    report = build_report(attributes, bootstrap=80, seed=2)
    role = report_to_json(report)["attributes"]["per_attribute"]["actor.role"]["overlap"]
    rows = {row[:4]: row for row in csv_rows(report)}
    high = rows[("overall", "", "actor.role", "attribute_alpha_overlap_ci_high")][4]
    assert float(high) == role["alpha_ci_high"]
