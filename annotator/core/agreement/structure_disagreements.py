"""Where two annotators of an article differ beyond their spans: relations, attribute values, answers.

Spans are paired by the matchings relation F1 uses (``f1.span_counts`` over the article alone): a
relation agrees when relation F1 counts it matched, in exact or overlap mode. Of the rest, for every
pair of counted annotators, in this order, each relation used at most once:

- ``RELATION_TYPE``: the other annotator links the same two (matched) spans by another type;
- ``RELATION_END``: the other annotator has a relation of the same type sharing one end (or the same
  ends the other way round, for a directed type);
- ``MISSING_RELATION``: the other annotator has no such relation.

An undirected type matches either way round. ``ATTRIBUTE``: two spans the overlap matching paired
carry different values of an attribute (a value not set is one of the values, as in attribute α);
unmatched spans are span disagreements, not attribute ones. ``ANSWER``: the two annotators answered an
article question differently (not answering is an answer here, so a forgotten question shows).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from functools import cache, cached_property
from itertools import combinations

import numpy as np

from annotator.core.agreement.data import AgreementArticle, AgreementInput, StructureCodebook
from annotator.core.agreement.f1 import span_counts
from annotator.core.agreement.layout import Layout, build_layout, span_rows
from annotator.core.model import SpanRef
from annotator.core.structure import RelationRef, StructuredCoding

NOT_SET = ""  # the value of an attribute not set, or of a question not answered


class StructureKind(StrEnum):
    """How two annotators' relations, attribute values or article answers differ."""

    MISSING_RELATION = "missing relation"
    RELATION_TYPE = "other relation type"
    RELATION_END = "other relation end"
    ATTRIBUTE = "different attribute value"
    ANSWER = "different answer"


@dataclass(frozen=True)
class StructureDisagreement:
    """``annotator`` has ``relation`` (or ``span`` with ``value``, or answered ``value``); ``other`` has
    ``other_relation`` (None: nothing there) or ``other_span`` with ``other_value``.

    ``name`` is the relation type, the attribute or the question; values of several choices are joined
    by ", "; ``NOT_SET`` is an attribute not set or a question not answered.
    """

    article_id: str
    kind: StructureKind
    annotator: str
    other: str
    name: str
    relation: RelationRef | None = None
    other_relation: RelationRef | None = None
    span: SpanRef | None = None
    other_span: SpanRef | None = None
    value: str = NOT_SET
    other_value: str = NOT_SET

    @property
    def extent(self) -> tuple[int, int] | None:
        """The code point range of the text it concerns (both relations' ends, both spans); None for an
        article answer, which has no place in the text."""
        refs = [ref for relation in (self.relation, self.other_relation) if relation is not None
                for ref in (relation.head, relation.child)]
        refs += [ref for ref in (self.span, self.other_span) if ref is not None]
        if not refs:
            return None
        return min(ref.start for ref in refs), max(ref.end for ref in refs)


@dataclass(frozen=True)
class _Pairing:
    """The span rows of one article and, per pair of annotators, both matchings between them."""

    layout: Layout
    rows: dict[tuple[str, SpanRef], int]  # (annotator, span) → layout row (−1: not a counted span)
    exact: np.ndarray
    overlap: np.ndarray

    def row(self, annotator: str, span: SpanRef) -> int:
        return self.rows.get((annotator, span), -1)

    @cached_property
    def pair_index(self) -> dict[tuple[int, int], int]:
        return {pair: p for p, pair in enumerate(self.layout.pairs)}

    def partners(self, a: int, b: int, row: int) -> list[int]:
        """Rows of annotator b's spans that annotator a's span ``row`` is matched to: the overlap
        matching's partner first, then the exact one if it differs."""
        if row < 0:
            return []
        p = self.pair_index[(min(a, b), max(a, b))]
        found: list[int] = []
        for partner in (self.overlap[p], self.exact[p]):
            rows = [int(partner[row])] if a < b else np.flatnonzero(partner == row).tolist()
            found += [r for r in rows if r >= 0 and r not in found]
        return found


