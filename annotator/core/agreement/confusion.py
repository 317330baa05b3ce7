"""The label confusion matrix over a corpus, built with numpy: the whole corpus in four matchings.

The counts are those of pairing the spans of every ordered annotator pair of every article as
``disagreements`` describes (identical spans; same offsets, other label; same label, overlapping;
overlapping; what is left is "missed"), each stage a maximum one-to-one matching. Instead of one small
graph per article pair and stage (thousands of scipy calls and Python loops over span pairs), each
stage is one graph holding every article pair as its own block, vertices in the same order as the
per-pair graphs, and one call of scipy's Hopcroft–Karp matches them all. Blocks share no edge, and that
algorithm only changes a block in a phase whose shortest augmenting path is that block's own shortest,
from the same state as when the block is matched alone; so each block gets exactly the matching it got
on its own (tests compare with the per-pair pairing on random corpora).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from itertools import chain, permutations
from operator import attrgetter

import numpy as np
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import maximum_bipartite_matching

from annotator.core.agreement.data import AgreementArticle, AgreementInput
from annotator.core.agreement.disagreements import MISSED, pair_spans
from annotator.core.agreement.f1 import overlap_edges


@dataclass
class _Side:
    """One side's spans of every ordered article pair (block), in block order and, within a block, in
    the annotator's own order; ``alive`` until paired."""

    block: np.ndarray
    start: np.ndarray
    end: np.ndarray
    label: np.ndarray
    alive: np.ndarray

    def rows(self) -> np.ndarray:
        return np.flatnonzero(self.alive)


def _sides(articles: tuple[AgreementArticle, ...], labels: tuple[str, ...]
           ) -> tuple[_Side, _Side, tuple[str, ...]]:
    """The first (row) and second (column) annotator's spans of every ordered pair of every article,
    each annotator's spans without repeats; and every label seen (``labels`` first)."""
    owned: list[tuple] = []
    pairs: list[tuple[int, int]] = []
    for article in articles:
        first = len(owned)
        owned.extend(article.spans[name] for name in article.annotators)
        pairs.extend(permutations(range(first, len(owned)), 2))
    counts = np.fromiter(map(len, owned), dtype=np.int64, count=len(owned))
    flat = list(chain.from_iterable(owned))
    names = list(map(attrgetter("label"), flat))
    every = (*labels, *sorted(set(names) - set(labels)))
    index = {name: k for k, name in enumerate(every)}
    start = np.fromiter(map(attrgetter("start"), flat), dtype=np.int64, count=len(flat))
    end = np.fromiter(map(attrgetter("end"), flat), dtype=np.int64, count=len(flat))
    label = np.fromiter(map(index.__getitem__, names), dtype=np.int64, count=len(flat))
    # an annotator's repeated span counts once, where it first appears
    owner = np.repeat(np.arange(len(owned)), counts)
    _, first_seen = np.unique(_key(owner, start, end, label), return_index=True)
    keep = np.sort(first_seen)
    owner, start, end, label = owner[keep], start[keep], end[keep], label[keep]
    counts = np.bincount(owner, minlength=len(owned))
    bounds = np.concatenate(([0], np.cumsum(counts)))
    owner_of = np.array(pairs, dtype=np.int64).reshape(-1, 2)
    sides = []
    for column in (0, 1):
        owner = owner_of[:, column]
        n = counts[owner]
        block = np.repeat(np.arange(len(owner)), n)
        rows = np.repeat(bounds[owner], n) + np.arange(n.sum()) - np.repeat(np.cumsum(n) - n, n)
        sides.append(_Side(block, start[rows], end[rows], label[rows], np.ones(len(rows), dtype=bool)))
    return sides[0], sides[1], every


def _key(*columns: np.ndarray) -> np.ndarray:
    """One int64 per row that is equal exactly where all ``columns`` (non-negative) are: mixed radix
    over their ranges, or over their ranks when the ranges together would not fit in 62 bits."""
    radices = [int(column.max(initial=0)) + 1 for column in columns]
    if np.prod([float(r) for r in radices]) >= 2.0 ** 62:
        columns = tuple(np.unique(column, return_inverse=True)[1].ravel() for column in columns)
        radices = [int(column.max(initial=0)) + 1 for column in columns]
    key = np.zeros(len(columns[0]), dtype=np.int64)
    for column, radix in zip(columns, radices, strict=True):
        key = key * radix + column
    return key


