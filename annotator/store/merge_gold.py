"""The gold side of a merge: reading curators' gold from a project file and writing the settled gold.

Two reviewers who split the curation of a corpus each hold part of the gold; merging their project
files brings it together. Gold is read only from project files and the reviewer's team file (JSONL and
packs carry annotators' work, not gold), matched by article text hash and label name, and settled by
``core.merging.settle_gold``: gold spans and rejections with the gold relations, attribute values and
answers on them (``GoldStructure``, known by span position, relation type, attribute and question name).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable

from annotator.core.merging import GoldStructure, GoldWork
from annotator.core.model import GoldStatus, SpanRef
from annotator.core.structure import RelationRef
from annotator.store.gold_structure_rows import answer_key

PROJECT_TABLES = frozenset({"gold_spans", "gold_rejections", "gold_relations"})  # an open project's gold

_GOLD_SPANS = ("SELECT g.document_id, g.start, g.end, l.name, g.decided_by, g.decided_at, g.origin "
               "FROM gold_spans g JOIN labels l ON l.id = g.label_id")
_REJECTIONS = ("SELECT r.document_id, r.start, r.end, l.name, r.decided_by, r.decided_at "
               "FROM gold_rejections r JOIN labels l ON l.id = r.label_id")
_STATUSES = "SELECT document_id, status, updated_at FROM gold_statuses"
_RELATION_ENDS = ("FROM {} r JOIN gold_spans h ON h.id = r.head_gold_span_id "
                  "JOIN labels hl ON hl.id = h.label_id JOIN gold_spans c ON c.id = r.child_gold_span_id "
                  "JOIN labels cl ON cl.id = c.label_id JOIN relation_types t ON t.id = r.relation_type_id")
_STRUCTURE = {
    "relations": "SELECT r.document_id, h.start, h.end, hl.name, c.start, c.end, cl.name, t.name, "
                 "r.decided_by, r.decided_at, r.origin " + _RELATION_ENDS.format("gold_relations"),
    "relation_rejections": "SELECT r.document_id, h.start, h.end, hl.name, c.start, c.end, cl.name, t.name, "
                           "r.decided_by, r.decided_at " + _RELATION_ENDS.format("gold_relation_rejections"),
    "attributes": "SELECT g.document_id, g.start, g.end, l.name, t.name, a.value, a.decided_by, "
                  "a.decided_at, a.origin FROM gold_attributes a JOIN gold_spans g ON g.id = a.gold_span_id "
                  "JOIN labels l ON l.id = g.label_id JOIN attributes t ON t.id = a.attribute_id",
    "attribute_rejections": "SELECT g.document_id, g.start, g.end, l.name, t.name, a.value, a.decided_by, "
                            "a.decided_at FROM gold_attribute_rejections a "
                            "JOIN gold_spans g ON g.id = a.gold_span_id JOIN labels l ON l.id = g.label_id "
                            "JOIN attributes t ON t.id = a.attribute_id",
    "answers": "SELECT a.document_id, q.name, a.value, a.decided_by, a.decided_at, a.origin "
               "FROM gold_answers a JOIN article_questions q ON q.id = a.question_id "
               "ORDER BY a.document_id, q.name, a.position",
    "answer_rejections": "SELECT r.document_id, q.name, r.answer, r.decided_by, r.decided_at "
                         "FROM gold_answer_rejections r JOIN article_questions q ON q.id = r.question_id",
}


def read_structure(conn: sqlite3.Connection, wanted: set[str] | None) -> dict[str, GoldStructure]:
    """Article id → its gold relations, attribute values and answers (and rejected versions).

    A rejected answer whose stored values are not a JSON list of text raises ValueError (the caller
    refuses such a file as inconsistent).
    """
    parts: dict[str, dict[str, dict]] = {}

    def put(doc: str, kind: str, key: object, value: tuple) -> None:
        if wanted is None or doc in wanted:
            parts.setdefault(doc, {}).setdefault(kind, {})[key] = value

    q = conn.execute
    for doc, *row in q(_STRUCTURE["relations"]):
        put(doc, "relations", RelationRef(SpanRef(*row[0:3]), SpanRef(*row[3:6]), row[6]), tuple(row[7:]))
    for doc, *row in q(_STRUCTURE["relation_rejections"]):
        put(doc, "relation_rejections", RelationRef(SpanRef(*row[0:3]), SpanRef(*row[3:6]), row[6]),
            tuple(row[7:]))
    for doc, start, end, label, name, value, *decision in q(_STRUCTURE["attributes"]):
        put(doc, "attributes", (SpanRef(start, end, label), name), (value, *decision))
    for doc, start, end, label, name, value, *decision in q(_STRUCTURE["attribute_rejections"]):
        put(doc, "attribute_rejections", (SpanRef(start, end, label), name, value), tuple(decision))
    answers: dict[tuple[str, str], list] = {}
    for doc, question, value, *decision in q(_STRUCTURE["answers"]):
        found = answers.setdefault((doc, question), [(), *decision])
        found[0] += (value,)
    for (doc, question), (values, *decision) in answers.items():
        put(doc, "answers", question, (values, *decision))
    for doc, question, answer, *decision in q(_STRUCTURE["answer_rejections"]):
        values = json.loads(answer)
        if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
            raise ValueError(f"a rejected answer to {question!r} is not a list of values")
        put(doc, "answer_rejections", (question, tuple(sorted(values))), tuple(decision))
    undirected = [name for (name,) in q("SELECT name FROM relation_types WHERE directed = 0")]
    return {doc: GoldStructure(**found).undirected_sorted(undirected) for doc, found in parts.items()}


def read_gold(conn: sqlite3.Connection, tables: set[str] | frozenset[str],
              article_ids: Iterable[str] | None = None) -> dict[str, GoldWork]:
    """Article id → its gold, for articles with any gold span, rejection or gold status.

    ``article_ids`` limits the reading to those articles (the project's side of a merge).
    """
    if "gold_spans" not in tables:  # a version-1 file: no adjudication yet
        return {}
    wanted = None if article_ids is None else set(article_ids)
    spans: dict[str, dict] = {}
    rejections: dict[str, dict] = {}
    statuses: dict[str, tuple[str, str]] = {}
    for doc, start, end, label, by, at, origin in conn.execute(_GOLD_SPANS):
        if wanted is None or doc in wanted:
            spans.setdefault(doc, {})[SpanRef(start, end, label)] = (by, at, origin)
    if "gold_rejections" in tables:
        for doc, start, end, label, by, at in conn.execute(_REJECTIONS):
            if wanted is None or doc in wanted:
                rejections.setdefault(doc, {})[SpanRef(start, end, label)] = (by, at)
    for doc, status, updated_at in conn.execute(_STATUSES):
        if wanted is None or doc in wanted:
            statuses[doc] = (status, updated_at)
    structure = read_structure(conn, wanted) if "gold_relations" in tables else {}
    gold = {}
    for doc in spans.keys() | rejections.keys() | statuses.keys() | structure.keys():
        status, updated_at = statuses.get(doc, (GoldStatus.IN_PROGRESS.value, None))
        if updated_at is None:  # decisions without a status row: only in files edited by hand
            times = [d[1] for d in (*spans.get(doc, {}).values(), *rejections.get(doc, {}).values())]
            updated_at = max(times, default=None)
        gold[doc] = GoldWork(spans.get(doc, {}), rejections.get(doc, {}), GoldStatus(status), updated_at,
                             structure.get(doc, GoldStructure()))
    return gold


def write_gold(conn: sqlite3.Connection, changed: dict[str, GoldWork], now: str) -> None:
    """Replace the gold of each article in ``changed`` by its settled gold (in the merge's transaction)."""
    label_ids = dict(conn.execute("SELECT name, id FROM labels"))
    for doc, work in changed.items():
        conn.execute("DELETE FROM gold_spans WHERE document_id = ?", (doc,))
        conn.execute("DELETE FROM gold_rejections WHERE document_id = ?", (doc,))
        conn.executemany(
            "INSERT INTO gold_spans (document_id, start, end, label_id, decided_by, decided_at, origin) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            [(doc, ref.start, ref.end, label_ids[ref.label], by, at, origin)
             for ref, (by, at, origin) in sorted(work.spans.items())])
        conn.executemany(
            "INSERT INTO gold_rejections (document_id, start, end, label_id, decided_by, decided_at) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            [(doc, ref.start, ref.end, label_ids[ref.label], by, at)
             for ref, (by, at) in sorted(work.rejections.items())])
        conn.execute(
            "INSERT INTO gold_statuses (document_id, status, updated_at) VALUES (?, ?, ?) "
            "ON CONFLICT(document_id) DO UPDATE SET status = excluded.status, "
            "updated_at = excluded.updated_at",
            (doc, work.status.value, work.updated_at or now))
        write_structure(conn, doc, work.structure)


