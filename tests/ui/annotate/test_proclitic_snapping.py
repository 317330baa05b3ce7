"""Bug 4 of issue 18: snapping leaves attached proclitics out, so dragging over «والولايات المتحدة» tags
«الولايات المتحدة» and the suggestion bar offers that; Alt tags the exact characters; View ▸ Keep
proclitics when snapping (remembered in the settings) keeps them for teams whose guidelines say so."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt

from annotator.core.model import ArticleRecord
from annotator.store import Project
from annotator.ui.shell.main_window import MainWindow
from tests.ui.annotation_driver import char_point, make_window, open_article, press

LEFT = Qt.MouseButton.LeftButton
WRITTEN = "والولايات المتحدة"


@pytest.fixture
def window(qtbot, project: Project, tmp_path: Path) -> MainWindow:
    window = make_window(qtbot, project, tmp_path / "settings.ini")
    open_article(window, 0)  # seed 000
    return window


def drag_over(qtbot, window: MainWindow, start: int, end: int) -> None:
    """Press the mouse on the character at ``start`` and release it on the one before ``end``."""
    view = window.page.article_view
    press_at, release_at = char_point(view, start), char_point(view, end - 1)
    view.setTextCursor(view.cursor_for(0, 0))
    qtbot.mousePress(view.viewport(), LEFT, pos=press_at)
    qtbot.mouseMove(view.viewport(), release_at)
    qtbot.mouseRelease(view.viewport(), LEFT, pos=release_at)
    assert view.textCursor().hasSelection()


def stored_texts(project: Project) -> list[str]:
    texts = {d.id: d.text for d in project.documents()}
    return [texts[s.document_id][s.start:s.end] for s in project.spans()]


def test_dragging_over_the_conjunction_tags_the_words_without_it_and_suggests_that(
        qtbot, window, project) -> None:
    view = window.page.article_view
    start = view.text.index(WRITTEN)
    drag_over(qtbot, window, start, start + len(WRITTEN))
    press(qtbot, window, "1")
    assert stored_texts(project) == ["الولايات المتحدة"]
    qtbot.waitUntil(lambda: window.page.offer is not None)
    offer = window.page.offer
    assert offer.tagged == "الولايات المتحدة"
    assert offer.here and all(s.text == "الولايات المتحدة" for s in offer.here)


def test_alt_with_the_label_key_keeps_the_conjunction(qtbot, window, project) -> None:
    view = window.page.article_view
    start = view.text.index(WRITTEN)
    view.select_range(start, start + len(WRITTEN))
    press(qtbot, window, "1", Qt.KeyboardModifier.AltModifier)
    assert stored_texts(project) == [WRITTEN]


def test_a_short_word_keeps_its_first_letter(qtbot, project, tmp_path) -> None:
    text = "وصل وفد إيراني 😀 إلى بغداد ثم بالتعاون مع 𝔸 وإيران"
    project.import_articles([ArticleRecord(text=text, title="وفد", id="short")])
    window = make_window(qtbot, project, tmp_path / "settings.ini")
    open_article(window, 5)
    view = window.page.article_view
    for word in ("وفد", "بالتعاون", "وإيران"):
        start = text.index(word)
        view.select_range(start, start + len(word))
        press(qtbot, window, "2")
    assert sorted(stored_texts(project)) == sorted(["وفد", "التعاون", "إيران"])


def test_keep_proclitics_setting_keeps_them_and_is_remembered(qtbot, project, tmp_path) -> None:
    window = make_window(qtbot, project, tmp_path / "settings.ini")
    open_article(window, 0)
    view_menu = window.findChild(type(window.menuBar().actions()[0].menu()), "menu_view")
    action = next(a for a in view_menu.actions() if a.objectName() == "keepProcliticsAction")
    assert not action.isChecked()
    action.trigger()
    start = window.page.article_view.text.index(WRITTEN)
    drag_over(qtbot, window, start, start + len(WRITTEN))
    press(qtbot, window, "1")
    assert stored_texts(project) == [WRITTEN]
    window.close()
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    again = MainWindow(project, settings=settings)
    qtbot.addWidget(again)
    assert again.page.keep_proclitics_action.isChecked()


def test_moving_a_span_start_word_by_word_leaves_the_proclitics_out(qtbot, window, project) -> None:
    view = window.page.article_view
    start = view.text.index("المتحدة", view.text.index(WRITTEN))
    view.select_range(start, start + len("المتحدة"))
    press(qtbot, window, "1")
    assert stored_texts(project) == ["المتحدة"]
    press(qtbot, window, "Right", Qt.KeyboardModifier.AltModifier)  # start one word earlier
    assert stored_texts(project) == ["الولايات المتحدة"]
    press(qtbot, window, "Right", Qt.KeyboardModifier.AltModifier)  # and one more: past the و, to «إيران»
    assert stored_texts(project) == ["إيران والولايات المتحدة"]
    press(qtbot, window, "Left", Qt.KeyboardModifier.AltModifier)  # start one word later
    assert stored_texts(project) == ["الولايات المتحدة"]


def test_ctrl_click_on_a_word_with_a_proclitic_takes_the_word_without_it(qtbot, window, project) -> None:
    view = window.page.article_view
    start = view.text.index("المتحدة", view.text.index(WRITTEN))
    view.select_range(start, start + len("المتحدة"))
    press(qtbot, window, "1")
    word = view.text.index(WRITTEN) + 4  # a letter inside «والولايات»
    qtbot.mouseClick(view.viewport(), LEFT, Qt.KeyboardModifier.ControlModifier, char_point(view, word))
    assert stored_texts(project) == ["الولايات المتحدة"]
