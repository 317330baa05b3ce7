"""The discontinuous-annotation migration: spans gain ``fragment_of`` (the first fragment's id on the
later fragments of one annotation), keep every row, and the file is untouched if the step fails."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from annotator.store import Project
from annotator.store import schema as schema_module
from annotator.store.schema import MIGRATIONS

FRAGMENTS = 10  # the schema version whose step (MIGRATIONS[9]) adds spans.fragment_of
TEXT = "قال وزير في مؤتمر الخارجية اليوم\nإن الوفد وصل."


def previous_version(path: Path) -> None:
    conn = sqlite3.connect(path)
    for version in range(FRAGMENTS - 1):
        MIGRATIONS[version](conn)
    conn.execute("INSERT INTO documents (id, title, source, text, sha256, imported_at, meta, position) "
                 "VALUES ('doc1', 'خبر', '', ?, 'sha', 't0', '{}', 0)", (TEXT,))
    conn.execute("INSERT INTO annotators (id, name) VALUES (1, 'salma')")
    conn.execute("INSERT INTO spans (document_id, annotator_id, start, end, label_id, created_at, "
                 "updated_at) VALUES ('doc1', 1, 4, 8, 1, 't0', 't0'), ('doc1', 1, 18, 26, 1, 't0', 't0')")
    conn.execute(f"PRAGMA user_version = {FRAGMENTS - 1}")
    conn.commit()
    conn.close()


def test_the_previous_version_gains_the_link_and_keeps_its_spans_as_they_were(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    previous_version(path)
    with Project.open(path) as project:
        assert [(s.start, s.end, s.fragment_of) for s in project.spans()] == [(4, 8, None), (18, 26, None)]
        first, second = project.spans()
        project.db.execute("UPDATE spans SET fragment_of = ? WHERE id = ?", (first.id, second.id))
        assert project.annotation_span_ids([second.id]) == [second.id, first.id]
        project.db.execute("DELETE FROM spans WHERE id = ?", (first.id,))
        assert project.spans() == []  # deleting the first fragment deletes the rest


def test_a_failed_migration_leaves_the_file_byte_identical(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "old.sqlite"
    previous_version(path)
    before = path.read_bytes()

    step = MIGRATIONS[FRAGMENTS - 1]

    def half_then_fail(conn: sqlite3.Connection) -> None:
        step(conn)
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setitem(schema_module.MIGRATIONS, FRAGMENTS - 1, half_then_fail)
    with pytest.raises(Exception, match="disk"):
        Project.open(path)
    assert path.read_bytes() == before
