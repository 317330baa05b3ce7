"""Gold structured coding as rows, on a connection inside another operation's transaction.

``store.gold`` snapshots and restores an article's whole gold with ``read_state``/``write_state``
(undo); the vote reads ``decisions`` and writes ``store_accepted``; exports read ``gold_codings``
(merges read and write gold structure by position and name in ``store.merge_gold``).
``GoldCoding`` (``store.gold_structure``) is the class the window and the command line use.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass

from annotator.core.adjudication_structure import GoldDecisions, StructureAdjudication
from annotator.core.errors import InputError, NotFoundError
from annotator.core.model import SpanRef
from annotator.core.structure import RelationRef, StructuredCoding


@dataclass(frozen=True)
class GoldStructureState:
    """One article's gold relations, attribute values and answers and their rejections, as stored rows
    (gold span ids included): what undo puts back after the gold spans with the same ids."""

    relations: tuple[tuple, ...] = ()  # (id, head gold span id, child id, type id, by, at, origin)
    relation_rejections: tuple[tuple, ...] = ()  # (head id, child id, type id, by, at)
    attributes: tuple[tuple, ...] = ()  # (gold span id, attribute id, value, by, at, origin)
    attribute_rejections: tuple[tuple, ...] = ()  # (gold span id, attribute id, value, by, at)
    answers: tuple[tuple, ...] = ()  # (question id, value, position, by, at, origin)
    answer_rejections: tuple[tuple, ...] = ()  # (question id, answer JSON, by, at)


_STATE_QUERIES = {
    "relations": "SELECT id, head_gold_span_id, child_gold_span_id, relation_type_id, decided_by, "
                 "decided_at, origin FROM gold_relations WHERE document_id = ? ORDER BY id",
    "relation_rejections": "SELECT head_gold_span_id, child_gold_span_id, relation_type_id, decided_by, "
                           "decided_at FROM gold_relation_rejections WHERE document_id = ? ORDER BY 1, 2, 3",
    "attributes": "SELECT a.gold_span_id, a.attribute_id, a.value, a.decided_by, a.decided_at, a.origin "
                  "FROM gold_attributes a JOIN gold_spans g ON g.id = a.gold_span_id "
                  "WHERE g.document_id = ? ORDER BY 1, 2",
    "attribute_rejections": "SELECT r.gold_span_id, r.attribute_id, r.value, r.decided_by, r.decided_at "
                            "FROM gold_attribute_rejections r JOIN gold_spans g ON g.id = r.gold_span_id "
                            "WHERE g.document_id = ? ORDER BY 1, 2, 3",
    "answers": "SELECT question_id, value, position, decided_by, decided_at, origin FROM gold_answers "
               "WHERE document_id = ? ORDER BY 1, 3, 2",
    "answer_rejections": "SELECT question_id, answer, decided_by, decided_at FROM gold_answer_rejections "
                         "WHERE document_id = ? ORDER BY 1, 2",
}


def read_state(conn: sqlite3.Connection, document_id: str) -> GoldStructureState:
    return GoldStructureState(**{name: tuple(conn.execute(sql, (document_id,)))
                                 for name, sql in _STATE_QUERIES.items()})


def write_state(conn: sqlite3.Connection, document_id: str, state: GoldStructureState) -> None:
    """Make the article's gold structure exactly ``state``; its gold spans must already be as it expects."""
    doc = document_id
    spans = "(SELECT id FROM gold_spans WHERE document_id = ?)"
    conn.execute("DELETE FROM gold_relations WHERE document_id = ?", (doc,))
    conn.execute("DELETE FROM gold_relation_rejections WHERE document_id = ?", (doc,))
    conn.execute(f"DELETE FROM gold_attributes WHERE gold_span_id IN {spans}", (doc,))
    conn.execute(f"DELETE FROM gold_attribute_rejections WHERE gold_span_id IN {spans}", (doc,))
    conn.execute("DELETE FROM gold_answers WHERE document_id = ?", (doc,))
    conn.execute("DELETE FROM gold_answer_rejections WHERE document_id = ?", (doc,))
    conn.executemany("INSERT INTO gold_relations (id, document_id, head_gold_span_id, child_gold_span_id, "
                     "relation_type_id, decided_by, decided_at, origin) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                     [(row[0], doc, *row[1:]) for row in state.relations])
    conn.executemany("INSERT INTO gold_relation_rejections (document_id, head_gold_span_id, "
                     "child_gold_span_id, relation_type_id, decided_by, decided_at) "
                     "VALUES (?, ?, ?, ?, ?, ?)",
                     [(doc, *row) for row in state.relation_rejections])
    conn.executemany("INSERT INTO gold_attributes VALUES (?, ?, ?, ?, ?, ?)", state.attributes)
    conn.executemany("INSERT INTO gold_attribute_rejections VALUES (?, ?, ?, ?, ?)",
                     state.attribute_rejections)
    conn.executemany("INSERT INTO gold_answers (document_id, question_id, value, position, decided_by, "
                     "decided_at, origin) VALUES (?, ?, ?, ?, ?, ?, ?)",
                     [(doc, *row) for row in state.answers])
    conn.executemany("INSERT INTO gold_answer_rejections VALUES (?, ?, ?, ?, ?)",
                     [(doc, *row) for row in state.answer_rejections])


def answer_key(values: Iterable[str]) -> str:
    return json.dumps(sorted(values), ensure_ascii=False)


_SPAN_ENDS = ("JOIN gold_spans h ON h.id = r.head_gold_span_id JOIN labels hl ON hl.id = h.label_id "
              "JOIN gold_spans c ON c.id = r.child_gold_span_id JOIN labels cl ON cl.id = c.label_id "
              "JOIN relation_types t ON t.id = r.relation_type_id")
_ENDS = "h.start, h.end, hl.name, c.start, c.end, cl.name, t.name"


def relation_rows(conn: sqlite3.Connection, table: str, document_id: str | None) -> list[tuple]:
    clause, params = ("WHERE r.document_id = ?", (document_id,)) if document_id is not None else ("", ())
    extra = "r.id, r.decided_by, r.decided_at, r.origin" if table == "gold_relations" else "NULL"
    return conn.execute(f"SELECT r.document_id, {_ENDS}, {extra} FROM {table} r {_SPAN_ENDS} {clause} "
                        "ORDER BY r.document_id, h.start, h.end, c.start, c.end, t.name", params).fetchall()


def _ref(row: tuple) -> RelationRef:
    return RelationRef(SpanRef(*row[1:4]), SpanRef(*row[4:7]), row[7])


def attribute_rows(conn: sqlite3.Connection, table: str, document_id: str | None) -> list[tuple]:
    clause, params = ("WHERE g.document_id = ?", (document_id,)) if document_id is not None else ("", ())
    extra = ", a.decided_by, a.decided_at, a.origin" if table == "gold_attributes" else ""
    return conn.execute(
        f"SELECT g.document_id, g.start, g.end, l.name, t.name, a.value{extra} FROM {table} a "
        "JOIN gold_spans g ON g.id = a.gold_span_id JOIN labels l ON l.id = g.label_id "
        f"JOIN attributes t ON t.id = a.attribute_id {clause} ORDER BY g.document_id, g.start, g.end, "
        "l.name, t.position, t.id", params).fetchall()


def answer_rows(conn: sqlite3.Connection, document_id: str | None) -> dict[tuple[str, str], list[tuple]]:
    clause, params = ("WHERE a.document_id = ?", (document_id,)) if document_id is not None else ("", ())
    grouped: dict[tuple[str, str], list[tuple]] = {}
    for doc, question, value, by, at, origin in conn.execute(
            "SELECT a.document_id, q.name, a.value, a.decided_by, a.decided_at, a.origin FROM gold_answers a "
            f"JOIN article_questions q ON q.id = a.question_id {clause} "
            "ORDER BY a.document_id, q.position, q.id, a.position", params):
        grouped.setdefault((doc, question), []).append((value, by, at, origin))
    return grouped


def decisions(conn: sqlite3.Connection, document_id: str) -> GoldDecisions:
    """What the article's gold holds or rules out beyond spans, as the vote needs it."""
    rejected_answers = frozenset(
        (question, tuple(json.loads(answer))) for question, answer in conn.execute(
            "SELECT q.name, r.answer FROM gold_answer_rejections r JOIN article_questions q "
            "ON q.id = r.question_id WHERE r.document_id = ?", (document_id,)))
    return GoldDecisions(
        relations=frozenset(map(_ref, relation_rows(conn, "gold_relations", document_id))),
        rejected_relations=frozenset(map(_ref, relation_rows(conn, "gold_relation_rejections", document_id))),
        attributes=frozenset((SpanRef(*row[1:4]), row[4])
                             for row in attribute_rows(conn, "gold_attributes", document_id)),
        rejected_attributes=frozenset(
            (SpanRef(*row[1:4]), row[4], row[5])
            for row in attribute_rows(conn, "gold_attribute_rejections", document_id)),
        answers=frozenset(question for _doc, question in answer_rows(conn, document_id)),
        rejected_answers=rejected_answers,
    )


def gold_codings(conn: sqlite3.Connection, document_id: str | None = None) -> dict[str, StructuredCoding]:
    """Article id → gold's relations, attribute values and answers, as the exporters take a coding."""
    parts: dict[str, dict[str, set]] = {}
    for row in relation_rows(conn, "gold_relations", document_id):
        parts.setdefault(row[0], {}).setdefault("relations", set()).add(_ref(row))
    for row in attribute_rows(conn, "gold_attributes", document_id):
        parts.setdefault(row[0], {}).setdefault("attributes", set()).add((SpanRef(*row[1:4]), row[4], row[5]))
    for (doc, question), rows in answer_rows(conn, document_id).items():
        values = tuple(value for value, *_ in rows)
        parts.setdefault(doc, {}).setdefault("codes", set()).add((question, values))
    return {doc: StructuredCoding(relations=frozenset(found.get("relations", ())),
                                  attributes=frozenset(found.get("attributes", ())),
                                  codes=frozenset(found.get("codes", ())))
            for doc, found in parts.items()}


def undirected_types(conn: sqlite3.Connection) -> frozenset[str]:
    return frozenset(name for (name,) in conn.execute("SELECT name FROM relation_types WHERE directed = 0"))


class Ids:
    """Names and positions to row ids on one connection; an unknown one is a NotFoundError naming it."""

    def __init__(self, conn: sqlite3.Connection, document_id: str) -> None:
        self.conn, self.document_id = conn, document_id

    def gold_span(self, ref: SpanRef) -> int:
        row = self.conn.execute(
            "SELECT g.id FROM gold_spans g JOIN labels l ON l.id = g.label_id WHERE g.document_id = ? AND "
            "g.start = ? AND g.end = ? AND l.name = ?", (self.document_id, ref.start, ref.end, ref.label),
        ).fetchone()
        if row is None:
            raise InputError(f"{ref.label} {ref.start}-{ref.end} is not a gold span of article "
                             f"{self.document_id}; accept the span into gold first")
        return row[0]

    def relation_type(self, name: str) -> int:
        return self._one("SELECT id FROM relation_types WHERE name = ?", (name,), f"relation type {name!r}")

    def attribute(self, label: str, name: str) -> int:
        return self._one("SELECT t.id FROM attributes t JOIN labels l ON l.id = t.label_id WHERE l.name = ? "
                         "AND t.name = ?", (label, name), f"attribute {name!r} of label {label!r}")

    def question(self, name: str) -> int:
        return self._one("SELECT id FROM article_questions WHERE name = ?", (name,),
                         f"article question {name!r}")

    def _one(self, sql: str, params: tuple, what: str) -> int:
        row = self.conn.execute(sql, params).fetchone()
        if row is None:
            raise NotFoundError(f"there is no {what}")
        return row[0]


def store_accepted(conn: sqlite3.Connection, document_id: str, result: StructureAdjudication, by: str,
                   now: str) -> None:
    """Write what the vote accepted on one article into gold (inside the caller's transaction)."""
    ids = Ids(conn, document_id)
    for candidate in result.relations_accepted:
        ref = candidate.ref
        conn.execute("INSERT OR IGNORE INTO gold_relations (document_id, head_gold_span_id, "
                     "child_gold_span_id, relation_type_id, decided_by, decided_at, origin) "
                     "VALUES (?, ?, ?, ?, ?, ?, ?)",
                     (document_id, ids.gold_span(ref.head), ids.gold_span(ref.child),
                      ids.relation_type(ref.type), by, now, by))
    for candidate in result.attributes_accepted:
        conn.execute("INSERT OR IGNORE INTO gold_attributes VALUES (?, ?, ?, ?, ?, ?)",
                     (ids.gold_span(candidate.span), ids.attribute(candidate.span.label, candidate.name),
                      candidate.value, by, now, by))
    for candidate in result.answers_accepted:
        question_id = ids.question(candidate.question)
        conn.executemany("INSERT OR IGNORE INTO gold_answers (document_id, question_id, value, position, "
                         "decided_by, decided_at, origin) VALUES (?, ?, ?, ?, ?, ?, ?)",
                         [(document_id, question_id, value, i, by, now, by)
                          for i, value in enumerate(candidate.values)])


def touch_gold(conn: sqlite3.Connection, document_id: str, now: str) -> None:
    """A curator's first decision moves the article from `not started` to `in progress`."""
    conn.execute(
        "INSERT INTO gold_statuses (document_id, status, updated_at) VALUES (?, 'in progress', ?) "
        "ON CONFLICT(document_id) DO UPDATE SET updated_at = excluded.updated_at, "
        "status = CASE WHEN status = 'not started' THEN 'in progress' ELSE status END",
        (document_id, now),
    )


