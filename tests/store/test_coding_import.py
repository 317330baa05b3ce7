"""Importing and exporting structured coding: JSONL in and out of a project, the codebook extended only
with --add-labels (otherwise an error naming file and line, the project byte-identical)."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from annotator.core.errors import InputError
from annotator.core.formats.jsonl import read_jsonl, write_jsonl
from annotator.core.model import ArticleRecord
from annotator.core.structure import FLAG_YES, AttributeDefinition, AttributeKind
from annotator.store import Project
from annotator.store.coding import Coding

TEXT = "قال 𝐀 الوزير إن إيران تطالب بالحوار"
RECORD = {
    "text": TEXT, "meta": {"id": "a1"}, "annotator": "salma",
    "spans": [{"start": 6, "end": 12, "label": "actor",
               "attributes": {"canonical": "Minister", "uncertain": True},
               "note": "من هو؟"},
              {"start": 16, "end": 21, "label": "actor"}, {"start": 22, "end": 35, "label": "demand"}],
    "relations": [{"head": 1, "child": 2, "label": "claims"}, {"head": 2, "child": 0, "label": "asks"}],
    "codes": {"stance": "معارض", "secret talks": True},
    "note": "خبر مترجم",
}


def write(path: Path, *objs: dict) -> Path:
    path.write_text("".join(json.dumps(o, ensure_ascii=False) + "\n" for o in objs), encoding="utf-8")
    return path


def export(project: Project) -> str:
    out = io.StringIO()
    write_jsonl(project.export_records(), out)
    return out.getvalue()


def test_unknown_relation_type_is_an_error_naming_the_line_project_unchanged(tmp_path: Path) -> None:
    source = write(tmp_path / "coded.jsonl", {"text": "خبر أول", "meta": {"id": "a0"}}, RECORD)
    path = tmp_path / "p.sqlite"
    Project.open(path).close()
    before = path.read_bytes()
    with Project.open(path) as project, pytest.raises(InputError) as caught:
        project.import_articles(read_jsonl(source))
    assert str(caught.value).startswith(f"{source}, line 2: ")
    assert "--add-labels" in str(caught.value)
    assert path.read_bytes() == before


def test_add_labels_adds_what_the_file_uses_and_every_part_is_stored(tmp_path: Path) -> None:
    source = write(tmp_path / "coded.jsonl", RECORD)
    with Project.open(tmp_path / "p.sqlite") as project:
        summary = project.import_articles(read_jsonl(source), add_labels=True)
        assert summary.codebook_added == [
            "relation type 'asks'", "attribute 'canonical' of 'actor'", "attribute 'uncertain' of 'actor'",
            "article question 'secret talks'", "article question 'stance'"]
        assert "added to the codebook" in summary.describe()
    with Project.open(tmp_path / "p.sqlite") as second:
        coding = Coding(second)
        minister, iran, demand = second.spans("a1")
        assert {(r.head, r.child, r.type) for r in coding.relations()} == {
            (iran.id, demand.id, "claims"), (demand.id, minister.id, "asks")}
        assert coding.attribute_values(minister.id) == {"canonical": "Minister", "uncertain": FLAG_YES}
        assert coding.span_note(minister.id).text == "من هو؟"
        assert {q: a.values for q, a in coding.answers("a1", "salma").items()} == {
            "stance": ("معارض",), "secret talks": (FLAG_YES,)}
        assert coding.article_note("a1", "salma").text == "خبر مترجم"
        assert coding.codebook.attribute("actor", "uncertain").kind is AttributeKind.FLAG


def test_a_pair_the_relation_type_forbids_is_refused_on_import(tmp_path: Path) -> None:
    wrong = {**RECORD, "relations": [{"head": 2, "child": 1, "label": "claims"}]}  # demand → actor
    with Project.open(tmp_path / "p.sqlite") as project, pytest.raises(InputError, match="must start at"):
        project.import_articles(read_jsonl(write(tmp_path / "w.jsonl", wrong)), add_labels=True)


def test_value_outside_a_choice_is_an_error_without_add_labels(tmp_path: Path) -> None:
    with Project.open(tmp_path / "p.sqlite") as project:
        role = AttributeDefinition("actor", "role", AttributeKind.CHOICE, ("state",))
        Coding(project).codebook.add_attribute(role)
        record = {"text": TEXT, "annotator": "salma",
                  "spans": [{"start": 16, "end": 21, "label": "actor", "attributes": {"role": "militia"}}]}
        with pytest.raises(InputError, match="'militia' is not one of the values of 'role'"):
            project.import_articles(read_jsonl(write(tmp_path / "r.jsonl", record)))


def test_export_import_export_through_a_project_is_identical(tmp_path: Path) -> None:
    with Project.open(tmp_path / "one.sqlite") as one:
        one.import_articles(read_jsonl(write(tmp_path / "coded.jsonl", RECORD)), add_labels=True)
        one.import_articles([ArticleRecord("مقال بلا ترميز", "t", id="a2")])
        first = export(one)
    assert json.loads(first.splitlines()[0])["relations"] == [
        {"head": 1, "child": 2, "label": "claims"}, {"head": 2, "child": 0, "label": "asks"}]
    with Project.open(tmp_path / "two.sqlite") as two:
        two.import_articles(read_jsonl(_text(tmp_path / "first.jsonl", first)), add_labels=True)
        assert export(two) == first


def _text(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_added_kinds_guessed_from_a_first_value_widen_for_later_records(tmp_path: Path) -> None:
    """--add-labels guesses a new question's or attribute's kind from the first value it meets; a later
    record with two topics or a named value must not be refused for the guess."""
    first = {"text": "خبر أول عن غزة", "meta": {"id": "a1"}, "annotator": "salma",
             "spans": [{"start": 0, "end": 3, "label": "actor", "attributes": {"canonical": True}}],
             "codes": {"topics": "غزة", "secret": True}}
    second = {"text": "خبر ثان عن 𝐀 إيران", "meta": {"id": "a2"}, "annotator": "salma",
              "spans": [{"start": 0, "end": 3, "label": "actor", "attributes": {"canonical": "إيران"}}],
              "codes": {"topics": ["غزة", "إيران"], "secret": "partly"}}
    source = write(tmp_path / "coded.jsonl", first, second)
    with Project.open(tmp_path / "p.sqlite") as project:
        project.import_articles(read_jsonl(source), add_labels=True)
        book = Coding(project).codebook
        assert book.question("topics").kind.value == "multiple"
        assert (book.question("secret").kind.value, book.question("secret").options) == (
            "single", (FLAG_YES, "partly"))
        assert book.attribute("actor", "canonical").kind is AttributeKind.TEXT
        stored = {r.id: [a.coding for a in r.annotations] for r in project.export_records()}
    assert stored == {r.id: [a.coding for a in r.annotations] for r in read_jsonl(source)}
