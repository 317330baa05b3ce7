"""Undo for label deletion: what deleting a label removes, kept so it can be put back exactly.

Deleting a label removes every annotator span, gold span and gold decision that uses it, and with them
(the schema's cascades) the label's attributes and their lists, its place among a relation type's
allowed ends, and the relations, attribute values and notes of its spans. The snapshot holds those rows
as they were (ids, timestamps, curator), so undo restores the project to the same state, not merely to an
equal-looking one.
"""

from __future__ import annotations

from dataclasses import dataclass

from annotator.core.errors import InputError
from annotator.core.model import Label
from annotator.store.codebook_edits import Rows, insert_row, select_rows, still_stands
from annotator.store.repository import Changes, Project

_SPAN_COLUMNS = "id, document_id, annotator_id, start, end, created_at, updated_at"
_GOLD_COLUMNS = "id, document_id, start, end, decided_by, decided_at, origin"
_REJECTION_COLUMNS = "id, document_id, start, end, decided_by, decided_at"


@dataclass(frozen=True)
class DeletedLabel:
    """A label and every row that went with it when it was deleted."""

    label: Label
    spans: tuple[tuple, ...]
    gold_spans: tuple[tuple, ...]
    gold_rejections: tuple[tuple, ...]
    coding: tuple[Rows, ...] = ()  # attributes, their lists, relation ends, relations, values, notes

    def changes(self) -> Changes:
        """What deleting (or restoring) this label changes for the views."""
        relations = next((rows.rows for rows in self.coding if rows.table == "relations"), ())
        return Changes(labels=True, spans=frozenset(row[0] for row in self.spans),
                       documents=frozenset(row[1] for row in self.spans),
                       gold=frozenset(row[1] for row in (*self.gold_spans, *self.gold_rejections)),
                       relations=frozenset(row[0] for row in relations), structure=bool(self.coding))


def delete_label(project: Project, name: str) -> DeletedLabel:
    """Delete ``name`` with its spans and gold decisions in one transaction; returns what was removed."""
    label = project.label(name)
    with project.transaction() as conn:
        deleted = DeletedLabel(
            label,
            tuple(conn.execute(f"SELECT {_SPAN_COLUMNS} FROM spans WHERE label_id = ? ORDER BY id",
                               (label.id,))),
            tuple(conn.execute(f"SELECT {_GOLD_COLUMNS} FROM gold_spans WHERE label_id = ? ORDER BY id",
                               (label.id,))),
            tuple(conn.execute(f"SELECT {_REJECTION_COLUMNS} FROM gold_rejections WHERE label_id = ? "
                               "ORDER BY id", (label.id,))),
            _coding_rows(conn, label.id),
        )
        project.delete_label(name)  # joins this transaction
    return deleted


def _coding_rows(conn, label_id: int) -> tuple[Rows, ...]:
    """What the cascades from the label and its spans take, in the order a restore inserts it."""
    spans = "(SELECT id FROM spans WHERE label_id = ?)"
    attributes = "(SELECT id FROM attributes WHERE label_id = ?)"
    return (
        select_rows(conn, "attributes", "label_id = ? ORDER BY id", (label_id,)),
        select_rows(conn, "attribute_vocabulary", f"attribute_id IN {attributes}", (label_id,)),
        select_rows(conn, "relation_type_ends", "label_id = ?", (label_id,)),
        select_rows(conn, "relations", f"head_span_id IN {spans} OR child_span_id IN {spans} ORDER BY id",
                    (label_id, label_id)),
        select_rows(conn, "span_attributes", f"span_id IN {spans}", (label_id,)),
        select_rows(conn, "span_notes", f"span_id IN {spans}", (label_id,)),
    )


def _restore_coding(conn, deleted: DeletedLabel, label_id: int) -> None:
    """Re-insert the coding rows, the label's (and its attributes') ids as given anew where taken."""
    attribute_ids: dict[int, int] = {}
    for rows in deleted.coding:
        columns = rows.columns
        for row in rows.rows:
            row = list(row)
            if "label_id" in columns:
                row[columns.index("label_id")] = label_id
            if rows.table != "attributes" and "attribute_id" in columns:
                row[columns.index("attribute_id")] = attribute_ids.get(row[columns.index("attribute_id")])
            if rows.table in ("attributes", "relations") and conn.execute(
                    f"SELECT 1 FROM {rows.table} WHERE id = ?", (row[0],)).fetchone():
                old, row[0] = row[0], None
            else:
                old = row[0]
            if not still_stands(conn, rows, tuple(row)):
                continue  # its other span, or its relation type, was deleted since
            new_id = insert_row(conn, rows, tuple(row))
            if rows.table == "attributes":
                attribute_ids[old] = new_id


def restore_label(project: Project, deleted: DeletedLabel) -> Changes:
    """Put a deleted label back with its id, place in the order, and every row it took with it."""
    label = deleted.label
    with project.transaction() as conn:
        if conn.execute("SELECT 1 FROM labels WHERE name = ?", (label.name,)).fetchone():
            raise InputError(f"cannot bring back the label {label.name!r}: a label of that name exists "
                             "again; rename it first")
        if conn.execute("SELECT 1 FROM labels WHERE position = ?", (label.position,)).fetchone():
            # its place was taken (by a reorder since): make room, keeping everyone's relative order
            conn.execute("UPDATE labels SET position = position + 1 WHERE position >= ?", (label.position,))
        id_free = not conn.execute("SELECT 1 FROM labels WHERE id = ?", (label.id,)).fetchone()
        label_id = conn.execute(
            "INSERT INTO labels (id, name, color, key, position) VALUES (?, ?, ?, ?, ?)",
            (label.id if id_free else None, label.name, label.color, label.key, label.position),
        ).lastrowid
        conn.executemany(
            "INSERT INTO spans (id, document_id, annotator_id, start, end, created_at, updated_at, label_id) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", [(*row, label_id) for row in deleted.spans])
        conn.executemany(
            "INSERT INTO gold_spans (id, document_id, start, end, decided_by, decided_at, origin, label_id) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", [(*row, label_id) for row in deleted.gold_spans])
        conn.executemany(
            "INSERT INTO gold_rejections (id, document_id, start, end, decided_by, decided_at, label_id) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)", [(*row, label_id) for row in deleted.gold_rejections])
        _restore_coding(conn, deleted, label_id)
    return deleted.changes()
