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
        dashboard = window.agreement_tab.page  # its report is computed from the project: let it finish
        qtbot.waitUntil(lambda: dashboard.worker is None or dashboard.worker.done, timeout=20000)
    finally:
        install_language(qapp, "en")


def test_the_charts_fill_the_dashboard_when_not_split_by_metadata(qtbot, agreement_project: Project,
                                                                   tmp_path: Path) -> None:
    window = MainWindow(agreement_project,
                        settings=QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.show()
    window.tabs.setCurrentWidget(window.agreement_tab)
    dashboard = window.agreement_tab.page
    qtbot.waitUntil(lambda: dashboard.result is not None and dashboard.worker.done, timeout=20000)
    qtbot.wait(100)
    assert not dashboard.groups_chart.isVisible()
    charts = dashboard.bars_chart.parentWidget()
    bottom = dashboard.spread_chart.geometry().bottom()
    assert charts.height() - bottom < 20  # no empty band kept for the hidden metadata chart
