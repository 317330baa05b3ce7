"""The team workflow from the command line: pack, unpack on another machine, merge back, read brat."""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path

import pytest

from annotator.cli.main import main
from annotator.store import Project

NAMES = ["alice", "bob", "carol"]


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def reviewer(tmp_path: Path, seeds_dir: Path, capsys) -> Path:
    db = tmp_path / "reviewer" / "project.sqlite"
    db.parent.mkdir()
    assert run(capsys, "--db", db, "import", seeds_dir)[0] == 0
    with Project.open(db) as project:
        project.set_setting("guidelines", "ضع علامة على كل فاعل.")
    return db


def listed_ids(capsys, db: Path, annotator: str) -> list[str]:
    code, out, _ = run(capsys, "--db", db, "list", "--json", "--annotator", annotator)
    assert code == 0
    return [row["id"] for row in json.loads(out)]


def test_pack_opened_on_a_second_machine_shows_each_annotator_only_their_articles(reviewer, tmp_path, capsys):
    pack = tmp_path / "batch.annotator"
    code, out, _ = run(capsys, "--db", reviewer, "pack", "--out", pack, "--annotators", *NAMES,
                       "--per-article", "2")
    assert code == 0 and "alice: 4 article(s)" in out
    with Project.open(reviewer) as project:
        ids = [a.id for a in project.article_summaries()]
    # round robin, 2 of 3 per article: article i goes to names[2i mod 3] and names[(2i + 1) mod 3]
    expected = {name: [i for n, i in enumerate(ids) if name in (NAMES[2 * n % 3], NAMES[(2 * n + 1) % 3])]
                for name in NAMES}
    assert sorted(len(v) for v in expected.values()) == [3, 3, 4]

    machine = tmp_path / "second-machine"
    machine.mkdir()
    local = machine / "mine.sqlite"
    code, out, _ = run(capsys, "--db", local, "unpack", pack, "--annotator", "bob")
    assert code == 0 and "5 article(s) added" in out
    assert f"{len(expected['bob'])} article(s) for bob: {' '.join(expected['bob'])}" in out
    for name in NAMES:
        assert listed_ids(capsys, local, name) == expected[name]
    with Project.open(local) as project:
        assert project.setting("guidelines") == "ضع علامة على كل فاعل."
        assert [label.name for label in project.labels()] == ["actor", "mediator", "demand", "denial"]
        assert project.assigned_article_ids("dina") == []
        assert project.assigned_article_ids("carol") == expected["carol"]
    # opening the same pack again changes nothing
    before = local.read_bytes()
    code, out, _ = run(capsys, "--db", local, "unpack", pack)
    assert code == 0 and "0 article(s) added" in out
    assert local.read_bytes() == before


def test_explicit_assignment_list(reviewer, tmp_path, capsys):
    with Project.open(reviewer) as project:
        ids = [a.id for a in project.article_summaries()]
    assert listed_ids(capsys, reviewer, "anyone") == ids  # no assignment yet: everyone sees everything
    listing = tmp_path / "who.csv"
    listing.write_text(f"article_id,annotator\n{ids[3]},salma\n{ids[0]},salma\n{ids[1]},omar\n",
                       encoding="utf-8")
    pack = tmp_path / "batch.annotator"
    assert run(capsys, "--db", reviewer, "pack", "--out", pack, "--assignment", listing)[0] == 0
    local = tmp_path / "m2.sqlite"
    assert run(capsys, "--db", local, "unpack", pack)[0] == 0
    assert listed_ids(capsys, local, "salma") == [ids[0], ids[3]]
    assert listed_ids(capsys, local, "omar") == [ids[1]]


def test_bad_pack_requests_are_refused_clearly(reviewer, tmp_path, capsys):
    code, _, err = run(capsys, "--db", reviewer, "pack", "--out", tmp_path / "x.annotator",
                       "--annotators", "a", "b", "--per-article", "3")
    assert code == 1 and "cannot give each article 3 annotator(s) out of 2" in err
    assert not (tmp_path / "x.annotator").exists()
    listing = tmp_path / "who.csv"
    listing.write_text("article_id,annotator\nnope,salma\n", encoding="utf-8")
    code, _, err = run(capsys, "--db", reviewer, "pack", "--out", tmp_path / "x.annotator",
                       "--assignment", listing)
    assert code == 1 and "no article with id 'nope'" in err and "who.csv" in err
    not_a_pack = tmp_path / "fake.annotator"
    not_a_pack.write_text("hello", encoding="utf-8")
    code, _, err = run(capsys, "--db", tmp_path / "new.sqlite", "unpack", not_a_pack)
    assert code == 1 and "fake.annotator: is not an annotator pack" in err


def annotate(db: Path, annotator: str, start: int) -> None:
    with Project.open(db) as project:
        for article_id in project.assigned_article_ids(annotator):
            project.add_span(article_id, annotator, start, start + 4, "actor")


def test_round_trip_pack_annotate_on_two_machines_merge_back(reviewer, tmp_path, capsys):
    pack = tmp_path / "batch.annotator"
    run(capsys, "--db", reviewer, "pack", "--out", pack, "--annotators", "alice", "bob", "--per-article", "2")
    machines = {}
    for name, start in (("alice", 0), ("bob", 10)):
        machines[name] = tmp_path / name / "p.sqlite"
        machines[name].parent.mkdir()
        run(capsys, "--db", machines[name], "unpack", pack)
        annotate(machines[name], name, start)
    # alice sends her project file, bob sends a JSONL export of his work
    bob_jsonl = tmp_path / "bob.jsonl"
    assert run(capsys, "--db", machines["bob"], "export", "--format", "jsonl", "--annotator", "bob",
               "--out", bob_jsonl)[0] == 0
    code, out, err = run(capsys, "--db", reviewer, "merge", machines["alice"], bob_jsonl)
    assert code == 0, err
    assert "0 article(s) added; 10 matched; 10 annotator-article pair(s) added; 10 span(s) added" in out
    with Project.open(reviewer) as project:
        assert project.document_count() == 5
        for article in project.article_summaries():
            assert sorted({s.annotator for s in project.spans(article.id)}) == ["alice", "bob"]
    before = reviewer.read_bytes()
    code, out, _ = run(capsys, "--db", reviewer, "merge", machines["alice"], bob_jsonl)
    assert code == 0 and "0 span(s) added" in out
    assert reviewer.read_bytes() == before  # merging again writes nothing at all


