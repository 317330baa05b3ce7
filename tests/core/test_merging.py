"""The merge rules as algebra: settling one annotator's work on one article is order-free and idempotent."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.assignment import from_pairs, round_robin
from annotator.core.errors import InputError
from annotator.core.merging import PairConflict, PairWork, resolve, settle
from annotator.core.model import SpanRef, Status

times = st.one_of(st.none(), st.sampled_from(["2026-01-01", "2026-01-02", "2026-01-03"]))
refs = st.sampled_from([SpanRef(0, 3, "actor"), SpanRef(4, 9, "demand"), SpanRef(0, 3, "demand")])


@st.composite
def works(draw, span_sets=None) -> PairWork:
    chosen = draw(span_sets) if span_sets is not None else draw(st.frozensets(refs, max_size=3))
    spans = {ref: (draw(times), draw(times)) for ref in chosen}
    return PairWork(spans, draw(st.sampled_from(list(Status))), draw(times))


def fold(items: list[PairWork], prefer_newer: bool) -> PairWork:
    return settle(items, prefer_newer)


def canonical(work: PairWork) -> tuple:
    """A work as a comparable value (span dicts compare equal whatever their insertion order)."""
    return (tuple(sorted(work.spans.items(), key=lambda kv: (kv[0], repr(kv[1])))), work.status,
            work.updated_at)


@settings(max_examples=150, deadline=None)
@given(st.data())
def test_equal_span_sets_combine_in_any_order_and_idempotently(data):
    same = st.just(data.draw(st.frozensets(refs, max_size=3)))
    items = data.draw(st.lists(works(same), min_size=1, max_size=4))
    results = {canonical(fold(list(order), False)) for order in itertools.permutations(items)}
    assert len(results) == 1
    once = fold(items, False)
    assert resolve(once, once, False) == once
    assert fold([*items, *items], False) == once


@settings(max_examples=150, deadline=None)
@given(st.lists(works(), min_size=1, max_size=4))
def test_prefer_newer_gives_the_same_winner_in_any_order(items):
    untimed_clash = any(w.updated_at is None for w in items) and len({w.span_set() for w in items}) > 1
    for order in itertools.permutations(items):
        if untimed_clash:  # the newer cannot be told: every order must refuse
            with pytest.raises(PairConflict):
                fold(list(order), True)
    if untimed_clash:
        return
    results = {canonical(fold(list(order), True)) for order in itertools.permutations(items)}
    assert len(results) == 1
    newest = max((w.updated_at or "") for w in items)
    assert fold(items, True).span_set() in {w.span_set() for w in items if (w.updated_at or "") == newest}


def test_different_spans_conflict_without_prefer_newer():
    a = PairWork({SpanRef(0, 3, "actor"): ("t", "t")}, Status.DONE, "2026-01-01")
    b = PairWork({SpanRef(0, 4, "actor"): ("t", "t")}, Status.DONE, "2026-01-02")
    with pytest.raises(PairConflict):
        resolve(a, b, False)
    assert resolve(a, b, True) is b and resolve(b, a, True) is b


def test_round_robin_matches_a_hand_worked_assignment():
    # 5 articles, 3 annotators, 2 each: a1→(x,y) a2→(z,x) a3→(y,z) a4→(x,y) a5→(z,x)
    result = round_robin(["a1", "a2", "a3", "a4", "a5"], ["x", "y", "z"], 2)
    assert result == {"x": ["a1", "a2", "a4", "a5"], "y": ["a1", "a3", "a4"], "z": ["a2", "a3", "a5"]}


def test_round_robin_refuses_impossible_requests():
    with pytest.raises(InputError, match="out of 2"):
        round_robin(["a"], ["x", "y"], 3)
    with pytest.raises(InputError, match="at least one annotator"):
        round_robin(["a"], [" "], 1)


def test_explicit_list_keeps_corpus_order_and_names_unknown_ids():
    assert from_pairs([("a3", "x"), ("a1", "x"), ("a1", "x")], ["a1", "a2", "a3"], "who.csv") == \
        {"x": ["a1", "a3"]}
    with pytest.raises(InputError, match=r"who\.csv: entry 2: no article with id 'zz'"):
        from_pairs([("a1", "x"), ("zz", "x")], ["a1"], "who.csv")
