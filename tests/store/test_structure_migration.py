"""The structured-coding migration: a project of the version before it gains relation types,
attributes, questions and the per-annotator tables, keeps its data, and is untouched if the step fails."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from annotator.store import Project
from annotator.store import schema as schema_module
from annotator.store.coding import Coding
from annotator.store.schema import MIGRATIONS, SCHEMA_VERSION
from annotator.store.schema_structure import add_structure

STRUCTURE_VERSION = next(v for v, step in MIGRATIONS.items() if step is add_structure) + 1
TEXT = "أكد المتحدث 𝐀 أن الوفد سيزور الدوحة."


def build_previous_version(path: Path, rename_actor: bool = False) -> None:
    """A project as the release before structured coding wrote it: one article, two spans, a status."""
    conn = sqlite3.connect(path)
    for version in range(STRUCTURE_VERSION - 1):
        MIGRATIONS[version](conn)
    if rename_actor:
        conn.execute("UPDATE labels SET name = 'فاعل' WHERE name = 'actor'")
    conn.execute(
        "INSERT INTO documents (id, title, source, text, sha256, imported_at, meta, position) "
        "VALUES ('a1', 'خبر', '', ?, 'sha', '2024-01-01T00:00:00+00:00', '{}', 0)", (TEXT,))
    conn.execute("INSERT INTO annotators (id, name) VALUES (1, 'salma')")
    conn.execute("INSERT INTO spans (document_id, annotator_id, start, end, label_id, created_at, "
                 "updated_at) VALUES ('a1', 1, 4, 11, 1, 't0', 't0'), ('a1', 1, 0, 3, 3, 't0', 't0')")
    conn.execute("INSERT INTO statuses VALUES ('a1', 1, 'done', 't1')")
    conn.execute(f"PRAGMA user_version = {STRUCTURE_VERSION - 1}")
    conn.commit()
    conn.close()


def test_previous_version_gains_structured_coding_and_keeps_its_spans(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    build_previous_version(path)
    with Project.open(path) as project:
        assert project.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert len(project.spans()) == 2
        coding = Coding(project)
        assert [t.name for t in coding.codebook.relation_types()] == [
            "claims", "denies", "mediates", "addressed_to"]
        actor, demand = sorted(project.spans(), key=lambda s: s.label)
        relation, _ = coding.add_relation(actor.id, demand.id, "claims")
    with Project.open(path) as again:
        assert Coding(again).relations() == [relation]


def test_default_types_whose_labels_were_renamed_are_not_added(tmp_path: Path) -> None:
    path = tmp_path / "renamed.sqlite"
    build_previous_version(path, rename_actor=True)
    with Project.open(path) as project:
        # every default type names `actor`, which this team calls فاعل
        assert Coding(project).codebook.relation_types() == []


def test_failed_migration_leaves_the_file_byte_identical(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "old.sqlite"
    build_previous_version(path)
    before = path.read_bytes()

    def half_then_fail(conn: sqlite3.Connection) -> None:
        add_structure(conn)
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setitem(schema_module.MIGRATIONS, STRUCTURE_VERSION - 1, half_then_fail)
    with pytest.raises(Exception, match="disk"):
        Project.open(path)
    assert path.read_bytes() == before
