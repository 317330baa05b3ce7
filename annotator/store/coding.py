"""One annotator's structured work: relations, span attribute values, notes, article answers.

A class over an open ``Project`` (like ``store.gold``). Every change is one transaction, moves the
article to `in progress` as a span edit does, and returns a ``Changes``. ``delete_span`` returns a
``SpanRemoval`` holding the span and everything that went with it (relations, values, note), and
``restore_spans`` puts all of it back with the same ids: what undo needs.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass

from annotator.core.errors import ChangedElsewhereError, InputError, NotFoundError
from annotator.core.model import Span
from annotator.core.structure import (
    ArticleAnswer,
    AttributeValue,
    Note,
    Relation,
    answer_refusal,
    attribute_refusal,
    relation_refusal,
)
from annotator.store.codebook import Codebook
from annotator.store.repository import Changes, Project, first_fragments_first, utc_now

_RELATION_COLUMNS = """
    r.id, r.document_id, a.name, r.head_span_id, r.child_span_id, t.name, r.created_at, r.updated_at
    FROM relations r JOIN annotators a ON a.id = r.annotator_id
    JOIN relation_types t ON t.id = r.relation_type_id
"""


def _same_relation(stored: Relation, expected: Relation) -> bool:
    """The stored row is the relation an undo step recorded: same id, article, annotator, ends and type."""
    return (stored.id, stored.document_id, stored.annotator, stored.head, stored.child, stored.type) == (
        expected.id, expected.document_id, expected.annotator, expected.head, expected.child, expected.type)


def _relation_changed_elsewhere(relation: Relation) -> ChangedElsewhereError:
    return ChangedElsewhereError(
        f"relation {relation.id} ({relation.type} from span {relation.head} to span {relation.child} of "
        f"{relation.annotator} in article {relation.document_id}) was changed elsewhere (another window or "
        "the command line); nothing was changed")


@dataclass(frozen=True)
class SpanRemoval:
    """A deleted span and what was deleted with it, as stored: what undo puts back."""

    span: Span
    relations: tuple[Relation, ...] = ()
    attributes: tuple[AttributeValue, ...] = ()
    note: Note | None = None


class Coding:
    """Relations, attribute values, notes and article answers in one open ``Project``."""

    def __init__(self, project: Project) -> None:
        self.project = project
        self.codebook = Codebook(project)

    def _query(self, sql: str, params: Iterable = ()) -> list[tuple]:
        return self.project._query(sql, params)

    def _touch(self, conn: sqlite3.Connection, document_id: str, annotator: str, now: str) -> None:
        self.project._touch_status(conn, document_id, self.project._annotator_id(annotator), now)

    # -- relations ----------------------------------------------------------------------------

    def relations(self, document_id: str | None = None, annotator: str | None = None) -> list[Relation]:
        """Relations ordered by article and id; optionally of one article and/or one annotator."""
        where, params = [], []
        if document_id is not None:
            where.append("r.document_id = ?")
            params.append(document_id)
        if annotator is not None:
            where.append("a.name = ?")
            params.append(annotator)
        clause = f"WHERE {' AND '.join(where)}" if where else ""
        return [Relation(*row) for row in self._query(
            f"SELECT {_RELATION_COLUMNS} {clause} ORDER BY r.document_id, r.id", params)]

    def relations_by_id(self, relation_ids: Iterable[int]) -> list[Relation]:
        """The relations among ``relation_ids`` that exist, by id: what a view adding a few re-reads."""
        ids = sorted(set(relation_ids))
        if not ids:
            return []
        marks = ", ".join("?" for _ in ids)
        return [Relation(*row) for row in self._query(
            f"SELECT {_RELATION_COLUMNS} WHERE r.id IN ({marks}) ORDER BY r.id", ids)]

    def relation(self, relation_id: int) -> Relation:
        rows = self._query(f"SELECT {_RELATION_COLUMNS} WHERE r.id = ?", (relation_id,))
        if not rows:
            raise NotFoundError(f"there is no relation with id {relation_id}")
        return Relation(*rows[0])

    def relation_refusal(self, head_span_id: int, child_span_id: int, relation_type: str) -> str | None:
        """Why these two spans cannot be linked by ``relation_type``; None if they can.

        The window asks this while the annotator picks the other end, to say why in the status bar.
        """
        if head_span_id == child_span_id:
            return "a relation joins two different spans"
        head, child = self.project.span(head_span_id), self.project.span(child_span_id)
        if head.document_id != child.document_id:
            return "a relation joins two spans of the same article"
        if head.annotator != child.annotator:
            return "a relation joins two spans of the same annotator"
        definition = self.codebook.relation_type(relation_type)
        reason = relation_refusal(definition, head.label, child.label)
        if reason:
            return reason
        # one indexed look-up, not a read of the article's relations (5,000 of them cost 20 ms)
        if self._query(
                "SELECT 1 FROM relations r JOIN relation_types t ON t.id = r.relation_type_id "
                "WHERE t.name = ? AND ((r.head_span_id = ? AND r.child_span_id = ?) "
                "OR (? AND r.head_span_id = ? AND r.child_span_id = ?)) LIMIT 1",
                (relation_type, head.id, child.id, int(not definition.directed), child.id, head.id)):
            return f"these spans are already linked by {relation_type!r}"
        return None

    def add_relation(
        self, head_span_id: int, child_span_id: int, relation_type: str
    ) -> tuple[Relation, Changes]:
        """Link two spans of one annotator on one article; a disallowed pair raises InputError saying why."""
        reason = self.relation_refusal(head_span_id, child_span_id, relation_type)
        if reason:
            raise InputError(reason)
        head = self.project.span(head_span_id)
        now = utc_now()
        with self.project.transaction() as conn:
            relation_id = conn.execute(
                "INSERT INTO relations (document_id, annotator_id, head_span_id, child_span_id, "
                "relation_type_id, created_at, updated_at) VALUES (?, ?, ?, ?, "
                "(SELECT id FROM relation_types WHERE name = ?), ?, ?)",
                (head.document_id, self.project._annotator_id(head.annotator), head_span_id, child_span_id,
                 relation_type, now, now),
            ).lastrowid
            self._touch(conn, head.document_id, head.annotator, now)
        return self.relation(relation_id), self._relation_changes([relation_id], head.document_id)

    def delete_relation(self, relation_id: int, expected: Relation | None = None) -> tuple[Relation, Changes]:
        """Delete a relation; returns it as it was, so the caller can undo with ``restore_relations``.

        With ``expected`` (what an undo step recorded), refused with ChangedElsewhereError, nothing
        deleted, unless the stored relation is still exactly that one.
        """
        with self.project.transaction() as conn:
            rows = self._query(f"SELECT {_RELATION_COLUMNS} WHERE r.id = ?", (relation_id,))
            if expected is not None and (not rows or not _same_relation(Relation(*rows[0]), expected)):
                raise _relation_changed_elsewhere(expected)
            if not rows:
                raise NotFoundError(f"there is no relation with id {relation_id}")
            relation = Relation(*rows[0])
            conn.execute("DELETE FROM relations WHERE id = ?", (relation_id,))
            self._touch(conn, relation.document_id, relation.annotator, utc_now())
        return relation, self._relation_changes([relation_id], relation.document_id)

    def restore_relations(self, relations: Iterable[Relation]) -> Changes:
        """Put deleted relations back with their ids and timestamps, in one transaction.

        Refused with ChangedElsewhereError, nothing written, if a relation's id is taken again or one of
        its spans is no longer stored as it was (another writer deleted or moved it since).
        """
        relations = list(relations)
        now = utc_now()
        with self.project.transaction() as conn:
            for relation in relations:
                taken = conn.execute("SELECT 1 FROM relations WHERE id = ?", (relation.id,)).fetchone()
                ends = conn.execute(
                    "SELECT COUNT(*) FROM spans s JOIN annotators a ON a.id = s.annotator_id "
                    "WHERE s.id IN (?, ?) AND s.document_id = ? AND a.name = ?",
                    (relation.head, relation.child, relation.document_id, relation.annotator)).fetchone()[0]
                if taken or ends != 2:
                    raise _relation_changed_elsewhere(relation)
                self._insert_relation(conn, relation)
            for document_id, annotator in {(r.document_id, r.annotator) for r in relations}:
                self._touch(conn, document_id, annotator, now)
        return Changes(relations=frozenset(r.id for r in relations),
                       documents=frozenset(r.document_id for r in relations))

    def _insert_relation(self, conn: sqlite3.Connection, relation: Relation) -> None:
        conn.execute(
            "INSERT OR IGNORE INTO relations (id, document_id, annotator_id, head_span_id, child_span_id, "
            "relation_type_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, "
            "(SELECT id FROM relation_types WHERE name = ?), ?, ?)",
            (relation.id, relation.document_id, self.project._annotator_id(relation.annotator), relation.head,
             relation.child, relation.type, relation.created_at, relation.updated_at),
        )

    @staticmethod
    def _relation_changes(relation_ids: Iterable[int], document_id: str) -> Changes:
        return Changes(relations=frozenset(relation_ids), documents=frozenset({document_id}))

    # -- attribute values ---------------------------------------------------------------------

    def attribute_values(self, span_id: int) -> dict[str, str]:
        """The span's attribute values by attribute name (attributes without a value are absent)."""
        return dict(self._query(
            "SELECT t.name, v.value FROM span_attributes v JOIN attributes t ON t.id = v.attribute_id "
            "WHERE v.span_id = ? ORDER BY t.position, t.id", (span_id,)))

    def attribute_values_of(self, document_id: str, annotator: str | None = None) -> list[AttributeValue]:
        """Every attribute value on one article's spans (of one annotator, or of all)."""
        clause, params = ("AND a.name = ?", (document_id, annotator)) if annotator else ("", (document_id,))
        return [AttributeValue(*row) for row in self._query(
            "SELECT v.span_id, t.name, v.value FROM span_attributes v "
            "JOIN attributes t ON t.id = v.attribute_id "
            "JOIN spans s ON s.id = v.span_id JOIN annotators a ON a.id = s.annotator_id "
            f"WHERE s.document_id = ? {clause} ORDER BY v.span_id, t.position, t.id", params)]

    def set_attribute(self, span_id: int, name: str, value: str) -> Changes:
        """Give a span a value for one of its label's attributes (a set flag's value is ``FLAG_YES``)."""
        span = self.project.span(span_id)
        definition = self.codebook.attribute(span.label, name)
        reason = attribute_refusal(definition, value)
        if reason:
            raise InputError(reason)
        attribute_id = self.codebook._attribute_id(span.label, name)
        now = utc_now()
        with self.project.transaction() as conn:
            conn.execute("INSERT INTO span_attributes (span_id, attribute_id, value) VALUES (?, ?, ?) "
                         "ON CONFLICT(span_id, attribute_id) DO UPDATE SET value = excluded.value",
                         (span_id, attribute_id, value))
            self._touch(conn, span.document_id, span.annotator, now)
        return self._span_changes(span)

    def clear_attribute(self, span_id: int, name: str) -> Changes:
        """Remove a span's value for an attribute (a flag becomes no)."""
        span = self.project.span(span_id)
        attribute_id = self.codebook._attribute_id(span.label, name)
        with self.project.transaction() as conn:
            conn.execute("DELETE FROM span_attributes WHERE span_id = ? AND attribute_id = ?",
                         (span_id, attribute_id))
            self._touch(conn, span.document_id, span.annotator, utc_now())
        return self._span_changes(span)

    @staticmethod
    def _span_changes(span: Span) -> Changes:
        return Changes(span_details=frozenset({span.id}), documents=frozenset({span.document_id}))

    # -- notes --------------------------------------------------------------------------------

    def span_note(self, span_id: int) -> Note | None:
        rows = self._query(
            "SELECT s.document_id, a.name, n.text, n.span_id, n.updated_at FROM span_notes n "
            "JOIN spans s ON s.id = n.span_id JOIN annotators a ON a.id = s.annotator_id WHERE n.span_id = ?",
            (span_id,))
        return Note(*rows[0]) if rows else None

    def span_notes(self, document_id: str, annotator: str | None = None) -> list[Note]:
        """The notes on one article's spans (of one annotator, or of all), by span id."""
        clause, params = ("AND a.name = ?", (document_id, annotator)) if annotator else ("", (document_id,))
        return [Note(*row) for row in self._query(
            "SELECT s.document_id, a.name, n.text, n.span_id, n.updated_at FROM span_notes n "
            "JOIN spans s ON s.id = n.span_id JOIN annotators a ON a.id = s.annotator_id "
            f"WHERE s.document_id = ? {clause} ORDER BY n.span_id", params)]

    def set_span_note(self, span_id: int, text: str) -> Changes:
        """Write the span's note; text that is only white space removes it."""
        span = self.project.span(span_id)
        now = utc_now()
        with self.project.transaction() as conn:
            if text.strip():
                conn.execute("INSERT INTO span_notes (span_id, text, updated_at) VALUES (?, ?, ?) ON CONFLICT"
                             "(span_id) DO UPDATE SET text = excluded.text, updated_at = excluded.updated_at",
                             (span_id, text, now))
            else:
                conn.execute("DELETE FROM span_notes WHERE span_id = ?", (span_id,))
            self._touch(conn, span.document_id, span.annotator, now)
        return self._span_changes(span)

    def article_note(self, document_id: str, annotator: str) -> Note | None:
        rows = self._query(
            "SELECT n.document_id, a.name, n.text, NULL, n.updated_at FROM article_notes n "
            "JOIN annotators a ON a.id = n.annotator_id WHERE n.document_id = ? AND a.name = ?",
            (document_id, annotator))
        return Note(*rows[0]) if rows else None

    def set_article_note(self, document_id: str, annotator: str, text: str) -> Changes:
        """Write the annotator's note on the article; text that is only white space removes it."""
        self.project.document(document_id)
        now = utc_now()
        with self.project.transaction() as conn:
            annotator_id = self.project._annotator_id(annotator)
            if text.strip():
                conn.execute(
                    "INSERT INTO article_notes (document_id, annotator_id, text, updated_at) "
                    "VALUES (?, ?, ?, ?) "
                    "ON CONFLICT(document_id, annotator_id) DO UPDATE SET text = excluded.text, "
                    "updated_at = excluded.updated_at", (document_id, annotator_id, text, now))
            else:
                conn.execute("DELETE FROM article_notes WHERE document_id = ? AND annotator_id = ?",
                             (document_id, annotator_id))
            self._touch(conn, document_id, annotator, now)
        return Changes(codes=frozenset({(document_id, annotator)}), documents=frozenset({document_id}))

    # -- article answers ----------------------------------------------------------------------

    def answers(self, document_id: str, annotator: str) -> dict[str, ArticleAnswer]:
        """The annotator's answers on the article by question name (unanswered questions are absent)."""
        values: dict[str, list[str]] = {}
        updated: dict[str, str] = {}
        for question, value, updated_at in self._query(
                "SELECT q.name, r.value, r.updated_at FROM article_answers r "
                "JOIN article_questions q ON q.id = r.question_id JOIN annotators a ON a.id = r.annotator_id "
                "WHERE r.document_id = ? AND a.name = ? ORDER BY q.position, q.id, r.position",
                (document_id, annotator)):
            values.setdefault(question, []).append(value)
            updated[question] = updated_at
        return {question: ArticleAnswer(document_id, annotator, question, tuple(chosen), updated[question])
                for question, chosen in values.items()}

    def set_answer(self, document_id: str, annotator: str, question: str, values: Iterable[str]) -> Changes:
        """Answer a question on an article (replacing any earlier answer); no values clears it."""
        values = tuple(values)
        definition = self.codebook.question(question)
        reason = answer_refusal(definition, values)
        if reason:
            raise InputError(reason)
        self.project.document(document_id)
        now = utc_now()
        with self.project.transaction() as conn:
            annotator_id = self.project._annotator_id(annotator)
            question_id = conn.execute(
                "SELECT id FROM article_questions WHERE name = ?", (question,)).fetchone()[0]
            conn.execute("DELETE FROM article_answers WHERE document_id = ? AND annotator_id = ? AND "
                         "question_id = ?", (document_id, annotator_id, question_id))
            conn.executemany(
                "INSERT INTO article_answers (document_id, annotator_id, question_id, value, position, "
                "updated_at) VALUES (?, ?, ?, ?, ?, ?)",
                [(document_id, annotator_id, question_id, value, i, now) for i, value in enumerate(values)])
            self._touch(conn, document_id, annotator, now)
        return Changes(codes=frozenset({(document_id, annotator)}), documents=frozenset({document_id}))

    # -- deleting and restoring spans with what hangs off them --------------------------------

    def removal(self, span_id: int) -> SpanRemoval:
        """What deleting the span would take with it, as stored now."""
        span = self.project.span(span_id)
        relations = tuple(Relation(*row) for row in self._query(
            f"SELECT {_RELATION_COLUMNS} WHERE r.head_span_id = ? OR r.child_span_id = ? ORDER BY r.id",
            (span_id, span_id)))
        values = tuple(AttributeValue(span_id, name, value)
                       for name, value in self.attribute_values(span_id).items())
        return SpanRemoval(span, relations, values, self.span_note(span_id))

    def delete_span(self, span_id: int, expected: Span | None = None) -> tuple[SpanRemoval, Changes]:
        """Delete a span with its relations, attribute values and note, in one transaction."""
        removals, changes = self.delete_spans([span_id], expected=None if expected is None else [expected])
        return removals[0], changes

    def delete_spans(self, span_ids: Iterable[int], expected: Iterable[Span] | None = None
                     ) -> tuple[list[SpanRemoval], Changes]:
        """Delete several spans and everything that hangs off them in one transaction (one undo step).

        A fragment of a discontinuous annotation takes the annotation's other fragments with it.

        With ``expected`` (the spans an undo step recorded), refused with ChangedElsewhereError, nothing
        deleted, unless each span is still stored exactly as recorded (as ``Project.delete_spans``).
        """
        recorded = {span.id: span for span in expected or ()}
        now = utc_now()
        with self.project.transaction() as conn:
            ids = self.project.annotation_span_ids(span_ids)
            for span_id in ids:
                self.project._expected_span(span_id, recorded.get(span_id))
            removals = [self.removal(span_id) for span_id in ids]
            conn.executemany("DELETE FROM spans WHERE id = ?", [(r.span.id,) for r in removals])
            for document_id, annotator in {(r.span.document_id, r.span.annotator) for r in removals}:
                self._touch(conn, document_id, annotator, now)
        return removals, self._removal_changes(removals)

    def restore_spans(self, removals: Iterable[SpanRemoval]) -> Changes:
        """Undo ``delete_spans``: the spans with their ids, then their relations, values and notes."""
        removals = list(removals)
        with self.project.transaction() as conn:
            for span in first_fragments_first(removal.span for removal in removals):
                self.project.restore_span(span)  # joins this transaction
            for removal in removals:
                for relation in removal.relations:
                    self._insert_relation(conn, relation)  # a relation between two restored spans: once
                conn.executemany(
                    "INSERT INTO span_attributes (span_id, attribute_id, value) VALUES (?, (SELECT t.id FROM "
                    "attributes t JOIN labels l ON l.id = t.label_id WHERE l.name = ? AND t.name = ?), ?)",
                    [(removal.span.id, removal.span.label, value.name, value.value)
                     for value in removal.attributes])
                if removal.note is not None:
                    conn.execute("INSERT INTO span_notes (span_id, text, updated_at) VALUES (?, ?, ?)",
                                 (removal.span.id, removal.note.text, removal.note.updated_at))
        return self._removal_changes(removals)

    def restore_span(self, removal: SpanRemoval) -> Changes:
        """Undo ``delete_span``."""
        return self.restore_spans([removal])

    @staticmethod
    def _removal_changes(removals: list[SpanRemoval]) -> Changes:
        return Changes(
            spans=frozenset(r.span.id for r in removals),
            documents=frozenset(r.span.document_id for r in removals),
            relations=frozenset(relation.id for r in removals for relation in r.relations),
            span_details=frozenset(r.span.id for r in removals),
        )
