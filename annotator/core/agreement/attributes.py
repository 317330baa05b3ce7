"""Agreement on span attributes, over the spans the annotators matched.

A unit is a span the annotators matched: in ``exact`` mode the spans with the same label and extent, in
``overlap`` mode the spans joined by the span F1 overlap matchings of every pair (a group holding two
spans of one annotator is ambiguous and left out, and counted). Each annotator in the unit gives the
attribute's value, or "(not set)" (a flag: "no"). Unmatched spans do not count here: they are already
disagreement in span F1. Per attribute: nominal α over the units and Cohen's κ per pair over the pair's
matched spans, with the number of units.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from itertools import combinations

import numpy as np
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import connected_components

from annotator.core.agreement import nominal
from annotator.core.agreement.characters import alpha_from_value_counts
from annotator.core.agreement.codes import cohen_kappa
from annotator.core.agreement.data import AgreementInput
from annotator.core.agreement.f1 import SpanCounts
from annotator.core.agreement.layout import Layout, span_rows
from annotator.core.structure import AttributeKind

NOT_SET = "(not set)"
NO_ATTRIBUTES = "no span attributes: the project defines none"
NO_UNITS = "no matched span of this label was marked by two or more annotators"
NOTE = ("Over the spans the annotators matched (exact: same label and extent; overlap: the span F1 overlap "
        "matching); unmatched spans do not count here (they are in span F1). A value not set is its own "
        "value, '(not set)'; an unset flag is 'no'.")


def _values(data: AgreementInput, layout: Layout) -> dict[tuple[int, str], str]:
    """(layout row, attribute name) → value."""
    annotators = {name: a for a, name in enumerate(layout.annotators)}
    labels = {name: k for k, name in enumerate(layout.labels)}
    found = [(annotators[name], i, labels.get(ref.label, -1), ref.start, ref.end, attribute, value)
             for i, article in enumerate(data.articles) for name, coding in article.codings.items()
             for ref, attribute, value in coding.attributes]
    if not found:
        return {}
    table = np.array([row[:5] for row in found], dtype=np.int64).T
    rows = span_rows(layout, table[0], table[1], table[2], table[3], table[4])
    return {(int(row), attribute): value for row, (*_, attribute, value) in zip(rows, found, strict=True)
            if row >= 0}


def _units(layout: Layout, partner: np.ndarray) -> tuple[list[list[int]], int, list[tuple[int, int, int]]]:
    """The matched spans grouped into units (lists of rows), how many groups were ambiguous, and every
    matched pair as (pair index, row of a, row of b)."""
    pair, heads = np.nonzero(partner >= 0)
    if len(heads) == 0:
        return [], 0, []
    tails = partner[pair, heads]
    n = len(layout.start)
    graph = csr_matrix((np.ones(len(heads)), (heads, tails)), shape=(n, n))
    _, component = connected_components(graph, directed=False)
    rows = np.unique(np.concatenate([heads, tails]))
    rows = rows[np.argsort(component[rows], kind="stable")]
    groups = component[rows]
    size = np.bincount(groups)
    distinct = np.bincount(np.unique(groups * len(layout.annotators) + layout.annotator[rows])
                           // len(layout.annotators), minlength=len(size))
    clear = (distinct == size)[groups]
    ambiguous = int(((distinct < size) & (size > 0)).sum())
    rows, groups = rows[clear], groups[clear]
    bounds = (np.flatnonzero(np.diff(groups)) + 1).tolist()
    flat = rows.tolist()
    units = [flat[start:end] for start, end in zip([0, *bounds], [*bounds, len(flat)], strict=True)
             if end > start]
    return units, ambiguous, list(zip(pair.tolist(), heads.tolist(), tails.tolist(), strict=True))


def attribute_agreement(data: AgreementInput, layout: Layout, spans: SpanCounts,
                        resamples: np.ndarray | None = None) -> dict:
    """Every attribute's α and per-pair κ in both matching modes, as ``agreement --json`` prints it."""
    return attribute_figures(data, layout, spans, resamples).corpus


@dataclass(frozen=True)
class AttributeFigures:
    """The corpus figures (``agreement --json``'s ``attributes``) and, per article in corpus order,
    that article's α per attribute and mode (``per_article[i]["actor.role"]["overlap"]``)."""

    corpus: dict
    per_article: list[dict]