def _pairing(article: AgreementArticle, codebook: StructureCodebook) -> _Pairing:
    codings = article.codings
    labels = tuple(sorted({s.label for spans in article.spans.values() for s in spans}
                          | {ref.label for coding in codings.values() for r in coding.relations
                             for ref in (r.head, r.child)}
                          | {ref.label for coding in codings.values() for ref, _, _ in coding.attributes}))
    spans = {name: article.spans[name] for name in article.annotators}
    data = AgreementInput(labels, (AgreementArticle(article.id, article.title, article.text, spans),),
                          codebook=codebook)
    layout = build_layout(data)
    counts = span_counts(layout)
    assert counts.exact_partner is not None and counts.overlap_partner is not None
    wanted = sorted({(name, ref) for name in article.annotators for ref in article.spans[name]}
                    | {(name, ref) for name, coding in codings.items() for r in coding.relations
                       for ref in (r.head, r.child)}
                    | {(name, ref) for name, coding in codings.items() for ref, _, _ in coding.attributes})
    index = {name: a for a, name in enumerate(layout.annotators)}
    label_index = {name: k for k, name in enumerate(labels)}
    wanted = [(name, ref) for name, ref in wanted if name in index]
    if wanted and len(layout.start):
        found = span_rows(layout, np.array([index[n] for n, _ in wanted], dtype=np.int64),
                          np.zeros(len(wanted), dtype=np.int64),
                          np.array([label_index[r.label] for _, r in wanted], dtype=np.int64),
                          np.array([r.start for _, r in wanted], dtype=np.int64),
                          np.array([r.end for _, r in wanted], dtype=np.int64)).tolist()
    else:
        found = [-1] * len(wanted)
    return _Pairing(layout, dict(zip(wanted, found, strict=True)), counts.exact_partner,
                    counts.overlap_partner)


def _relation_disagreements(article: AgreementArticle, pairing: _Pairing, directed: dict[str, bool],
                            a: str, b: str) -> list[StructureDisagreement]:
    index = {name: i for i, name in enumerate(pairing.layout.annotators)}
    empty = StructuredCoding()
    mine = sorted(article.codings.get(a, empty).relations)
    theirs = sorted(article.codings.get(b, empty).relations)
    ia, ib = index[a], index[b]

    @cache
    def ends(relation: RelationRef) -> tuple[set[int], set[int]]:
        """The rows of b's spans this relation of a's ends are matched to."""
        return (set(pairing.partners(ia, ib, pairing.row(a, relation.head))),
                set(pairing.partners(ia, ib, pairing.row(a, relation.child))))

    def rows_of(relation: RelationRef) -> tuple[int, int]:
        return pairing.row(b, relation.head), pairing.row(b, relation.child)

    def same_ends(relation: RelationRef, other: RelationRef, either_way: bool) -> bool:
        heads, children = ends(relation)
        head, child = rows_of(other)
        return (head in heads and child in children) or (either_way and head in children and child in heads)

    def shares_an_end(relation: RelationRef, other: RelationRef) -> bool:
        heads, children = ends(relation)
        head, child = rows_of(other)
        if directed.get(relation.type, True):
            return head in heads or child in children or (head in children and child in heads)
        return bool({head, child} & (heads | children))

    left, right = list(mine), list(theirs)
    for relation in mine:
        twin = next((o for o in right if o.type == relation.type
                     and same_ends(relation, o, not directed.get(o.type, True))), None)
        if twin is not None:
            left.remove(relation)
            right.remove(twin)
    found: list[StructureDisagreement] = []
    for kind, fits in ((StructureKind.RELATION_TYPE,
                        lambda r, o: r.type != o.type and same_ends(r, o, True)),
                       (StructureKind.RELATION_END,
                        lambda r, o: r.type == o.type and shares_an_end(r, o))):
        for relation in list(left):
            other = next((o for o in right if fits(relation, o)), None)
            if other is not None:
                left.remove(relation)
                right.remove(other)
                found.append(StructureDisagreement(article.id, kind, a, b, relation.type, relation, other))
    found += [StructureDisagreement(article.id, StructureKind.MISSING_RELATION, a, b, r.type, r)
              for r in left]
    found += [StructureDisagreement(article.id, StructureKind.MISSING_RELATION, b, a, r.type, r)
              for r in right]
    return found


