"""Span F1 on small cases checked by hand: nested, overlapping, one-to-many, label and article bounds."""

from __future__ import annotations

import pytest

from annotator.core.agreement.data import AgreementArticle, AgreementInput
from annotator.core.agreement.report import build_report
from annotator.core.model import SpanRef as S

TEXT = "abcdefghij klmnopqrst uvwxyz0123456789"
LABELS = ("actor", "demand")


def report(a_spans, b_spans, text=TEXT):
    article = AgreementArticle("doc", "t", text, {"a": tuple(a_spans), "b": tuple(b_spans)})
    return build_report(AgreementInput(LABELS, (article,)))


def test_identical_spans_score_one_for_both_f1() -> None:
    r = report([S(0, 5, "actor"), S(11, 15, "demand")], [S(0, 5, "actor"), S(11, 15, "demand")])
    assert (r.overall.f1_exact, r.overall.f1_overlap) == (1.0, 1.0)


def test_nested_span_matches_by_overlap_not_exactly() -> None:
    # a: [0,10) actor; b: [2,5) actor nested inside. exact 0/(1+1); overlap 2·1/(1+1) = 1.
    r = report([S(0, 10, "actor")], [S(2, 5, "actor")])
    assert r.overall.f1_exact == 0.0
    assert r.overall.f1_overlap == 1.0


def test_overlapping_spans_with_different_labels_do_not_match() -> None:
    r = report([S(0, 6, "actor")], [S(3, 9, "demand")])
    assert r.overall.f1_overlap == 0.0
    assert r.per_label["actor"].f1_overlap == 0.0
    assert r.per_label["demand"].f1_overlap == 0.0


def test_one_span_overlapping_many_matches_only_one() -> None:
    # a: one long span; b: three short spans inside it. One-to-one: 1 match; F1 = 2·1/(1+3) = 0.5.
    r = report([S(0, 20, "actor")], [S(0, 3, "actor"), S(5, 8, "actor"), S(12, 15, "actor")])
    assert r.overall.f1_overlap == pytest.approx(0.5)
    assert r.overall.f1_exact == 0.0


def test_matching_is_maximum_not_greedy() -> None:
    # a1 [0,6) overlaps b1 [4,8) and b2 [0,2); a2 [6,9) overlaps only b1 [4,8). A greedy a1→b1 would leave
    # a2 unmatched; the maximum matching pairs a1–b2 and a2–b1: 2 matches, F1 = 2·2/(2+2) = 1.
    r = report([S(0, 6, "actor"), S(6, 9, "actor")], [S(4, 8, "actor"), S(0, 2, "actor")])
    assert r.overall.f1_overlap == 1.0


def test_touching_spans_share_no_character() -> None:
    r = report([S(0, 5, "actor")], [S(5, 9, "actor")])
    assert r.overall.f1_overlap == 0.0


def test_spans_in_different_articles_never_match() -> None:
    one = AgreementArticle("d1", "t", "abcdef", {"a": (S(0, 6, "actor"),), "b": ()})
    two = AgreementArticle("d2", "t", "abcdef", {"a": (), "b": (S(0, 6, "actor"),)})
    r = build_report(AgreementInput(LABELS, (one, two)))
    assert r.overall.f1_exact == 0.0 and r.overall.f1_overlap == 0.0


def test_f1_is_micro_averaged_over_pairs() -> None:
    # a and b agree on 2 spans; c marks nothing. Pairs: (a,b) 2 matches of 4 spans, (a,c) 0 of 2,
    # (b,c) 0 of 2 → 2·2 / (4 + 2 + 2) = 0.5 (a macro mean over pairs would be 1/3).
    spans = (S(0, 3, "actor"), S(11, 14, "demand"))
    article = AgreementArticle("doc", "t", TEXT, {"a": spans, "b": spans, "c": ()})
    r = build_report(AgreementInput(LABELS, (article,)))
    assert r.overall.f1_exact == pytest.approx(0.5)
    assert r.articles[0].scores.f1_exact == pytest.approx(0.5)


def test_f1_without_any_span_is_null_with_reason() -> None:
    r = report([S(0, 3, "actor")], [S(0, 3, "actor")])
    demand = r.per_label["demand"]
    assert demand.f1_exact is None and demand.f1_overlap is None
    assert demand.reasons["f1_exact"] == "neither annotator marked a span"


@pytest.mark.parametrize("seed", range(6))
def test_overlap_matches_equal_an_assignment_solver_on_random_spans(seed: int) -> None:
    """The corpus-wide Hopcroft–Karp matching against scipy's linear_sum_assignment run per article and
    label (a different algorithm) on random, heavily overlapping spans."""
    import numpy as np
    from scipy.optimize import linear_sum_assignment

    rng = np.random.default_rng(seed)
    articles, expected_matches, total_spans = [], 0, 0
    for n in range(5):
        spans = {}
        for name in ("a", "b"):
            refs = set()
            for _ in range(int(rng.integers(0, 12))):
                start = int(rng.integers(0, 55))
                refs.add(S(start, int(rng.integers(start + 1, 61)), LABELS[int(rng.integers(0, 2))]))
            spans[name] = tuple(sorted(refs))
        articles.append(AgreementArticle(f"d{n}", "t", "x" * 60, spans))
        total_spans += len(spans["a"]) + len(spans["b"])
        for label in LABELS:
            left = [s for s in spans["a"] if s.label == label]
            right = [s for s in spans["b"] if s.label == label]
            if left and right:
                weight = np.array([[float(x.start < y.end and y.start < x.end) for y in right] for x in left])
                rows, cols = linear_sum_assignment(weight, maximize=True)
                expected_matches += int(weight[rows, cols].sum())
    r = build_report(AgreementInput(LABELS, tuple(articles)))
    assert r.overall.f1_overlap == pytest.approx(2 * expected_matches / total_spans, abs=1e-12)
