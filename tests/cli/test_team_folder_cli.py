"""`team-folder` and `sync` from the command line: joining, one round, JSON, and what is refused."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pytest

from annotator.cli.main import main
from annotator.store import Project


def run(capsys, *argv: object) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def project_files(db: Path) -> dict[str, bytes]:
    """The project file and any WAL companions: the project's whole state on disk."""
    return {p.name: p.read_bytes() for p in sorted(db.parent.glob(db.name + "*"))}


@pytest.fixture
def team(tmp_path: Path, seeds_dir: Path, capsys) -> tuple[Path, Path, Path]:
    """A folder with the reviewer's file and salma's (one span on the first article); their projects."""
    folder = tmp_path / "team"
    folder.mkdir()
    rana, salma = tmp_path / "rana.sqlite", tmp_path / "salma.sqlite"
    assert run(capsys, "--db", rana, "import", seeds_dir)[0] == 0
    assert run(capsys, "--db", rana, "team-folder", folder, "--as", "rana", "--reviewer")[0] == 0
    assert run(capsys, "--db", salma, "team-folder", folder, "--as", "salma")[0] == 0
    assert run(capsys, "--db", rana, "sync")[0] == 0
    assert run(capsys, "--db", salma, "sync")[0] == 0
    with Project.open(salma) as project:
        first = project.article_summaries()[0].id
        project.add_span(first, "salma", 0, 5, "actor")
    assert run(capsys, "--db", salma, "sync")[0] == 0
    return folder, rana, salma


def test_sync_prints_what_it_wrote_and_merged_and_json_names_every_file(team, capsys):
    folder, rana, _ = team
    code, out, err = run(capsys, "--db", rana, "sync", "--json")
    assert code == 0 and err == ""
    report = json.loads(out)
    assert report["annotator"] == "rana" and report["reviewer"] is True
    assert report["files"] == [{"file": "salma.annotator-team", "state": "merged", "annotator": "salma",
                                "sequence": 2, "message": ""}]
    assert report["merged"]["spans_added"] == 1
    code, out, _ = run(capsys, "--db", rana, "sync")
    assert code == 0 and "your work is unchanged" in out and "1 other file(s) unchanged" in out
    code, out, _ = run(capsys, "--db", rana, "team-folder")
    assert f"team folder {folder}, working as rana (reviewer)" in out


def test_sync_without_a_team_folder_or_with_one_gone_exits_1_naming_it(team, tmp_path, capsys):
    folder, rana, _ = team
    code, _, err = run(capsys, "--db", tmp_path / "alone.sqlite", "sync")
    assert code == 1 and "has not joined a team folder" in err
    before = project_files(rana)
    folder.rename(tmp_path / "unmounted")
    code, out, err = run(capsys, "--db", rana, "sync")
    assert code == 1 and f"{folder}: the team folder is missing" in err and out == ""
    assert project_files(rana) == before
    code, _, err = run(capsys, "--db", rana, "team-folder", tmp_path / "rana.sqlite", "--as", "rana")
    assert code == 1 and "is a file, not a folder" in err
    assert run(capsys, "--db", rana, "team-folder", "--off")[1].startswith(f"left the team folder {folder}")
    assert run(capsys, "--db", rana, "sync")[0] == 1


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes in any folder")
def test_a_folder_that_cannot_be_written_exits_1(team, capsys):
    folder, rana, _ = team
    with Project.open(rana) as project:
        project.set_setting("guidelines", "new")  # rana's file must be rewritten
    folder.chmod(0o555)
    try:
        code, _, err = run(capsys, "--db", rana, "sync")
    finally:
        folder.chmod(0o755)
    assert code == 1 and "cannot be written" in err


def forge(good: bytes, body: bytes | None = None, **header: object) -> bytes:
    """A team file with ``body`` (default: the good one) and header fields changed, checksum made to fit."""
    first, _, old_body = good.partition(b"\n")
    body = old_body if body is None else body
    fields = json.loads(first) | {"body_bytes": len(body), "body_sha256": hashlib.sha256(body).hexdigest()}
    return json.dumps(fields | header).encode() + b"\n" + body


def body_lines(good: bytes) -> list[dict]:
    return [json.loads(line) for line in good.partition(b"\n")[2].splitlines()]


