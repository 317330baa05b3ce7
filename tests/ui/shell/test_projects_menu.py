"""File ▸ New project…, Open project…, Open Recent, Reload, Close and Quit, driven from the real menu."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QFileDialog, QMenu

from annotator.core.formats.plaintext import read_txt
from annotator.core.model import DEFAULT_LABELS, ArticleRecord
from annotator.store import Project
from annotator.ui.shell.app import WindowSession
from annotator.ui.shell.projects import MAX_RECENT, fill_recent_menu, recent_projects, remember_project


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def session(qtbot, tmp_path: Path, seeds_dir: Path, settings: QSettings):
    from annotator.operations.import_corpus import import_paths

    project = Project.open(tmp_path / "first.sqlite")
    import_paths(project, [seeds_dir])
    settings.setValue("annotator/name", "ali")
    settings.setValue("firstStart/dismissed", True)
    opened = WindowSession(QApplication.instance(), project, "Amiri", settings)
    opened.open_window()
    yield opened
    opened.window.close()
    opened.project.close()


def file_action(window, name: str):
    menu = window.findChild(QMenu, "menu_file")
    return next(a for a in menu.actions() if a.objectName() == f"action_{name}")


def test_new_project_creates_the_file_with_default_labels_and_titles_the_window(
        session, tmp_path, monkeypatch) -> None:
    target = tmp_path / "fresh" / "study.sqlite"
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    file_action(session.window, "new_project").trigger()
    assert target.is_file()
    assert session.project.path == target
    assert [label.name for label in session.project.labels()] == [name for name, _c, _k in DEFAULT_LABELS]
    assert "study.sqlite" in session.window.windowTitle()
    assert session.window.article_list.count() == 0
    assert recent_projects(session.settings)[0] == str(target.resolve())


def test_open_project_and_recent_list_with_a_missing_file_greyed(session, tmp_path, monkeypatch) -> None:
    other = tmp_path / "other.sqlite"
    with Project.open(other) as project:
        project.import_articles([read_txt(p) for p in sorted((Path(__file__).parents[3] / "seeds")
                                                             .glob("*.txt"))[:2]])
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(other), ""))
    file_action(session.window, "open_project").trigger()
    assert session.project.path == other
    assert session.window.article_list.count() == 2
    assert "other.sqlite" in session.window.windowTitle()

    gone = tmp_path / "gone.sqlite"
    remember_project(session.settings, gone)
    menu = session.window.recent_menu
    fill_recent_menu(menu, session.window)
    entries = {a.data(): a for a in menu.actions() if a.objectName() == "recent_project"}
    assert not entries[str(gone.resolve())].isEnabled()
    assert str(tmp_path) in entries[str(gone.resolve())].text()
    first = entries[str((tmp_path / "first.sqlite").resolve())]
    assert first.isEnabled()
    first.trigger()
    assert session.project.path.name == "first.sqlite"
    assert session.window.article_list.count() == 5


def test_recent_list_keeps_ten(settings, tmp_path) -> None:
    for n in range(MAX_RECENT + 3):
        remember_project(settings, tmp_path / f"p{n}.sqlite")
    paths = recent_projects(settings)
    assert len(paths) == MAX_RECENT and paths[0].endswith(f"p{MAX_RECENT + 2}.sqlite")


def test_reload_shows_an_article_imported_elsewhere(session) -> None:
    with Project.open(session.project.path) as elsewhere:  # as the command line would
        elsewhere.import_articles([ArticleRecord(id="cli-1", title="from the CLI", text="نص جديد")])
    assert session.window.article_list.count() == 5
    file_action(session.window, "reload").trigger()
    assert session.window.article_list.count() == 6


def test_quit_has_ctrl_q_and_close_ctrl_w(session) -> None:
    assert file_action(session.window, "quit").shortcut().toString() == "Ctrl+Q"
    assert file_action(session.window, "close_project").shortcut().toString() == "Ctrl+W"
    assert file_action(session.window, "reload").shortcut().toString() == "F5"
