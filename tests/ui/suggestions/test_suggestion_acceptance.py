"""Accepting suggestions, driven through the real window: all in the corpus is stored by a worker behind a
progress dialog and is still one undo (named with its article count); undoing any acceptance offers its
places again; the accepted spans show in the other articles; Esc dismisses only from the annotation page.
Places are checked against the regex reference of ``tests/ui/test_suggestions.py``."""

from __future__ import annotations

import operator
from functools import reduce
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox, QProgressDialog

from annotator.store import Changes, Project
from annotator.ui.annotate.commands import span_changes, spans_changes
from annotator.ui.shell.main_window import MainWindow
from annotator.ui.shell.workers import Cancelled
from annotator.ui.suggestions import commands as suggestion_commands
from annotator.ui.suggestions import offers as suggestion_offers
from annotator.ui.suggestions.commands import store_in_chunks
from tests.ui.annotation_driver import make_window, open_article, press
from tests.ui.suggestions.test_suggestions import CTRL, iran_places, stored, tag_word

SHIFT = Qt.KeyboardModifier.ShiftModifier


def times(n: int) -> str:
    """How the suggestions bar counts repetitions in English: "1 time", "5 times"."""
    return f"{n} time" + ("s" if n != 1 else "")


@pytest.fixture
def window(qtbot, project: Project, tmp_path: Path) -> MainWindow:
    return make_window(qtbot, project, tmp_path / "settings.ini")


@pytest.fixture
def tagged_iran(qtbot, window, project):
    open_article(window, 0)
    document = project.document(window.page.document_id)
    places = iran_places(document.text)
    tag_word(qtbot, window, *places[0])
    return document, places[0], places[1:]


@pytest.fixture
def small_worker_limit(monkeypatch) -> None:
    """The seeds hold ~60 places: make them a "big" batch, so the worker path runs on them."""
    monkeypatch.setattr(suggestion_offers, "WORKER_LIMIT", 3)
    monkeypatch.setattr(suggestion_commands, "WORKER_LIMIT", 3)


def back_to(qtbot, window: MainWindow) -> None:
    """The progress dialog has closed and the window is the active one again (keys reach it)."""
    qtbot.waitUntil(lambda: window.findChild(QProgressDialog, "workerProgressDialog") is None)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def everywhere(project: Project) -> set[tuple[str, int, int, str]]:
    return {(d.id, a, b, "actor") for d in project.documents() for a, b in iran_places(d.text)}


def confirm_corpus(window: MainWindow) -> None:
    press_corpus = window.page.suggestions_bar.buttons["accept_corpus_suggestions"]
    press_corpus.click()
    box = window.findChild(QMessageBox, "confirmCorpusSuggestions")
    box.button(QMessageBox.StandardButton.Yes).click()


def test_accepting_all_in_the_corpus_stores_in_a_worker_with_progress_and_one_undo_takes_it_back(
        qtbot, window, project, tagged_iran, small_worker_limit) -> None:
    document, tagged, others = tagged_iran
    expected = everywhere(project)
    articles = len({doc for doc, *_ in expected})
    confirm_corpus(window)
    # the answer returns at once: the worker has not written yet, its progress dialog is up
    assert stored(project) == {(document.id, *tagged, "actor")}
    dialog = window.findChild(QProgressDialog, "workerProgressDialog")
    assert dialog is not None and dialog.isVisible() and dialog.isModal()
    assert dialog.labelText() == f"Tagging {len(expected) - 1} places in {articles} articles…"
    qtbot.waitUntil(lambda: window.page.undo_stack().count() == 2, timeout=5000)
    assert stored(project) == expected
    back_to(qtbot, window)
    stack = window.page.undo_stack()
    assert stack.undoText() == f"tag {len(expected) - 1} suggestions in {articles} articles as actor"
    assert not window.page.suggestions_bar.offering
    press(qtbot, window, "Z", CTRL)  # a big batch: undone by a worker too
    qtbot.waitUntil(lambda: stored(project) == {(document.id, *tagged, "actor")}, timeout=5000)
    # the places are suggestible again: the same offer is back with all of them
    page = window.page
    qtbot.waitUntil(lambda: page.suggestions_bar.offering)
    assert [(s.start, s.end) for s in page.article_view.suggestions] == others
    assert times(len(expected) - 1 - len(others)) in page.suggestions_bar.message.text()
    back_to(qtbot, window)
    press(qtbot, window, "Z", CTRL | SHIFT)  # redo, in a worker: tagged again, no longer offered
    qtbot.waitUntil(lambda: stored(project) == expected, timeout=5000)
    qtbot.waitUntil(lambda: not page.suggestions_bar.offering)
    assert page.article_view.suggestions == []


