"""The comparison view's text: an article shown once, right-to-left, with annotators' lanes painted in
the room left under every line, and a way to bring a range to the middle of the view.

The widget paints what it is given (bars and marks in numbered lanes); which lane is whose, and where
overlapping spans go (``core.agreement.lanes``), is decided by the comparison view.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QPainter,
    QPaintEvent,
    QPen,
    QTextBlockFormat,
    QTextCursor,
    QTextDocument,
    QTextOption,
)
from PySide6.QtWidgets import QTextEdit, QWidget

LANE_HEIGHT, LANE_GAP = 5, 2
LANE_PITCH = LANE_HEIGHT + LANE_GAP
MISSING_OUTLINE = "#d62728"


@dataclass(frozen=True)
class LaneBar:
    """A span in a lane (filled in ``colour``), or with ``missing`` an outline where the lane's annotator
    has no span. ``start``/``end`` are UTF-16 positions in the document."""

    lane: int
    start: int
    end: int
    colour: str
    missing: bool = False


@dataclass(frozen=True)
class LaneMark:
    """A structure disagreement on a bar: a square in ``colour`` where a relation's end begins (hollow,
    when the other annotator has no such relation), or with ``dot`` a dot on a span whose
    attribute differs."""

    lane: int
    start: int
    end: int
    colour: str
    hollow: bool = False
    dot: bool = False


class LaneTextView(QTextEdit):
    """A read-only right-to-left text view that paints annotators' lanes under each line."""

    def __init__(self, font_family: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("comparisonText")
        self.setReadOnly(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                     | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.setFont(QFont(font_family, 17))
        self.bars: list[LaneBar] = []
        self.marks: list[LaneMark] = []
        self.lanes = 0

    def set_article(self, text: str, lanes: int, bars: list[LaneBar], marks: list[LaneMark]) -> None:
        """Show ``text`` with room for ``lanes`` lanes under every line, and the ``bars`` and ``marks``."""
        document = QTextDocument(self)
        document.setDefaultFont(self.font())
        option = QTextOption()
        option.setTextDirection(Qt.LayoutDirection.RightToLeft)
        # AlignAbsolute: in a right-to-left widget a plain AlignRight is mirrored to the left edge.
        option.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute)
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        document.setDefaultTextOption(option)
        document.setPlainText(text)
        block_format = QTextBlockFormat()
        block_format.setLineHeight(lanes * LANE_PITCH + 6,
                                   QTextBlockFormat.LineHeightTypes.LineDistanceHeight.value)
        cursor = QTextCursor(document)
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.mergeBlockFormat(block_format)
        self.setDocument(document)
        self.lanes, self.bars, self.marks = lanes, bars, marks
        self.viewport().update()

    def clear_article(self) -> None:
        self.set_article("", 0, [], [])

    def shown_text(self) -> str:
        """The text as shown, character for character (``toPlainText`` turns no-break spaces into spaces)."""
        return self.document().toRawText().replace("\u2029", "\n")

    def lines(self, start: int, end: int) -> Iterator[tuple[float, float, float, float]]:
        """(left, right, top, bottom of the text line) in document pixels for each line the range touches."""
        document = self.document()
        layout = document.documentLayout()
        block = document.findBlock(start)
        while block.isValid() and block.position() <= end:
            origin = layout.blockBoundingRect(block).topLeft()
            text_layout = block.layout()
            for i in range(text_layout.lineCount()):
                line = text_layout.lineAt(i)
                line_start = block.position() + line.textStart()
                a, b = max(start, line_start), min(end, line_start + line.textLength())
                if a >= b:
                    continue
                x1 = line.cursorToX(a - block.position())[0]
                x2 = line.cursorToX(b - block.position())[0]
                top = origin.y() + line.y()
                yield origin.x() + min(x1, x2), origin.x() + max(x1, x2), top, top + line.height()
            block = block.next()

    def segments(self, start: int, end: int) -> Iterator[tuple[float, float, float]]:
        """(left, right, bottom of the line) in viewport pixels for each line the range touches."""
        dx, dy = self.horizontalScrollBar().value(), self.verticalScrollBar().value()
        for left, right, _top, bottom in self.lines(start, end):
            yield left - dx, right - dx, bottom - dy

    def band(self, start: int, end: int) -> tuple[float, float] | None:
        """Top and bottom in viewport pixels of the lines the range touches, their lanes included."""
        found = list(self.lines(start, end))
        if not found:
            return None
        dy = self.verticalScrollBar().value()
        return found[0][2] - dy, found[-1][3] + 2 + self.lanes * LANE_PITCH - dy

    def centre_on(self, start: int, end: int) -> None:
        """Scroll so that the lines of the range and their lanes sit in the middle of the view; a range
        taller than the view shows its first line in the middle."""
        band = self.band(start, end)
        if band is None:
            return
        top, bottom = band
        height = self.viewport().height()
        if bottom - top > height:
            first = self.band(start, start + 1) or band
            top, bottom = first
        bar = self.verticalScrollBar()
        bar.setValue(bar.value() + round((top + bottom) / 2 - height / 2))

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self.bars and not self.marks:
            return
        painter = QPainter(self.viewport())
        top, bottom = event.rect().top() - 40, event.rect().bottom() + 40
        for bar in self.bars:
            for rect in self._rects(bar.lane, bar.start, bar.end, top, bottom):
                if bar.missing:
                    painter.setPen(QPen(QColor(MISSING_OUTLINE), 1.2, Qt.PenStyle.DashLine))
                    painter.setBrush(Qt.BrushStyle.NoBrush)
                else:
                    painter.setPen(Qt.PenStyle.NoPen)
                    painter.setBrush(QColor(bar.colour))
                painter.drawRect(rect)
        for mark in dict.fromkeys(self.marks):  # one mark per place, however many pairs disagree there
            rect = next(self._rects(mark.lane, mark.start, mark.end, top, bottom), None)
            if rect is None:
                continue
            if mark.dot:
                painter.setPen(QPen(QColor("#ffffff"), 1))
                painter.setBrush(QColor(mark.colour))
                painter.drawEllipse(rect.center(), LANE_HEIGHT / 2 + 1, LANE_HEIGHT / 2 + 1)
                continue
            # a square where the span begins (its right end, the text being right-to-left): filled in the
            # relation type's colour, or hollow where the other annotator has no such relation
            square = QRectF(rect.right() - LANE_HEIGHT - 2, rect.top() - 1, LANE_HEIGHT + 2, LANE_HEIGHT + 2)
            painter.setPen(QPen(QColor(mark.colour if mark.hollow else "#222222"), 1.5))
            painter.setBrush(QColor("#ffffff") if mark.hollow else QColor(mark.colour))
            painter.drawRect(square)
        painter.end()

    def _rects(self, lane: int, start: int, end: int, top: float, bottom: float) -> Iterator[QRectF]:
        for left, right, line_bottom in self.segments(start, end):
            y = line_bottom + 2 + lane * LANE_PITCH
            if top <= y <= bottom:
                yield QRectF(left, y, max(right - left, 2.0), LANE_HEIGHT)


__all__ = ["LANE_PITCH", "MISSING_OUTLINE", "LaneBar", "LaneMark", "LaneTextView"]