def test_cli_conflict_exits_1_names_article_and_annotator_and_leaves_db_byte_identical(reviewer, tmp_path,
                                                                                         capsys):
    with Project.open(reviewer) as project:
        article = project.article_summaries()[2]
        project.add_span(article.id, "alice", 0, 4, "actor")
    other = tmp_path / "other.sqlite"
    shutil.copy(reviewer, other)
    with Project.open(other) as project:
        project.add_span(article.id, "alice", 5, 9, "demand")
    before = reviewer.read_bytes()
    code, _, err = run(capsys, "--db", reviewer, "merge", other)
    assert code == 1
    assert f"article {article.id}" in err and "annotator 'alice'" in err and "--prefer newer" in err
    assert reviewer.read_bytes() == before
    code, out, _ = run(capsys, "--db", reviewer, "merge", other, "--prefer", "newer")
    assert code == 0 and "1 pair(s) replaced by newer work" in out
    with Project.open(reviewer) as project:
        assert len(project.spans(article.id, "alice")) == 2


def test_pack_with_work_carries_spans_and_edit_times(reviewer, tmp_path, capsys):
    with Project.open(reviewer) as project:
        article = project.article_summaries()[0]
        project.add_span(article.id, "alice", 0, 4, "actor")
    blind, full = tmp_path / "blind.annotator", tmp_path / "full.annotator"
    run(capsys, "--db", reviewer, "pack", "--out", blind)
    run(capsys, "--db", reviewer, "pack", "--out", full, "--with-work")
    with zipfile.ZipFile(blind) as z:
        assert '"spans"' not in z.read("articles.jsonl").decode()
    with zipfile.ZipFile(full) as z:
        lines = [json.loads(x) for x in z.read("articles.jsonl").decode().splitlines()]
    annotated = [x for x in lines if x.get("annotator") == "alice"]
    assert len(annotated) == 1 and annotated[0]["updated_at"] and annotated[0]["spans"][0]["start"] == 0
    copy = tmp_path / "copy.sqlite"
    run(capsys, "--db", copy, "merge", full)
    with Project.open(copy) as project, Project.open(reviewer) as original:
        assert [s.ref for s in project.spans()] == [s.ref for s in original.spans()]
        assert project.statuses() == original.statuses()


def test_import_format_brat_and_malformed_brat_from_the_cli(tmp_path, capsys):
    folder = tmp_path / "peer"
    folder.mkdir()
    (folder / "d1.txt").write_bytes("قال الرئيس إن".encode())
    (folder / "d1.ann").write_text("T1\tactor 4 10\tالرئيس\nT2\tdemand 11 13\tإن\n"
                                   "R1\tclaims Arg1:T1 Arg2:T2\nE1\tTalks:T1\n", encoding="utf-8")
    db = tmp_path / "p.sqlite"
    code, out, err = run(capsys, "--db", db, "import", "--format", "brat", "--annotator", "peer", folder)
    assert code == 0, err
    assert "2 span(s) added" in out and "1 event(s)" in out
    (folder / "d2.txt").write_bytes("نص آخر".encode())
    (folder / "d2.ann").write_text("T1\tactor 0 2\tنص\nT2\tactor 3 99\tآخر\n", encoding="utf-8")
    before = db.read_bytes()
    code, _, err = run(capsys, "--db", db, "import", "--annotator", "peer", folder)
    assert code == 1 and f"{folder / 'd2.ann'}, line 2" in err and "past the end" in err
    assert db.read_bytes() == before


def test_a_newer_pack_updates_guidelines_and_adds_to_the_assignment(reviewer, tmp_path, capsys):
    first = tmp_path / "first.annotator"
    run(capsys, "--db", reviewer, "pack", "--out", first, "--annotators", "alice", "bob")
    local = tmp_path / "m2.sqlite"
    run(capsys, "--db", local, "unpack", first)
    with Project.open(reviewer) as project:
        project.set_setting("guidelines", "الإرشادات الجديدة")
        ids = [a.id for a in project.article_summaries()]
    listing = tmp_path / "who.csv"
    listing.write_text(f"article_id,annotator\n{ids[1]},alice\n", encoding="utf-8")
    second = tmp_path / "second.annotator"
    run(capsys, "--db", reviewer, "pack", "--out", second, "--assignment", listing)
    assert run(capsys, "--db", local, "unpack", second)[0] == 0
    with Project.open(local) as project:
        assert project.setting("guidelines") == "الإرشادات الجديدة"
        assert project.assigned_article_ids("alice") == [ids[0], ids[1], ids[2], ids[4]]


def test_importing_a_pack_points_to_unpack(reviewer, tmp_path, capsys):
    pack = tmp_path / "batch.annotator"
    run(capsys, "--db", reviewer, "pack", "--out", pack)
    code, _, err = run(capsys, "--db", tmp_path / "x.sqlite", "import", pack)
    assert code == 1
    assert "batch.annotator: is a pack: open it with `annotator --db PROJECT unpack FILE`" in err
