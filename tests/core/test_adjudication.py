"""Vote counting for adjudication, without a database."""

from annotator.core.adjudication import adjudicate_article, alternatives, majority, open_candidates
from annotator.core.model import SpanRef

A, B, C = SpanRef(0, 5, "actor"), SpanRef(0, 7, "actor"), SpanRef(10, 12, "demand")


def test_majority_is_more_than_half() -> None:
    assert [majority(n) for n in range(1, 7)] == [1, 2, 2, 3, 3, 4]


def test_exact_match_is_required_for_a_vote() -> None:
    result = adjudicate_article("d", {"x": [A, C], "y": [B, C], "z": [A]})
    assert [c.ref for c in result.accepted] == [A, C]
    assert [(c.ref, c.annotators) for c in result.undecided] == [(B, ("y",))]


def test_decided_spans_are_neither_accepted_nor_listed() -> None:
    result = adjudicate_article("d", {"x": [A, B], "y": [A, B]}, decided=[A])
    assert [c.ref for c in result.accepted] == [B] and result.undecided == ()


def test_four_annotators_need_three_votes() -> None:
    result = adjudicate_article("d", {"w": [A], "x": [A], "y": [B], "z": []})
    assert result.min_votes == 3 and result.accepted == ()


def test_open_candidates_and_alternatives() -> None:
    assert [c.ref for c in open_candidates({"x": [A, B, C]}, gold=[A], rejected=[C])] == [B]
    assert alternatives(A, [A, B, C, SpanRef(0, 5, "demand")]) == [B]
