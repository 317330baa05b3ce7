"""Relation, attribute and answer disagreements of one article, by hand (texts with astral characters,
so code point and UTF-16 offsets differ)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.agreement.data import AgreementArticle, StructureCodebook
from annotator.core.agreement.structure_disagreements import (
    NOT_SET,
    StructureKind,
    structure_disagreements,
)
from annotator.core.model import SpanRef as S
from annotator.core.structure import (
    ArticleQuestion,
    QuestionKind,
    RelationRef,
    RelationType,
    StructuredCoding,
)

TEXT = "😀 قال 𝒜 الوزير إن 😀 الحكومة تطالب بوقف 😀 القتال فورا"


def at(word: str, label: str, *, shift: int = 0) -> S:
    start = TEXT.index(word)
    return S(start + shift, start + len(word), label)


MINISTER, GOVERNMENT, DEMAND = at("الوزير", "actor"), at("الحكومة", "actor"), at("بوقف", "demand")
FIGHTING = at("القتال", "demand")
CODEBOOK = StructureCodebook(
    relation_types=(RelationType("claims", "#4e79a7"), RelationType("allied", "#59a14f", directed=False),
                    RelationType("denies", "#e15759")),
    questions=(ArticleQuestion("tone", QuestionKind.SINGLE, ("calm", "hostile")),
               ArticleQuestion("topics", QuestionKind.MULTIPLE, ("war", "aid"))),
)


def article(codings: dict[str, StructuredCoding], spans: dict[str, tuple[S, ...]] | None = None
            ) -> AgreementArticle:
    both = (MINISTER, GOVERNMENT, DEMAND, FIGHTING)
    return AgreementArticle("x", "t", TEXT, spans or {"ali": both, "omar": both}, codings)


def relations(*found: RelationRef) -> StructuredCoding:
    return StructuredCoding(relations=frozenset(found))


def test_identical_work_has_no_structure_disagreement() -> None:
    work = StructuredCoding(relations=frozenset({RelationRef(MINISTER, DEMAND, "claims")}),
                            attributes=frozenset({(MINISTER, "role", "official")}),
                            codes=frozenset({("tone", ("calm",))}))
    assert structure_disagreements(article({"ali": work, "omar": work}), CODEBOOK) == []


def test_undirected_relation_types_match_either_way_round_directed_ones_do_not() -> None:
    found = structure_disagreements(article({
        "ali": relations(RelationRef(MINISTER, GOVERNMENT, "allied"),
                         RelationRef(MINISTER, DEMAND, "claims")),
        "omar": relations(RelationRef(GOVERNMENT, MINISTER, "allied"),
                          RelationRef(DEMAND, MINISTER, "claims")),
    }), CODEBOOK)
    # the allied pair agrees; the claims drawn backwards is the same type with its ends swapped
    assert [(d.kind, d.name) for d in found] == [(StructureKind.RELATION_END, "claims")]
    assert found[0].relation == RelationRef(MINISTER, DEMAND, "claims")
    assert found[0].other_relation == RelationRef(DEMAND, MINISTER, "claims")


def test_relation_disagreements_name_other_type_other_end_and_missing() -> None:
    found = structure_disagreements(article({
        "ali": relations(RelationRef(MINISTER, DEMAND, "claims"), RelationRef(GOVERNMENT, FIGHTING, "claims"),
                         RelationRef(GOVERNMENT, MINISTER, "allied")),
        "omar": relations(RelationRef(MINISTER, DEMAND, "denies"), RelationRef(GOVERNMENT, DEMAND, "claims")),
    }), CODEBOOK)
    got = {(d.kind, d.annotator, d.other, d.relation, d.other_relation) for d in found}
    assert got == {
        (StructureKind.RELATION_TYPE, "ali", "omar", RelationRef(MINISTER, DEMAND, "claims"),
         RelationRef(MINISTER, DEMAND, "denies")),
        (StructureKind.RELATION_END, "ali", "omar", RelationRef(GOVERNMENT, FIGHTING, "claims"),
         RelationRef(GOVERNMENT, DEMAND, "claims")),
        (StructureKind.MISSING_RELATION, "ali", "omar", RelationRef(GOVERNMENT, MINISTER, "allied"), None),
    }
    # listed by position in the text: the minister's relations come before the government's
    assert found[0].kind is StructureKind.MISSING_RELATION
    assert found[0].extent == (MINISTER.start, GOVERNMENT.end)


def test_relations_between_overlapping_spans_match_as_relation_f1_overlap_does() -> None:
    wider = S(MINISTER.start - 2, MINISTER.end, "actor")  # omar's span takes in the astral letter too
    spans = {"ali": (MINISTER, DEMAND), "omar": (wider, DEMAND)}
    same = article({"ali": relations(RelationRef(MINISTER, DEMAND, "claims")),
                    "omar": relations(RelationRef(wider, DEMAND, "claims"))}, spans)
    assert structure_disagreements(same, CODEBOOK) == []
    gone = article({"ali": relations(RelationRef(MINISTER, DEMAND, "claims")), "omar": StructuredCoding()},
                   spans)
    (only,) = structure_disagreements(gone, CODEBOOK)
    assert (only.kind, only.annotator, only.other) == (StructureKind.MISSING_RELATION, "ali", "omar")


def test_missing_relation_is_reported_from_the_side_that_has_it() -> None:
    found = structure_disagreements(article({"ali": StructuredCoding(),
                                             "omar": relations(RelationRef(DEMAND, FIGHTING, "allied"))}),
                                    CODEBOOK)
    assert [(d.kind, d.annotator, d.other) for d in found] == [
        (StructureKind.MISSING_RELATION, "omar", "ali")]


def test_attribute_values_differ_on_matched_spans_only() -> None:
    shifted = S(GOVERNMENT.start + 1, GOVERNMENT.end, "actor")
    spans = {"ali": (MINISTER, GOVERNMENT, DEMAND), "omar": (MINISTER, shifted)}
    found = structure_disagreements(article({
        "ali": StructuredCoding(attributes=frozenset({(MINISTER, "role", "official"),
                                                      (GOVERNMENT, "role", "state"),
                                                      (DEMAND, "urgent", "yes")})),
        "omar": StructuredCoding(attributes=frozenset({(MINISTER, "role", "rebel")})),
    }, spans), CODEBOOK)
    got = [(d.kind, d.name, d.span, d.other_span, d.value, d.other_value) for d in found]
    # the demand omar did not mark is a span disagreement, not an attribute one
    assert got == [
        (StructureKind.ATTRIBUTE, "role", MINISTER, MINISTER, "official", "rebel"),
        (StructureKind.ATTRIBUTE, "role", GOVERNMENT, shifted, "state", NOT_SET),
    ]


def test_answers_differ_by_question_and_a_missing_answer_counts() -> None:
    found = structure_disagreements(article({
        "ali": StructuredCoding(codes=frozenset({("tone", ("calm",)), ("topics", ("war", "aid"))})),
        "omar": StructuredCoding(codes=frozenset({("topics", ("aid", "war"))})),
    }), CODEBOOK)
    assert [(d.kind, d.name, d.value, d.other_value, d.extent) for d in found] == [
        (StructureKind.ANSWER, "tone", "calm", NOT_SET, None)]


def test_answers_come_after_everything_that_has_a_place_in_the_text() -> None:
    found = structure_disagreements(article({
        "ali": StructuredCoding(codes=frozenset({("tone", ("calm",))}),
                                relations=frozenset({RelationRef(DEMAND, FIGHTING, "claims")})),
        "omar": StructuredCoding(codes=frozenset({("tone", ("hostile",))})),
    }), CODEBOOK)
    assert [d.kind for d in found] == [StructureKind.MISSING_RELATION, StructureKind.ANSWER]


spans_st = st.lists(st.tuples(st.integers(0, 30), st.integers(1, 8), st.sampled_from(["actor", "demand"]))
                    .map(lambda t: S(t[0], t[0] + t[1], t[2])), min_size=2, max_size=8, unique=True)


@given(spans_st, st.data())
@settings(max_examples=60, deadline=None)
def test_identical_work_never_disagrees_however_its_spans_overlap(spans, data) -> None:
    """Two annotators with the same spans (overlapping and nested too), relations and attribute values,
    on a text of astral characters: nothing is reported."""
    ordered = tuple(sorted(spans))
    relations = data.draw(st.lists(st.tuples(st.sampled_from(ordered), st.sampled_from(ordered),
                                             st.sampled_from(["claims", "allied"])), max_size=6))
    work = StructuredCoding(relations=frozenset(RelationRef(h, c, t) for h, c, t in relations),
                            attributes=frozenset((s, "role", "x") for s in ordered[::2]))
    text = "😀" * 20 + "نص" * 10
    article = AgreementArticle("x", "t", text, {"ali": ordered, "omar": ordered}, {"ali": work, "omar": work})
    assert structure_disagreements(article, CODEBOOK) == []
