"""Suggestions: the other places where a string the annotator just tagged occurs, to offer its label.

Nothing here stores anything: the annotator accepts or dismisses each suggestion in the window.

Matching rules (what an Arabic-reading annotator expects), all on the normalised text of
``annotator.core.normalise`` — harakat and tatweel dropped, alef/hamza variants, alef maqsura and ta
marbuta unified, whitespace runs made one space — so «إيران», «ايران» and «إِيرَان» are one string:

- An occurrence is whole words: the character after it is not a word character
  (``annotator.core.text.is_word_char``), and neither is the character before it, except for
  proclitics written attached to it: a conjunction و or ف, then optionally a preposition ب ل or ك
  («وإيران», «بإيران», «وبإيران», «لإيران»). The suggestion covers the string only, never the clitics.
- Clitics only before a tagged string of at least ``MIN_CLITIC_LETTERS`` (3) letters (the rule is
  ``annotator.core.text.is_proclitic``, which word snapping uses too). A string of one or
  two letters glued to و ف ب ل ك is far more often another word than the string with a clitic: a tagged
  «رد» (reply) would be found in «ورد» (was mentioned; a rose), «برد» (cold), «فرد» (individual). Such a
  short string is suggested only where it stands alone. (Three letters and more, a word with a clitic in
  front is rarely a different word; counting letters needs no dictionary and no look at the corpus.)
- The tagged string is taken as it is: its ال is part of it, so «الولايات» matches «والولايات»,
  «بالولايات», «كالولايات», but neither «ولايات» nor, for a tagged «ولايات», «الولايات».
  ل + ال is written لل («للولايات»): for a tagged string starting with ال that place is suggested too,
  covering from the article's lam («لولايات المتحدة»), the first lam being the clitic.
- A string inside a longer word is never suggested («إيران» is not suggested in «الإيرانية»).
- Excluded: the tagged place itself, and every place overlapping a span the same annotator already has
  with the same label (the same offsets included). Other labels' and other annotators' spans don't count.
- Offsets are code points of the original text: the suggestion starts at its first letter and ends after
  the harakat or tatweel that follow its last letter, so no mark is cut off its letter.

A tagged string that is not whole words (tagged with Alt, the exact characters) is still matched only as
whole words elsewhere: a suggestion inside a word would be noise far more often than a help.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import accumulate

import numpy as np

from annotator.core.model import Span
from annotator.core.normalise import normalise, normalised_text
from annotator.core.text import ARTICLE, is_proclitic, is_word_char


@dataclass(frozen=True)
class Suggestion:
    """A place in an article where the tagged string occurs: offer ``label`` over ``start``–``end``."""

    article_id: str
    start: int  # code points in the original text
    end: int
    label: str
    text: str  # the original text there (with its own harakat and spelling)


@dataclass(frozen=True, eq=False)
class NormalisedArticle:
    """An article's text with its normalised form and offset index: made once, searched for many tags."""

    article_id: str
    text: str
    normalised: str = field(repr=False)
    index: np.ndarray = field(repr=False)  # normalised offset → original offset, plus len(text)

    @classmethod
    def of(cls, article_id: str, text: str) -> NormalisedArticle:
        normalised, index = normalise(text)
        return cls(article_id, text, normalised, index)


def needle_of(tagged: str) -> str:
    """The normalised form of a tagged string, as it is looked for (outer spaces dropped)."""
    return normalised_text(tagged).strip(" ")


def _prefix_before(normalised: str, position: int) -> str | None:
    """The word characters right before ``position`` (up to 3), or None if more than that."""
    start = position
    while start > 0 and is_word_char(normalised[start - 1]):
        start -= 1
        if position - start > 2:
            return None
    return normalised[start:position]


def _ends_word(normalised: str, position: int) -> bool:
    return position == len(normalised) or not is_word_char(normalised[position])


