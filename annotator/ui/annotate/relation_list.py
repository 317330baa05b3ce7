"""The Relations list under the span list: head text → relation type → child text, in text order.

A table model over the relations the page read from the store (one query per refresh) and the spans it
shows. Selecting a row tells the page which relation is selected (drawn bold in the text); Delete, with
the list focused, deletes it (the page's delete action asks ``selected_relation_id``).
"""

from __future__ import annotations

import bisect
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
from PySide6.QtGui import QColor, QFontMetrics
from PySide6.QtWidgets import QHeaderView, QTableView, QWidget

from annotator.core.model import Span
from annotator.core.structure import Relation
from annotator.ui.annotate.span_list import read_only_rows

Index = QModelIndex | QPersistentModelIndex
EXCERPT = 30


class RelationTableModel(QAbstractTableModel):
    """Rows are relations ordered by their head's place in the text; columns head, type, child."""

    HEADERS = (QT_TRANSLATE_NOOP("RelationTableModel", "Head"),
               QT_TRANSLATE_NOOP("RelationTableModel", "Relation"),
               QT_TRANSLATE_NOOP("RelationTableModel", "Child"))

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.relations: list[Relation] = []
        self.spans: dict[int, Span] = {}
        self.colours: dict[str, str] = {}
        self.text = ""
        self.annotator = ""

    def set_relations(self, relations: list[Relation], spans: dict[int, Span], colours: dict[str, str],
                      text: str, annotator: str) -> None:
        self.beginResetModel()
        shown = [r for r in relations if r.head in spans and r.child in spans]
        self.relations = sorted(shown, key=lambda r: (spans[r.head].start, spans[r.child].start, r.id))
        self.spans, self.colours, self.text, self.annotator = spans, colours, text, annotator
        self.endResetModel()

    def _key(self, relation: Relation) -> tuple[int, int, int]:
        return self.spans[relation.head].start, self.spans[relation.child].start, relation.id

    def add_relations(self, relations: list[Relation]) -> None:
        """Insert rows for new ``relations`` in their places (a relation made: no reset of 5,000 rows)."""
        for relation in relations:
            if relation.head in self.spans and relation.child in self.spans:
                row = bisect.bisect(self.relations, self._key(relation), key=self._key)
                self.beginInsertRows(QModelIndex(), row, row)
                self.relations.insert(row, relation)
                self.endInsertRows()

    def remove_relations(self, relation_ids: set[int]) -> None:
        rows = [row for row, relation in enumerate(self.relations) if relation.id in relation_ids]
        for row in reversed(rows):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self.relations[row]
            self.endRemoveRows()

    def row_of(self, relation_id: int | None) -> int:
        return next((row for row, r in enumerate(self.relations) if r.id == relation_id), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self.relations)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return QCoreApplication.translate("RelationTableModel", self.HEADERS[section])
        return None

    def _excerpt(self, span_id: int) -> str:
        span = self.spans[span_id]
        excerpt = self.text[span.start:span.end].replace("\n", " ")
        return excerpt if len(excerpt) <= EXCERPT else excerpt[:EXCERPT] + "…"

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        relation = self.relations[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 1:
                return relation.type
            return self._excerpt(relation.head if column == 0 else relation.child)
        if role == Qt.ItemDataRole.ForegroundRole:
            if relation.annotator != self.annotator:
                return QColor("#777777")
            if column == 1 and relation.type in self.colours:
                return QColor(self.colours[relation.type])
        if role == Qt.ItemDataRole.ToolTipRole:
            head, child = self.spans[relation.head], self.spans[relation.child]
            read_only = "" if relation.annotator == self.annotator else self.tr(" (read-only)")
            tip = self.tr("{head} «{head_text}» — {type} → {child} «{child_text}», by {annotator}{read_only}")
            return tip.format(head=head.label, head_text=self._excerpt(head.id), type=relation.type,
                        child=child.label, child_text=self._excerpt(child.id), annotator=relation.annotator,
                        read_only=read_only)
        if role == Qt.ItemDataRole.UserRole:
            return relation.id
        return None


class RelationList(QTableView):
    """The table of relations; emits ``relationSelected(id)`` when the user picks a row."""

    relationSelected = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("relationList")
        self.relation_model = RelationTableModel(self)
        self.setModel(self.relation_model)
        read_only_rows(self)
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # sized from the few type names, not by asking every one of 5,000 rows (ResizeToContents would)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self._quiet = False
        self.selectionModel().currentRowChanged.connect(self._row_changed)
        self.clicked.connect(lambda index: self._row_changed(index, index))

    def set_relations(self, relations: list[Relation], spans: dict[int, Span], colours: dict[str, str],
                      text: str, annotator: str) -> None:
        self._quiet = True
        self.relation_model.set_relations(relations, spans, colours, text, annotator)
        self._quiet = False
        self._fit_type_column()

    def add_relations(self, relations: list[Relation]) -> None:
        """Rows for relations just made (their spans already shown)."""
        self._quiet = True
        self.relation_model.add_relations(relations)
        self._quiet = False
        self._fit_type_column()

    def remove_relations(self, relation_ids: set[int]) -> None:
        self._quiet = True
        self.relation_model.remove_relations(relation_ids)
        self._quiet = False

    def _fit_type_column(self) -> None:
        metrics = QFontMetrics(self.font())
        names = {r.type for r in self.relation_model.relations}
        names.add(self.relation_model.headerData(1, Qt.Orientation.Horizontal))
        self.horizontalHeader().resizeSection(1, 16 + max(metrics.horizontalAdvance(n) for n in names))

    def selected_relation_id(self) -> int | None:
        index = self.currentIndex()
        return self.relation_model.relations[index.row()].id if index.isValid() else None

    def select_relation(self, relation_id: int | None) -> None:
        """Highlight the row of ``relation_id`` (no signal: the page already knows)."""
        self._quiet = True
        row = self.relation_model.row_of(relation_id)
        if row < 0:
            self.clearSelection()
            self.setCurrentIndex(QModelIndex())
        else:
            index = self.relation_model.index(row, 0)
            flags = QItemSelectionModel.SelectionFlag
            self.selectionModel().setCurrentIndex(index, flags.ClearAndSelect | flags.Rows)
            self.scrollTo(index)
        self._quiet = False

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not self._quiet and current.isValid():
            self.relationSelected.emit(self.relation_model.relations[current.row()].id)
