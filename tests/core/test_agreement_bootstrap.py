"""Bootstrap intervals: the summed-array shortcut equals rebuilding the report on each resample."""

from __future__ import annotations

import numpy as np
import pytest

from annotator.core.agreement.bootstrap import resample_counts
from annotator.core.agreement.data import AgreementInput
from annotator.core.agreement.report import build_report

from .test_agreement_ac1_fleiss import random_corpus

MEASURES = ("alpha_char", "alpha_u", "ac1", "fleiss_kappa", "f1_exact", "f1_overlap")


def slow_intervals(data: AgreementInput, resamples: int, seed: int, label: str | None) -> dict:
    """Rebuild the whole report on every resample (articles repeated as drawn) and take percentiles."""
    counts = resample_counts(len(data.articles), resamples, seed)
    samples: dict[str, list[float]] = {m: [] for m in MEASURES}
    for row in counts:
        articles = tuple(a for a, k in zip(data.articles, row, strict=True) for _ in range(k))
        report = build_report(AgreementInput(data.labels, articles))
        scores = report.overall if label is None else report.per_label[label]
        for m in MEASURES:
            if scores.value(m) is not None:
                samples[m].append(scores.value(m))
    return {m: tuple(np.percentile(v, [2.5, 97.5])) for m, v in samples.items() if len(v) * 2 >= resamples}


@pytest.mark.parametrize("label", [None, "actor"])
def test_intervals_equal_rebuilding_the_report_on_every_resample(label: str | None) -> None:
    data = random_corpus(11, articles=8)
    report = build_report(data, bootstrap=40, seed=5)
    scores = report.overall if label is None else report.per_label[label]
    expected = slow_intervals(data, 40, 5, label)
    assert set(scores.intervals) == set(expected)
    for measure, (low, high) in expected.items():
        assert scores.intervals[measure] == pytest.approx((low, high), abs=1e-12), measure


def test_same_seed_same_intervals_other_seed_other_intervals() -> None:
    data = random_corpus(3, articles=10)
    first = build_report(data, bootstrap=200, seed=1).overall.intervals
    assert build_report(data, bootstrap=200, seed=1).overall.intervals == first
    assert build_report(data, bootstrap=200, seed=2).overall.intervals != first


def test_no_bootstrap_means_no_intervals() -> None:
    report = build_report(random_corpus(3))
    assert report.overall.intervals == {}
    assert all(not s.intervals for s in report.per_label.values())


def test_resample_counts_draw_every_article_set_of_the_right_size() -> None:
    counts = resample_counts(7, 300, seed=0)
    assert counts.shape == (300, 7)
    assert (counts.sum(axis=1) == 7).all()
    assert counts.mean() == pytest.approx(1.0)


def test_alpha_u_of_the_unresampled_corpus_equals_the_report() -> None:
    from annotator.core.agreement.layout import build_layout
    from annotator.core.agreement.unitizing_bootstrap import resampled_alpha_u

    data = random_corpus(4, articles=9)
    report = build_report(data)
    layout = build_layout(data)
    full = layout.present.all(axis=0)
    figures = resampled_alpha_u(layout, full, np.ones((1, len(data.articles)), dtype=np.int64))
    assert figures[0][0][0] == pytest.approx(report.overall.alpha_u, abs=1e-12)
    for k, label in enumerate(data.labels):
        expected = report.per_label[label].alpha_u
        if expected is None:
            assert figures[k + 1][1][0] != ""
        else:
            assert figures[k + 1][0][0] == pytest.approx(expected, abs=1e-12)


@pytest.mark.parametrize("seed", [21, 22])
def test_alpha_u_intervals_equal_rebuilding_on_other_corpora(seed: int) -> None:
    data = random_corpus(seed, articles=7)
    scores = build_report(data, bootstrap=30, seed=seed).overall
    expected = slow_intervals(data, 30, seed, None)
    assert ("alpha_u" in scores.intervals) == ("alpha_u" in expected)
    if "alpha_u" in expected:
        assert scores.intervals["alpha_u"] == pytest.approx(expected["alpha_u"], abs=1e-12)
