""""Accept agreed spans into gold" runs in a worker with its own connection: the window stays live with a
progress dialog meanwhile, and Cancel leaves gold exactly as it was."""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from annotator.store import Changes, Project
from annotator.store.gold import Gold
from annotator.ui.curation.page import CurationPage


def make_page(qtbot, project: Project, changes: list[Changes]) -> CurationPage:
    page = CurationPage(project, curator=lambda: "reviewer", on_changes=changes.append)
    page.adjudicate_scope = lambda: "all"  # the question itself: test_adjudication_scope
    qtbot.addWidget(page)
    page.resize(1000, 600)
    page.show()
    return page


def gold_rows(project: Project) -> tuple[int, int]:
    conn = sqlite3.connect(project.path)
    try:
        return tuple(conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("gold_spans",
                                                                                        "gold_statuses"))
    finally:
        conn.close()


def test_the_vote_runs_off_the_window_and_reports_when_done(qtbot, agreement_project: Project) -> None:
    changes: list[Changes] = []
    page = make_page(qtbot, agreement_project, changes)
    progress: list[tuple[int, int]] = []
    qtbot.mouseClick(page.adjudicate_button, Qt.MouseButton.LeftButton)
    handle = page.adjudication
    assert handle is not None and not page.adjudicate_button.isEnabled()
    handle.signals.progress.connect(lambda done, total, _message: progress.append((done, total)))
    qtbot.waitUntil(lambda: page.adjudication is None)
    articles = len(agreement_project.article_summaries())
    assert progress[-1] == (articles, articles)
    assert gold_rows(agreement_project)[0] > 0 and "accepted into gold" in page.summary.text()
    assert changes and changes[-1].gold and page.adjudicate_button.isEnabled()


def test_cancel_in_the_progress_dialog_changes_nothing(qtbot, agreement_project: Project) -> None:
    changes: list[Changes] = []
    page = make_page(qtbot, agreement_project, changes)
    before = gold_rows(agreement_project)
    other_writer = sqlite3.connect(agreement_project.path, isolation_level=None)
    other_writer.execute("BEGIN IMMEDIATE")  # the vote waits for the file meanwhile: time to press Cancel
    try:
        qtbot.mouseClick(page.adjudicate_button, Qt.MouseButton.LeftButton)
        dialog = page.adjudication.dialog
        qtbot.waitUntil(lambda: dialog.isVisible(), timeout=3000)  # the window is not blocked
        cancel = next(b for b in dialog.findChildren(QPushButton) if b.isVisible())
        qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    finally:
        other_writer.execute("ROLLBACK")
        other_writer.close()
    qtbot.waitUntil(lambda: page.adjudication is None, timeout=5000)
    assert gold_rows(agreement_project) == before == (0, 0)
    assert Gold(agreement_project).statuses() == {}
    assert changes == [] and page.adjudicate_button.isEnabled()
    assert page.summary.text() == "Cancelled: gold was not changed."
