"""Merging gold relations, attribute values and article answers: the curator's structured gold travels
with the gold spans between reviewers' project files, in any order; different structured gold for one
article stops the merge exactly as different gold spans do; a file whose gold was altered is refused."""

from __future__ import annotations

import shutil
import sqlite3
import time
from pathlib import Path

import pytest

from annotator.core.errors import ConflictError, ProjectFileError
from annotator.operations.team import merge_files
from annotator.store import Project
from annotator.store.gold import Gold
from annotator.store.gold_structure import GoldCoding
from tests.helpers.gold_coding import CLAIMS, QATAR, QATAR_CLAIMS, TALKS, TALKS_BACK, build_coded_project


def structure_dump(path: Path) -> dict[str, list]:
    """Gold structure as a user sees it, by names and positions, read with plain sqlite3."""
    conn = sqlite3.connect(path)
    try:
        q = conn.execute
        ends = ("JOIN gold_spans h ON h.id = r.head_gold_span_id JOIN gold_spans c ON "
                "c.id = r.child_gold_span_id JOIN relation_types t ON t.id = r.relation_type_id")
        return {
            "relations": sorted(q(f"SELECT h.start, h.end, c.start, c.end, t.name, r.decided_by, r.origin "
                                  f"FROM gold_relations r {ends}")),
            "relation_rejections": sorted(q(f"SELECT h.start, c.start, t.name, r.decided_by "
                                            f"FROM gold_relation_rejections r {ends}")),
            "attributes": sorted(q("SELECT g.start, t.name, a.value, a.decided_by, a.origin "
                                   "FROM gold_attributes a JOIN gold_spans g ON g.id = a.gold_span_id "
                                   "JOIN attributes t ON t.id = a.attribute_id")),
            "attribute_rejections": sorted(q("SELECT g.start, a.value FROM gold_attribute_rejections a "
                                             "JOIN gold_spans g ON g.id = a.gold_span_id")),
            "answers": sorted(q("SELECT q.name, a.value, a.position, a.decided_by FROM gold_answers a "
                                "JOIN article_questions q ON q.id = a.question_id")),
            "answer_rejections": sorted(q("SELECT q.name, r.answer FROM gold_answer_rejections r "
                                          "JOIN article_questions q ON q.id = r.question_id")),
        }
    finally:
        conn.close()


@pytest.fixture
def reviewers(tmp_path: Path) -> tuple[Path, Path]:
    """The same coded article (three annotators' work, no gold yet) on two reviewers' machines."""
    mine, theirs = tmp_path / "mine.sqlite", tmp_path / "theirs.sqlite"
    build_coded_project(mine).close()
    shutil.copy(mine, theirs)
    return mine, theirs


def curate_structure(path: Path, curator: str, qatar_value: str = "قطر") -> None:
    """Adjudicate, then settle what waits: omar's relation rejected, QATAR's value and the tone chosen."""
    with Project.open(path) as project:
        Gold(project).adjudicate()
        coding = GoldCoding(project)
        coding.reject_relation("a1", QATAR_CLAIMS, curator)
        coding.accept_attribute("a1", QATAR, "canonical", qatar_value, curator)
        other = "الدوحة" if qatar_value == "قطر" else "قطر"
        coding.reject_attribute("a1", QATAR, "canonical", other, curator)
        coding.accept_answer("a1", "tone", ("calm",), curator)
        coding.reject_answer("a1", "stance", ("against",), curator)


def test_structured_gold_curated_on_another_machine_arrives_with_its_spans(reviewers):
    mine, theirs = reviewers
    curate_structure(theirs, "samir")
    expected = structure_dump(theirs)
    assert all(expected.values())  # every kind of row is there to travel
    with Project.open(mine) as project:
        summary = merge_files(project, [theirs])
        assert summary.gold_articles == ["a1"]
        assert CLAIMS in {r.ref for r in GoldCoding(project).relations("a1")}
    assert structure_dump(mine) == expected
    with Project.open(mine) as project:  # merging the same file again changes nothing
        assert merge_files(project, [theirs]).gold_articles == []
    assert structure_dump(mine) == expected


def test_merge_of_structured_gold_is_commutative(reviewers, tmp_path):
    mine, theirs = reviewers
    curate_structure(theirs, "samir")
    mine_copy, theirs_copy = tmp_path / "mine_copy.sqlite", tmp_path / "theirs_copy.sqlite"
    shutil.copy(mine, mine_copy)
    shutil.copy(theirs, theirs_copy)
    with Project.open(mine_copy) as project:
        merge_files(project, [theirs])
    with Project.open(theirs_copy) as project:
        merge_files(project, [mine])
    assert structure_dump(mine_copy) == structure_dump(theirs_copy)


def test_different_structured_gold_stops_the_merge_and_changes_nothing(reviewers):
    mine, theirs = reviewers
    curate_structure(mine, "rana", qatar_value="قطر")
    time.sleep(0.002)
    curate_structure(theirs, "samir", qatar_value="الدوحة")  # the same gold spans, another value
    before = mine.read_bytes()
    with Project.open(mine) as project, pytest.raises(ConflictError) as caught:
        merge_files(project, [theirs])
    message = str(caught.value)
    assert "a1" in message and "gold" in message and str(theirs) in message and "--prefer newer" in message
    assert mine.read_bytes() == before
    with Project.open(mine) as project:  # settled by the gold curated last
        merge_files(project, [theirs], prefer_newer=True)
        values = {(a.span, a.value) for a in GoldCoding(project).attributes("a1")}
    assert (QATAR, "الدوحة") in values
    assert structure_dump(mine) == structure_dump(theirs)


@pytest.mark.parametrize("tamper", [
    "UPDATE gold_attributes SET value = 'ليس خيارا'",  # not one of the attribute's choices
    "UPDATE gold_answer_rejections SET answer = '{\"not\": \"a list\"}'",
    "UPDATE gold_answers SET value = 'maybe' WHERE value = 'calm'",  # not an option of `tone`
])
def test_a_file_whose_structured_gold_was_altered_is_refused_and_changes_nothing(reviewers, tamper):
    mine, theirs = reviewers
    curate_structure(theirs, "samir")
    conn = sqlite3.connect(theirs)
    conn.execute(tamper)
    conn.commit()
    conn.close()
    before = mine.read_bytes()
    with Project.open(mine) as project, pytest.raises(ProjectFileError, match=str(theirs)):
        merge_files(project, [theirs])
    assert mine.read_bytes() == before


def test_an_undirected_gold_relation_stored_the_other_way_round_is_the_same_gold(reviewers):
    mine, theirs = reviewers
    with Project.open(mine) as project:
        Gold(project).adjudicate()  # talks_with IRAN–QATAR as the vote found it
    shutil.copy(mine, theirs)
    with Project.open(theirs) as project:  # samir took it out and put it back drawn QATAR → IRAN
        GoldCoding(project).reject_relation("a1", TALKS, "samir")
        GoldCoding(project).accept_relation("a1", TALKS_BACK, "samir")
        assert TALKS_BACK in {r.ref for r in GoldCoding(project).relations("a1")}
    with Project.open(mine) as project:
        merge_files(project, [theirs])  # no conflict: the same relation
        relations = {r.ref for r in GoldCoding(project).relations("a1")}
    assert relations & {TALKS, TALKS_BACK} and len(relations) == 2
