"""Relations, attribute values, notes and article codes: stored at once, refused with a reason, read back
by a second connection, and deleting a span takes (and undo brings back) everything hanging off it."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core.errors import InputError, NotFoundError
from annotator.core.model import ArticleRecord, Status
from annotator.core.structure import (
    FLAG_YES,
    ArticleQuestion,
    AttributeDefinition,
    AttributeKind,
    QuestionKind,
    RelationType,
)
from annotator.store import Changes, Project
from annotator.store.codebook import Codebook
from annotator.store.coding import Coding

TEXT = "طالب وزير الخارجية 𝐀 إيران بوقف التصعيد، ونفت طهران ذلك."


def where(phrase: str) -> tuple[int, int]:
    start = TEXT.index(phrase)
    return start, start + len(phrase)


@pytest.fixture
def opened(tmp_path: Path):
    path = tmp_path / "coding.sqlite"
    with Project.open(path) as project:
        project.import_articles([ArticleRecord(TEXT, "خبر", id="a1")])
        yield project, Coding(project)


def spans(project: Project, annotator: str = "salma"):
    minister = project.add_span("a1", annotator, *where("وزير الخارجية"), "actor")
    demand = project.add_span("a1", annotator, *where("بوقف التصعيد"), "demand")
    tehran = project.add_span("a1", annotator, *where("طهران"), "actor")
    denial = project.add_span("a1", annotator, *where("نفت"), "denial")
    return minister, demand, tehran, denial


def test_new_project_has_the_default_relation_types(opened) -> None:
    _project, coding = opened
    names = [t.name for t in coding.codebook.relation_types()]
    assert names == ["claims", "denies", "mediates", "addressed_to"]


def test_relation_is_stored_and_a_second_connection_reads_it(opened) -> None:
    project, coding = opened
    minister, demand, *_ = spans(project)
    relation, changes = coding.add_relation(minister.id, demand.id, "claims")
    assert (relation.head, relation.child, relation.type, relation.annotator) == (
        minister.id, demand.id, "claims", "salma")
    assert changes.relations == {relation.id} and changes.documents == {"a1"}
    with Project.open(project.path) as second:
        [seen] = Coding(second).relations("a1", "salma")
        assert seen == relation


def test_disallowed_pair_is_refused_with_the_reason_and_nothing_stored(opened) -> None:
    project, coding = opened
    minister, demand, tehran, denial = spans(project)
    with pytest.raises(InputError, match="must start at a span labelled 'actor', not 'demand'"):
        coding.add_relation(demand.id, minister.id, "claims")
    with pytest.raises(InputError, match="two different spans"):
        coding.add_relation(minister.id, minister.id, "claims")
    coding.add_relation(tehran.id, denial.id, "denies")
    reason = coding.relation_refusal(tehran.id, denial.id, "denies")
    assert reason == "these spans are already linked by 'denies'"
    with pytest.raises(InputError, match="already linked"):
        coding.add_relation(tehran.id, denial.id, "denies")
    assert [r.type for r in coding.relations()] == ["denies"]


def test_spans_of_two_annotators_cannot_be_linked(opened) -> None:
    project, coding = opened
    minister, *_ = spans(project, "salma")
    _, demand, *_ = spans(project, "omar")
    assert coding.relation_refusal(minister.id, demand.id, "claims") == (
        "a relation joins two spans of the same annotator")


def test_relation_edit_moves_a_new_article_to_in_progress_and_stamps_it(opened) -> None:
    project, coding = opened
    minister, demand, *_ = spans(project)
    project.set_status("a1", "salma", Status.NEW)
    before = project._edit_times()[("a1", "salma")]
    coding.add_relation(minister.id, demand.id, "claims")
    assert project.status("a1", "salma") is Status.IN_PROGRESS
    assert project._edit_times()[("a1", "salma")] > before


def test_deleted_relation_is_restored_with_its_id(opened) -> None:
    project, coding = opened
    minister, demand, *_ = spans(project)
    relation, _ = coding.add_relation(minister.id, demand.id, "claims")
    gone, changes = coding.delete_relation(relation.id)
    assert coding.relations() == [] and changes.relations == {relation.id}
    coding.restore_relations([gone])
    assert coding.relations() == [relation]


def test_attribute_values_are_set_refused_and_cleared(opened) -> None:
    project, coding = opened
    book = coding.codebook
    book.add_attribute(AttributeDefinition("actor", "canonical", AttributeKind.TEXT, ("Iran",)))
    book.add_attribute(AttributeDefinition("actor", "role", AttributeKind.CHOICE, ("state", "militia")))
    book.add_attribute(AttributeDefinition("demand", "negated", AttributeKind.FLAG))
    minister, demand, tehran, _ = spans(project)
    changes = coding.set_attribute(tehran.id, "canonical", "Iran")
    assert changes.span_details == {tehran.id}
    coding.set_attribute(tehran.id, "role", "state")
    coding.set_attribute(demand.id, "negated", FLAG_YES)
    with pytest.raises(InputError, match="not in the vocabulary"):
        coding.set_attribute(minister.id, "canonical", "Irna")
    with pytest.raises(NotFoundError):
        coding.set_attribute(demand.id, "role", "state")  # demand has no such attribute
    book.add_vocabulary_entry("actor", "canonical", "إيران الإسلامية")
    coding.set_attribute(minister.id, "canonical", "إيران الإسلامية")
    with Project.open(project.path) as second:
        assert Coding(second).attribute_values(tehran.id) == {"canonical": "Iran", "role": "state"}
        assert Coding(second).attribute_values(minister.id) == {"canonical": "إيران الإسلامية"}
    coding.clear_attribute(tehran.id, "role")
    assert coding.attribute_values(tehran.id) == {"canonical": "Iran"}
    assert {(v.span_id, v.name) for v in coding.attribute_values_of("a1")} == {
        (tehran.id, "canonical"), (minister.id, "canonical"), (demand.id, "negated")}


def test_notes_on_spans_and_articles(opened) -> None:
    project, coding = opened
    minister, *_ = spans(project)
    coding.set_span_note(minister.id, "المصدر غير واضح 𝐀")
    changes = coding.set_article_note("a1", "salma", "خبر منقول عن وكالة")
    assert changes.codes == {("a1", "salma")}
    with Project.open(project.path) as second:
        assert Coding(second).span_note(minister.id).text == "المصدر غير واضح 𝐀"
        assert Coding(second).article_note("a1", "salma").text == "خبر منقول عن وكالة"
    coding.set_span_note(minister.id, "  ")
    assert coding.span_note(minister.id) is None
    assert coding.article_note("a1", "omar") is None


def test_article_answers_replace_and_clear(opened) -> None:
    project, coding = opened
    book = coding.codebook
    book.add_question(ArticleQuestion("stance", QuestionKind.SINGLE, ("مؤيد", "معارض")))
    book.add_question(ArticleQuestion("topics", QuestionKind.MULTIPLE, ("gaza", "sudan", "iran")))
    book.add_question(ArticleQuestion("secret talks", QuestionKind.FLAG))
    coding.set_answer("a1", "salma", "stance", ["مؤيد"])
    coding.set_answer("a1", "salma", "topics", ["iran", "gaza"])
    coding.set_answer("a1", "salma", "secret talks", [FLAG_YES])
    coding.set_answer("a1", "salma", "stance", ["معارض"])
    with pytest.raises(InputError, match="takes one answer"):
        coding.set_answer("a1", "salma", "stance", ["مؤيد", "معارض"])
    with Project.open(project.path) as second:
        answers = Coding(second).answers("a1", "salma")
    assert {q: a.values for q, a in answers.items()} == {
        "stance": ("معارض",), "topics": ("iran", "gaza"), "secret talks": (FLAG_YES,)}
    coding.set_answer("a1", "salma", "topics", [])
    assert "topics" not in coding.answers("a1", "salma")


def test_deleting_a_span_takes_its_relations_values_and_note_and_undo_restores_all(opened) -> None:
    project, coding = opened
    coding.codebook.add_attribute(AttributeDefinition("actor", "uncertain", AttributeKind.FLAG))
    minister, demand, tehran, denial = spans(project)
    claims, _ = coding.add_relation(minister.id, demand.id, "claims")
    addressed, _ = coding.add_relation(demand.id, tehran.id, "addressed_to")
    denies, _ = coding.add_relation(tehran.id, denial.id, "denies")
    coding.set_attribute(tehran.id, "uncertain", FLAG_YES)
    coding.set_span_note(tehran.id, "طهران = الحكومة الإيرانية")

    removal, changes = coding.delete_span(tehran.id)
    assert [r.id for r in removal.relations] == [addressed.id, denies.id]
    assert changes.relations == {addressed.id, denies.id} and changes.spans == {tehran.id}
    with Project.open(project.path) as second:  # nothing dangles in the file
        assert Coding(second).relations() == [claims]
        assert second.db.execute("SELECT COUNT(*) FROM span_attributes").fetchone()[0] == 0
        assert second.db.execute("SELECT COUNT(*) FROM span_notes").fetchone()[0] == 0

    coding.restore_span(removal)
    assert coding.relations() == [claims, addressed, denies]
    assert coding.attribute_values(tehran.id) == {"uncertain": FLAG_YES}
    assert coding.span_note(tehran.id).text == "طهران = الحكومة الإيرانية"
    assert project.span(tehran.id) == tehran


def test_deleting_both_ends_of_a_relation_restores_it_once(opened) -> None:
    project, coding = opened
    minister, demand, *_ = spans(project)
    claims, _ = coding.add_relation(minister.id, demand.id, "claims")
    removals, _ = coding.delete_spans([minister.id, demand.id])
    assert coding.relations() == []
    coding.restore_spans(removals)
    assert coding.relations() == [claims]


def test_codebook_relation_types_are_added_changed_and_deleted_with_their_relations(opened) -> None:
    project, coding = opened
    book = Codebook(project)
    changes = book.add_relation_type(RelationType("talks_with", "#123456", "t", False, ("actor", "mediator")))
    assert changes.structure
    assert book.relation_type("talks_with").head_labels == ("actor", "mediator")
    with pytest.raises(InputError, match="already exists"):
        book.add_relation_type(RelationType("claims", "#000"))
    with pytest.raises(InputError, match="no label named 'speaker'"):
        book.add_relation_type(RelationType("says", "#000", head_labels=("speaker",)))
    minister, demand, *_ = spans(project)
    coding.add_relation(minister.id, demand.id, "claims")
    book.update_relation_type("claims", RelationType("يطالب", "#111111", "c", True, ("actor",), ("demand",)))
    assert [r.type for r in coding.relations()] == ["يطالب"]
    assert book.relation_type_usage("يطالب") == 1
    deleted = book.delete_relation_type("يطالب")
    assert coding.relations() == [] and len(deleted.relations) == 1


def test_codebook_refuses_malformed_attributes_and_questions(opened) -> None:
    project, _ = opened
    book = Codebook(project)
    with pytest.raises(InputError, match="needs at least one value"):
        book.add_attribute(AttributeDefinition("actor", "role", AttributeKind.CHOICE))
    with pytest.raises(InputError, match="takes no values"):
        book.add_attribute(AttributeDefinition("actor", "negated", AttributeKind.FLAG, ("yes",)))
    with pytest.raises(InputError, match="takes no options"):
        book.add_question(ArticleQuestion("secret", QuestionKind.FLAG, ("yes",)))
    book.add_question(ArticleQuestion("stance", QuestionKind.SINGLE, ("for", "against")))
    with pytest.raises(InputError, match="already exists"):
        book.add_question(ArticleQuestion("stance", QuestionKind.TEXT))
    assert [q.name for q in book.questions()] == ["stance"]
    book.delete_question("stance")
    assert book.questions() == []


def test_deleting_a_label_deletes_its_attributes_and_the_relations_of_its_spans(opened) -> None:
    project, coding = opened
    coding.codebook.add_attribute(AttributeDefinition("denial", "negated", AttributeKind.FLAG))
    _, _, tehran, denial = spans(project)
    coding.add_relation(tehran.id, denial.id, "denies")
    project.delete_label("denial")
    assert coding.relations() == []
    assert coding.codebook.attributes() == []


def test_changes_combine_the_new_fields() -> None:
    combined = Changes(relations=frozenset({1}), codes=frozenset({("a1", "x")})) | Changes(
        relations=frozenset({2}), structure=True, span_details=frozenset({5}))
    assert combined == Changes(relations=frozenset({1, 2}), structure=True, span_details=frozenset({5}),
                               codes=frozenset({("a1", "x")}))
