"""The v4 → v5 step (the search index) fails as a whole: a project whose index cannot be built is left
byte for byte as it was, still at version 4, and opens once the cause is gone."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

import annotator.store.search as store_search
from annotator.core.errors import AnnotatorError
from annotator.store import Project
from annotator.store.schema import read_user_version
from tests.store.test_search_index import build_version_4, seed_texts


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_failed_v5_migration_leaves_the_version_4_file_unchanged(
        tmp_path: Path, seeds_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "old.sqlite"
    build_version_4(path, seed_texts(seeds_dir))
    before = digest(path)
    real = store_search.normalised_text
    calls = []

    def fail_on_the_third_article(text: str) -> str:
        calls.append(text)
        if len(calls) == 3:
            raise MemoryError("out of memory while indexing")  # after two rows went into the index
        return real(text)

    monkeypatch.setattr(store_search, "normalised_text", fail_on_the_third_article)
    with pytest.raises((MemoryError, AnnotatorError)):
        Project.open(path)
    assert len(calls) == 3
    assert digest(path) == before and read_user_version(path) == 4
    monkeypatch.setattr(store_search, "normalised_text", real)
    with Project.open(path) as project:
        assert project.db.execute("SELECT COUNT(*) FROM search_texts").fetchone()[0] == 5
        assert project.db.execute(
            "INSERT INTO document_search (document_search) VALUES ('integrity-check')").fetchall() == []
