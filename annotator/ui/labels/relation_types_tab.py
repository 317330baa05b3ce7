"""The Relation types tab of Edit labels: name, colour, key, directed or not, and which labels may be a
relation's head and child (none ticked: any label may).
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QColorDialog,
    QGridLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.core.structure import RelationType
from annotator.store import Project
from annotator.store import codebook_edits as edits
from annotator.ui.labels import codebook_commands as commands
from annotator.ui.labels.commands import Notify
from annotator.ui.labels.parts import Apply, CodebookTab, Confirm
from annotator.ui.shell import counts as counted

PALETTE = ("#4e79a7", "#e15759", "#f28e2b", "#59a14f", "#af7aa1", "#9c755f")
NAME, COLOUR, KEY, DIRECTED = range(4)


class RelationTypesTab(CodebookTab):
    """A table of relation types with the allowed head and child labels of the selected one."""

    def __init__(self, project: Project, notify: Notify, apply: Apply, confirm: Confirm,
                 parent: QWidget | None = None) -> None:
        super().__init__(project, notify, apply, confirm, parent)
        self.setObjectName("relationTypesTab")
        self.table = QTableWidget(0, 4, objectName="relationTypeTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Name"), self.tr("Colour"), self.tr("Key"), self.tr("Directed")])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.itemChanged.connect(self._item_edited)
        self.table.cellDoubleClicked.connect(lambda row, column: column == COLOUR and self.recolour(row))
        self.table.currentCellChanged.connect(lambda *_args: self._show_ends())
        self.heads = QListWidget(objectName="relationHeadLabels")
        self.children = QListWidget(objectName="relationChildLabels")
        for ends in (self.heads, self.children):
            ends.itemChanged.connect(lambda _item: self._ends_ticked())
        ends_grid = QGridLayout()
        ends_grid.addWidget(QLabel(self.tr("Head (where the relation starts):")), 0, 0)
        ends_grid.addWidget(QLabel(self.tr("Child (where it ends):")), 0, 1)
        ends_grid.addWidget(self.heads, 1, 0)
        ends_grid.addWidget(self.children, 1, 1)
        hint = QLabel(self.tr("No label ticked: a span of any label may be that end."))
        hint.setWordWrap(True)
        buttons = QHBoxLayout()
        for text, name, slot in (
            (self.tr("Add…"), "addRelationType", self._add_clicked),
            (self.tr("Colour…"), "recolourRelationType", lambda: self.recolour(self.table.currentRow())),
            (self.tr("Delete…"), "deleteRelationType", lambda: self.delete(self.table.currentRow())),
        ):
            button = QPushButton(text, objectName=name)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 3)
        layout.addLayout(ends_grid, 2)
        layout.addWidget(hint)
        layout.addLayout(buttons)
        self.types: list[RelationType] = []
        self.reload()

    def reload(self, select: int | None = None) -> None:
        current = self.table.currentRow() if select is None else select
        self.types = self.book.relation_types()
        self.table.blockSignals(True)
        self.table.setRowCount(len(self.types))
        for row, relation_type in enumerate(self.types):
            self.table.setItem(row, NAME, QTableWidgetItem(relation_type.name))
            colour = QTableWidgetItem(f"\u2066{relation_type.color}\u2069")  # "#e15759" in Arabic too
            colour.setBackground(QColor(relation_type.color))
            colour.setFlags(colour.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.table.setItem(row, COLOUR, colour)
            self.table.setItem(row, KEY, QTableWidgetItem(relation_type.key))
            directed = QTableWidgetItem(self.tr("head → child") if relation_type.directed
                                        else self.tr("either way"))
            flags = Qt.ItemFlag
            directed.setFlags((directed.flags() | flags.ItemIsUserCheckable) & ~flags.ItemIsEditable)
            state = Qt.CheckState
            directed.setCheckState(state.Checked if relation_type.directed else state.Unchecked)
            self.table.setItem(row, DIRECTED, directed)
        self.table.blockSignals(False)
        if self.types:
            self.table.setCurrentCell(min(max(current, 0), len(self.types) - 1), NAME)
        self._show_ends()

    def _show_ends(self) -> None:
        row = self.table.currentRow()
        relation_type = self.types[row] if 0 <= row < len(self.types) else None
        labels = [label.name for label in self.project.labels()]
        for ends, allowed in ((self.heads, relation_type.head_labels if relation_type else ()),
                              (self.children, relation_type.child_labels if relation_type else ())):
            ends.blockSignals(True)
            ends.clear()
            for name in labels:
                item = QListWidgetItem(name)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked if name in allowed else Qt.CheckState.Unchecked)
                ends.addItem(item)
            ends.setEnabled(relation_type is not None)
            ends.blockSignals(False)

    @staticmethod
    def _ticked(ends: QListWidget) -> tuple[str, ...]:
        return tuple(ends.item(i).text() for i in range(ends.count())
                     if ends.item(i).checkState() == Qt.CheckState.Checked)

    def _ends_ticked(self) -> None:
        row = self.table.currentRow()
        if 0 <= row < len(self.types):
            self.set_ends(row, self._ticked(self.heads), self._ticked(self.children))

    def _change(self, row: int, new: RelationType) -> bool:
        name = self.types[row].name
        return self.apply(lambda: commands.update_relation_type(self.project, self.notify, name, new))

    def _item_edited(self, item: QTableWidgetItem) -> None:
        row = item.row()
        relation_type = self.types[row]
        if item.column() == NAME:
            self.rename(row, item.text())
        elif item.column() == KEY:
            self.set_key(row, item.text().strip())
        elif item.column() == DIRECTED:
            self._change(row, replace(relation_type, directed=item.checkState() == Qt.CheckState.Checked))

    def _in_use_question(self, name: str, usage: edits.Usage, sentence: str, **more: str) -> str:
        return sentence.format(name=repr(name), relations=counted.relations(usage.items),
                               articles=counted.articles(usage.articles), **more)

    def add(self, name: str, color: str | None = None, key: str = "", directed: bool = True,
            heads: tuple[str, ...] = (), children: tuple[str, ...] = ()) -> bool:
        """Append a relation type (a free palette colour unless one is given)."""
        if name.strip() in {relation_type.name for relation_type in self.types}:
            return self._taken(name.strip())
        used = {relation_type.color.lower() for relation_type in self.types}
        color = color or next((c for c in PALETTE if c not in used), PALETTE[0])
        new = RelationType(name.strip(), color, key, directed, heads, children)
        if self.apply(lambda: commands.add_relation_type(self.project, self.notify, new)):
            self.reload(len(self.types))
            return True
        return False

    def _add_clicked(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("Add relation type"),
                                        self.tr("Name of the new relation type:"))
        if ok and name.strip():
            self.add(name)

    def rename(self, row: int, new_name: str) -> bool:
        """Rename the type in ``row``; if relations use it, ask first, saying how many."""
        relation_type = self.types[row]
        new_name = new_name.strip()
        if new_name == relation_type.name or not new_name:
            self.reload()
            return False
        if new_name in {other.name for other in self.types}:
            return self._taken(new_name)
        usage = edits.relation_type_usage(self.project, relation_type.name)
        if usage and not self.confirm(self.tr("Rename relation type"), self._in_use_question(
                relation_type.name, usage, self.tr("The relation type {name} is used by {relations} in "
                                                   "{articles}; they keep it under its new name {new}. "
                                                   "Rename?"), new=repr(new_name))):
            self.reload()
            return False
        return self._change(row, replace(relation_type, name=new_name))

    def _taken(self, name: str) -> bool:
        return self.refuse(self.tr("There is already a relation type named {name}.").format(name=repr(name)))

    def set_key(self, row: int, key: str) -> bool:
        relation_type = self.types[row]
        taken = [label.name for label in self.project.labels() if key and label.key == key]
        taken += [other.name for other in self.types
                  if key and other.key == key and other is not relation_type]
        if taken:
            self.warn(self.tr("The key {key} is already {name}'s.").format(key=repr(key), name=taken[0]))
            self.reload()
            return False
        return self._change(row, replace(relation_type, key=key))

    def set_ends(self, row: int, heads: tuple[str, ...], children: tuple[str, ...]) -> bool:
        """Allow only spans of ``heads`` as the head and ``children`` as the child (empty: any)."""
        return self._change(row, replace(self.types[row], head_labels=heads, child_labels=children))

    def recolour(self, row: int, color: str | None = None) -> bool:
        if not 0 <= row < len(self.types):
            return False
        relation_type = self.types[row]
        if color is None:
            chosen = QColorDialog.getColor(QColor(relation_type.color), self,
                                           self.tr("Colour of {name}").format(name=relation_type.name))
            if not chosen.isValid():
                return False
            color = chosen.name()
        return self._change(row, replace(relation_type, color=color))

    def delete(self, row: int) -> bool:
        """Delete the type in ``row``; if relations use it, ask first, saying how many go with it."""
        if not 0 <= row < len(self.types):
            return False
        name = self.types[row].name
        usage = edits.relation_type_usage(self.project, name)
        if usage and not self.confirm(self.tr("Delete relation type"), self._in_use_question(
                name, usage, self.tr("The relation type {name} is used by {relations} in {articles}. "
                                     "Deleting it deletes them too, for every annotator (Undo in this "
                                     "window brings them back). Delete?"))):
            return False
        return self.apply(lambda: commands.delete_relation_type(self.project, self.notify, name))
