"""Undoable codebook edits beyond labels: relation types, attributes with their values or vocabulary, and
article questions with their options.

Three shapes cover them all: ``AddPart`` (undo removes the part with whatever used it since, redo
brings that back), ``RemovePart`` (keeps what it removed; undo restores it exactly) and ``ChangePart``
(a change with its inverse: rename, recolour, re-key, direction, allowed ends, kind). Each is one store
transaction per step, announced through ``notify`` like the label commands, on the same undo stack.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from annotator.core.structure import (
    ArticleQuestion,
    AttributeDefinition,
    AttributeKind,
    QuestionKind,
    RelationType,
)
from annotator.store import Changes, Project
from annotator.store import codebook_edits as edits
from annotator.store.codebook import Codebook
from annotator.ui.labels.commands import LabelCommand, Notify

Step = Callable[[], Changes]


translate = QCoreApplication.translate  # lupdate finds translate("context", "literal") calls

class AddPart(LabelCommand):
    """Add a part of the codebook; undo removes it (keeping what used it since) and redo restores that."""

    def __init__(self, project: Project, notify: Notify, text: str, add: Step,
                 remove: Callable[[], edits.Removed]) -> None:
        super().__init__(project, notify, text)
        self.add, self.remove = add, remove
        self.removed: edits.Removed | None = None

    def forward(self) -> Changes:
        if self.removed is None:
            return self.add()
        return edits.restore(self.project, self.removed)

    def backward(self) -> Changes:
        self.removed = self.remove()
        return self.removed.changes


class RemovePart(LabelCommand):
    """Remove a part with the coding that used it; undo puts both back as they were."""

    def __init__(self, project: Project, notify: Notify, text: str,
                 remove: Callable[[], edits.Removed]) -> None:
        super().__init__(project, notify, text)
        self.remove = remove
        self.removed: edits.Removed | None = None

    def forward(self) -> Changes:
        self.removed = self.remove()
        return self.removed.changes

    def backward(self) -> Changes:
        assert self.removed is not None
        return edits.restore(self.project, self.removed)


class ChangePart(LabelCommand):
    """A change given with its inverse."""

    def __init__(self, project: Project, notify: Notify, text: str, change: Step, inverse: Step) -> None:
        super().__init__(project, notify, text)
        self.change, self.inverse = change, inverse

    def forward(self) -> Changes:
        return self.change()

    def backward(self) -> Changes:
        return self.inverse()


# -- relation types ---------------------------------------------------------------------------

def add_relation_type(project: Project, notify: Notify, relation_type: RelationType) -> AddPart:
    text = translate("codebook_commands", "add relation type {name}").format(name=relation_type.name)
    return AddPart(project, notify, text, lambda: Codebook(project).add_relation_type(relation_type),
                   lambda: edits.delete_relation_type(project, relation_type.name.strip()))


def update_relation_type(project: Project, notify: Notify, name: str, new: RelationType) -> ChangePart:
    """Rename, recolour, re-key, (un)direct or change the allowed ends of one relation type."""
    book = Codebook(project)
    before = book.relation_type(name)
    if new.name != name:
        text = translate("codebook_commands", "rename relation type {name} to {new}")
    else:
        text = translate("codebook_commands", "change relation type {name}")
    return ChangePart(project, notify, text.format(name=name, new=new.name),
                      lambda: book.update_relation_type(name, new),
                      lambda: book.update_relation_type(new.name, before))


def delete_relation_type(project: Project, notify: Notify, name: str) -> RemovePart:
    text = translate("codebook_commands", "delete relation type {name}").format(name=name)
    return RemovePart(project, notify, text, lambda: edits.delete_relation_type(project, name))


# -- attributes -------------------------------------------------------------------------------

def add_attribute(project: Project, notify: Notify, definition: AttributeDefinition) -> AddPart:
    text = translate("codebook_commands", "add attribute {name} to {label}").format(
        name=definition.name, label=definition.label)
    return AddPart(project, notify, text, lambda: Codebook(project).add_attribute(definition),
                   lambda: edits.delete_attribute(project, definition.label, definition.name.strip()))


def rename_attribute(project: Project, notify: Notify, label: str, name: str, new_name: str) -> ChangePart:
    new_name = new_name.strip()
    text = translate("codebook_commands", "rename attribute {name} to {new}").format(name=name, new=new_name)
    return ChangePart(project, notify, text, lambda: edits.rename_attribute(project, label, name, new_name),
                      lambda: edits.rename_attribute(project, label, new_name, name))


def set_attribute_kind(project: Project, notify: Notify, label: str, name: str, kind: AttributeKind,
                       kind_name: str) -> ChangePart:
    """Make an unused attribute a choice, flag or text (``kind_name``: the kind in the user's language)."""
    before = Codebook(project).attribute(label, name)
    text = translate("codebook_commands", "make attribute {name} {kind}").format(name=name, kind=kind_name)
    return ChangePart(project, notify, text, lambda: edits.set_attribute_kind(project, label, name, kind),
                      lambda: edits.set_attribute_kind(project, label, name, before.kind, before.values))


def delete_attribute(project: Project, notify: Notify, label: str, name: str) -> RemovePart:
    text = translate("codebook_commands", "delete attribute {name} of {label}").format(name=name, label=label)
    return RemovePart(project, notify, text, lambda: edits.delete_attribute(project, label, name))


def add_value(project: Project, notify: Notify, label: str, name: str, value: str) -> AddPart:
    value = value.strip()
    text = translate("codebook_commands", "add {value} to the list of {name}").format(value=value, name=name)
    return AddPart(project, notify, text, lambda: Codebook(project).add_vocabulary_entry(label, name, value),
                   lambda: edits.remove_value(project, label, name, value))


def rename_value(project: Project, notify: Notify, label: str, name: str, value: str,
                 new_value: str) -> ChangePart:
    new_value = new_value.strip()
    text = translate("codebook_commands", "respell {value} as {new}").format(value=value, new=new_value)
    return ChangePart(project, notify, text,
                      lambda: edits.rename_value(project, label, name, value, new_value),
                      lambda: edits.rename_value(project, label, name, new_value, value))


def remove_value(project: Project, notify: Notify, label: str, name: str, value: str) -> RemovePart:
    text = translate("codebook_commands", "remove {value} from the list of {name}").format(value=value,
                                                                                          name=name)
    return RemovePart(project, notify, text, lambda: edits.remove_value(project, label, name, value))


# -- article questions ------------------------------------------------------------------------

def add_question(project: Project, notify: Notify, question: ArticleQuestion) -> AddPart:
    text = translate("codebook_commands", "add question {name}").format(name=question.name)
    return AddPart(project, notify, text, lambda: Codebook(project).add_question(question),
                   lambda: edits.delete_question(project, question.name.strip()))


def rename_question(project: Project, notify: Notify, name: str, new_name: str) -> ChangePart:
    new_name = new_name.strip()
    text = translate("codebook_commands", "rename question {name} to {new}").format(name=name, new=new_name)
    return ChangePart(project, notify, text, lambda: edits.rename_question(project, name, new_name),
                      lambda: edits.rename_question(project, new_name, name))


def set_question_kind(project: Project, notify: Notify, name: str, kind: QuestionKind,
                      kind_name: str) -> ChangePart:
    """Make an unanswered question another kind (``kind_name``: the kind in the user's language)."""
    before = Codebook(project).question(name)
    text = translate("codebook_commands", "make question {name} {kind}").format(name=name, kind=kind_name)
    return ChangePart(project, notify, text, lambda: edits.set_question_kind(project, name, kind),
                      lambda: edits.set_question_kind(project, name, before.kind, before.options))


def delete_question(project: Project, notify: Notify, name: str) -> RemovePart:
    text = translate("codebook_commands", "delete question {name}").format(name=name)
    return RemovePart(project, notify, text, lambda: edits.delete_question(project, name))


def add_option(project: Project, notify: Notify, question: str, option: str) -> AddPart:
    option = option.strip()
    text = translate("codebook_commands", "add option {option} to {name}").format(option=option,
                                                                                 name=question)
    return AddPart(project, notify, text, lambda: edits.add_option(project, question, option),
                   lambda: edits.remove_option(project, question, option))


def rename_option(project: Project, notify: Notify, question: str, option: str, new: str) -> ChangePart:
    new = new.strip()
    text = translate("codebook_commands", "respell {value} as {new}").format(value=option, new=new)
    return ChangePart(project, notify, text, lambda: edits.rename_option(project, question, option, new),
                      lambda: edits.rename_option(project, question, new, option))


def remove_option(project: Project, notify: Notify, question: str, option: str) -> RemovePart:
    text = translate("codebook_commands", "remove option {option} from {name}").format(option=option,
                                                                                      name=question)
    return RemovePart(project, notify, text, lambda: edits.remove_option(project, question, option))
