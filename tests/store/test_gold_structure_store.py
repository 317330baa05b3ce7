"""Gold relations, attribute values and article answers in the store: the vote puts the agreed ones in,
the curator's decisions stick, nothing dangles when a gold span goes, undo puts back every row, and the
migration that adds them leaves a project untouched if it fails."""

from __future__ import annotations

import io
import json
import sqlite3
from pathlib import Path

import pytest

from annotator.core.formats.jsonl import write_jsonl
from annotator.core.model import GoldStatus, SpanRef
from annotator.operations.export import select_records
from annotator.store import Project
from annotator.store import schema as schema_module
from annotator.store.gold import AUTO, Gold
from annotator.store.gold_structure import GoldCoding
from annotator.store.schema import SCHEMA_VERSION
from annotator.store.schema_gold_structure import add_gold_structure
from tests.helpers.gold_coding import (
    CLAIMS,
    DEMAND,
    IRAN,
    QATAR,
    QATAR_CLAIMS,
    TALKS,
    TALKS_BACK,
    build_coded_project,
)

GOLD_STRUCTURE_VERSION = next(v for v, step in schema_module.MIGRATIONS.items() if step is add_gold_structure)


@pytest.fixture
def project(tmp_path: Path):
    with build_coded_project(tmp_path / "p.sqlite") as opened:
        yield opened


def stored(project: Project) -> tuple[set, set, dict]:
    coding = GoldCoding(project)
    return ({r.ref for r in coding.relations("a1")},
            {(a.span, a.name, a.value) for a in coding.attributes("a1")},
            {a.question: a.values for a in coding.answers("a1")})


def test_adjudicate_puts_what_two_of_three_agree_on_into_gold_and_leaves_the_article_open(project) -> None:
    summary = Gold(project).adjudicate()
    relations, attributes, answers = stored(project)
    assert relations == {CLAIMS, TALKS}  # talks_with is undirected: ali and sara drew it opposite ways
    assert attributes == {(IRAN, "canonical", "إيران")}
    assert answers == {"stance": ("for",), "topics": ("gaza", "talks")}
    assert (summary.relations_accepted, summary.attributes_accepted, summary.answers_accepted) == (2, 1, 2)
    assert [r.origin for r in GoldCoding(project).relations("a1")] == [AUTO, AUTO]
    # omar's lone relation, the split canonical of QATAR and the split tone wait: not curated yet
    assert [summary.waiting(kind) for kind in ("relations", "attributes", "answers")] == [1, 2, 2]
    assert Gold(project).status("a1") is GoldStatus.IN_PROGRESS


def test_adjudicating_again_changes_nothing_and_never_overrides_the_curator(project) -> None:
    gold, coding = Gold(project), GoldCoding(project)
    gold.adjudicate()
    coding.reject_relation("a1", CLAIMS, "lead")
    coding.reject_answer("a1", "stance", ("for",), "lead")
    again = gold.adjudicate()
    relations, _attributes, answers = stored(project)
    assert relations == {TALKS} and "stance" not in answers
    assert (again.relations_accepted, again.attributes_accepted, again.answers_accepted) == (0, 0, 0)
    assert again.waiting("relations") == 1  # omar's; the rejected one is not listed again


def test_accepting_one_version_settles_the_attribute_and_the_question(project) -> None:
    gold, coding = Gold(project), GoldCoding(project)
    gold.adjudicate()
    coding.accept_attribute("a1", QATAR, "canonical", "قطر", "lead")
    coding.accept_answer("a1", "tone", ("calm",), "lead")
    coding.accept_relation("a1", QATAR_CLAIMS, "lead")
    _relations, attributes, answers = stored(project)
    assert (QATAR, "canonical", "قطر") in attributes and answers["tone"] == ("calm",)
    summary = gold.adjudicate()
    assert summary.structure["a1"].undecided == 0
    assert gold.status("a1") is GoldStatus.CURATED


def test_accepting_an_undirected_relation_the_other_way_round_adds_nothing(project) -> None:
    Gold(project).adjudicate()
    GoldCoding(project).accept_relation("a1", TALKS_BACK, "lead")
    assert len(GoldCoding(project).relations("a1")) == 2


def test_a_relation_needs_both_ends_in_gold(project) -> None:
    from annotator.core.errors import InputError

    with pytest.raises(InputError, match="not a gold span"):
        GoldCoding(project).accept_relation("a1", CLAIMS, "lead")


def test_taking_a_span_out_of_gold_takes_its_relations_and_values_and_undo_puts_them_back(project) -> None:
    gold = Gold(project)
    gold.adjudicate()
    before = gold.snapshot("a1")
    gold.reject("a1", IRAN, "lead")
    assert stored(project)[:2] == (set(), set())
    assert project.db.execute("PRAGMA foreign_key_check").fetchall() == []
    for table in ("gold_relations", "gold_attributes"):
        assert project.db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0] == 0
    gold.restore(before)
    assert gold.snapshot("a1") == before
    assert stored(project)[0] == {CLAIMS, TALKS}


