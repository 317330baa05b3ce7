"""The codebook editor (Labels ▸ Edit labels…): labels — add, rename, recolour, reorder, set the key,
delete (asking first if in use) — and, in tabs of their own, relation types, attributes per label with
their values or vocabulary, and article questions with their options.

Each change is an undoable command (``commands``) written to the store at once (one
transaction each) and announced through ``notify``, so the article view and the buttons follow while the
dialog is open. The undo stack belongs to the window, so a deleted label can be brought back, with its
spans, after the dialog is closed and reopened.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QColor, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QColorDialog,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QInputDialog,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from annotator.core.errors import AnnotatorError
from annotator.core.model import Label
from annotator.store import Changes, Project
from annotator.ui.labels.attributes_tab import AttributesTab
from annotator.ui.labels.commands import AddLabel, DeleteLabel, LabelCommand, ReorderLabels, UpdateLabel
from annotator.ui.labels.parts import CodebookTab
from annotator.ui.labels.questions_tab import QuestionsTab
from annotator.ui.labels.relation_types_tab import RelationTypesTab
from annotator.ui.shell import counts as counted
from annotator.ui.shell.actions import left_to_right_keys

Notify = Callable[[Changes], None]
PALETTE = ("#76b7b2", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac")


class LabelEditor(QDialog):
    """Tabs: a table of labels (name, colour, key) with buttons for the other changes; relation types;
    attributes; article questions. One undo stack and one pair of Undo/Redo buttons for all of them."""

    def __init__(self, project: Project, notify: Notify, parent: QWidget | None = None,
                 undo_stack: QUndoStack | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("labelEditor")
        self.setWindowTitle(self.tr("Labels"))
        self.project = project
        self.notify = notify
        self.undo_stack = undo_stack if undo_stack is not None else QUndoStack(self)
        self.table = QTableWidget(0, 3, objectName="labelTable")
        self.table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Colour"), self.tr("Key")])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.table.itemChanged.connect(self._item_edited)
        self.table.cellDoubleClicked.connect(lambda row, column: column == 1 and self.recolour(row))

        label_buttons = QHBoxLayout()
        for text, name, slot in (
            (self.tr("Add…"), "addLabel", self._add_clicked),
            (self.tr("Colour…"), "recolourLabel", lambda: self.recolour(self.table.currentRow())),
            (self.tr("Up"), "moveLabelUp", lambda: self.move(self.table.currentRow(), -1)),
            (self.tr("Down"), "moveLabelDown", lambda: self.move(self.table.currentRow(), 1)),
            (self.tr("Delete…"), "deleteLabel", lambda: self.delete(self.table.currentRow())),
        ):
            button = QPushButton(text, objectName=name)
            button.clicked.connect(slot)
            label_buttons.addWidget(button)
        label_buttons.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        keys = QKeySequence.StandardKey
        self.history_buttons: list[tuple[QPushButton, QAction]] = []
        for action, name, shortcut in (
            (self.undo_stack.createUndoAction(self, self.tr("Undo")), "undoLabelEdit", keys.Undo),
            (self.undo_stack.createRedoAction(self, self.tr("Redo")), "redoLabelEdit", keys.Redo),
        ):
            action.setShortcut(shortcut)
            self.addAction(action)
            button = QPushButton(objectName=name)
            button.setToolTip(left_to_right_keys(action.shortcut()))
            button.clicked.connect(action.trigger)
            buttons.addWidget(button)
            self.history_buttons.append((button, action))
        # Bound methods of this dialog: Qt drops the connections when it closes, while the stack lives on.
        self.undo_stack.indexChanged.connect(self._history_moved)
        self.undo_stack.cleanChanged.connect(self._sync_history_buttons)
        self.finished.connect(self._detach_from_history)
        self._sync_history_buttons()
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        labels_page = QWidget(objectName="labelsTab")
        labels_layout = QVBoxLayout(labels_page)
        labels_layout.addWidget(self.table)
        labels_layout.addLayout(label_buttons)
        self.labels: list[Label] = []
        self.relation_types = RelationTypesTab(project, notify, self._apply, self._confirm)
        self.attributes = AttributesTab(project, notify, self._apply, self._confirm)
        self.questions = QuestionsTab(project, notify, self._apply, self._confirm)
        self.codebook_tabs: tuple[CodebookTab, ...] = (self.relation_types, self.attributes, self.questions)
        self.tabs = QTabWidget(objectName="labelEditorTabs")
        self.tabs.addTab(labels_page, self.tr("Labels"))
        self.tabs.addTab(self.relation_types, self.tr("Relation types"))
        self.tabs.addTab(self.attributes, self.tr("Attributes"))
        self.tabs.addTab(self.questions, self.tr("Article questions"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addLayout(buttons)
        layout.addWidget(close)
        self.resize(720, 560)
        # Ctrl+PgDown / Ctrl+PgUp, the window's keys for the next and previous article, turn the tabs
        # here as well (Qt's own Ctrl+Tab still works)
        for keys, step in ((QKeySequence("Ctrl+PgDown"), 1), (QKeySequence("Ctrl+PgUp"), -1)):
            turn = QAction(self)
            turn.setShortcut(keys)
            turn.triggered.connect(lambda _=False, step=step: self.tabs.setCurrentIndex(
                (self.tabs.currentIndex() + step) % self.tabs.count()))
            self.addAction(turn)
        self.reload()

    def _confirm(self, title: str, question: str) -> bool:
        """Asked before a change to something in use (tests replace it)."""
        return QMessageBox.question(self, title, question) == QMessageBox.StandardButton.Yes

    def reload(self, select: int | None = None) -> None:
        """Show the schema as stored (label ``select`` selected), in every tab."""
        for tab in self.codebook_tabs:
            tab.reload()
        self.labels = self.project.labels()
        self.table.blockSignals(True)
        self.table.setRowCount(len(self.labels))
        for row, label in enumerate(self.labels):
            self.table.setItem(row, 0, QTableWidgetItem(label.name))
            colour = QTableWidgetItem(f"\u2066{label.color}\u2069")  # left to right: "#e15759" in Arabic too
            colour.setBackground(QColor(label.color))
            colour.setFlags(colour.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.table.setItem(row, 1, colour)
            self.table.setItem(row, 2, QTableWidgetItem(label.key))
        self.table.blockSignals(False)
        if select is not None and 0 <= select < len(self.labels):
            self.table.selectRow(select)

    def _detach_from_history(self, _result: int = 0) -> None:
        """A closed editor stops following the window's stack (which outlives it)."""
        self.undo_stack.indexChanged.disconnect(self._history_moved)
        self.undo_stack.cleanChanged.disconnect(self._sync_history_buttons)
        for _button, action in self.history_buttons:
            self.removeAction(action)
            action.deleteLater()  # createUndoAction's actions follow the stack until deleted
        self.history_buttons = []

    def _history_moved(self, _index: int) -> None:
        self.reload(self.table.currentRow())
        self._sync_history_buttons()

    def _sync_history_buttons(self, *_args: object) -> None:
        for button, action in self.history_buttons:
            button.setText(action.text())  # "Undo delete label actor"
            button.setEnabled(action.isEnabled())

    def _warn(self, text: str) -> None:
        QMessageBox.warning(self, self.tr("Labels"), text)

    def _apply(self, command: Callable[[], LabelCommand], select: int | None = None) -> bool:
        """Make the change (refused ones show why and change nothing) and put it on the undo stack."""
        try:
            made = command()
            made.on_error = self._warn
            made.run()
        except AnnotatorError as exc:
            self._warn(str(exc))
            self.reload(select)
            return False
        self.undo_stack.push(made)
        self.reload(select)
        return True

    def _item_edited(self, item: QTableWidgetItem) -> None:
        label = self.labels[item.row()]
        value = item.text().strip()
        if item.column() == 0:
            self.rename(item.row(), value)
        elif item.column() == 2:
            taken = [other.name for other in self.labels if other.key == value and other.name != label.name]
            if value and taken:
                taken_text = self.tr("The key {key} is already {label}'s.")
                QMessageBox.warning(self, self.tr("Labels"),
                                    taken_text.format(key=repr(value), label=taken[0]))
                self.reload(item.row())
                return
            self._apply(lambda: UpdateLabel(self.project, self.notify, label.name, key=value), item.row())

    def rename(self, row: int, new_name: str, *, confirm: Callable[[str], bool] | None = None) -> bool:
        """Rename the label in ``row``; if spans use it, ask first, saying how many."""
        label = self.labels[row]
        new_name = new_name.strip()
        if new_name == label.name:
            return False
        used = self.project.label_usage(label.name)
        if used and new_name:
            question = self.tr("{spans} use the label {label}; they keep it under its new name {new}. "
                               "Rename?").format(spans=counted.spans(used), label=repr(label.name),
                                                 new=repr(new_name))
            ask = confirm or (lambda text: self._confirm(self.tr("Rename label"), text))
            if not ask(question):
                self.reload(row)
                return False
        return self._apply(lambda: UpdateLabel(self.project, self.notify, label.name, new_name=new_name), row)

    def add(self, name: str, color: str | None = None, key: str = "") -> bool:
        """Append a label (a free palette colour unless one is given)."""
        used = {label.color.lower() for label in self.labels}
        color = color or next((c for c in PALETTE if c not in used), PALETTE[0])
        return self._apply(lambda: AddLabel(self.project, self.notify, name, color, key), len(self.labels))

    def _add_clicked(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("Add label"), self.tr("Name of the new label:"))
        if ok and name.strip():
            self.add(name)

    def recolour(self, row: int, color: str | None = None) -> None:
        if not 0 <= row < len(self.labels):
            return
        label = self.labels[row]
        if color is None:
            chosen = QColorDialog.getColor(QColor(label.color), self,
                                           self.tr("Colour of {label}").format(label=label.name))
            if not chosen.isValid():
                return
            color = chosen.name()
        self._apply(lambda: UpdateLabel(self.project, self.notify, label.name, color=color), row)

    def move(self, row: int, step: int) -> None:
        target = row + step
        if not (0 <= row < len(self.labels) and 0 <= target < len(self.labels)):
            return
        names = [label.name for label in self.labels]
        names[row], names[target] = names[target], names[row]
        self._apply(lambda: ReorderLabels(self.project, self.notify, names), target)

    def delete(self, row: int, *, confirm: Callable[[str], bool] | None = None) -> bool:
        """Delete the label in ``row``; if spans use it, ask first, saying how many go with it."""
        if not 0 <= row < len(self.labels):
            return False
        label = self.labels[row]
        used = self.project.label_usage(label.name)
        if used:
            question = self.tr("{spans} use the label {label}. Deleting the label deletes them too, "
                               "for every annotator (Undo in this window brings them back). Delete?").format(
                spans=counted.spans(used), label=repr(label.name))
            ask = confirm or (lambda text: QMessageBox.question(self, self.tr("Delete label"), text)
                              == QMessageBox.StandardButton.Yes)
            if not ask(question):
                return False
        return self._apply(lambda: DeleteLabel(self.project, self.notify, label.name), max(0, row - 1))
