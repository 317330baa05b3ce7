"""Merging, packing and unpacking structured coding: relation types, attributes and questions merged by
name; each annotator's relations, attribute values, notes and answers carried with their spans; differing
ones a conflict like differing spans; a source's structure tables checked like its spans."""

from __future__ import annotations

import shutil
import sqlite3
import time
from pathlib import Path

import pytest

from annotator.core.errors import ConflictError, ProjectFileError
from annotator.core.model import ArticleRecord
from annotator.core.structure import (
    FLAG_YES,
    ArticleQuestion,
    AttributeDefinition,
    AttributeKind,
    QuestionKind,
    RelationType,
)
from annotator.operations.team import build_pack, merge_files, open_pack, write_pack_file
from annotator.store import Project
from annotator.store.codebook import Codebook
from annotator.store.coding import Coding
from annotator.store.coding_rows import load_codings

TEXT = "طالب وزير الخارجية 𝐀 إيران بوقف التصعيد، ونفت طهران ذلك."


def where(phrase: str) -> tuple[int, int]:
    start = TEXT.index(phrase)
    return start, start + len(phrase)


def coded_project(path: Path, annotator: str = "salma") -> Path:
    """A project whose codebook has more than the defaults, and one annotator's full coding of one article."""
    with Project.open(path) as project:
        project.import_articles([ArticleRecord(TEXT, "خبر", id="a1")])
        codebook = Codebook(project)
        codebook.add_relation_type(RelationType("urges", "#123456", "", True, ("actor",), ("demand",)))
        codebook.add_attribute(AttributeDefinition("actor", "canonical", AttributeKind.TEXT, ("Iran",)))
        codebook.add_attribute(AttributeDefinition("actor", "negated", AttributeKind.FLAG))
        codebook.add_question(ArticleQuestion("stance", QuestionKind.SINGLE, ("مؤيد", "معارض")))
        coding = Coding(project)
        actor = project.add_span("a1", annotator, *where("إيران"), "actor")
        demand = project.add_span("a1", annotator, *where("بوقف التصعيد"), "demand")
        coding.add_relation(actor.id, demand.id, "urges")
        coding.set_attribute(actor.id, "canonical", "Iran")
        coding.set_attribute(actor.id, "negated", FLAG_YES)
        coding.set_span_note(actor.id, "𝐀 ملاحظة")
        coding.set_article_note("a1", annotator, "خبر مترجم")
        coding.set_answer("a1", annotator, "stance", ["معارض"])
    return path


def codings(path: Path) -> dict:
    with Project.open(path) as project:
        return load_codings(project.db.conn)


def test_merge_brings_the_codebook_by_name_and_every_part_of_the_work(tmp_path: Path) -> None:
    source = coded_project(tmp_path / "salma.sqlite")
    target = tmp_path / "team.sqlite"
    with Project.open(target) as project:
        summary = merge_files(project, [source])
        assert summary.codebook_added == ["relation type 'urges'", "attribute 'canonical' of 'actor'",
                                          "attribute 'negated' of 'actor'", "article question 'stance'"]
        codebook = Codebook(project)
        assert codebook.relation_type("urges").head_labels == ("actor",)
        assert codebook.attribute("actor", "canonical").values == ("Iran",)
        assert codebook.question("stance").options == ("مؤيد", "معارض")
    assert codings(target) == codings(source)
    (coding,) = codings(target).values()
    assert len(coding.relations) == 1 and len(coding.attributes) == 2 and coding.note == "خبر مترجم"
    with Project.open(target) as project:  # merging the same file again changes nothing
        again = merge_files(project, [source])
        assert again.pairs_added == 0 and not again.pairs_replaced and again.codebook_added == []
    assert codings(target) == codings(source)


def edited_copy(source: Path, copy: Path) -> None:
    """The same project, where the annotator later cleared one flag (the same spans, a different value)."""
    shutil.copyfile(source, copy)
    time.sleep(0.01)
    with Project.open(copy) as project:
        (span,) = [s for s in project.spans("a1", "salma") if s.label == "actor"]
        Coding(project).clear_attribute(span.id, "negated")


