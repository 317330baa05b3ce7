"""Schema versions: an old project is migrated forward on open with its data intact; newer is refused."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from annotator.core.errors import ProjectFileError
from annotator.core.model import Status
from annotator.store import Project
from annotator.store.schema import MIGRATIONS, SCHEMA_VERSION

TEXT = "قال وزير الخارجية إن المفاوضات ستستأنف."


def build_version_1(path: Path) -> None:
    """A project as the first release wrote it: the v1 tables, one article, one span, one status."""
    conn = sqlite3.connect(path)
    MIGRATIONS[0](conn)
    conn.execute(
        "INSERT INTO documents (id, title, source, text, sha256, imported_at, meta, position) "
        "VALUES ('a1', 'خبر', 'a1.txt', ?, 'sha-of-a1', '2024-01-01T00:00:00+00:00', ?, 0)",
        (TEXT, '{"lang": "ar"}'),
    )
    conn.execute("INSERT INTO annotators (id, name) VALUES (1, 'salma')")
    conn.execute(
        "INSERT INTO spans (document_id, annotator_id, start, end, label_id, created_at, updated_at) "
        "VALUES ('a1', 1, 4, 8, (SELECT id FROM labels WHERE name = 'actor'), 't0', 't1')"
    )
    conn.execute("INSERT INTO statuses VALUES ('a1', 1, 'done', 't1')")
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()


def test_version_1_project_is_migrated_with_its_data_intact(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    build_version_1(path)
    assert SCHEMA_VERSION > 1
    with Project.open(path) as project:
        assert project.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        [document] = project.documents()
        assert (document.id, document.title, document.text) == ("a1", "خبر", TEXT)
        assert document.meta == {"lang": "ar"}
        [span] = project.spans()
        assert (span.annotator, span.start, span.end, span.label) == ("salma", 4, 8, "actor")
        assert (span.created_at, span.updated_at) == ("t0", "t1")
        assert project.status("a1", "salma") is Status.DONE
        assert [label.name for label in project.labels()] == ["actor", "mediator", "demand", "denial"]
        # The tables later versions added exist and work.
        tables = set(project.db.table_names())
        assert {"gold_spans", "settings"} <= tables
        project.set_setting("name", "مشروع")
        assert project.setting("name") == "مشروع"
        assert project.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_migrated_project_opens_again_without_migrating(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    build_version_1(path)
    Project.open(path).close()
    with Project.open(path) as project:
        assert project.document_count() == 1 and len(project.labels()) == 4


def test_newer_project_is_refused_and_left_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "newer.sqlite"
    build_version_1(path)
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(ProjectFileError, match=f"newer version of annotator.*schema {SCHEMA_VERSION + 1}"):
        Project.open(path)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["newer.sqlite"]  # no -wal / -shm left behind


def test_non_sqlite_file_is_refused_clearly(tmp_path: Path) -> None:
    path = tmp_path / "article.txt"
    path.write_text("قال وزير الخارجية\n" * 50, encoding="utf-8")
    before = path.read_bytes()
    with pytest.raises(ProjectFileError, match="not an annotator project") as info:
        Project.open(path)
    assert str(path) in str(info.value)
    assert path.read_bytes() == before


def test_a_failing_migration_leaves_the_old_file_untouched(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    build_version_1(path)
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE settings (anything TEXT)")  # in the way of the version 2 step
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(ProjectFileError) as info:
        Project.open(path)
    assert str(path) in str(info.value)
    assert path.read_bytes() == before
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    conn.close()


def test_the_article_list_is_read_from_its_index_with_code_point_lengths(tmp_path: Path) -> None:
    from annotator.core.model import ArticleRecord

    texts = ["عنوان 😀𝐀\nقال الوزير", "خبر ثان " * 50, "x"]
    path = tmp_path / "p.sqlite"
    with Project.open(path) as project:
        project.import_articles([ArticleRecord(text, f"t{n}") for n, text in enumerate(texts)])
        plan = " ".join(str(row) for row in project.db.execute(
            "EXPLAIN QUERY PLAN SELECT id, title, position, source, length(text) FROM documents "
            "INDEXED BY documents_listing ORDER BY position, id").fetchall())
        summaries = project.article_summaries()
    assert "documents_listing" in plan and "TEMP B-TREE" not in plan  # no sort, no table rows
    assert [s.length for s in summaries] == [len(text) for text in texts]
    assert [s.title for s in summaries] == ["t0", "t1", "t2"]