def lines_to_body(lines: list[dict]) -> bytes:
    return b"".join(json.dumps(line, ensure_ascii=False).encode() + b"\n" for line in lines)


def hostile_files(good: bytes) -> dict[str, tuple[bytes, str]]:
    lines = body_lines(good)
    article = next(i for i, line in enumerate(lines) if "article" in line)

    def changed(**fields: object) -> bytes:
        copy = [dict(line) for line in lines]
        copy[article] |= fields
        return forge(good, lines_to_body(copy))

    flipped = bytearray(good)
    flipped[-3] ^= 0x01
    omar = {"text": "نص 𝐀 آخر", "meta": {"id": "x1"}, "annotator": "omar", "status": "done",
            "spans": [{"start": 0, "end": 2, "label": "actor"}]}
    return {
        "forged checksum": (bytes(flipped), "its checksum does not match its content"),
        "span outside the text": (changed(spans=[[0, 10**6, "actor"]]), "lies outside the article"),
        "someone else's work": (forge(good, lines_to_body([*lines, omar])), "holds work of 'omar'"),
        "an unknown status": (changed(status="finished"), "unknown status 'finished'"),
        "a span backwards": (changed(spans=[[5, 2, "actor"]]), "0 ≤ start < end"),
        "gold in an annotator's file": (forge(good, lines_to_body(
            [*lines, {**omar, "annotator": "salma"}, {"gold": "x1", "status": "curated", "spans": [],
                                                       "rejections": []}])), "only the reviewer publishes"),
        "a newer version": (forge(good, version=99), "newer annotator"),
        "deep nesting": (forge(good, lines_to_body([*lines[:1], {"a": json.loads("[" * 40 + "]" * 40)}])),
                         "nested"),
        "not UTF-8": (forge(good, b'{"name": "\xff"}\n'), "not valid UTF-8"),
        "no annotator": (forge(good, annotator=" "), '"annotator" must name'),
    }


CASES = ["forged checksum", "span outside the text", "someone else's work", "an unknown status",
         "a span backwards", "gold in an annotator's file", "a newer version", "deep nesting", "not UTF-8",
         "no annotator"]


@pytest.mark.parametrize("case", CASES)
def test_a_bad_team_file_is_refused_naming_it_and_the_project_is_byte_identical(team, capsys, case):
    folder, rana, _ = team
    good = (folder / "salma.annotator-team").read_bytes()
    data, message = hostile_files(good)[case]
    (folder / "salma.annotator-team").write_bytes(data)
    before = project_files(rana)
    code, out, err = run(capsys, "--db", rana, "sync")
    assert code == 1
    assert "salma.annotator-team: " in err and message in err, err
    assert "refused: salma.annotator-team" in out
    assert project_files(rana) == before
    code, _, err = run(capsys, "--db", rana, "merge", folder / "salma.annotator-team")
    assert code == 1 and str(folder / "salma.annotator-team") in err and message in err
    assert project_files(rana) == before


def test_a_half_copied_file_waits_and_is_merged_once_complete(team, capsys):
    folder, rana, _ = team
    good = (folder / "salma.annotator-team").read_bytes()
    (folder / "salma.annotator-team").write_bytes(good[: len(good) - 40])
    before = project_files(rana)
    code, out, _ = run(capsys, "--db", rana, "sync")
    assert code == 0 and "waiting: salma.annotator-team" in out and "still being copied" in out
    assert project_files(rana) == before
    (folder / "salma.annotator-team").write_bytes(good)
    code, out, _ = run(capsys, "--db", rana, "sync")
    assert code == 0 and "merged: salma.annotator-team" in out and "1 span(s) added" in out


def test_merge_of_team_files_equals_what_sync_brought(team, tmp_path, capsys):
    folder, rana, _ = team
    assert run(capsys, "--db", rana, "sync")[0] == 0
    fresh = tmp_path / "fresh.sqlite"
    code, out, _ = run(capsys, "--db", fresh, "merge", folder / "rana.annotator-team",
                       folder / "salma.annotator-team")
    assert code == 0 and "5 article(s) added" in out
    with Project.open(fresh) as one, Project.open(rana) as other:
        assert {(s.annotator, s.start, s.end, s.label) for s in one.spans()} == \
            {(s.annotator, s.start, s.end, s.label) for s in other.spans()} != set()
