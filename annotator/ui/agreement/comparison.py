"""The comparison view: one article's text once, right-to-left, with every annotator's spans in a lane of
their own under each line, and the places where they disagree marked and listed.

Under every line of text each counted annotator has a thin lane (top to bottom in the legend's order);
a span is a bar in its label's colour. So a different label shows as two colours over the same words,
a different boundary as bars of different length, a missing span as a gap outlined in red. The text
behind a disagreement is tinted by its kind; the current one is outlined.

Keys (when the view has focus): N or F8 → next disagreement, P or Shift+F8 → previous one.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QFont,
    QKeySequence,
    QPainter,
    QPaintEvent,
    QPen,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextOption,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from annotator.core.agreement.data import AgreementArticle
from annotator.core.agreement.disagreements import Disagreement, DisagreementKind, article_disagreements
from annotator.core.model import SpanRef
from annotator.core.text import Utf16Map
from annotator.ui.shell import counts as counted

KIND_COLOURS = {
    DisagreementKind.MISSING: "#f6b3b3",
    DisagreementKind.LABEL: "#d9c2ef",
    DisagreementKind.BOUNDARY: "#fbe29a",
}
MISSING_OUTLINE = "#d62728"
LANE_HEIGHT, LANE_GAP = 5, 2
FALLBACK_COLOUR = "#7f7f7f"
ROLE = Qt.ItemDataRole.UserRole
EXCERPT_CHARS = 40


@dataclass(frozen=True)
class _Bar:
    lane: int
    start: int  # UTF-16 positions in the document
    end: int
    colour: str
    missing: bool = False  # an outline where this lane's annotator has no span


def _excerpt(text: str, span: SpanRef) -> str:
    """The covered words, shortened, in a Unicode isolate (FSI…PDI) so the quotes around right-to-left
    words in a left-to-right line stay where they belong."""
    covered = text[span.start:span.end].replace("\n", " ")
    if len(covered) > EXCERPT_CHARS:
        covered = covered[:EXCERPT_CHARS - 1] + "…"
    return f"\u2068{covered}\u2069"


def describe(disagreement: Disagreement, text: str) -> str:
    """One line for the list: kind, who marked what, and what the other annotator has there."""
    span, other = disagreement.span, disagreement.other_span
    mine = f"{disagreement.annotator}: «{_excerpt(text, span)}» {span.label}"
    theirs = (f"{disagreement.other}: nothing" if other is None
              else f"{disagreement.other}: «{_excerpt(text, other)}» {other.label}")
    return f"{disagreement.kind.value} — {mine} ≠ {theirs}"


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
        self.bars: list[_Bar] = []
        self.lanes = 0

    def set_article(self, text: str, lanes: int, bars: list[_Bar]) -> None:
        """Show ``text`` with room for ``lanes`` lanes under every line, and the ``bars`` in them."""
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
        block_format.setLineHeight(lanes * (LANE_HEIGHT + LANE_GAP) + 6,
                                   QTextBlockFormat.LineHeightTypes.LineDistanceHeight.value)
        cursor = QTextCursor(document)
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.mergeBlockFormat(block_format)
        self.setDocument(document)
        self.lanes, self.bars = lanes, bars
        self.viewport().update()

    def shown_text(self) -> str:
        """The text as shown, character for character (``toPlainText`` turns no-break spaces into spaces)."""
        return self.document().toRawText().replace("\u2029", "\n")

    def segments(self, start: int, end: int) -> Iterator[tuple[float, float, float]]:
        """(left, right, bottom of the line) in viewport pixels for each line the range touches."""
        document = self.document()
        layout = document.documentLayout()
        dx, dy = self.horizontalScrollBar().value(), self.verticalScrollBar().value()
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
                yield (origin.x() + min(x1, x2) - dx, origin.x() + max(x1, x2) - dx,
                       origin.y() + line.y() + line.height() - dy)
            block = block.next()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self.bars:
            return
        painter = QPainter(self.viewport())
        top, bottom = event.rect().top() - 40, event.rect().bottom() + 40
        for bar in self.bars:
            for left, right, line_bottom in self.segments(bar.start, bar.end):
                y = line_bottom + 2 + bar.lane * (LANE_HEIGHT + LANE_GAP)
                if y < top or y > bottom:
                    continue
                rect = QRectF(left, y, max(right - left, 2.0), LANE_HEIGHT)
                if bar.missing:
                    pen = QPen(QColor(MISSING_OUTLINE), 1.2, Qt.PenStyle.DashLine)
                    painter.setPen(pen)
                    painter.setBrush(Qt.BrushStyle.NoBrush)
                else:
                    painter.setPen(Qt.PenStyle.NoPen)
                    painter.setBrush(QColor(bar.colour))
                painter.drawRect(rect)
        painter.end()


class ComparisonView(QWidget):
    """Compare the annotators of one counted article; step through where they disagree."""

    currentDisagreementChanged = Signal(int)  # index into ``disagreements``, -1 for none

    def __init__(self, label_colours: Mapping[str, str], *, article_font_family: str = "Amiri",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("comparisonView")
        self.label_colours = dict(label_colours)
        self.article: AgreementArticle | None = None
        self.offsets = Utf16Map("")
        self.disagreements: list[Disagreement] = []

        self.title = QLabel(objectName="comparisonTitle")
        self.title.setFont(QFont(article_font_family, 15, QFont.Weight.Bold))
        self.title.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute)
        self.legend = QLabel(objectName="comparisonLegend")
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.legend.setWordWrap(True)
        self.text_view = LaneTextView(article_font_family)
        self.disagreement_list = QListWidget(objectName="disagreementList")
        self.disagreement_list.setFont(QFont(article_font_family, 12))
        self.disagreement_list.currentRowChanged.connect(self._show_current)
        self.position = QLabel(objectName="disagreementPosition")

        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        heading = QHBoxLayout()
        heading.addWidget(QLabel(self.tr("<b>Disagreements</b> (N / F8 next · P / Shift+F8 previous)")))
        heading.addStretch(1)
        heading.addWidget(self.position)
        side_layout.addLayout(heading)
        side_layout.addWidget(self.disagreement_list)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(side)
        splitter.addWidget(self.text_view)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.legend)
        layout.addWidget(splitter, 1)
        self._add_actions()

    def _add_actions(self) -> None:
        for name, keys, slot in (
            (self.tr("Next disagreement"), ["N", "F8"], self.next_disagreement),
            (self.tr("Previous disagreement"), ["P", "Shift+F8"], self.previous_disagreement),
        ):
            action = QAction(name, self)
            action.setShortcuts([QKeySequence(k) for k in keys])
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(slot)
            self.addAction(action)

    @property
    def article_id(self) -> str | None:
        """The id of the article shown, None before one is."""
        return None if self.article is None else self.article.id

    def show_article(self, article: AgreementArticle) -> None:
        """Show ``article`` (text, its counted annotators' spans) and list its disagreements."""
        self.article = article
        text = article.text
        self.offsets = Utf16Map(text)
        self.disagreements = article_disagreements(article)
        names = article.annotators
        lane = {name: i for i, name in enumerate(names)}
        bars = [_Bar(lane[name], self.offsets.to_utf16(s.start), self.offsets.to_utf16(s.end),
                     self.label_colours.get(s.label, FALLBACK_COLOUR))
                for name in names for s in article.spans[name]]
        bars += [_Bar(lane[d.other], self.offsets.to_utf16(d.span.start), self.offsets.to_utf16(d.span.end),
                      MISSING_OUTLINE, missing=True)
                 for d in self.disagreements if d.kind is DisagreementKind.MISSING]
        self.title.setText(article.title)
        self.legend.setText(self._legend_html(names))
        self.text_view.set_article(text, len(names), bars)
        self._tint_disagreements()
        self.disagreement_list.clear()
        for d in self.disagreements:
            item = QListWidgetItem(describe(d, text))
            item.setBackground(QColor(KIND_COLOURS[d.kind]))
            self.disagreement_list.addItem(item)
        if self.disagreements:
            self.disagreement_list.setCurrentRow(0)
        else:
            self._show_current(-1)

    def _legend_html(self, names: tuple[str, ...]) -> str:
        lanes = " · ".join(self.tr("{lane}. <b>{name}</b> ({spans})").format(
            lane=i + 1, name=name, spans=counted.spans(len(self.article.spans[name])))
            for i, name in enumerate(names))
        labels = " ".join(f"<span style='background:{colour}'>&nbsp;&nbsp;&nbsp;</span>&nbsp;{name}"
                          for name, colour in self.label_colours.items())
        kinds = " ".join(f"<span style='background:{colour}'>&nbsp;{kind.value}&nbsp;</span>"
                         for kind, colour in KIND_COLOURS.items())
        missing = f"<span style='color:{MISSING_OUTLINE}'>- - -</span> " + self.tr("no span in that lane")
        return self.tr("Lanes under each line, top to bottom: {lanes}<br>Labels: {labels}"
                       "<br>Disagreements: {kinds} &nbsp; {missing}").format(
            lanes=lanes, labels=labels, kinds=kinds, missing=missing)

    def _range(self, d: Disagreement) -> tuple[int, int]:
        """UTF-16 range covering both spans of a disagreement."""
        start = min(d.span.start, d.other_span.start) if d.other_span else d.span.start
        end = max(d.span.end, d.other_span.end) if d.other_span else d.span.end
        return self.offsets.to_utf16(start), self.offsets.to_utf16(end)

    def _tint_disagreements(self) -> None:
        document = self.text_view.document()
        # Missing spans last, so where kinds overlap the most basic one shows.
        order = {DisagreementKind.BOUNDARY: 0, DisagreementKind.LABEL: 1, DisagreementKind.MISSING: 2}
        for d in sorted(self.disagreements, key=lambda d: order[d.kind]):
            start, end = self._range(d)
            cursor = QTextCursor(document)
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            tint = QTextCharFormat()
            tint.setBackground(QColor(KIND_COLOURS[d.kind]))
            cursor.mergeCharFormat(tint)

    @property
    def current_index(self) -> int:
        """Index of the current disagreement in ``disagreements`` (-1 when there is none)."""
        return self.disagreement_list.currentRow()

    def next_disagreement(self) -> None:
        """Go to the next disagreement (wrapping round to the first)."""
        if self.disagreements:
            self.disagreement_list.setCurrentRow((self.current_index + 1) % len(self.disagreements))

    def previous_disagreement(self) -> None:
        """Go to the previous disagreement (wrapping round to the last)."""
        if self.disagreements:
            self.disagreement_list.setCurrentRow((self.current_index - 1) % len(self.disagreements))

    def _show_current(self, row: int) -> None:
        if row < 0 or row >= len(self.disagreements):
            self.text_view.setExtraSelections([])
            self.position.setText(self.tr("none") if not self.disagreements else "")
            self.currentDisagreementChanged.emit(-1)
            return
        start, end = self._range(self.disagreements[row])
        selection = QTextEdit.ExtraSelection()
        cursor = QTextCursor(self.text_view.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        selection.cursor = cursor
        selection.format.setBackground(QColor(KIND_COLOURS[self.disagreements[row].kind]).darker(125))
        selection.format.setProperty(QTextFormat.Property.OutlinePen, QPen(QColor("#333333"), 1))
        self.text_view.setExtraSelections([selection])
        caret = QTextCursor(self.text_view.document())
        caret.setPosition(start)
        self.text_view.setTextCursor(caret)
        self.text_view.ensureCursorVisible()
        self.position.setText(f"{row + 1} / {len(self.disagreements)}")
        self.currentDisagreementChanged.emit(row)
