"""The Search dock, driven like a user: Ctrl+Shift+F, type, read the count, click a hit, filter by label."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QListWidgetItem, QWidget

from annotator.core.search import SearchHit
from annotator.store import Project
from annotator.ui.shell.main_window import MainWindow
from tests.ui.annotation_driver import make_window


@pytest.fixture
def window(qtbot, project: Project, tmp_path: Path) -> MainWindow:
    return make_window(qtbot, project, tmp_path / "settings.ini")


def hit_items(window: MainWindow) -> list[QListWidgetItem]:
    results = window.search_panel.results
    items = [results.item(row) for row in range(results.count())]
    return [item for item in items if item.data(Qt.ItemDataRole.UserRole) is not None]


def type_text(widget: QWidget, text: str) -> None:
    """Key presses carrying each character, as an Arabic keyboard sends them (QTest's keyClicks aborts on
    characters outside Latin-1)."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))


def search_for(qtbot, window: MainWindow, query: str) -> None:
    """Open the dock with its shortcut, type ``query`` and wait for the answer to it."""
    qtbot.keyClick(window, Qt.Key.Key_F,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    panel = window.search_panel
    assert window.search_dock.isVisible()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is panel.box)
    panel.box.clear()
    type_text(panel.box, query)
    qtbot.waitUntil(lambda: panel.result is not None and panel.result.query == query
                    and (panel.result.counted or not panel.result.hits), timeout=5000)


def test_typed_query_lists_every_spelling_and_a_click_selects_exactly_the_match(
        qtbot, window: MainWindow, project: Project) -> None:
    search_for(qtbot, window, "الامريكيه")  # no hamza, ha for ta marbuta
    panel = window.search_panel
    texts = {d.id: d.text for d in project.documents()}
    expected = [(d, texts[d].find("الأمريكية", 0)) for d in texts]  # one per article is enough to check
    hits: list[SearchHit] = [item.data(Qt.ItemDataRole.UserRole) for item in hit_items(window)]
    assert len(hits) == panel.result.total == 16
    assert panel.count.text() == "16 matches in 3 articles"
    assert {texts[h.article_id][h.start:h.end] for h in hits} == {"الأمريكية"}
    assert {(h.article_id, h.start) for h in hits} >= {(d, s) for d, s in expected if s >= 0}
    # Click the fifth hit (scrolled into view first, like a user would).
    item = hit_items(window)[4]
    panel.results.scrollToItem(item)
    rect = panel.results.visualItemRect(item)
    qtbot.mouseClick(panel.results.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    hit = item.data(Qt.ItemDataRole.UserRole)
    assert window.tabs.currentWidget() is window.page
    assert window.page.document_id == hit.article_id
    view = window.page.article_view
    assert view.selected_range() == (hit.start, hit.end)
    assert view.textCursor().selectedText() == "الأمريكية"
    assert view.viewport().rect().contains(view.cursorRect().center())  # scrolled into view


def test_arrow_keys_and_enter_open_a_hit_in_another_article(qtbot, window: MainWindow) -> None:
    search_for(qtbot, window, "اوباما")
    panel = window.search_panel
    first_article = window.page.document_id
    others = [i for i in hit_items(window) if i.data(Qt.ItemDataRole.UserRole).article_id != first_article]
    assert others, "the seeds mention Obama outside the first article"
    panel.results.setFocus()
    panel.results.setCurrentItem(others[0])
    qtbot.keyClick(panel.results, Qt.Key.Key_Down)
    current = panel.results.currentItem()
    assert current.data(Qt.ItemDataRole.UserRole) is not None  # headings are passed over
    qtbot.keyClick(panel.results, Qt.Key.Key_Return)
    hit = current.data(Qt.ItemDataRole.UserRole)
    assert window.page.document_id == hit.article_id
    assert window.page.article_view.selected_range() == (hit.start, hit.end)


def test_label_filter_lists_only_spans_of_that_label(qtbot, window: MainWindow, project: Project) -> None:
    document = project.documents()[1]
    start = document.text.index("أوباما")
    project.add_span(document.id, "sara", start, start + len("أوباما"), "actor")
    later = document.text.index("أوباما", start + 1)
    project.add_span(document.id, "sara", later - 4, later + len("أوباما"), "denial")
    search_for(qtbot, window, "اوباما")
    panel = window.search_panel
    assert panel.result.total > 2
    panel.label_filter.setCurrentIndex(panel.label_filter.findData("actor"))
    qtbot.waitUntil(lambda: panel.result is not None and panel.result.hits
                    and panel.result.hits[0].label == "actor", timeout=5000)
    [item] = hit_items(window)
    hit = item.data(Qt.ItemDataRole.UserRole)
    assert (hit.article_id, hit.start, hit.span_start, hit.annotator) == (document.id, start, start, "sara")
    assert panel.count.text() == "1 span contains it"
    panel.label_filter.setCurrentIndex(panel.label_filter.findData("mediator"))
    qtbot.waitUntil(lambda: panel.count.text() == "No spans contain it.", timeout=5000)
    assert hit_items(window) == []


def test_fts_syntax_is_plain_text_and_an_empty_box_clears(qtbot, window: MainWindow) -> None:
    search_for(qtbot, window, '"AND (*')
    panel = window.search_panel
    assert panel.count.text() == "No matches." and hit_items(window) == []
    search_for(qtbot, window, 'لـ"رويترز"')
    assert panel.count.text() == "1 match"
    panel.box.clear()
    qtbot.waitUntil(lambda: panel.result is None, timeout=5000)
    assert panel.results.count() == 0


def test_the_first_page_is_listed_before_every_match_is_counted(
        qtbot, window: MainWindow, monkeypatch) -> None:
    import threading

    import annotator.ui.search.panel as panel_module

    release = threading.Event()
    real_search = panel_module.search

    def slow_count(project, query, **options):
        if options.get("limit") == 0:  # the count over the whole corpus: held back until released
            release.wait(10)
        return real_search(project, query, **options)

    monkeypatch.setattr(panel_module, "search", slow_count)
    qtbot.keyClick(window, Qt.Key.Key_F,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    panel = window.search_panel
    type_text(panel.box, "الامريكيه")
    qtbot.waitUntil(lambda: len(hit_items(window)) == 16, timeout=5000)
    assert "counting" in panel.count.text() and not panel.result.counted
    release.set()
    qtbot.waitUntil(lambda: panel.count.text() == "16 matches in 3 articles", timeout=5000)
