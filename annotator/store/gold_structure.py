"""Gold structured coding: gold relations, attribute values on gold spans and article answers.

``GoldCoding`` reads them and takes the curator's decisions (accept one annotator's version, reject a
version), each one transaction returning ``Changes.gold``. The rows underneath, used inside other
operations' transactions (undo snapshots, the vote, merges, exports): ``store.gold_structure_rows``.
"""

from __future__ import annotations

from collections.abc import Iterable

from annotator.core.adjudication_structure import GoldDecisions
from annotator.core.errors import InputError
from annotator.core.model import SpanRef
from annotator.core.structure import GoldAnswer, GoldAttribute, GoldRelation, RelationRef, StructuredCoding
from annotator.store.coding_rows import load_codings
from annotator.store.gold_structure_rows import (
    Ids,
    answer_key,
    answer_rows,
    attribute_rows,
    decisions,
    gold_codings,
    relation_rows,
    touch_gold,
    undirected_types,
)
from annotator.store.repository import Changes, Project, utc_now


class GoldCoding:
    """Gold relations, attribute values and answers of one open ``Project``, and the curator's decisions
    on them. Accepting one version of an attribute or answer settles it; rejecting one rules that
    version out (and takes it out of gold if it was there)."""

    def __init__(self, project: Project) -> None:
        self.project = project

    # -- reading ------------------------------------------------------------------------------

    def relations(self, document_id: str | None = None) -> list[GoldRelation]:
        return [GoldRelation(row[8], row[0], SpanRef(*row[1:4]), SpanRef(*row[4:7]), row[7], *row[9:])
                for row in relation_rows(self.project.db.conn, "gold_relations", document_id)]

    def attributes(self, document_id: str | None = None) -> list[GoldAttribute]:
        return [GoldAttribute(SpanRef(*row[1:4]), *row[4:])
                for row in attribute_rows(self.project.db.conn, "gold_attributes", document_id)]

    def answers(self, document_id: str | None = None) -> list[GoldAnswer]:
        return [GoldAnswer(doc, question, tuple(r[0] for r in rows), *rows[0][1:])
                for (doc, question), rows in answer_rows(self.project.db.conn, document_id).items()]

    def codings(self, document_id: str | None = None) -> dict[str, StructuredCoding]:
        return gold_codings(self.project.db.conn, document_id)

    def decisions(self, document_id: str) -> GoldDecisions:
        return decisions(self.project.db.conn, document_id)

    def undirected_types(self) -> frozenset[str]:
        return undirected_types(self.project.db.conn)

    def annotator_codings(self, document_id: str) -> dict[str, StructuredCoding]:
        """Annotator → their relations, attribute values and answers on the article (the curator's
        candidates; annotators with no structured coding are absent)."""
        return {name: coding for (_doc, name), coding in
                load_codings(self.project.db.conn, document_ids={document_id}).items()}

    # -- decisions ----------------------------------------------------------------------------

    def _relation_ids(self, ids: Ids, ref: RelationRef) -> list[tuple[int, int, int]]:
        """(head, child, type) ids the relation is stored under: both orders for an undirected type."""
        head, child, kind = ids.gold_span(ref.head), ids.gold_span(ref.child), ids.relation_type(ref.type)
        both = ref.type in self.undirected_types()
        return [(head, child, kind), (child, head, kind)] if both else [(head, child, kind)]

    def accept_relation(self, document_id: str, ref: RelationRef, curator: str) -> Changes:
        """Put one annotator's relation into gold (both ends must be gold spans)."""
        now = utc_now()
        with self.project.transaction() as conn:
            keys = self._relation_ids(Ids(conn, document_id), ref)
            for key in keys:
                conn.execute("DELETE FROM gold_relation_rejections WHERE head_gold_span_id = ? AND "
                             "child_gold_span_id = ? AND relation_type_id = ?", key)
            stored = any(conn.execute("SELECT 1 FROM gold_relations WHERE head_gold_span_id = ? AND "
                                      "child_gold_span_id = ? AND relation_type_id = ?", key).fetchone()
                         for key in keys)
            if not stored:
                conn.execute("INSERT INTO gold_relations (document_id, head_gold_span_id, "
                             "child_gold_span_id, relation_type_id, decided_by, decided_at, origin) "
                             "VALUES (?, ?, ?, ?, ?, ?, 'curated')", (document_id, *keys[0], curator, now))
            touch_gold(conn, document_id, now)
        return Changes(gold=frozenset({document_id}))

    def reject_relation(self, document_id: str, ref: RelationRef, curator: str) -> Changes:
        """Rule a relation out of gold (taking it out if it is there)."""
        now = utc_now()
        with self.project.transaction() as conn:
            keys = self._relation_ids(Ids(conn, document_id), ref)
            for key in keys:
                conn.execute("DELETE FROM gold_relations WHERE head_gold_span_id = ? AND "
                             "child_gold_span_id = ? AND relation_type_id = ?", key)
            conn.execute("INSERT OR IGNORE INTO gold_relation_rejections (document_id, head_gold_span_id, "
                         "child_gold_span_id, relation_type_id, decided_by, decided_at) "
                         "VALUES (?, ?, ?, ?, ?, ?)",
                         (document_id, *keys[0], curator, now))
            touch_gold(conn, document_id, now)
        return Changes(gold=frozenset({document_id}))

    def accept_attribute(self, document_id: str, span: SpanRef, name: str, value: str,
                         curator: str) -> Changes:
        """Give a gold span one annotator's value for an attribute (replacing gold's value, if any)."""
        now = utc_now()
        with self.project.transaction() as conn:
            ids = Ids(conn, document_id)
            key = (ids.gold_span(span), ids.attribute(span.label, name))
            conn.execute("DELETE FROM gold_attribute_rejections WHERE gold_span_id = ? AND attribute_id = ? "
                         "AND value = ?", (*key, value))
            conn.execute("INSERT INTO gold_attributes VALUES (?, ?, ?, ?, ?, 'curated') ON CONFLICT"
                         "(gold_span_id, attribute_id) DO UPDATE SET value = excluded.value, decided_by = "
                         "excluded.decided_by, decided_at = excluded.decided_at, origin = 'curated'",
                         (*key, value, curator, now))
            touch_gold(conn, document_id, now)
        return Changes(gold=frozenset({document_id}))

    def reject_attribute(self, document_id: str, span: SpanRef, name: str, value: str,
                         curator: str) -> Changes:
        """Rule one value of a gold span's attribute out (taking it out of gold if gold has it)."""
        now = utc_now()
        with self.project.transaction() as conn:
            ids = Ids(conn, document_id)
            key = (ids.gold_span(span), ids.attribute(span.label, name))
            conn.execute("DELETE FROM gold_attributes WHERE gold_span_id = ? AND attribute_id = ? AND "
                         "value = ?", (*key, value))
            conn.execute("INSERT OR IGNORE INTO gold_attribute_rejections VALUES (?, ?, ?, ?, ?)",
                         (*key, value, curator, now))
            touch_gold(conn, document_id, now)
        return Changes(gold=frozenset({document_id}))

    def accept_answer(self, document_id: str, question: str, values: Iterable[str], curator: str) -> Changes:
        """Make one annotator's answer gold's answer to ``question`` on the article."""
        values = tuple(values)
        if not values:
            raise InputError(f"an answer to {question!r} needs at least one value")
        self.project.document(document_id)
        now = utc_now()
        with self.project.transaction() as conn:
            question_id = Ids(conn, document_id).question(question)
            conn.execute("DELETE FROM gold_answer_rejections WHERE document_id = ? AND question_id = ? AND "
                         "answer = ?", (document_id, question_id, answer_key(values)))
            conn.execute("DELETE FROM gold_answers WHERE document_id = ? AND question_id = ?",
                         (document_id, question_id))
            conn.executemany("INSERT INTO gold_answers (document_id, question_id, value, position, "
                             "decided_by, decided_at, origin) VALUES (?, ?, ?, ?, ?, ?, 'curated')",
                             [(document_id, question_id, v, i, curator, now) for i, v in enumerate(values)])
            touch_gold(conn, document_id, now)
        return Changes(gold=frozenset({document_id}))

    def reject_answer(self, document_id: str, question: str, values: Iterable[str], curator: str) -> Changes:
        """Rule one answer to ``question`` out (taking it out of gold if it is gold's answer)."""
        key = answer_key(values)
        self.project.document(document_id)
        now = utc_now()
        with self.project.transaction() as conn:
            question_id = Ids(conn, document_id).question(question)
            stored = [v for (v,) in conn.execute("SELECT value FROM gold_answers WHERE document_id = ? AND "
                                                 "question_id = ?", (document_id, question_id))]
            if stored and answer_key(stored) == key:
                conn.execute("DELETE FROM gold_answers WHERE document_id = ? AND question_id = ?",
                             (document_id, question_id))
            conn.execute("INSERT OR IGNORE INTO gold_answer_rejections VALUES (?, ?, ?, ?, ?)",
                         (document_id, question_id, key, curator, now))
            touch_gold(conn, document_id, now)
        return Changes(gold=frozenset({document_id}))