def _attribute_disagreements(article: AgreementArticle, pairing: _Pairing, a: str,
                             b: str) -> list[StructureDisagreement]:
    index = {name: i for i, name in enumerate(pairing.layout.annotators)}
    empty = StructuredCoding()
    values_a = _attribute_values(article.codings.get(a, empty))
    values_b = _attribute_values(article.codings.get(b, empty))
    spans_b = {pairing.row(b, ref): ref for ref in article.spans[b]}
    found: list[StructureDisagreement] = []
    for span in article.spans[a]:
        partners = pairing.partners(index[a], index[b], pairing.row(a, span))
        # the overlap matching's partner decides; an exact partner only where overlap found none
        other = next((spans_b[row] for row in partners if row in spans_b), None)
        if other is None:
            continue
        mine, theirs = values_a.get(span, {}), values_b.get(other, {})
        for name in sorted(set(mine) | set(theirs)):
            if mine.get(name, NOT_SET) != theirs.get(name, NOT_SET):
                found.append(StructureDisagreement(article.id, StructureKind.ATTRIBUTE, a, b, name,
                                                   span=span, other_span=other, value=mine.get(name, NOT_SET),
                                                   other_value=theirs.get(name, NOT_SET)))
    return found


def _attribute_values(coding: StructuredCoding) -> dict[SpanRef, dict[str, str]]:
    out: dict[SpanRef, dict[str, str]] = {}
    for ref, name, value in sorted(coding.attributes):
        out.setdefault(ref, {})[name] = value
    return out


def _answer_disagreements(article: AgreementArticle, codebook: StructureCodebook, a: str,
                          b: str) -> list[StructureDisagreement]:
    empty = StructuredCoding()
    mine, theirs = article.codings.get(a, empty).answers(), article.codings.get(b, empty).answers()
    order = [q.name for q in codebook.questions]
    names = order + sorted((set(mine) | set(theirs)) - set(order))
    return [StructureDisagreement(article.id, StructureKind.ANSWER, a, b, name,
                                  value=", ".join(sorted(mine.get(name, ()))),
                                  other_value=", ".join(sorted(theirs.get(name, ()))))
            for name in names if sorted(mine.get(name, ())) != sorted(theirs.get(name, ()))]


def structure_disagreements(article: AgreementArticle,
                            codebook: StructureCodebook | None = None) -> list[StructureDisagreement]:
    """Every relation, attribute and answer disagreement between every pair of the article's counted
    annotators: those with a place in the text by position, then the article answers by question.

    ``codebook`` says which relation types are undirected and the questions' order (default: none, so
    every type is directed).
    """
    codebook = codebook or StructureCodebook()
    if not any(article.codings.get(name) for name in article.annotators):
        return []
    pairing = _pairing(article, codebook)
    directed = {t.name: t.directed for t in codebook.relation_types}
    found: list[StructureDisagreement] = []
    for a, b in combinations(article.annotators, 2):
        found += _relation_disagreements(article, pairing, directed, a, b)
        found += _attribute_disagreements(article, pairing, a, b)
    placed = sorted(found, key=lambda d: (d.extent, list(StructureKind).index(d.kind), d.annotator, d.other,
                                          d.name))
    answers = [d for a, b in combinations(article.annotators, 2)
               for d in _answer_disagreements(article, codebook, a, b)]
    order = {q.name: k for k, q in enumerate(codebook.questions)}
    return placed + sorted(answers, key=lambda d: (order.get(d.name, len(order)), d.name, d.annotator,
                                                   d.other))


__all__ = ["NOT_SET", "StructureDisagreement", "StructureKind", "structure_disagreements"]
