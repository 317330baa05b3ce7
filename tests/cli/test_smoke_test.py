"""`annotator --smoke-test`: what the packaged app's test runs, here through ``annotator.cli.main.main``.

It must start on a fresh default project in a temporary data folder (never the user's), save a picture
of the real window and return 0.
"""

from __future__ import annotations

import sqlite3
import tempfile
from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from annotator.cli.main import main
from annotator.ui.shell.app import install_language


def run_smoke_test(argv: list[str], capsys: pytest.CaptureFixture) -> Path:
    assert main(argv) == 0
    return Path(capsys.readouterr().out.strip().splitlines()[-1])


def distinct_colours(image: QImage) -> int:
    return len({image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)})


def test_smoke_test_renders_the_window_on_a_fresh_default_project(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
) -> None:
    users_data = tmp_path / "users-data"
    monkeypatch.setenv("XDG_DATA_HOME", str(users_data))  # restored afterwards; the smoke test moves it
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))  # its temporary folder, inside tmp_path

    picture = run_smoke_test(["--smoke-test"], capsys)

    assert picture.name == "main-window.png" and picture.is_file()
    image = QImage(str(picture))
    assert (image.width(), image.height()) == (1280, 820)
    assert distinct_colours(image) > 50  # text, label buttons, lists: not a blank or black frame
    project = picture.parent / "data" / "annotator" / "default-project.sqlite"
    with sqlite3.connect(project) as conn:
        assert conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0] == 5
    assert not users_data.exists()


def test_smoke_test_in_arabic(qapp: QApplication, monkeypatch: pytest.MonkeyPatch,
                              capsys: pytest.CaptureFixture, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))

    try:
        picture = run_smoke_test(["--smoke-test", "--lang", "ar"], capsys)
        assert QImage(str(picture)).width() == 1280
        assert qapp.isRightToLeft()
    finally:
        install_language(qapp, "en")
