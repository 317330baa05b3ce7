"""Painting suggestions in the article view: a pale fill of the label's colour inside a dashed outline.

A mixin of ``ArticleView``. Suggestions (other occurrences of a string just tagged, ``set_suggestions``)
are lighter than any span and drawn under the spans; a click on one (not part of a double-click) emits the
view's ``suggestionClicked`` (``_emit_suggestion_click``, after the double-click interval).

It uses the view's ``suggestions``, ``_suggestion_starts``, ``_longest_suggestion``,
``_clicked_suggestion``, ``offsets``, ``cursor_for`` and ``visible_range``.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from typing import NamedTuple

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QAbstractTextDocumentLayout, QColor, QPainter, QPen, QTextCharFormat

from annotator.core.model import Label
from annotator.ui.highlight_colours import SUGGESTION_ALPHA


class PaintedSuggestion(NamedTuple):
    """A suggested place (code points) and its label's colour, as the view paints it."""

    start: int
    end: int
    label: str
    color: str


class SuggestionPainting:
    """The suggestion half of ``ArticleView``'s painting (see the module docstring)."""

    def set_suggestions(self, suggestions: Iterable[tuple[int, int, str]], labels: dict[str, Label]) -> None:
        """Paint ``(start, end, label)`` places as suggestions (an empty list removes them)."""
        colour = {name: label.color for name, label in labels.items()}
        self.suggestions = sorted(PaintedSuggestion(start, end, label, colour.get(label, "#888888"))
                                  for start, end, label in suggestions)
        self._suggestion_starts = [s.start for s in self.suggestions]
        self._longest_suggestion = max((s.end - s.start for s in self.suggestions), default=0)
        self.viewport().update()

    def suggestion_at(self, position: int) -> PaintedSuggestion | None:
        """The suggestion covering the character at ``position``, if any."""
        low = bisect_left(self._suggestion_starts, position - self._longest_suggestion)
        high = bisect_right(self._suggestion_starts, position)
        return next((s for s in self.suggestions[low:high] if s.start <= position < s.end), None)

    def visible_suggestions(self) -> list[PaintedSuggestion]:
        """The suggestions that touch the viewport, in text order."""
        if not self.suggestions:
            return []
        start, end = self.visible_range()
        low = bisect_left(self._suggestion_starts, start - self._longest_suggestion)
        high = bisect_left(self._suggestion_starts, end)
        return [s for s in self.suggestions[low:high] if s.end > start]

    def suggestion_selections(self) -> list[tuple[PaintedSuggestion, QAbstractTextDocumentLayout.Selection]]:
        """What a repaint fills for the visible suggestions: UTF-16 cursor ranges with a pale format."""
        selections = []
        for item in self.visible_suggestions():
            selection = QAbstractTextDocumentLayout.Selection()
            selection.cursor = self.cursor_for(item.start, item.end)
            fill = QColor(item.color)
            fill.setAlpha(SUGGESTION_ALPHA)
            fmt = QTextCharFormat()
            fmt.setBackground(fill)
            selection.format = fmt
            selections.append((item, selection))
        return selections

    def suggestion_rects(self, item: PaintedSuggestion) -> list[QRectF]:
        """Document rectangles around a suggestion's text, one per line it is laid out on."""
        document = self.document()
        layout = document.documentLayout()
        first, last = self.offsets.to_utf16(item.start), self.offsets.to_utf16(item.end)
        rects = []
        block = document.findBlock(first)
        while block.isValid() and block.position() < last:
            origin = layout.blockBoundingRect(block).topLeft()
            text_layout = block.layout()
            low, high = max(first - block.position(), 0), min(last - block.position(), block.length() - 1)
            for n in range(text_layout.lineCount()):
                line = text_layout.lineAt(n)
                a, b = max(low, line.textStart()), min(high, line.textStart() + line.textLength())
                if a >= b:
                    continue
                xs = [line.cursorToX(a)[0], line.cursorToX(b)[0]]
                rects.append(QRectF(min(xs), line.y(), abs(xs[1] - xs[0]), line.height())
                             .translated(origin).adjusted(-1, 1, 1, -1))
            block = block.next()
        return rects

    def _draw_suggestion_outlines(self, painter: QPainter, suggestions: list[PaintedSuggestion]) -> None:
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for item in suggestions:
            pen = QPen(QColor(item.color), 1.4, Qt.PenStyle.DashLine)
            painter.setPen(pen)
            for rect in self.suggestion_rects(item):
                painter.drawRoundedRect(rect, 4, 4)
        painter.restore()

    def _emit_suggestion_click(self) -> None:
        item, self._clicked_suggestion = self._clicked_suggestion, None
        if item is not None and item in self.suggestions:
            self.suggestionClicked.emit(item.start, item.end)
