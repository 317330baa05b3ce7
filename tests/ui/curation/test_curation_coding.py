"""Curating relations, attribute values and article answers in the Curate view, as a curator would:
open the tab, select a waiting version, press the key, and count what gold holds (read back through a
second connection: each decision is saved at once)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack

from annotator.core.adjudication_structure import AnswerCandidate, AttributeCandidate, RelationCandidate
from annotator.store import Project
from annotator.store.gold import Gold
from annotator.store.gold_structure import GoldCoding
from annotator.ui.curation.view import CurationView
from tests.helpers.gold_coding import CLAIMS, QATAR, QATAR_CLAIMS, build_coded_project

ROLE = Qt.ItemDataRole.UserRole


@pytest.fixture
def path(tmp_path: Path) -> Path:
    with build_coded_project(tmp_path / "p.sqlite") as project:
        Gold(project).adjudicate()  # 2 relations, 1 value, 2 answers in; 1, 2 and 2 wait
    return tmp_path / "p.sqlite"


@pytest.fixture
def view(qtbot, path: Path):
    with Project.open(path) as project:
        widget = CurationView(project, "a1", QUndoStack(), curator="lead")
        qtbot.addWidget(widget)
        widget.show()
        qtbot.waitExposed(widget)
        widget.tabs.setCurrentWidget(widget.coding)
        yield widget


def in_gold(path: Path) -> tuple[set, set, dict]:
    """What gold holds, read through a connection of its own."""
    with Project.open(path) as project:
        coding = GoldCoding(project)
        return ({r.ref for r in coding.relations("a1")},
                {(a.span, a.name, a.value) for a in coding.attributes("a1")},
                {a.question: a.values for a in coding.answers("a1")})


def waiting(view: CurationView) -> list:
    rows = view.coding.waiting_list
    return [rows.item(i).data(ROLE) for i in range(rows.count())]


def select(view: CurationView, match) -> None:
    view.coding.waiting_list.setFocus()
    view.coding.waiting_list.setCurrentRow(next(i for i, v in enumerate(waiting(view)) if match(v)))


def test_the_tab_lists_gold_and_the_versions_waiting(view: CurationView) -> None:
    assert view.coding.gold_list.count() == 2 + 1 + 2
    kinds = [type(v) for v in waiting(view)]
    assert kinds == [RelationCandidate] + [AttributeCandidate] * 2 + [AnswerCandidate] * 2
    assert "5" in view.tabs.tabText(1)


def test_enter_accepts_one_annotators_value_and_settles_the_attribute_then_undo(
        qtbot, view: CurationView, path: Path) -> None:
    select(view, lambda v: isinstance(v, AttributeCandidate) and v.annotators == ("ali",))
    qtbot.keyClick(view.coding.waiting_list, Qt.Key.Key_Return)
    assert (QATAR, "canonical", "قطر") in in_gold(path)[1]
    assert not any(isinstance(v, AttributeCandidate) for v in waiting(view))  # sara's version is settled
    qtbot.keyClick(view.coding.waiting_list, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert len(in_gold(path)[1]) == 1
    assert sum(isinstance(v, AttributeCandidate) for v in waiting(view)) == 2


def test_enter_on_a_relation_puts_it_into_gold(qtbot, view: CurationView, path: Path) -> None:
    select(view, lambda v: isinstance(v, RelationCandidate))
    qtbot.keyClick(view.coding.waiting_list, Qt.Key.Key_Enter)
    assert QATAR_CLAIMS in in_gold(path)[0] and len(in_gold(path)[0]) == 3


def test_delete_rejects_a_relation_and_backspace_an_answer(qtbot, view: CurationView, path: Path) -> None:
    select(view, lambda v: isinstance(v, RelationCandidate))
    qtbot.keyClick(view.coding.waiting_list, Qt.Key.Key_Delete)
    select(view, lambda v: isinstance(v, AnswerCandidate) and v.values == ("angry",))
    qtbot.keyClick(view.coding.waiting_list, Qt.Key.Key_Backspace)
    relations, _attributes, answers = in_gold(path)
    assert QATAR_CLAIMS not in relations and "tone" not in answers
    assert [(v.question, v.values) for v in waiting(view) if isinstance(v, AnswerCandidate)] == [
        ("tone", ("calm",))]
    assert not any(isinstance(v, RelationCandidate) for v in waiting(view))


def test_delete_on_a_gold_relation_takes_it_out_and_lists_it_no_more(qtbot, view: CurationView,
                                                                    path: Path) -> None:
    rows = view.coding.gold_list
    rows.setFocus()
    rows.setCurrentRow(next(i for i in range(rows.count()) if getattr(rows.item(i).data(ROLE), "ref", None)
                            == CLAIMS))
    qtbot.keyClick(rows, Qt.Key.Key_Delete)
    assert CLAIMS not in in_gold(path)[0] and rows.count() == 4
    assert not any(getattr(v, "ref", None) == CLAIMS for v in waiting(view))


def test_the_accept_button_acts_on_the_tab_on_show(qtbot, view: CurationView, path: Path) -> None:
    select(view, lambda v: isinstance(v, AnswerCandidate) and v.values == ("calm",))
    qtbot.mouseClick(view.accept_button, Qt.MouseButton.LeftButton)
    assert in_gold(path)[2]["tone"] == ("calm",)


def test_after_switching_tabs_enter_acts_on_the_tab_on_show(qtbot, path: Path) -> None:
    with Project.open(path) as project:
        view = CurationView(project, "a1", QUndoStack(), curator="lead")
        qtbot.addWidget(view)
        view.show()
        qtbot.waitUntil(view.isActiveWindow)
        view.tabs.setCurrentWidget(view.coding)  # as a click on the tab does
        qtbot.keyClick(view.focusWidget(), Qt.Key.Key_Return)
        assert view.undo_stack.count() == 1
    relations, _attributes, _answers = in_gold(path)
    assert QATAR_CLAIMS in relations  # the first waiting row of this tab, not a span