def test_cancelling_the_corpus_worker_stores_nothing(project, tmp_path) -> None:
    document = project.documents()[0]
    places = iran_places(document.text)
    wanted = [(document.id, a, b, "actor") for a, b in places]
    before = file_bytes(project.path)

    class CancelAfterFirstChunk:
        checks = 0

        def check(self) -> None:
            self.checks += 1
            if self.checks > 1:
                raise Cancelled

        def report(self, done: int, total: int) -> None:
            pass

    with pytest.raises(Cancelled):
        store_in_chunks(project, "sara", wanted, CancelAfterFirstChunk(), chunk=2)
    assert project.spans() == []
    assert file_bytes(project.path) == before


def file_bytes(path: Path) -> bytes:
    """The project file and its write-ahead log: a rolled-back transaction leaves both as they were."""
    wal = path.with_name(path.name + "-wal")
    return path.read_bytes() + (wal.read_bytes() if wal.exists() else b"")


def test_the_spans_accepted_in_the_corpus_show_in_another_article_and_go_with_the_undo(
        qtbot, window, project, tagged_iran) -> None:
    document, tagged, _others = tagged_iran
    confirm_corpus(window)
    qtbot.waitUntil(lambda: window.page.undo_stack().count() == 2, timeout=5000)
    assert stored(project) == everywhere(project)
    ids = window.article_list.ids()
    other_row = next(row for row in range(1, len(ids)) if iran_places(project.document(ids[row]).text))
    open_article(window, other_row)
    page = window.page
    places = iran_places(page.article_view.text)
    assert sorted((p.span.start, p.span.end) for p in page.article_view.painted) == places
    assert page.span_list.span_model.rowCount() == len(places)
    open_article(window, 0)
    press(qtbot, window, "Z", CTRL)
    assert stored(project) == {(document.id, *tagged, "actor")}
    open_article(window, other_row)
    assert page.article_view.painted == []


def test_undoing_accept_all_in_the_article_offers_the_places_again(qtbot, window, project,
                                                                   tagged_iran) -> None:
    document, tagged, others = tagged_iran
    page = window.page
    press(qtbot, window, "Return", CTRL)
    assert page.article_view.suggestions == []
    assert window.page.undo_stack().undoText() == f"tag {len(others)} suggestions as actor"
    press(qtbot, window, "Z", CTRL)
    assert stored(project) == {(document.id, *tagged, "actor")}
    assert [(s.start, s.end) for s in page.article_view.suggestions] == others
    assert page.suggestions_bar.offering and times(len(others)) in page.suggestions_bar.message.text()
    press(qtbot, window, "Z", CTRL | SHIFT)
    assert page.article_view.suggestions == []


def test_undoing_accept_next_offers_that_place_again_even_after_a_dismiss(qtbot, window, project,
                                                                         tagged_iran) -> None:
    document, tagged, others = tagged_iran
    page = window.page
    press(qtbot, window, "Return", Qt.KeyboardModifier.AltModifier)
    assert [(s.start, s.end) for s in page.article_view.suggestions] == others[1:]
    press(qtbot, window, "Escape")
    assert page.offer is None
    press(qtbot, window, "Z", CTRL)
    assert stored(project) == {(document.id, *tagged, "actor")}
    assert [(s.start, s.end) for s in page.article_view.suggestions] == others


def test_undoing_the_tag_after_the_acceptance_brings_no_offer_back(qtbot, window, project,
                                                                   tagged_iran) -> None:
    press(qtbot, window, "Return", CTRL)
    press(qtbot, window, "Z", CTRL)  # the acceptance: offered again
    press(qtbot, window, "Z", CTRL)  # the tag itself: nothing to offer
    assert project.spans() == []
    assert window.page.offer is None and window.page.article_view.suggestions == []


def test_esc_in_the_search_box_or_a_dialog_leaves_the_offer_and_in_the_text_dismisses_it(
        qtbot, window, project, tagged_iran) -> None:
    page = window.page
    window.open_search()
    box = window.findChild(QLineEdit, "searchBox")
    box.setFocus()
    qtbot.waitUntil(box.hasFocus)
    box.setText("طهران")
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    assert page.offer is not None and page.suggestions_bar.offering
    page.suggestions_bar.buttons["accept_corpus_suggestions"].click()
    dialog = window.findChild(QMessageBox, "confirmCorpusSuggestions")
    qtbot.waitExposed(dialog)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # the dialog's own Esc: Cancel
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert page.offer is not None and page.suggestions_bar.offering
    assert len(project.spans()) == 1
    press(qtbot, window, "Escape")  # in the article text: dismissed
    assert page.offer is None and not page.suggestions_bar.offering


def test_the_changes_of_many_spans_are_the_union_of_each_spans_changes(project) -> None:
    documents = project.documents()
    wanted = [(d.id, a, b, "actor") for d in documents for a, b in iran_places(d.text)]
    spans = [*project.add_spans("sara", wanted), project.add_span(documents[0].id, "omar", 0, 4, "denial")]
    assert spans_changes(spans) == reduce(operator.or_, map(span_changes, spans), Changes())
    assert spans_changes([]) == Changes()
