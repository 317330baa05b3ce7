"""Relation F1 as report scores: overall, per relation type, per article and per annotator pair.

Every scope's F1 is a ratio of sums (matches, both annotators' relations) over its pairs, types and
articles, micro-averaged as span F1 is; bootstrap intervals resample articles with the span measures'
resample counts, so one ``--seed`` draws the same articles for spans and relations.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType

import numpy as np

from annotator.core.agreement.bootstrap import (
    MIN_ARTICLES,
    TOO_FEW_ARTICLES,
    TOO_FEW_DEFINED,
    UNDEFINED_FIGURE,
    percentile_interval,
    resampled_sums,
)
from annotator.core.agreement.layout import Layout
from annotator.core.agreement.relations import RelationCounts, relation_f1_many
from annotator.core.agreement.scores import Interval, Scores
from annotator.core.agreement.undefined import as_pairs

RELATION_MEASURES = ("relation_f1_exact", "relation_f1_overlap")


@dataclass(frozen=True)
class RelationScores:
    """Relation F1 of every scope, as ``Scores`` holding only the relation measures."""

    overall: Scores
    per_type: dict[str, Scores]
    articles: list[tuple[Scores, dict[str, Scores]]]
    pairs: list[tuple[Scores, dict[str, Scores]]]


def _many(exact: np.ndarray, overlap: np.ndarray, total: np.ndarray, n_articles: np.ndarray | int,
          no_types: bool) -> list[Scores]:
    """One Scores per cell of the (equally shaped) sums."""
    exact_f1 = as_pairs(relation_f1_many(exact, total, no_types))
    overlap_f1 = as_pairs(relation_f1_many(overlap, total, no_types))
    articles = np.broadcast_to(n_articles, np.shape(total)).ravel().tolist()
    out = []
    for (e, e_why), (o, o_why), n in zip(exact_f1, overlap_f1, articles, strict=True):
        reasons = {m: why for m, why in zip(RELATION_MEASURES, (e_why, o_why), strict=True) if why}
        out.append(Scores(relation_f1_exact=e, relation_f1_overlap=o, n_articles=int(n),
                          reasons=MappingProxyType(reasons)))
    return out


def _with_intervals(scores: list[Scores], exact: np.ndarray, overlap: np.ndarray, total: np.ndarray,
                    articles: list[int], counts: np.ndarray) -> list[Scores]:
    """``scores`` (one per row of the cells × articles sums) with 95% intervals, or why there are none."""
    from dataclasses import replace

    resampled = resampled_sums({"exact": exact, "overlap": overlap, "total": total}, counts)
    found: dict[str, list[Interval | None]] = {}
    for measure, key in zip(RELATION_MEASURES, ("exact", "overlap"), strict=True):
        values, reasons = relation_f1_many(resampled[key], resampled["total"])
        found[measure] = percentile_interval(values, reasons == "")
    out = []
    for c, cell in enumerate(scores):
        intervals, missing = {}, {}
        for measure in RELATION_MEASURES:
            interval = found[measure][c]
            if articles[c] < MIN_ARTICLES:
                missing[measure] = TOO_FEW_ARTICLES
            elif cell.value(measure) is None:
                missing[measure] = UNDEFINED_FIGURE
            elif interval is None:
                missing[measure] = TOO_FEW_DEFINED
            else:
                intervals[measure] = interval
        out.append(replace(cell, intervals=MappingProxyType(intervals),
                           interval_reasons=MappingProxyType(missing)))
    return out


def relation_scores(counts: RelationCounts, layout: Layout,
                    resamples: np.ndarray | None = None) -> RelationScores:
    """Relation F1 for every scope; ``resamples`` (from ``bootstrap.resample_counts``) adds intervals
    to the overall, per-type and per-pair figures."""
    no_types = not counts.types
    n_pairs, n_types, n_articles = len(layout.pairs), len(counts.types), layout.n_articles
    total = np.zeros((n_pairs, n_types, n_articles), dtype=np.int64)
    shared = np.zeros((n_pairs, n_articles), dtype=bool)
    for p, (a, b) in enumerate(layout.pairs):
        shared[p] = layout.pair_present(a, b)
        total[p] = (counts.relations[a] + counts.relations[b]) * shared[p]
    exact, overlap = counts.exact, counts.overlap
    # Rows: all types pooled, then each type; then each pair (types pooled), all over articles.
    by_cell = [np.vstack([x.sum(axis=(0, 1))[None], x.sum(axis=0)]) for x in (exact, overlap, total)]
    by_pair = [x.sum(axis=1) for x in (exact, overlap, total)]
    corpus = _many(*(c.sum(axis=1) for c in by_cell), n_articles, no_types)
    pairs = _many(*(p.sum(axis=1) for p in by_pair), shared.sum(axis=1), no_types)
    # Without any relation there is nothing to resample: no interval keys at all (the figure's own
    # reason says why), so a project nobody drew relations in reads as it did before they existed.
    if resamples is not None and len(resamples) and counts.relations.sum() > 0:
        pair_articles = shared.sum(axis=1).tolist()
        both = _with_intervals([*corpus, *pairs], *(np.vstack([c, p]) for c, p in zip(by_cell, by_pair,
                                                                                         strict=True)),
                               [n_articles] * len(corpus) + pair_articles, resamples)
        corpus, pairs = both[:len(corpus)], both[len(corpus):]
    article_pooled = _many(*(x.sum(axis=(0, 1)) for x in (exact, overlap, total)), 1, no_types)
    article_typed = _many(*(x.sum(axis=0) for x in (exact, overlap, total)), 1, no_types)  # type·I + i
    pair_typed = _many(exact.sum(axis=2), overlap.sum(axis=2), total.sum(axis=2),
                       shared.sum(axis=1)[:, None], no_types)  # p·T + t
    names = counts.types
    return RelationScores(
        overall=corpus[0],
        per_type=dict(zip(names, corpus[1:], strict=True)),
        articles=[(article_pooled[i], {t: article_typed[k * n_articles + i] for k, t in enumerate(names)})
                  for i in range(n_articles)],
        pairs=[(pairs[p], {t: pair_typed[p * n_types + k] for k, t in enumerate(names)})
               for p in range(n_pairs)],
    )
