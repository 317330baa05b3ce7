"""The span inspector: the selected span's attributes (its label's, from the codebook) and its note.

A choice is a ``ChoiceBox`` (number keys pick), a flag a check box (Space), a text a line with the
vocabulary's completer (what is typed is matched Arabic-normalised to the list's own spelling; text the
list lacks is refused with the reason, never added by a typo). Every change is one command on the
article's undo stack, saved at once. Another annotator's span is shown read-only.

The page calls ``show_span`` when the selection changes and ``refresh`` when the stored values may have
changed; the fields are updated in place so the focus stays where the annotator is.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from annotator.core.model import Span
from annotator.core.structure import FLAG_YES, AttributeDefinition, AttributeKind, vocabulary_entry
from annotator.store import Project
from annotator.store.coding import Coding
from annotator.ui.annotate.code_fields import ChoiceBox, NoteEdit, VocabularyCompleter
from annotator.ui.annotate.coding_commands import SetCode, set_attribute, set_span_note

Run = Callable[[SetCode], bool]


class SpanInspector(QWidget):
    """Attributes and note of one span."""

    def __init__(self, project: Project, notify: Callable, run: Run, message: Callable[[str], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("spanInspector")
        self.project, self.notify, self.run, self.message = project, notify, run, message
        self.coding = Coding(project)
        self.span: Span | None = None
        self.own = False
        self.definitions: list[AttributeDefinition] = []
        self.fields: dict[str, QWidget] = {}
        self.heading = QLabel(objectName="inspectorHeading", wordWrap=True)
        self.form_host = QWidget()
        self.form = QFormLayout(self.form_host)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.note = NoteEdit()
        self.note.setObjectName("spanNote")
        self.note.setPlaceholderText(self.tr("Note on this span"))
        self.note.committed.connect(self._note_committed)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.form_host)
        layout.addWidget(QLabel(self.tr("Note")))
        layout.addWidget(self.note, 1)
        self.show_span(None)

    def show_span(self, span: Span | None, excerpt: str = "", own: bool = True) -> None:
        """Show ``span``'s attributes and note (``own``: editable)."""
        if self.span is not None and (span is None or span.id != self.span.id):
            self.note.commit()  # the note typed for the span before
        same = span is not None and self.span is not None and span.label == self.span.label
        self.span, self.own = span, own
        if span is None:
            self.heading.setText(self.tr("Select a span to see its attributes and note."))
        else:
            # each part isolated and the line led by the interface's direction mark: a label name in Latin
            # letters first must not turn the Arabic heading left to right (left-aligned, reordered)
            mark = "\u200f" if self.isRightToLeft() else "\u200e"
            self.heading.setText(mark + self.tr("{label}: «{excerpt}»").format(
                label=f"\u2068{span.label}\u2069", excerpt=f"\u2068{excerpt}\u2069"))
        definitions = self.coding.codebook.attributes(span.label) if span is not None else []
        if not same or definitions != self.definitions:
            self._build(definitions)
        self.refresh()

    def refresh(self) -> None:
        """Show the stored values again (after an undo, say), keeping the fields and the focus."""
        span = self.span
        values = self.coding.attribute_values(span.id) if span is not None else {}
        note = self.coding.span_note(span.id) if span is not None else None
        for definition in self.definitions:
            field = self.fields[definition.name]
            value = values.get(definition.name)
            if isinstance(field, ChoiceBox):
                field.set_value(value)
            elif isinstance(field, QCheckBox):
                field.blockSignals(True)
                field.setChecked(value == FLAG_YES)
                field.blockSignals(False)
            elif isinstance(field, QLineEdit) and not field.hasFocus():
                field.setText(value or "")
        self.note.set_note(note.text if note else "")
        editable = span is not None and self.own
        for field in self.fields.values():
            field.setEnabled(editable)
        self.note.setEnabled(editable)
        self.note.setReadOnly(not editable)

    def focus_first(self) -> None:
        """Put the focus on the first attribute (or the note): the keyboard's way in."""
        first = next(iter(self.fields.values()), self.note)
        first.setFocus(Qt.FocusReason.ShortcutFocusReason)

    # -- the fields -----------------------------------------------------------------------------

    def _build(self, definitions: list[AttributeDefinition]) -> None:
        while self.form.rowCount():
            self.form.removeRow(0)
        self.definitions, self.fields = definitions, {}
        for definition in definitions:
            field = self._field(definition)
            field.setObjectName(f"attribute_{definition.name}")
            self.fields[definition.name] = field
            self.form.addRow(definition.name, field)

    def _field(self, definition: AttributeDefinition) -> QWidget:
        name = definition.name
        if definition.kind is AttributeKind.CHOICE:
            box = ChoiceBox(definition.values, self.tr("none"))
            box.chosen.connect(lambda value, n=name: self._set(n, value))
            return box
        if definition.kind is AttributeKind.FLAG:
            check = QCheckBox(self.tr("yes"))
            check.clicked.connect(lambda checked, n=name: self._set(n, FLAG_YES if checked else None))
            return check
        line = QLineEdit()
        line.setPlaceholderText(self.tr("from the list: type to complete"))
        line.setCompleter(VocabularyCompleter(definition.values, line))
        line.editingFinished.connect(lambda n=name, d=definition, w=line: self._text_entered(n, d, w))
        return line

    def _text_entered(self, name: str, definition: AttributeDefinition, line: QLineEdit) -> None:
        typed = line.text()
        if not typed.strip():
            self._set(name, None)
            return
        entry = vocabulary_entry(definition.values, typed)
        if entry is None:
            self.message(self.tr("«{typed}» is not in the list of {attribute}: nothing stored (new entries "
                                      "are added to the list in Labels ▸ Edit labels…).")
                              .format(typed=typed, attribute=name))
            self._put_back(line, name)
            return
        line.setText(entry)
        self._set(name, entry)

    def _put_back(self, line: QLineEdit, name: str) -> None:
        """Show the stored value again in a line the annotator left with a refused text."""
        stored = self.coding.attribute_values(self.span.id).get(name) if self.span is not None else None
        line.setText(stored or "")

    def _set(self, name: str, value: str | None) -> None:
        span = self.span
        if span is None or not self.own:
            return
        if self.coding.attribute_values(span.id).get(name) == value:
            return
        self.run(set_attribute(self.project, self.notify, span, name, value))

    def _note_committed(self, text: str) -> None:
        span = self.span
        if span is not None and self.own:
            self.run(set_span_note(self.project, self.notify, span, text))
