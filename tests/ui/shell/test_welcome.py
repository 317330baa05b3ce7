"""The first start says what to do, once: who you are, the label keys, the articles or Import."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QLabel

from annotator.store import Project
from annotator.ui.shell.main_window import MainWindow
from annotator.ui.shell.welcome import WELCOME_KEY, is_first_start, offer_first_start


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def window(qtbot, project: Project, settings: QSettings) -> MainWindow:
    main = MainWindow(project, settings=settings)
    qtbot.addWidget(main)
    main.show()
    return main


def texts(dialog) -> str:
    return "\n".join(label.text() for label in dialog.findChildren(QLabel))


def test_first_start_names_the_label_keys_and_the_articles_then_never_again(
        qtbot, window: MainWindow, settings: QSettings, tmp_path) -> None:
    dialog = offer_first_start(window)
    assert dialog is not None and dialog.isVisible()
    shown = texts(dialog)
    assert "<b>1</b> actor" in shown and "<b>4</b> denial" in shown
    assert "5 article" in shown and "Import articles" in shown
    dialog.name.setText("salma")
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    assert window.annotator == "salma"
    assert settings.value(WELCOME_KEY, type=bool) and settings.value("annotator/name") == "salma"
    assert offer_first_start(window) is None
    again = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)  # the next start
    assert not is_first_start(again)


def test_closing_the_welcome_with_escape_also_dismisses_it(qtbot, window: MainWindow, settings) -> None:
    dialog = offer_first_start(window)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert settings.value(WELCOME_KEY, type=bool)
    assert offer_first_start(window) is None


def test_import_from_the_welcome_opens_the_import_dialog(qtbot, window: MainWindow) -> None:
    dialog = offer_first_start(window)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert window.import_dialog is not None and window.import_dialog.isVisible()
    window.import_dialog.reject()


def test_someone_who_has_given_their_name_is_not_welcomed(settings: QSettings) -> None:
    assert is_first_start(settings)
    settings.setValue("annotator/name", "ali")
    assert not is_first_start(settings)


def test_typing_a_name_replaces_the_guessed_one(qtbot, window: MainWindow) -> None:
    dialog = offer_first_start(window)
    qtbot.waitUntil(lambda: dialog.name.hasFocus())
    qtbot.keyClicks(dialog.name, "salma")
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    assert window.annotator == "salma"
