"""With the Search dock open at the default 1280×820 the Annotate page's lower tabs (Relations, Span,
Article codes) keep room for their names, in English and in Arabic: no scroll arrows, no cut names."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from annotator.store import Project
from annotator.ui.shell.app import install_language
from tests.ui.annotation_driver import make_window, open_article


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_the_lower_tab_names_fit_with_the_search_dock_open(qtbot, qapp, project: Project, tmp_path: Path,
                                                           lang: str) -> None:
    install_language(qapp, lang)
    try:
        window = make_window(qtbot, project, tmp_path / "settings.ini")
        window.resize(1280, 820)
        open_article(window, 0)
        qtbot.keyClick(window, Qt.Key.Key_F,
                       Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
        dock = window.search_dock
        qtbot.waitUntil(lambda: dock.isVisible() and dock.width() >= dock.WIDTH - 10)
        tabs = window.page.coding_tabs.tabBar()
        qtbot.waitUntil(lambda: tabs.width() > 0)
        for index in range(tabs.count()):
            rect, name = tabs.tabRect(index), tabs.tabText(index)
            assert rect.left() >= 0 and rect.right() < tabs.width(), name
            assert rect.width() >= tabs.fontMetrics().horizontalAdvance(name), name
        assert window.page.article_view.width() > 250  # the text gave way, but is still there to read
    finally:
        install_language(qapp, "en")