def _same_key_edges(key_left: np.ndarray, key_right: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Every (i, j) with key_left[i] == key_right[j]."""
    order = np.argsort(key_right, kind="stable")
    ordered = key_right[order]
    low = np.searchsorted(ordered, key_left, side="left")
    width = np.searchsorted(ordered, key_left, side="right") - low
    i = np.repeat(np.arange(len(key_left)), width)
    first = np.repeat(low - np.concatenate(([0], np.cumsum(width)[:-1])), width)
    return i, order[first + np.arange(len(i))]


def _overlap_within(group_left: np.ndarray, group_right: np.ndarray, left: _Side, right: _Side,
                    rows: np.ndarray, columns: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Every (i, j) of rows × columns in the same group whose spans share a character: each group gets
    its own stretch of one number line, so a span can only meet spans of its group."""
    width = int(max(left.end[rows].max(initial=0), right.end[columns].max(initial=0))) + 1
    start_l, end_l = group_left * width + left.start[rows], group_left * width + left.end[rows]
    start_r, end_r = group_right * width + right.start[columns], group_right * width + right.end[columns]
    order = np.argsort(start_r, kind="stable")
    i, j = overlap_edges(start_l, end_l, start_r[order], end_r[order])
    return i, order[j]


def _match(left: _Side, right: _Side, rows: np.ndarray, columns: np.ndarray, i: np.ndarray,
           j: np.ndarray, matrix: np.ndarray) -> None:
    """One stage: a maximum matching over the candidate edges (i, j) of rows × columns (all blocks in
    one graph, edges in row then column order like a per-pair graph); pairs found are counted and
    taken out."""
    if len(i) == 0:
        return
    order = np.lexsort((j, i))
    graph = csr_matrix((np.ones(len(i)), (i[order], j[order])), shape=(len(rows), len(columns)))
    partner = np.asarray(maximum_bipartite_matching(graph, perm_type="column"))
    paired = np.flatnonzero(partner >= 0)
    row, column = rows[paired], columns[partner[paired]]
    np.add.at(matrix, (left.label[row], right.label[column]), 1)
    left.alive[row] = right.alive[column] = False


def label_confusion_counts(articles: Iterable[AgreementArticle], labels: tuple[str, ...]
                           ) -> dict[str, dict[str, int]]:
    """labels × (labels + "missed") counts over every ordered annotator pair of every article.

    Spans whose label is not in ``labels`` still take part in the pairing but are not counted.
    """
    left, right, every = _sides(tuple(articles), labels)
    matrix = np.zeros((len(every), len(every) + 1), dtype=np.int64)  # last column: missed

    def stage(edges) -> None:
        rows, columns = left.rows(), right.rows()
        if len(rows) and len(columns):
            _match(left, right, rows, columns, *edges(rows, columns), matrix)

    def fields(side: _Side, at: np.ndarray, *names: str) -> list[np.ndarray]:
        return [getattr(side, name)[at] for name in names]

    def same(rows: np.ndarray, columns: np.ndarray, *names: str):
        pairs = zip(fields(left, rows, *names), fields(right, columns, *names), strict=True)
        both = [np.concatenate(pair) for pair in pairs]
        key = _key(*both)
        return _same_key_edges(key[:len(rows)], key[len(rows):])

    # identical spans (each side holds a span once, so these edges are already a matching)
    stage(lambda rows, columns: same(rows, columns, "block", "start", "end", "label"))
    # same offsets, another label
    stage(lambda rows, columns: same(rows, columns, "block", "start", "end"))

    def overlapping(rows: np.ndarray, columns: np.ndarray, by_label: bool):
        if not by_label:
            return _overlap_within(left.block[rows], right.block[columns], left, right, rows, columns)
        key = _key(np.concatenate((left.block[rows], right.block[columns])),
                   np.concatenate((left.label[rows], right.label[columns])))
        return _overlap_within(key[:len(rows)], key[len(rows):], left, right, rows, columns)

    stage(lambda rows, columns: overlapping(rows, columns, by_label=True))
    stage(lambda rows, columns: overlapping(rows, columns, by_label=False))
    np.add.at(matrix, (left.label[left.alive], len(every)), 1)
    columns = (*labels, MISSED)
    column_index = [*range(len(labels)), len(every)]
    return {row: {c: int(matrix[r, k]) for c, k in zip(columns, column_index, strict=True)}
            for r, row in enumerate(labels)}


def label_confusion(data: AgreementInput | Iterable[AgreementArticle],
                    labels: tuple[str, ...] | None = None) -> dict[str, dict[str, int]]:
    """labels × (labels + "missed") counts over every ordered annotator pair of every counted article.

    The same counts as pairing each ordered pair with ``pair_spans``, computed for the whole corpus at
    once (``confusion.label_confusion_counts``).
    """
    articles = data.articles if isinstance(data, AgreementInput) else tuple(data)
    if labels is None:
        labels = data.labels if isinstance(data, AgreementInput) else tuple(
            sorted({s.label for a in articles for spans in a.spans.values() for s in spans}))
    return label_confusion_counts(articles, labels)


def label_confusion_per_pair(articles: Iterable[AgreementArticle],
                             labels: tuple[str, ...]) -> dict[str, dict[str, int]]:
    """``label_confusion`` the plain way, one ``pair_spans`` per ordered pair of each article: the
    reference the tests and ``benchmarks/dashboard.py`` compare the whole-corpus version with."""
    matrix = {row: dict.fromkeys((*labels, MISSED), 0) for row in labels}
    for article in articles:
        for a, b in permutations(article.annotators, 2):
            for span_a, span_b, _ in pair_spans(list(article.spans[a]), list(article.spans[b])):
                if span_a is None or span_a.label not in matrix:
                    continue
                column = MISSED if span_b is None else span_b.label
                if column in matrix[span_a.label]:
                    matrix[span_a.label][column] += 1
    return matrix
