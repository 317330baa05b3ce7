"""The Attributes tab of Edit labels: per label, its attributes (name, kind) and the values of the
selected one — a choice's values or a text attribute's vocabulary, where entries are added on purpose
(never by a typo while coding), respelt in place and removed.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.core.structure import AttributeDefinition, AttributeKind
from annotator.store import Project
from annotator.store import codebook_edits as edits
from annotator.ui.labels import codebook_commands as commands
from annotator.ui.labels.commands import Notify
from annotator.ui.labels.parts import Apply, CodebookTab, Confirm, NewPartDialog, ValueList
from annotator.ui.shell import counts as counted

NAME, KIND = range(2)


class AttributesTab(CodebookTab):
    """A label chooser, that label's attributes, and the values of the selected attribute."""

    def __init__(self, project: Project, notify: Notify, apply: Apply, confirm: Confirm,
                 parent: QWidget | None = None) -> None:
        super().__init__(project, notify, apply, confirm, parent)
        self.setObjectName("attributesTab")
        self.kind_names = {AttributeKind.CHOICE: self.tr("choice of values"),
                           AttributeKind.FLAG: self.tr("flag (yes or no)"),
                           AttributeKind.TEXT: self.tr("text from a list")}
        self.label_box = QComboBox(objectName="attributeLabel")
        self.label_box.currentIndexChanged.connect(lambda _i: self.reload())
        chooser = QHBoxLayout()
        chooser.addWidget(QLabel(self.tr("Attributes of spans labelled:")))
        chooser.addWidget(self.label_box, 1)
        self.table = QTableWidget(0, 2, objectName="attributeTable")
        self.table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Kind")])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.itemChanged.connect(self._item_edited)
        self.table.currentCellChanged.connect(lambda *_args: self._show_values())
        self.values = ValueList("attributeValues")
        self.values.list.itemChanged.connect(lambda item: self.rename_value(
            self.table.currentRow(), self.values.values[self.values.list.row(item)], item.text()))
        self.values.add_button.clicked.connect(self._add_value_clicked)
        self.values.remove_button.clicked.connect(
            lambda: self.remove_value(self.table.currentRow(), self.values.current()))
        buttons = QHBoxLayout()
        for text, name, slot in (
            (self.tr("Add attribute…"), "addAttribute", self._add_clicked),
            (self.tr("Delete attribute…"), "deleteAttribute", lambda: self.delete(self.table.currentRow())),
        ):
            button = QPushButton(text, objectName=name)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(chooser)
        layout.addWidget(self.table, 2)
        layout.addLayout(buttons)
        layout.addWidget(self.values, 2)
        self.definitions: list[AttributeDefinition] = []
        self.reload()

    @property
    def label(self) -> str:
        return self.label_box.currentText()

    def reload(self, select: int | None = None) -> None:
        labels = [label.name for label in self.project.labels()]
        if [self.label_box.itemText(i) for i in range(self.label_box.count())] != labels:
            chosen = self.label
            self.label_box.blockSignals(True)
            self.label_box.clear()
            self.label_box.addItems(labels)
            self.label_box.setCurrentIndex(labels.index(chosen) if chosen in labels else 0)
            self.label_box.blockSignals(False)
        current = self.table.currentRow() if select is None else select
        self.definitions = self.book.attributes(self.label) if self.label else []
        self.fill_named_kinds(self.table, [(d.name, d.kind) for d in self.definitions], self.kind_names,
                              "attributeKind", current)
        self._show_values()

    def _show_values(self) -> None:
        row = self.table.currentRow()
        definition = self.definitions[row] if 0 <= row < len(self.definitions) else None
        if definition is None:
            self.values.show_values(self.tr("Select an attribute to see its values."), (), False)
        elif definition.kind is AttributeKind.FLAG:
            self.values.show_values(self.tr("A flag is set or not: it has no values."), (), False)
        elif definition.kind is AttributeKind.CHOICE:
            self.values.show_values(self.tr("Values of {name} to choose from:").format(name=definition.name),
                                    definition.values, True)
        else:
            self.values.show_values(
                self.tr("The list of {name}: typing in the span inspector completes from it; add new "
                        "entries here, on purpose.").format(name=definition.name), definition.values, True)

    def _usage_text(self, sentence: str, usage: edits.Usage, **names: str) -> str:
        return sentence.format(spans=counted.spans(usage.items), articles=counted.articles(usage.articles),
                               **{key: repr(value) for key, value in names.items()})

    def _item_edited(self, item: QTableWidgetItem) -> None:
        if item.column() == NAME:
            self.rename(item.row(), item.text())

    def add(self, name: str, kind: AttributeKind, values: tuple[str, ...] = ()) -> bool:
        if name.strip() in {d.name for d in self.definitions}:
            return self._taken(name.strip())
        if AttributeKind(kind) is AttributeKind.CHOICE and not values:
            return self.choices_missing()
        definition = AttributeDefinition(self.label, name.strip(), AttributeKind(kind), values)
        if self.apply(lambda: commands.add_attribute(self.project, self.notify, definition)):
            self.reload(len(self.definitions))
            return True
        return False

    def _add_clicked(self) -> None:
        dialog = NewPartDialog(self.tr("Add an attribute to {label}").format(label=self.label),
                               [(kind.value, text) for kind, text in self.kind_names.items()],
                               {AttributeKind.CHOICE.value, AttributeKind.TEXT.value}, self)
        if dialog.exec():
            name, kind, values = dialog.chosen()
            if name:
                self.add(name, AttributeKind(kind), values)

    def rename(self, row: int, new_name: str) -> bool:
        definition = self.definitions[row]
        new_name = new_name.strip()
        if new_name == definition.name or not new_name:
            self.reload()
            return False
        if new_name in {d.name for d in self.definitions}:
            return self._taken(new_name)
        usage = edits.attribute_usage(self.project, self.label, definition.name)
        if usage and not self.confirm(self.tr("Rename attribute"), self._usage_text(
                self.tr("{name} has a value on {spans} in {articles}; they keep it under its new name "
                        "{new}. Rename?"), usage, name=definition.name, new=new_name)):
            self.reload()
            return False
        return self.apply(lambda: commands.rename_attribute(self.project, self.notify, self.label,
                                                            definition.name, new_name))

    def _taken(self, name: str) -> bool:
        return self.refuse(self.tr("{label} already has an attribute named {name}.").format(
            label=repr(self.label), name=repr(name)))

    def _listed(self, value: str, name: str) -> bool:
        return self.refuse(self.tr("{value} is already in the list of {name}.").format(value=repr(value),
                                                                                      name=repr(name)))

    def set_kind(self, row: int, kind: AttributeKind) -> bool:
        """Make the attribute a choice, flag or text; refused while spans have values for it."""
        definition = self.definitions[row]
        if kind == definition.kind:
            return False
        usage = edits.attribute_usage(self.project, self.label, definition.name)
        if usage:
            self.warn(self._usage_text(self.tr("{name} has a value on {spans} in {articles}: its kind "
                                               "cannot change while it does."), usage, name=definition.name))
            self.reload()
            return False
        return self.apply(lambda: commands.set_attribute_kind(
            self.project, self.notify, self.label, definition.name, AttributeKind(kind),
            self.kind_names[AttributeKind(kind)]))

    def delete(self, row: int) -> bool:
        if not 0 <= row < len(self.definitions):
            return False
        name = self.definitions[row].name
        usage = edits.attribute_usage(self.project, self.label, name)
        if usage and not self.confirm(self.tr("Delete attribute"), self._usage_text(
                self.tr("{name} has a value on {spans} in {articles}. Deleting the attribute deletes "
                        "those values too (Undo in this window brings them back). Delete?"), usage,
                name=name)):
            return False
        return self.apply(lambda: commands.delete_attribute(self.project, self.notify, self.label, name))

    def add_value(self, row: int, value: str) -> bool:
        """Add an entry to the list of the attribute in ``row`` (a choice's value or vocabulary entry)."""
        if not 0 <= row < len(self.definitions) or not value.strip():
            return False
        name = self.definitions[row].name
        if value.strip() in self.definitions[row].values:
            return self._listed(value.strip(), name)
        return self.apply(lambda: commands.add_value(self.project, self.notify, self.label, name, value))

    def _add_value_clicked(self) -> None:
        row = self.table.currentRow()
        if 0 <= row < len(self.definitions):
            prompt = self.tr("New entry of {name}:").format(name=self.definitions[row].name)
            value, ok = QInputDialog.getText(self, self.tr("Add entry"), prompt)
            if ok:
                self.add_value(row, value)

    def rename_value(self, row: int, value: str, new_value: str) -> bool:
        name = self.definitions[row].name
        new_value = new_value.strip()
        if new_value == value or not new_value:
            self.reload()
            return False
        if new_value in self.definitions[row].values:
            return self._listed(new_value, name)
        usage = edits.attribute_usage(self.project, self.label, name, value)
        if usage and not self.confirm(self.tr("Respell entry"), self._usage_text(
                self.tr("{value} is the {name} of {spans} in {articles}; they change to {new}. "
                        "Respell?"), usage, value=value, name=name, new=new_value)):
            self.reload()
            return False
        return self.apply(lambda: commands.rename_value(self.project, self.notify, self.label, name, value,
                                                        new_value))

    def remove_value(self, row: int, value: str | None) -> bool:
        if not 0 <= row < len(self.definitions) or value is None:
            return False
        name = self.definitions[row].name
        usage = edits.attribute_usage(self.project, self.label, name, value)
        if usage and not self.confirm(self.tr("Remove entry"), self._usage_text(
                self.tr("{value} is the {name} of {spans} in {articles}. Removing it from the list "
                        "clears it on them too (Undo in this window brings it back). Remove?"), usage,
                value=value, name=name)):
            return False
        return self.apply(lambda: commands.remove_value(self.project, self.notify, self.label, name, value))

