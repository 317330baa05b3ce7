"""The span list beside the article: label, text excerpt, line, context and annotator of every span shown,
in text order or sorted by a column (click its header).

A table model over the same span list the article view paints (one store read per refresh), so
10,000 spans cost no widgets. Selecting a row tells the window which span is selected.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from annotator.core.model import Label, Span
from annotator.core.text import context_words
from annotator.ui.annotate.article_view import paint_order
from annotator.ui.annotate.context_column import CONTEXT_ROLE, ContextDelegate

Index = QModelIndex | QPersistentModelIndex
EXCERPT = 50
CONTEXT_INNER = 24  # the span itself, inside its context, up to this many characters
CONTEXT_WORDS = 3  # words either side in the Context column (those farthest from the span may be cut)
TOOLTIP_WORDS = 8  # and in its tooltip


LABEL, TEXT, LINE, CONTEXT, ANNOTATOR = range(5)


class SpanTableModel(QAbstractTableModel):
    """Rows are spans, in text order unless sorted by another column; columns label, text, line, context
    (a few words either side) and annotator.

    The model sorts itself (``sort``, called by the view's header) rather than behind a proxy, so a row
    is the same in the model and the view: ``row_of``, ``index`` and ``spans`` mean what is on screen.
    """

    HEADERS = (QT_TRANSLATE_NOOP("SpanTableModel", "Label"), QT_TRANSLATE_NOOP("SpanTableModel", "Text"),
               QT_TRANSLATE_NOOP("SpanTableModel", "Line"), QT_TRANSLATE_NOOP("SpanTableModel", "Context"),
               QT_TRANSLATE_NOOP("SpanTableModel", "Annotator"))

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ordered: list[Span] = []  # ascending by the sort key; shown reversed when descending
        self._keys: list[tuple] = []  # the sort key of each of _ordered
        self._by_id: dict[int, Span] = {}
        self.text = ""
        self._line_starts: list[int] = [0]
        self._contexts: dict[tuple[int, int], tuple[str, str]] = {}  # (start, end) → words around
        self.labels: dict[str, Label] = {}
        self.annotator = ""
        self.sort_column = LINE
        self.descending = False

    @property
    def spans(self) -> list[Span]:
        """The spans in the order of the rows."""
        return self._ordered[::-1] if self.descending else self._ordered

    def span_at(self, row: int) -> Span:
        return self._ordered[len(self._ordered) - 1 - row if self.descending else row]

    def line_of(self, span: Span) -> int:
        """The 1-based line of the article where ``span`` starts."""
        return bisect_right(self._line_starts, span.start)

    def context_of(self, span: Span) -> tuple[str, str]:
        """Up to ``CONTEXT_WORDS`` words before and after ``span`` in its line."""
        place = (span.start, span.end)
        if place not in self._contexts:
            self._contexts[place] = context_words(self.text, span.start, span.end, CONTEXT_WORDS)
        return self._contexts[place]

    def _context_text(self, span: Span, around: tuple[str, str] | None = None) -> str:
        before, after = self.context_of(span) if around is None else around
        inner = self.text[span.start:span.end].replace("\n", " ")
        inner = inner if len(inner) <= CONTEXT_INNER else inner[:CONTEXT_INNER] + "…"
        return f"{before}«{inner}»{after}"

    def _key(self, span: Span) -> tuple:
        order = paint_order(span)
        if self.sort_column == LABEL:
            return (span.label.casefold(), *order)
        if self.sort_column == TEXT:
            return (self.text[span.start:span.end], *order)
        if self.sort_column == CONTEXT:
            return (self._context_text(span), *order)
        if self.sort_column == ANNOTATOR:
            return (span.annotator, *order)
        return order  # LINE: text order

    def _arrange(self, spans: list[Span]) -> None:
        keyed = sorted(((self._key(s), s) for s in spans), key=lambda pair: pair[0])
        self._keys = [key for key, _span in keyed]
        self._ordered = [span for _key, span in keyed]

    def set_spans(self, spans: list[Span], text: str, labels: dict[str, Label], annotator: str) -> None:
        self.beginResetModel()
        if text != self.text:
            self._line_starts = [0, *(m.end() for m in re.finditer("\n", text))]
            self._contexts = {}
        self.text, self.labels, self.annotator = text, labels, annotator
        self._by_id = {s.id: s for s in spans}
        self._arrange(spans)
        self.endResetModel()

    def update_spans(self, removed: list[Span], added: list[Span]) -> None:
        """Remove the rows of ``removed`` and insert rows for ``added`` (an edited span is in both),
        leaving the rows as ``set_spans`` of the new list would."""
        for span in removed:
            row = self.row_of(span.id)
            if row < 0:
                continue
            self.beginRemoveRows(QModelIndex(), row, row)
            position = self._position(self._by_id[span.id])
            del self._ordered[position]
            del self._keys[position]
            del self._by_id[span.id]
            self.endRemoveRows()
        for span in added:
            key = self._key(span)
            position = bisect_left(self._keys, key)
            row = len(self._ordered) - position if self.descending else position
            self.beginInsertRows(QModelIndex(), row, row)
            self._ordered.insert(position, span)
            self._keys.insert(position, key)
            self._by_id[span.id] = span
            self.endInsertRows()

    def _position(self, span: Span) -> int:
        """Where ``span`` is in ``_ordered``, -1 if it is not there."""
        position = bisect_left(self._keys, self._key(span))
        found = position < len(self._ordered) and self._ordered[position].id == span.id
        return position if found else -1

    def row_of(self, span_id: int) -> int:
        """The row of a span, -1 if it has none."""
        span = self._by_id.get(span_id)
        position = -1 if span is None else self._position(span)
        if position < 0 or not self.descending:
            return position
        return len(self._ordered) - 1 - position

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Order the rows by ``column`` (ties in text order); the selected row stays on its span."""
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        ids = [self.span_at(index.row()).id if index.isValid() else None for index in before]
        self.sort_column = column if 0 <= column < len(self.HEADERS) else LINE
        self.descending = order == Qt.SortOrder.DescendingOrder
        self._arrange(self._ordered)
        after = [self.index(self.row_of(span_id), index.column()) if span_id is not None else QModelIndex()
                 for span_id, index in zip(ids, before, strict=True)]
        self.changePersistentIndexList(before, after)
        self.layoutChanged.emit()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._ordered)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return QCoreApplication.translate("SpanTableModel", self.HEADERS[section])
        if role == Qt.ItemDataRole.ToolTipRole and orientation == Qt.Orientation.Horizontal:
            return self.tr("Click to sort by this column; click again to reverse")
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        span = self.span_at(index.row())
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == LABEL:
                return span.label
            if column == TEXT:
                excerpt = self.text[span.start:span.end].replace("\n", " ")
                return excerpt if len(excerpt) <= EXCERPT else excerpt[:EXCERPT] + "…"
            if column == LINE:
                return self.line_of(span)
            if column == CONTEXT:
                return self._context_text(span)
            return span.annotator
        if role == CONTEXT_ROLE and column == CONTEXT:
            before, after = self.context_of(span)
            return before, self.text[span.start:span.end].replace("\n", " "), after
        if role == Qt.ItemDataRole.DecorationRole and column == LABEL:
            label = self.labels.get(span.label)
            return QColor(label.color) if label else None
        if role == Qt.ItemDataRole.TextAlignmentRole and column == LINE:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            read_only = "" if span.annotator == self.annotator else self.tr(" (read-only)")
            tip = self.tr("{label} — {annotator}{read_only}, line {line}, characters {start}–{end}").format(
                label=span.label, annotator=span.annotator, read_only=read_only, line=self.line_of(span),
                start=span.start, end=span.end)
            if column != CONTEXT:
                return tip
            wide = context_words(self.text, span.start, span.end, TOOLTIP_WORDS)
            return f"{tip}\n{self._context_text(span, wide)}"
        if role == Qt.ItemDataRole.ForegroundRole and span.annotator != self.annotator:
            return QColor("#777777")
        if role == Qt.ItemDataRole.UserRole:
            return span.id
        return None


