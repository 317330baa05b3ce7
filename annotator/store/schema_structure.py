"""The schema step that adds structured coding: relations, span attributes, notes and article codes.

Self-contained (one function, ``add_structure``) so it can be registered under whatever version number
it lands at. Schema half: relation types with their allowed head/child labels, attributes per label with
their values or vocabulary, article questions with their options. Work half, per annotator: relations,
attribute values, span and article notes, article answers. Every row that hangs off a span goes with
it (ON DELETE CASCADE), so nothing dangles when a span, label, type or article is deleted.
"""

from __future__ import annotations

import sqlite3

from annotator.core.structure import DEFAULT_RELATION_TYPES

STRUCTURE_TABLES = """
CREATE TABLE relation_types (
    id       INTEGER PRIMARY KEY,
    name     TEXT NOT NULL UNIQUE,
    color    TEXT NOT NULL,
    key      TEXT NOT NULL DEFAULT '',
    directed INTEGER NOT NULL DEFAULT 1 CHECK (directed IN (0, 1)),
    position INTEGER NOT NULL
);
CREATE TABLE relation_type_ends (
    relation_type_id INTEGER NOT NULL REFERENCES relation_types(id) ON DELETE CASCADE,
    role             TEXT NOT NULL CHECK (role IN ('head', 'child')),
    label_id         INTEGER NOT NULL REFERENCES labels(id) ON DELETE CASCADE,
    PRIMARY KEY (relation_type_id, role, label_id)
);
CREATE TABLE attributes (
    id       INTEGER PRIMARY KEY,
    label_id INTEGER NOT NULL REFERENCES labels(id) ON DELETE CASCADE,
    name     TEXT NOT NULL,
    kind     TEXT NOT NULL CHECK (kind IN ('choice', 'flag', 'text')),
    position INTEGER NOT NULL,
    UNIQUE (label_id, name)
);
CREATE TABLE attribute_vocabulary (
    attribute_id INTEGER NOT NULL REFERENCES attributes(id) ON DELETE CASCADE,
    value        TEXT NOT NULL,
    position     INTEGER NOT NULL,
    PRIMARY KEY (attribute_id, value)
);
CREATE TABLE article_questions (
    id       INTEGER PRIMARY KEY,
    name     TEXT NOT NULL UNIQUE,
    kind     TEXT NOT NULL CHECK (kind IN ('single', 'multiple', 'flag', 'text')),
    position INTEGER NOT NULL
);
CREATE TABLE question_options (
    question_id INTEGER NOT NULL REFERENCES article_questions(id) ON DELETE CASCADE,
    value       TEXT NOT NULL,
    position    INTEGER NOT NULL,
    PRIMARY KEY (question_id, value)
);
CREATE TABLE relations (
    id               INTEGER PRIMARY KEY,
    document_id      TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    annotator_id     INTEGER NOT NULL REFERENCES annotators(id),
    head_span_id     INTEGER NOT NULL REFERENCES spans(id) ON DELETE CASCADE,
    child_span_id    INTEGER NOT NULL REFERENCES spans(id) ON DELETE CASCADE,
    relation_type_id INTEGER NOT NULL REFERENCES relation_types(id) ON DELETE CASCADE,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    CHECK (head_span_id != child_span_id),
    UNIQUE (head_span_id, child_span_id, relation_type_id)
);
CREATE INDEX relations_by_document ON relations(document_id, annotator_id);
CREATE INDEX relations_by_child ON relations(child_span_id);
CREATE INDEX relations_by_type ON relations(relation_type_id);
CREATE TABLE span_attributes (
    span_id      INTEGER NOT NULL REFERENCES spans(id) ON DELETE CASCADE,
    attribute_id INTEGER NOT NULL REFERENCES attributes(id) ON DELETE CASCADE,
    value        TEXT NOT NULL,
    PRIMARY KEY (span_id, attribute_id)
);
CREATE INDEX span_attributes_by_attribute ON span_attributes(attribute_id);
CREATE TABLE span_notes (
    span_id    INTEGER PRIMARY KEY REFERENCES spans(id) ON DELETE CASCADE,
    text       TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE TABLE article_notes (
    document_id  TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    annotator_id INTEGER NOT NULL REFERENCES annotators(id),
    text         TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    PRIMARY KEY (document_id, annotator_id)
);
CREATE TABLE article_answers (
    document_id  TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    annotator_id INTEGER NOT NULL REFERENCES annotators(id),
    question_id  INTEGER NOT NULL REFERENCES article_questions(id) ON DELETE CASCADE,
    value        TEXT NOT NULL,
    position     INTEGER NOT NULL,
    updated_at   TEXT NOT NULL,
    PRIMARY KEY (document_id, annotator_id, question_id, value)
);
"""


def add_structure(conn: sqlite3.Connection) -> None:
    """Create the structured-coding tables and give the project the default relation types.

    A default type is added only where its labels exist by name (an older project whose team renamed
    ``actor`` gets no ``claims`` it cannot use; they add their own in Edit labels).
    """
    for statement in STRUCTURE_TABLES.split(";"):
        if statement.strip():
            conn.execute(statement)
    labels = dict(conn.execute("SELECT name, id FROM labels"))
    position = 0
    for relation_type in DEFAULT_RELATION_TYPES:
        ends = [("head", name) for name in relation_type.head_labels]
        ends += [("child", name) for name in relation_type.child_labels]
        if any(name not in labels for _role, name in ends):
            continue
        type_id = conn.execute(
            "INSERT INTO relation_types (name, color, key, directed, position) VALUES (?, ?, ?, ?, ?)",
            (relation_type.name, relation_type.color, relation_type.key, int(relation_type.directed),
             position),
        ).lastrowid
        conn.executemany(
            "INSERT INTO relation_type_ends (relation_type_id, role, label_id) VALUES (?, ?, ?)",
            [(type_id, role, labels[name]) for role, name in ends],
        )
        position += 1
