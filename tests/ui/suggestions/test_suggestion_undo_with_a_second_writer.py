"""Undoing an acceptance of suggestions while another writer changed one of the accepted spans.

The undo takes back only spans exactly as it stored them: when a second window relabelled one of them,
the whole step does nothing (every span stays, the relabelled one too) and the window says why, on the
GUI thread (accept all in the article) and in the worker (accept all in the corpus).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from annotator.store import Project
from annotator.ui.shell.main_window import MainWindow
from annotator.ui.suggestions import commands as suggestion_commands
from annotator.ui.suggestions import offers as suggestion_offers
from tests.ui.annotation_driver import make_window, open_article, press
from tests.ui.suggestions.test_suggestion_acceptance import back_to, confirm_corpus
from tests.ui.suggestions.test_suggestions import CTRL, iran_places, tag_word


@pytest.fixture
def window(qtbot, project: Project, tmp_path: Path) -> MainWindow:
    window = make_window(qtbot, project, tmp_path / "settings.ini")
    open_article(window, 0)
    places = iran_places(window.page.article_view.text)
    tag_word(qtbot, window, *places[0])
    return window


def labels_stored(path: Path) -> list[tuple[str, int, int, str]]:
    """What a fresh connection reads: (article, start, end, label) of every span."""
    with Project.open(path) as fresh:
        return sorted((s.document_id, s.start, s.end, s.label) for s in fresh.spans())


def relabel_one_elsewhere(path: Path, span_id: int) -> None:
    with Project.open(path) as second_window:
        second_window.update_span(span_id, label="demand")


def refusal_shown(window: MainWindow) -> bool:
    box = window.findChild(QMessageBox, "notSavedMessage")
    return box is not None and "changed elsewhere" in box.text()


def test_undo_of_accept_all_in_the_article_leaves_a_span_relabelled_elsewhere(qtbot, window, project) -> None:
    press(qtbot, window, "Return", CTRL)
    accepted = window.page.undo_stack().command(window.page.undo_stack().index() - 1).spans
    relabel_one_elsewhere(project.path, accepted[-1].id)
    before = labels_stored(project.path)
    press(qtbot, window, "Z", CTRL)
    assert labels_stored(project.path) == before  # nothing taken back, the relabelled span kept
    assert ("demand" in {label for *_, label in before}) and refusal_shown(window)
    assert window.page.undo_stack().count() == 1  # only the first tag is left to undo


def test_undo_of_accept_all_in_the_corpus_in_the_worker_leaves_a_span_relabelled_elsewhere(
        qtbot, window, project, monkeypatch) -> None:
    monkeypatch.setattr(suggestion_offers, "WORKER_LIMIT", 3)
    monkeypatch.setattr(suggestion_commands, "WORKER_LIMIT", 3)
    confirm_corpus(window)
    back_to(qtbot, window)
    stack = window.page.undo_stack()
    qtbot.waitUntil(lambda: stack.count() == 2)
    accepted = stack.command(1).spans
    assert len(accepted) > 3
    relabel_one_elsewhere(project.path, accepted[len(accepted) // 2].id)
    before = labels_stored(project.path)
    press(qtbot, window, "Z", CTRL)
    qtbot.waitUntil(lambda: refusal_shown(window), timeout=5000)
    assert labels_stored(project.path) == before
