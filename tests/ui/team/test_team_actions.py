"""The File-menu team actions, triggered as a user would, with the standard dialogs answered for them."""

from __future__ import annotations

import json
import shutil
import time

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMainWindow, QMessageBox

from annotator.store import Changes, Project
from annotator.ui.team.actions import add_team_actions


class Dialogs:
    """Answers for the dialogs an action opens, and a record of the messages it shows."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.save: list[str] = []
        self.open: list[list[str]] = []
        self.text: list[str] = []
        self.integer: list[int] = []
        self.question = QMessageBox.StandardButton.No
        self.messages: list[tuple[str, str]] = []
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (self.save.pop(0), ""))
        monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (self.open.pop(0)[0], ""))
        monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: (self.open.pop(0), ""))
        monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: (self.text.pop(0), True))
        monkeypatch.setattr(QInputDialog, "getInt", lambda *a, **k: (self.integer.pop(0), True))
        monkeypatch.setattr(QMessageBox, "information",
                            lambda _p, _title, text: self.messages.append(("info", text)))
        monkeypatch.setattr(QMessageBox, "warning",
                            lambda _p, _title, text: self.messages.append(("warning", text)))

        def question(_parent, _title, text, *args):
            self.messages.append(("question", text))
            return self.question

        monkeypatch.setattr(QMessageBox, "question", question)


@pytest.fixture
def dialogs(monkeypatch) -> Dialogs:
    return Dialogs(monkeypatch)


def window_for(qtbot, project: Project, changes: list[Changes], annotator: str | None = None) -> QMainWindow:
    window = QMainWindow()
    qtbot.addWidget(window)
    menu = window.menuBar().addMenu("&File")
    add_team_actions(menu, window, lambda: project, lambda: annotator, changes.append)
    return window


def trigger(window: QMainWindow, name: str) -> None:
    action = window.findChild(QAction, name)
    assert action is not None and action.text().endswith("…")
    action.trigger()


def test_export_for_annotators_then_open_pack_elsewhere_shows_assigned_articles(qtbot, project, tmp_path,
                                                                                 dialogs):
    window = window_for(qtbot, project, [])
    pack = tmp_path / "batch.annotator"
    dialogs.text = ["salma, omar"]
    dialogs.integer = [1]
    dialogs.save = [str(pack)]
    trigger(window, "exportForAnnotatorsAction")
    assert dialogs.messages[-1][0] == "info" and "salma: 3 articles" in dialogs.messages[-1][1]
    ids = [a.id for a in project.article_summaries()]

    changes: list[Changes] = []
    with Project.open(tmp_path / "elsewhere.sqlite") as other:
        elsewhere = window_for(qtbot, other, changes)
        dialogs.open = [[str(pack)]]
        trigger(elsewhere, "openPackAction")
        assert other.assigned_article_ids("salma") == ids[0::2]
        assert other.assigned_article_ids("omar") == ids[1::2]
    assert changes and changes[-1].documents == set(ids)


def test_merge_conflict_asks_and_declining_changes_nothing(qtbot, project, tmp_path, dialogs):
    article = project.article_summaries()[0].id
    project.add_span(article, "salma", 0, 4, "actor")
    other = tmp_path / "other.sqlite"
    project.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.copy(project.path, other)
    time.sleep(0.002)
    with Project.open(other) as edited:
        edited.add_span(article, "salma", 6, 9, "demand")
    changes: list[Changes] = []
    window = window_for(qtbot, project, changes)
    before = [s.ref for s in project.spans()]
    dialogs.open = [[str(other)]]
    trigger(window, "mergeAction")
    kind, text = dialogs.messages[-1]
    assert kind == "question" and f"article {article}" in text and "'salma'" in text
    assert [s.ref for s in project.spans()] == before and not changes

    dialogs.question = QMessageBox.StandardButton.Yes
    dialogs.open = [[str(other)]]
    trigger(window, "mergeAction")
    assert len(project.spans(article, "salma")) == 2
    assert changes[-1].statuses == {(article, "salma")}
    assert "replaced by newer work" in dialogs.messages[-1][1]


def test_export_my_work_writes_the_current_annotators_jsonl(qtbot, project, tmp_path, dialogs):
    article = project.article_summaries()[1].id
    project.add_span(article, "salma", 0, 4, "actor")
    project.add_span(article, "omar", 2, 6, "demand")
    window = window_for(qtbot, project, [], annotator="salma")
    out = tmp_path / "mine.jsonl"
    dialogs.save = [str(out)]
    trigger(window, "exportMyWorkAction")
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [(x["annotator"], x["spans"][0]["start"]) for x in lines] == [("salma", 0)]


def test_errors_become_one_warning(qtbot, project, tmp_path, dialogs):
    window = window_for(qtbot, project, [])
    bad = tmp_path / "bad.annotator"
    bad.write_text("not a zip", encoding="utf-8")
    dialogs.open = [[str(bad)]]
    trigger(window, "openPackAction")
    assert dialogs.messages == [("warning", f"{bad}: is not an annotator pack, or is damaged (not a readable "
                                            "zip: File is not a zip file)")]


def test_main_window_file_menu_offers_the_team_actions(qtbot, project):
    from annotator.ui.shell.main_window import MainWindow

    window = MainWindow(project)
    qtbot.addWidget(window)
    (file_menu,) = [a.menu() for a in window.menuBar().actions() if a.text() == "&File"]
    team = ["exportForAnnotatorsAction", "exportMyWorkAction", "openPackAction", "mergeAction"]
    names = [a.objectName() for a in file_menu.actions() if a.objectName() in team]
    assert names == team  # the window may add its own entries around them
