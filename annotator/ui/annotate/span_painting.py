"""Painting spans in the article view: the painted list in paint order, nesting levels, and their formats.

``SpanPainter`` is owned by ``ArticleView`` and keeps its own state (the painted list, its starts, the
longest span, the formats made this repaint); it asks the view only for its public geometry
(``visible_range``, ``document``, ``offsets``, ``palette``, ``viewport``). Own spans get a translucent
background in the label's colour, where spans overlap the colours blend, and a span nested inside another
is also underlined in its colour; other annotators' spans (review mode) are a dashed underline only; the
selected span is painted darker, and with it the other fragments of its annotation when it is one
fragment of a discontinuous annotation (brat's ``T1 actor 4 8;18 26``). An edit of one or two spans
updates the painted list in place (``update_spans``: bisect, and nesting levels recomputed only where
the edited spans reach).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtGui import QAbstractTextDocumentLayout, QColor, QPalette, QTextCharFormat, QTextCursor

from annotator.core.model import Label, Span
from annotator.ui.annotate.highlight_colours import OWN_ALPHA, SELECTED_ALPHA, blend, readable_text_colour

if TYPE_CHECKING:
    from annotator.ui.annotate.article_view import ArticleView


class PaintedSpan(NamedTuple):
    """A span as the view paints it (a named tuple: 10,000 of them are built per refresh)."""

    span: Span
    color: str
    own: bool
    level: int  # how many earlier-starting spans still cover its start: 0 for a span on its own


def paint_order(span: Span) -> tuple[int, int, int]:
    """The order spans are painted and listed in: by start, longer (outer) first, then by id."""
    return span.start, -span.end, span.id


def _painted_order(item: PaintedSpan) -> tuple[int, int, int]:
    return item.span.start, -item.span.end, item.span.id


def nesting_levels(spans: list[Span], open_ends: list[int] | None = None) -> list[int]:
    """For spans sorted by start: how many earlier spans are still open where each one starts.

    ``open_ends``: the sorted ends of spans before the first one that may still be open there.
    """
    open_ends = list(open_ends or [])  # ends of spans seen so far, kept sorted
    levels = []
    for span in spans:
        # spans that ended at or before this start no longer cover it
        open_ends = open_ends[bisect_right(open_ends, span.start):]
        levels.append(len(open_ends))
        open_ends.insert(bisect_right(open_ends, span.end), span.end)
    return levels


def _annotation_of(span: Span) -> int:
    """The id naming ``span``'s annotation: its first fragment's (its own when it is not a fragment)."""
    return span.id if span.fragment_of is None else span.fragment_of


class SpanPainter:
    """The spans an ``ArticleView`` paints and how (see the module docstring)."""

    def __init__(self, view: ArticleView) -> None:
        self._view = view
        self.painted: list[PaintedSpan] = []  # in paint order
        self.starts: list[int] = []  # painted[i].span.start, for bisecting
        self.max_length = 0  # the longest painted span: how far back a span covering a place may start
        self.selected_span_id: int | None = None
        self._selected_annotation: int | None = None  # the first fragment's id of the selected span
        self._formats: dict[tuple[str, bool, bool, bool], QTextCharFormat] = {}
        self._colours: dict[str, str] = {}  # label → colour, and the own annotator, of the last set_spans
        self._annotator = ""

    def clear(self) -> None:
        """Forget every span (a new article is shown)."""
        self.painted, self.starts = [], []
        self._select(None)

    def set_spans(self, spans: Iterable[Span], labels: dict[str, Label], annotator: str,
                  selected_span_id: int | None = None) -> None:
        """Paint ``spans`` (own and, in review mode, others'), built in one pass."""
        ordered = sorted(spans, key=paint_order)
        own = [s for s in ordered if s.annotator == annotator]
        level_of = dict(zip((s.id for s in own), nesting_levels(own), strict=True))
        colour = {name: label.color for name, label in labels.items()}
        self.painted = [
            PaintedSpan(s, colour.get(s.label, "#888888"), s.id in level_of, level_of.get(s.id, 0))
            for s in ordered
        ]
        self.starts = [p.span.start for p in self.painted]
        self._colours, self._annotator = colour, annotator
        self._select(selected_span_id)
        self._repaint_spans()

    def update_spans(self, removed: Iterable[Span], added: Iterable[Span],
                     selected_span_id: int | None = None) -> None:
        """Take ``removed`` out of the painted spans and put ``added`` in (an edited span is in both,
        old and new), with the labels and annotator of the last ``set_spans``.

        The result equals ``set_spans`` of the new span list; only the nesting levels of own spans
        starting inside a removed or added span are recomputed.
        """
        removed, added = list(removed), list(added)
        painted, starts = self.painted, self.starts
        longest = self.max_length
        for span in removed:
            index = self._index_of(span)
            del painted[index], starts[index]
            if span.end - span.start >= longest:
                longest = -1  # may have been the longest: measure again below
        for span in added:
            index = bisect_left(painted, paint_order(span), key=_painted_order)
            own = span.annotator == self._annotator
            painted.insert(index, PaintedSpan(span, self._colours.get(span.label, "#888888"), own, 0))
            starts.insert(index, span.start)
        if longest < 0:
            longest = max((p.span.end - p.span.start for p in painted), default=0)
        self.max_length = max([longest, *(s.end - s.start for s in added)])
        for span in removed + added:
            self._relevel(bisect_left(painted, paint_order(span), key=_painted_order),
                          bisect_left(starts, span.end))
        self._select(selected_span_id)
        self._formats.clear()
        self._view.viewport().update()

    def _index_of(self, span: Span) -> int:
        """Where ``span`` (as last painted) is in the painted list."""
        index = bisect_left(self.painted, paint_order(span), key=_painted_order)
        if index < len(self.painted) and self.painted[index].span.id == span.id:
            return index
        # the caller's copy of the span differs from the painted one: look it up by id
        return next(i for i, p in enumerate(self.painted) if p.span.id == span.id)

    def _relevel(self, low: int, high: int) -> None:
        """Recompute the nesting levels of the own spans in ``painted[low:high]``."""
        painted = self.painted
        if low >= high:
            return
        first_start = painted[low].span.start
        # spans starting before this can't reach first_start (none is longer than max_length)
        scan = bisect_left(self.starts, first_start - self.max_length, 0, low)
        open_ends = sorted(p.span.end for p in painted[scan:low] if p.own and p.span.end > first_start)
        own_indices = [i for i in range(low, high) if painted[i].own]
        levels = nesting_levels([painted[i].span for i in own_indices], open_ends)
        for i, level in zip(own_indices, levels, strict=True):
            if painted[i].level != level:
                painted[i] = painted[i]._replace(level=level)

    def forget_formats(self) -> None:
        """Make the formats again at the next repaint (the palette changed)."""
        self._formats.clear()

    def set_selected_span(self, span_id: int | None) -> None:
        """Paint ``span_id`` (or none) as the selected span."""
        if span_id != self.selected_span_id:
            self._select(span_id)
            self._formats.clear()
            self._view.viewport().update()

    def _select(self, span_id: int | None) -> None:
        self.selected_span_id = span_id
        selected = None if span_id is None else next(
            (p.span for p in self.painted if p.span.id == span_id), None)
        self._selected_annotation = None if selected is None else _annotation_of(selected)

    def is_selected(self, span: Span) -> bool:
        """Whether ``span`` is painted as selected: the selected span, or another fragment of its
        discontinuous annotation."""
        return span.id == self.selected_span_id or (
            self._selected_annotation is not None and _annotation_of(span) == self._selected_annotation)

    def _repaint_spans(self) -> None:
        self.max_length = max((p.span.end - p.span.start for p in self.painted), default=0)
        self._formats.clear()
        self._view.viewport().update()

    def _format(self, item: PaintedSpan) -> QTextCharFormat:
        """The look of a span; a handful of formats shared by all spans, made once per repaint."""
        selected = self.is_selected(item.span)
        key = (item.color, item.own, item.level > 0, selected)
        fmt = self._formats.get(key)
        if fmt is None:
            fmt = QTextCharFormat()
            colour = QColor(item.color)
            if item.own:
                background = QColor(colour)
                background.setAlpha(SELECTED_ALPHA if selected else OWN_ALPHA)
                fmt.setBackground(background)
                palette = self._view.palette()
                shown = blend(background, palette.color(QPalette.ColorRole.Base))
                text = palette.color(QPalette.ColorRole.Text)
                readable = readable_text_colour(shown, text)
                if readable != text:
                    fmt.setForeground(readable)
                if item.level or selected:
                    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
                    fmt.setUnderlineColor(colour.darker(130) if selected else colour)
            else:
                fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DashUnderline)
                fmt.setUnderlineColor(colour)
            self._formats[key] = fmt
        return fmt

    def visible_spans(self) -> list[PaintedSpan]:
        """The spans that touch the viewport, in drawing order."""
        start, end = self._view.visible_range()
        low = bisect_left(self.starts, start - self.max_length)
        high = bisect_left(self.starts, end)
        shown = [p for p in self.painted[low:high] if p.span.end > start]
        # others' underlines first, then own spans outer to inner, the selected one on top
        return sorted(shown, key=lambda p: (p.own, p.level, self.is_selected(p.span)))

    def span_selections(self) -> list[tuple[PaintedSpan, QAbstractTextDocumentLayout.Selection]]:
        """What a repaint draws for the visible spans: UTF-16 cursor ranges with their formats."""
        selections = []
        document = self._view.document()
        to_utf16 = self._view.offsets.to_utf16
        for item in self.visible_spans():
            selection = QAbstractTextDocumentLayout.Selection()
            cursor = QTextCursor(document)
            cursor.setPosition(to_utf16(item.span.start))
            cursor.setPosition(to_utf16(item.span.end), QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            selection.format = self._format(item)
            selections.append((item, selection))
        return selections

    def spans_at(self, position: int) -> list[PaintedSpan]:
        """Spans covering the character at ``position``, outermost first."""
        candidates = self.painted[bisect_left(self.starts, position - self.max_length):
                                  bisect_right(self.starts, position)]
        return [p for p in candidates if p.span.start <= position < p.span.end]
