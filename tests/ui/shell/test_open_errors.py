"""The GUI shows a bad project file in a dialog with the store's sentence, and leaves the file alone."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core.model import ArticleRecord
from annotator.store import Project
from annotator.ui.shell import app as app_module


@pytest.fixture
def captured_dialogs(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    shown: list[tuple[str, str]] = []

    def critical(parent, title: str, text: str, *args, **kwargs):
        shown.append((title, text))

    monkeypatch.setattr(app_module.QMessageBox, "critical", staticmethod(critical))
    return shown


def test_damaged_project_shows_error_dialog_and_file_is_unchanged(qtbot, tmp_path: Path,
                                                                  captured_dialogs) -> None:
    path = tmp_path / "damaged.sqlite"
    with Project.open(path) as project:
        project.import_articles([ArticleRecord(text="نص عربي للاختبار " * 400, title="خبر")])
    data = bytearray(path.read_bytes())
    data[4096:12288] = b"\x5a" * 8192
    path.write_bytes(bytes(data))

    assert app_module.run_gui(path) == 1
    assert len(captured_dialogs) == 1
    title, text = captured_dialogs[0]
    assert title == "Cannot open project"
    assert str(path) in text and "damaged" in text and "backup" in text
    assert path.read_bytes() == bytes(data)


def test_not_a_project_shows_error_dialog(qtbot, tmp_path: Path, captured_dialogs) -> None:
    path = tmp_path / "notes.sqlite"
    path.write_text("my notes\n" * 50, encoding="utf-8")
    assert app_module.run_gui(path) == 1
    assert captured_dialogs and "is not an annotator project" in captured_dialogs[0][1]
    assert path.read_text(encoding="utf-8") == "my notes\n" * 50


def test_newer_project_shows_error_dialog_naming_the_versions(qtbot, tmp_path: Path,
                                                               captured_dialogs) -> None:
    import sqlite3

    path = tmp_path / "newer.sqlite"
    Project.open(path).close()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 999")
    conn.commit()
    conn.close()
    data = path.read_bytes()
    assert app_module.run_gui(path) == 1
    assert "newer version of annotator (schema 999" in captured_dialogs[0][1]
    assert path.read_bytes() == data
