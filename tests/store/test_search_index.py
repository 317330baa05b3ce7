"""The corpus search index (schema v5): filled by the migration, kept in step by import and merge."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from annotator.core.formats.plaintext import read_txt
from annotator.core.model import ArticleRecord, text_sha256
from annotator.core.normalise import normalised_text
from annotator.corpus import import_paths
from annotator.store import Project
from annotator.store.schema import MIGRATIONS, SCHEMA_VERSION
from annotator.store.search import documents_containing
from annotator.team import merge_files

# Needles chosen on the seeds: a clitic-prefixed occurrence ("والمفاوضات", "بالتعاون"), spellings
# that differ only by hamza/alef, ta marbuta and harakat, a phrase across a line break, two letters.
NEEDLES = ["المفاوضات", "التعاون", "الأمريكي", "اميركية", "الولايات المتحدة", "سرّيّة", "واشنطن",
           "رويترز", "سري", "مـــصادر", "يا", "ة", "zz-not-there", 'لـ"رويترز', "2019",
           # FTS5 syntax is plain text here: quotes, star, operators, brackets, minus, NEAR.
           '"', '""', "*", "AND", "OR", "NOT", "(2019)", "10:11 -", "2019 - 10:11", "NEAR(a b)", "ترامب*", "a OR"]


def seed_texts(seeds_dir: Path) -> list[str]:
    return [read_txt(path).text for path in sorted(seeds_dir.glob("*.txt"))]


def reference(project: Project, needle: str) -> list[str]:
    """The answer without the index: normalise every stored text in Python and test containment."""
    wanted = normalised_text(needle)
    return [d.id for d in project.documents() if wanted and wanted in normalised_text(d.text)]


def build_version_4(path: Path, texts: list[str]) -> None:
    """A project as schema 4 wrote it: the seed articles, no search index."""
    conn = sqlite3.connect(path)
    for version in range(4):
        MIGRATIONS[version](conn)
    conn.executemany(
        "INSERT INTO documents (id, title, source, text, sha256, imported_at, meta, position) "
        "VALUES (?, 't', '', ?, ?, '2025-01-01T00:00:00+00:00', '{}', ?)",
        [(f"old-{n}", text, text_sha256(text), n) for n, text in enumerate(texts)],
    )
    conn.execute("PRAGMA user_version = 4")
    conn.commit()
    conn.close()


@pytest.mark.parametrize("needle", NEEDLES)
def test_documents_containing_agrees_with_normalising_every_text(project: Project, needle: str) -> None:
    assert documents_containing(project, normalised_text(needle)) == reference(project, needle)


def test_a_word_is_found_inside_a_longer_word_and_in_article_order(project: Project) -> None:
    ids = [d.id for d in project.documents()]
    # 002 has "الاتفاق" twice; 003 has it only with a conjunction and a hamza: "والإتفاق"; 001 and 004
    # have the indefinite "اتفاق", which does not contain the needle.
    assert documents_containing(project, normalised_text("الاتفاق")) == [ids[2], ids[3]]
    assert documents_containing(project, normalised_text("اتفاق")) == ids[1:]


def test_empty_needle_finds_nothing(project: Project) -> None:
    assert documents_containing(project, "") == []


def test_migrating_a_version_4_project_fills_the_index(tmp_path: Path, seeds_dir: Path) -> None:
    path = tmp_path / "old.sqlite"
    texts = seed_texts(seeds_dir)
    build_version_4(path, texts)
    with Project.open(path) as project:
        assert project.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 5
        assert project.db.execute("SELECT COUNT(*) FROM document_search").fetchone()[0] == len(texts)
        for needle in NEEDLES:
            assert documents_containing(project, normalised_text(needle)) == reference(project, needle)
        assert documents_containing(project, normalised_text("الاتفاق")) == ["old-2", "old-3"]


def test_import_keeps_the_index_in_step_and_it_survives_reopening(tmp_path: Path) -> None:
    path = tmp_path / "p.sqlite"
    with Project.open(path) as project:
        project.import_articles([ArticleRecord("بيان مُشْتَرَكٌ للوسطاء", "أ", id="a")])
        assert documents_containing(project, normalised_text("مشترك")) == ["a"]
        project.import_articles([ArticleRecord("بيان مشترك ثان", "ب", id="b"),
                                 ArticleRecord("بيان مُشْتَرَكٌ للوسطاء", "أ", id="a")])  # a: already there
        assert project.db.execute("SELECT COUNT(*) FROM document_search").fetchone()[0] == 2
    with Project.open(path) as project:
        assert documents_containing(project, normalised_text("مشترك")) == ["a", "b"]
        assert documents_containing(project, normalised_text("للوسطاء")) == ["a"]


def test_a_failed_import_leaves_the_index_unchanged(tmp_path: Path) -> None:
    with Project.open(tmp_path / "p.sqlite") as project:
        project.import_articles([ArticleRecord("نص أول", "أ", id="a")])
        with pytest.raises(Exception, match="already used"):
            project.import_articles([ArticleRecord("نص ثان جديد", "ب", id="n"),
                                     ArticleRecord("نص ثالث", "ج", id="a")])
        assert documents_containing(project, normalised_text("نص")) == ["a"]
        assert project.db.execute("SELECT COUNT(*) FROM document_search").fetchone()[0] == 1


def test_merge_keeps_the_index_in_step(tmp_path: Path, seeds_dir: Path) -> None:
    other = tmp_path / "other.sqlite"
    with Project.open(other) as project:
        import_paths(project, [seeds_dir])
        project.import_articles([ArticleRecord("خبر من جهاز آخر عن المفاوضات", "آخر", id="x")])
    with Project.open(tmp_path / "mine.sqlite") as project:
        project.import_articles([ArticleRecord("خبر محلي", "محلي", id="local")])
        merge_files(project, [other])
        assert project.db.execute("SELECT COUNT(*) FROM document_search").fetchone()[0] == 7
        assert documents_containing(project, normalised_text("جهاز اخر")) == ["x"]
        for needle in NEEDLES:
            assert documents_containing(project, normalised_text(needle)) == reference(project, needle)
