"""Merging projects built on different machines: matching by text, idempotence, commutativity, conflicts."""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
import time
from pathlib import Path

import pytest

from annotator.core.errors import ConflictError, InputError, ProjectFileError
from annotator.core.formats.jsonl import write_jsonl
from annotator.core.formats.plaintext import read_txt
from annotator.core.model import Status
from annotator.operations.team import merge_files
from annotator.store import Project
from annotator.store.schema import SCHEMA_VERSION


def seed_jsonl(seeds_dir: Path, path: Path, prefix: str) -> Path:
    """The five seed articles as JSONL whose meta.id forces ids of our choosing (different per machine)."""
    with path.open("w", encoding="utf-8") as out:
        for n, seed in enumerate(sorted(seeds_dir.glob("*.txt"))):
            text = read_txt(seed).text
            out.write(json.dumps({"text": text, "meta": {"id": f"{prefix}-{n}"}}, ensure_ascii=False) + "\n")
    return path


def build_store(tmp: Path, seeds_dir: Path, name: str, annotator: str, offset: int) -> Path:
    """A project on its own 'machine': the seeds under ids ``name-N`` and a few spans by ``annotator``."""
    folder = tmp / name
    folder.mkdir()
    path = folder / "project.sqlite"
    with Project.open(path) as project:
        from annotator.operations.import_corpus import import_paths

        import_paths(project, [seed_jsonl(seeds_dir, folder / "seeds.jsonl", name)])
        for document in project.documents():
            project.add_span(document.id, annotator, offset, offset + 5, "actor")
            project.add_span(document.id, annotator, offset + 10, offset + 20, "demand")
        first = project.documents()[0].id
        project.set_status(first, annotator, Status.DONE)
    return path


def dump(path: Path) -> dict[str, list]:
    """Everything a user can see in a project, with articles known by text hash, not by id.

    Read with plain sqlite3 (not our store) so the comparison does not trust the code under test.
    Left out: surrogate ids, corpus positions and import times, which differ per machine by design.
    """
    conn = sqlite3.connect(path)
    try:
        q = conn.execute
        return {
            "documents": sorted(q("SELECT sha256, title, source, text, meta FROM documents")),
            "labels": sorted(q("SELECT name FROM labels")),
            "annotators": sorted(q("SELECT name FROM annotators")),
            "spans": sorted(q(
                "SELECT d.sha256, a.name, s.start, s.end, l.name, s.created_at, s.updated_at FROM spans s "
                "JOIN documents d ON d.id = s.document_id JOIN annotators a ON a.id = s.annotator_id "
                "JOIN labels l ON l.id = s.label_id")),
            "statuses": sorted(q(
                "SELECT d.sha256, a.name, st.status, st.updated_at FROM statuses st "
                "JOIN documents d ON d.id = st.document_id JOIN annotators a ON a.id = st.annotator_id")),
            "assignments": sorted(q(
                "SELECT d.sha256, a.name FROM assignments x JOIN documents d ON d.id = x.document_id "
                "JOIN annotators a ON a.id = x.annotator_id")),
        }
    finally:
        conn.close()


@pytest.fixture
def stores(tmp_path: Path, seeds_dir: Path) -> tuple[Path, Path]:
    return (build_store(tmp_path, seeds_dir, "A", "alice", 0),
            build_store(tmp_path, seeds_dir, "B", "bob", 30))


def merged(tmp_path: Path, name: str, *sources: Path, prefer_newer: bool = False) -> Path:
    path = tmp_path / f"{name}.sqlite"
    with Project.open(path) as project:
        for source in sources:
            merge_files(project, [source], prefer_newer=prefer_newer)
    return path


