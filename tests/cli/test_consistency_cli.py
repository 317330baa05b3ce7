"""`annotator consistency`: shared passages with offsets in both articles and the spans that differ."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.cli.main import main
from annotator.core.consistency import words
from annotator.store import Project


def run(capsys, *argv: object) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def db(tmp_path: Path, seeds_dir: Path, capsys) -> Path:
    path = tmp_path / "project.sqlite"
    assert run(capsys, "--db", path, "import", seeds_dir)[0] == 0
    return path


def seed_ids(db: Path) -> dict[str, str]:
    """Article id by seed number ("000" …), from the file each article came from."""
    with Project.open(db) as project:
        return {Path(d.source).name[:3]: d.id for d in project.documents()}


def texts(db: Path) -> dict[str, str]:
    with Project.open(db) as project:
        return dict(project.article_texts())


def test_json_lists_the_reuters_passages_of_000_and_002_with_offsets_in_both(db: Path, capsys):
    code, out, _ = run(capsys, "--db", db, "consistency", "--json")
    assert code == 0
    passages = json.loads(out)["passages"]
    ids, text = seed_ids(db), texts(db)
    assert {(p["article_a"], p["article_b"]) for p in passages} == {(ids["000"], ids["002"])}
    assert len(passages) == 2 and sum(p["words"] for p in passages) > 250
    for p in passages:
        shown_a = text[p["article_a"]][p["start_a"] : p["end_a"]]
        shown_b = text[p["article_b"]][p["start_b"] : p["end_b"]]
        assert words(shown_a) == words(shown_b) and len(words(shown_a)) == p["words"]
        assert p["differences"] == []
    assert text[ids["002"]].startswith(text[ids["000"]][passages[0]["start_a"] : passages[0]["start_a"] + 20])


def add_span(project: Project, doc: str, annotator: str, phrase: str, label: str, nth: int = 0) -> None:
    text = project.document(doc).text
    start = text.index(phrase)
    for _ in range(nth):
        start = text.index(phrase, start + 1)
    project.add_span(doc, annotator, start, start + len(phrase), label)


def test_differing_spans_are_listed_under_their_passage(db: Path, capsys):
    ids = seed_ids(db)
    with Project.open(db) as project:
        add_span(project, ids["000"], "alice", "الوسطاء", "mediator", nth=1)  # the first is before it
        add_span(project, ids["002"], "alice", "الوسطاء", "mediator")  # same: no difference
        add_span(project, ids["000"], "alice", "البيت الأبيض", "actor")  # missing in 002
        add_span(project, ids["002"], "alice", "وزارة الخارجية الأمريكية", "denial")  # missing in 000
        add_span(project, ids["000"], "bob", "واشنطن وطهران", "actor")
        add_span(project, ids["002"], "bob", "واشنطن وطهران", "mediator")  # another label
    code, out, _ = run(capsys, "--db", db, "consistency", "--json")
    assert code == 0
    first = json.loads(out)["passages"][0]
    text = texts(db)
    found = {(d["kind"], d["annotator_a"], d["label_a"], d["label_b"]): d for d in first["differences"]}
    assert set(found) == {("missing_in_b", "alice", "actor", None), ("missing_in_a", "alice", None, "denial"),
                          ("different_label", "bob", "actor", "mediator")}
    missing = found["missing_in_b", "alice", "actor", None]
    assert text[ids["002"]][missing["start_b"] : missing["end_b"]] == "البيت الأبيض"
    assert set(missing) == {"kind", "annotator_a", "annotator_b", "label_a", "label_b",
                            "start_a", "end_a", "start_b", "end_b"}
    code, out, _ = run(capsys, "--db", db, "consistency", "--annotators", "bob")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith(f"{ids['000']} {first['start_a']}-{first['end_a']}\t{ids['002']} 0-")
    assert "1 difference(s)" in lines[0] and "وتقول المصادر" in lines[0]
    assert lines[1].split("\t")[:2] == ["  different_label", "bob"] and lines[1].endswith("واشنطن وطهران")
    assert lines[-1] == "2 shared passage(s) in 1 pair(s) of articles, 1 difference(s)"


def test_across_compares_different_annotators(db: Path, capsys):
    ids = seed_ids(db)
    with Project.open(db) as project:
        add_span(project, ids["000"], "alice", "واشنطن وطهران", "actor")
        add_span(project, ids["002"], "bob", "واشنطن وطهران", "actor")
    kinds = lambda out: {(d["kind"], d["annotator_a"], d["annotator_b"])  # noqa: E731
                         for p in json.loads(out)["passages"] for d in p["differences"]}
    same = kinds(run(capsys, "--db", db, "consistency", "--json")[1])
    assert same == {("missing_in_b", "alice", "alice"), ("missing_in_a", "bob", "bob")}
    across = kinds(run(capsys, "--db", db, "consistency", "--json", "--across")[1])
    assert across == same  # alice in 000 and bob in 002 agree: no alice/bob difference


def test_min_words_drops_shorter_passages(db: Path, capsys):
    out = run(capsys, "--db", db, "consistency", "--json", "--min-words", "20")[1]
    passages = json.loads(out)["passages"]
    assert [p["words"] for p in passages] == [299]
    with pytest.raises(SystemExit) as exit_:
        main(["--db", str(db), "consistency", "--min-words", "0"])
    assert exit_.value.code == 2 and "whole number ≥ 1" in capsys.readouterr().err


def test_a_project_without_shared_passages_says_so(tmp_path: Path, seeds_dir: Path, capsys):
    db = tmp_path / "p.sqlite"
    assert run(capsys, "--db", db, "import", seeds_dir / "001_a9958480ecdf8a3f.txt",
               seeds_dir / "000_241597f494348b0f.txt")[0] == 0
    assert run(capsys, "--db", db, "consistency")[1] == "no shared passages\n"
    assert json.loads(run(capsys, "--db", db, "consistency", "--json")[1]) == {"passages": []}


def test_a_file_that_is_not_a_project_is_refused_and_left_unchanged(tmp_path: Path, capsys):
    bad = tmp_path / "notes.sqlite"
    bad.write_bytes(b"not a database at all " * 100)
    before = bad.read_bytes()
    code, out, err = run(capsys, "--db", bad, "consistency")
    assert code == 1 and out == ""
    assert err.startswith("annotator: error:") and str(bad) in err
    assert bad.read_bytes() == before
