"""The installed `annotator` command and `python -m annotator` run the same CLI, in a fresh process."""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

BIN = Path(sys.executable).parent


def run(argv: list[str], tmp_path: Path) -> subprocess.CompletedProcess[str]:
    # A private data folder, so nothing here can touch the user's default project.
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "data"), "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(argv, capture_output=True, text=True, encoding="utf-8", env=env, timeout=120)


def test_installed_command_imports_and_lists(tmp_path: Path, seeds_dir: Path) -> None:
    command = BIN / "annotator"
    assert command.is_file(), "the `annotator` entry point is not installed in this environment"
    db = tmp_path / "p.sqlite"
    imported = run([str(command), "--db", str(db), "import", str(seeds_dir)], tmp_path)
    assert imported.returncode == 0, imported.stderr
    assert imported.stdout.startswith("5 article(s) added")
    listed = run([str(command), "--db", str(db), "list", "--json"], tmp_path)
    assert listed.returncode == 0 and len(json.loads(listed.stdout)) == 5


def test_python_dash_m_shows_help(tmp_path: Path) -> None:
    result = run([sys.executable, "-m", "annotator", "--help"], tmp_path)
    assert result.returncode == 0
    assert result.stdout.startswith("usage: annotator")
    for command in ("import", "list", "export"):
        assert command in result.stdout


@pytest.mark.parametrize(
    ("argv", "code"), [(["import"], 2), (["--db", "{tmp}/p.sqlite", "import", "{tmp}/no"], 1)]
)
def test_exit_codes_reach_the_shell(tmp_path: Path, argv: list[str], code: int) -> None:
    args = [a.format(tmp=tmp_path) for a in argv]
    result = run([sys.executable, "-m", "annotator", *args], tmp_path)
    assert result.returncode == code
    assert "Traceback" not in result.stderr and result.stderr.strip()


def test_no_command_starts_the_gui_on_a_seeded_default_project(tmp_path: Path) -> None:
    """What `make run` does: the process keeps running (the event loop) on the default project."""
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "data"), "QT_QPA_PLATFORM": "offscreen"}
    process = subprocess.Popen([str(BIN / "annotator")], env=env, stderr=subprocess.PIPE, text=True)
    project = tmp_path / "data" / "annotator" / "default-project.sqlite"
    try:
        deadline = time.monotonic() + 60
        count = 0
        while time.monotonic() < deadline and process.poll() is None and count < 5:
            time.sleep(0.2)
            if project.exists():
                with contextlib.suppress(sqlite3.Error), contextlib.closing(sqlite3.connect(project)) as conn:
                    count = conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
        assert count == 5
        time.sleep(1.0)
        assert process.poll() is None, process.stderr.read() if process.stderr else ""
    finally:
        process.terminate()
        process.wait(timeout=30)
