"""Spans on both sides of a shared passage: where they differ, and copying them across.

A passage's two copies have the same normalised letters (see ``annotator.core.consistency``), so letter i
of the passage in article A is letter i in article B: a span is mapped through that alignment offset by
offset, which stays exact when the two copies differ in harakat, tatweel, spacing, punctuation or
characters outside the Basic Multilingual Plane. Spans are compared by the passage letters they cover,
so a span that takes in a closing quote on one side and not on the other has the same boundaries.
Only spans wholly inside the passage are compared or copied; one that reaches beyond it is left alone.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import StrEnum

from annotator.core.consistency import SharedPassage, WordLayout, word_layout, word_layouts
from annotator.core.model import Span, SpanRef


class DifferenceKind(StrEnum):
    """How the coding of a passage differs between its two articles."""

    MISSING_IN_B = "missing_in_b"  # a span in A has no counterpart in B
    MISSING_IN_A = "missing_in_a"  # a span in B has no counterpart in A
    DIFFERENT_LABEL = "different_label"  # the same words, another label
    DIFFERENT_BOUNDARIES = "different_boundaries"  # the same label on overlapping, unequal words


@dataclass(frozen=True)
class SpanDifference:
    """One disagreement between ``annotator_a``'s spans in article A and ``annotator_b``'s in article B.

    Offsets are in each original text. For a span missing on one side, that side's offsets are where
    the span maps to, and its label is ``None``.
    """

    kind: DifferenceKind
    annotator_a: str
    annotator_b: str
    label_a: str | None
    label_b: str | None
    start_a: int
    end_a: int
    start_b: int
    end_b: int


@dataclass(frozen=True, eq=False)
class PassageAlignment:
    """A shared passage with the letter layouts of both texts: maps offsets from one copy to the other."""

    passage: SharedPassage
    layout_a: WordLayout
    layout_b: WordLayout
    letters_a: tuple[int, int]  # the passage's letters in A: [first, stop)
    letters_b: tuple[int, int]

    def swapped(self) -> PassageAlignment:
        """The same alignment from B's side (B's spans mapped onto A)."""
        return PassageAlignment(self.passage.swapped(), self.layout_b, self.layout_a,
                                self.letters_b, self.letters_a)

    def passage_letters(self, start: int, end: int) -> tuple[int, int] | None:
        """The passage letters [i, j) an A-side range covers, or None unless it lies wholly inside."""
        first, stop = self.layout_a.letters_of(start, end)
        low, high = self.letters_a
        if not low <= first < stop <= high:
            return None
        # a layout may hold only the passage: letters beyond it are looked for in the text itself
        text, passage = self.layout_a.text, self.passage
        if any(ch.isalnum() for ch in text[start : passage.start_a] + text[passage.end_a : end]):
            return None
        return first - low, stop - low

    def to_b(self, start: int, end: int) -> tuple[int, int] | None:
        """The B offsets of A's range [start, end), or None when it is not wholly inside the passage.

        Punctuation the A range takes in before its first or after its last letter is taken in on the
        B side too where B has the same characters there (an opening quote, a closing bracket).
        """
        letters = self.passage_letters(start, end)
        if letters is None:
            return None
        low = self.letters_b[0]
        start_b, end_b = self.layout_b.span_of_letters(low + letters[0], low + letters[1])
        first_a, last_a = self.layout_a.span_of_letters(self.letters_a[0] + letters[0],
                                                        self.letters_a[0] + letters[1])
        text_a, text_b = self.layout_a.text, self.layout_b.text
        lead, trail = text_a[start:first_a], text_a[last_a:end]
        if lead and text_b[start_b - len(lead) : start_b] == lead:
            start_b -= len(lead)
        if trail and text_b[end_b : end_b + len(trail)] == trail:
            end_b += len(trail)
        return start_b, end_b


def align(passage: SharedPassage, text_a: str, text_b: str) -> PassageAlignment:
    """The letter alignment of ``passage`` between the two article texts it was found in.

    Raises ValueError when the texts do not hold the passage (an article changed since it was found).
    """
    return align_layouts(passage, word_layout(text_a, passage.start_a, passage.end_a),
                         word_layout(text_b, passage.start_b, passage.end_b))


def align_many(passages: list[SharedPassage], texts: dict[str, str]) -> list[PassageAlignment]:
    """:func:`align` for many passages (``texts`` by article id), laid out together: much faster."""
    pieces = []
    for p in passages:
        pieces += [(texts[p.article_a], p.start_a, p.end_a), (texts[p.article_b], p.start_b, p.end_b)]
    layouts = word_layouts(pieces)
    return [align_layouts(p, layouts[2 * n], layouts[2 * n + 1]) for n, p in enumerate(passages)]


def align_layouts(passage: SharedPassage, layout_a: WordLayout, layout_b: WordLayout) -> PassageAlignment:
    """:func:`align` on layouts already made (of the whole texts, or of at least the passage in each)."""
    first_a, first_b = layout_a.word_index(passage.start_a), layout_b.word_index(passage.start_b)
    count = passage.words
    if (first_a + count > len(layout_a.words) or first_b + count > len(layout_b.words)
            or layout_a.words[first_a : first_a + count] != layout_b.words[first_b : first_b + count]):
        raise ValueError("the two texts do not share this passage")
    letters_a = (int(layout_a.word_letters[first_a]), int(layout_a.word_letters[first_a + count]))
    letters_b = (int(layout_b.word_letters[first_b]), int(layout_b.word_letters[first_b + count]))
    return PassageAlignment(passage, layout_a, layout_b, letters_a, letters_b)


def map_spans(alignment: PassageAlignment, spans: Iterable[Span | SpanRef]) -> list[SpanRef]:
    """A's spans that lie wholly inside the passage, placed on B's offsets (for "copy spans A → B").

    For B → A, pass ``alignment.swapped()`` and B's spans.
    """
    mapped = []
    for span in spans:
        place = alignment.to_b(span.start, span.end)
        if place is not None:
            mapped.append(SpanRef(place[0], place[1], span.label))
    return sorted(set(mapped))


def span_differences(
    alignment: PassageAlignment, spans_a: Iterable[Span], spans_b: Iterable[Span], *,
    across_annotators: bool = False, annotators: Iterable[str] | None = None,
) -> list[SpanDifference]:
    """How the spans inside the passage differ between its two articles.

    Each annotator's spans in A are compared with the same annotator's in B; with ``across_annotators``
    every annotator in A is also compared with every other annotator in B. ``annotators`` limits the
    comparison to those names. Within one comparison, spans on the same passage letters with the same
    label agree; the same letters with another label are ``different_label``; overlapping letters with
    the same label are ``different_boundaries``; the rest are missing on the other side.
    """
    wanted = None if annotators is None else set(annotators)
    back = alignment.swapped()
    inside_a = _inside(alignment, spans_a, wanted)
    inside_b = _inside(back, spans_b, wanted)
    names_a, names_b = sorted(inside_a), sorted(inside_b)
    pairs = {(name, name) for name in {*names_a, *names_b}}
    if across_annotators:
        pairs |= {(x, y) for x in names_a for y in names_b if x != y}
    found: list[SpanDifference] = []
    for name_a, name_b in sorted(pairs):
        found += _compare(alignment, back, name_a, name_b, inside_a.get(name_a, {}), inside_b.get(name_b, {}))
    return found


_Letters = tuple[int, int, str]  # passage letters [i, j) and label


def _inside(alignment: PassageAlignment, spans: Iterable[Span],
            wanted: set[str] | None) -> dict[str, dict[_Letters, Span]]:
    by_annotator: dict[str, dict[_Letters, Span]] = {}
    passage = alignment.passage
    for span in spans:
        if (wanted is not None and span.annotator not in wanted) or span.end <= passage.start_a \
                or span.start >= passage.end_a:
            continue
        letters = alignment.passage_letters(span.start, span.end)
        if letters is not None:
            by_annotator.setdefault(span.annotator, {})[(*letters, span.label)] = span
    return by_annotator


def _compare(alignment: PassageAlignment, back: PassageAlignment, name_a: str, name_b: str,
             in_a: dict[_Letters, Span], in_b: dict[_Letters, Span]) -> list[SpanDifference]:
    only_a = sorted(set(in_a) - set(in_b))
    only_b = sorted(set(in_b) - set(in_a))
    found = []

    def pair_up(kind: DifferenceKind, matches: Callable[[_Letters, _Letters], bool]) -> None:
        for key_a in list(only_a):
            key_b = next((k for k in only_b if matches(key_a, k)), None)
            if key_b is None:
                continue
            only_a.remove(key_a)
            only_b.remove(key_b)
            a, b = in_a[key_a], in_b[key_b]
            found.append(SpanDifference(kind, name_a, name_b, a.label, b.label, a.start, a.end,
                                        b.start, b.end))

    pair_up(DifferenceKind.DIFFERENT_LABEL, lambda a, b: a[:2] == b[:2])
    pair_up(DifferenceKind.DIFFERENT_BOUNDARIES, lambda a, b: a[2] == b[2] and a[0] < b[1] and b[0] < a[1])
    for key in only_a:
        span = in_a[key]
        start_b, end_b = alignment.to_b(span.start, span.end)
        found.append(SpanDifference(DifferenceKind.MISSING_IN_B, name_a, name_b, span.label, None,
                                    span.start, span.end, start_b, end_b))
    for key in only_b:
        span = in_b[key]
        start_a, end_a = back.to_b(span.start, span.end)
        found.append(SpanDifference(DifferenceKind.MISSING_IN_A, name_a, name_b, None, span.label,
                                    start_a, end_a, span.start, span.end))
    return sorted(found, key=lambda d: (min(d.start_a, d.end_a), d.end_a, d.kind))
