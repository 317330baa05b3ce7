"""R on two gold spans selected in the Curate view's gold list: the curator's own gold relation.

As in annotation, R links spans; here the two ends are gold spans chosen in the gold list — the head
first, then the child with Ctrl+click (or Shift+arrow), so the current row is the child. The relation
types whose ends allow the two labels are offered (one: made at once; several: a menu to choose from).
One undo step (``AddGoldRelation``).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QListWidget, QMenu, QWidget

from annotator.core.model import GoldSpan
from annotator.core.structure import RelationRef, RelationType, relation_refusal
from annotator.store.gold import Gold
from annotator.store.gold_structure import GoldCoding
from annotator.ui.curation.gold_commands import AddGoldRelation, GoldCommand, Notify

ROLE = Qt.ItemDataRole.UserRole
translate = QCoreApplication.translate


class GoldRelating:
    """Makes a gold relation from the two gold spans selected in ``gold_list``."""

    def __init__(self, gold: Gold, coding: GoldCoding, document_id: str, gold_list: QListWidget,
                 relation_types: Callable[[], list[RelationType]], do: Callable[[GoldCommand], None],
                 say: Callable[[str], None], notify: Notify, curator: str, parent: QWidget) -> None:
        self.gold, self.coding, self.document_id, self.gold_list = gold, coding, document_id, gold_list
        self.relation_types, self.do, self.say, self.notify = relation_types, do, say, notify
        self.curator, self.parent = curator, parent
        self.type_menu: QMenu | None = None  # open while the curator picks a type (tests answer it)
        gold_list.setSelectionMode(QListWidget.SelectionMode.ExtendedSelection)

    def ends(self) -> tuple[GoldSpan, GoldSpan] | None:
        """(head, child) when exactly two gold spans are selected: the child is the current row."""
        items = self.gold_list.selectedItems()
        current = self.gold_list.currentItem()
        if len(items) != 2 or current not in items:
            return None
        head = next(item for item in items if item is not current)
        return head.data(ROLE), current.data(ROLE)

    def relate(self) -> None:
        """Link the two selected gold spans (asking for the type when several fit)."""
        ends = self.ends()
        if ends is None:
            return
        head, child = ends
        fitting = [t for t in self.relation_types() if relation_refusal(t, head.label, child.label) is None]
        if not fitting:
            self.say(translate("CurationView", "No relation type links a “{head}” span to a “{child}” span.")
                     .format(head=head.label, child=child.label))
            return
        if len(fitting) == 1:
            self._make(head, child, fitting[0])
            return
        menu = self.type_menu = QMenu(self.parent)
        menu.setObjectName("goldRelationTypes")
        for relation_type in fitting:
            action = menu.addAction(relation_type.name)
            action.triggered.connect(lambda _=False, t=relation_type: self._make(head, child, t))
        rect = self.gold_list.visualItemRect(self.gold_list.currentItem())
        menu.exec(self.gold_list.viewport().mapToGlobal(rect.bottomLeft()))
        self.type_menu = None

    def _make(self, head: GoldSpan, child: GoldSpan, relation_type: RelationType) -> None:
        ref = RelationRef(head.ref, child.ref, relation_type.name)
        stored = {r.ref for r in self.coding.relations(self.document_id)}
        if ref in stored or (not relation_type.directed
                             and RelationRef(child.ref, head.ref, relation_type.name) in stored):
            self.say(translate("CurationView", "That relation is already in gold."))
            return
        self.do(AddGoldRelation(self.gold, self.coding, self.document_id, ref, self.curator, self.notify))
