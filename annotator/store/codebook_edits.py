"""Codebook edits the Edit labels dialog makes beyond ``Codebook``: renames, values and options, usage
counts, and deletions that keep what they removed so undo puts it back exactly.

Deleting a relation type, attribute, question, value or option deletes the work that used it (as
deleting a label deletes its spans). The ``Removed`` snapshot holds those rows as stored (ids,
timestamps), and ``restore`` re-inserts them in one transaction: rows whose span or article has gone
since are skipped (they would dangle), and ids taken since are given anew. Renaming a value or option
renames it in every span value and answer too, so the coding keeps its meaning.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from annotator.core.errors import InputError, NotFoundError
from annotator.core.structure import AttributeKind, QuestionKind
from annotator.store.codebook import Codebook
from annotator.store.repository import Changes, Project


@dataclass(frozen=True)
class Usage:
    """How much coding uses a part of the codebook: ``items`` (relations, span values or answers) in
    ``articles``."""

    items: int = 0
    articles: int = 0

    def __bool__(self) -> bool:
        return self.items > 0


@dataclass(frozen=True)
class Rows:
    """Rows of one table, as stored, with their column names."""

    table: str
    columns: tuple[str, ...]
    rows: tuple[tuple, ...]


@dataclass(frozen=True)
class Removed:
    """A deleted codebook part (``parent``: one row, id first) and the rows that went with it.

    ``children`` reference the parent by their column ``link``; ``taken`` finds a part that now holds the
    name (then restoring is refused); ``what`` names the part in that refusal.
    """

    what: str
    taken: tuple[str, tuple]
    parent: Rows | None
    children: tuple[tuple[Rows, str], ...]
    changes: Changes


# Columns that must still point at a row for a restored row to make sense (else it is skipped).
_NEEDS = {
    "relation_type_ends": (("label_id", "labels"), ("relation_type_id", "relation_types")),
    "relations": (("head_span_id", "spans"), ("child_span_id", "spans"), ("document_id", "documents")),
    "attribute_vocabulary": (("attribute_id", "attributes"),),
    "span_attributes": (("span_id", "spans"), ("attribute_id", "attributes")),
    "span_notes": (("span_id", "spans"),),
    "question_options": (("question_id", "article_questions"),),
    "article_answers": (("document_id", "documents"), ("annotator_id", "annotators"),
                        ("question_id", "article_questions")),
    "attributes": (("label_id", "labels"),),
}
_OWN_ID = {"relations"}  # children with an id of their own, given anew if taken since

_COLUMNS = {
    "relation_types": ("id", "name", "color", "key", "directed", "position"),
    "relation_type_ends": ("relation_type_id", "role", "label_id"),
    "relations": ("id", "document_id", "annotator_id", "head_span_id", "child_span_id", "relation_type_id",
                  "created_at", "updated_at"),
    "attributes": ("id", "label_id", "name", "kind", "position"),
    "span_notes": ("span_id", "text", "updated_at"),
    "attribute_vocabulary": ("attribute_id", "value", "position"),
    "span_attributes": ("span_id", "attribute_id", "value"),
    "article_questions": ("id", "name", "kind", "position"),
    "question_options": ("question_id", "value", "position"),
    "article_answers": ("document_id", "annotator_id", "question_id", "value", "position", "updated_at"),
}


def select_rows(conn: sqlite3.Connection, table: str, where: str, params: tuple) -> Rows:
    """The rows of ``table`` matching ``where``, every column (what a restore re-inserts)."""
    columns = _COLUMNS[table]
    found = conn.execute(f"SELECT {', '.join(columns)} FROM {table} WHERE {where}", params).fetchall()
    return Rows(table, columns, tuple(found))


def _usage(project: Project, sql: str, params: tuple) -> Usage:
    items, articles = project._query(sql, params)[0]
    return Usage(items, articles)


def _relation_type_id(project: Project, name: str) -> int:
    rows = project._query("SELECT id FROM relation_types WHERE name = ?", (name,))
    if not rows:
        raise NotFoundError(f"there is no relation type named {name!r}")
    return rows[0][0]


def _attribute_id(project: Project, label: str, name: str) -> int:
    rows = project._query("SELECT t.id FROM attributes t JOIN labels l ON l.id = t.label_id "
                          "WHERE l.name = ? AND t.name = ?", (label, name))
    if not rows:
        raise NotFoundError(f"label {label!r} has no attribute named {name!r}")
    return rows[0][0]


def _question_id(project: Project, name: str) -> int:
    rows = project._query("SELECT id FROM article_questions WHERE name = ?", (name,))
    if not rows:
        raise NotFoundError(f"there is no article question named {name!r}")
    return rows[0][0]


def _code_pairs(conn: sqlite3.Connection, answers: Rows) -> frozenset[tuple[str, str]]:
    names = dict(conn.execute("SELECT id, name FROM annotators"))
    return frozenset((row[0], names.get(row[1], "")) for row in answers.rows)


# -- usage ------------------------------------------------------------------------------------

def relation_type_usage(project: Project, name: str) -> Usage:
    """The relations of a type and the articles they are in."""
    return _usage(project, "SELECT COUNT(*), COUNT(DISTINCT document_id) FROM relations "
                  "WHERE relation_type_id = ?", (_relation_type_id(project, name),))


def attribute_usage(project: Project, label: str, name: str, value: str | None = None) -> Usage:
    """The spans with a value for the attribute (or with ``value``) and the articles they are in."""
    clause, params = ("AND v.value = ?", (value,)) if value is not None else ("", ())
    return _usage(project, "SELECT COUNT(*), COUNT(DISTINCT s.document_id) FROM span_attributes v "
                  f"JOIN spans s ON s.id = v.span_id WHERE v.attribute_id = ? {clause}",
                  (_attribute_id(project, label, name), *params))


def question_usage(project: Project, name: str, option: str | None = None) -> Usage:
    """The answers (one per article and annotator) to a question (or choosing ``option``), and articles."""
    clause, params = ("AND value = ?", (option,)) if option is not None else ("", ())
    return _usage(project, "SELECT COUNT(DISTINCT document_id || char(0) || annotator_id), "
                  f"COUNT(DISTINCT document_id) FROM article_answers WHERE question_id = ? {clause}",
                  (_question_id(project, name), *params))


# -- renames, values and options --------------------------------------------------------------

def rename_attribute(project: Project, label: str, name: str, new_name: str) -> Changes:
    """Rename a label's attribute; the spans' values stay with it."""
    attribute_id = _attribute_id(project, label, name)
    new_name = new_name.strip()
    if not new_name:
        raise InputError("an attribute needs a name")
    with project.transaction() as conn:
        if new_name != name and conn.execute(
                "SELECT 1 FROM attributes WHERE label_id = (SELECT label_id FROM attributes WHERE id = ?) "
                "AND name = ?", (attribute_id, new_name)).fetchone():
            raise InputError(f"label {label!r} already has an attribute named {new_name!r}")
        conn.execute("UPDATE attributes SET name = ? WHERE id = ?", (new_name, attribute_id))
        spans = [row[0] for row in conn.execute(
            "SELECT span_id FROM span_attributes WHERE attribute_id = ?", (attribute_id,))]
    return Changes(structure=True, span_details=frozenset(spans))


def set_attribute_kind(project: Project, label: str, name: str, kind: AttributeKind,
                       values: tuple[str, ...] | None = None) -> Changes:
    """Make an attribute a choice, flag or text; only while no span has a value for it. A flag keeps no
    values, so its list is emptied; ``values`` replaces the list of a choice or text (an undo's)."""
    attribute_id = _attribute_id(project, label, name)
    if attribute_usage(project, label, name):
        raise InputError(f"spans have values for {name!r}: its kind cannot change (clear them first)")
    with project.transaction() as conn:
        conn.execute("UPDATE attributes SET kind = ? WHERE id = ?", (AttributeKind(kind).value, attribute_id))
        if kind is AttributeKind.FLAG or values is not None:
            conn.execute("DELETE FROM attribute_vocabulary WHERE attribute_id = ?", (attribute_id,))
        if kind is not AttributeKind.FLAG and values:
            conn.executemany("INSERT INTO attribute_vocabulary VALUES (?, ?, ?)",
                             [(attribute_id, value, i) for i, value in enumerate(values)])
    return Changes(structure=True)


def set_question_kind(project: Project, name: str, kind: QuestionKind,
                      options: tuple[str, ...] | None = None) -> Changes:
    """Make a question single or multiple choice, yes/no or short text; only while unanswered. Yes/no
    and text keep no options, so its list is emptied; ``options`` replaces a choice's (an undo's)."""
    question_id = _question_id(project, name)
    if question_usage(project, name):
        raise InputError(f"the question {name!r} has answers: its kind cannot change (clear them first)")
    choosing = kind in (QuestionKind.SINGLE, QuestionKind.MULTIPLE)
    with project.transaction() as conn:
        conn.execute("UPDATE article_questions SET kind = ? WHERE id = ?",
                     (QuestionKind(kind).value, question_id))
        if not choosing or options is not None:
            conn.execute("DELETE FROM question_options WHERE question_id = ?", (question_id,))
        if choosing and options:
            conn.executemany("INSERT INTO question_options VALUES (?, ?, ?)",
                             [(question_id, option, i) for i, option in enumerate(options)])
    return Changes(structure=True)


def rename_value(project: Project, label: str, name: str, value: str, new_value: str) -> Changes:
    """Respell a choice value or vocabulary entry, in the list and in every span that has it."""
    attribute_id = _attribute_id(project, label, name)
    new_value = new_value.strip()
    if not new_value:
        raise InputError(f"an entry of {name!r} cannot be empty")
    with project.transaction() as conn:
        if not conn.execute("SELECT 1 FROM attribute_vocabulary WHERE attribute_id = ? AND value = ?",
                            (attribute_id, value)).fetchone():
            raise NotFoundError(f"{value!r} is not in the list of {name!r}")
        if new_value != value and conn.execute(
                "SELECT 1 FROM attribute_vocabulary WHERE attribute_id = ? AND value = ?",
                (attribute_id, new_value)).fetchone():
            raise InputError(f"{new_value!r} is already in the list of {name!r}")
        conn.execute("UPDATE attribute_vocabulary SET value = ? WHERE attribute_id = ? AND value = ?",
                     (new_value, attribute_id, value))
        spans = [row[0] for row in conn.execute(
            "SELECT span_id FROM span_attributes WHERE attribute_id = ? AND value = ?",
            (attribute_id, value))]
        conn.execute("UPDATE span_attributes SET value = ? WHERE attribute_id = ? AND value = ?",
                     (new_value, attribute_id, value))
    return Changes(structure=True, span_details=frozenset(spans))


def rename_question(project: Project, name: str, new_name: str) -> Changes:
    """Rename an article question; its answers stay with it."""
    question_id = _question_id(project, name)
    new_name = new_name.strip()
    if not new_name:
        raise InputError("a question needs a name")
    with project.transaction() as conn:
        if new_name != name and conn.execute(
                "SELECT 1 FROM article_questions WHERE name = ?", (new_name,)).fetchone():
            raise InputError(f"an article question named {new_name!r} already exists")
        conn.execute("UPDATE article_questions SET name = ? WHERE id = ?", (new_name, question_id))
        pairs = _code_pairs(conn, select_rows(conn, "article_answers", "question_id = ?", (question_id,)))
    return Changes(structure=True, codes=pairs)


def add_option(project: Project, question: str, option: str) -> Changes:
    """Add an option to a single or multiple choice question."""
    kind = Codebook(project).question(question).kind.value
    if kind not in ("single", "multiple"):
        raise InputError(f"the question {question!r} ({kind}) takes no options")
    option = option.strip()
    if not option:
        raise InputError(f"an option of {question!r} cannot be empty")
    question_id = _question_id(project, question)
    with project.transaction() as conn:
        if conn.execute("SELECT 1 FROM question_options WHERE question_id = ? AND value = ?",
                        (question_id, option)).fetchone():
            raise InputError(f"{option!r} is already an option of {question!r}")
        conn.execute("INSERT INTO question_options VALUES (?, ?, (SELECT COALESCE(MAX(position) + 1, 0) "
                     "FROM question_options WHERE question_id = ?))", (question_id, option, question_id))
    return Changes(structure=True)


def rename_option(project: Project, question: str, option: str, new_option: str) -> Changes:
    """Respell an option, in the question and in every answer that chose it."""
    question_id = _question_id(project, question)
    new_option = new_option.strip()
    if not new_option:
        raise InputError(f"an option of {question!r} cannot be empty")
    with project.transaction() as conn:
        if not conn.execute("SELECT 1 FROM question_options WHERE question_id = ? AND value = ?",
                            (question_id, option)).fetchone():
            raise NotFoundError(f"{option!r} is not an option of {question!r}")
        if new_option != option and conn.execute(
                "SELECT 1 FROM question_options WHERE question_id = ? AND value = ?",
                (question_id, new_option)).fetchone():
            raise InputError(f"{new_option!r} is already an option of {question!r}")
        conn.execute("UPDATE question_options SET value = ? WHERE question_id = ? AND value = ?",
                     (new_option, question_id, option))
        pairs = _code_pairs(conn, select_rows(conn, "article_answers", "question_id = ? AND value = ?",
                                        (question_id, option)))
        conn.execute("UPDATE article_answers SET value = ? WHERE question_id = ? AND value = ?",
                     (new_option, question_id, option))
    return Changes(structure=True, codes=pairs)


# -- deletions kept for undo ------------------------------------------------------------------

def delete_relation_type(project: Project, name: str) -> Removed:
    """Delete a relation type and its relations in one transaction; returns what was removed."""
    type_id = _relation_type_id(project, name)
    with project.transaction() as conn:
        relations = select_rows(conn, "relations", "relation_type_id = ? ORDER BY id", (type_id,))
        removed = Removed(
            f"the relation type {name!r}", ("SELECT 1 FROM relation_types WHERE name = ?", (name,)),
            select_rows(conn, "relation_types", "id = ?", (type_id,)),
            ((select_rows(conn, "relation_type_ends", "relation_type_id = ?", (type_id,)),
              "relation_type_id"), (relations, "relation_type_id")),
            Changes(structure=True, relations=frozenset(row[0] for row in relations.rows),
                    documents=frozenset(row[1] for row in relations.rows)))
        conn.execute("DELETE FROM relation_types WHERE id = ?", (type_id,))
    return removed


def delete_attribute(project: Project, label: str, name: str) -> Removed:
    """Delete an attribute, its list and every span's value for it; returns what was removed."""
    attribute_id = _attribute_id(project, label, name)
    with project.transaction() as conn:
        values = select_rows(conn, "span_attributes", "attribute_id = ?", (attribute_id,))
        removed = Removed(
            f"the attribute {name!r} of {label!r}",
            ("SELECT 1 FROM attributes t JOIN labels l ON l.id = t.label_id WHERE l.name = ? AND t.name = ?",
             (label, name)),
            select_rows(conn, "attributes", "id = ?", (attribute_id,)),
            ((select_rows(conn, "attribute_vocabulary", "attribute_id = ?", (attribute_id,)), "attribute_id"),
             (values, "attribute_id")),
            Changes(structure=True, span_details=frozenset(row[0] for row in values.rows)))
        conn.execute("DELETE FROM attributes WHERE id = ?", (attribute_id,))
    return removed


def delete_question(project: Project, name: str) -> Removed:
    """Delete an article question, its options and every answer to it; returns what was removed."""
    question_id = _question_id(project, name)
    with project.transaction() as conn:
        answers = select_rows(conn, "article_answers", "question_id = ?", (question_id,))
        removed = Removed(
            f"the article question {name!r}", ("SELECT 1 FROM article_questions WHERE name = ?", (name,)),
            select_rows(conn, "article_questions", "id = ?", (question_id,)),
            ((select_rows(conn, "question_options", "question_id = ?", (question_id,)), "question_id"),
             (answers, "question_id")),
            Changes(structure=True, codes=_code_pairs(conn, answers)))
        conn.execute("DELETE FROM article_questions WHERE id = ?", (question_id,))
    return removed


def remove_value(project: Project, label: str, name: str, value: str) -> Removed:
    """Take a value out of an attribute's list, and out of every span that has it."""
    attribute_id = _attribute_id(project, label, name)
    with project.transaction() as conn:
        entry = select_rows(conn, "attribute_vocabulary", "attribute_id = ? AND value = ?",
                            (attribute_id, value))
        if not entry.rows:
            raise NotFoundError(f"{value!r} is not in the list of {name!r}")
        values = select_rows(conn, "span_attributes", "attribute_id = ? AND value = ?", (attribute_id, value))
        removed = Removed(
            f"{value!r} in the list of {name!r}",
            ("SELECT 1 FROM attribute_vocabulary WHERE attribute_id = ? AND value = ?",
             (attribute_id, value)),
            None, ((entry, ""), (values, "")),
            Changes(structure=True, span_details=frozenset(row[0] for row in values.rows)))
        conn.execute("DELETE FROM span_attributes WHERE attribute_id = ? AND value = ?",
                     (attribute_id, value))
        conn.execute("DELETE FROM attribute_vocabulary WHERE attribute_id = ? AND value = ?",
                     (attribute_id, value))
    return removed


def remove_option(project: Project, question: str, option: str) -> Removed:
    """Take an option out of a question, and out of every answer that chose it."""
    question_id = _question_id(project, question)
    with project.transaction() as conn:
        entry = select_rows(conn, "question_options", "question_id = ? AND value = ?", (question_id, option))
        if not entry.rows:
            raise NotFoundError(f"{option!r} is not an option of {question!r}")
        answers = select_rows(conn, "article_answers", "question_id = ? AND value = ?", (question_id, option))
        removed = Removed(
            f"the option {option!r} of {question!r}",
            ("SELECT 1 FROM question_options WHERE question_id = ? AND value = ?", (question_id, option)),
            None, ((entry, ""), (answers, "")),
            Changes(structure=True, codes=_code_pairs(conn, answers)))
        for table in ("article_answers", "question_options"):
            conn.execute(f"DELETE FROM {table} WHERE question_id = ? AND value = ?", (question_id, option))
    return removed


def still_stands(conn: sqlite3.Connection, rows: Rows, row: tuple) -> bool:
    """Whether every row ``row`` points at (its span, article, label…) is still there."""
    for column, table in _NEEDS.get(rows.table, ()):
        key = row[rows.columns.index(column)]
        if not conn.execute(f"SELECT 1 FROM {table} WHERE id = ?", (key,)).fetchone():
            return False
    return True


def insert_row(conn: sqlite3.Connection, rows: Rows, row: tuple) -> int:
    marks = ", ".join("?" for _ in rows.columns)
    return conn.execute(f"INSERT INTO {rows.table} ({', '.join(rows.columns)}) VALUES ({marks})",
                        row).lastrowid


def restore(project: Project, removed: Removed) -> Changes:
    """Put a deleted part back with every row it took with it that can still stand (one transaction)."""
    with project.transaction() as conn:
        sql, params = removed.taken
        if conn.execute(sql, params).fetchone():
            raise InputError(f"cannot bring back {removed.what}: one of that name exists again; "
                             "rename it first")
        parent_id = None
        if removed.parent is not None:
            [row] = removed.parent.rows
            if not still_stands(conn, removed.parent, row):
                raise InputError(f"cannot bring back {removed.what}: its label was deleted since")
            table = removed.parent.table
            if conn.execute(f"SELECT 1 FROM {table} WHERE id = ?", (row[0],)).fetchone():
                row = (None, *row[1:])
            parent_id = insert_row(conn, removed.parent, row)
        for rows, link in removed.children:
            at = rows.columns.index(link) if link else None
            for row in rows.rows:
                if at is not None:
                    row = (*row[:at], parent_id, *row[at + 1:])
                if not still_stands(conn, rows, row):
                    continue
                if rows.table in _OWN_ID and conn.execute(
                        f"SELECT 1 FROM {rows.table} WHERE id = ?", (row[0],)).fetchone():
                    row = (None, *row[1:])
                insert_row(conn, rows, row)
    return removed.changes
