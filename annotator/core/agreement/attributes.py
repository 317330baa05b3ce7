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


def _values(data: AgreementInput, layout: Layout) -> dict[str, tuple[np.ndarray, list[str]]]:
    """Attribute name → (layout rows, their values) of every value set on a counted span."""
    annotators = {name: a for a, name in enumerate(layout.annotators)}
    labels = {name: k for k, name in enumerate(layout.labels)}
    found = [(annotators[name], i, labels.get(ref.label, -1), ref.start, ref.end, attribute, value)
             for i, article in enumerate(data.articles) for name, coding in article.codings.items()
             for ref, attribute, value in coding.attributes]
    if not found:
        return {}
    table = np.array([row[:5] for row in found], dtype=np.int64).T
    rows = span_rows(layout, table[0], table[1], table[2], table[3], table[4])
    out: dict[str, tuple[list[int], list[str]]] = defaultdict(lambda: ([], []))
    for row, (*_, attribute, value) in zip(rows.tolist(), found, strict=True):
        if row >= 0:
            out[attribute][0].append(row)
            out[attribute][1].append(value)
    return {name: (np.array(rows_, dtype=np.int64), values) for name, (rows_, values) in out.items()}


def _codes(values: dict[str, tuple[np.ndarray, list[str]]], name: str, unset: str,
           n_rows: int) -> np.ndarray:
    """Per layout row: the index of its value of attribute ``name`` among that attribute's values (the
    unset value included)."""
    rows, given = values.get(name, (np.zeros(0, dtype=np.int64), []))
    _, codes = np.unique(np.array([unset, *given], dtype=str), return_inverse=True)
    out = np.full(n_rows, codes[0], dtype=np.int64)
    out[rows] = codes[1:]
    return out


@dataclass(frozen=True)
class _Units:
    """The matched spans of one matching mode: every unit's rows (``rows``, with ``unit`` its unit's
    number, 0…), how many groups were ambiguous, and every matched pair (pair index, row of a, row of b)."""

    rows: np.ndarray
    unit: np.ndarray
    ambiguous: int
    pair: np.ndarray
    head: np.ndarray
    tail: np.ndarray

    @property
    def first(self) -> np.ndarray:
        """One row of each unit, by unit number."""
        out = np.zeros(int(self.unit.max()) + 1 if len(self.unit) else 0, dtype=np.int64)
        out[self.unit] = self.rows
        return out


def _units(layout: Layout, partner: np.ndarray) -> _Units:
    """The matched spans grouped into units (a group holding two spans of one annotator is ambiguous,
    left out and counted)."""
    pair, heads = np.nonzero(partner >= 0)
    tails = partner[pair, heads]
    if len(heads) == 0:
        empty = np.zeros(0, dtype=np.int64)
        return _Units(empty, empty, 0, pair, heads, tails)
    n = len(layout.start)
    graph = csr_matrix((np.ones(len(heads)), (heads, tails)), shape=(n, n))
    _, component = connected_components(graph, directed=False)
    rows = np.unique(np.concatenate([heads, tails]))
    groups = component[rows]
    size = np.bincount(groups)
    distinct = np.bincount(np.unique(groups * len(layout.annotators) + layout.annotator[rows])
                           // len(layout.annotators), minlength=len(size))
    clear = (distinct == size)[groups]
    ambiguous = int(((distinct < size) & (size > 0)).sum())
    rows, groups = rows[clear], groups[clear]
    _, unit = np.unique(groups, return_inverse=True)
    return _Units(rows, unit.ravel(), ambiguous, pair, heads, tails)


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
    codes = {d: _codes(values, d.name, "no" if d.kind is AttributeKind.FLAG else NOT_SET, len(layout.start))
             for d in definitions}
    ambiguous_groups = {}
    intervals = nominal.Intervals(resamples)
    for mode, partner in (("exact", spans.exact_partner), ("overlap", spans.overlap_partner)):
        assert partner is not None
        units = _units(layout, partner)
        ambiguous_groups[mode] = units.ambiguous
        first_rows = units.first
        unit_label = layout.label[first_rows]
        edge_label = layout.label[units.head]
        for definition in definitions:
            key = f"{definition.label}.{definition.name}"
            label = label_index.get(definition.label, -1)
            row_code = codes[definition]
            width = int(row_code.max()) + 1 if len(row_code) else 1
            chosen = np.flatnonzero(unit_label == label)
            entries = np.isin(units.unit, chosen)
            table = np.zeros((len(chosen), width))
            cells = (np.searchsorted(chosen, units.unit[entries]), row_code[units.rows[entries]])
            np.add.at(table, cells, 1.0)
            table = table[:, table.sum(axis=0) > 0]
            alpha = alpha_from_value_counts(table) if len(chosen) else (None, NO_UNITS)
            unit_article = layout.article[first_rows[chosen]]
            sums = nominal.unit_sums(table, unit_article, n_articles)
            shown = np.bincount(unit_article, minlength=n_articles)
            figures: dict = {"alpha": alpha[0], "n_spans": len(chosen)}
            if alpha[0] is None:
                figures["reasons"] = {"alpha": alpha[1] if len(chosen) else NO_UNITS}
            intervals.add(figures, "alpha", nominal.alpha, sums, int((shown > 0).sum()))
            for i, (a_value, a_why) in enumerate(nominal.per_article(nominal.alpha, sums)):
                article = {"alpha": a_value, "n_spans": int(shown[i])}
                if a_value is None:
                    article["reasons"] = {"alpha": NO_UNITS if shown[i] == 0 else a_why}
                per_article[i].setdefault(key, {})[mode] = article
            pairs = []
            for p, (a, b) in enumerate(combinations(layout.annotators, 2)):
                matched = (units.pair == p) & (edge_label == label)
                first, second = row_code[units.head[matched]], row_code[units.tail[matched]]
                kappa = cohen_kappa(first.tolist(), second.tolist())
                pair = {"a": a, "b": b, "kappa": kappa[0], "n_spans": int(matched.sum())}
                if kappa[0] is None:
                    pair["reasons"] = {"kappa": kappa[1]}
                where = layout.article[units.head[matched]]
                intervals.add(pair, "kappa", nominal.kappa,
                              nominal.pair_sums(first, second, where, width, n_articles),
                              len(np.unique(where)))
                pairs.append(pair)
            figures["pairs"] = pairs
            result[key][mode] = figures
    intervals.fill()
    corpus = {"note": NOTE, "reason": None, "ambiguous_overlap_groups": ambiguous_groups["overlap"],
              "per_attribute": result}
    return AttributeFigures(corpus, per_article)
