"""The counted articles laid end to end: one continuum, and every span as rows of numpy arrays.

Every measure works on these arrays instead of Python objects, so a corpus of thousands of articles is
a handful of vector operations. The continuum holds the articles' non-white-space characters only
(``white_space``: white space is never a unit of agreement); its offsets count those code points.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations
from operator import attrgetter

import numpy as np

from annotator.core.agreement.data import AgreementInput
from annotator.core.agreement.white_space import counted_before


@dataclass(frozen=True)
class Layout:
    """The counted articles' non-white-space characters concatenated in corpus order, and their spans
    as parallel arrays.

    ``offsets[i]`` is where article ``i`` starts (``offsets[-1]`` is the total length); ``present[a, i]``
    says annotator ``a`` is counted on article ``i``. Span rows: ``annotator``, ``label``, ``article``
    (indices) and ``start``/``end`` in continuum coordinates; a span of white space alone has no row.
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
    # Where each code point offset of the joined article texts lands in the continuum, and where each
    # article starts in the joined texts: to find the row of a span given by its article offsets.
    positions: np.ndarray | None = None
    text_offsets: np.ndarray | None = None

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
    """Lay out ``data``; one pass over spans at C speed (``attrgetter``), never over characters in
    Python (white space is found with numpy on the joined text)."""
    annotators = data.annotators
    labels = data.labels
    annotator_index = {name: i for i, name in enumerate(annotators)}
    label_index = {name: i for i, name in enumerate(labels)}
    lengths = np.array([len(article.text) for article in data.articles], dtype=np.int64)
    raw_offsets = np.concatenate(([0], np.cumsum(lengths))).astype(np.int64)
    counted = counted_before("".join(article.text for article in data.articles))
    present = np.zeros((len(annotators), len(data.articles)), dtype=bool)
    get_start, get_end, get_label = attrgetter("start"), attrgetter("end"), attrgetter("label")
    starts: list[int] = []
    ends: list[int] = []
    names: list[str] = []
    owners: list[tuple[int, int, int]] = []  # (annotator, article, number of spans)
    for i, article in enumerate(data.articles):
        for name, spans in article.spans.items():
            a = annotator_index[name]
            present[a, i] = True
            starts.extend(map(get_start, spans))
            ends.extend(map(get_end, spans))
            names.extend(map(get_label, spans))
            owners.append((a, i, len(spans)))
    owner = np.array(owners, dtype=np.int64).reshape(-1, 3)
    article_of = np.repeat(owner[:, 1], owner[:, 2])
    label = np.array([label_index.get(n, -1) for n in names], dtype=np.int64)
    base = raw_offsets[:-1][article_of]
    start = counted[np.array(starts, dtype=np.int64) + base]
    end = counted[np.array(ends, dtype=np.int64) + base]
    keep = (label >= 0) & (end > start)
    owner_of = np.repeat(owner[:, 0], owner[:, 2])
    # Spans of one annotator that differ only by white space are one span once it is taken out.
    rows = np.stack([owner_of, article_of, label, start, end])[:, keep]
    _, first = np.unique(rows, axis=1, return_index=True)
    keep = np.flatnonzero(keep)[np.sort(first)]
    return Layout(
        annotators=annotators,
        labels=labels,
        offsets=counted[raw_offsets],
        present=present,
        annotator=owner_of[keep],
        label=label[keep],
        article=article_of[keep],
        start=start[keep],
        end=end[keep],
        positions=counted,
        text_offsets=raw_offsets,
    )


def span_keys(layout: Layout, annotator: np.ndarray, label: np.ndarray, start: np.ndarray,
              end: np.ndarray) -> np.ndarray:
    """One int64 per span (annotator, label and continuum start/end): equal keys, the same span."""
    width = layout.length + 1
    return ((annotator * (len(layout.labels) + 1) + label) * width + start) * width + end


def span_rows(layout: Layout, annotator: np.ndarray, article: np.ndarray, label: np.ndarray,
              start: np.ndarray, end: np.ndarray) -> np.ndarray:
    """The layout row of each span given by its annotator, article and label indices and its offsets
    in the article's text (−1 where the layout has no such span: white space alone, or a label left out).
    """
    assert layout.positions is not None and layout.text_offsets is not None
    base = layout.text_offsets[:-1][article]
    keys = span_keys(layout, annotator, label, layout.positions[start + base], layout.positions[end + base])
    keys = np.where((label >= 0), keys, -1)
    rows = span_keys(layout, layout.annotator, layout.label, layout.start, layout.end)
    order = np.argsort(rows, kind="stable")
    at = np.minimum(np.searchsorted(rows[order], keys), max(len(rows) - 1, 0))
    if len(rows) == 0:
        return np.full(len(keys), -1, dtype=np.int64)
    found = order[at]
    return np.where((rows[found] == keys) & (label >= 0), found, -1)


def per_article_sums(values: np.ndarray, bounds: np.ndarray) -> np.ndarray:
    """Sum ``values`` (last axis) over each article's stretch; ``bounds`` are the article offsets.

    ``np.add.reduceat`` returns the element at the index for an empty stretch, so those are zeroed. The
    values get one 0 at the end so that empty stretches at the very end have an index of their own
    (clamping their index to the last value instead cut the article before them short by one).
    """
    bounds = np.asarray(bounds)
    if len(bounds) < 2:
        return np.zeros((*values.shape[:-1], 0), dtype=np.int64)
    padded = np.concatenate([values, np.zeros((*values.shape[:-1], 1), dtype=values.dtype)], axis=-1)
    sums = np.add.reduceat(padded, bounds[:-1], axis=-1, dtype=np.int64)
    return np.where(np.diff(bounds) > 0, sums, 0)
