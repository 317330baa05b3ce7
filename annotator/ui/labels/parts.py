"""What the codebook tabs of Edit labels share: the dialog asking for a new attribute or question (name,
kind, first values), the list of values under a table, and the base the tabs stand on.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.store import Project
from annotator.store.codebook import Codebook
from annotator.ui.labels.commands import LabelCommand, Notify

Apply = Callable[[Callable[[], LabelCommand]], bool]
Confirm = Callable[[str, str], bool]  # (title, question) → go ahead?

_SEPARATORS = re.compile(r"[,،;؛\n]")  # Latin and Arabic commas and semicolons


def split_values(text: str) -> tuple[str, ...]:
    """ "for, against، neutral" → ("for", "against", "neutral"): Arabic commas separate too."""
    return tuple(dict.fromkeys(part.strip() for part in _SEPARATORS.split(text) if part.strip()))


class NewPartDialog(QDialog):
    """Name, kind and (for a choice) the values of a new attribute or question."""

    def __init__(self, title: str, kinds: Sequence[tuple[str, str]], takes_values: set[str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("newPartDialog")
        self.setWindowTitle(title)
        self.takes_values = takes_values
        self.name = QLineEdit(objectName="newPartName")
        self.kind = QComboBox(objectName="newPartKind")
        for kind, text in kinds:
            self.kind.addItem(text, kind)
        self.values = QLineEdit(objectName="newPartValues")
        self.values.setPlaceholderText(self.tr("separated by commas"))
        form = QFormLayout()
        form.addRow(self.tr("Name:"), self.name)
        form.addRow(self.tr("Kind:"), self.kind)
        form.addRow(self.tr("Values:"), self.values)
        self.kind.currentIndexChanged.connect(
            lambda _i: self.values.setEnabled(self.kind.currentData() in self.takes_values))
        self.values.setEnabled(self.kind.currentData() in self.takes_values)
        standard = QDialogButtonBox.StandardButton
        buttons = QDialogButtonBox(standard.Ok | standard.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def chosen(self) -> tuple[str, str, tuple[str, ...]]:
        kind = self.kind.currentData()
        values = split_values(self.values.text()) if kind in self.takes_values else ()
        return self.name.text().strip(), kind, values


class ValueList(QWidget):
    """The values under a table: a choice's values, a vocabulary or a question's options.

    Edited in place (a rename), added and removed by its buttons; the owner does the changes.
    """

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = QLabel(objectName=f"{name}Heading")
        self.heading.setWordWrap(True)
        self.list = QListWidget(objectName=f"{name}List")
        self.add_button = QPushButton(self.tr("Add entry…"), objectName=f"add{name[0].upper()}{name[1:]}")
        self.remove_button = QPushButton(self.tr("Remove entry…"),
                                         objectName=f"remove{name[0].upper()}{name[1:]}")
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        self.values: tuple[str, ...] = ()

    def show_values(self, heading: str, values: tuple[str, ...], editable: bool) -> None:
        current = self.current()
        self.values = values
        self.heading.setText(heading)
        self.list.blockSignals(True)
        self.list.clear()
        for value in values:
            item = QListWidgetItem(value)
            if editable:
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
            self.list.addItem(item)
        self.list.blockSignals(False)
        if current in values:
            self.list.setCurrentRow(values.index(current))
        self.list.setEnabled(editable)
        self.add_button.setEnabled(editable)
        self.remove_button.setEnabled(editable and bool(values))

    def current(self) -> str | None:
        row = self.list.currentRow()
        return self.values[row] if 0 <= row < len(self.values) else None


class CodebookTab(QWidget):
    """A tab of Edit labels over the codebook: changes go through the editor's ``apply`` (undo stack,
    warnings) and in-use changes ask ``confirm`` first."""

    def __init__(self, project: Project, notify: Notify, apply: Apply, confirm: Confirm,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.project, self.notify, self.apply, self.confirm = project, notify, apply, confirm
        self.book = Codebook(project)

    def warn(self, text: str) -> None:
        QMessageBox.warning(self, self.tr("Labels"), text)

    def refuse(self, text: str) -> bool:
        """Say why a change is not made (in the user's language, before the store's English would), show
        the schema as stored again, and return False."""
        self.warn(text)
        self.reload()
        return False

    def choices_missing(self) -> bool:
        return self.refuse(self.tr("A choice needs at least one value to choose from: give them, separated "
                                   "by commas."))

    def reload(self) -> None:
        raise NotImplementedError

    def fill_named_kinds(self, table: QTableWidget, rows: Sequence[tuple[str, object]],
                         kind_names: dict, box_name: str, current: int) -> None:
        """Fill ``table`` with one row per (name, kind): the name in column 0, a kind chooser in column 1
        (its change goes to ``self.set_kind(row, kind)``), then select row ``current`` (clamped)."""
        table.blockSignals(True)
        table.setRowCount(len(rows))
        for row, (name, kind_value) in enumerate(rows):
            table.setItem(row, 0, QTableWidgetItem(name))
            kind = table.cellWidget(row, 1)
            if not isinstance(kind, QComboBox):
                # Kept across reloads: a box deleted inside its own signal (the change reloads) would crash.
                kind = QComboBox(objectName=box_name)
                for value, text in kind_names.items():
                    kind.addItem(text, value)
                kind.currentIndexChanged.connect(
                    lambda _i, row=row, box=kind: self.set_kind(row, box.currentData()))
                table.setCellWidget(row, 1, kind)
            kind.blockSignals(True)
            kind.setCurrentIndex(list(kind_names).index(kind_value))
            kind.blockSignals(False)
        table.blockSignals(False)
        if rows:
            table.setCurrentCell(min(max(current, 0), len(rows) - 1), 0)

    def set_kind(self, row: int, kind: object) -> None:
        raise NotImplementedError