def attribute_figures(data: AgreementInput, layout: Layout, spans: SpanCounts,
                      resamples: np.ndarray | None = None) -> AttributeFigures:
    """Every attribute's α (corpus and per article) and per-pair κ in both matching modes; ``resamples``
    (``bootstrap.resample_counts``) adds 95% intervals to the corpus α and the pairs' κ."""
    definitions = data.codebook.attributes
    n_articles = layout.n_articles
    per_article: list[dict] = [{} for _ in range(n_articles)]
    if not definitions:
        return AttributeFigures({"note": NOTE, "reason": NO_ATTRIBUTES, "per_attribute": {}}, per_article)
    values = _values(data, layout)
    label_index = {name: k for k, name in enumerate(layout.labels)}
    result: dict = {f"{d.label}.{d.name}": {"label": d.label, "attribute": d.name} for d in definitions}
    ambiguous_groups = {}
    intervals = nominal.Intervals(resamples)
    for mode, partner in (("exact", spans.exact_partner), ("overlap", spans.overlap_partner)):
        assert partner is not None
        units, ambiguous, edges = _units(layout, partner)
        ambiguous_groups[mode] = ambiguous
        by_pair_label: dict[tuple[int, int], list[tuple[int, int]]] = defaultdict(list)
        for q, ra, rb in edges:
            by_pair_label[(q, int(layout.label[ra]))].append((ra, rb))
        for definition in definitions:
            key = f"{definition.label}.{definition.name}"
            label = label_index.get(definition.label, -1)
            unset = "no" if definition.kind is AttributeKind.FLAG else NOT_SET

            def value(row: int, name: str = definition.name, unset: str = unset) -> str:
                return values.get((row, name), unset)

            chosen = [rows for rows in units if layout.label[rows[0]] == label]
            mine = [[value(r) for r in rows] for rows in chosen]
            categories = sorted({v for unit in mine for v in unit})
            table = np.array([[unit.count(c) for c in categories] for unit in mine],
                             dtype=float).reshape(len(mine), len(categories))
            alpha = alpha_from_value_counts(table) if mine else (None, NO_UNITS)
            unit_article = layout.article[[rows[0] for rows in chosen]] if chosen else np.zeros(0, int)
            sums = nominal.unit_sums(table, unit_article, n_articles)
            shown = np.bincount(unit_article, minlength=n_articles)
            figures: dict = {"alpha": alpha[0], "n_spans": len(mine)}
            if alpha[0] is None:
                figures["reasons"] = {"alpha": alpha[1] if mine else NO_UNITS}
            intervals.add(figures, "alpha", nominal.alpha, sums, int((shown > 0).sum()))
            for i, (a_value, a_why) in enumerate(nominal.per_article(nominal.alpha, sums)):
                article = {"alpha": a_value, "n_spans": int(shown[i])}
                if a_value is None:
                    article["reasons"] = {"alpha": NO_UNITS if shown[i] == 0 else a_why}
                per_article[i].setdefault(key, {})[mode] = article
            pairs = []
            for p, (a, b) in enumerate(combinations(layout.annotators, 2)):
                matched = by_pair_label.get((p, label), [])
                first, second = [value(ra) for ra, _ in matched], [value(rb) for _, rb in matched]
                kappa = cohen_kappa(first, second)
                pair = {"a": a, "b": b, "kappa": kappa[0], "n_spans": len(matched)}
                if kappa[0] is None:
                    pair["reasons"] = {"kappa": kappa[1]}
                if intervals.resamples is not None:
                    index = {c: k for k, c in enumerate(sorted(set(first) | set(second)))}
                    where = layout.article[[ra for ra, _ in matched]] if matched else np.zeros(0, int)
                    pair_sums = nominal.pair_sums([index[v] for v in first], [index[v] for v in second],
                                                  where, len(index), n_articles)
                    intervals.add(pair, "kappa", nominal.kappa, pair_sums, len(set(where.tolist())))
                pairs.append(pair)
            figures["pairs"] = pairs
            result[key][mode] = figures
    intervals.fill()
    corpus = {"note": NOTE, "reason": None, "ambiguous_overlap_groups": ambiguous_groups["overlap"],
              "per_attribute": result}
    return AttributeFigures(corpus, per_article)
