"""Krippendorff's unitizing α (α_u) for span data, ported from DKPro Agreement.

Port of ``KrippendorffAlphaUnitizingAgreement`` in dkpro/dkpro-statistics
(dkpro-statistics-agreement/src/main/java/org/dkpro/statistics/agreement/unitizing/, Apache 2.0;
Krippendorff 1995, "On the reliability of unitizing contiguous data", and Krippendorff 2004, Content
Analysis, 2nd ed., pp. 251–256). DKPro walks each rater pair's units and gaps along the continuum; the
walk's sum equals the closed forms used here, which we evaluate with numpy:

* observed, per category and rater pair: each unit lying wholly in the other rater's gap adds its
  squared length; each pair of overlapping units adds (Δbegin)² + (Δend)²; D_o = 2·Σ / (R(R−1)L²).
* expected, per category: D_e = 2/L · Σ_units [(N_c−1)(2l³−3l²+l)/3 + l²·Σ_{gaps g ≥ l}(g−l+1)]
  / (RL(RL−1) − Σ_units l(l−1)), gaps being every rater's stretches without a unit of the category.
* α_u per category = 1 − D_o/D_e; over all categories = 1 − ΣD_o/ΣD_e (DKPro averages both over the
  categories that occur, which is the same ratio).

DKPro requires that one rater's units of one category do not overlap; overlapping (or nested) spans of
one annotator with one label are therefore merged into their union first. Zero-length units carry no
mass and are ignored, as in DKPro.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from annotator.core.agreement.undefined import Figures, one, undefined_where

NO_UNITS = "no annotator marked a span with this label"
TOO_FEW_RATERS = "fewer than two annotators"
NO_EXPECTED = "no expected disagreement (the spans leave no room for chance)"


def measure_distance(
    begin1: int, length1: int, category1: object, begin2: int, length2: int, category2: object
) -> float:
    """DKPro's distance between two segments of two raters (``None`` category = a gap)."""
    begin_diff = begin1 - begin2
    length_diff = length1 - length2
    if category1 is not None and category2 is not None and -length1 < begin_diff < length2:
        return float(begin_diff**2 + (begin_diff + length_diff) ** 2)
    if category1 is not None and category2 is None and -length_diff >= begin_diff >= 0:
        return float(length1 * length1)
    if category1 is None and category2 is not None and -length_diff <= begin_diff <= 0:
        return float(length2 * length2)
    return 0.0


@dataclass(frozen=True)
class UnitizingDisagreement:
    """D_o and D_e per category, and how many (merged) units each category has."""

    observed: tuple[float, ...]
    expected: tuple[float, ...]
    units: tuple[int, ...]
    raters: int
    length: int


def merge_units(start: np.ndarray, end: np.ndarray, group: np.ndarray) -> tuple[np.ndarray, ...]:
    """Union of overlapping units within each group (one rater, one category); touching units stay apart.

    Returns (start, end, group) sorted by group then start.
    """
    order = np.lexsort((end, start, group))
    start, end, group = start[order], end[order], group[order]
    if len(start) == 0:
        return start, end, group
    # Running maximum of ends within each group: offset each group's ends above every earlier group's.
    span = int(end.max() - start.min()) + 1 if len(end) else 1
    lifted = end + group * span
    reach = np.maximum.accumulate(lifted) - group * span
    new = np.ones(len(start), dtype=bool)
    new[1:] = (group[1:] != group[:-1]) | (start[1:] >= reach[:-1])
    heads = np.flatnonzero(new)
    merged_end = np.maximum.reduceat(end, heads)
    return start[heads], merged_end, group[heads]


