"""Merging curators' gold: two reviewers who split the curation bring their gold together, nothing lost,
in any order, and different gold for the same article stops the merge unless --prefer newer."""

from __future__ import annotations

import shutil
import sqlite3
import time
from pathlib import Path

import pytest

from annotator.core.errors import ConflictError
from annotator.core.model import GoldStatus, SpanRef
from annotator.operations.team import merge_files
from annotator.store import Project
from annotator.store.gold import Gold
from tests.store.test_merge import build_store


def gold_dump(path: Path) -> dict[str, list]:
    """The gold a user sees, by article text hash, read with plain sqlite3 (not the code under test)."""
    conn = sqlite3.connect(path)
    try:
        q = conn.execute
        return {
            "gold": sorted(q("SELECT d.sha256, g.start, g.end, l.name, g.decided_by, g.decided_at, g.origin "
                             "FROM gold_spans g JOIN documents d ON d.id = g.document_id "
                             "JOIN labels l ON l.id = g.label_id")),
            "rejections": sorted(q("SELECT d.sha256, r.start, r.end, l.name, r.decided_by "
                                   "FROM gold_rejections r JOIN documents d ON d.id = r.document_id "
                                   "JOIN labels l ON l.id = r.label_id")),
            "statuses": sorted(q("SELECT d.sha256, s.status FROM gold_statuses s "
                                 "JOIN documents d ON d.id = s.document_id")),
        }
    finally:
        conn.close()


def curate(path: Path, article: int, ref: SpanRef, curator: str, *, reject: SpanRef | None = None,
           done: bool = True) -> None:
    with Project.open(path) as project:
        gold = Gold(project)
        document_id = project.documents()[article].id
        gold.accept(document_id, ref, curator)
        if reject is not None:
            gold.reject(document_id, reject, curator)
        if done:
            gold.set_status(document_id, GoldStatus.CURATED)


@pytest.fixture
def reviewers(tmp_path: Path, seeds_dir: Path) -> tuple[Path, Path]:
    """The same annotated corpus on two reviewers' machines (the same work, copied)."""
    a = build_store(tmp_path, seeds_dir, "A", "alice", 0)
    b = tmp_path / "B.sqlite"
    shutil.copy(a, b)
    return a, b


def test_gold_curated_on_two_machines_is_brought_together(reviewers):
    a, b = reviewers
    curate(a, 0, SpanRef(0, 5, "actor"), "rana", reject=SpanRef(10, 20, "demand"))
    curate(b, 3, SpanRef(10, 20, "demand"), "samir")
    expected = {key: sorted(gold_dump(a)[key] + gold_dump(b)[key])
                for key in ("gold", "rejections", "statuses")}
    with Project.open(a) as project:
        summary = merge_files(project, [b])
    assert gold_dump(a) == expected
    assert len(summary.gold_articles) == 1 and "gold of 1 article(s)" in summary.describe()
    assert summary.changes.gold == set(summary.gold_articles)


def test_gold_merge_is_commutative_and_idempotent(reviewers, tmp_path):
    a, b = reviewers
    curate(a, 0, SpanRef(0, 5, "actor"), "rana")
    curate(b, 1, SpanRef(10, 20, "demand"), "samir", done=False)
    a_copy, b_copy = tmp_path / "a_copy.sqlite", tmp_path / "b_copy.sqlite"
    shutil.copy(a, a_copy)
    shutil.copy(b, b_copy)
    with Project.open(a_copy) as project:
        merge_files(project, [b])
    with Project.open(b_copy) as project:
        merge_files(project, [a])
    assert gold_dump(a_copy) == gold_dump(b_copy)
    with Project.open(a_copy) as project:
        assert merge_files(project, [b, a]).gold_articles == []
    assert gold_dump(a_copy) == gold_dump(b_copy)


def test_different_gold_for_one_article_stops_the_merge_and_changes_nothing(reviewers):
    a, b = reviewers
    curate(a, 2, SpanRef(0, 5, "actor"), "rana")
    curate(b, 2, SpanRef(0, 5, "denial"), "samir")
    before = a.read_bytes()
    with Project.open(a) as project, pytest.raises(ConflictError) as caught:
        merge_files(project, [b])
    message = str(caught.value)
    assert "gold" in message and str(b) in message and "--prefer newer" in message
    assert a.read_bytes() == before


def test_prefer_newer_keeps_the_gold_curated_last(reviewers):
    a, b = reviewers
    curate(a, 2, SpanRef(0, 5, "actor"), "rana")
    time.sleep(0.002)
    curate(b, 2, SpanRef(0, 5, "denial"), "samir")
    with Project.open(a) as project:
        merge_files(project, [b], prefer_newer=True)
        assert [g.ref for g in Gold(project).spans(project.documents()[2].id)] == [SpanRef(0, 5, "denial")]
