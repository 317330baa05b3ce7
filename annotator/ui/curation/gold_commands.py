"""Undoable curation edits: one QUndoCommand per curator decision on an article's gold.

Each command runs its store operation once; it records the article's gold before and after
(``Gold.snapshot``, which holds gold relations, attribute values and answers too), so undo and redo
put back exactly those rows rather than replaying the decision.
After every change the command calls ``notify(changes)`` so views refresh from the store.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from annotator.core.adjudication_structure import AnswerCandidate, AttributeCandidate, RelationCandidate
from annotator.core.errors import AnnotatorError
from annotator.core.model import GoldStatus, SpanRef
from annotator.core.structure import GoldAnswer, GoldAttribute, GoldRelation, RelationRef
from annotator.store import Changes
from annotator.store.gold import Gold, GoldState
from annotator.store.gold_structure import GoldCoding
from annotator.ui.annotate.commands import refusal_text

Notify = Callable[[Changes], None]

translate = QCoreApplication.translate


class GoldCommand(QUndoCommand):
    """Base: subclasses implement ``apply`` (the store call); undo/redo restore snapshots."""

    def __init__(self, gold: Gold, document_id: str, text: str, notify: Notify) -> None:
        super().__init__(text)
        self.gold = gold
        self.document_id = document_id
        self.notify = notify
        self.before: GoldState | None = None
        self.after: GoldState | None = None
        self.on_error: Callable[[str], None] | None = None

    def apply(self) -> Changes:
        raise NotImplementedError

    def run(self) -> Changes:
        """Make the change for the first time. Call it before pushing the command: a refused change
        (AnnotatorError) then never reaches the undo stack, and Qt's redo() cannot raise.
        """
        self.before = self.gold.snapshot(self.document_id)
        changes = self.apply()
        self.after = self.gold.snapshot(self.document_id)
        return changes

    def redo(self) -> None:
        if self.after is None:
            changes = self.run()
        elif self.gold.snapshot(self.document_id) == self.after:
            changes = Changes(gold=frozenset({self.document_id}))  # just run(): nothing to put back
        else:
            changes = self._guarded(lambda: self.gold.restore(self.after, expected=self.before))
        if changes is not None:
            self.notify(changes)

    def undo(self) -> None:
        assert self.before is not None
        changes = self._guarded(lambda: self.gold.restore(self.before, expected=self.after))
        if changes is not None:
            self.notify(changes)

    def _guarded(self, step: Callable[[], Changes]) -> Changes | None:
        """Run an undo/redo step; one refused (the gold changed elsewhere) retires the command, says so."""
        try:
            return step()
        except AnnotatorError as exc:
            self.setObsolete(True)
            if self.on_error is not None:
                self.on_error(refusal_text(exc))
            return None


class AcceptSpan(GoldCommand):
    """Accept one annotator's version (or the curator's own span) into gold, ruling out alternatives."""

    def __init__(self, gold: Gold, document_id: str, ref: SpanRef, curator: str, notify: Notify,
                 also_reject: Iterable[SpanRef] = ()) -> None:
        text = translate("gold_commands", "accept {label} {start}-{end}")
        text = text.format(label=ref.label, start=ref.start, end=ref.end)
        super().__init__(gold, document_id, text, notify)
        self.ref, self.curator, self.also_reject = ref, curator, tuple(also_reject)

    def apply(self) -> Changes:
        return self.gold.accept(self.document_id, self.ref, self.curator, also_reject=self.also_reject)[1]


class RejectSpan(GoldCommand):
    """Rule a candidate or a gold span out of gold."""

    def __init__(self, gold: Gold, document_id: str, ref: SpanRef, curator: str, notify: Notify) -> None:
        text = translate("gold_commands", "reject {label} {start}-{end}")
        text = text.format(label=ref.label, start=ref.start, end=ref.end)
        super().__init__(gold, document_id, text, notify)
        self.ref, self.curator = ref, curator

    def apply(self) -> Changes:
        return self.gold.reject(self.document_id, self.ref, self.curator)


class EditGoldSpan(GoldCommand):
    """Change a gold span's boundaries and/or label."""

    def __init__(self, gold: Gold, document_id: str, gold_span_id: int, new: SpanRef, curator: str,
                 notify: Notify) -> None:
        text = translate("gold_commands", "edit gold span to {label} {start}-{end}")
        text = text.format(label=new.label, start=new.start, end=new.end)
        super().__init__(gold, document_id, text, notify)
        self.gold_span_id, self.new, self.curator = gold_span_id, new, curator

    def apply(self) -> Changes:
        return self.gold.edit(self.gold_span_id, self.new, self.curator)[1]


class SetGoldStatus(GoldCommand):
    """Mark the article's gold curated (or back in progress)."""

    def __init__(self, gold: Gold, document_id: str, status: GoldStatus, notify: Notify) -> None:
        text = translate("gold_commands", "mark gold {status}")
        super().__init__(gold, document_id, text.format(status=translate("GoldStatus", status.value)), notify)
        self.status = status

    def apply(self) -> Changes:
        return self.gold.set_status(self.document_id, self.status)


CodingVersion = (RelationCandidate | AttributeCandidate | AnswerCandidate | GoldRelation | GoldAttribute
                 | GoldAnswer)


def version_text(version: CodingVersion) -> str:
    """A relation, attribute value or answer as the undo history names it."""
    if isinstance(version, (RelationCandidate, GoldRelation)):
        return translate("gold_commands", "relation {type}").format(type=version.ref.type)
    if isinstance(version, (AttributeCandidate, GoldAttribute)):
        return translate("gold_commands", "{name} = {value}").format(name=version.name, value=version.value)
    return translate("gold_commands", "answer {question}").format(question=version.question)


class DecideCoding(GoldCommand):
    """Accept one annotator's version of a relation, attribute value or answer into gold, or reject one
    (a gold one is taken out of gold)."""

    def __init__(self, gold: Gold, coding: GoldCoding, document_id: str, version: CodingVersion, *,
                 accept: bool, curator: str, notify: Notify) -> None:
        text = translate("gold_commands", "accept {what}") if accept else translate("gold_commands",
                                                                                      "reject {what}")
        super().__init__(gold, document_id, text.format(what=version_text(version)), notify)
        self.coding, self.version, self.accept, self.curator = coding, version, accept, curator

    def apply(self) -> Changes:
        coding, doc, version, who = self.coding, self.document_id, self.version, self.curator
        if isinstance(version, (RelationCandidate, GoldRelation)):
            decide = coding.accept_relation if self.accept else coding.reject_relation
            return decide(doc, version.ref, who)
        if isinstance(version, (AttributeCandidate, GoldAttribute)):
            decide = coding.accept_attribute if self.accept else coding.reject_attribute
            return decide(doc, version.span, version.name, version.value, who)
        decide = coding.accept_answer if self.accept else coding.reject_answer
        return decide(doc, version.question, version.values, who)


class AddGoldRelation(GoldCommand):
    """The curator's own relation between two gold spans, put straight into gold."""

    def __init__(self, gold: Gold, coding: GoldCoding, document_id: str, ref: RelationRef, curator: str,
                 notify: Notify) -> None:
        text = translate("gold_commands", "add gold relation {type}").format(type=ref.type)
        super().__init__(gold, document_id, text, notify)
        self.coding, self.ref, self.curator = coding, ref, curator

    def apply(self) -> Changes:
        return self.coding.accept_relation(self.document_id, self.ref, self.curator)
