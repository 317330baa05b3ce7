"""The counted articles laid end to end: one continuum, and every span as rows of numpy arrays.

Every measure works on these arrays instead of Python objects, so a corpus of thousands of articles is
a handful of vector operations. Offsets into the continuum are code points, like the stored offsets.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations

import numpy as np

from annotator.core.agreement.data import AgreementInput


@dataclass(frozen=True)
class Layout:
    """The counted articles concatenated in corpus order, and their spans as parallel arrays.

    ``offsets[i]`` is where article ``i`` starts (``offsets[-1]`` is the total length); ``present[a, i]``
    says annotator ``a`` is counted on article ``i``. Span rows: ``annotator``, ``label``, ``article``
    (indices) and ``start``/``end`` in continuum coordinates.
    """

    annotators: tuple[str, ...]
    labels: tuple[str, ...]
    offsets: np.ndarray
    present: np.ndarray
    annotator: np.ndarray
    label: np.ndarray
    article: np.ndarray
    start: np.ndarray
    end: np.ndarray

    @property
    def n_articles(self) -> int:
        return len(self.offsets) - 1

    @property
    def length(self) -> int:
        return int(self.offsets[-1])

    @property
    def pairs(self) -> list[tuple[int, int]]:
        """Every pair of annotator indices (a < b), in name order."""
        return list(combinations(range(len(self.annotators)), 2))

    def pair_present(self, a: int, b: int) -> np.ndarray:
        """Per article: both annotators of the pair are counted on it."""
        return self.present[a] & self.present[b]

    def select(self, annotator: int, label: int | None = None) -> np.ndarray:
        """Indices of one annotator's span rows (of one label), sorted by start then end."""
        mask = self.annotator == annotator
        if label is not None:
            mask &= self.label == label
        rows = np.flatnonzero(mask)
        return rows[np.lexsort((self.end[rows], self.start[rows]))]


def build_layout(data: AgreementInput) -> Layout:
    """Lay out ``data``; one Python pass over spans (never over characters)."""
    annotators = data.annotators
    labels = data.labels
    annotator_index = {name: i for i, name in enumerate(annotators)}
    label_index = {name: i for i, name in enumerate(labels)}
    lengths = np.array([len(article.text) for article in data.articles], dtype=np.int64)
    offsets = np.concatenate(([0], np.cumsum(lengths))).astype(np.int64)
    present = np.zeros((len(annotators), len(data.articles)), dtype=bool)
    rows: list[tuple[int, int, int, int, int]] = []
    for i, article in enumerate(data.articles):
        base = int(offsets[i])
        for name, spans in article.spans.items():
            a = annotator_index[name]
            present[a, i] = True
            rows.extend(
                (a, label_index[s.label], i, base + s.start, base + s.end)
                for s in spans
                if s.label in label_index
            )
    table = np.array(rows, dtype=np.int64).reshape(-1, 5)
    return Layout(
        annotators=annotators,
        labels=labels,
        offsets=offsets,
        present=present,
        annotator=table[:, 0],
        label=table[:, 1],
        article=table[:, 2],
        start=table[:, 3],
        end=table[:, 4],
    )


def per_article_sums(values: np.ndarray, bounds: np.ndarray) -> np.ndarray:
    """Sum ``values`` (last axis) over each article's stretch; ``bounds`` are the article offsets.

    Cumulative sums rather than ``np.add.reduceat``, which mishandles empty stretches.
    """
    cumulative = np.zeros((*values.shape[:-1], values.shape[-1] + 1), dtype=np.int64)
    np.cumsum(values, axis=-1, out=cumulative[..., 1:])
    return cumulative[..., bounds[1:]] - cumulative[..., bounds[:-1]]