def test_independent_stores_merge_into_five_articles_with_both_annotators(stores, tmp_path):
    a, b = stores
    with Project.open(a) as project:
        summary = merge_files(project, [b])
        assert summary.articles_added == 0 and summary.articles_matched == 5
        assert project.document_count() == 5
        assert sorted(d.id for d in project.documents()) == [f"A-{n}" for n in range(5)]
        assert project.annotators() == ["alice", "bob"]
        for document in project.documents():
            by = {s.annotator for s in project.spans(document.id)}
            assert by == {"alice", "bob"}
            assert [(s.start, s.end) for s in project.spans(document.id, "bob")] == [(30, 35), (40, 50)]
        first = project.documents()[0].id
        assert project.status(first, "bob") == Status.DONE


def test_merged_spans_cover_the_same_text_as_in_the_source(stores):
    a, b = stores
    def covered(project: Project, annotator: str) -> set[tuple[str, str]]:
        texts = {d.id: d for d in project.documents()}
        return {(texts[s.document_id].sha256, s.covered_text(texts[s.document_id].text))
                for s in project.spans(annotator=annotator)}

    with Project.open(b) as source:
        expected = covered(source, "bob")
    with Project.open(a) as project:
        merge_files(project, [b])
        got = covered(project, "bob")
    assert got == expected


def test_merging_twice_equals_merging_once(stores, tmp_path):
    a, b = stores
    once = merged(tmp_path, "once", a, b)
    twice = merged(tmp_path, "twice", a, b, b, a)
    assert dump(once) == dump(twice)
    with Project.open(once) as project:
        summary = merge_files(project, [a, b])
    assert summary.pairs_added == 0 and summary.spans_added == 0 and summary.articles_added == 0
    assert dump(once) == dump(twice)


def test_merge_is_commutative(stores, tmp_path):
    a, b = stores
    assert dump(merged(tmp_path, "ab", a, b)) == dump(merged(tmp_path, "ba", b, a))
    # and into each other's own files: A with B merged in equals B with A merged in
    a_copy, b_copy = tmp_path / "a_copy.sqlite", tmp_path / "b_copy.sqlite"
    shutil.copy(a, a_copy)
    shutil.copy(b, b_copy)
    with Project.open(a_copy) as project:
        merge_files(project, [b])
    with Project.open(b_copy) as project:
        merge_files(project, [a])
    assert dump(a_copy) == dump(b_copy)


def edit_copy(original: Path, copy: Path, annotator: str) -> None:
    """The same project on a second machine where ``annotator`` changed one span later on."""
    shutil.copy(original, copy)
    time.sleep(0.002)  # edit times have microsecond resolution; make "later" unambiguous
    with Project.open(copy) as project:
        span = project.spans(annotator=annotator)[0]
        project.update_span(span.id, label="denial")


def test_conflict_stops_naming_article_and_annotator_and_changes_nothing(stores, tmp_path):
    a, _ = stores
    edited = tmp_path / "edited.sqlite"
    edit_copy(a, edited, "alice")
    before = a.read_bytes()
    with Project.open(a) as project, pytest.raises(ConflictError) as caught:
        merge_files(project, [edited])
    message = str(caught.value)
    assert "A-0" in message and "'alice'" in message and "--prefer newer" in message
    assert a.read_bytes() == before


def test_prefer_newer_keeps_the_later_edit_whichever_side_it_is_on(stores, tmp_path):
    a, _ = stores
    edited = tmp_path / "edited.sqlite"
    edit_copy(a, edited, "alice")
    forward = merged(tmp_path, "forward", a, edited, prefer_newer=True)
    backward = merged(tmp_path, "backward", edited, a, prefer_newer=True)
    assert dump(forward) == dump(backward) == dump(edited)
    with Project.open(a) as project:
        summary = merge_files(project, [edited], prefer_newer=True)
        assert summary.pairs_replaced == ["A-0 / alice"]
        assert project.spans("A-0", "alice")[0].label == "denial"


