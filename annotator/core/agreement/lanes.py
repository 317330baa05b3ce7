"""Sub-lanes for one annotator's spans: overlapping spans side by side, never on top of each other.

The comparison view gives every annotator a lane under each line of text; where one annotator's spans
overlap (nested or crossing), one lane would paint them over each other. Greedy interval partitioning
(spans by start, each into the lowest-numbered sub-lane free at its start) uses as few sub-lanes as the
deepest pile of overlapping spans, which is the least any layout can.
"""

from __future__ import annotations

import heapq
from collections.abc import Sequence


def sub_lanes(extents: Sequence[tuple[int, int]]) -> list[int]:
    """The sub-lane (0, 1, …) of each half-open extent (start, end), in the order given.

    Extents that only touch (one ends where the next starts) share a sub-lane; ties in start are taken
    longest first, so a span and one nested in it keep the outer one on top.
    """
    order = sorted(range(len(extents)), key=lambda i: (extents[i][0], -extents[i][1], i))
    busy: list[tuple[int, int]] = []  # (end, sub-lane) of sub-lanes in use
    free: list[int] = []  # sub-lanes free again, lowest first
    lane_of = [0] * len(extents)
    used = 0
    for i in order:
        start, end = extents[i]
        while busy and busy[0][0] <= start:
            heapq.heappush(free, heapq.heappop(busy)[1])
        if free:
            lane = heapq.heappop(free)
        else:
            lane, used = used, used + 1
        lane_of[i] = lane
        heapq.heappush(busy, (max(end, start), lane))
    return lane_of


def lane_count(lanes: Sequence[int]) -> int:
    """How many sub-lanes ``sub_lanes`` used (1 for none, so an annotator without spans keeps a lane)."""
    return max(lanes, default=0) + 1


__all__ = ["lane_count", "sub_lanes"]
