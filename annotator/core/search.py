"""Corpus search values and the text work behind them: normalised queries, exact offsets, snippets.

A query and every article are compared in normalised form (``core.normalise``: harakat and tatweel
dropped, alef/ya/ta-marbuta variants unified, white space collapsed); each occurrence found in the
normalised text is mapped back to code-point offsets in the original, so ``text[start:end]`` is what
the annotator sees and can select. No SQL here: ``store.search`` finds the candidate articles.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from annotator.core.normalise import normalise, normalised_text

# Combining marks that belong to the letter before them: an occurrence ending on a letter takes its
# harakat along, so selecting or labelling it never splits a letter from its vowel marks.
_TRAILING_MARKS = frozenset(chr(c) for c in (*range(0x064B, 0x0660), 0x0670))
CONTEXT_WORDS = 6
CONTEXT_CHARS = 80
_WORD = re.compile(r"\S+")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class SearchHit:
    """One occurrence of the query: where it is in the original article, and a snippet around it.

    ``text[start:end] == match``. ``before``/``after`` are a few words of the original either side,
    line breaks shown as spaces. With a label filter, the hit is the first occurrence inside a span
    and ``label``, ``annotator``, ``span_start``, ``span_end`` describe that span.
    """

    article_id: str
    title: str
    start: int
    end: int
    before: str
    match: str
    after: str
    label: str | None = None
    annotator: str | None = None
    span_start: int | None = None
    span_end: int | None = None


@dataclass(frozen=True)
class SearchResult:
    """The hits listed (at most the limit asked for) and the totals over the whole corpus."""

    query: str
    hits: tuple[SearchHit, ...]
    total: int | None  # occurrences (or, with a label filter, spans) over the whole corpus; None: not counted
    articles: int | None  # articles with at least one; None when not counted (a first page only)

    @property
    def counted(self) -> bool:
        """Whether the totals cover the whole corpus (a first page alone leaves them to a later count)."""
        return self.total is not None


def normalise_query(query: str) -> str:
    """The query as the index sees it: normalised, without leading or trailing white space."""
    return normalised_text(query).strip(" ")


def occurrence_end(text: str, end: int) -> int:
    """Extend an occurrence's end over the harakat that follow its last letter."""
    while end < len(text) and text[end] in _TRAILING_MARKS:
        end += 1
    return end


def find_occurrences(
    text: str, needle: str, *, normalised: tuple[str, np.ndarray] | None = None,
    within: tuple[int, int] | None = None,
) -> list[tuple[int, int]]:
    """Original (start, end) offsets of each non-overlapping occurrence of a normalised ``needle``.

    ``normalised`` is ``normalise(text)`` when the caller has it already. ``within`` = (start, end)
    in the original limits the search to occurrences lying wholly inside that range (a span).
    """
    if not needle:
        return []
    norm, index = normalised if normalised is not None else normalise(text)
    low, high = 0, len(norm)
    if within is not None:
        # Normalised characters whose original offset lies in [start, end).
        low, high = (int(i) for i in np.searchsorted(index[:-1], within, side="left"))
    found = []
    position = norm.find(needle, low, high)
    while position >= 0:
        last = position + len(needle) - 1
        found.append((int(index[position]), occurrence_end(text, int(index[last]) + 1)))
        position = norm.find(needle, position + len(needle), high)
    return found


def snippet(text: str, start: int, end: int, words: int = CONTEXT_WORDS) -> tuple[str, str, str]:
    """(before, match, after): up to ``words`` words of the original either side of ``text[start:end]``.

    ``match`` is exact; the context has its line breaks and runs of white space shown as one space.
    """
    before = text[max(0, start - CONTEXT_CHARS):start]
    if start > CONTEXT_CHARS:
        before = _drop_partial_word(before, from_start=True)
    kept = list(_WORD.finditer(before))
    if len(kept) > words:
        before = before[kept[-words].start():]
    after = text[end:end + CONTEXT_CHARS]
    if end + CONTEXT_CHARS < len(text):
        after = _drop_partial_word(after, from_start=False)
    kept = list(_WORD.finditer(after))
    if len(kept) > words:
        after = after[:kept[words - 1].end()]
    return _SPACES.sub(" ", before).lstrip(), text[start:end], _SPACES.sub(" ", after).rstrip()


def _drop_partial_word(context: str, *, from_start: bool) -> str:
    """Cut a word the character limit sliced through (the context then starts/ends on a whole word)."""
    if from_start:
        cut = _SPACES.search(context)
        return context[cut.end():] if cut else ""
    cuts = list(_SPACES.finditer(context))
    return context[:cuts[-1].start()] if cuts else ""
