"""Disagreements between annotators and the label confusion matrix (for the dashboard), by hand."""

from __future__ import annotations

from annotator.core.agreement.confusion import label_confusion
from annotator.core.agreement.data import AgreementArticle, AgreementInput
from annotator.core.agreement.disagreements import DisagreementKind, article_disagreements
from annotator.core.model import SpanRef as S

LABELS = ("actor", "demand", "denial")


def test_disagreements_name_missing_label_and_boundary() -> None:
    article = AgreementArticle("d", "t", "x" * 40, {
        "a": (S(0, 5, "actor"), S(10, 15, "actor"), S(20, 25, "demand"), S(30, 35, "actor")),
        "b": (S(0, 5, "actor"), S(10, 15, "demand"), S(21, 27, "demand")),
    })
    found = {(d.kind, d.annotator, d.span, d.other_span) for d in article_disagreements(article)}
    assert found == {
        (DisagreementKind.LABEL, "a", S(10, 15, "actor"), S(10, 15, "demand")),
        (DisagreementKind.BOUNDARY, "a", S(20, 25, "demand"), S(21, 27, "demand")),
        (DisagreementKind.MISSING, "a", S(30, 35, "actor"), None),
    }


def test_missing_span_is_reported_from_the_side_that_has_it() -> None:
    article = AgreementArticle("d", "t", "x" * 10, {"a": (), "b": (S(1, 4, "actor"),)})
    (only,) = article_disagreements(article)
    assert (only.kind, only.annotator, only.other) == (DisagreementKind.MISSING, "b", "a")
    assert only.other_span is None


def test_label_confusion_counts_each_span_of_each_ordered_pair() -> None:
    article = AgreementArticle("d", "t", "x" * 40, {
        "a": (S(0, 5, "actor"), S(10, 15, "actor"), S(30, 35, "actor")),
        "b": (S(0, 5, "actor"), S(10, 15, "demand")),
    })
    matrix = label_confusion(AgreementInput(LABELS, (article,)))
    assert matrix["actor"] == {"actor": 2, "demand": 1, "denial": 0, "missed": 1}
    assert matrix["demand"] == {"actor": 1, "demand": 0, "denial": 0, "missed": 0}


def test_identical_annotations_have_no_disagreement() -> None:
    spans = (S(0, 5, "actor"), S(6, 9, "demand"))
    article = AgreementArticle("d", "t", "x" * 10, {"a": spans, "b": spans, "c": spans})
    assert article_disagreements(article) == []
    matrix = label_confusion(AgreementInput(LABELS, (article,)))
    assert matrix["actor"]["actor"] == 6 and matrix["actor"]["missed"] == 0
