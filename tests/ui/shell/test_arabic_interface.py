"""The Arabic interface: every menu, menu entry, button and tab is translated, and the layout is RTL.

The English window is walked first and the Arabic one the same way, so each Arabic text is compared
with the English text in the same place. Label names (project data, e.g. "actor") are not interface
text and stay as the project spells them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractButton, QApplication, QDockWidget, QMenu, QTabWidget

from annotator.store import Project
from annotator.ui.shell.app import LANGUAGE_KEY, WindowSession, install_language
from annotator.ui.shell.main_window import MainWindow

ARABIC_LETTER = re.compile(r"[\u0621-\u064A]")


@pytest.fixture
def english_afterwards(qapp: QApplication) -> Iterator[QApplication]:
    """Whatever a test switches to, the next test starts in English, left to right."""
    yield qapp
    install_language(qapp, "en")


def menu_texts(menu: QMenu, path: str) -> Iterator[tuple[str, str]]:
    for n, action in enumerate(menu.actions()):
        if action.isSeparator() and not action.text():
            continue
        yield f"{path} > {n}", action.text()
        if action.menu() is not None:
            yield from menu_texts(action.menu(), f"{path} > {n}")



def interface_texts(window: MainWindow) -> dict[str, str]:
    """Where → text for every menu title, menu entry, button, tab and dock title of ``window``."""
    texts: dict[str, str] = {}
    for n, action in enumerate(window.menuBar().actions()):
        texts[f"menu {n}"] = action.text()
        texts.update(menu_texts(action.menu(), f"menu {n}"))
    for button in window.findChildren(QAbstractButton):
        if button.text() and not button.objectName().startswith("labelButton_"):
            texts[f"button {button.objectName()}"] = button.text()
    for tabs in window.findChildren(QTabWidget):
        for i in range(tabs.count()):
            texts[f"tab {tabs.objectName()} {i}"] = tabs.tabText(i)
    for dock in window.findChildren(QDockWidget):
        texts[f"dock {dock.objectName()}"] = dock.windowTitle()
    return texts


def build_reviewer_tabs(window: MainWindow) -> None:
    """The agreement and curation tabs are built on first view; build them so their texts are walked."""
    for tab in (window.agreement_tab, window.curation_tab):
        assert tab.page is not None


def test_arabic_translates_every_menu_button_and_tab_and_lays_out_right_to_left(
    qtbot, project: Project, tmp_path: Path, english_afterwards: QApplication
) -> None:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    english_window = MainWindow(project, settings=settings)
    qtbot.addWidget(english_window)
    build_reviewer_tabs(english_window)
    english = interface_texts(english_window)
    assert english_window.layoutDirection() == Qt.LayoutDirection.LeftToRight

    install_language(english_afterwards, "ar")
    window = MainWindow(project, settings=settings)
    qtbot.addWidget(window)
    window.show()
    build_reviewer_tabs(window)
    arabic = interface_texts(window)

    assert arabic.keys() == english.keys()
    assert len(english) > 40  # menus, entries, buttons, tabs: the walk found the whole interface
    labels = {label.name for label in project.labels()}
    untranslated = {where: text for where, text in arabic.items()
                    if text == english[where] or not ARABIC_LETTER.search(text.replace("&", ""))}
    # "Tag as actor" → "وسم بـ actor": the label name stays, the rest is Arabic
    assert untranslated == {}, f"untranslated: {untranslated}"
    assert labels and not any(text in labels for text in arabic.values())

    assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert window.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert window.menuBar().isRightToLeft()
    assert arabic["menu 0"] == "&ملف" and arabic["tab mainTabs 0"] == "الوسم"


def test_view_language_menu_rebuilds_the_window_in_arabic_and_remembers_it(
    qtbot, project: Project, tmp_path: Path, english_afterwards: QApplication
) -> None:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    session = WindowSession(english_afterwards, project, "Amiri", settings)
    first = session.open_window()
    qtbot.addWidget(first)
    assert first.menuBar().actions()[0].text() == "&File"

    first.findChild(QAction, "language_ar").trigger()

    second = session.window
    qtbot.addWidget(second)
    assert second is not first and second.isVisible()
    assert settings.value(LANGUAGE_KEY) == "ar"
    assert second.menuBar().actions()[0].text() == "&ملف"
    assert second.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert second.findChild(QAction, "language_ar").isChecked()

    second.findChild(QAction, "language_en").trigger()
    assert session.window.menuBar().actions()[0].text() == "&File"
    assert session.window.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert settings.value(LANGUAGE_KEY) == "en"


def test_saved_language_is_used_at_the_next_start_unless_lang_is_given(tmp_path: Path) -> None:
    from annotator.ui.shell.app import chosen_language

    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    assert chosen_language(settings, None) == "en"
    settings.setValue(LANGUAGE_KEY, "ar")
    assert chosen_language(settings, None) == "ar"
    assert chosen_language(settings, "en") == "en"  # --lang en for one run
    settings.setValue(LANGUAGE_KEY, "xx")  # a damaged or foreign settings file
    assert chosen_language(settings, None) == "en"


def caret_x(text: str, position: int) -> float:
    """Where the caret between ``text[position - 1]`` and ``text[position]`` is drawn when ``text`` is
    laid out as one right-to-left line (a position inside a run: at a run's edge the caret is ambiguous)."""
    from PySide6.QtGui import QFont, QTextLayout, QTextOption

    layout = QTextLayout(text, QFont())
    option = QTextOption()
    option.setTextDirection(Qt.LayoutDirection.RightToLeft)
    layout.setTextOption(option)
    layout.beginLayout()
    line = layout.createLine()
    line.setLineWidth(1000)
    layout.endLayout()
    return line.cursorToX(position)[0]


def test_arabic_menus_write_ctrl_plus_and_ctrl_minus_left_to_right(
    qtbot, project: Project, tmp_path: Path, english_afterwards: QApplication
) -> None:
    """View ▸ Larger text read "++Ctrl" and Smaller text "-+Ctrl" in the Arabic menu."""
    install_language(english_afterwards, "ar")
    window = MainWindow(project, settings=QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    for name in ("zoom_in", "zoom_out"):
        action = window.findChild(QAction, f"action_{name}")
        # what QMenu draws as the shortcut: the text after a tab, else Qt's own text of the shortcut
        text = action.text()
        shown = text.split("\t", 1)[1] if "\t" in text else action.shortcut().toString()
        ctrl, last = shown.index("Ctrl"), len(shown.rstrip("\u202c")) - 1
        # inside "Ctrl" (after "Ct") left of the caret before the final "+" or "-"
        assert caret_x(shown, ctrl + 2) < caret_x(shown, last), f"{name}: {shown!r}"
        action.trigger()  # the shortcut still works: the text changes size
