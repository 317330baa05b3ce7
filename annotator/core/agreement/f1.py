"""Span F1 between two annotators: exact (same start, end and label) and overlap (same label, at least
one shared character, each span matched at most once, as many matches as possible).

F1 = 2·matches / (n_a + n_b). The overlap matching is a maximum bipartite matching (Hopcroft–Karp in
``scipy.sparse.csgraph``) over one block-diagonal graph per pair: spans can only meet within the same
article and label, so one call matches the whole corpus and each block's share is its own maximum.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import maximum_bipartite_matching

from annotator.core.agreement.layout import Layout
from annotator.core.agreement.undefined import Figures, one, undefined_where

NO_SPANS = "neither annotator marked a span"


def f1_many(matches: np.ndarray, spans_a: np.ndarray, spans_b: np.ndarray) -> Figures:
    """F1 = 2·matches / (n_a + n_b) for arrays of counts; undefined where there are no spans at all."""
    matches, total = np.asarray(matches, dtype=float), np.asarray(spans_a, dtype=float) + spans_b
    with np.errstate(divide="ignore", invalid="ignore"):
        return undefined_where([total == 0], [NO_SPANS], 2 * matches / total)


def f1_score(matches: float, spans_a: float, spans_b: float) -> tuple[float | None, str]:
    """``f1_many`` for one count: ``(f1, "")`` or ``(None, reason)``."""
    return one(f1_many(matches, spans_a, spans_b))


@dataclass(frozen=True)
class SpanCounts:
    """Per pair × label × article: exact and overlap matches; per annotator × label × article: spans.

    ``exact_partner[p, row]`` / ``overlap_partner[p, row]``: for a span row of pair p's first annotator,
    the row of the second annotator's span it is matched to (−1: none, or not the first annotator's row);
    the relation and attribute measures match spans by these same matchings.
    """

    exact: np.ndarray
    overlap: np.ndarray
    spans: np.ndarray
    exact_partner: np.ndarray | None = None
    overlap_partner: np.ndarray | None = None


def overlap_edges(
    starts_a: np.ndarray, ends_a: np.ndarray, starts_b: np.ndarray, ends_b: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Every (i, j) with span a[i] and span b[j] sharing a character; ``starts_b`` must be sorted.

    A b-span that overlaps a[i] starts before a[i] ends and after a[i].start − (longest b span), so
    only that window of the sorted b-starts is examined.
    """
    if len(starts_a) == 0 or len(starts_b) == 0:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty
    longest = int((ends_b - starts_b).max())
    low = np.searchsorted(starts_b, starts_a - longest, side="right")
    high = np.searchsorted(starts_b, ends_a, side="left")
    width = np.maximum(high - low, 0)
    i = np.repeat(np.arange(len(starts_a)), width)
    first = np.repeat(low - np.concatenate(([0], np.cumsum(width)[:-1])), width)
    j = first + np.arange(len(i))
    keep = ends_b[j] > starts_a[i]
    return i[keep], j[keep]


def max_overlap_matching(
    starts_a: np.ndarray, ends_a: np.ndarray, starts_b: np.ndarray, ends_b: np.ndarray
) -> np.ndarray:
    """For each a-span, the index of the b-span it is matched to (or −1), maximising the matches.

    Spans must already be separated by article and label (e.g. in label-offset coordinates);
    ``starts_b`` must be sorted.
    """
    i, j = overlap_edges(starts_a, ends_a, starts_b, ends_b)
    if len(i) == 0:
        return np.full(len(starts_a), -1, dtype=np.int64)
    graph = csr_matrix((np.ones(len(i), dtype=np.int8), (i, j)), shape=(len(starts_a), len(starts_b)))
    return np.asarray(maximum_bipartite_matching(graph, perm_type="column"), dtype=np.int64)


def span_counts(layout: Layout, progress: Callable[[], None] | None = None) -> SpanCounts:
    """Count spans and exact/overlap matches for every pair, label and article."""
    n_labels, n_articles = len(layout.labels), layout.n_articles
    cells = n_labels * n_articles
    cell = layout.label * n_articles + layout.article
    spans = np.stack([
        np.bincount(cell[layout.annotator == a], minlength=cells).reshape(n_labels, n_articles)
        for a in range(len(layout.annotators))
    ]) if layout.annotators else np.zeros((0, n_labels, n_articles), dtype=np.int64)
    # Label-separated coordinates: label k's copy of the continuum starts at k·(length + 1).
    shift = layout.label * (layout.length + 1)
    gstart, gend = layout.start + shift, layout.end + shift
    key = gstart * (n_labels * (layout.length + 1) + 1) + gend
    exact = np.zeros((len(layout.pairs), n_labels, n_articles), dtype=np.int64)
    overlap = np.zeros_like(exact)
    exact_partner = np.full((len(layout.pairs), len(layout.start)), -1, dtype=np.int64)
    overlap_partner = np.full_like(exact_partner, -1)
    for p, (a, b) in enumerate(layout.pairs):
        shared = layout.pair_present(a, b)
        rows_a = np.flatnonzero((layout.annotator == a) & shared[layout.article])
        rows_b = np.flatnonzero((layout.annotator == b) & shared[layout.article])
        _, where_a, where_b = np.intersect1d(key[rows_a], key[rows_b],
                                             return_indices=True)
        exact[p] = np.bincount(cell[rows_a[where_a]], minlength=cells).reshape(n_labels, n_articles)
        exact_partner[p, rows_a[where_a]] = rows_b[where_b]
        rows_b = rows_b[np.argsort(gstart[rows_b], kind="stable")]
        partner = max_overlap_matching(gstart[rows_a], gend[rows_a], gstart[rows_b], gend[rows_b])
        matched = rows_a[partner >= 0]
        overlap_partner[p, matched] = rows_b[partner[partner >= 0]]
        overlap[p] = np.bincount(cell[matched], minlength=cells).reshape(n_labels, n_articles)
        if progress is not None:
            progress()
    return SpanCounts(exact, overlap, spans, exact_partner, overlap_partner)
