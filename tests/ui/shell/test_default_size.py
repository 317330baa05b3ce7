"""At the default 1280 × 820 every tab fits: opening one never widens the window past the screen it was
sized for (the Agreement tab's row of choosers once pushed it to 1292 px), in English and in Arabic."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from annotator.store import Project
from annotator.ui.shell.app import install_language
from annotator.ui.shell.main_window import MainWindow


@pytest.mark.parametrize("language", ["en", "ar"])
def test_every_tab_fits_the_default_window(qtbot, qapp, agreement_project: Project, tmp_path: Path,
                                           language: str) -> None:
    install_language(qapp, language)
    try:
        window = MainWindow(agreement_project,
                            settings=QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        assert (window.width(), window.height()) == (1280, 820)
        for index in range(window.tabs.count()):
            window.tabs.setCurrentIndex(index)
            qtbot.wait(50)
            assert window.minimumSizeHint().width() <= 1280, window.tabs.tabText(index)
            assert (window.width(), window.height()) == (1280, 820), window.tabs.tabText(index)
    finally:
        install_language(qapp, "en")
