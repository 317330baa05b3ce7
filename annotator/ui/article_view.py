"""The article text, right-to-left and right-aligned, with each span painted over its characters.

Offsets in and out of this view are Python code points; the view converts them to Qt's UTF-16
positions with one ``Utf16Map`` per article (``annotator.core.text``), the only conversion point.
QTextDocument stores each "\\n" as U+2029, which still takes one position, so nothing else shifts.

Spans come from one list read from the store; each repaint draws the spans inside the viewport as
selections of the document layout (see ``paintEvent``), so a 10,000-span article costs no more per
frame than a short one. An edit of one or two spans updates the painted list in place
(``update_spans``: bisect, and nesting levels recomputed only where the edited spans reach). Own spans
get a translucent background in the label's colour: where spans overlap the colours blend, and a span
nested inside another is also underlined in its colour, so overlaps stay visible. Other annotators'
spans (review mode) are a dashed underline only. The selected span is painted darker.

Suggestions (other occurrences of a string just tagged, ``set_suggestions``) are lighter still: a pale
fill of the label's colour inside a dashed outline, drawn under the spans; a click on one (not part of a
double-click) emits ``suggestionClicked``.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable
from typing import NamedTuple

from PySide6.QtCore import QEvent, QPoint, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QContextMenuEvent,
    QFont,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextOption,
)
from PySide6.QtWidgets import QApplication, QMenu, QTextEdit, QToolTip, QWidget

from annotator.core.model import Label, Span
from annotator.core.text import Utf16Map

OWN_ALPHA = 80
SELECTED_ALPHA = 190
SUGGESTION_ALPHA = 38  # well under OWN_ALPHA: a suggestion must never look like a stored span
MIN_TEXT_CONTRAST = 4.5  # WCAG AA for body text; tests/ui/test_highlight_contrast.py checks ≥ 3 everywhere


def relative_luminance(colour: QColor) -> float:
    """WCAG 2.x relative luminance of an opaque colour."""
    def linear(channel: float) -> float:
        return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4

    return 0.2126 * linear(colour.redF()) + 0.7152 * linear(colour.greenF()) + 0.0722 * linear(colour.blueF())


def contrast_ratio(a: QColor, b: QColor) -> float:
    """WCAG contrast ratio of two opaque colours, from 1 (same) to 21 (black on white)."""
    high, low = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def blend(over: QColor, base: QColor) -> QColor:
    """``over`` (with its alpha) painted source-over on opaque ``base``, as QPainter composites it."""
    alpha = over.alphaF()
    return QColor.fromRgbF(*(alpha * o + (1 - alpha) * b for o, b in
                             ((over.redF(), base.redF()), (over.greenF(), base.greenF()),
                              (over.blueF(), base.blueF()))))


def readable_text_colour(background: QColor, text: QColor) -> QColor:
    """``text`` if it reads well on ``background``; otherwise black or white, whichever reads better.

    A dark theme's light text on a strongly tinted highlight (a selected yellow span) is hard to read.
    """
    if contrast_ratio(text, background) >= MIN_TEXT_CONTRAST:
        return text
    black, white = QColor("#000000"), QColor("#ffffff")
    return black if contrast_ratio(black, background) >= contrast_ratio(white, background) else white


class PaintedSpan(NamedTuple):
    """A span as the view paints it (a named tuple: 10,000 of them are built per refresh)."""

    span: Span
    color: str
    own: bool
    level: int  # how many earlier-starting spans still cover its start: 0 for a span on its own


class PaintedSuggestion(NamedTuple):
    """A suggested place (code points) and its label's colour, as the view paints it."""

    start: int
    end: int
    label: str
    color: str


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
        self.painted: list[PaintedSpan] = []
        self._starts: list[int] = []
        self.selected_span_id: int | None = None
        self.context_menu_entries: Callable[[QMenu, int], None] | None = None
        self._max_length = 0
        self._formats: dict[tuple[str, bool, bool, bool], QTextCharFormat] = {}
        self._colours: dict[str, str] = {}  # label → colour, and the own annotator, of the last set_spans
        self._annotator = ""
        self._visible: tuple[tuple[object, ...], tuple[int, int]] | None = None  # visible_range's
        self.suggestions: list[PaintedSuggestion] = []  # in text order
        self._suggestion_starts: list[int] = []
        self._longest_suggestion = 0
        # a click on a suggestion waits out the double-click interval: a double-click selects the word
        self._suggestion_click = QTimer(self, singleShot=True)
        self._suggestion_click.timeout.connect(self._emit_suggestion_click)
        self._clicked_suggestion: PaintedSuggestion | None = None
        self.paint_count = 0  # repaints so far: lets work wait until an edit's highlight is on screen
        self.document().documentLayout().documentSizeChanged.connect(self._forget_visible_range)

    # -- text ---------------------------------------------------------------------------------

    def set_article(self, text: str) -> None:
        """Show ``text``: every paragraph right-to-left and flush right, whatever its first letter."""
        self.text = text
        self.offsets = Utf16Map(text)
        self.painted, self._starts, self.selected_span_id = [], [], None
        self.suggestions, self._suggestion_starts, self._longest_suggestion = [], [], 0
        self.setPlainText(text)
        self._visible = None
        # Qt aligns each block by its own direction (taken from its first strong letter) unless the block
        # says otherwise: a paragraph opening with "17 أغسطس" or a Latin name would otherwise go left.
        block_format = QTextBlockFormat()
        block_format.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        block_format.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute)
        block_format.setLineHeight(125, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        cursor = QTextCursor(self.document())
        cursor.beginEditBlock()  # one relayout for all blocks, not one per block
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.mergeBlockFormat(block_format)
        cursor.endEditBlock()
        self.moveCursor(QTextCursor.MoveOperation.Start)

    def set_point_size(self, size: int) -> None:
        font = self.font()
        font.setPointSize(max(8, min(size, 72)))
        self.setFont(font)

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

    def selected_range(self) -> tuple[int, int]:
        """The selected text as code points (start ≤ end); an empty range at the cursor when none."""
        cursor = self.textCursor()
        return (self.offsets.to_codepoint(cursor.selectionStart()),
                self.offsets.to_codepoint(cursor.selectionEnd()))

    def position_at(self, point: QPoint) -> int:
        """The code-point offset of the character under a viewport point."""
        return self.offsets.to_codepoint(self.cursorForPosition(point).position())

    # -- spans --------------------------------------------------------------------------------

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
        self._starts = [p.span.start for p in self.painted]
        self._colours, self._annotator = colour, annotator
        self.selected_span_id = selected_span_id
        self._repaint_spans()

    def update_spans(self, removed: Iterable[Span], added: Iterable[Span],
                     selected_span_id: int | None = None) -> None:
        """Take ``removed`` out of the painted spans and put ``added`` in (an edited span is in both,
        old and new), with the labels and annotator of the last ``set_spans``.

        The result equals ``set_spans`` of the new span list; only the nesting levels of own spans
        starting inside a removed or added span are recomputed.
        """
        removed, added = list(removed), list(added)
        painted, starts = self.painted, self._starts
        longest = self._max_length
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
        self._max_length = max([longest, *(s.end - s.start for s in added)])
        for span in removed + added:
            self._relevel(bisect_left(painted, paint_order(span), key=_painted_order),
                          bisect_left(starts, span.end))
        self.selected_span_id = selected_span_id
        self._formats.clear()
        self.viewport().update()

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
        # spans starting before this can't reach first_start (none is longer than _max_length)
        scan = bisect_left(self._starts, first_start - self._max_length, 0, low)
        open_ends = sorted(p.span.end for p in painted[scan:low] if p.own and p.span.end > first_start)
        own_indices = [i for i in range(low, high) if painted[i].own]
        levels = nesting_levels([painted[i].span for i in own_indices], open_ends)
        for i, level in zip(own_indices, levels, strict=True):
            if painted[i].level != level:
                painted[i] = painted[i]._replace(level=level)

    def set_selected_span(self, span_id: int | None) -> None:
        if span_id != self.selected_span_id:
            self.selected_span_id = span_id
            self._formats.clear()
            self.viewport().update()

    def _repaint_spans(self) -> None:
        self._max_length = max((p.span.end - p.span.start for p in self.painted), default=0)
        self._formats.clear()
        self.viewport().update()

    def _format(self, item: PaintedSpan) -> QTextCharFormat:
        """The look of a span; a handful of formats shared by all spans, made once per repaint."""
        selected = item.span.id == self.selected_span_id
        key = (item.color, item.own, item.level > 0, selected)
        fmt = self._formats.get(key)
        if fmt is None:
            fmt = QTextCharFormat()
            colour = QColor(item.color)
            if item.own:
                background = QColor(colour)
                background.setAlpha(SELECTED_ALPHA if selected else OWN_ALPHA)
                fmt.setBackground(background)
                palette = self.palette()
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

    def changeEvent(self, event: QEvent) -> None:
        """A new palette (the system switched to dark, say) may need other text colours on spans."""
        if event.type() == QEvent.Type.PaletteChange:
            self._formats.clear()
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

    def visible_spans(self) -> list[PaintedSpan]:
        """The spans that touch the viewport, in drawing order."""
        start, end = self.visible_range()
        low = bisect_left(self._starts, start - self._max_length)
        high = bisect_left(self._starts, end)
        shown = [p for p in self.painted[low:high] if p.span.end > start]
        # others' underlines first, then own spans outer to inner, the selected one on top
        return sorted(shown, key=lambda p: (p.own, p.level, p.span.id == self.selected_span_id))

    def span_selections(self) -> list[tuple[PaintedSpan, QAbstractTextDocumentLayout.Selection]]:
        """What a repaint draws for the visible spans: UTF-16 cursor ranges with their formats."""
        selections = []
        document = self.document()
        to_utf16 = self.offsets.to_utf16
        for item in self.visible_spans():
            selection = QAbstractTextDocumentLayout.Selection()
            cursor = QTextCursor(document)
            cursor.setPosition(to_utf16(item.span.start))
            cursor.setPosition(to_utf16(item.span.end), QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            selection.format = self._format(item)
            selections.append((item, selection))
        return selections

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
        suggestions = self.suggestion_selections()
        selections = [selection for _item, selection in suggestions]  # under the spans
        selections += [selection for _item, selection in self.span_selections()]
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
            self._draw_suggestion_outlines(painter, [item for item, _selection in suggestions])
        painter.end()
        self.paint_count += 1

    # -- suggestions --------------------------------------------------------------------------

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

    def spans_at(self, position: int) -> list[PaintedSpan]:
        """Spans covering the character at ``position``, outermost first."""
        candidates = self.painted[bisect_left(self._starts, position - self._max_length):
                                  bisect_right(self._starts, position)]
        return [p for p in candidates if p.span.start <= position < p.span.end]

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
