"""The characters a label covers, per article, counted from the union of the spans' intervals equal the
count over a mask of every character (the way the report counted them before)."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.agreement.characters import covered, covered_per_article
from annotator.core.agreement.layout import per_article_sums


@st.composite
def articles_with_spans(draw):
    lengths = draw(st.lists(st.integers(0, 30), min_size=1, max_size=6))
    bounds = np.concatenate([[0], np.cumsum(lengths)]).astype(np.int64)
    starts, ends = [], []
    for article, length in enumerate(lengths):
        for _ in range(draw(st.integers(0, 6))):
            start = draw(st.integers(0, length))
            end = draw(st.integers(start, length))  # empty spans too: whitespace-only ones have no char
            starts.append(bounds[article] + start)
            ends.append(bounds[article] + end)
    return np.array(starts, dtype=np.int64), np.array(ends, dtype=np.int64), bounds


@settings(max_examples=400, deadline=None)
@given(articles_with_spans())
def test_union_counts_equal_the_character_mask(case) -> None:
    starts, ends, bounds = case
    mask = covered(starts, ends, int(bounds[-1]))
    assert covered_per_article(starts, ends, bounds).tolist() == per_article_sums(mask, bounds).tolist()


def test_an_empty_last_article_leaves_the_one_before_it_whole() -> None:
    """An article with no characters counted (only white space) at the end of the corpus: the article
    before it keeps its last character (it lost it while empty stretches' indexes were clamped)."""
    values = np.array([1, 1, 0, 1])
    assert per_article_sums(values, np.array([0, 4, 4])).tolist() == [3, 0]
    assert per_article_sums(values, np.array([0, 0, 2, 4, 4, 4])).tolist() == [0, 2, 1, 0, 0]
