"""The curator draws a gold relation in the Curate view as in annotation: select two gold spans (the
head, then Ctrl+click the child), press R; one undo step; several fitting types offer a menu; R on one
gold span still takes it out of gold."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication

from annotator.core.structure import RelationRef, RelationType
from annotator.store import Project
from annotator.store.codebook import Codebook
from annotator.store.gold import Gold
from annotator.ui.curation.view import CurationView
from tests.helpers.gold_coding import DEMAND, IRAN, QATAR, QATAR_CLAIMS, build_coded_project
from tests.ui.curation.test_curation_coding import in_gold

ROLE = Qt.ItemDataRole.UserRole


@pytest.fixture
def path(tmp_path: Path) -> Path:
    with build_coded_project(tmp_path / "p.sqlite") as project:
        Gold(project).adjudicate()  # gold: IRAN, QATAR, DEMAND; claims IRAN→DEMAND, talks_with IRAN–QATAR
    return tmp_path / "p.sqlite"


def open_view(qtbot, project: Project) -> CurationView:
    widget = CurationView(project, "a1", QUndoStack(), curator="lead")
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget)  # its keys act once it is active
    return widget


def pick(qtbot, view: CurationView, head, child) -> None:
    """Click the head in the gold list, Ctrl+click the child."""
    rows = view.gold_list
    refs = [rows.item(i).data(ROLE).ref for i in range(rows.count())]
    for ref, modifier in ((head, Qt.KeyboardModifier.NoModifier),
                          (child, Qt.KeyboardModifier.ControlModifier)):
        rect = rows.visualItemRect(rows.item(refs.index(ref)))
        qtbot.mouseClick(rows.viewport(), Qt.MouseButton.LeftButton, modifier, rect.center())


def test_r_on_two_gold_spans_makes_a_gold_relation_and_undo_takes_it_back(qtbot, path: Path) -> None:
    with Project.open(path) as project:
        view = open_view(qtbot, project)
        pick(qtbot, view, QATAR, DEMAND)  # actor → demand: only `claims` fits
        assert len(view.gold_list.selectedItems()) == 2
        qtbot.keyClick(view.gold_list, Qt.Key.Key_R)
        assert QATAR_CLAIMS in in_gold(path)[0]
        assert len(view.gold.spans("a1")) == 3  # no gold span was taken out
        assert view.coding.gold_list.count() == 2 + 1 + 1 + 2  # the new relation is listed in gold
        qtbot.keyClick(view.gold_list, "z", Qt.KeyboardModifier.ControlModifier)
        assert QATAR_CLAIMS not in in_gold(path)[0]
        view.undo_stack.redo()  # (the redo key differs between platforms)
        assert QATAR_CLAIMS in in_gold(path)[0]


def test_several_fitting_types_are_offered_in_a_menu(qtbot, path: Path) -> None:
    with Project.open(path) as project:
        urges = RelationType("urges", "#aa3377", "", True, ("actor",), ("demand",))
        Codebook(project).add_relation_type(urges)
        view = open_view(qtbot, project)
        pick(qtbot, view, QATAR, DEMAND)
        offered: list[str] = []

        def choose() -> None:
            menu = view.relating.type_menu
            offered.extend(action.text() for action in menu.actions())
            menu.actions()[offered.index("urges")].trigger()
            menu.close()

        QTimer.singleShot(100, choose)
        qtbot.keyClick(view.gold_list, Qt.Key.Key_R)
    assert offered == ["claims", "urges"]
    assert RelationRef(QATAR, DEMAND, "urges") in in_gold(path)[0]


def test_an_undirected_relation_already_in_gold_the_other_way_is_not_added(qtbot, path: Path) -> None:
    with Project.open(path) as project:
        view = open_view(qtbot, project)
        before = in_gold(path)[0]
        pick(qtbot, view, QATAR, IRAN)  # talks_with IRAN–QATAR is in gold
        qtbot.keyClick(view.gold_list, Qt.Key.Key_R)
        assert in_gold(path)[0] == before and view.undo_stack.count() == 0
        assert view.message.text() == "That relation is already in gold."


def test_r_on_one_gold_span_still_takes_it_out_of_gold(qtbot, path: Path) -> None:
    with Project.open(path) as project:
        view = open_view(qtbot, project)
        view.gold_list.setFocus()
        view.gold_list.setCurrentRow(0)
        qtbot.keyClick(view.gold_list, Qt.Key.Key_R)
        assert len(Gold(project).spans("a1")) == 2
