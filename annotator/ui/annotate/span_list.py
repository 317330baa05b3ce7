"""The span list beside the article: label, text excerpt and annotator of every span shown, in text order.

A table model over the same span list the article view paints (one store read per refresh), so
10,000 spans cost no widgets. Selecting a row tells the window which span is selected.
"""

from __future__ import annotations

from bisect import bisect_left
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
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from annotator.core.model import Label, Span
from annotator.ui.annotate.article_view import paint_order

Index = QModelIndex | QPersistentModelIndex
EXCERPT = 50


class SpanTableModel(QAbstractTableModel):
    """Rows are spans sorted by start; columns label, text, annotator."""

    HEADERS = (QT_TRANSLATE_NOOP("SpanTableModel", "Label"), QT_TRANSLATE_NOOP("SpanTableModel", "Text"),
               QT_TRANSLATE_NOOP("SpanTableModel", "Annotator"))

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spans: list[Span] = []
        self._by_id: dict[int, Span] = {}
        self.text = ""
        self.labels: dict[str, Label] = {}
        self.annotator = ""
        self.excerpt_font = QFont()

    def set_spans(self, spans: list[Span], text: str, labels: dict[str, Label], annotator: str) -> None:
        self.beginResetModel()
        self.spans = sorted(spans, key=lambda s: (s.start, -s.end, s.id))
        self._by_id = {s.id: s for s in self.spans}
        self.text, self.labels, self.annotator = text, labels, annotator
        self.endResetModel()

    def update_spans(self, removed: list[Span], added: list[Span]) -> None:
        """Remove the rows of ``removed`` and insert rows for ``added`` (an edited span is in both),
        leaving the rows as ``set_spans`` of the new list would."""
        for span in removed:
            row = self.row_of(span.id)
            if row < 0:
                continue
            self.beginRemoveRows(QModelIndex(), row, row)
            del self.spans[row]
            del self._by_id[span.id]
            self.endRemoveRows()
        for span in added:
            row = bisect_left(self.spans, paint_order(span), key=paint_order)
            self.beginInsertRows(QModelIndex(), row, row)
            self.spans.insert(row, span)
            self._by_id[span.id] = span
            self.endInsertRows()

    def row_of(self, span_id: int) -> int:
        """The row of a span, -1 if it has none."""
        span = self._by_id.get(span_id)
        if span is None:
            return -1
        row = bisect_left(self.spans, paint_order(span), key=paint_order)
        return row if row < len(self.spans) and self.spans[row].id == span_id else -1

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self.spans)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return QCoreApplication.translate("SpanTableModel", self.HEADERS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        span = self.spans[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return span.label
            if column == 1:
                excerpt = self.text[span.start:span.end].replace("\n", " ")
                return excerpt if len(excerpt) <= EXCERPT else excerpt[:EXCERPT] + "…"
            return span.annotator
        if role == Qt.ItemDataRole.DecorationRole and column == 0:
            label = self.labels.get(span.label)
            return QColor(label.color) if label else None
        if role == Qt.ItemDataRole.ToolTipRole:
            read_only = "" if span.annotator == self.annotator else self.tr(" (read-only)")
            return self.tr("{label} — {annotator}{read_only}, characters {start}–{end}").format(
                label=span.label, annotator=span.annotator, read_only=read_only, start=span.start,
                end=span.end)
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
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(0, 90)
        header.resizeSection(2, 80)
        self._quiet = False
        self.selectionModel().currentRowChanged.connect(self._row_changed)
        self.clicked.connect(lambda index: self._row_changed(index, index))  # also a row already current

    def set_spans(self, spans: list[Span], text: str, labels: dict[str, Label], annotator: str,
                  show_annotator: bool) -> None:
        self._quiet = True
        self.span_model.set_spans(spans, text, labels, annotator)
        self.setColumnHidden(2, not show_annotator)
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
            index = self.span_model.index(row, 0)
            flags = QItemSelectionModel.SelectionFlag
            self.selectionModel().setCurrentIndex(index, flags.ClearAndSelect | flags.Rows)
            self.scrollTo(index)
        self._quiet = False

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not self._quiet and current.isValid():
            self.spanSelected.emit(self.span_model.spans[current.row()].id)
