"""Undoable relation edits: make a relation between two spans, delete one.

Like the span commands in ``commands``: the change is made once in ``run()`` and saved at once; undo
and redo touch only the relation row the command recorded, and only while it (and its two spans) are as
it left them, else the step does nothing, says so and retires itself.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from annotator.core.structure import Relation
from annotator.store import Changes, Project
from annotator.store.coding import Coding
from annotator.ui.annotate.commands import AnnotationCommand, Notify


def relation_changes(relation: Relation, changes: Changes) -> Changes:
    """``changes`` with the annotator's status on the article (a relation edit moves it to in progress)."""
    return changes | Changes(documents=frozenset({relation.document_id}),
                             relations=frozenset({relation.id}),
                             statuses=frozenset({(relation.document_id, relation.annotator)}))


class AddRelation(AnnotationCommand):
    """Link a head span to a child span by a relation type."""

    def __init__(self, project: Project, notify: Notify, head_span_id: int, child_span_id: int,
                 relation_type: str) -> None:
        super().__init__(project, notify, QCoreApplication.translate("commands", "relation {type}")
                         .format(type=relation_type))
        self.coding = Coding(project)
        self.args = (head_span_id, child_span_id, relation_type)
        self.relation: Relation | None = None

    def apply(self) -> Changes:
        self.relation, changes = self.coding.add_relation(*self.args)
        return relation_changes(self.relation, changes)

    def reapply(self) -> Changes:
        assert self.relation is not None
        return relation_changes(self.relation, self.coding.restore_relations([self.relation]))

    def revert(self) -> Changes:
        assert self.relation is not None
        _gone, changes = self.coding.delete_relation(self.relation.id, expected=self.relation)
        return relation_changes(self.relation, changes)


class DeleteRelation(AnnotationCommand):
    """Delete a relation; undo brings it back with the same id."""

    def __init__(self, project: Project, notify: Notify, relation: Relation) -> None:
        super().__init__(project, notify, QCoreApplication.translate("commands", "delete relation {type}")
                         .format(type=relation.type))
        self.coding = Coding(project)
        self.relation = relation

    def apply(self) -> Changes:
        self.relation, changes = self.coding.delete_relation(self.relation.id, expected=self.relation)
        return relation_changes(self.relation, changes)

    def revert(self) -> Changes:
        return relation_changes(self.relation, self.coding.restore_relations([self.relation]))
