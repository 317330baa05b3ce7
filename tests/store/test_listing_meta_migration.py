"""The listing-metadata migration (schema 10 → 11): the article list's index comes to hold each article's
metadata, every article stays as it was, and the file is untouched if the step fails."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from annotator.store import Project
from annotator.store import schema as schema_module
from annotator.store.article_listing import ListingFilter, listing_page
from annotator.store.schema import MIGRATIONS

LISTING_META = 11  # the schema version whose step (MIGRATIONS[10]) puts `meta` into documents_listing
TEXT = "قال وزير الخارجية إن الوفد وصل 𝐀."


def previous_version(path: Path) -> None:
    conn = sqlite3.connect(path)
    for version in range(LISTING_META - 1):
        MIGRATIONS[version](conn)
    conn.executemany("INSERT INTO documents (id, title, source, text, sha256, imported_at, meta, position) "
                     "VALUES (?, ?, '', ?, ?, 't0', ?, ?)",
                     [("a1", "خبر", TEXT, "sha1", '{"outlet": "الجزيرة", "date": "2019-08-17"}', 0),
                      ("a2", "خبر ثان", TEXT + "!", "sha2", "{}", 1)])
    conn.execute(f"PRAGMA user_version = {LISTING_META - 1}")
    conn.commit()
    conn.close()


def test_the_previous_version_lists_its_articles_with_their_metadata_from_the_index(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    previous_version(path)
    with Project.open(path) as project:
        index = project.db.execute(
            "SELECT sql FROM sqlite_master WHERE name = 'documents_listing'").fetchone()
        entries = listing_page(project, ListingFilter("sara", meta=("outlet", "الجزيرة")), 0, 10)
        summaries = project.article_summaries()
    assert "meta" in index[0]
    assert [(e.id, e.meta) for e in entries] == [("a1", {"outlet": "الجزيرة", "date": "2019-08-17"})]
    assert [(s.id, s.title, s.length) for s in summaries] == [("a1", "خبر", len(TEXT)),
                                                              ("a2", "خبر ثان", len(TEXT) + 1)]


def test_a_failed_migration_leaves_the_file_byte_identical(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "old.sqlite"
    previous_version(path)
    before = path.read_bytes()
    step = MIGRATIONS[LISTING_META - 1]

    def half_then_fail(conn: sqlite3.Connection) -> None:
        step(conn)
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setitem(schema_module.MIGRATIONS, LISTING_META - 1, half_then_fail)
    with pytest.raises(Exception, match="disk"):
        Project.open(path)
    assert path.read_bytes() == before
