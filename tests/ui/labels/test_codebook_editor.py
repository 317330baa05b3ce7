"""Edit labels beyond labels: relation types, attributes with their values, article questions.

Driven through the dialog's own widgets (cells edited, boxes ticked, combo boxes chosen, the Undo
button clicked); every change is read back by a second connection, so it was saved at once.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication

from annotator.core.structure import ArticleQuestion, AttributeKind, QuestionKind
from annotator.store import Project
from annotator.store.codebook import Codebook
from annotator.store.coding import Coding
from annotator.ui.labels.editor import LabelEditor
from annotator.ui.shell.main_window import MainWindow
from tests.ui.annotation_driver import make_window, open_article


@pytest.fixture
def window(qtbot, project: Project, tmp_path: Path) -> MainWindow:
    window = make_window(qtbot, project, tmp_path / "settings.ini")
    open_article(window, 0)
    return window


@pytest.fixture
def editor(qtbot, window: MainWindow, project: Project) -> Iterator[LabelEditor]:
    editor = LabelEditor(project, window.apply_changes, window, undo_stack=QUndoStack(window))
    qtbot.addWidget(editor)
    editor.asked = []
    editor.answer = True

    def confirm(_title: str, question: str) -> bool:
        editor.asked.append(question)
        return editor.answer

    for tab in editor.codebook_tabs:
        tab.confirm = confirm
    yield editor
    editor.reject()  # detaches from the stack before the project closes


class stored:
    """The codebook and coding as a second connection reads them: what was saved."""

    def __init__(self, project: Project) -> None:
        self.path = project.path

    def __getattr__(self, name: str):
        def read(*args):
            with Project.open(self.path) as second:
                book = Codebook(second)
                return getattr(book if hasattr(book, name) else Coding(second), name)(*args)
        return read


def undo(qtbot, editor: LabelEditor) -> None:
    button, _action = editor.history_buttons[0]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def redo(qtbot, editor: LabelEditor) -> None:
    button, _action = editor.history_buttons[1]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def relate_in_two_articles(project: Project) -> None:
    """sara links an actor to a demand in two articles."""
    coding = Coding(project)
    for document in project.documents()[:2]:
        actor = project.add_span(document.id, "sara", 0, 3, "actor")
        demand = project.add_span(document.id, "sara", 4, 8, "demand")
        coding.add_relation(actor.id, demand.id, "claims")


def test_relation_type_added_with_its_ends_saved_and_undone(qtbot, editor, window, project) -> None:
    tab = editor.relation_types
    editor.tabs.setCurrentWidget(tab)
    assert tab.add("supports")
    assert "supports" in [t.name for t in window.page.relation_types]
    row = [t.name for t in tab.types].index("supports")
    tab.heads.item(0).setCheckState(Qt.CheckState.Checked)  # actor may be the head
    tab.children.item(2).setCheckState(Qt.CheckState.Checked)  # demand the child
    tab.table.item(row, 3).setCheckState(Qt.CheckState.Unchecked)  # either way round
    tab.table.item(row, 2).setText("s")
    supports = stored(project).relation_type("supports")
    assert (supports.head_labels, supports.child_labels, supports.directed, supports.key) == (
        ("actor",), ("demand",), False, "s")
    for _ in range(4):
        undo(qtbot, editor)
    assert stored(project).relation_type("supports").head_labels == ()
    undo(qtbot, editor)
    assert "supports" not in [t.name for t in stored(project).relation_types()]
    assert "supports" not in [t.name for t in window.page.relation_types]
    redo(qtbot, editor)
    assert "supports" in [t.name for t in stored(project).relation_types()]


def test_relation_type_key_taken_by_a_label_is_refused(qtbot, editor, project, monkeypatch) -> None:
    warned = []
    monkeypatch.setattr(editor.relation_types, "warn", warned.append)
    editor.relation_types.table.item(0, 2).setText("1")  # actor's key
    assert "actor" in warned[0] and stored(project).relation_type("claims").key == ""


def test_deleting_a_relation_type_in_use_asks_with_the_count_and_undo_restores(qtbot, editor,
                                                                               project) -> None:
    relate_in_two_articles(project)
    tab = editor.relation_types
    editor.answer = False
    assert not tab.delete(0)
    assert editor.asked == ["The relation type 'claims' is used by 2 relations in 2 articles. Deleting it "
                            "deletes them too, for every annotator (Undo in this window brings them back). "
                            "Delete?"]
    editor.answer = True
    assert tab.delete(0)
    assert "claims" not in [t.name for t in stored(project).relation_types()]
    assert Coding(project).relations() == []
    undo(qtbot, editor)
    assert [r.type for r in stored(project).relations()] == ["claims", "claims"]


def test_renaming_a_relation_type_in_use_asks_and_keeps_its_relations(qtbot, editor, project) -> None:
    relate_in_two_articles(project)
    editor.answer = False
    editor.relation_types.table.item(0, 0).setText("demands")
    assert "used by 2 relations in 2 articles" in editor.asked[0]
    assert stored(project).relation_type("claims")
    editor.answer = True
    editor.relation_types.table.item(0, 0).setText("demands")
    assert {r.type for r in Coding(project).relations()} == {"demands"}


def test_attribute_with_a_vocabulary_entry_added_respelt_and_removed(qtbot, editor, project) -> None:
    tab = editor.attributes
    editor.tabs.setCurrentWidget(tab)
    tab.label_box.setCurrentText("actor")
    assert tab.add("canonical", AttributeKind.TEXT, ("Iran",))
    assert tab.add_value(0, "Egypt")
    assert stored(project).attribute("actor", "canonical").values == ("Iran", "Egypt")
    span = project.add_span(project.documents()[0].id, "sara", 0, 3, "actor")
    Coding(project).set_attribute(span.id, "canonical", "Iran")
    tab.values.list.item(0).setText("Islamic Republic of Iran")  # respelt in place
    assert editor.asked == ["'Iran' is the 'canonical' of 1 span in 1 article; they change to "
                            "'Islamic Republic of Iran'. Respell?"]
    assert Coding(project).attribute_values(span.id) == {"canonical": "Islamic Republic of Iran"}
    tab.values.list.setCurrentRow(0)
    qtbot.mouseClick(tab.values.remove_button, Qt.MouseButton.LeftButton)
    assert "Removing it from the list clears it on them too" in editor.asked[1]
    assert stored(project).attribute("actor", "canonical").values == ("Egypt",)
    assert Coding(project).attribute_values(span.id) == {}
    undo(qtbot, editor)
    assert Coding(project).attribute_values(span.id) == {"canonical": "Islamic Republic of Iran"}


def test_attribute_kind_is_chosen_in_its_box_and_refused_while_in_use(qtbot, editor, project,
                                                                      monkeypatch) -> None:
    tab = editor.attributes
    tab.label_box.setCurrentText("demand")
    assert tab.add("target", AttributeKind.CHOICE, ("Israel", "Hamas"))
    box = tab.table.cellWidget(0, 1)
    box.setCurrentIndex(box.findData(AttributeKind.FLAG))
    assert stored(project).attribute("demand", "target").kind is AttributeKind.FLAG
    undo(qtbot, editor)
    assert stored(project).attribute("demand", "target").values == ("Israel", "Hamas")
    span = project.add_span(project.documents()[0].id, "sara", 0, 3, "demand")
    Coding(project).set_attribute(span.id, "target", "Hamas")
    warned = []
    monkeypatch.setattr(tab, "warn", warned.append)
    box.setCurrentIndex(box.findData(AttributeKind.TEXT))
    assert warned == ["'target' has a value on 1 span in 1 article: its kind cannot change while it does."]
    assert stored(project).attribute("demand", "target").kind is AttributeKind.CHOICE
    assert tab.table.cellWidget(0, 1).currentData() == AttributeKind.CHOICE


def test_deleting_an_attribute_in_use_asks_and_undo_brings_the_values_back(qtbot, editor, project) -> None:
    tab = editor.attributes
    tab.label_box.setCurrentText("actor")
    tab.add("negated", AttributeKind.FLAG)
    span = project.add_span(project.documents()[0].id, "sara", 0, 3, "actor")
    Coding(project).set_attribute(span.id, "negated", "yes")
    assert tab.delete(0)
    assert "'negated' has a value on 1 span in 1 article. Deleting" in editor.asked[0]
    assert Codebook(project).attributes("actor") == []
    undo(qtbot, editor)
    assert Coding(project).attribute_values(span.id) == {"negated": "yes"}


def test_article_question_with_options_renamed_and_deleted_in_use(qtbot, editor, project) -> None:
    tab = editor.questions
    editor.tabs.setCurrentWidget(tab)
    assert tab.add("stance", QuestionKind.SINGLE, ("for", "against"))
    assert tab.add_option(0, "neutral")
    assert tab.add("secret talks", QuestionKind.FLAG)
    assert [(q.name, q.kind, q.options) for q in stored(project).questions()] == [
        ("stance", QuestionKind.SINGLE, ("for", "against", "neutral")),
        ("secret talks", QuestionKind.FLAG, ())]
    for document in project.documents()[:3]:
        Coding(project).set_answer(document.id, "sara", "stance", ["against"])
    tab.table.item(0, 0).setText("outlet stance")
    assert editor.asked[0] == ("The question 'stance' has 3 answers in 3 articles; they keep it under its "
                               "new name 'outlet stance'. Rename?")
    assert tab.delete(0)
    assert "has 3 answers in 3 articles. Deleting it" in editor.asked[1]
    assert [q.name for q in stored(project).questions()] == ["secret talks"]
    undo(qtbot, editor)
    document = project.documents()[2].id
    assert stored(project).answers(document, "sara")["outlet stance"].values == ("against",)


def test_a_flag_question_shows_no_options_to_edit(editor) -> None:
    tab = editor.questions
    tab.add("secret talks", QuestionKind.FLAG)
    assert not tab.options.list.isEnabled() and not tab.options.add_button.isEnabled()


def test_undoing_a_label_deletion_brings_back_its_relations_and_allowed_ends(qtbot, editor, project) -> None:
    relate_in_two_articles(project)
    assert editor.delete(2, confirm=lambda _text: True)  # demand
    assert stored(project).relations() == [] and stored(project).relation_type("claims").child_labels == ()
    undo(qtbot, editor)
    assert stored(project).relation_type("claims").child_labels == ("demand",)
    assert [r.type for r in stored(project).relations()] == ["claims", "claims"]
    editor.tabs.setCurrentWidget(editor.relation_types)
    assert editor.relation_types.children.item(2).checkState() == Qt.CheckState.Checked


def test_names_and_entries_taken_or_a_choice_without_values_are_refused_in_words(editor, project,
                                                                                 monkeypatch) -> None:
    warned: list[str] = []
    for tab in editor.codebook_tabs:
        monkeypatch.setattr(tab, "warn", warned.append)
    before = (stored(project).relation_types(), stored(project).attributes(), stored(project).questions())
    editor.relation_types.table.item(1, 0).setText("claims")  # denies → claims: taken
    editor.attributes.label_box.setCurrentText("actor")
    assert not editor.attributes.add("role", AttributeKind.CHOICE)
    assert editor.attributes.add("canonical", AttributeKind.TEXT, ("Iran",))
    assert not editor.attributes.add("canonical", AttributeKind.FLAG)
    assert not editor.attributes.add_value(0, " Iran ")
    editor.questions.add("stance", QuestionKind.SINGLE, ("for",))
    assert not editor.questions.add("topics", QuestionKind.MULTIPLE)
    assert not editor.questions.add_option(0, "for")
    assert warned == [
        "There is already a relation type named 'claims'.",
        "A choice needs at least one value to choose from: give them, separated by commas.",
        "'actor' already has an attribute named 'canonical'.",
        "'Iran' is already in the list of 'canonical'.",
        "A choice needs at least one value to choose from: give them, separated by commas.",
        "'for' is already an option of 'stance'."]
    assert stored(project).relation_types() == before[0]
    assert editor.relation_types.table.item(1, 0).text() == "denies"
    assert [a.name for a in stored(project).attributes()] == ["canonical"]


def test_question_kind_is_chosen_in_its_box_while_unanswered_and_undo_brings_the_options_back(
        qtbot, editor, project, monkeypatch) -> None:
    tab = editor.questions
    tab.add("stance", QuestionKind.SINGLE, ("for", "against"))
    box = tab.table.cellWidget(0, 1)
    box.setCurrentIndex(box.findData(QuestionKind.TEXT))
    assert stored(project).question("stance") == ArticleQuestion("stance", QuestionKind.TEXT)
    assert not tab.options.list.isEnabled()
    undo(qtbot, editor)
    assert stored(project).question("stance").options == ("for", "against")
    Coding(project).set_answer(project.documents()[0].id, "sara", "stance", ["for"])
    warned: list[str] = []
    monkeypatch.setattr(tab, "warn", warned.append)
    box.setCurrentIndex(box.findData(QuestionKind.MULTIPLE))
    assert warned == ["The question 'stance' has 1 answer in 1 article: its kind cannot change while it "
                      "does."]
    assert stored(project).question("stance").kind is QuestionKind.SINGLE


def test_renaming_a_label_in_use_asks_with_its_span_count(qtbot, editor, project) -> None:
    relate_in_two_articles(project)
    asked: list[str] = []
    assert not editor.rename(0, "فاعل", confirm=lambda text: asked.append(text) or False)
    assert asked == ["2 spans use the label 'actor'; they keep it under its new name 'فاعل'. Rename?"]
    assert editor.table.item(0, 0).text() == "actor"
    assert editor.rename(0, "فاعل", confirm=lambda _text: True)
    assert stored(project).relation_type("claims").head_labels == ("فاعل",)


def test_ctrl_page_down_and_up_turn_the_tabs_and_leave_the_open_article_alone(
        qtbot, editor: LabelEditor, window: MainWindow) -> None:
    editor.show()
    editor.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is editor)
    article = window.page.document_id
    shown = []
    for key in (Qt.Key.Key_PageDown, Qt.Key.Key_PageDown, Qt.Key.Key_PageUp, Qt.Key.Key_PageUp,
                Qt.Key.Key_PageUp):
        qtbot.keyClick(editor.focusWidget() or editor, key, Qt.KeyboardModifier.ControlModifier)
        shown.append(editor.tabs.currentIndex())
    assert shown == [1, 2, 1, 0, 3]
    assert window.page.document_id == article
