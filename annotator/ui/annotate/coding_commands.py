"""Undoable coding edits beyond spans and relations: a span's attribute value or note, an article's
answer to a question or its note.

Each is one ``SetCode`` command: it reads the value before, writes the new one (one store transaction,
saved at once), and undo writes the old one back — but only while the stored value is still the one
it wrote (else another writer changed it: nothing is changed, the step says so and retires).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtCore import QCoreApplication

from annotator.core.errors import ChangedElsewhereError
from annotator.core.model import Span
from annotator.store import Changes, Project
from annotator.store.coding import Coding
from annotator.ui.annotate.commands import AnnotationCommand, Notify

Value = TypeVar("Value")


class SetCode(AnnotationCommand, Generic[Value]):
    """Set one coded value; ``read`` gets it as stored, ``write`` stores one (and returns its Changes)."""

    def __init__(self, project: Project, notify: Notify, text: str, read: Callable[[], Value],
                 write: Callable[[Value], Changes], value: Value, status: tuple[str, str]) -> None:
        super().__init__(project, notify, text)
        self.read, self.write, self.value = read, write, value
        self.before = read()
        self.status = Changes(documents=frozenset({status[0]}), statuses=frozenset({status}))

    def apply(self) -> Changes:
        return self.write(self.value) | self.status

    def reapply(self) -> Changes:
        self._expect(self.before)
        return self.apply()

    def revert(self) -> Changes:
        self._expect(self.value)
        return self.write(self.before) | self.status

    def _expect(self, value: Value) -> None:
        if self.read() != value:
            raise ChangedElsewhereError(
                f"{self.text()}: the value was changed elsewhere; nothing was changed")


def set_attribute(project: Project, notify: Notify, span: Span, name: str, value: str | None) -> SetCode:
    """Give ``span`` a value for attribute ``name`` (None clears it; a set flag is ``FLAG_YES``)."""
    coding = Coding(project)

    def write(new: str | None) -> Changes:
        if new is None:
            return coding.clear_attribute(span.id, name)
        return coding.set_attribute(span.id, name, new)

    return SetCode(project, notify, QCoreApplication.translate("commands", "{label} {attribute}")
                   .format(label=span.label, attribute=name),
                   lambda: coding.attribute_values(span.id).get(name), write, value,
                   (span.document_id, span.annotator))


def set_span_note(project: Project, notify: Notify, span: Span, text: str) -> SetCode:
    coding = Coding(project)

    def read() -> str:
        note = coding.span_note(span.id)
        return note.text if note else ""

    text_of_step = QCoreApplication.translate("commands", "note on {label}").format(label=span.label)
    return SetCode(project, notify, text_of_step, read,
                   lambda new: coding.set_span_note(span.id, new), text, (span.document_id, span.annotator))


def set_answer(project: Project, notify: Notify, document_id: str, annotator: str, question: str,
               values: tuple[str, ...]) -> SetCode:
    coding = Coding(project)

    def read() -> tuple[str, ...]:
        answer = coding.answers(document_id, annotator).get(question)
        return answer.values if answer else ()

    text_of_step = QCoreApplication.translate("commands", "answer {question}").format(question=question)
    return SetCode(project, notify, text_of_step, read,
                   lambda new: coding.set_answer(document_id, annotator, question, new), values,
                   (document_id, annotator))


def set_article_note(project: Project, notify: Notify, document_id: str, annotator: str,
                     text: str) -> SetCode:
    coding = Coding(project)

    def read() -> str:
        note = coding.article_note(document_id, annotator)
        return note.text if note else ""

    return SetCode(project, notify, QCoreApplication.translate("commands", "article note"), read,
                   lambda new: coding.set_article_note(document_id, annotator, new), text,
                   (document_id, annotator))
