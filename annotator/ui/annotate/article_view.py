"""The article text, right-to-left and right-aligned, with each span painted over its characters.

Offsets in and out of this view are Python code points; the view converts them to Qt's UTF-16
positions with one ``Utf16Map`` per article (``annotator.core.text``), the only conversion point.
QTextDocument stores each "\\n" as U+2029, which still takes one position, so nothing else shifts.

Spans come from one list read from the store; each repaint draws the spans inside the viewport as
selections of the document layout (see ``paintEvent``), so a 10,000-span article costs no more per
frame than a short one. An edit of one or two spans updates the painted list in place
(``update_spans``). How spans look and how the painted list is kept: ``span_painting``; colours
and contrast: ``highlight_colours``.

Suggestions (other occurrences of a string just tagged, ``set_suggestions``) are lighter still, drawn under
the spans: ``ui/suggestions/painting.py``; a click on one (not part of a double-click) emits
``suggestionClicked``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QEvent, QPoint, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QContextMenuEvent,
    QFont,
    QFontMetricsF,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextOption,
)
from PySide6.QtWidgets import QApplication, QMenu, QTextEdit, QToolTip, QWidget

from annotator.core.model import Label, Span
from annotator.core.structure import Relation
from annotator.core.text import Utf16Map

# Re-exported: other views and the tests import these from here.
from annotator.ui.annotate.highlight_colours import (
    MIN_TEXT_CONTRAST,
    OWN_ALPHA,
    SELECTED_ALPHA,
    SUGGESTION_ALPHA,
    blend,
    contrast_ratio,
    readable_text_colour,
    relative_luminance,
)
from annotator.ui.annotate.relation_painting import RelationPainter
from annotator.ui.annotate.span_painting import PaintedSpan, SpanPainter, nesting_levels, paint_order
from annotator.ui.suggestions.painting import PaintedSuggestion, SuggestionPainter

__all__ = [
    "MIN_TEXT_CONTRAST", "OWN_ALPHA", "SELECTED_ALPHA", "SUGGESTION_ALPHA", "ArticleView", "PaintedSpan",
    "PaintedSuggestion", "blend", "configure_right_to_left", "contrast_ratio", "nesting_levels",
    "paint_order", "readable_text_colour", "relative_luminance",
]


def configure_right_to_left(view: QTextEdit, font_family: str, point_size: int) -> None:
    """Right-to-left direction and right alignment for the whole view, in the Arabic font."""
    view.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    option = QTextOption()
    option.setTextDirection(Qt.LayoutDirection.RightToLeft)
    # AlignAbsolute: in a right-to-left widget a plain AlignRight is mirrored to the left edge.
    option.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute)
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    view.document().setDefaultTextOption(option)
    view.setFont(QFont(font_family, point_size))


class ArticleView(QTextEdit):
    """Read-only, selectable article text with span highlights, tooltips and a context menu."""

    spanClicked = Signal(int)  # span id under a mouse click (the innermost one), -1 for none
    edgeClicked = Signal(int)  # Ctrl+click: code-point offset where the selected span's edge should go
    suggestionClicked = Signal(int, int)  # start, end (code points) of a suggestion clicked once

    def __init__(self, font_family: str = "Amiri", point_size: int = 20,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("articleView")
        self.setReadOnly(True)
        self.setUndoRedoEnabled(False)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                     | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.setMouseTracking(True)
        self.font_family = font_family
        configure_right_to_left(self, font_family, point_size)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # lines wrap
        self.document().setDocumentMargin(24)
        self.text = ""
        self.offsets = Utf16Map("")
        self.span_painter = SpanPainter(self)
        self.suggestion_painter = SuggestionPainter(self)
        self.relation_painter = RelationPainter(self)
        self.relation_room = 0.0  # pixels kept free above every line for relation arcs
        self.context_menu_entries: Callable[[QMenu, int], None] | None = None
        self._visible: tuple[tuple[object, ...], tuple[int, int]] | None = None  # visible_range's
        # a click on a suggestion waits out the double-click interval: a double-click selects the word
        self._suggestion_click = QTimer(self, singleShot=True)
        self._suggestion_click.timeout.connect(self._emit_suggestion_click)
        self._clicked_suggestion: PaintedSuggestion | None = None
        self.paint_count = 0  # repaints so far: lets work wait until an edit's highlight is on screen
        self.document().documentLayout().documentSizeChanged.connect(self._forget_visible_range)

    # -- what is painted (the painters own it; the page and the tests talk to the view) ------------

    @property
    def painted(self) -> list[PaintedSpan]:
        """The spans painted, in paint order."""
        return self.span_painter.painted

    @property
    def selected_span_id(self) -> int | None:
        return self.span_painter.selected_span_id

    @property
    def suggestions(self) -> list[PaintedSuggestion]:
        """The suggested places painted, in text order."""
        return self.suggestion_painter.suggestions

    def set_spans(self, spans: Iterable[Span], labels: dict[str, Label], annotator: str,
                  selected_span_id: int | None = None) -> None:
        """Paint ``spans`` (own and, in review mode, others'); see ``SpanPainter.set_spans``."""
        self.span_painter.set_spans(spans, labels, annotator, selected_span_id)

    def update_spans(self, removed: Iterable[Span], added: Iterable[Span],
                     selected_span_id: int | None = None) -> None:
        """Repaint after an edit of a few spans; see ``SpanPainter.update_spans``."""
        self.span_painter.update_spans(removed, added, selected_span_id)

    def set_selected_span(self, span_id: int | None) -> None:
        """Paint ``span_id`` (or none) as the selected span."""
        self.span_painter.set_selected_span(span_id)

    def visible_spans(self) -> list[PaintedSpan]:
        """The spans that touch the viewport, in drawing order."""
        return self.span_painter.visible_spans()

    def spans_at(self, position: int) -> list[PaintedSpan]:
        """Spans covering the character at ``position``, outermost first."""
        return self.span_painter.spans_at(position)

    def set_suggestions(self, suggestions: Iterable[tuple[int, int, str]], labels: dict[str, Label]) -> None:
        """Paint ``(start, end, label)`` places as suggestions (an empty list removes them)."""
        self.suggestion_painter.set_suggestions(suggestions, labels)

    def set_relations(self, relations: Iterable[Relation], spans: dict[int, Span], colours: dict[str, str],
                      annotator: str) -> None:
        """Draw ``relations`` between ``spans`` as arcs; see ``RelationPainter.set_relations``."""
        self.relation_painter.set_relations(relations, spans, colours, annotator)
        self.keep_relation_room()

    def update_relations(self, added: list[Relation], removed: set[int], colours: dict[str, str],
                         annotator: str) -> None:
        """Draw relations just made and drop ones just deleted, leaving the others as they are."""
        self.relation_painter.remove_relations(removed)
        self.relation_painter.add_relations(added, colours, annotator)
        self.keep_relation_room()

    def set_selected_relation(self, relation_id: int | None) -> None:
        self.relation_painter.set_selected_relation(relation_id)

    def set_pending_relation(self, pending: tuple[int, int, str] | None) -> None:
        """Draw a dashed arc from head span to candidate child span (``(head, child, colour)``), or none."""
        self.relation_painter.set_pending(pending)
        self.keep_relation_room()

    def keep_relation_room(self) -> None:
        """Space the lines for the room the relations want above them (a relayout only when it changes)."""
        room = self.relation_painter.wanted_room()
        if room != self.relation_room:
            self.relation_room = room
            self._format_blocks()

    def visible_suggestions(self) -> list[PaintedSuggestion]:
        """The suggestions that touch the viewport, in text order."""
        return self.suggestion_painter.visible_suggestions()

    def suggestion_at(self, position: int) -> PaintedSuggestion | None:
        """The suggestion covering the character at ``position``, if any."""
        return self.suggestion_painter.suggestion_at(position)

    def _emit_suggestion_click(self) -> None:
        item, self._clicked_suggestion = self._clicked_suggestion, None
        if item is not None and item in self.suggestion_painter.suggestions:
            self.suggestionClicked.emit(item.start, item.end)

    # -- text ---------------------------------------------------------------------------------

    def set_article(self, text: str) -> None:
        """Show ``text``: every paragraph right-to-left and flush right, whatever its first letter."""
        self.text = text
        self.offsets = Utf16Map(text)
        self.span_painter.clear()
        self.suggestion_painter.clear()
        self.relation_painter.clear()
        self.relation_room = 0.0
        self.setPlainText(text)
        self._visible = None
        self._format_blocks()
        self.moveCursor(QTextCursor.MoveOperation.Start)

    def _format_blocks(self) -> None:
        """Every paragraph right-to-left, flush right, lines 125 % apart plus the relations' room."""
        # Qt aligns each block by its own direction (taken from its first strong letter) unless the block
        # says otherwise: a paragraph opening with "17 أغسطس" or a Latin name would otherwise go left.
        block_format = QTextBlockFormat()
        block_format.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        block_format.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute)
        # Qt puts a line's extra height below it: the room above a line is the previous line's extra
        # (the last line of the previous paragraph's, for a first line), above the first the margin
        line_height = QFontMetricsF(self.document().defaultFont()).height()
        extra = 100 * self.relation_room / line_height if line_height else 0
        block_format.setLineHeight(125 + extra, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        self.document().setDocumentMargin(max(24.0, self.relation_room + 8))
        cursor = QTextCursor(self.document())
        cursor.beginEditBlock()  # one relayout for all blocks, not one per block
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.mergeBlockFormat(block_format)
        if extra:
            # the line before an empty one already has the room below it: the empty line can be half
            plain = QTextBlockFormat()
            plain.setLineHeight(line_height / 2, QTextBlockFormat.LineHeightTypes.FixedHeight.value)
            block = self.document().firstBlock()
            while block.isValid():
                if block.length() == 1:
                    QTextCursor(block).mergeBlockFormat(plain)
                block = block.next()
        cursor.endEditBlock()

    def set_point_size(self, size: int) -> None:
        font = self.font()
        font.setPointSize(max(8, min(size, 72)))
        self.setFont(font)
        if self.relation_room:
            self._format_blocks()  # the room is in pixels, the line height in per cent of the font's

    def point_size(self) -> int:
        return self.font().pointSize()

    # -- offsets ------------------------------------------------------------------------------

    def cursor_for(self, start: int, end: int) -> QTextCursor:
        """A text cursor selecting code points ``start``–``end``."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.offsets.to_utf16(start))
        cursor.setPosition(self.offsets.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
        return cursor

    def select_range(self, start: int, end: int) -> None:
        """Select code points ``start``–``end`` and scroll them into view."""
        self.setTextCursor(self.cursor_for(start, end))
        self.ensureCursorVisible()

    def show_range(self, start: int, end: int) -> None:
        """Scroll code points ``start``–``end`` into view, leaving the text selection as it is."""
        rect = self.cursorRect(self.cursor_for(start, start))
        height = self.viewport().height()
        if rect.top() < 0 or rect.bottom() > height:
            bar = self.verticalScrollBar()
            bar.setValue(bar.value() + rect.center().y() - height // 2)

    def selected_range(self) -> tuple[int, int]:
        """The selected text as code points (start ≤ end); an empty range at the cursor when none."""
        cursor = self.textCursor()
        return (self.offsets.to_codepoint(cursor.selectionStart()),
                self.offsets.to_codepoint(cursor.selectionEnd()))

    def position_at(self, point: QPoint) -> int:
        """The code-point offset of the character under a viewport point."""
        return self.offsets.to_codepoint(self.cursorForPosition(point).position())

    # -- spans --------------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        """A new palette (the system switched to dark, say) may need other text colours on spans."""
        if event.type() == QEvent.Type.PaletteChange:
            self.span_painter.forget_formats()
        super().changeEvent(event)

    def visible_range(self) -> tuple[int, int]:
        """Code points of the blocks shown in the viewport (whole blocks, so wrapped lines are in).

        Remembered for as long as the text, its layout, the font and the scroll position stay the same
        (hit-testing twice costs a few milliseconds, a tag's repaint would pay it again); the layout
        growing (Qt lays a long text out lazily) or changing size forgets it.
        """
        viewport = self.viewport()
        key = (self.offsets, self.horizontalScrollBar().value(), self.verticalScrollBar().value(),
               viewport.width(), viewport.height(), self.font().key())
        if self._visible is not None and self._visible[0] == key:
            return self._visible[1]
        start, end = self._measure_visible_range()
        # while Qt is still laying a new text out, hit-testing can answer nonsense: don't keep that
        self._visible = (key, (start, end)) if start <= end else None
        return start, end

    def _forget_visible_range(self) -> None:
        self._visible = None

    def _measure_visible_range(self) -> tuple[int, int]:
        viewport = self.viewport()
        # Bottom first: hit-testing there lays the document out down to the viewport's bottom, which the
        # top's answer relies on (asked first, right after setPlainText, it can name a wrong block).
        last = self.cursorForPosition(QPoint(viewport.width(), viewport.height())).block()
        first = self.cursorForPosition(QPoint(0, 0)).block()
        if first.position() > last.position():
            self.document().documentLayout().blockBoundingRect(first)  # finish the layout up to there
            last = self.cursorForPosition(QPoint(viewport.width(), viewport.height())).block()
            first = self.cursorForPosition(QPoint(0, 0)).block()
        to_codepoint = self.offsets.to_codepoint
        return to_codepoint(first.position()), to_codepoint(last.position() + last.length())

    def paintEvent(self, event: QPaintEvent) -> None:
        """Draw the document with the visible spans as selections: work per frame is per visible span.

        QTextEdit's own painting would need every span as an ExtraSelection, which it measures one by one
        (laying out the whole article) whenever the list changes; here a tag only repaints the viewport.
        """
        viewport = self.viewport()
        bar = self.horizontalScrollBar()
        x = bar.maximum() - bar.value() if self.isRightToLeft() else bar.value()
        y = self.verticalScrollBar().value()
        painter = QPainter(viewport)
        painter.translate(-x, -y)
        clip = QRectF(event.rect().translated(x, y))
        painter.setClipRect(clip)
        context = QAbstractTextDocumentLayout.PaintContext()
        context.clip = clip
        context.palette = self.palette()
        context.cursorPosition = -1
        suggestions = self.suggestion_painter.suggestion_selections()
        selections = [selection for _item, selection in suggestions]  # under the spans
        selections += [selection for _item, selection in self.span_painter.span_selections()]
        if self.textCursor().hasSelection():
            selection = QAbstractTextDocumentLayout.Selection()
            selection.cursor = self.textCursor()
            highlight = QTextCharFormat()
            colour = self.palette().color(QPalette.ColorRole.Highlight)
            colour.setAlpha(150)
            highlight.setBackground(colour)
            selection.format = highlight
            selections.append(selection)
        context.selections = selections
        self.document().documentLayout().draw(painter, context)
        if suggestions:
            self.suggestion_painter.draw_outlines(painter, [item for item, _selection in suggestions])
        self.relation_painter.draw(painter, self.relation_room)
        painter.end()
        self.paint_count += 1

    # -- events -------------------------------------------------------------------------------

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            position = self.position_at(self.viewport().mapFrom(self, event.pos()))
            covering = self.spans_at(position)
            suggestion = self.suggestion_at(position)
            if covering or suggestion:
                lines = [f"{p.span.label} — {p.span.annotator}{'' if p.own else ' (read-only)'}: "
                         f"«{self.text[p.span.start:p.span.end][:60]}»" for p in covering]
                if suggestion is not None:
                    tip = self.tr("Suggested: {label} — click to accept")
                    lines.append(tip.format(label=suggestion.label))
                QToolTip.showText(event.globalPos(), "\n".join(lines), self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if (event.button() == Qt.MouseButton.LeftButton and self.selected_span_id is not None
                and event.modifiers() & Qt.KeyboardModifier.ControlModifier):
            self.edgeClicked.emit(self.position_at(event.position().toPoint()))
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier and self.selected_span_id is not None:
            event.accept()
            return
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton and not self.textCursor().hasSelection():
            position = self.position_at(event.position().toPoint())
            covering = self.spans_at(position)
            self.spanClicked.emit(covering[-1].span.id if covering else -1)
            self._clicked_suggestion = self.suggestion_at(position)
            if self._clicked_suggestion is not None:
                self._suggestion_click.start(QApplication.doubleClickInterval())

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        self._suggestion_click.stop()  # a double-click selects the word: it accepts nothing
        self._clicked_suggestion = None
        super().mouseDoubleClickEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.createStandardContextMenu(event.pos())
        if self.context_menu_entries is not None:
            menu.addSeparator()
            self.context_menu_entries(menu, self.position_at(event.pos()))
        menu.exec(event.globalPos())
        menu.deleteLater()
