"""Painting suggestions in the article view: a pale fill of the label's colour inside a dashed outline.

``SuggestionPainter`` is owned by ``ArticleView`` and keeps the suggested places (other occurrences of a
string just tagged, ``set_suggestions``) with their own index; it asks the view only for its public
geometry (``visible_range``, ``cursor_for``, ``document``, ``offsets``). Suggestions are lighter than any
span and drawn under the spans; the view turns a click on one into ``suggestionClicked``.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QAbstractTextDocumentLayout, QColor, QPainter, QPen, QTextCharFormat

from annotator.core.model import Label
from annotator.ui.annotate.highlight_colours import SUGGESTION_ALPHA

if TYPE_CHECKING:
    from annotator.ui.annotate.article_view import ArticleView


class PaintedSuggestion(NamedTuple):
    """A suggested place (code points) and its label's colour, as the view paints it."""

    start: int
    end: int
    label: str
    color: str


class SuggestionPainter:
    """The suggested places an ``ArticleView`` paints (see the module docstring)."""

    def __init__(self, view: ArticleView) -> None:
        self._view = view
        self.suggestions: list[PaintedSuggestion] = []  # in text order
        self._starts: list[int] = []
        self._longest = 0

    def clear(self) -> None:
        """Forget every suggestion without repainting (a new article is shown)."""
        self.suggestions, self._starts, self._longest = [], [], 0

    def set_suggestions(self, suggestions: Iterable[tuple[int, int, str]], labels: dict[str, Label]) -> None:
        """Paint ``(start, end, label)`` places as suggestions (an empty list removes them)."""
        colour = {name: label.color for name, label in labels.items()}
        self.suggestions = sorted(PaintedSuggestion(start, end, label, colour.get(label, "#888888"))
                                  for start, end, label in suggestions)
        self._starts = [s.start for s in self.suggestions]
        self._longest = max((s.end - s.start for s in self.suggestions), default=0)
        self._view.viewport().update()

    def suggestion_at(self, position: int) -> PaintedSuggestion | None:
        """The suggestion covering the character at ``position``, if any."""
        low = bisect_left(self._starts, position - self._longest)
        high = bisect_right(self._starts, position)
        return next((s for s in self.suggestions[low:high] if s.start <= position < s.end), None)

    def visible_suggestions(self) -> list[PaintedSuggestion]:
        """The suggestions that touch the viewport, in text order."""
        if not self.suggestions:
            return []
        start, end = self._view.visible_range()
        low = bisect_left(self._starts, start - self._longest)
        high = bisect_left(self._starts, end)
        return [s for s in self.suggestions[low:high] if s.end > start]

    def suggestion_selections(self) -> list[tuple[PaintedSuggestion, QAbstractTextDocumentLayout.Selection]]:
        """What a repaint fills for the visible suggestions: UTF-16 cursor ranges with a pale format."""
        selections = []
        for item in self.visible_suggestions():
            selection = QAbstractTextDocumentLayout.Selection()
            selection.cursor = self._view.cursor_for(item.start, item.end)
            fill = QColor(item.color)
            fill.setAlpha(SUGGESTION_ALPHA)
            fmt = QTextCharFormat()
            fmt.setBackground(fill)
            selection.format = fmt
            selections.append((item, selection))
        return selections

    def suggestion_rects(self, item: PaintedSuggestion) -> list[QRectF]:
        """Document rectangles around a suggestion's text, one per line it is laid out on."""
        document = self._view.document()
        layout = document.documentLayout()
        first, last = self._view.offsets.to_utf16(item.start), self._view.offsets.to_utf16(item.end)
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

    def draw_outlines(self, painter: QPainter, suggestions: list[PaintedSuggestion]) -> None:
        """Draw the dashed outline of each of ``suggestions`` (after the text and its fills)."""
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for item in suggestions:
            pen = QPen(QColor(item.color), 1.4, Qt.PenStyle.DashLine)
            painter.setPen(pen)
            for rect in self.suggestion_rects(item):
                painter.drawRoundedRect(rect, 4, 4)
        painter.restore()
