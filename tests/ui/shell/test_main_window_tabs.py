"""The reviewer tabs (Agreement, Curate) sit beside Annotate and are built only when first opened."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QSettings

from annotator.store import Project
from annotator.ui.shell.main_window import MainWindow


def test_reviewer_tabs_are_built_when_first_opened(qtbot, agreement_project: Project, tmp_path: Path) -> None:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(agreement_project, settings=settings)
    qtbot.addWidget(window)
    window.show()
    titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert titles[:3] == ["Annotate", "Agreement", "Curate"] and "Consistency" in titles
    assert not window.agreement_tab.built and not window.curation_tab.built
    assert not window.consistency_tab.built

    window.tabs.setCurrentWidget(window.curation_tab)
    assert window.curation_tab.built
    page = window.curation_tab.page
    assert page.view is not None
    assert page.view.article_id == agreement_project.article_summaries()[0].id

    window.tabs.setCurrentWidget(window.agreement_tab)
    assert window.agreement_tab.built
    assert window.agreement_tab.page.objectName() == "agreementDashboard"


def test_gold_accepted_in_the_curate_tab_reaches_its_article_list(
        qtbot, agreement_project: Project, tmp_path: Path) -> None:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(agreement_project, settings=settings)
    qtbot.addWidget(window)
    window.show()
    window.tabs.setCurrentWidget(window.curation_tab)
    page = window.curation_tab.page
    page.adjudicate_scope = lambda: "all"
    page.adjudicate()
    qtbot.waitUntil(lambda: page.adjudication is None)  # the vote runs in a worker
    # every article was decided by vote or still waits: each now shows a gold status in the chooser
    assert all(" — " in page.article_choice.itemText(i) for i in range(page.article_choice.count()))
    assert page.view is not None and page.view.gold_list.count() > 0


def test_starting_the_window_does_not_import_the_chart_libraries() -> None:
    """pyqtgraph is imported by the dashboard only: the annotation window starts without it (checked in a
    fresh interpreter, since other tests in this process load it)."""
    code = ("import sys; from annotator.ui.shell.main_window import MainWindow; "
            "print('pyqtgraph' in sys.modules, 'scipy' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]
