"""The schema step that lets gold hold structured coding: gold relations, attribute values, answers.

Self-contained (one function, ``add_gold_structure``) like ``schema_structure``. Every row hangs off a
gold span or an article with ON DELETE CASCADE, so taking a span out of gold takes its relations and
values with it and nothing dangles; deleting a relation type, attribute or question takes its gold rows
too. The curator's rejections (versions ruled out of gold) are kept as for spans, so re-running
``adjudicate`` never brings them back and the curation view stops listing them.
"""

from __future__ import annotations

import sqlite3

GOLD_STRUCTURE_TABLES = """
CREATE TABLE gold_relations (
    id                 INTEGER PRIMARY KEY AUTOINCREMENT,
    document_id        TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    head_gold_span_id  INTEGER NOT NULL REFERENCES gold_spans(id) ON DELETE CASCADE,
    child_gold_span_id INTEGER NOT NULL REFERENCES gold_spans(id) ON DELETE CASCADE,
    relation_type_id   INTEGER NOT NULL REFERENCES relation_types(id) ON DELETE CASCADE,
    decided_by         TEXT NOT NULL,
    decided_at         TEXT NOT NULL,
    origin             TEXT NOT NULL DEFAULT 'curated',
    CHECK (head_gold_span_id != child_gold_span_id),
    UNIQUE (head_gold_span_id, child_gold_span_id, relation_type_id)
);
CREATE INDEX gold_relations_by_document ON gold_relations(document_id);
CREATE INDEX gold_relations_by_child ON gold_relations(child_gold_span_id);
CREATE TABLE gold_relation_rejections (
    document_id        TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    head_gold_span_id  INTEGER NOT NULL REFERENCES gold_spans(id) ON DELETE CASCADE,
    child_gold_span_id INTEGER NOT NULL REFERENCES gold_spans(id) ON DELETE CASCADE,
    relation_type_id   INTEGER NOT NULL REFERENCES relation_types(id) ON DELETE CASCADE,
    decided_by         TEXT NOT NULL,
    decided_at         TEXT NOT NULL,
    PRIMARY KEY (head_gold_span_id, child_gold_span_id, relation_type_id)
);
CREATE INDEX gold_relation_rejections_by_document ON gold_relation_rejections(document_id);
CREATE TABLE gold_attributes (
    gold_span_id INTEGER NOT NULL REFERENCES gold_spans(id) ON DELETE CASCADE,
    attribute_id INTEGER NOT NULL REFERENCES attributes(id) ON DELETE CASCADE,
    value        TEXT NOT NULL,
    decided_by   TEXT NOT NULL,
    decided_at   TEXT NOT NULL,
    origin       TEXT NOT NULL DEFAULT 'curated',
    PRIMARY KEY (gold_span_id, attribute_id)
);
CREATE TABLE gold_attribute_rejections (
    gold_span_id INTEGER NOT NULL REFERENCES gold_spans(id) ON DELETE CASCADE,
    attribute_id INTEGER NOT NULL REFERENCES attributes(id) ON DELETE CASCADE,
    value        TEXT NOT NULL,
    decided_by   TEXT NOT NULL,
    decided_at   TEXT NOT NULL,
    PRIMARY KEY (gold_span_id, attribute_id, value)
);
CREATE TABLE gold_answers (
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    question_id INTEGER NOT NULL REFERENCES article_questions(id) ON DELETE CASCADE,
    value       TEXT NOT NULL,
    position    INTEGER NOT NULL,
    decided_by  TEXT NOT NULL,
    decided_at  TEXT NOT NULL,
    origin      TEXT NOT NULL DEFAULT 'curated',
    PRIMARY KEY (document_id, question_id, value)
);
CREATE TABLE gold_answer_rejections (
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    question_id INTEGER NOT NULL REFERENCES article_questions(id) ON DELETE CASCADE,
    answer      TEXT NOT NULL,  -- the rejected answer's values as a JSON list, sorted
    decided_by  TEXT NOT NULL,
    decided_at  TEXT NOT NULL,
    PRIMARY KEY (document_id, question_id, answer)
);
"""


def add_gold_structure(conn: sqlite3.Connection) -> None:
    """Create the gold structured-coding tables (empty: gold so far holds spans only)."""
    for statement in GOLD_STRUCTURE_TABLES.split(";"):
        if statement.strip():
            conn.execute(statement)
