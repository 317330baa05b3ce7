"""Where annotators differ on an article, and a label confusion matrix over the corpus.

For each pair of counted annotators, spans are paired in this order, each span at most once:
identical spans (agreement); same offsets, different label (``LABEL``); same label, overlapping
(``BOUNDARY``, maximum one-to-one matching); overlapping, different label (``LABEL``); what is left is
``MISSING`` on the other side. The confusion matrix counts, for every ordered pair (a, b), each of a's
spans once: row = its label, column = the label of the b-span it was paired with, or ``"missed"``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from itertools import combinations

import numpy as np
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import maximum_bipartite_matching

from annotator.core.agreement.data import AgreementArticle
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


def pair_spans(spans_a: list[SpanRef], spans_b: list[SpanRef]) -> list[Paired]:
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
        for span_a, span_b, kind in pair_spans(list(article.spans[a]), list(article.spans[b])):
            if not kind:
                continue
            if span_a is None:
                found.append(Disagreement(article.id, DisagreementKind(kind), b, span_b, a, None))
            else:
                found.append(Disagreement(article.id, DisagreementKind(kind), a, span_a, b, span_b))
    return sorted(found, key=lambda d: (d.span.start, d.span.end, d.annotator, d.other))