def test_equal_work_keeps_the_later_status(stores, tmp_path):
    a, _ = stores
    done = tmp_path / "done.sqlite"
    shutil.copy(a, done)
    with Project.open(done) as project:
        project.set_status("A-1", "alice", Status.DONE)
    for order in ((a, done), (done, a)):
        with Project.open(merged(tmp_path, f"m{len(list(tmp_path.iterdir()))}", *order)) as project:
            assert project.status("A-1", "alice") == Status.DONE


def test_merge_reads_our_jsonl_export(stores, tmp_path):
    a, b = stores
    exported = tmp_path / "bob.jsonl"
    with Project.open(b) as project, exported.open("w", encoding="utf-8") as out:
        write_jsonl(project.export_records(annotator="bob"), out)
    with Project.open(a) as project:
        merge_files(project, [exported])
        assert len(project.spans(annotator="bob")) == 10
        assert project.document_count() == 5
        again = merge_files(project, [exported])
    assert again.spans_added == 0 and again.pairs_added == 0


def test_jsonl_conflict_cannot_prefer_newer_without_edit_times(stores, tmp_path):
    a, _ = stores
    edited = tmp_path / "edited.sqlite"
    edit_copy(a, edited, "alice")
    exported = tmp_path / "alice.jsonl"
    with Project.open(edited) as project, exported.open("w", encoding="utf-8") as out:
        write_jsonl(project.export_records(annotator="alice"), out)
    untimed = tmp_path / "untimed.jsonl"  # as other tools write it: no "updated_at"
    records = [json.loads(line) for line in exported.read_text(encoding="utf-8").splitlines()]
    untimed.write_text("".join(json.dumps({k: v for k, v in record.items() if k != "updated_at"},
                                          ensure_ascii=False) + "\n" for record in records), encoding="utf-8")
    before = a.read_bytes()
    with Project.open(a) as project, pytest.raises(ConflictError, match="does not record when"):
        merge_files(project, [untimed], prefer_newer=True)
    assert a.read_bytes() == before


def test_exported_jsonl_carries_edit_times_so_prefer_newer_keeps_the_later_work(stores, tmp_path):
    a, _ = stores
    edited = tmp_path / "edited.sqlite"
    edit_copy(a, edited, "alice")  # made after the work in `a`
    exported = tmp_path / "alice.jsonl"
    with Project.open(edited) as project, exported.open("w", encoding="utf-8") as out:
        write_jsonl(project.export_records(annotator="alice"), out)
        newer = {(s.document_id, s.ref) for s in project.spans(annotator="alice")}
    with Project.open(a) as project:
        merge_files(project, [exported], prefer_newer=True)
        assert {(s.document_id, s.ref) for s in project.spans(annotator="alice")} == newer


def test_labels_missing_from_the_project_are_added_by_name(stores, tmp_path):
    a, b = stores
    with Project.open(b) as project:
        project.add_label("location", "#123456", "9")
        project.add_span("B-0", "bob", 60, 70, "location")
    with Project.open(a) as project:
        summary = merge_files(project, [b])
        assert summary.labels_added == ["location"]
        assert project.label("location").color == "#123456"
        assert [s.label for s in project.spans("A-0", "bob") if s.start == 60] == ["location"]


def test_a_conflict_between_two_files_is_caught_too(stores, tmp_path):
    a, _ = stores
    edited = tmp_path / "edited.sqlite"
    edit_copy(a, edited, "alice")
    target = tmp_path / "empty.sqlite"
    Project.open(target).close()
    before = target.read_bytes()
    with Project.open(target) as project, pytest.raises(ConflictError) as caught:
        merge_files(project, [a, edited])
    assert f"different spans in {a} and {edited}" in str(caught.value)
    assert target.read_bytes() == before


