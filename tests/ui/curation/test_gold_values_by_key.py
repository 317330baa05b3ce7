"""The curator's own gold value and answer, when no annotator's version is right: V on a gold span, Q for
an article question; each one undo step, read back through a second connection."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication, QInputDialog

from annotator.store import Project
from annotator.store.codebook import Codebook
from annotator.store.gold import Gold
from annotator.store.gold_structure import GoldCoding
from annotator.ui.curation.view import CurationView
from tests.helpers.gold_coding import build_coded_project


@pytest.fixture
def path(tmp_path: Path) -> Path:
    with build_coded_project(tmp_path / "p.sqlite") as project:
        Gold(project).adjudicate()
    return tmp_path / "p.sqlite"


def gold_coding(path: Path) -> tuple[dict, dict]:
    with Project.open(path) as project:
        coding = GoldCoding(project)
        return ({(a.span.start, a.name): a.value for a in coding.attributes("a1")},
                {a.question: a.values for a in coding.answers("a1")})


def answering(monkeypatch, *answers: str) -> list[str]:
    """The item dialogs answer ``answers`` in turn; the prompts asked are collected."""
    asked, left = [], list(answers)

    def get_item(_parent, _title, prompt, items, _current=0, _editable=False):
        asked.append(prompt)
        chosen = left.pop(0)
        return (chosen, True) if chosen in items or _editable else ("", False)

    monkeypatch.setattr(QInputDialog, "getItem", get_item)
    return asked


def test_v_gives_a_gold_actor_a_value_nobody_chose_and_undo_takes_it_back(qtbot, path, monkeypatch):
    with Project.open(path) as project:
        view = CurationView(project, "a1", QUndoStack(), curator="lead")
        qtbot.addWidget(view)
        view.show()
        qtbot.waitExposed(view)
        view.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is view)  # its keys act once it is active
        actors = [i for i in range(view.gold_list.count())
                  if view.gold_list.item(i).data(Qt.ItemDataRole.UserRole).label == "actor"]
        view.gold_list.setFocus()
        view.gold_list.setCurrentRow(actors[0])
        span = view.selected_gold()
        values = Codebook(project).attributes("actor")[0].values
        before, _answers = gold_coding(path)
        value = next(v for v in values if before.get((span.start, "canonical")) != v)
        asked = answering(monkeypatch, value)
        qtbot.keyClick(view.gold_list, Qt.Key.Key_V)
        assert asked and "canonical" in asked[-1]
        after, _answers = gold_coding(path)
        assert after[(span.start, "canonical")] == value
        qtbot.keyClick(view.gold_list, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        assert gold_coding(path)[0].get((span.start, "canonical")) == before.get((span.start, "canonical"))


def test_q_answers_a_question_in_gold(qtbot, path, monkeypatch):
    with Project.open(path) as project:
        view = CurationView(project, "a1", QUndoStack(), curator="lead")
        qtbot.addWidget(view)
        view.show()
        qtbot.waitExposed(view)
        view.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is view)  # its keys act once it is active
        answering(monkeypatch, "tone", "angry")
        view.gold_list.setFocus()
        qtbot.keyClick(view.gold_list, Qt.Key.Key_Q)
        assert gold_coding(path)[1]["tone"] == ("angry",)