def unitizing_disagreement(
    rater: np.ndarray,
    start: np.ndarray,
    end: np.ndarray,
    category: np.ndarray,
    n_raters: int,
    n_categories: int,
    begin: int,
    length: int,
) -> UnitizingDisagreement:
    """D_o and D_e of every category for units ``[start, end)`` on the continuum ``[begin, begin+length)``.

    ``rater`` and ``category`` are indices (0 ≤ rater < n_raters, 0 ≤ category < n_categories).
    """
    rater, start, end, category = (np.asarray(x, dtype=np.int64) for x in (rater, start, end, category))
    keep = end > start
    group = category[keep] * n_raters + rater[keep]
    start, end, group = merge_units(start[keep], end[keep], group)
    observed, expected, units = [], [], []
    for c in range(n_categories):
        per_rater = []
        for r in range(n_raters):
            lo, hi = np.searchsorted(group, [c * n_raters + r, c * n_raters + r + 1])
            per_rater.append((start[lo:hi], end[lo:hi]))
        count = sum(len(s) for s, _ in per_rater)
        units.append(count)
        if count == 0 or n_raters < 2 or length <= 0:
            observed.append(0.0)
            expected.append(0.0)
            continue
        observed.append(_observed(per_rater, n_raters, length))
        expected.append(_expected(per_rater, n_raters, begin, length))
    return UnitizingDisagreement(tuple(observed), tuple(expected), tuple(units), n_raters, length)


def _observed(per_rater: list[tuple[np.ndarray, np.ndarray]], n_raters: int, length: int) -> float:
    total = 0
    for r1 in range(n_raters):
        for r2 in range(r1 + 1, n_raters):
            total += _pair_distance(*per_rater[r1], *per_rater[r2])
    return 2.0 * total / (n_raters * (n_raters - 1) * length * length)


def _pair_distance(s1: np.ndarray, e1: np.ndarray, s2: np.ndarray, e2: np.ndarray) -> int:
    """Σ of DKPro distances between two raters' disjoint, sorted units of one category."""
    low = np.searchsorted(e2, s1, side="right")  # first unit of rater 2 ending after s1
    high = np.searchsorted(s2, e1, side="left")  # first unit of rater 2 starting at or after e1
    hits = np.maximum(high - low, 0)
    alone1 = (e1 - s1)[hits == 0]
    low2 = np.searchsorted(e1, s2, side="right")
    high2 = np.searchsorted(s1, e2, side="left")
    alone2 = (e2 - s2)[np.maximum(high2 - low2, 0) == 0]
    i = np.repeat(np.arange(len(s1)), hits)
    j = np.repeat(low - np.concatenate(([0], np.cumsum(hits)[:-1])), hits) + np.arange(len(i))
    overlaps = (s1[i] - s2[j]) ** 2 + (e1[i] - e2[j]) ** 2
    return sum((alone1 * alone1).tolist()) + sum((alone2 * alone2).tolist()) + sum(overlaps.tolist())


