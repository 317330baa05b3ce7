"""The structured-coding side of a merge: the codebook merged by name, and each pair's coding written.

Relation types, attributes (with their values or vocabulary) and article questions are known by name
across machines, like labels: a merge adds those the project lacks and the values or options its
lists lack, and keeps the project's own definition of a name it already has. An annotator's relations,
attribute values, notes and answers travel with their spans (``PairWork.coding``) and are settled with
them; writing them goes through ``CodebookWriter``, which checks each against the merged codebook.
"""

from __future__ import annotations

import sqlite3

from annotator.core.structure import (
    ArticleQuestion,
    AttributeDefinition,
    AttributeKind,
    CodebookSchema,
    QuestionKind,
    RelationType,
)

STRUCTURE_TABLES = frozenset({"relation_types", "relation_type_ends", "attributes", "attribute_vocabulary",
                              "article_questions", "question_options", "relations", "span_attributes",
                              "span_notes", "article_notes", "article_answers"})


def has_structure(tables: set[str]) -> bool:
    """True when a project file is at a schema version with structured coding (older ones merge too)."""
    return tables >= STRUCTURE_TABLES


def read_schema(conn: sqlite3.Connection) -> CodebookSchema:
    """The codebook of the project on ``conn``: relation types, attributes, questions, in display order."""
    ends: dict[tuple[int, str], list[str]] = {}
    for type_id, role, label in conn.execute(
            "SELECT e.relation_type_id, e.role, l.name FROM relation_type_ends e "
            "JOIN labels l ON l.id = e.label_id ORDER BY l.position, l.id"):
        ends.setdefault((type_id, role), []).append(label)
    types = tuple(
        RelationType(name, color, key, bool(directed), tuple(ends.get((type_id, "head"), ())),
                     tuple(ends.get((type_id, "child"), ())), position)
        for type_id, name, color, key, directed, position in conn.execute(
            "SELECT id, name, color, key, directed, position FROM relation_types ORDER BY position, id"))
    values: dict[int, list[str]] = {}
    for attribute_id, value in conn.execute(
            "SELECT attribute_id, value FROM attribute_vocabulary ORDER BY position, value"):
        values.setdefault(attribute_id, []).append(value)
    attributes = tuple(
        AttributeDefinition(label, name, AttributeKind(kind), tuple(values.get(attribute_id, ())), position)
        for attribute_id, label, name, kind, position in conn.execute(
            "SELECT t.id, l.name, t.name, t.kind, t.position FROM attributes t JOIN labels l ON "
            "l.id = t.label_id ORDER BY l.position, l.id, t.position, t.id"))
    options: dict[int, list[str]] = {}
    for question_id, value in conn.execute(
            "SELECT question_id, value FROM question_options ORDER BY position, value"):
        options.setdefault(question_id, []).append(value)
    questions = tuple(
        ArticleQuestion(name, QuestionKind(kind), tuple(options.get(question_id, ())), position)
        for question_id, name, kind, position in conn.execute(
            "SELECT id, name, kind, position FROM article_questions ORDER BY position, id"))
    return CodebookSchema(types, attributes, questions)


def write_schema(conn: sqlite3.Connection, schema: CodebookSchema) -> list[str]:
    """Add what ``schema`` has and the project lacks (by name); returns what was added, for the summary.

    A relation type's allowed labels are kept only where the project has the label (labels are merged
    before this runs, so a source's own labels are there).
    """
    added: list[str] = []
    labels = dict(conn.execute("SELECT name, id FROM labels"))
    types = {name for (name,) in conn.execute("SELECT name FROM relation_types")}
    keys = {key for (key,) in conn.execute("SELECT key FROM relation_types") if key}
    keys |= {key for (key,) in conn.execute("SELECT key FROM labels") if key}
    for relation_type in schema.relation_types:
        if relation_type.name in types:
            continue
        key = relation_type.key if relation_type.key and relation_type.key not in keys else ""
        type_id = conn.execute(
            "INSERT INTO relation_types (name, color, key, directed, position) VALUES (?, ?, ?, ?, "
            "(SELECT COALESCE(MAX(position) + 1, 0) FROM relation_types))",
            (relation_type.name, relation_type.color, key, int(relation_type.directed))).lastrowid
        ends = [("head", name) for name in dict.fromkeys(relation_type.head_labels)]
        ends += [("child", name) for name in dict.fromkeys(relation_type.child_labels)]
        conn.executemany("INSERT INTO relation_type_ends VALUES (?, ?, ?)",
                         [(type_id, role, labels[name]) for role, name in ends if name in labels])
        types.add(relation_type.name)
        keys.add(key)
        added.append(f"relation type {relation_type.name!r}")
    for definition in schema.attributes:
        if definition.label not in labels:
            continue
        row = conn.execute("SELECT id FROM attributes WHERE label_id = ? AND name = ?",
                           (labels[definition.label], definition.name)).fetchone()
        if row is None:
            row = (conn.execute(
                "INSERT INTO attributes (label_id, name, kind, position) VALUES (?, ?, ?, "
                "(SELECT COALESCE(MAX(position) + 1, 0) FROM attributes WHERE label_id = ?))",
                (labels[definition.label], definition.name, definition.kind.value,
                 labels[definition.label])).lastrowid,)
            added.append(f"attribute {definition.name!r} of {definition.label!r}")
        _add_values(conn, "attribute_vocabulary", "attribute_id", row[0], definition.values)
    for question in schema.questions:
        row = conn.execute("SELECT id FROM article_questions WHERE name = ?", (question.name,)).fetchone()
        if row is None:
            row = (conn.execute(
                "INSERT INTO article_questions (name, kind, position) VALUES (?, ?, "
                "(SELECT COALESCE(MAX(position) + 1, 0) FROM article_questions))",
                (question.name, question.kind.value)).lastrowid,)
            added.append(f"article question {question.name!r}")
        _add_values(conn, "question_options", "question_id", row[0], question.options)
    return added


def _add_values(conn: sqlite3.Connection, table: str, column: str, owner: int,
                values: tuple[str, ...]) -> None:
    """Append the values a list lacks (a vocabulary or a question's options), keeping its order."""
    have = {value for (value,) in conn.execute(f"SELECT value FROM {table} WHERE {column} = ?", (owner,))}
    position = len(have)
    for value in values:
        if value not in have:
            conn.execute(f"INSERT INTO {table} ({column}, value, position) VALUES (?, ?, ?)",
                         (owner, value, position))
            have.add(value)
            position += 1


def clear_pair_notes(conn: sqlite3.Connection, document_id: str, annotator_id: int) -> None:
    """Remove a pair's article note and answers (its spans' relations, values and notes go with its spans)."""
    for table in ("article_notes", "article_answers"):
        conn.execute(f"DELETE FROM {table} WHERE document_id = ? AND annotator_id = ?",
                     (document_id, annotator_id))
