"""Where annotators differ on an article, and a label confusion matrix over the corpus.

For each pair of counted annotators, spans are paired in this order, each span at most once:
identical spans (agreement); same offsets, different label (``LABEL``); same label, overlapping
(``BOUNDARY``, maximum one-to-one matching); overlapping, different label (``LABEL``); what is left is
``MISSING`` on the other side. The confusion matrix counts, for every ordered pair (a, b), each of a's
spans once: row = its label, column = the label of the b-span it was paired with, or ``"missed"``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import StrEnum
from itertools import combinations, permutations

import numpy as np
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import maximum_bipartite_matching

from annotator.core.agreement.data import AgreementArticle, AgreementInput
from annotator.core.model import SpanRef

MISSED = "missed"


class DisagreementKind(StrEnum):
    """How two annotators' spans differ."""

    MISSING = "missing span"
    LABEL = "different label"
    BOUNDARY = "different boundary"


@dataclass(frozen=True)
class Disagreement:
    """``annotator`` has ``span``; ``other`` has ``other_span`` (None when ``other`` has nothing there)."""

    article_id: str
    kind: DisagreementKind
    annotator: str
    span: SpanRef
    other: str
    other_span: SpanRef | None


Paired = tuple[SpanRef | None, SpanRef | None, str]


def _pairing(spans_a: list[SpanRef], spans_b: list[SpanRef]) -> list[Paired]:
    """Pair two annotators' spans in the order the module docstring gives; (a, b, kind) with kind "" for
    identical spans and None on the side that has nothing."""
    left, right = list(dict.fromkeys(spans_a)), list(dict.fromkeys(spans_b))
    out: list[Paired] = []
    shared = set(left) & set(right)
    out += [(s, s, "") for s in sorted(shared)]
    left = [s for s in left if s not in shared]
    right = [s for s in right if s not in shared]

    def match(kind: DisagreementKind, fits: Callable[[SpanRef, SpanRef], bool]) -> None:
        nonlocal left, right
        edges = [(i, j) for i, a in enumerate(left) for j, b in enumerate(right) if fits(a, b)]
        if not edges:
            return
        rows, cols = zip(*edges, strict=True)
        graph = csr_matrix((np.ones(len(edges)), (rows, cols)), shape=(len(left), len(right)))
        partner = maximum_bipartite_matching(graph, perm_type="column")
        used_right = {int(j) for j in partner if j >= 0}
        out.extend((left[i], right[int(j)], kind.value) for i, j in enumerate(partner) if j >= 0)
        left = [a for i, a in enumerate(left) if partner[i] < 0]
        right = [b for j, b in enumerate(right) if j not in used_right]

    def overlap(a: SpanRef, b: SpanRef) -> bool:
        return a.start < b.end and b.start < a.end

    match(DisagreementKind.LABEL, lambda a, b: (a.start, a.end) == (b.start, b.end))
    match(DisagreementKind.BOUNDARY, lambda a, b: a.label == b.label and overlap(a, b))
    match(DisagreementKind.LABEL, overlap)
    out += [(a, None, DisagreementKind.MISSING.value) for a in left]
    out += [(None, b, DisagreementKind.MISSING.value) for b in right]
    return out


def article_disagreements(article: AgreementArticle) -> list[Disagreement]:
    """Every disagreement between every pair of the article's counted annotators, by position."""
    found: list[Disagreement] = []
    for a, b in combinations(article.annotators, 2):
        for span_a, span_b, kind in _pairing(list(article.spans[a]), list(article.spans[b])):
            if not kind:
                continue
            if span_a is None:
                found.append(Disagreement(article.id, DisagreementKind(kind), b, span_b, a, None))
            else:
                found.append(Disagreement(article.id, DisagreementKind(kind), a, span_a, b, span_b))
    return sorted(found, key=lambda d: (d.span.start, d.span.end, d.annotator, d.other))


def label_confusion(data: AgreementInput | Iterable[AgreementArticle],
                    labels: tuple[str, ...] | None = None) -> dict[str, dict[str, int]]:
    """labels × (labels + "missed") counts over every ordered annotator pair of every counted article.

    The same counts as pairing each ordered pair with ``_pairing``, computed for the whole corpus at
    once (``confusion.label_confusion_counts``).
    """
    from annotator.core.agreement.confusion import label_confusion_counts

    articles = data.articles if isinstance(data, AgreementInput) else tuple(data)
    if labels is None:
        labels = data.labels if isinstance(data, AgreementInput) else tuple(
            sorted({s.label for a in articles for spans in a.spans.values() for s in spans}))
    return label_confusion_counts(articles, labels)


def label_confusion_per_pair(articles: Iterable[AgreementArticle],
                             labels: tuple[str, ...]) -> dict[str, dict[str, int]]:
    """``label_confusion`` the plain way, one ``_pairing`` per ordered pair of each article: the
    reference the tests and ``benchmarks/dashboard.py`` compare the whole-corpus version with."""
    matrix = {row: dict.fromkeys((*labels, MISSED), 0) for row in labels}
    for article in articles:
        for a, b in permutations(article.annotators, 2):
            for span_a, span_b, _ in _pairing(list(article.spans[a]), list(article.spans[b])):
                if span_a is None or span_a.label not in matrix:
                    continue
                column = MISSED if span_b is None else span_b.label
                if column in matrix[span_a.label]:
                    matrix[span_a.label][column] += 1
    return matrix