def test_differing_attribute_values_conflict_like_spans_and_prefer_newer_settles(tmp_path: Path) -> None:
    source = coded_project(tmp_path / "salma.sqlite")
    edited = tmp_path / "salma-later.sqlite"
    edited_copy(source, edited)
    target = tmp_path / "team.sqlite"
    Project.open(target).close()
    before = target.read_bytes()
    with Project.open(target) as project, pytest.raises(ConflictError) as caught:
        merge_files(project, [source, edited])
    message = str(caught.value)
    assert ("annotator 'salma' has different relations, attribute values, notes or article codes in "
            f"{source} and {edited}") in message
    assert "(1 vs 1 relations, 2 vs 1 attribute values)" in message and "--prefer newer" in message
    assert target.read_bytes() == before
    with Project.open(target) as project:
        merge_files(project, [source, edited], prefer_newer=True)
    (coding,) = codings(target).values()
    assert {name for _ref, name, _value in coding.attributes} == {"canonical"}


def test_differing_relations_conflict_when_merged_into_a_project_holding_the_other(tmp_path: Path) -> None:
    source = coded_project(tmp_path / "salma.sqlite")
    edited = tmp_path / "salma-later.sqlite"
    shutil.copyfile(source, edited)
    with Project.open(edited) as project:
        coding = Coding(project)
        (relation,) = coding.relations("a1")
        coding.delete_relation(relation.id)
    before = source.read_bytes()
    with Project.open(source) as project, pytest.raises(ConflictError, match="different relations"):
        merge_files(project, [edited])
    assert source.read_bytes() == before
    with Project.open(source) as project:
        merge_files(project, [edited], prefer_newer=True)
        assert Coding(project).relations("a1") == []


def test_a_pack_with_work_carries_codebook_and_coding_to_a_new_machine(tmp_path: Path) -> None:
    source = coded_project(tmp_path / "salma.sqlite")
    pack = tmp_path / "work.annotator"
    with Project.open(source) as project:
        write_pack_file(build_pack(project, None, with_work=True), pack)
    target = tmp_path / "elsewhere.sqlite"
    with Project.open(target) as project:
        open_pack(project, pack)
        assert Codebook(project).attribute("actor", "negated").kind is AttributeKind.FLAG
    assert codings(target) == codings(source)
    with Project.open(source) as project:  # and a pack without work hands out the codebook alone
        write_pack_file(build_pack(project, None), pack)
    fresh = tmp_path / "fresh.sqlite"
    with Project.open(fresh) as project:
        open_pack(project, pack)
        assert [q.name for q in Codebook(project).questions()] == ["stance"]
    assert codings(fresh) == {}


def tamper(path: Path, sql: str) -> None:
    conn = sqlite3.connect(path)
    conn.execute(sql)
    conn.commit()
    conn.close()


@pytest.mark.parametrize(("sql", "reason"), [
    ("UPDATE relations SET head_span_id = (SELECT id FROM spans WHERE annotator_id = "
     "(SELECT id FROM annotators WHERE name = 'omar') LIMIT 1)", "that is not one of theirs"),
    ("UPDATE span_attributes SET value = 'Atlantis' WHERE value = 'Iran'", "not in the vocabulary"),
    ("UPDATE article_answers SET value = 'maybe'", "is not an option of 'stance'"),
])
def test_a_source_whose_structure_tables_were_altered_is_refused_naming_the_article(
        tmp_path: Path, sql: str, reason: str) -> None:
    source = coded_project(tmp_path / "salma.sqlite")
    with Project.open(source) as project:
        project.add_span("a1", "omar", *where("طهران"), "actor")
    tamper(source, sql)
    target = tmp_path / "team.sqlite"
    Project.open(target).close()
    before = target.read_bytes()
    with Project.open(target) as project, pytest.raises(ProjectFileError) as caught:
        merge_files(project, [source])
    assert f"{source}: article 'a1'" in str(caught.value) and reason in str(caught.value)
    assert target.read_bytes() == before


def test_merging_our_jsonl_export_brings_the_coding_and_its_names(tmp_path: Path) -> None:
    from annotator.operations.export import export_project

    source = coded_project(tmp_path / "salma.sqlite")
    exported = tmp_path / "salma.jsonl"
    with Project.open(source) as project:
        export_project(project, "jsonl", exported, agreement=False)
    target = tmp_path / "team.sqlite"
    with Project.open(target) as project:
        summary = merge_files(project, [exported])
        assert "relation type 'urges'" in summary.codebook_added
        assert "article question 'stance'" in summary.codebook_added
    assert codings(target) == codings(source)
