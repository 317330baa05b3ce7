"""Undo never touches another writer's rows, and span ids are never reused.

Annotator A tags and undoes; meanwhile annotator B's span arrives through a second connection (a
second window, `annotator merge`). Before version 6 B's span took A's freed id, A's redo failed with an
IntegrityError and A's next undo deleted B's span. Each check here drives two connections on one file.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from annotator.core.errors import ChangedElsewhereError, ProjectFileError
from annotator.store import Project
from annotator.store.gold import Gold
from annotator.store.schema import MIGRATIONS, SCHEMA_VERSION

from .test_migrations import build_version_1


@pytest.fixture
def second(project: Project) -> Project:
    """A second connection on the same project file: the other window or the command line."""
    other = Project.open(project.path)
    yield other
    other.close()


def article(project: Project) -> str:
    return project.documents()[0].id


def test_a_deleted_span_id_is_never_given_to_the_next_span(project: Project, second: Project) -> None:
    doc = article(project)
    mine = project.add_span(doc, "salma", 0, 4, "actor")
    project.delete_span(mine.id, expected=mine)  # A undoes
    theirs = second.add_span(doc, "omar", 10, 14, "demand")  # B's span arrives
    assert theirs.id > mine.id


def test_redo_after_another_writer_added_a_span_keeps_both(project: Project, second: Project) -> None:
    doc = article(project)
    mine = project.add_span(doc, "salma", 0, 4, "actor")
    project.delete_span(mine.id, expected=mine)
    theirs = second.add_span(doc, "omar", 0, 4, "actor")
    assert project.restore_span(mine).id == mine.id  # A's redo: no IntegrityError, its own id
    assert {(s.annotator, s.id) for s in second.spans(doc)} == {("salma", mine.id), ("omar", theirs.id)}


def test_undo_of_a_tag_whose_span_was_relabelled_elsewhere_deletes_nothing(project: Project,
                                                                             second: Project) -> None:
    doc = article(project)
    mine = project.add_span(doc, "salma", 0, 4, "actor")
    second.update_span(mine.id, label="demand")  # another window of the same annotator relabels it
    with pytest.raises(ChangedElsewhereError, match="changed elsewhere"):
        project.delete_span(mine.id, expected=mine)
    [kept] = second.spans(doc)
    assert (kept.id, kept.label) == (mine.id, "demand")


def test_undo_of_a_delete_never_writes_over_an_identical_span_stored_since(project: Project,
                                                                            second: Project) -> None:
    doc = article(project)
    span = project.add_span(doc, "salma", 0, 4, "actor")
    deleted = project.delete_span(span.id, expected=span)
    again = second.add_span(doc, "salma", 0, 4, "actor")  # merged back in from a pack, say
    with pytest.raises(ChangedElsewhereError):
        project.restore_span(deleted)
    assert [s.id for s in second.spans(doc)] == [again.id]


def test_undo_of_a_label_change_made_stale_elsewhere_is_refused(project: Project, second: Project) -> None:
    doc = article(project)
    span = project.add_span(doc, "salma", 0, 4, "actor")
    after = project.update_span(span.id, label="demand", expected=span)
    second.update_span(span.id, start=1)  # moved elsewhere
    with pytest.raises(ChangedElsewhereError):
        project.update_span(span.id, label="actor", start=0, end=4, expected=after)
    [kept] = second.spans(doc)
    assert (kept.start, kept.label) == (1, "demand")


def test_bulk_undo_deletes_nothing_when_one_of_its_spans_changed(project: Project, second: Project) -> None:
    doc = article(project)
    made = project.add_spans("salma", [(doc, 0, 4, "actor"), (doc, 10, 14, "actor")])
    second.update_span(made[1].id, label="denial")
    with pytest.raises(ChangedElsewhereError):
        project.delete_spans([s.id for s in made], expected=made)
    assert len(second.spans(doc)) == 2


def test_gold_undo_refuses_when_the_gold_changed_elsewhere(project: Project, second: Project) -> None:
    doc = article(project)
    gold, other_gold = Gold(project), Gold(second)
    before = gold.snapshot(doc)
    gold.accept(doc, project.add_span(doc, "salma", 0, 4, "actor").ref, "lead")
    after = gold.snapshot(doc)
    other_gold.accept(doc, second.add_span(doc, "omar", 10, 14, "demand").ref, "second curator")
    with pytest.raises(ChangedElsewhereError):
        gold.restore(before, expected=after)
    assert len(other_gold.spans(doc)) == 2


def test_migration_keeps_every_span_id_and_never_reuses_them(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    build_version_1(path)
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO spans (id, document_id, annotator_id, start, end, label_id, created_at, "
                 "updated_at) VALUES (7, 'a1', 1, 10, 14, (SELECT id FROM labels WHERE name = 'demand'), "
                 "'t0', 't0')")
    conn.commit()
    conn.close()
    with Project.open(path) as project:
        assert project.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        ids = sorted(s.id for s in project.spans())
        assert ids == [1, 7]
        top = project.span(7)
        project.delete_span(7, expected=top)
        new = project.add_span("a1", "salma", 20, 24, "actor")
        assert new.id == 8  # not 7 again
        assert project.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_a_failing_id_migration_leaves_the_file_byte_identical(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "old.sqlite"
    build_version_1(path)
    before = path.read_bytes()
    last = max(MIGRATIONS)

    def broken(conn: sqlite3.Connection) -> None:
        MIGRATIONS_BEFORE[last](conn)
        raise sqlite3.OperationalError("disk I/O error")

    MIGRATIONS_BEFORE = dict(MIGRATIONS)
    monkeypatch.setitem(MIGRATIONS, last, broken)
    with pytest.raises(ProjectFileError, match=str(path)):
        Project.open(path)
    assert path.read_bytes() == before
