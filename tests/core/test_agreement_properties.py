"""Agreement invariants on generated span sets (hypothesis): what must hold whatever the annotations."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.agreement.data import AgreementArticle, AgreementInput
from annotator.core.agreement.render import report_to_json
from annotator.core.agreement.report import MEASURES, build_report
from annotator.core.model import SpanRef

LABELS = ("actor", "demand")
TEXT = "قال الوزير إن المفاوضات مستمرة مع الوسطاء"


def span_sets(length: int = len(TEXT)):
    return st.lists(
        st.tuples(st.integers(0, length - 1), st.integers(1, 12), st.sampled_from(LABELS)).map(
            lambda t: SpanRef(t[0], min(length, t[0] + t[1]), t[2])),
        max_size=6, unique=True).map(lambda spans: tuple(sorted(spans)))


@st.composite
def corpora(draw: st.DrawFn) -> AgreementInput:
    articles = []
    for n in range(draw(st.integers(1, 3))):
        names = draw(st.lists(st.sampled_from(["ali", "omar", "sara"]), min_size=2, max_size=3, unique=True))
        articles.append(AgreementArticle(f"a{n}", "t", TEXT, {name: draw(span_sets()) for name in names}))
    return AgreementInput(LABELS, tuple(articles))


def all_scores(report):
    yield report.overall
    yield from report.per_label.values()
    for article in report.articles:
        yield article.scores
        yield from article.per_label.values()
    for pair in report.pairs:
        yield pair.scores
        yield from pair.per_label.values()


@settings(max_examples=40, deadline=None)
@given(corpora())
def test_every_figure_is_finite_in_range_or_null_with_a_reason(data: AgreementInput) -> None:
    report = build_report(data)
    for scores in all_scores(report):
        for measure in MEASURES:
            value = scores.value(measure)
            if value is None:
                continue
            assert value == value  # not NaN
            assert value <= 1.0 + 1e-12
            if measure.startswith("f1"):
                assert value >= 0.0
    document = report_to_json(report)
    for name, value in document["overall"].items():
        if value is None:
            assert document["overall"]["reasons"][name]


@settings(max_examples=40, deadline=None)
@given(corpora())
def test_overlap_f1_is_at_least_exact_f1(data: AgreementInput) -> None:
    for scores in all_scores(build_report(data)):
        if scores.f1_exact is not None:
            assert scores.f1_overlap >= scores.f1_exact - 1e-12


@settings(max_examples=30, deadline=None)
# Every label on some non-white-space character (white space is never a unit of agreement).
@given(span_sets().filter(lambda spans: len({s.label for s in spans if TEXT[s.start:s.end].strip()})
                          == len(LABELS)))
def test_identical_annotations_agree_perfectly(spans) -> None:
    article = AgreementArticle("a", "t", TEXT, {"ali": spans, "sara": spans, "omar": spans})
    report = build_report(AgreementInput(LABELS, (article,)))
    overall = report.overall
    assert (overall.f1_exact, overall.f1_overlap) == (1.0, 1.0)
    assert overall.kappa_mean == pytest.approx(1.0, abs=1e-12)
    assert overall.alpha_char == 1.0 or overall.alpha_char is None
    assert overall.alpha_u == 1.0


@settings(max_examples=30, deadline=None)
@given(corpora())
def test_renaming_annotators_changes_no_figure(data: AgreementInput) -> None:
    rename = {"ali": "zaid", "omar": "basma", "sara": "huda"}
    renamed = AgreementInput(data.labels, tuple(
        AgreementArticle(a.id, a.title, a.text, {rename[n]: s for n, s in a.spans.items()})
        for a in data.articles))
    first, second = build_report(data), build_report(renamed)
    for measure in ("alpha_char", "alpha_u", "kappa_mean", "f1_exact", "f1_overlap"):
        a, b = first.overall.value(measure), second.overall.value(measure)
        assert (a is None) == (b is None)
        if a is not None:
            assert abs(a - b) < 1e-9
