"""Undoing "add label" after the label was used: the label editor's stack outlives the editor, so a
label can be added, used for tagging, and only then undone. Redo must bring its spans back."""

from __future__ import annotations

from PySide6.QtGui import QUndoStack

from annotator.store import Project
from annotator.ui.labels.commands import AddLabel


def test_undo_add_label_after_tagging_with_it_and_redo_brings_the_spans_back(qtbot, project: Project) -> None:
    stack = QUndoStack()
    command = AddLabel(project, lambda _changes: None, "place", "#123456", "p")
    command.run()
    stack.push(command)
    article = project.documents()[0]
    tagged = project.add_span(article.id, "sara", 0, 3, "place")
    untouched = project.add_span(article.id, "sara", 4, 8, "actor")
    label = project.label("place")

    stack.undo()
    assert "place" not in [lab.name for lab in project.labels()]
    assert project.spans() == [untouched]

    stack.redo()
    assert project.label("place") == label
    assert sorted(project.spans(), key=lambda s: s.id) == sorted([tagged, untouched], key=lambda s: s.id)
