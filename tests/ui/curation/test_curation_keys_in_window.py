"""The Curate tab inside the main window: Delete and Backspace reject a waiting span (the Edit menu's
"Delete span" shortcut does not take them), and the Accept / Reject buttons and context menu work."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication

from annotator.store import Project
from annotator.store.gold import Gold
from annotator.ui.curation.view import CurationView
from annotator.ui.shell.main_window import MainWindow


@pytest.fixture
def curation(qtbot, agreement_project: Project, tmp_path: Path) -> CurationView:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(agreement_project, settings=settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.tabs.setCurrentWidget(window.curation_tab)
    page = window.curation_tab.page
    page.adjudicate_scope = lambda: "all"  # the scope question is answered in test_adjudication_scope
    page.adjudicate()
    qtbot.waitUntil(lambda: page.adjudication is None)  # the vote runs in a worker
    view = page.view
    assert view is not None and view.candidate_list.count() >= 3, "the fixture's annotators disagree"
    view.candidate_list.setFocus()
    view.candidate_list.setCurrentRow(0)
    return view


def waiting(view: CurationView) -> int:
    return view.candidate_list.count()


@pytest.mark.parametrize("key", [Qt.Key.Key_Delete, Qt.Key.Key_Backspace])
def test_delete_and_backspace_reject_the_waiting_span(qtbot, curation: CurationView, key: Qt.Key) -> None:
    before, spans = waiting(curation), len(curation.project.spans())
    candidate = curation.selected_candidate()
    qtbot.keyClick(curation.candidate_list, key)
    assert waiting(curation) == before - 1
    assert candidate.ref in {r.ref for r in Gold(curation.project).rejections(curation.article_id)}
    assert len(curation.project.spans()) == spans  # Edit ▸ Delete span did not run instead
    qtbot.keyClick(curation.candidate_list, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert waiting(curation) == before  # the Curate tab's own undo took Ctrl+Z
    assert Gold(curation.project).rejections(curation.article_id) == []


def test_reject_and_accept_buttons(qtbot, curation: CurationView) -> None:
    before, gold = waiting(curation), curation.gold_list.count()
    qtbot.mouseClick(curation.reject_button, Qt.MouseButton.LeftButton)
    assert waiting(curation) == before - 1 and curation.gold_list.count() == gold
    curation.candidate_list.setCurrentRow(0)
    accepted = curation.selected_candidate()
    qtbot.mouseClick(curation.accept_button, Qt.MouseButton.LeftButton)
    assert accepted.ref in {g.ref for g in Gold(curation.project).spans(curation.article_id)}


def test_context_menu_offers_accept_and_reject(qtbot, curation: CurationView) -> None:
    before = waiting(curation)
    shown: list[list[str]] = []

    def pick_reject() -> None:
        menu = QApplication.activePopupWidget()
        shown.append([a.text() for a in menu.actions()])
        menu.setActiveAction(next(a for a in menu.actions() if a.text() == "Reject"))
        qtbot.keyClick(menu, Qt.Key.Key_Return)

    QTimer.singleShot(50, pick_reject)
    rect = curation.candidate_list.visualItemRect(curation.candidate_list.item(0))
    curation.candidate_list.customContextMenuRequested.emit(rect.center())
    assert shown and shown[0][:2] == ["Accept", "Reject"]
    assert waiting(curation) == before - 1


def test_heading_names_the_keys_that_work(qtbot, curation: CurationView) -> None:
    heading = curation.candidate_heading.text()
    for name, key in (("Enter", Qt.Key.Key_Return), ("A", Qt.Key.Key_A), ("Delete", Qt.Key.Key_Delete),
                      ("R", Qt.Key.Key_R)):
        assert name in re.findall(r"\w+", heading)
        before = waiting(curation)
        curation.candidate_list.setCurrentRow(0)
        qtbot.keyClick(curation.candidate_list, key)
        assert waiting(curation) < before, f"{name} does nothing"


def test_label_key_on_the_curate_tab_is_the_curators(qtbot, curation: CurationView) -> None:
    spans = len(curation.project.spans())
    curation.gold_list.setFocus()
    curation.gold_list.setCurrentRow(0)
    gold = curation.selected_gold()
    other = next(name for name, label in curation.labels.items() if label.key and name != gold.label)
    qtbot.keyClick(curation.gold_list, curation.labels[other].key)
    labels = {g.label for g in Gold(curation.project).spans(curation.article_id)
              if (g.ref.start, g.ref.end) == (gold.start, gold.end)}
    assert other in labels
    assert len(curation.project.spans()) == spans