def _expected(
    per_rater: list[tuple[np.ndarray, np.ndarray]], n_raters: int, begin: int, length: int
) -> float:
    gaps = []
    for s, e in per_rater:
        edges_start = np.concatenate(([begin], e))
        edges_end = np.concatenate((s, [begin + length]))
        gap = edges_end - edges_start
        gaps.append(gap[gap > 0])
    gaps_sorted = np.sort(np.concatenate(gaps))
    tail_sum = np.concatenate((np.cumsum(gaps_sorted[::-1])[::-1], [0]))
    lengths = np.concatenate([e - s for s, e in per_rater])
    n_c = len(lengths)
    first = np.searchsorted(gaps_sorted, lengths, side="left")  # gaps g ≥ l
    gap_term = tail_sum[first] - (lengths - 1) * (len(gaps_sorted) - first)
    own_term = (n_c - 1) * (lengths * (lengths - 1) * (2 * lengths - 1) // 3)
    total = sum(own_term.tolist()) + sum((lengths * lengths * gap_term).tolist())
    squared = sum((lengths * (lengths - 1)).tolist())
    denominator = n_raters * length * (n_raters * length - 1) - squared
    return 2.0 * total / length / denominator


def alpha_u_many(
    observed: np.ndarray, expected: np.ndarray, units: np.ndarray, raters: np.ndarray
) -> Figures:
    """α_u = 1 − D_o/D_e as DKPro combines them (0 when D_o = D_e), for arrays; undefined with fewer
    than two raters, no units, or no expected disagreement."""
    observed, expected = np.asarray(observed, dtype=float), np.asarray(expected, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        alpha = np.where(observed == expected, 0.0, 1.0 - observed / expected)
    return undefined_where(
        [np.asarray(raters) < 2, np.asarray(units) == 0, expected == 0],
        [TOO_FEW_RATERS, NO_UNITS, NO_EXPECTED], alpha)


def alpha_u(observed: float, expected: float, units: int, raters: int) -> tuple[float | None, str]:
    """``alpha_u_many`` for one study: ``(alpha, "")`` or ``(None, reason)``."""
    return one(alpha_u_many(observed, expected, units, raters))


def category_alpha(result: UnitizingDisagreement, category: int) -> tuple[float | None, str]:
    """α_u of one category."""
    return alpha_u(result.observed[category], result.expected[category], result.units[category],
                   result.raters)


def overall_alpha(result: UnitizingDisagreement) -> tuple[float | None, str]:
    """α_u over every category that has units (DKPro's calculateAgreement)."""
    present = [c for c, n in enumerate(result.units) if n > 0]
    if not present:
        return alpha_u(0.0, 0.0, 0, result.raters)
    observed = sum(result.observed[c] for c in present)
    expected = sum(result.expected[c] for c in present)
    return alpha_u(observed / len(present), expected / len(present), sum(result.units), result.raters)


@dataclass(frozen=True)
class BlockDisagreement:
    """D_o, D_e and unit counts per category × block (each block, e.g. an article, its own continuum);
    ``raters`` counts the raters present on each block."""

    observed: np.ndarray
    expected: np.ndarray
    units: np.ndarray
    raters: np.ndarray


def block_disagreement(
    rater: np.ndarray,
    start: np.ndarray,
    end: np.ndarray,
    category: np.ndarray,
    block: np.ndarray,
    present: np.ndarray,
    lengths: np.ndarray,
    n_categories: int,
) -> BlockDisagreement:
    """The same D_o and D_e as ``unitizing_disagreement``, for many small continua at once.

    Offsets are relative to each block's start; ``present`` is raters × blocks (a rater absent from a
    block is not one of its raters); ``lengths`` are the blocks' lengths. Each (category, block) cell
    is computed as if it were a study on its own, in one vectorised pass over all cells.
    """
    present = np.asarray(present, dtype=bool)
    lengths = np.asarray(lengths, dtype=np.int64)
    n_raters, n_blocks = present.shape
    cells = n_categories * n_blocks
    rater, start, end, category, block = (np.asarray(x, dtype=np.int64)
                                          for x in (rater, start, end, category, block))
    keep = end > start
    group = (category[keep] * n_blocks + block[keep]) * n_raters + rater[keep]
    start, end, group = merge_units(start[keep], end[keep], group)
    rat = group % n_raters
    cell = group // n_raters
    blk = cell % n_blocks
    units = np.bincount(cell, minlength=cells)
    step = int(lengths.max()) + 2 if len(lengths) else 2
    # Cells side by side on one line, ``step`` apart, so sorted searches never cross a cell.
    line_start, line_end = cell * step + start, cell * step + end
    distance = np.zeros(cells)
    for r1 in range(n_raters):
        for r2 in range(r1 + 1, n_raters):
            one, two = np.flatnonzero(rat == r1), np.flatnonzero(rat == r2)
            alone1, alone2, pairs, where = _pair_terms(line_start[one], line_end[one],
                                                       line_start[two], line_end[two])
            shared = present[r1] & present[r2]
            distance += np.bincount(cell[one], weights=alone1 * shared[blk[one]], minlength=cells)
            distance += np.bincount(cell[two], weights=alone2 * shared[blk[two]], minlength=cells)
            distance += np.bincount(cell[one][where], weights=pairs, minlength=cells)
    raters = present.sum(axis=0)
    per_cell_raters = np.tile(raters, n_categories)
    per_cell_length = np.tile(lengths, n_categories).astype(float)
    valid = (per_cell_raters >= 2) & (per_cell_length > 0) & (units > 0)
    observed = np.zeros(cells)
    observed[valid] = 2.0 * distance[valid] / (
        per_cell_raters[valid] * (per_cell_raters[valid] - 1) * per_cell_length[valid] ** 2)
    expected = _block_expected(start, end, rat, cell, units, present, lengths, n_categories, step, valid)
    shape = (n_categories, n_blocks)
    return BlockDisagreement(observed.reshape(shape), expected.reshape(shape), units.reshape(shape), raters)


def _pair_terms(s1, e1, s2, e2):
    """Squared lengths of units alone in the other's gap (each side) and Δ² terms of overlapping pairs,
    with the index (into side 1) each pair term belongs to."""
    low = np.searchsorted(e2, s1, side="right")
    high = np.searchsorted(s2, e1, side="left")
    hits = np.maximum(high - low, 0)
    low2 = np.searchsorted(e1, s2, side="right")
    high2 = np.searchsorted(s1, e2, side="left")
    alone1 = np.where(hits == 0, (e1 - s1) ** 2, 0).astype(float)
    alone2 = np.where(np.maximum(high2 - low2, 0) == 0, (e2 - s2) ** 2, 0).astype(float)
    i = np.repeat(np.arange(len(s1)), hits)
    j = np.repeat(low - np.concatenate(([0], np.cumsum(hits)[:-1])), hits) + np.arange(len(i))
    return alone1, alone2, ((s1[i] - s2[j]) ** 2 + (e1[i] - e2[j]) ** 2).astype(float), i


def _block_expected(start, end, rat, cell, units, present, lengths, n_categories, step, valid):
    n_raters, n_blocks = present.shape
    cells = n_categories * n_blocks
    blk = cell % n_blocks
    group = cell * n_raters + rat
    first = np.ones(len(start), dtype=bool)
    first[1:] = group[1:] != group[:-1]
    last = np.ones(len(start), dtype=bool)
    last[:-1] = group[1:] != group[:-1]
    inner = start[1:] - end[:-1]
    gap_values = [start[first], inner[~first[1:]], lengths[blk[last]] - end[last]]
    gap_cells = [cell[first], cell[1:][~first[1:]], cell[last]]
    # A present rater with no unit of the category in the block: one gap the block's whole length.
    has_units = np.zeros(cells * n_raters, dtype=bool)
    has_units[group] = True
    c, r, b = np.meshgrid(np.arange(n_categories), np.arange(n_raters), np.arange(n_blocks), indexing="ij")
    empty = present[r, b] & ~has_units[(c * n_blocks + b) * n_raters + r]
    gap_values.append(lengths[b[empty]])
    gap_cells.append((c * n_blocks + b)[empty])
    gaps, gap_cell = np.concatenate(gap_values), np.concatenate(gap_cells)
    positive = gaps > 0
    keys = np.sort(gap_cell[positive] * step + gaps[positive])
    gap_sizes = keys % step
    prefix = np.concatenate(([0], np.cumsum(gap_sizes)))
    lengths_u = end - start
    low = np.searchsorted(keys, cell * step + lengths_u, side="left")
    high = np.searchsorted(keys, (cell + 1) * step, side="left")
    gap_term = (prefix[high] - prefix[low]) - (lengths_u - 1) * (high - low)
    own = (units[cell] - 1) * (lengths_u * (lengths_u - 1) * (2 * lengths_u - 1) // 3)
    total = np.bincount(cell, weights=(own + lengths_u * lengths_u * gap_term).astype(float), minlength=cells)
    squared = np.bincount(cell, weights=(lengths_u * (lengths_u - 1)).astype(float), minlength=cells)
    raters = np.tile(present.sum(axis=0), n_categories).astype(float)
    length = np.tile(lengths, n_categories).astype(float)
    denominator = raters * length * (raters * length - 1) - squared
    expected = np.zeros(cells)
    ok = valid & (denominator > 0)
    expected[ok] = 2.0 * total[ok] / length[ok] / denominator[ok]
    return expected
