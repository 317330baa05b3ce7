"""The Article codes pane: the project's questions about the open article, answered by the annotator,
and the annotator's note on the article.

A single choice is a ``ChoiceBox`` (number keys pick), a multiple choice one check box per option, a
yes/no question a check box, a short text a line saved when left; the note is saved as it is typed
(after a pause) and when left. Every change is one command on the article's undo stack, saved at once.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from annotator.core.structure import FLAG_YES, ArticleQuestion, QuestionKind
from annotator.store import Project
from annotator.store.coding import Coding
from annotator.ui.annotate.code_fields import ChoiceBox, NoteEdit
from annotator.ui.annotate.coding_commands import SetCode, set_answer, set_article_note

Run = Callable[[SetCode], bool]


class OptionChecks(QWidget):
    """A multiple choice: one check box per option."""

    def __init__(self, options: tuple[str, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.checks = {option: QCheckBox(option) for option in options}
        for check in self.checks.values():
            layout.addWidget(check)
        layout.addStretch(1)

    def values(self) -> tuple[str, ...]:
        return tuple(option for option, check in self.checks.items() if check.isChecked())

    def set_values(self, values: tuple[str, ...]) -> None:
        for option, check in self.checks.items():
            check.blockSignals(True)
            check.setChecked(option in values)
            check.blockSignals(False)


class ArticleCodes(QWidget):
    """The open article's questions and note, for one annotator."""

    def __init__(self, project: Project, notify: Callable, run: Run, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("articleCodes")
        self.project, self.notify, self.run = project, notify, run
        self.coding = Coding(project)
        self.document_id: str | None = None
        self.annotator = ""
        self.questions: list[ArticleQuestion] = []
        self.fields: dict[str, QWidget] = {}
        self.form_host = QWidget()
        self.form = QFormLayout(self.form_host)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.empty = QLabel(self.tr("This project asks no questions about articles."), wordWrap=True)
        self.note = NoteEdit()
        self.note.setObjectName("articleNote")
        self.note.setPlaceholderText(self.tr("Note on this article"))
        self.note.committed.connect(self._note_committed)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(self.form_host)
        layout.addWidget(QLabel(self.tr("Note")))
        layout.addWidget(self.note, 1)

    def show_article(self, document_id: str | None, annotator: str) -> None:
        if (document_id, annotator) != (self.document_id, self.annotator):
            self.note.commit()  # the note typed on the article before
        self.document_id, self.annotator = document_id, annotator
        questions = self.coding.codebook.questions()
        if questions != self.questions:
            self._build(questions)
        self.refresh()

    def reload_questions(self) -> None:
        self.show_article(self.document_id, self.annotator)

    def refresh(self) -> None:
        """Show the stored answers and note again, keeping the fields and the focus."""
        document_id = self.document_id
        answers = self.coding.answers(document_id, self.annotator) if document_id else {}
        for question in self.questions:
            field = self.fields[question.name]
            values = answers[question.name].values if question.name in answers else ()
            if isinstance(field, ChoiceBox):
                field.set_value(values[0] if values else None)
            elif isinstance(field, OptionChecks):
                field.set_values(values)
            elif isinstance(field, QCheckBox):
                field.blockSignals(True)
                field.setChecked(values == (FLAG_YES,))
                field.blockSignals(False)
            elif isinstance(field, QLineEdit) and not field.hasFocus():
                field.setText(values[0] if values else "")
        note = self.coding.article_note(document_id, self.annotator) if document_id else None
        self.note.set_note(note.text if note else "")
        for field in [*self.fields.values(), self.note]:
            field.setEnabled(document_id is not None)

    def focus_first(self) -> None:
        first = next(iter(self.fields.values()), self.note)
        first.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _build(self, questions: list[ArticleQuestion]) -> None:
        while self.form.rowCount():
            self.form.removeRow(0)
        self.questions, self.fields = questions, {}
        for question in questions:
            field = self._field(question)
            field.setObjectName(f"question_{question.name}")
            self.fields[question.name] = field
            self.form.addRow(QLabel(question.name, wordWrap=True), field)
        self.empty.setVisible(not questions)

    def _field(self, question: ArticleQuestion) -> QWidget:
        name = question.name
        if question.kind is QuestionKind.SINGLE:
            box = ChoiceBox(question.options, self.tr("not answered"))
            box.chosen.connect(lambda value, n=name: self._answer(n, () if value is None else (value,)))
            return box
        if question.kind is QuestionKind.MULTIPLE:
            checks = OptionChecks(question.options)
            for check in checks.checks.values():
                check.clicked.connect(lambda _c=False, n=name, w=checks: self._answer(n, w.values()))
            return checks
        if question.kind is QuestionKind.FLAG:
            check = QCheckBox(self.tr("yes"))
            check.clicked.connect(lambda checked, n=name: self._answer(n, (FLAG_YES,) if checked else ()))
            return check
        line = QLineEdit()
        line.editingFinished.connect(
            lambda n=name, w=line: self._answer(n, (w.text().strip(),) if w.text().strip() else ()))
        return line

    def _answer(self, question: str, values: tuple[str, ...]) -> None:
        if self.document_id is None:
            return
        answer = self.coding.answers(self.document_id, self.annotator).get(question)
        if (answer.values if answer else ()) == values:
            return
        self.run(set_answer(self.project, self.notify, self.document_id, self.annotator, question, values))

    def _note_committed(self, text: str) -> None:
        if self.document_id is not None:
            self.run(set_article_note(self.project, self.notify, self.document_id, self.annotator, text))
