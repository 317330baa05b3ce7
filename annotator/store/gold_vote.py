"""The vote that puts agreed work into gold: spans, then the relations, attribute values and article
answers enough done annotators agree on (``core.adjudication`` and ``core.adjudication_structure``
count the votes; this writes the outcome, inside the caller's transaction).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field

from annotator.core.adjudication import ArticleAdjudication, adjudicate_article
from annotator.core.adjudication_structure import StructureAdjudication, adjudicate_structure
from annotator.core.model import GoldStatus, SpanRef
from annotator.store.coding_rows import load_codings
from annotator.store.gold_structure_rows import decisions, store_accepted, undirected_types
from annotator.store.repository import utc_now

AUTO = "auto"  # decided_by and origin of what is accepted by vote
_GOLD_SPANS = ("SELECT g.document_id, g.start, g.end, l.name FROM gold_spans g "
               "JOIN labels l ON l.id = g.label_id")


@dataclass
class AdjudicationSummary:
    """What one `adjudicate` run did, for the message shown to the user."""

    articles: list[ArticleAdjudication] = field(default_factory=list)
    structure: dict[str, StructureAdjudication] = field(default_factory=dict)  # by article id
    spans_accepted: int = 0
    relations_accepted: int = 0
    attributes_accepted: int = 0
    answers_accepted: int = 0
    articles_curated: int = 0  # nothing left to decide after the vote
    skipped_curated: int = 0  # already curated by a person: left alone
    skipped_no_done: int = 0  # no done annotator yet

    @property
    def undecided(self) -> int:
        return sum(len(a.undecided) for a in self.articles)

    def waiting(self, kind: str) -> int:
        """How many relations, attribute values or answers (``kind``) wait for the curator."""
        return sum(len(getattr(s, f"{kind}_undecided")) for s in self.structure.values())

    def describe(self) -> str:
        structure = ""
        accepted = self.relations_accepted + self.attributes_accepted + self.answers_accepted
        if accepted or any(s.undecided for s in self.structure.values()):
            structure = (
                f"; {self.relations_accepted} relation(s), {self.attributes_accepted} attribute value(s) and "
                f"{self.answers_accepted} article answer(s) accepted by vote; {self.waiting('relations')} "
                f"relation(s), {self.waiting('attributes')} attribute value(s) and {self.waiting('answers')} "
                "article answer(s) left for the curator")
        return (
            f"{len(self.articles)} article(s) adjudicated; {self.spans_accepted} span(s) accepted into gold "
            f"by vote; {self.undecided} span(s) left for the curator{structure}; {self.articles_curated} "
            f"article(s) fully decided; {self.skipped_curated} already curated and {self.skipped_no_done} "
            "without a done annotator skipped"
        )


def vote(conn: sqlite3.Connection, votes: dict[str, dict[str, list[SpanRef]]],
         statuses: dict[str, GoldStatus], min_votes: int | None, wanted: set[str] | None,
         progress: Callable[[int, int], None] | None = None) -> AdjudicationSummary:
    """Accept what enough of ``votes`` (article → done annotator → spans) agree on, for every article
    (of ``wanted``, if given) not yet curated; an article becomes `curated` when nothing of it waits.

    ``progress(done, total)`` is called before each article and at the end; an exception it raises
    (the user cancelled) leaves the caller's transaction to roll everything back."""
    summary = AdjudicationSummary()
    now = utc_now()
    labels = dict(conn.execute("SELECT name, id FROM labels"))
    codings = load_codings(conn, document_ids=set(votes))
    undirected = undirected_types(conn)
    gold_refs: dict[str, set[SpanRef]] = {}
    for doc, start, end, label in conn.execute(_GOLD_SPANS):
        gold_refs.setdefault(doc, set()).add(SpanRef(start, end, label))
    decided: dict[str, set[SpanRef]] = {}
    for query in (_GOLD_SPANS,
                  "SELECT r.document_id, r.start, r.end, l.name FROM gold_rejections r "
                  "JOIN labels l ON l.id = r.label_id"):
        for doc, start, end, label in conn.execute(query):
            decided.setdefault(doc, set()).add(SpanRef(start, end, label))
    articles = [doc for (doc,) in conn.execute("SELECT id FROM documents ORDER BY position, id")
                if wanted is None or doc in wanted]
    for done, doc in enumerate(articles):
        if progress is not None:
            progress(done, len(articles))
        if statuses.get(doc) == GoldStatus.CURATED:
            summary.skipped_curated += 1
            continue
        if doc not in votes:
            summary.skipped_no_done += 1
            continue
        result = adjudicate_article(doc, votes[doc], min_votes, decided.get(doc, ()))
        summary.articles.append(result)
        conn.executemany(
            "INSERT INTO gold_spans (document_id, start, end, label_id, decided_by, decided_at, "
            "origin) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [(doc, c.ref.start, c.ref.end, labels[c.ref.label], AUTO, now, AUTO)
             for c in result.accepted],
        )
        summary.spans_accepted += len(result.accepted)
        structure = adjudicate_structure(
            {name: codings.get((doc, name)) for name in votes[doc]},
            gold_refs.get(doc, set()) | {c.ref for c in result.accepted}, result.min_votes,
            decisions(conn, doc), undirected)
        store_accepted(conn, doc, structure, AUTO, now)
        summary.structure[doc] = structure
        summary.relations_accepted += len(structure.relations_accepted)
        summary.attributes_accepted += len(structure.attributes_accepted)
        summary.answers_accepted += len(structure.answers_accepted)
        waiting = result.undecided or structure.undecided
        status = GoldStatus.IN_PROGRESS if waiting else GoldStatus.CURATED
        summary.articles_curated += status is GoldStatus.CURATED
        conn.execute(
            "INSERT INTO gold_statuses (document_id, status, updated_at) VALUES (?, ?, ?) "
            "ON CONFLICT(document_id) DO UPDATE SET status = excluded.status, "
            "updated_at = excluded.updated_at",
            (doc, status.value, now),
        )
    if progress is not None:
        progress(len(articles), len(articles))
    return summary

