"""One undoable command for several spans: undo removes exactly what it added, redo puts it back."""

from __future__ import annotations

from PySide6.QtGui import QUndoStack

from annotator.store import Changes, Project
from annotator.ui.annotate.commands import AddSpans, push


def test_undo_and_redo_of_a_bulk_tag(qtbot, project: Project):
    first, second = [d.id for d in project.documents()[:2]]
    kept = project.add_span(first, "ali", 0, 4, "actor")
    told: list[Changes] = []
    stack = QUndoStack()
    command = AddSpans(project, told.append, "ali", [(first, 0, 4, "actor"), (second, 3, 8, "actor")],
                       "accept 2 suggestions")
    push(stack, command)
    assert {(s.document_id, s.start) for s in project.spans(annotator="ali")} == {(first, 0), (second, 3)}
    assert told[-1].documents == {second}
    stack.undo()
    assert project.spans(annotator="ali") == [kept]
    stack.redo()
    assert len(project.spans(annotator="ali")) == 2
    assert stack.undoText() == "accept 2 suggestions"