def test_relabelling_a_gold_span_drops_the_attributes_of_its_old_label(project) -> None:
    gold = Gold(project)
    gold.adjudicate()
    iran = next(s for s in gold.spans("a1") if s.ref == IRAN)
    gold.edit(iran.id, SpanRef(IRAN.start, IRAN.end, "mediator"), "lead")
    assert stored(project)[1] == set()


def test_gold_export_carries_relations_attribute_values_and_codes(project) -> None:
    Gold(project).adjudicate()
    out = io.StringIO()
    write_jsonl(select_records(project, gold=True), out)
    [line] = [json.loads(text) for text in out.getvalue().splitlines()]
    spans = [(s["start"], s["end"]) for s in line["spans"]]
    assert line["annotator"] == "gold"
    assert {(spans[r["head"]], spans[r["child"]], r["label"]) for r in line["relations"]} == {
        ((IRAN.start, IRAN.end), (DEMAND.start, DEMAND.end), "claims"),
        ((IRAN.start, IRAN.end), (QATAR.start, QATAR.end), "talks_with")}
    assert line["spans"][spans.index((IRAN.start, IRAN.end))]["attributes"] == {"canonical": "إيران"}
    assert line["codes"] == {"stance": "for", "topics": ["gaza", "talks"]}


def build_previous_version(path: Path) -> None:
    """A project as the release before gold structured coding wrote it, with one gold span."""
    conn = sqlite3.connect(path)
    for version in range(GOLD_STRUCTURE_VERSION):
        schema_module.MIGRATIONS[version](conn)
    conn.execute("INSERT INTO documents (id, title, source, text, sha256, imported_at, meta, position) "
                 "VALUES ('a1', 'خبر', '', 'قالت إيران', 'sha', 't0', '{}', 0)")
    conn.execute("INSERT INTO gold_spans (document_id, start, end, label_id, decided_by, decided_at, origin) "
                 "VALUES ('a1', 5, 10, 1, 'auto', 't0', 'auto')")
    conn.execute(f"PRAGMA user_version = {GOLD_STRUCTURE_VERSION}")
    conn.commit()
    conn.close()


def test_previous_version_gains_the_gold_structure_tables_and_keeps_its_gold(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    build_previous_version(path)
    with Project.open(path) as project:
        assert project.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert [s.ref for s in Gold(project).spans()] == [SpanRef(5, 10, "actor")]
        assert GoldCoding(project).relations() == [] and GoldCoding(project).answers() == []


def test_failed_migration_leaves_the_file_byte_identical(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "old.sqlite"
    build_previous_version(path)
    before = path.read_bytes()

    def half_then_fail(conn: sqlite3.Connection) -> None:
        add_gold_structure(conn)
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setitem(schema_module.MIGRATIONS, GOLD_STRUCTURE_VERSION, half_then_fail)
    with pytest.raises(Exception, match="disk"):
        Project.open(path)
    assert path.read_bytes() == before


def test_a_merge_that_rewrites_an_articles_gold_keeps_its_relations_and_values(tmp_path: Path) -> None:
    import shutil
    import time

    from annotator.operations.team import merge_files

    mine, theirs = tmp_path / "mine.sqlite", tmp_path / "theirs.sqlite"
    with build_coded_project(mine) as project:
        Gold(project).adjudicate()
    shutil.copy(mine, theirs)
    time.sleep(0.01)  # their decision is the newer one
    with Project.open(theirs) as project:
        Gold(project).reject("a1", QATAR, "samir")  # their gold of a1 differs: QATAR is out
    with Project.open(mine) as project:
        summary = merge_files(project, [theirs], prefer_newer=True)
        assert summary.gold_articles  # a1's gold spans were written anew
        assert {s.ref for s in Gold(project).spans("a1")} == {IRAN, DEMAND}
        relations, attributes, answers = stored(project)
    # talks_with lost its QATAR end; the rest is kept
    assert relations == {CLAIMS} and attributes == {(IRAN, "canonical", "إيران")}
    assert answers == {"stance": ("for",), "topics": ("gaza", "talks")}



def test_undo_is_refused_when_another_writer_changed_the_gold_relations_since(project) -> None:
    from annotator.core.errors import ChangedElsewhereError

    gold, coding = Gold(project), GoldCoding(project)
    gold.adjudicate()
    before = gold.snapshot("a1")
    coding.accept_relation("a1", QATAR_CLAIMS, "lead")
    after = gold.snapshot("a1")
    coding.reject_answer("a1", "tone", ("calm",), "samir")  # another curator, in another window
    with pytest.raises(ChangedElsewhereError):
        gold.restore(before, expected=after)
    assert QATAR_CLAIMS in stored(project)[0]  # nothing was undone
