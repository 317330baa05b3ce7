"""The curation view, driven with keys as a curator would: accept, reject, edit, mark curated, undo."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor, QUndoStack

from annotator.core.model import AnnotationSet, ArticleRecord, GoldStatus, SpanRef, Status
from annotator.store import Project
from annotator.store.gold import Gold
from annotator.ui.curation.view import CurationView

TEXT = "قال الرئيس محمد علي إن الوفد المصري وصل إلى الدوحة للتفاوض مع حماس."


def ref(phrase: str, label: str) -> SpanRef:
    start = TEXT.index(phrase)
    return SpanRef(start, start + len(phrase), label)


PRESIDENT, MOHAMMED = ref("الرئيس محمد علي", "actor"), ref("محمد علي", "actor")
DELEGATION, HAMAS = ref("الوفد المصري", "mediator"), ref("حماس", "actor")


@pytest.fixture
def project(tmp_path: Path) -> Project:
    with Project.open(tmp_path / "p.sqlite") as project:
        project.import_articles([ArticleRecord(TEXT, "وفد", id="a1", annotations=(
            AnnotationSet("ali", (PRESIDENT, DELEGATION, HAMAS)),
            AnnotationSet("sara", (PRESIDENT, DELEGATION)),
            AnnotationSet("omar", (MOHAMMED, DELEGATION), Status.IN_PROGRESS),
        ))])
        Gold(project).adjudicate()  # PRESIDENT and DELEGATION by 2 of 2; HAMAS (ali only) waits
        yield project


@pytest.fixture
def view(qtbot, project: Project) -> CurationView:
    widget = CurationView(project, "a1", QUndoStack(), curator="lead")
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def gold_refs(project: Project) -> set[SpanRef]:
    return {s.ref for s in Gold(project).spans("a1")}


def candidate_refs(view: CurationView) -> list[SpanRef]:
    return [view.candidate_list.item(i).data(Qt.ItemDataRole.UserRole).ref
            for i in range(view.candidate_list.count())]


def select_candidate(view: CurationView, target: SpanRef) -> None:
    view.candidate_list.setFocus()
    view.candidate_list.setCurrentRow(candidate_refs(view).index(target))


def select_gold(view: CurationView, target: SpanRef) -> None:
    view.gold_list.setFocus()
    refs = [view.gold_list.item(i).data(Qt.ItemDataRole.UserRole).ref for i in range(view.gold_list.count())]
    view.gold_list.setCurrentRow(refs.index(target))


def select_text(view: CurationView, phrase: str) -> None:
    cursor = view.article_view.textCursor()
    cursor.setPosition(TEXT.index(phrase))  # no astral characters here: UTF-16 = code points
    cursor.setPosition(TEXT.index(phrase) + len(phrase), QTextCursor.MoveMode.KeepAnchor)
    view.article_view.setTextCursor(cursor)
    view.article_view.setFocus()


def test_lists_show_gold_and_every_annotators_open_candidates(view: CurationView, project: Project) -> None:
    assert gold_refs(project) == {PRESIDENT, DELEGATION}
    assert candidate_refs(view) == [MOHAMMED, HAMAS]  # omar is not done but the curator still sees him
    assert "in progress" in view.status_label.text()


def test_accept_takes_one_version_and_rejects_its_competitor_then_undo(
        qtbot, view: CurationView, project: Project) -> None:
    select_candidate(view, MOHAMMED)
    with qtbot.waitSignal(view.goldChanged) as changed:
        qtbot.keyClick(view.candidate_list, Qt.Key.Key_Return)
    assert changed.args[0].gold == {"a1"}  # other views learn which article's gold changed
    assert gold_refs(project) == {MOHAMMED, DELEGATION}  # PRESIDENT was the competing version
    assert {r.ref for r in Gold(project).rejections("a1")} == {PRESIDENT}
    assert candidate_refs(view) == [HAMAS]
    qtbot.keyClick(view.candidate_list, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert gold_refs(project) == {PRESIDENT, DELEGATION}
    assert Gold(project).rejections("a1") == [] and candidate_refs(view) == [MOHAMMED, HAMAS]


def test_reject_candidate_and_gold_span_then_undo_both(qtbot, view: CurationView, project: Project) -> None:
    before = Gold(project).snapshot("a1")
    select_candidate(view, HAMAS)
    qtbot.keyClick(view.candidate_list, Qt.Key.Key_Delete)
    assert candidate_refs(view) == [MOHAMMED] and gold_refs(project) == {PRESIDENT, DELEGATION}
    select_gold(view, DELEGATION)
    qtbot.keyClick(view.gold_list, Qt.Key.Key_R)
    assert gold_refs(project) == {PRESIDENT}
    assert view.undo_stack.count() == 2
    view.undo_stack.undo()
    view.undo_stack.undo()
    assert Gold(project).snapshot("a1") == before
    view.undo_stack.redo()
    assert candidate_refs(view) == [MOHAMMED]


def test_edit_boundaries_and_label_with_keys_then_undo(qtbot, view: CurationView, project: Project) -> None:
    before = Gold(project).snapshot("a1")
    select_gold(view, PRESIDENT)
    select_text(view, "محمد علي")
    qtbot.keyClick(view.article_view, Qt.Key.Key_E)
    assert gold_refs(project) == {MOHAMMED, DELEGATION}
    edited = next(s for s in Gold(project).spans("a1") if s.ref == MOHAMMED)
    assert (edited.decided_by, edited.origin) == ("lead", "curated")
    view.gold_list.setFocus()
    qtbot.keyClick(view.gold_list, Qt.Key.Key_3)  # label key 3 = demand
    assert gold_refs(project) == {SpanRef(MOHAMMED.start, MOHAMMED.end, "demand"), DELEGATION}
    qtbot.keyClick(view.gold_list, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(view.gold_list, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert Gold(project).snapshot("a1") == before


def test_selected_text_with_label_key_adds_gold_and_duplicate_edit_is_refused(
        qtbot, view: CurationView, project: Project) -> None:
    select_text(view, "الدوحة")
    qtbot.keyClick(view.article_view, Qt.Key.Key_1)
    assert ref("الدوحة", "actor") in gold_refs(project)
    select_gold(view, PRESIDENT)
    select_text(view, "الوفد المصري")
    qtbot.keyClick(view.article_view, Qt.Key.Key_E)
    assert PRESIDENT not in gold_refs(project)  # boundaries moved (as actor): allowed
    stack_size = view.undo_stack.count()
    select_gold(view, SpanRef(DELEGATION.start, DELEGATION.end, "actor"))
    qtbot.keyClick(view.gold_list, Qt.Key.Key_2)  # to mediator: that gold span already exists
    assert "already has" in view.message.text() and view.undo_stack.count() == stack_size


def test_mark_curated_and_undo(qtbot, view: CurationView, project: Project) -> None:
    qtbot.keyClick(view.candidate_list, Qt.Key.Key_C)
    assert Gold(project).status("a1") is GoldStatus.CURATED and "curated" in view.status_label.text()
    view.undo_stack.undo()
    assert Gold(project).status("a1") is GoldStatus.IN_PROGRESS
