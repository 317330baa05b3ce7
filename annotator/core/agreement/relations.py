"""Relation F1 between two annotators: exact and overlap, micro-averaged like span F1.

A relation of annotator a matches one of b when it has the same type and its two ends are b's ends'
partners: in ``exact`` mode the partner of a span is b's span with the same label and (non-white-space)
extent; in ``overlap`` mode it is the span the one-to-one maximum matching of span F1 overlap paired it
with (``f1.span_counts``), so relations and spans are judged by one matching. An undirected type
matches either way round. F1 = 2·matches / (relations of a + relations of b); a relation counts once
per annotator, however often it was drawn, and only where both ends are spans the report counts (a
span of white space alone, or of a label left out, takes its relations with it).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from annotator.core.agreement.data import AgreementInput
from annotator.core.agreement.f1 import SpanCounts
from annotator.core.agreement.layout import Layout, span_rows
from annotator.core.agreement.undefined import Figures, undefined_where

NO_RELATIONS = "no relation: neither annotator linked two spans here"
NO_RELATION_TYPES = "no relation types: the project defines none, so there are no relations to compare"
MODES = ("exact", "overlap")


@dataclass(frozen=True)
class RelationCounts:
    """Per pair × type × article: exact and overlap matches; per annotator × type × article: relations
    (each counted once). ``types`` are the relation type names in display order."""

    types: tuple[str, ...]
    exact: np.ndarray
    overlap: np.ndarray
    relations: np.ndarray
    left_out: int = 0  # relations dropped because an end is not a counted span


def relation_f1_many(matches: np.ndarray, relations: np.ndarray, no_types: bool = False) -> Figures:
    """F1 = 2·matches / relations (both annotators' relations summed); undefined where there are none."""
    matches, total = np.asarray(matches, dtype=float), np.asarray(relations, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        return undefined_where([np.full(total.shape, no_types), total == 0],
                               [NO_RELATION_TYPES, NO_RELATIONS], 2 * matches / total)


def _relation_rows(data: AgreementInput, layout: Layout, types: dict[str, int]) -> tuple[np.ndarray, ...]:
    """Every counted relation as (annotator, type, head row, child row) arrays, plus how many had an
    end the layout does not hold."""
    annotator_index = {name: a for a, name in enumerate(layout.annotators)}
    label_index = {name: k for k, name in enumerate(layout.labels)}
    columns: list[tuple] = []
    for i, article in enumerate(data.articles):
        for name, coding in article.codings.items():
            a = annotator_index[name]
            columns.extend((a, i, types.get(r.type, -1),
                            r.head.start, r.head.end, label_index.get(r.head.label, -1),
                            r.child.start, r.child.end, label_index.get(r.child.label, -1))
                           for r in coding.relations)
    table = np.array(columns, dtype=np.int64).reshape(-1, 9).T
    annotator, article, kind = table[0], table[1], table[2]
    head = span_rows(layout, annotator, article, table[5], table[3], table[4])
    child = span_rows(layout, annotator, article, table[8], table[6], table[7])
    keep = (kind >= 0) & (head >= 0) & (child >= 0)
    return annotator[keep], kind[keep], head[keep], child[keep], int((~keep).sum())


def relation_counts(data: AgreementInput, layout: Layout, spans: SpanCounts) -> RelationCounts:
    """Count relations and their exact/overlap matches for every pair, relation type and article."""
    types = data.codebook.relation_types
    names = tuple(t.name for t in types)
    undirected = np.array([not t.directed for t in types] + [False], dtype=bool)
    n_types, n_articles, n_pairs = len(names), layout.n_articles, len(layout.pairs)
    exact = np.zeros((n_pairs, n_types, n_articles), dtype=np.int64)
    overlap = np.zeros_like(exact)
    relations = np.zeros((len(layout.annotators), n_types, n_articles), dtype=np.int64)
    if n_types == 0 or len(layout.start) == 0:
        return RelationCounts(names, exact, overlap, relations)
    annotator, kind, head, child, left_out = _relation_rows(
        data, layout, {name: t for t, name in enumerate(names)})
    width = len(layout.start)

    def keys(kind: np.ndarray, head: np.ndarray, child: np.ndarray) -> np.ndarray:
        swap = undirected[kind] & (head > child)
        low, high = np.where(swap, child, head), np.where(swap, head, child)
        return (kind * width + low) * width + high

    unique, first = np.unique(keys(kind, head, child), return_index=True)
    annotator, kind, head, child = annotator[first], kind[first], head[first], child[first]
    article = layout.article[head]
    cells = n_types * n_articles
    cell = kind * n_articles + article
    for a in range(len(layout.annotators)):
        relations[a] = np.bincount(cell[annotator == a], minlength=cells).reshape(n_types, n_articles)
    partners = {"exact": (spans.exact_partner, exact), "overlap": (spans.overlap_partner, overlap)}
    for p, (a, b) in enumerate(layout.pairs):
        shared = layout.pair_present(a, b)[article]
        mine = np.flatnonzero((annotator == a) & shared)
        theirs = unique[(annotator == b) & shared]
        for partner, out in partners.values():
            assert partner is not None
            to_head, to_child = partner[p, head[mine]], partner[p, child[mine]]
            both = (to_head >= 0) & (to_child >= 0)
            found = np.isin(keys(kind[mine][both], to_head[both], to_child[both]), theirs)
            out[p] = np.bincount(cell[mine[both][found]], minlength=cells).reshape(n_types, n_articles)
    return RelationCounts(names, exact, overlap, relations, left_out)


__all__ = ["MODES", "NO_RELATIONS", "NO_RELATION_TYPES", "RelationCounts", "relation_counts",
           "relation_f1_many"]