def read_only_rows(view: QTableView) -> None:
    """A list of the article's items as the annotation page shows them: whole rows, one at a time, not
    editable, right to left like the text, no row numbers."""
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    view.setWordWrap(False)
    view.setLayoutDirection(Qt.LayoutDirection.RightToLeft)


class SpanList(QTableView):
    """The table of spans; emits ``spanSelected(id)`` when the user picks a row."""

    spanSelected = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("spanList")
        self.span_model = SpanTableModel(self)
        self.setModel(self.span_model)
        read_only_rows(self)
        header = self.horizontalHeader()
        # fixed widths: ResizeToContents would measure every row (10,000 spans) on each change
        for column, width in ((LABEL, 90), (TEXT, 72), (LINE, 48), (ANNOTATOR, 70)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)
        header.setSectionResizeMode(CONTEXT, QHeaderView.ResizeMode.Stretch)
        self.setItemDelegateForColumn(CONTEXT, ContextDelegate(self))
        header.setSortIndicator(LINE, Qt.SortOrder.AscendingOrder)
        self.setSortingEnabled(True)  # a header click sorts the model (SpanTableModel.sort)
        self._quiet = False
        self.selectionModel().currentRowChanged.connect(self._row_changed)
        self.clicked.connect(lambda index: self._row_changed(index, index))  # also a row already current

    def set_spans(self, spans: list[Span], text: str, labels: dict[str, Label], annotator: str,
                  show_annotator: bool) -> None:
        self._quiet = True
        self.span_model.set_spans(spans, text, labels, annotator)
        self.setColumnHidden(ANNOTATOR, not show_annotator)
        self._quiet = False

    def update_spans(self, removed: list[Span], added: list[Span]) -> None:
        """Incremental ``set_spans``: take out ``removed``, put in ``added``."""
        self._quiet = True
        self.span_model.update_spans(removed, added)
        self._quiet = False

    def select_span(self, span_id: int | None) -> None:
        """Highlight the row of ``span_id`` (no signal: the window already knows)."""
        self._quiet = True
        row = -1 if span_id is None else self.span_model.row_of(span_id)
        if row < 0:
            self.clearSelection()
            self.setCurrentIndex(QModelIndex())
        else:
            index = self.span_model.index(row, LABEL)
            flags = QItemSelectionModel.SelectionFlag
            self.selectionModel().setCurrentIndex(index, flags.ClearAndSelect | flags.Rows)
            self.scrollTo(index)
        self._quiet = False

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not self._quiet and current.isValid():
            self.spanSelected.emit(self.span_model.span_at(current.row()).id)