def write_structure(conn: sqlite3.Connection, doc: str, structure: GoldStructure) -> None:
    """Write one article's settled gold relations, values and answers on its gold spans just written
    (its old ones went with its old gold spans; the answers are replaced here). Every name is in the
    merged codebook: sources are checked against their own codebook, which the merge brought in."""
    conn.execute("DELETE FROM gold_answers WHERE document_id = ?", (doc,))
    conn.execute("DELETE FROM gold_answer_rejections WHERE document_id = ?", (doc,))
    spans = {SpanRef(start, end, label): span_id for span_id, start, end, label in conn.execute(
        "SELECT g.id, g.start, g.end, l.name FROM gold_spans g JOIN labels l ON l.id = g.label_id "
        "WHERE g.document_id = ?", (doc,))}
    types = dict(conn.execute("SELECT name, id FROM relation_types"))
    attributes = {(label, name): attribute_id for attribute_id, label, name in conn.execute(
        "SELECT t.id, l.name, t.name FROM attributes t JOIN labels l ON l.id = t.label_id")}
    questions = dict(conn.execute("SELECT name, id FROM article_questions"))
    conn.executemany(
        "INSERT OR IGNORE INTO gold_relations (document_id, head_gold_span_id, child_gold_span_id, "
        "relation_type_id, decided_by, decided_at, origin) VALUES (?, ?, ?, ?, ?, ?, ?)",
        [(doc, spans[r.head], spans[r.child], types[r.type], *d)
         for r, d in sorted(structure.relations.items())])
    conn.executemany(
        "INSERT OR IGNORE INTO gold_relation_rejections (document_id, head_gold_span_id, child_gold_span_id, "
        "relation_type_id, decided_by, decided_at) VALUES (?, ?, ?, ?, ?, ?)",
        [(doc, spans[r.head], spans[r.child], types[r.type], *d)
         for r, d in sorted(structure.relation_rejections.items())])
    conn.executemany("INSERT OR IGNORE INTO gold_attributes VALUES (?, ?, ?, ?, ?, ?)",
                     [(spans[span], attributes[(span.label, name)], *d)
                      for (span, name), d in sorted(structure.attributes.items())])
    conn.executemany("INSERT OR IGNORE INTO gold_attribute_rejections VALUES (?, ?, ?, ?, ?)",
                     [(spans[span], attributes[(span.label, name)], value, *d)
                      for (span, name, value), d in sorted(structure.attribute_rejections.items())])
    conn.executemany("INSERT INTO gold_answers (document_id, question_id, value, position, decided_by, "
                     "decided_at, origin) VALUES (?, ?, ?, ?, ?, ?, ?)",
                     [(doc, questions[question], value, i, *d)
                      for question, (values, *d) in sorted(structure.answers.items())
                      for i, value in enumerate(values)])
    conn.executemany("INSERT INTO gold_answer_rejections VALUES (?, ?, ?, ?, ?)",
                     [(doc, questions[question], answer_key(values), *d)
                      for (question, values), d in sorted(structure.answer_rejections.items())])
