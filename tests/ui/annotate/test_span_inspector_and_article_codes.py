"""The span inspector and the Article codes pane: attributes by keys (number keys choose, Space sets a
flag, vocabulary text matched Arabic-normalised), notes, article answers — each saved at once (a
second connection reads it) and undone with Ctrl+Z."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from annotator.core.structure import ArticleQuestion, AttributeDefinition, AttributeKind, QuestionKind
from annotator.store import Project
from annotator.store.codebook import Codebook
from annotator.store.coding import Coding
from annotator.ui.shell.main_window import MainWindow
from tests.ui.annotation_driver import make_window, open_article, press

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def window(qtbot, project: Project, tmp_path: Path) -> MainWindow:
    book = Codebook(project)
    roles = ("state", "party", "militia")
    book.add_attribute(AttributeDefinition("actor", "role", AttributeKind.CHOICE, roles))
    book.add_attribute(AttributeDefinition("actor", "uncertain", AttributeKind.FLAG))
    book.add_attribute(AttributeDefinition("actor", "canonical", AttributeKind.TEXT,
                                           ("إيران", "الولايات المتحدة")))
    book.add_question(ArticleQuestion("secret", QuestionKind.FLAG))
    book.add_question(ArticleQuestion("stance", QuestionKind.SINGLE, ("positive", "neutral", "negative")))
    book.add_question(ArticleQuestion("topics", QuestionKind.MULTIPLE, ("security", "economy")))
    window = make_window(qtbot, project, tmp_path / "settings.ini")
    open_article(window, 0)
    return window


def tag_actor(qtbot, window: MainWindow, words: str = "إيران", nth: int = 1) -> int:
    view = window.page.article_view
    start = -1
    for _ in range(nth + 1):
        start = view.text.index(words, start + 1)
    view.select_range(start, start + len(words))
    press(qtbot, window, "1")
    return window.page.selected_span_id


def read_back(project: Project, span_id: int) -> dict[str, str]:
    with Project.open(project.path) as other:
        return Coding(other).attribute_values(span_id)


def focused():
    return QApplication.focusWidget()


def test_choice_by_number_key_is_stored_at_once_and_undone(qtbot, window, project) -> None:
    span_id = tag_actor(qtbot, window)
    press(qtbot, window, "I")
    assert focused() is window.page.inspector.fields["role"]
    qtbot.keyClick(focused(), "2")
    assert read_back(project, span_id) == {"role": "party"}
    assert project.span(span_id).label == "actor"  # the digit chose a value, it did not relabel
    qtbot.keyClick(focused(), "z", CTRL)
    assert read_back(project, span_id) == {}
    assert window.page.inspector.fields["role"].value() is None


def test_flag_is_set_with_space(qtbot, window, project) -> None:
    span_id = tag_actor(qtbot, window)
    press(qtbot, window, "I")
    flag = window.page.inspector.fields["uncertain"]
    flag.setFocus()
    qtbot.keyClick(flag, Qt.Key.Key_Space)
    assert read_back(project, span_id) == {"uncertain": "yes"}


def test_vocabulary_text_typed_without_hamza_stores_the_lists_spelling(qtbot, window, project) -> None:
    span_id = tag_actor(qtbot, window)
    press(qtbot, window, "I")
    line = window.page.inspector.fields["canonical"]
    line.setFocus()
    line.insert("ايران")  # QTest types ASCII only
    completer = line.completer()
    completer.setCompletionPrefix(line.text())
    assert [completer.currentCompletion()] == ["إيران"] and completer.completionCount() == 1
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert read_back(project, span_id) == {"canonical": "إيران"}


def test_text_not_in_the_vocabulary_is_refused_and_nothing_stored(qtbot, window, project) -> None:
    span_id = tag_actor(qtbot, window)
    press(qtbot, window, "I")
    line = window.page.inspector.fields["canonical"]
    line.setFocus()
    line.insert("طهران")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert "not in the list of canonical" in window.statusBar().currentMessage()
    assert read_back(project, span_id) == {}
    assert line.text() == ""


def test_span_note_is_saved_when_the_field_is_left_and_undone(qtbot, window, project) -> None:
    span_id = tag_actor(qtbot, window)
    press(qtbot, window, "I")
    note = window.page.inspector.note
    note.setFocus()
    note.insertPlainText("الوسطاء غربيون")
    window.page.article_view.setFocus()
    qtbot.waitUntil(lambda: not note.hasFocus())
    with Project.open(project.path) as other:
        assert Coding(other).span_note(span_id).text == "الوسطاء غربيون"
    press(qtbot, window, "z", CTRL)
    assert Coding(project).span_note(span_id) is None
    assert note.toPlainText() == ""


def test_article_codes_by_keys_and_clicks_saved_at_once(qtbot, window, project) -> None:
    press(qtbot, window, "K")
    codes = window.page.article_codes
    assert focused() is codes.fields["secret"]
    qtbot.keyClick(focused(), Qt.Key.Key_Space)
    stance = codes.fields["stance"]
    stance.setFocus()
    qtbot.keyClick(stance, "3")
    qtbot.mouseClick(codes.fields["topics"].checks["economy"], Qt.MouseButton.LeftButton)
    document_id, annotator = window.page.document_id, window.page.annotator
    with Project.open(project.path) as other:
        answers = Coding(other).answers(document_id, annotator)
    assert {q: a.values for q, a in answers.items()} == {
        "secret": ("yes",), "stance": ("negative",), "topics": ("economy",)}
    press(qtbot, window, "z", CTRL)
    assert "topics" not in Coding(project).answers(document_id, annotator)
    assert not codes.fields["topics"].checks["economy"].isChecked()


def test_article_note_is_saved_after_a_pause(qtbot, window, project) -> None:
    press(qtbot, window, "K")
    note = window.page.article_codes.note
    note.setFocus()
    note.insertPlainText("تغطية محايدة")
    document_id, annotator = window.page.document_id, window.page.annotator
    qtbot.waitUntil(lambda: Coding(project).article_note(document_id, annotator) is not None, timeout=3000)
    assert Coding(project).article_note(document_id, annotator).text == "تغطية محايدة"


def test_another_annotators_span_is_shown_read_only(qtbot, window, project) -> None:
    document_id = window.page.document_id
    text = window.page.article_view.text
    start = text.index("الوسطاء")
    other = project.add_span(document_id, "omar", start, start + len("الوسطاء"), "actor")
    window.actions["show_others"].setChecked(True)
    window.page.select_span(other.id)
    assert window.page.inspector.fields
    assert not any(field.isEnabled() for field in window.page.inspector.fields.values())
    assert not window.page.inspector.note.isEnabled()


def test_in_arabic_the_inspectors_heading_starts_at_the_right(qtbot, qapp, project, tmp_path) -> None:
    """"actor: «إيران»" in the Arabic window: the Latin label name first made the line left to right,
    drawn at the left edge of the pane."""
    from PySide6.QtGui import QColor

    from annotator.ui.shell.app import install_language

    install_language(qapp, "ar")
    try:
        window = make_window(qtbot, project, tmp_path / "settings.ini")
        window.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        open_article(window, 0)
        tag_actor(qtbot, window)
        press(qtbot, window, "I")
        heading = window.page.inspector.heading
        qtbot.waitUntil(heading.isVisible)
        image = heading.grab().toImage()
        inked = [x for x in range(image.width()) for y in range(image.height())
                 if QColor(image.pixel(x, y)).lightness() < 100]
        assert inked and max(inked) > 0.9 * image.width() and min(inked) > 0.3 * image.width()
    finally:
        install_language(qapp, "en")