def test_newer_schema_and_foreign_databases_are_refused(tmp_path, stores):
    a, _ = stores
    newer = tmp_path / "newer.sqlite"
    shutil.copy(a, newer)
    conn = sqlite3.connect(newer)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    foreign = tmp_path / "foreign.db"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    with Project.open(a) as project:
        with pytest.raises(ProjectFileError, match="newer version"):
            merge_files(project, [newer])
        with pytest.raises(InputError, match="not an annotator project"):
            merge_files(project, [foreign])
        article = tmp_path / "article.txt"
        article.write_text("نص", encoding="utf-8")
        with pytest.raises(InputError, match="cannot be merged"):
            merge_files(project, [tmp_path / "A" / "seeds.jsonl", article])


def test_an_id_taken_by_another_text_gets_a_new_id_and_the_text_keeps_its_spans(tmp_path, stores):
    a, _ = stores
    other = tmp_path / "other.sqlite"
    with Project.open(other) as project:
        from annotator.core.model import AnnotationSet, ArticleRecord, SpanRef

        project.import_articles([ArticleRecord("نص مختلف تماما", "t", id="A-0", annotations=(
            AnnotationSet("omar", (SpanRef(0, 2, "actor"),)),))])
    with Project.open(a) as project:
        summary = merge_files(project, [other])
        assert summary.articles_added == 1 and project.document_count() == 6
        (new,) = [d for d in project.documents() if d.text == "نص مختلف تماما"]
        assert new.id != "A-0" and [s.ref.start for s in project.spans(new.id)] == [0]
        assert project.spans("A-0", "omar") == []


def test_a_project_file_from_an_older_version_merges_without_being_migrated(tmp_path):
    from annotator.store.schema import MIGRATIONS

    old = tmp_path / "old.db"
    conn = sqlite3.connect(old, isolation_level=None)
    MIGRATIONS[0](conn)  # version 1: no gold, settings or assignments tables yet
    conn.execute("PRAGMA user_version = 1")
    conn.execute("INSERT INTO documents VALUES ('x1', 'عنوان', '', ?, ?, '2020-01-01', '{}', 0)",
                 ("قال الرئيس", hashlib.sha256("قال الرئيس".encode()).hexdigest()))
    conn.execute("INSERT INTO annotators (name) VALUES ('old-timer')")
    conn.execute("INSERT INTO spans (document_id, annotator_id, start, end, label_id, created_at, "
                 "updated_at) VALUES ('x1', 1, 4, 10, 1, '2020-01-01', '2020-01-02')")
    conn.execute("INSERT INTO statuses VALUES ('x1', 1, 'done', '2020-01-02')")
    conn.close()
    before = old.read_bytes()
    with Project.open(tmp_path / "new.sqlite") as project:
        merge_files(project, [old])
        (span,) = project.spans()
        assert (span.document_id, span.annotator, span.start, span.end, span.label) == \
            ("x1", "old-timer", 4, 10, "actor")
        assert (span.created_at, span.updated_at) == ("2020-01-01", "2020-01-02")
        assert project.status("x1", "old-timer") == Status.DONE
    assert old.read_bytes() == before


def test_many_shared_pairs_are_read_in_bulk_with_the_same_outcome(tmp_path):
    from annotator.core.model import AnnotationSet, ArticleRecord, SpanRef

    big = tmp_path / "big.sqlite"
    with Project.open(big) as project:
        project.import_articles([
            ArticleRecord(f"مقال رقم {n} عن الوساطة", f"t{n}", id=f"n{n}",
                          annotations=(AnnotationSet("alice", (SpanRef(0, 4, "actor"),)),))
            for n in range(60)])  # 60 pairs of one annotator: above the per-pair threshold
    copy = tmp_path / "copy.sqlite"
    shutil.copy(big, copy)
    once = dump(big)
    with Project.open(big) as project:
        assert merge_files(project, [copy]).pairs_added == 0
    assert dump(big) == once
    time.sleep(0.002)
    with Project.open(copy) as project:
        project.add_span("n37", "alice", 5, 8, "demand")
    with Project.open(big) as project, pytest.raises(ConflictError, match="article n37 "):
        merge_files(project, [copy])
    assert dump(big) == once
