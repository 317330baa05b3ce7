"""Structured gold through a team folder: the reviewer's file carries the gold relations, attribute
values and answers beside the gold spans, every desktop ends with the reviewer's structured gold, a
later decision is published alone, and a reviewer's file whose gold was altered is refused untouched."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from annotator.core.formats.team_file import read_team_file
from annotator.operations.team_folder import FileState, join, sync
from annotator.store import Project
from annotator.store.gold import Gold
from annotator.store.gold_structure import GoldCoding
from tests.helpers.gold_coding import CLAIMS, QATAR, QATAR_CLAIMS, TALKS, build_coded_project
from tests.store.test_merge_gold_structure import structure_dump


def team(tmp_path: Path) -> tuple[Path, Path, Path]:
    """The reviewer's coded project with curated structured gold, and an annotator, in one folder."""
    folder, reviewer, salma = tmp_path / "team", tmp_path / "rana.sqlite", tmp_path / "salma.sqlite"
    folder.mkdir()
    with build_coded_project(reviewer) as project:
        Gold(project).adjudicate()
        coding = GoldCoding(project)
        coding.accept_relation("a1", QATAR_CLAIMS, "rana")
        coding.reject_relation("a1", TALKS, "rana")
        coding.accept_attribute("a1", QATAR, "canonical", "قطر", "rana")
        coding.reject_attribute("a1", QATAR, "canonical", "الدوحة", "rana")
        coding.accept_answer("a1", "tone", ("calm",), "rana")
        coding.reject_answer("a1", "stance", ("against",), "rana")
        join(project, folder, "rana", reviewer=True)
        sync(project)
    with Project.open(salma) as project:
        join(project, folder, "salma")
    return folder, reviewer, salma


def test_the_reviewers_structured_gold_reaches_every_desktop(tmp_path):
    folder, reviewer, salma = team(tmp_path)
    line = read_team_file(folder / "rana.annotator-team").gold
    assert set(next(iter(line.values())).structure.relations) == {CLAIMS, QATAR_CLAIMS}
    with Project.open(salma) as project:
        report = sync(project)
    assert not report.refused
    assert structure_dump(salma) == structure_dump(reviewer)
    assert all(structure_dump(salma).values())


def test_a_later_gold_decision_alone_is_published_and_arrives(tmp_path):
    _folder, reviewer, salma = team(tmp_path)
    with Project.open(salma) as project:
        sync(project)
    with Project.open(reviewer) as project:
        GoldCoding(project).reject_relation("a1", QATAR_CLAIMS, "rana")  # no gold span changes
        assert sync(project).wrote_sequence is not None
    with Project.open(salma) as project:
        sync(project)
        relations = {r.ref for r in GoldCoding(project).relations("a1")}
    assert QATAR_CLAIMS not in relations and CLAIMS in relations
    assert structure_dump(salma) == structure_dump(reviewer)


def rewrite(path: Path, change) -> None:
    """Change the body of a team file and give it a matching header (as a hand edit with care would)."""
    header, _, body = path.read_bytes().partition(b"\n")
    lines = [json.loads(line) for line in body.decode().splitlines()]
    change(lines)
    body = "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines).encode()
    meta = json.loads(header)
    meta.update(body_bytes=len(body), body_sha256=hashlib.sha256(body).hexdigest(),
                sequence=meta["sequence"] + 1)
    path.write_bytes((json.dumps(meta) + "\n").encode() + body)


def test_a_reviewers_file_with_altered_structured_gold_is_refused_and_changes_nothing(tmp_path):
    folder, _reviewer, salma = team(tmp_path)

    def dangling(lines: list[dict]) -> None:
        gold = next(line for line in lines if "gold" in line)
        gold["relations"][0][1] = 99  # a relation ending on no gold span

    rewrite(folder / "rana.annotator-team", dangling)
    before = structure_dump(salma)
    with Project.open(salma) as project:
        report = sync(project)
        assert Gold(project).spans() == []
    (refused,) = report.refused
    assert refused.state is FileState.REFUSED and "99" in refused.message
    assert structure_dump(salma) == before
