"""Tagging in the annotation window: select text (programmatically, by mouse drag, by double-click),
press a label key, and the span is in the store and painted exactly over its characters."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from annotator.core.model import ArticleRecord
from annotator.store import Project
from annotator.ui.shell.main_window import MainWindow
from tests.ui.annotation_driver import char_point, make_window, open_article, painted_ranges, press

ALT = Qt.KeyboardModifier.AltModifier
LEFT = Qt.MouseButton.LeftButton

# One word per seed article (in corpus order); seed 003's first word carries a shadda.
SEED_WORDS = ["الوسطاء", "أوباما", "واشنطن", "شكّل", "الحوثيين"]


@pytest.fixture
def window(qtbot, project: Project, tmp_path: Path) -> MainWindow:
    return make_window(qtbot, project, tmp_path / "settings.ini")


def stored(project: Project) -> list[tuple[str, str]]:
    """(covered text, label) of every stored span."""
    texts = {d.id: d.text for d in project.documents()}
    return [(texts[s.document_id][s.start:s.end], s.label) for s in project.spans()]


def test_label_key_tags_a_programmatic_selection_snapped_to_the_word_and_paints_it(
        qtbot, window, project) -> None:
    open_article(window, 0)
    view = window.page.article_view
    start = view.text.index("الوسطاء")
    view.select_range(start + 2, start + 4)  # two letters inside the word
    press(qtbot, window, "1")

    [span] = project.spans()
    assert (span.start, span.end) == (start, start + len("الوسطاء"))
    assert (span.label, span.annotator) == ("actor", "sara")
    # what the view draws: the same characters (no astral characters here, so UTF-16 = code points)
    assert painted_ranges(view) == {span.id: (span.start, span.end, "الوسطاء")}


def test_mouse_drag_over_two_words_tags_both_whole_words(qtbot, window, project) -> None:
    open_article(window, 0)
    view = window.page.article_view
    first = view.text.index("الوسطاء الغربيين")
    last = first + len("الوسطاء ال")  # inside the second word
    press_at, release_at = char_point(view, first + 1), char_point(view, last)
    view.setTextCursor(view.cursor_for(0, 0))
    qtbot.mousePress(view.viewport(), LEFT, pos=press_at)
    qtbot.mouseMove(view.viewport(), release_at)
    qtbot.mouseRelease(view.viewport(), LEFT, pos=release_at)
    assert view.textCursor().hasSelection()
    press(qtbot, window, "2")
    assert stored(project) == [("الوسطاء الغربيين", "mediator")]


@pytest.mark.parametrize("row", range(5))
def test_double_click_and_key_stores_exactly_the_word_in_each_seed(qtbot, window, project, row) -> None:
    open_article(window, row)
    view = window.page.article_view
    word = SEED_WORDS[row]
    start = view.text.index(word)
    qtbot.mouseDClick(view.viewport(), LEFT, pos=char_point(view, start + 1))
    press(qtbot, window, "3")
    [span] = project.spans()
    assert view.text[span.start:span.end] == word
    assert project.document(span.document_id).text[span.start:span.end] == word
    assert painted_ranges(view)[span.id][2] == word


def test_alt_with_the_key_keeps_the_exact_characters(qtbot, window, project) -> None:
    open_article(window, 3)
    view = window.page.article_view
    start = view.text.index("شكّل")
    view.select_range(start, start + 2)
    press(qtbot, window, "4", ALT)
    assert stored(project) == [("شك", "denial")]


def test_label_button_tags_the_selection(qtbot, window, project) -> None:
    open_article(window, 1)
    view = window.page.article_view
    start = view.text.index("أوباما")
    view.select_range(start, start + 3)
    qtbot.mouseClick(window.page.label_bar.buttons["demand"], LEFT)
    assert stored(project) == [("أوباما", "demand")]


def test_punctuation_only_selection_tags_nothing(qtbot, window, project) -> None:
    open_article(window, 0)
    view = window.page.article_view
    comma = view.text.index("،")
    view.select_range(comma, comma + 1)
    press(qtbot, window, "1")
    assert project.spans() == []


def test_offsets_stay_exact_with_astral_characters_before_and_after_the_span(
        qtbot, project, tmp_path) -> None:
    text = "📰 خبر 𝔸 عاجل: قال الوسيط «شكّل» الوفد 😀 أمس\nسطر 𝔹 آخر"
    project.import_articles([ArticleRecord(text=text, title="astral", id="astral")])
    window = make_window(qtbot, project, tmp_path / "settings.ini")
    open_article(window, 5)
    view = window.page.article_view
    start = text.index("شكّل")
    view.select_range(start + 1, start + 2)
    press(qtbot, window, "1")
    tail = text.index("آخر")
    view.select_range(tail, tail + 3)
    press(qtbot, window, "2")
    spans = project.spans("astral")
    assert [text[s.start:s.end] for s in spans] == ["شكّل", "آخر"]
    painted = painted_ranges(view)
    # two astral characters precede the first span, four the second: UTF-16 positions shift by that
    assert painted[spans[0].id] == (start + 2, start + 2 + 4, "شكّل")
    assert painted[spans[1].id] == (tail + 4, tail + 4 + 3, "آخر")


def test_every_paragraph_is_right_to_left_and_flush_right_even_when_it_starts_with_digits_or_latin(
        qtbot, project, tmp_path) -> None:
    text = "17 أغسطس 2019\nReuters قالت\nخبر قصير\n2019"
    project.import_articles([ArticleRecord(text=text, title="mixed", id="mixed")])
    window = make_window(qtbot, project, tmp_path / "settings.ini")
    open_article(window, 5)
    document = window.page.article_view.document()
    width = document.textWidth()
    block = document.firstBlock()
    while block.isValid():
        assert block.blockFormat().layoutDirection() == Qt.LayoutDirection.RightToLeft
        line = block.layout().lineAt(0).naturalTextRect()
        assert line.width() < width / 3
        assert line.left() > width / 2, block.text()  # flush right, not left
        block = block.next()
