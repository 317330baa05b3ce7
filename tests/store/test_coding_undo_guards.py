"""Undo of relation edits and of deleting a span with its relations touches only the rows it recorded:
if another writer changed them, nothing is changed and ChangedElsewhereError says so."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from annotator.core.errors import ChangedElsewhereError
from annotator.core.model import ArticleRecord
from annotator.store import Project
from annotator.store.coding import Coding

TEXT = "طالب وزير الخارجية 𝐀 إيران بوقف التصعيد، ونفت طهران ذلك."


def where(phrase: str) -> tuple[int, int]:
    start = TEXT.index(phrase)
    return start, start + len(phrase)


@pytest.fixture
def linked(tmp_path: Path):
    with Project.open(tmp_path / "guards.sqlite") as project:
        project.import_articles([ArticleRecord(TEXT, "خبر", id="a1")])
        coding = Coding(project)
        minister = project.add_span("a1", "salma", *where("وزير الخارجية"), "actor")
        demand = project.add_span("a1", "salma", *where("بوقف التصعيد"), "demand")
        relation, _ = coding.add_relation(minister.id, demand.id, "claims")
        yield project, coding, relation


def test_delete_relation_refuses_a_relation_not_as_recorded(linked) -> None:
    _project, coding, relation = linked
    with pytest.raises(ChangedElsewhereError):
        coding.delete_relation(relation.id, expected=replace(relation, type="denies"))
    assert coding.relations() == [relation]


def test_restore_relations_refuses_when_an_end_was_deleted_meanwhile(linked) -> None:
    project, coding, relation = linked
    coding.delete_relation(relation.id, expected=relation)
    project.delete_span(relation.child)  # another window deletes the demand
    with pytest.raises(ChangedElsewhereError):
        coding.restore_relations([relation])
    assert coding.relations() == []


def test_restore_relations_refuses_a_taken_id(linked) -> None:
    _project, coding, relation = linked
    with pytest.raises(ChangedElsewhereError):
        coding.restore_relations([relation])  # still stored: restoring it again would be a second writer's
    assert coding.relations() == [relation]


def test_delete_span_with_expected_refuses_a_span_changed_elsewhere(linked) -> None:
    project, coding, relation = linked
    head = project.span(relation.head)
    project.update_span(head.id, label="mediator")
    with pytest.raises(ChangedElsewhereError):
        coding.delete_span(head.id, expected=head)
    assert coding.relations() == [relation]
    assert project.span(head.id).label == "mediator"
