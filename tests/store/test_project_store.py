"""The project store: SQLite settings, the label schema, spans and per-annotator statuses."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from annotator.core.errors import InputError, NotFoundError
from annotator.core.model import DEFAULT_LABELS, Status
from annotator.store import Project
from annotator.store.schema import SCHEMA_VERSION


def first_article(project: Project) -> str:
    return project.article_summaries()[0].id


def test_new_project_uses_wal_foreign_keys_and_current_schema(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite"
    with Project.open(path) as project:
        assert project.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert project.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert project.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    # The settings are in the file, not only in the connection: a plain sqlite3 client sees WAL too.
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.close()


def test_foreign_keys_are_enforced(project: Project) -> None:
    with pytest.raises(sqlite3.IntegrityError), project.transaction() as conn:
        conn.execute("INSERT INTO statuses (document_id, annotator_id, status, updated_at) "
                     "VALUES ('no-such-article', 999, 'new', 'now')")


def test_default_labels_are_seeded_in_order(tmp_path: Path) -> None:
    with Project.open(tmp_path / "p.sqlite") as project:
        labels = project.labels()
    assert [label.name for label in labels] == ["actor", "mediator", "demand", "denial"]
    assert [(label.name, label.color, label.key) for label in labels] == list(DEFAULT_LABELS)
    assert len({label.color for label in labels}) == 4


def test_reopening_does_not_seed_labels_again(tmp_path: Path) -> None:
    Project.open(tmp_path / "p.sqlite").close()
    with Project.open(tmp_path / "p.sqlite") as project:
        assert len(project.labels()) == 4


def test_added_span_is_stored_and_moves_new_article_to_in_progress(project: Project) -> None:
    article = first_article(project)
    assert project.status(article, "salma") is Status.NEW
    span = project.add_span(article, "salma", 0, 3, "actor")
    assert project.spans(article) == [span]
    assert (span.annotator, span.start, span.end, span.label) == ("salma", 0, 3, "actor")
    assert span.created_at == span.updated_at != ""
    assert project.status(article, "salma") is Status.IN_PROGRESS
    assert project.annotators() == ["salma"]


def test_adding_the_same_span_twice_keeps_one(project: Project) -> None:
    article = first_article(project)
    first = project.add_span(article, "salma", 0, 3, "actor")
    second = project.add_span(article, "salma", 0, 3, "actor")
    assert first.id == second.id and len(project.spans()) == 1


def test_span_outside_text_or_empty_is_refused(project: Project) -> None:
    article = project.article_summaries()[0]
    for start, end in [(-1, 2), (5, 5), (6, 5), (0, article.length + 1)]:
        with pytest.raises(InputError, match="outside"):
            project.add_span(article.id, "salma", start, end, "actor")
    with pytest.raises(NotFoundError):
        project.add_span(article.id, "salma", 0, 2, "no-such-label")
    assert project.spans() == []


def test_update_span_changes_label_and_bounds_keeping_its_id(project: Project) -> None:
    article = first_article(project)
    span = project.add_span(article, "salma", 0, 3, "actor")
    changed = project.update_span(span.id, label="demand", start=1, end=6)
    assert (changed.id, changed.start, changed.end, changed.label) == (span.id, 1, 6, "demand")
    assert changed.created_at == span.created_at and changed.updated_at > span.updated_at
    assert project.spans() == [changed]


def test_update_to_a_duplicate_is_refused(project: Project) -> None:
    article = first_article(project)
    project.add_span(article, "salma", 0, 3, "actor")
    other = project.add_span(article, "salma", 0, 3, "demand")
    with pytest.raises(InputError, match="identical span"):
        project.update_span(other.id, label="actor")
    assert project.span(other.id).label == "demand"


def test_delete_then_restore_gives_back_the_same_span(project: Project) -> None:
    article = first_article(project)
    span = project.add_span(article, "salma", 2, 9, "mediator")
    deleted = project.delete_span(span.id)
    assert deleted == span and project.spans() == []
    with pytest.raises(NotFoundError):
        project.span(span.id)
    assert project.restore_span(deleted) == span
    assert project.spans() == [span]


def test_status_transitions(project: Project) -> None:
    article = first_article(project)
    project.add_span(article, "salma", 0, 3, "actor")
    assert project.status(article, "salma") is Status.IN_PROGRESS
    project.set_status(article, "salma", Status.DONE)
    assert project.status(article, "salma") is Status.DONE
    # An edit after `done` does not silently reopen the article.
    project.add_span(article, "salma", 4, 6, "actor")
    assert project.status(article, "salma") is Status.DONE
    project.set_status(article, "salma", Status.NEW)
    project.add_span(article, "salma", 7, 9, "actor")
    assert project.status(article, "salma") is Status.IN_PROGRESS
    # Statuses are per annotator.
    assert project.status(article, "omar") is Status.NEW
    assert project.statuses() == {(article, "salma"): Status.IN_PROGRESS}


def test_set_status_of_unknown_article_is_refused(project: Project) -> None:
    with pytest.raises(NotFoundError):
        project.set_status("no-such-article", "salma", Status.DONE)
    assert project.statuses() == {}


def test_renaming_a_label_keeps_its_spans(project: Project) -> None:
    article = first_article(project)
    span = project.add_span(article, "salma", 0, 3, "actor")
    project.update_label("actor", new_name="فاعل", color="#000000")
    assert project.span(span.id).label == "فاعل"
    assert project.labels()[0].name == "فاعل"
    assert project.label("فاعل").color == "#000000"
    with pytest.raises(InputError, match="already exists"):
        project.update_label("فاعل", new_name="demand")


def test_deleting_a_label_removes_its_spans_only(project: Project) -> None:
    article = first_article(project)
    project.add_span(article, "salma", 0, 3, "actor")
    kept = project.add_span(article, "salma", 0, 3, "demand")
    assert project.label_usage("actor") == 1
    project.delete_label("actor")
    assert project.spans() == [kept]
    assert "actor" not in [label.name for label in project.labels()]


def test_a_failed_action_leaves_no_partial_change(project: Project) -> None:
    article = first_article(project)
    with pytest.raises(RuntimeError), project.transaction() as conn:
        conn.execute("INSERT INTO annotators (name) VALUES ('ghost')")
        raise RuntimeError("boom")
    assert project.annotators() == []
    project.add_span(article, "salma", 0, 3, "actor")  # the connection is usable afterwards