def occurrences(normalised: str, needle: str) -> list[tuple[int, int]]:
    """Where ``needle`` (already normalised) occurs in ``normalised`` by the rules above, in text order.

    Returns normalised ``(start, end)`` offsets of the string itself (clitics not included).
    """
    if not needle or not any(is_word_char(ch) for ch in needle):
        return []
    found = []
    # a few distinct prefixes before thousands of places: ask is_proclitic once for each
    allowed: dict[str | None, bool] = {None: False}

    def proclitic(prefix: str | None) -> bool:
        if prefix not in allowed:
            allowed[prefix] = is_proclitic(prefix, needle)
        return allowed[prefix]

    position = normalised.find(needle)
    while position >= 0:
        end = position + len(needle)
        if _ends_word(normalised, end) and proclitic(_prefix_before(normalised, position)):
            found.append((position, end))
        position = normalised.find(needle, position + 1)
    if needle.startswith(ARTICLE) and len(needle) > len(ARTICLE):
        rest = needle[1:]  # the article's lam onwards: ل + ال is written لل
        position = normalised.find(rest)
        while position >= 0:
            end = position + len(rest)
            prefix = _prefix_before(normalised, position)  # ل, ول or فل: the lam clitic, then the article
            lam = prefix is not None and prefix.endswith("ل")
            if _ends_word(normalised, end) and lam and proclitic(prefix):
                found.append((position, end))
            position = normalised.find(rest, position + 1)
        found.sort()
    return found


class _Taken:
    """Answers "does start–end overlap one of these ranges?" in O(log n) (10,000 spans per article)."""

    def __init__(self, ranges: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(ranges)
        self._starts = [start for start, _end in ordered]
        # every range among the first k (all start before a candidate's end) overlaps the candidate
        # iff the largest end among them is after the candidate's start
        self._max_ends = list(accumulate((end for _start, end in ordered), max))

    def overlaps(self, start: int, end: int) -> bool:
        k = bisect_left(self._starts, end)
        return k > 0 and self._max_ends[k - 1] > start


def suggest(article: NormalisedArticle, tagged: str, label: str, spans: Iterable[Span] = (), *,
            annotator: str, exclude: tuple[int, int] | None = None) -> list[Suggestion]:
    """The places in ``article`` to suggest ``label`` on, after ``annotator`` tagged ``tagged``.

    ``spans``: spans of the article (others are ignored); those of ``annotator`` with ``label`` rule
    out every place they overlap. ``exclude``: the tagged place itself (original offsets), ruled out
    too even before its span is stored.
    """
    taken = _Taken([(s.start, s.end) for s in spans
                    if s.annotator == annotator and s.label == label and s.document_id == article.article_id]
                   + ([exclude] if exclude is not None else []))
    return _places(article, needle_of(tagged), label, taken)


def _places(article: NormalisedArticle, needle: str, label: str, taken: _Taken) -> list[Suggestion]:
    index, text = article.index, article.text
    out = []
    for a, b in occurrences(article.normalised, needle):
        start, end = int(index[a]), int(index[b])  # index[b]: harakat/tatweel after the last letter too
        if not taken.overlaps(start, end):
            out.append(Suggestion(article.article_id, start, end, label, text[start:end]))
    return out


def still_open(suggestions: Iterable[Suggestion], spans: Iterable[Span], *,
               annotator: str) -> list[Suggestion]:
    """The ``suggestions`` not overlapping a span ``annotator`` now has with their label in their article.

    After an acceptance or any other edit, what is still worth offering.
    """
    suggestions = list(suggestions)
    wanted = {(s.article_id, s.label) for s in suggestions}
    ranges: dict[tuple[str, str], list[tuple[int, int]]] = {key: [] for key in wanted}
    for span in spans:
        key = (span.document_id, span.label)
        if span.annotator == annotator and key in ranges:
            ranges[key].append((span.start, span.end))
    taken = {key: _Taken(found) for key, found in ranges.items()}
    return [s for s in suggestions if not taken[(s.article_id, s.label)].overlaps(s.start, s.end)]


def suggest_in_articles(articles: Iterable[NormalisedArticle | tuple[str, str]], tagged: str, label: str,
                        spans: Iterable[Span] = (), *, annotator: str) -> list[Suggestion]:
    """``suggest`` over many articles (``(article_id, text)`` pairs or already normalised ones).

    ``spans`` may hold spans of any article: each article is checked against its own.
    """
    by_article: dict[str, list[Span]] = {}
    for span in spans:
        if span.annotator == annotator and span.label == label:
            by_article.setdefault(span.document_id, []).append(span)
    needle = needle_of(tagged)
    probe = needle[1:] if needle.startswith(ARTICLE) else needle  # also in «للولايات»
    out: list[Suggestion] = []
    for article in articles:
        if not isinstance(article, NormalisedArticle):
            article = NormalisedArticle.of(*article)
        if probe not in article.normalised:
            continue
        taken = _Taken((s.start, s.end) for s in by_article.get(article.article_id, ()))
        out += _places(article, needle, label, taken)
    return out
