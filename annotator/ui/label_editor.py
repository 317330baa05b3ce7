"""The label schema editor: add, rename, recolour, reorder, set the key, delete (asking first if in use).

Each change is written to the store at once (one transaction each) and announced through ``notify``,
so the article view and the buttons follow while the dialog is open.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
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
    QVBoxLayout,
    QWidget,
)

from annotator.core.errors import AnnotatorError
from annotator.core.model import Label
from annotator.store import Changes, Project

Notify = Callable[[Changes], None]
PALETTE = ("#76b7b2", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac")


class LabelEditor(QDialog):
    """A table of labels (name, colour, key) with buttons for the other changes."""

    def __init__(self, project: Project, notify: Notify, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("labelEditor")
        self.setWindowTitle(self.tr("Labels"))
        self.project = project
        self.notify = notify
        self.table = QTableWidget(0, 3, objectName="labelTable")
        self.table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Colour"), self.tr("Key")])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.table.itemChanged.connect(self._item_edited)
        self.table.cellDoubleClicked.connect(lambda row, column: column == 1 and self.recolour(row))

        buttons = QHBoxLayout()
        for text, name, slot in (
            (self.tr("Add…"), "addLabel", self._add_clicked),
            (self.tr("Colour…"), "recolourLabel", lambda: self.recolour(self.table.currentRow())),
            (self.tr("Up"), "moveLabelUp", lambda: self.move(self.table.currentRow(), -1)),
            (self.tr("Down"), "moveLabelDown", lambda: self.move(self.table.currentRow(), 1)),
            (self.tr("Delete…"), "deleteLabel", lambda: self.delete(self.table.currentRow())),
        ):
            button = QPushButton(text, objectName=name)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        layout.addWidget(close)
        self.resize(460, 320)
        self.labels: list[Label] = []
        self.reload()

    def reload(self, select: int | None = None) -> None:
        self.labels = self.project.labels()
        self.table.blockSignals(True)
        self.table.setRowCount(len(self.labels))
        for row, label in enumerate(self.labels):
            self.table.setItem(row, 0, QTableWidgetItem(label.name))
            colour = QTableWidgetItem(label.color)
            colour.setBackground(QColor(label.color))
            colour.setFlags(colour.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.table.setItem(row, 1, colour)
            self.table.setItem(row, 2, QTableWidgetItem(label.key))
        self.table.blockSignals(False)
        if select is not None and 0 <= select < len(self.labels):
            self.table.selectRow(select)

    def _apply(self, change: Callable[[], Changes], select: int | None = None) -> bool:
        try:
            changes = change()
        except AnnotatorError as exc:
            QMessageBox.warning(self, self.tr("Labels"), str(exc))
            self.reload(select)
            return False
        self.notify(changes)
        self.reload(select)
        return True

    def _item_edited(self, item: QTableWidgetItem) -> None:
        label = self.labels[item.row()]
        value = item.text().strip()
        if item.column() == 0:
            self._apply(lambda: self.project.update_label(label.name, new_name=value), item.row())
        elif item.column() == 2:
            taken = [other.name for other in self.labels if other.key == value and other.name != label.name]
            if value and taken:
                taken_text = self.tr("The key {key} is already {label}'s.")
                QMessageBox.warning(self, self.tr("Labels"),
                                    taken_text.format(key=repr(value), label=taken[0]))
                self.reload(item.row())
                return
            self._apply(lambda: self.project.update_label(label.name, key=value), item.row())

    def add(self, name: str, color: str | None = None, key: str = "") -> bool:
        """Append a label (a free palette colour unless one is given)."""
        used = {label.color.lower() for label in self.labels}
        color = color or next((c for c in PALETTE if c not in used), PALETTE[0])
        return self._apply(lambda: self.project.add_label(name, color, key), len(self.labels))

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
        self._apply(lambda: self.project.update_label(label.name, color=color), row)

    def move(self, row: int, step: int) -> None:
        target = row + step
        if not (0 <= row < len(self.labels) and 0 <= target < len(self.labels)):
            return
        names = [label.name for label in self.labels]
        names[row], names[target] = names[target], names[row]
        self._apply(lambda: self.project.reorder_labels(names), target)

    def delete(self, row: int, *, confirm: Callable[[str], bool] | None = None) -> bool:
        """Delete the label in ``row``; if spans use it, ask first, saying how many go with it."""
        if not 0 <= row < len(self.labels):
            return False
        label = self.labels[row]
        used = self.project.label_usage(label.name)
        if used:
            question = self.tr("{count} span(s) use the label {label}. Deleting the label deletes them too, "
                               "for every annotator, and cannot be undone. Delete?").format(
                count=used, label=repr(label.name))
            ask = confirm or (lambda text: QMessageBox.question(self, self.tr("Delete label"), text)
                              == QMessageBox.StandardButton.Yes)
            if not ask(question):
                return False
        return self._apply(lambda: self.project.delete_label(label.name), max(0, row - 1))
