"""Codebook edits made in Edit labels: usage counted for the question asked before a removal, renames
carried into the coding, and every deletion brought back exactly by restore."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core.errors import InputError
from annotator.core.model import ArticleRecord
from annotator.core.structure import (
    ArticleQuestion,
    AttributeDefinition,
    AttributeKind,
    QuestionKind,
)
from annotator.store import Project
from annotator.store import codebook_edits as edits
from annotator.store.codebook import Codebook
from annotator.store.coding import Coding

TEXT = "طالب وزير الخارجية 𝐀 إيران بوقف التصعيد، ونفت طهران ذلك."


@pytest.fixture
def coded(tmp_path: Path):
    """Two articles; salma links actor → demand in both, gives actors a canonical name, answers a
    question."""
    with Project.open(tmp_path / "p.sqlite") as project:
        project.import_articles([ArticleRecord(TEXT, "خبر", id="a1"),
                                 ArticleRecord(TEXT + " ثم", "آخر", id="a2")])
        book, coding = Codebook(project), Coding(project)
        book.add_attribute(AttributeDefinition("actor", "canonical", AttributeKind.TEXT, ("Iran", "Egypt")))
        book.add_question(ArticleQuestion("stance", QuestionKind.SINGLE, ("for", "against")))
        for doc in ("a1", "a2"):
            actor = project.add_span(doc, "salma", TEXT.index("طهران"), TEXT.index("طهران") + 5, "actor")
            demand = project.add_span(doc, "salma", TEXT.index("بوقف"), TEXT.index("بوقف") + 4, "demand")
            coding.add_relation(actor.id, demand.id, "claims")
            coding.set_attribute(actor.id, "canonical", "Iran")
            coding.set_answer(doc, "salma", "stance", ["against"])
        yield project, book, coding


def test_usage_counts_relations_values_and_answers_with_their_articles(coded) -> None:
    project, _book, _coding = coded
    assert edits.relation_type_usage(project, "claims") == edits.Usage(2, 2)
    assert edits.relation_type_usage(project, "denies") == edits.Usage(0, 0)
    assert edits.attribute_usage(project, "actor", "canonical") == edits.Usage(2, 2)
    assert edits.attribute_usage(project, "actor", "canonical", "Egypt") == edits.Usage(0, 0)
    assert edits.question_usage(project, "stance", "against") == edits.Usage(2, 2)


def test_deleted_relation_type_comes_back_with_its_relations_and_ids(coded) -> None:
    project, book, coding = coded
    before_type, before_relations = book.relation_type("claims"), coding.relations()
    removed = edits.delete_relation_type(project, "claims")
    assert coding.relations() == [] and "claims" not in [t.name for t in book.relation_types()]
    assert removed.changes.relations == {r.id for r in before_relations}
    edits.restore(project, removed)
    assert book.relation_type("claims") == before_type and coding.relations() == before_relations


def test_restore_skips_relations_whose_span_was_deleted_since(coded) -> None:
    project, _book, coding = coded
    [first, second] = coding.relations()
    removed = edits.delete_relation_type(project, "claims")
    project.delete_span(first.head)
    edits.restore(project, removed)
    assert coding.relations() == [second]


def test_restore_is_refused_when_the_name_is_taken_again(coded) -> None:
    project, book, _coding = coded
    removed = edits.delete_question(project, "stance")
    book.add_question(ArticleQuestion("stance", QuestionKind.FLAG))
    with pytest.raises(InputError, match="one of that name exists again"):
        edits.restore(project, removed)


def test_deleted_attribute_and_question_come_back_with_values_and_answers(coded) -> None:
    project, book, coding = coded
    [actor] = [s for s in project.spans("a1") if s.label == "actor"]
    attribute = edits.delete_attribute(project, "actor", "canonical")
    question = edits.delete_question(project, "stance")
    assert coding.attribute_values(actor.id) == {} and coding.answers("a1", "salma") == {}
    edits.restore(project, question)
    edits.restore(project, attribute)
    assert book.attribute("actor", "canonical").values == ("Iran", "Egypt")
    assert coding.attribute_values(actor.id) == {"canonical": "Iran"}
    assert coding.answers("a1", "salma")["stance"].values == ("against",)


def test_renaming_a_vocabulary_entry_respells_it_in_every_span(coded) -> None:
    project, book, coding = coded
    changes = edits.rename_value(project, "actor", "canonical", "Iran", "Islamic Republic of Iran")
    assert book.attribute("actor", "canonical").values == ("Islamic Republic of Iran", "Egypt")
    assert {coding.attribute_values(s.id).get("canonical") for s in project.spans() if s.label == "actor"} \
        == {"Islamic Republic of Iran"}
    assert len(changes.span_details) == 2
    with pytest.raises(InputError, match="already in the list"):
        edits.rename_value(project, "actor", "canonical", "Egypt", "Islamic Republic of Iran")


def test_removed_entry_takes_the_span_values_and_restore_brings_both_back(coded) -> None:
    project, book, _coding = coded
    removed = edits.remove_value(project, "actor", "canonical", "Iran")
    assert book.attribute("actor", "canonical").values == ("Egypt",)
    assert edits.attribute_usage(project, "actor", "canonical") == edits.Usage(0, 0)
    edits.restore(project, removed)
    assert book.attribute("actor", "canonical").values == ("Iran", "Egypt")
    assert edits.attribute_usage(project, "actor", "canonical", "Iran") == edits.Usage(2, 2)


def test_options_are_added_renamed_in_answers_and_removed_with_them(coded) -> None:
    project, book, coding = coded
    edits.add_option(project, "stance", "neutral")
    edits.rename_option(project, "stance", "against", "opposed")
    assert book.question("stance").options == ("for", "opposed", "neutral")
    assert coding.answers("a2", "salma")["stance"].values == ("opposed",)
    removed = edits.remove_option(project, "stance", "opposed")
    assert coding.answers("a2", "salma") == {}
    assert removed.changes.codes == {("a1", "salma"), ("a2", "salma")}
    edits.restore(project, removed)
    assert coding.answers("a2", "salma")["stance"].values == ("opposed",)


def test_kind_changes_only_while_unused_and_a_flag_drops_its_list(coded) -> None:
    project, book, _coding = coded
    with pytest.raises(InputError, match="kind cannot change"):
        edits.set_attribute_kind(project, "actor", "canonical", AttributeKind.FLAG)
    book.add_attribute(AttributeDefinition("demand", "kind", AttributeKind.CHOICE, ("ceasefire",)))
    edits.set_attribute_kind(project, "demand", "kind", AttributeKind.FLAG)
    assert book.attribute("demand", "kind") == AttributeDefinition("demand", "kind", AttributeKind.FLAG)
