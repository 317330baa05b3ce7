"""Undo in the window while another writer works on the same project (a second window, the CLI).

The annotator tags, undoes, and meanwhile another annotator's span arrives; redo and undo must
never delete or rewrite that span, and the window says in one sentence why a step did nothing.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from annotator.store import Project
from annotator.ui.shell.main_window import MainWindow
from tests.ui.annotation_driver import make_window, open_article, press

CTRL = Qt.KeyboardModifier.ControlModifier
PHRASE = "الوسطاء الغربيين يحاولون"


@pytest.fixture
def window(qtbot, project: Project, tmp_path: Path) -> MainWindow:
    window = make_window(qtbot, project, tmp_path / "settings.ini")
    open_article(window, 0)
    return window


def tag(qtbot, window: MainWindow, words: str, key: str) -> None:
    view = window.page.article_view
    start = view.text.index(words)
    view.select_range(start, start + len(words))
    press(qtbot, window, key)


def stored(path: Path) -> set[tuple[str, int, int, str]]:
    """What a fresh connection reads: (annotator, start, end, label) of every span."""
    with Project.open(path) as fresh:
        return {(s.annotator, s.start, s.end, s.label) for s in fresh.spans()}


def test_redo_after_the_command_line_imported_a_span_keeps_both(qtbot, window, project, tmp_path) -> None:
    tag(qtbot, window, PHRASE, "1")
    [mine] = project.spans()
    press(qtbot, window, "Z", CTRL)
    assert project.spans() == []
    work = tmp_path / "omar.jsonl"  # omar's work on the same words arrives from the command line
    work.write_text(json.dumps({"text": project.document(mine.document_id).text, "annotator": "omar",
                                "spans": [{"start": mine.start, "end": mine.end, "label": "actor"}]},
                               ensure_ascii=False) + "\n", encoding="utf-8")
    subprocess.run([sys.executable, "-m", "annotator", "--db", str(project.path), "import", str(work)],
                   check=True, capture_output=True)
    press(qtbot, window, "Z", CTRL | Qt.KeyboardModifier.ShiftModifier)
    both = {("sara", mine.start, mine.end, "actor"), ("omar", mine.start, mine.end, "actor")}
    assert stored(project.path) == both
    press(qtbot, window, "Z", CTRL)
    assert stored(project.path) == {("omar", mine.start, mine.end, "actor")}


def test_undo_of_a_span_relabelled_in_a_second_window_leaves_it_and_says_so(qtbot, window, project) -> None:
    tag(qtbot, window, PHRASE, "1")
    [mine] = project.spans()
    with Project.open(project.path) as second_window:  # the same annotator, in another window
        second_window.update_span(mine.id, label="demand")
    press(qtbot, window, "Z", CTRL)
    assert stored(project.path) == {("sara", mine.start, mine.end, "demand")}
    box = window.findChild(QMessageBox, "notSavedMessage")
    assert box is not None and "changed elsewhere" in box.text()
    assert not window.page.undo_stack().canUndo()  # the step retired itself
