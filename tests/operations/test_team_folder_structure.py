"""Structured coding through a team folder: relations, attribute values, notes and article codes travel
in the team files with the spans, and the codebook (relation types, attributes, questions) travels
from the reviewer, so a reviewer sees exactly the coding the annotator made on their own desktop."""

from __future__ import annotations

from pathlib import Path

from annotator.core.formats.team_file import read_team_file
from annotator.core.model import AnnotationSet, ArticleRecord, SpanRef, Status
from annotator.core.structure import (
    ArticleQuestion,
    AttributeDefinition,
    AttributeKind,
    QuestionKind,
    RelationType,
    StructuredCoding,
)
from annotator.operations.team_folder import sync
from annotator.store import Project
from annotator.store.codebook import Codebook
from annotator.store.coding import Coding
from annotator.store.coding_rows import load_codings
from tests.operations.test_team_folder import joined, reviewer_db  # noqa: F401 (the fixture)


def coding_by_hash(path: Path, annotator: str) -> dict:
    with Project.open(path) as project:
        sha = {d.id: d.sha256 for d in project.documents()}
        return {sha[doc]: coding for (doc, _name), coding in load_codings(project.db.conn, annotator).items()}


def test_relations_attributes_notes_and_codes_reach_the_reviewer(tmp_path, reviewer_db):  # noqa: F811
    folder = tmp_path / "team"
    folder.mkdir()
    with Project.open(reviewer_db) as project:
        book = Codebook(project)
        book.add_relation_type(RelationType("urges", "#aa3377", "", True, ("actor",), ("demand",)))
        book.add_attribute(AttributeDefinition("actor", "canonical", AttributeKind.TEXT, ("Iran", "إيران 𝐀")))
        book.add_question(ArticleQuestion("secret talks", QuestionKind.FLAG))
    joined(tmp_path, "rana", folder, reviewer=True, db=reviewer_db)
    salma = joined(tmp_path, "salma", folder)
    with Project.open(reviewer_db) as project:
        sync(project)
    with Project.open(salma) as project:
        sync(project)  # the reviewer's codebook arrives with the articles
        assert Codebook(project).relation_type("urges").child_labels == ("demand",)
        assert Codebook(project).attribute("actor", "canonical").values == ("Iran", "إيران 𝐀")
        article = project.assigned_article_ids("salma")[0]
        actor = project.add_span(article, "salma", 0, 5, "actor")
        demand = project.add_span(article, "salma", 10, 20, "demand")
        coding = Coding(project)
        coding.add_relation(actor.id, demand.id, "urges")
        coding.set_attribute(actor.id, "canonical", "إيران 𝐀")
        coding.set_span_note(demand.id, "مطلب ضمني")
        coding.set_answer(article, "salma", "secret talks", ["yes"])
        coding.set_article_note(article, "salma", "خبر عن مفاوضات 𝐀")
        published = sync(project)
    assert published.wrote_sequence is not None
    line = next(w for w in read_team_file(folder / "salma.annotator-team").work if w.work.coding)
    assert {r.type for r in line.work.coding.relations} == {"urges"}

    with Project.open(reviewer_db) as project:
        sync(project)
    mine, theirs = coding_by_hash(salma, "salma"), coding_by_hash(reviewer_db, "salma")
    assert len(mine) == 1
    assert theirs == mine  # the same relation, value, notes and answer, nothing dropped
    (coding,) = theirs.values()
    assert coding.note == "خبر عن مفاوضات 𝐀" and len(coding.span_notes) == 1 and len(coding.attributes) == 1


def test_a_change_of_coding_alone_is_published(tmp_path, reviewer_db):  # noqa: F811
    folder = tmp_path / "team"
    folder.mkdir()
    joined(tmp_path, "rana", folder, reviewer=True, db=reviewer_db)
    salma = joined(tmp_path, "salma", folder)
    with Project.open(reviewer_db) as project:
        sync(project)
    with Project.open(salma) as project:
        sync(project)
        article = project.assigned_article_ids("salma")[0]
        project.add_span(article, "salma", 0, 5, "actor")
        first = sync(project).wrote_sequence
        Coding(project).set_article_note(article, "salma", "ملاحظة")  # no span changes
        second = sync(project).wrote_sequence
    assert first is not None and second == first + 1
    with Project.open(reviewer_db) as project:
        sync(project)
    assert [c.note for c in coding_by_hash(reviewer_db, "salma").values()] == ["ملاحظة"]


def test_a_discontinuous_annotation_reaches_the_reviewer_as_one_annotation(tmp_path, reviewer_db):  # noqa: F811
    folder = tmp_path / "team"
    folder.mkdir()
    joined(tmp_path, "rana", folder, reviewer=True, db=reviewer_db)
    salma = joined(tmp_path, "salma", folder)
    with Project.open(reviewer_db) as project:
        sync(project)
    with Project.open(salma) as project:
        sync(project)
        document = project.document(project.assigned_article_ids("salma")[0])
        first, second = SpanRef(0, 5, "actor"), SpanRef(10, 20, "actor")
        project.import_articles([ArticleRecord(document.text, document.title, annotations=(AnnotationSet(
            "salma", (first, second), Status.IN_PROGRESS,
            coding=StructuredCoding(fragments=frozenset({(first, second)}))),))])
        sync(project)
    line = next(w for w in read_team_file(folder / "salma.annotator-team").work if w.work.coding)
    assert line.work.coding.fragments == {(first, second)}
    with Project.open(reviewer_db) as project:
        sync(project)
        spans = {s.ref: s for s in project.spans(document.id, "salma")}
        assert spans[second].fragment_of == spans[first].id
    assert coding_by_hash(reviewer_db, "salma") == coding_by_hash(salma, "salma")
