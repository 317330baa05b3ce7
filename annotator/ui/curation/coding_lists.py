"""The Curate view's second tab: gold relations, attribute values and article answers, and the
annotators' versions of them still waiting for a decision.

A composed part of ``CurationView``: it owns its two lists and reads the store when asked to
``refresh``; the view routes its Accept / Reject keys here when one of these lists is in use.
Waiting are the versions any annotator gave (done or not, as for spans) that gold neither holds nor
ruled out: relations whose both ends are gold spans, values on spans identical to a gold span, answers
to questions gold has not answered.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from annotator.core.adjudication_structure import (
    AnswerCandidate,
    AttributeCandidate,
    RelationCandidate,
    adjudicate_structure,
)
from annotator.core.model import SpanRef
from annotator.core.structure import GoldAnswer, GoldAttribute, GoldRelation
from annotator.store.gold_structure import GoldCoding
from annotator.ui.curation.gold_commands import CodingVersion

ROLE = Qt.ItemDataRole.UserRole


class CodingLists(QWidget):
    """Gold relations / attribute values / answers above, the waiting versions below."""

    def __init__(self, coding: GoldCoding, article_id: str, text: str, font_family: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("codingLists")
        self.coding, self.article_id, self.text = coding, article_id, text
        self.gold_list = QListWidget(objectName="goldCodingList")
        self.waiting_list = QListWidget(objectName="codingCandidateList")
        for widget in (self.gold_list, self.waiting_list):
            widget.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
            widget.setFont(QFont(font_family, 13))
        self.waiting: list[CodingVersion] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(self.tr("Gold relations, attribute values and answers (Delete or R: take "
                                        "out of gold)"), wordWrap=True))
        layout.addWidget(self.gold_list)
        layout.addWidget(QLabel(self.tr("Waiting for a decision (Enter or A: accept · Delete or R: reject)"),
                                wordWrap=True))
        layout.addWidget(self.waiting_list)

    def refresh(self, decider, gold_spans: list[SpanRef]) -> None:
        """Re-read gold and the annotators' versions; ``decider(name)`` writes who decided a gold row."""
        doc = self.article_id
        result = adjudicate_structure(self.coding.annotator_codings(doc), gold_spans, None,
                                      self.coding.decisions(doc), self.coding.undirected_types())
        self.waiting = [*result.relations_undecided, *result.attributes_undecided, *result.answers_undecided]
        gold: list[CodingVersion] = [*self.coding.relations(doc), *self.coding.attributes(doc),
                                     *self.coding.answers(doc)]
        self._fill(self.gold_list, [(g, f"{self.caption(g)}  — {decider(g.decided_by)}") for g in gold])
        self._fill(self.waiting_list, [(w, f"{self.caption(w)}  — {', '.join(w.annotators)}")
                                       for w in self.waiting])

    def caption(self, version: CodingVersion) -> str:
        """One row's text: what the relation links, which value on which span, which answer."""
        if isinstance(version, (RelationCandidate, GoldRelation)):
            ref = version.ref  # the lists read right to left in either language: the arrow points left
            return self.tr("{type}: «{head}» ← «{child}»").format(
                type=ref.type, head=self._quote(ref.head), child=self._quote(ref.child))
        if isinstance(version, (AttributeCandidate, GoldAttribute)):
            return self.tr("{name} = {value} on «{span}»").format(
                name=version.name, value=version.value, span=self._quote(version.span))
        assert isinstance(version, (AnswerCandidate, GoldAnswer))
        return self.tr("{question} = {values}").format(question=version.question,
                                                       values=", ".join(version.values))

    def _quote(self, ref: SpanRef) -> str:
        return self.text[ref.start:ref.end]

    @staticmethod
    def _fill(widget: QListWidget, rows: list[tuple[object, str]]) -> None:
        row = max(widget.currentRow(), 0)
        widget.blockSignals(True)
        widget.clear()
        for value, caption in rows:
            item = QListWidgetItem(caption)
            item.setData(ROLE, value)
            widget.addItem(item)
        if widget.count():
            widget.setCurrentRow(min(row, widget.count() - 1))
        widget.blockSignals(False)

    @staticmethod
    def spans_of(version: CodingVersion) -> list[SpanRef]:
        """The spans a version is about, to outline in the article."""
        if isinstance(version, (RelationCandidate, GoldRelation)):
            return [version.ref.head, version.ref.child]
        if isinstance(version, (AttributeCandidate, GoldAttribute)):
            return [version.span]
        return []
