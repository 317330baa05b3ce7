"""The window takes in what another program wrote: a second window (another connection on the same file)
or the command line (`annotator import`, `merge` in a subprocess), within about a second.

New articles join the list with the current article still open; a span added elsewhere appears in the
text and the span list without disturbing the selection being made; undo after a merge never removes
the merged work and says why it did nothing; the Agreement tab says its figures are out of date; the
window's own edits (and its own workers' writes) are not taken for another program's.
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
from annotator.ui.suggestions import commands as suggestion_commands
from annotator.ui.suggestions import offers as suggestion_offers
from tests.ui.annotation_driver import make_window, open_article, press
from tests.ui.suggestions.test_suggestion_acceptance import back_to, confirm_corpus
from tests.ui.suggestions.test_suggestions import iran_places, tag_word

CTRL = Qt.KeyboardModifier.ControlModifier
ROLE = Qt.ItemDataRole.UserRole
PHRASE = "الوسطاء الغربيين يحاولون"
SOON = 3000  # ms: "within about a second", with room for a loaded machine
UPDATED = "Updated: another program changed the project"


@pytest.fixture
def window(qtbot, project: Project, tmp_path: Path) -> MainWindow:
    window = make_window(qtbot, project, tmp_path / "settings.ini")
    open_article(window, 0)
    return window


def cli(project: Project, *args: str) -> None:
    """``annotator --db PROJECT ARGS…`` in another process, as a user at a terminal runs it."""
    subprocess.run([sys.executable, "-m", "annotator", "--db", str(project.path), *args],
                   check=True, capture_output=True)


def listed(window: MainWindow) -> list[str]:
    return window.article_list.ids()


def tag(qtbot, window: MainWindow, words: str, key: str = "1") -> None:
    view = window.page.article_view
    start = view.text.index(words)
    view.select_range(start, start + len(words))
    press(qtbot, window, key)


def test_an_article_imported_from_the_command_line_joins_the_list_with_the_open_article_kept(
        qtbot, window, project, tmp_path) -> None:
    open_article(window, 1)
    opened = window.page.document_id
    before = listed(window)
    article = tmp_path / "new.txt"
    article.write_text("خبر جديد\n\nوصل الوفد 𝐀 إلى القاهرة صباح اليوم.", encoding="utf-8")
    cli(project, "import", str(article))
    qtbot.waitUntil(lambda: len(listed(window)) == len(before) + 1, timeout=SOON)
    assert listed(window)[:len(before)] == before
    new_row = len(before)
    assert window.article_list.entry_text(new_row).startswith("خبر جديد")
    assert window.page.document_id == opened and window.article_list.currentRow() == 1
    assert window.statusBar().currentMessage() == UPDATED
    window.article_list.setCurrentRow(new_row)
    assert "𝐀" in window.page.article_view.text


def test_a_span_added_in_a_second_window_appears_and_the_selection_being_made_stays(
        qtbot, window, project) -> None:
    view = window.page.article_view
    start = view.text.index(PHRASE)
    view.select_range(start, start + 7)  # the annotator is selecting words
    with Project.open(project.path) as second_window:  # the same annotator, in another window
        second_window.add_span(window.page.document_id, "sara", start, start + len(PHRASE), "demand")
    model = window.page.span_list.span_model
    qtbot.waitUntil(lambda: model.rowCount() == 1, timeout=SOON)
    assert (model.spans[0].start, model.spans[0].end, model.spans[0].label) == (
        start, start + len(PHRASE), "demand")
    assert [(p.span.start, p.span.label) for p in view.painted] == [(start, "demand")]
    assert view.selected_range() == (start, start + 7)
    assert "1 span" in window.article_list.entry_text(window.article_list.currentRow())


def test_undo_after_a_command_line_merge_leaves_the_merged_span_and_says_so(
        qtbot, window, project, tmp_path) -> None:
    tag(qtbot, window, PHRASE)
    [mine] = project.spans()
    # sara's own work from another copy, edited later there: the merge keeps the newer one
    cli(project, "export", "--format", "jsonl", "--annotator", "sara", "--out", str(tmp_path / "sara.jsonl"))
    lines = [json.loads(line) for line in (tmp_path / "sara.jsonl").read_text(encoding="utf-8").splitlines()]
    [record] = [r for r in lines if r["spans"]]
    record["spans"][0]["label"] = "demand"
    record["updated_at"] = "2099-01-01T00:00:00.000000+00:00"
    copy = tmp_path / "sara-laptop.jsonl"
    copy.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    cli(project, "merge", "--prefer", "newer", str(copy))
    qtbot.waitUntil(lambda: [p.span.label for p in window.page.article_view.painted] == ["demand"],
                    timeout=SOON)
    press(qtbot, window, "Z", CTRL)
    with Project.open(project.path) as fresh:
        assert [(s.annotator, s.start, s.end, s.label) for s in fresh.spans()] == [
            ("sara", mine.start, mine.end, "demand")]
    box = window.findChild(QMessageBox, "notSavedMessage")
    assert box is not None and "changed elsewhere" in box.text()


def test_the_windows_own_edits_are_not_taken_for_another_programs(qtbot, window, project) -> None:
    tag(qtbot, window, PHRASE)
    press(qtbot, window, "Z", CTRL)
    press(qtbot, window, "Z", CTRL | Qt.KeyboardModifier.ShiftModifier)
    qtbot.wait(1200)  # two ticks and more
    assert window.refreshes_from_elsewhere == 0
    with Project.open(project.path) as second_window:
        second_window.add_span(window.page.document_id, "omar", 0, 3, "actor")
    qtbot.waitUntil(lambda: window.refreshes_from_elsewhere == 1, timeout=SOON)
    qtbot.wait(1200)
    assert window.refreshes_from_elsewhere == 1  # once per change, not once per tick


def test_the_windows_own_worker_writing_over_the_corpus_is_not_taken_for_another_program(
        qtbot, window, project, monkeypatch) -> None:
    monkeypatch.setattr(suggestion_offers, "WORKER_LIMIT", 3)
    monkeypatch.setattr(suggestion_commands, "WORKER_LIMIT", 3)
    tag_word(qtbot, window, *iran_places(window.page.article_view.text)[0])
    confirm_corpus(window)  # stored by a worker through its own connection
    back_to(qtbot, window)
    qtbot.waitUntil(lambda: window.page.undo_stack().count() == 2)
    assert not window.change_watcher.check()
    qtbot.wait(1200)
    assert window.refreshes_from_elsewhere == 0


def test_the_agreement_tab_says_its_figures_are_out_of_date_after_a_change_elsewhere(
        qtbot, window, project) -> None:
    window.tabs.setCurrentWidget(window.agreement_tab)
    dashboard = window.agreement_tab.page
    qtbot.waitUntil(lambda: dashboard.worker is not None and dashboard.worker.done, timeout=10000)
    note = dashboard.findChild(type(dashboard.status), "changedElsewhereNote")
    assert not note.isVisible()
    with Project.open(project.path) as second_window:
        second_window.add_span(window.page.document_id, "omar", 0, 3, "actor")
    qtbot.waitUntil(note.isVisible, timeout=SOON)
    assert "Changed elsewhere" in note.text()
    dashboard.recompute_button.click()
    assert not note.isVisible()
    qtbot.waitUntil(lambda: dashboard.worker.done, timeout=10000)


def test_the_curate_tab_lists_an_article_imported_elsewhere(qtbot, window, project, tmp_path) -> None:
    window.tabs.setCurrentWidget(window.curation_tab)
    choice = window.curation_tab.page.article_choice
    before = choice.count()
    window.tabs.setCurrentWidget(window.page)  # hidden meanwhile: re-read when shown again
    article = tmp_path / "new.txt"
    article.write_text("خبر آخر\n\nنص قصير.", encoding="utf-8")
    cli(project, "import", str(article))
    qtbot.waitUntil(lambda: window.refreshes_from_elsewhere == 1, timeout=SOON)
    assert choice.count() == before
    window.tabs.setCurrentWidget(window.curation_tab)
    assert choice.count() == before + 1
