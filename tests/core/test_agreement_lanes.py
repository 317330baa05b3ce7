"""Sub-lanes for one annotator's overlapping spans: never two overlapping spans in one sub-lane, and no
more sub-lanes than the deepest pile of overlapping spans (checked against a brute-force count)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from annotator.core.agreement.lanes import lane_count, sub_lanes


def test_separate_spans_share_the_first_sub_lane() -> None:
    assert sub_lanes([(0, 3), (5, 8), (8, 10)]) == [0, 0, 0]  # touching is not overlapping


def test_nested_and_crossing_spans_get_their_own_sub_lanes() -> None:
    # a long span, one nested in it, one crossing its end, then one after the nested one freed its lane
    lanes = sub_lanes([(4, 6), (0, 10), (8, 14), (7, 9)])
    assert lanes[1] == 0  # the outer span stays on top
    assert lanes[1] != lanes[0] and lanes[1] != lanes[2] and lanes[1] != lanes[3]
    assert lanes[2] != lanes[3]
    assert lane_count(lanes) == 3


def test_no_spans_still_leave_one_lane() -> None:
    assert sub_lanes([]) == []
    assert lane_count([]) == 1


extents = st.lists(st.tuples(st.integers(0, 40), st.integers(1, 12)).map(lambda t: (t[0], t[0] + t[1])),
                   max_size=25)


@given(extents)
def test_no_two_overlapping_spans_share_a_sub_lane_and_no_lane_is_wasted(spans) -> None:
    lanes = sub_lanes(spans)
    for i, (a, b) in enumerate(spans):
        for j, (c, d) in enumerate(spans[:i]):
            if a < d and c < b:
                assert lanes[i] != lanes[j]
    deepest = max((sum(1 for a, b in spans if a <= x < b) for x in range(60)), default=0)
    assert lane_count(lanes) == max(deepest, 1)
