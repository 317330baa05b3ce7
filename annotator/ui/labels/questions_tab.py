"""The Article questions tab of Edit labels: questions asked once per article and annotator (single
choice, multiple choice, yes/no, short text) and the options of the selected one.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from annotator.core.structure import ArticleQuestion, QuestionKind
from annotator.store import Project
from annotator.store import codebook_edits as edits
from annotator.ui.labels import codebook_commands as commands
from annotator.ui.labels.commands import Notify
from annotator.ui.labels.parts import Apply, CodebookTab, Confirm, NewPartDialog, ValueList
from annotator.ui.shell import counts as counted

NAME, KIND = range(2)
CHOOSING = (QuestionKind.SINGLE, QuestionKind.MULTIPLE)


class QuestionsTab(CodebookTab):
    """The article questions and the options of the selected one."""

    def __init__(self, project: Project, notify: Notify, apply: Apply, confirm: Confirm,
                 parent: QWidget | None = None) -> None:
        super().__init__(project, notify, apply, confirm, parent)
        self.setObjectName("questionsTab")
        self.kind_names = {QuestionKind.SINGLE: self.tr("single choice"),
                           QuestionKind.MULTIPLE: self.tr("multiple choice"),
                           QuestionKind.FLAG: self.tr("yes or no"),
                           QuestionKind.TEXT: self.tr("short text")}
        self.table = QTableWidget(0, 2, objectName="questionTable")
        self.table.setHorizontalHeaderLabels([self.tr("Question"), self.tr("Kind")])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setColumnWidth(NAME, 260)
        self.table.itemChanged.connect(lambda item: item.column() == NAME and self.rename(item.row(),
                                                                                          item.text()))
        self.table.currentCellChanged.connect(lambda *_args: self._show_options())
        self.options = ValueList("questionOptions")
        self.options.list.itemChanged.connect(lambda item: self.rename_option(
            self.table.currentRow(), self.options.values[self.options.list.row(item)], item.text()))
        self.options.add_button.clicked.connect(self._add_option_clicked)
        self.options.remove_button.clicked.connect(
            lambda: self.remove_option(self.table.currentRow(), self.options.current()))
        buttons = QHBoxLayout()
        for text, name, slot in (
            (self.tr("Add question…"), "addQuestion", self._add_clicked),
            (self.tr("Delete question…"), "deleteQuestion", lambda: self.delete(self.table.currentRow())),
        ):
            button = QPushButton(text, objectName=name)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 2)
        layout.addLayout(buttons)
        layout.addWidget(self.options, 2)
        self.questions: list[ArticleQuestion] = []
        self.reload()

    def reload(self, select: int | None = None) -> None:
        current = self.table.currentRow() if select is None else select
        self.questions = self.book.questions()
        self.fill_named_kinds(self.table, [(q.name, q.kind) for q in self.questions], self.kind_names,
                              "questionKind", current)
        self._show_options()

    def _show_options(self) -> None:
        row = self.table.currentRow()
        question = self.questions[row] if 0 <= row < len(self.questions) else None
        if question is None:
            self.options.show_values(self.tr("Select a question to see its options."), (), False)
        elif question.kind in CHOOSING:
            self.options.show_values(self.tr("Options of {name}:").format(name=question.name),
                                     question.options, True)
        else:
            self.options.show_values(self.tr("{name} is answered {kind}: it has no options.").format(
                name=question.name, kind=self.kind_names[question.kind]), (), False)

    def _usage_text(self, sentence: str, usage: edits.Usage, **names: str) -> str:
        return sentence.format(answers=counted.answers(usage.items),
                               articles=counted.articles(usage.articles),
                               **{key: repr(value) for key, value in names.items()})

    def add(self, name: str, kind: QuestionKind, options: tuple[str, ...] = ()) -> bool:
        if name.strip() in {q.name for q in self.questions}:
            return self._taken(name.strip())
        if QuestionKind(kind) in CHOOSING and not options:
            return self.choices_missing()
        question = ArticleQuestion(name.strip(), QuestionKind(kind), options)
        if self.apply(lambda: commands.add_question(self.project, self.notify, question)):
            self.reload(len(self.questions))
            return True
        return False

    def _add_clicked(self) -> None:
        dialog = NewPartDialog(self.tr("Add an article question"),
                               [(kind.value, text) for kind, text in self.kind_names.items()],
                               {kind.value for kind in CHOOSING}, self)
        if dialog.exec():
            name, kind, options = dialog.chosen()
            if name:
                self.add(name, QuestionKind(kind), options)

    def rename(self, row: int, new_name: str) -> bool:
        question = self.questions[row]
        new_name = new_name.strip()
        if new_name == question.name or not new_name:
            self.reload()
            return False
        if new_name in {q.name for q in self.questions}:
            return self._taken(new_name)
        usage = edits.question_usage(self.project, question.name)
        if usage and not self.confirm(self.tr("Rename question"), self._usage_text(
                self.tr("The question {name} has {answers} in {articles}; they keep it under its new name "
                        "{new}. Rename?"), usage, name=question.name, new=new_name)):
            self.reload()
            return False
        return self.apply(lambda: commands.rename_question(self.project, self.notify, question.name,
                                                           new_name))

    def _taken(self, name: str) -> bool:
        return self.refuse(self.tr("There is already an article question named {name}.").format(
            name=repr(name)))

    def _listed(self, option: str, name: str) -> bool:
        return self.refuse(self.tr("{option} is already an option of {name}.").format(option=repr(option),
                                                                                     name=repr(name)))

    def set_kind(self, row: int, kind: QuestionKind) -> bool:
        """Make the question another kind; refused while it has answers."""
        question = self.questions[row]
        if kind == question.kind:
            return False
        usage = edits.question_usage(self.project, question.name)
        if usage:
            self.warn(self._usage_text(self.tr("The question {name} has {answers} in {articles}: its kind "
                                               "cannot change while it does."), usage, name=question.name))
            self.reload()
            return False
        new = QuestionKind(kind)
        return self.apply(lambda: commands.set_question_kind(self.project, self.notify, question.name, new,
                                                             self.kind_names[new]))

    def delete(self, row: int) -> bool:
        if not 0 <= row < len(self.questions):
            return False
        name = self.questions[row].name
        usage = edits.question_usage(self.project, name)
        if usage and not self.confirm(self.tr("Delete question"), self._usage_text(
                self.tr("The question {name} has {answers} in {articles}. Deleting it deletes those answers "
                        "too, for every annotator (Undo in this window brings them back). Delete?"), usage,
                name=name)):
            return False
        return self.apply(lambda: commands.delete_question(self.project, self.notify, name))

    def add_option(self, row: int, option: str) -> bool:
        if not 0 <= row < len(self.questions) or not option.strip():
            return False
        name = self.questions[row].name
        if option.strip() in self.questions[row].options:
            return self._listed(option.strip(), name)
        return self.apply(lambda: commands.add_option(self.project, self.notify, name, option))

    def _add_option_clicked(self) -> None:
        row = self.table.currentRow()
        if 0 <= row < len(self.questions):
            prompt = self.tr("New option of {name}:").format(name=self.questions[row].name)
            option, ok = QInputDialog.getText(self, self.tr("Add option"), prompt)
            if ok:
                self.add_option(row, option)

    def rename_option(self, row: int, option: str, new_option: str) -> bool:
        name = self.questions[row].name
        new_option = new_option.strip()
        if new_option == option or not new_option:
            self.reload()
            return False
        if new_option in self.questions[row].options:
            return self._listed(new_option, name)
        usage = edits.question_usage(self.project, name, option)
        if usage and not self.confirm(self.tr("Respell option"), self._usage_text(
                self.tr("{option} is chosen for {name} by {answers} in {articles}; they change to {new}. "
                        "Respell?"),
                usage, option=option, name=name, new=new_option)):
            self.reload()
            return False
        return self.apply(lambda: commands.rename_option(self.project, self.notify, name, option, new_option))

    def remove_option(self, row: int, option: str | None) -> bool:
        if not 0 <= row < len(self.questions) or option is None:
            return False
        name = self.questions[row].name
        usage = edits.question_usage(self.project, name, option)
        if usage and not self.confirm(self.tr("Remove option"), self._usage_text(
                self.tr("{option} is chosen for {name} by {answers} in {articles}. Removing the option "
                        "takes it out of them too (Undo in this window brings it back). Remove?"), usage,
                option=option, name=name)):
            return False
        return self.apply(lambda: commands.remove_option(self.project, self.notify, name, option))
