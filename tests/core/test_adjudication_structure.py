"""The vote on relations, attribute values and article answers, without a database."""

from hypothesis import given
from hypothesis import strategies as st

from annotator.core.adjudication_structure import GoldDecisions, adjudicate_structure, canonical
from annotator.core.model import SpanRef
from annotator.core.structure import RelationRef, StructuredCoding

IRAN, QATAR, TALKS = SpanRef(0, 5, "actor"), SpanRef(10, 15, "actor"), SpanRef(20, 30, "demand")
GOLD = [IRAN, QATAR, TALKS]


def coding(relations=(), attributes=(), codes=()) -> StructuredCoding:
    return StructuredCoding(relations=frozenset(relations), attributes=frozenset(attributes),
                            codes=frozenset(codes))


def test_a_relation_two_of_three_agree_on_goes_into_gold_and_a_lone_one_waits() -> None:
    claims, other = RelationRef(IRAN, TALKS, "claims"), RelationRef(QATAR, TALKS, "claims")
    votes = {"ali": coding([claims]), "sara": coding([claims]), "omar": coding([other])}
    result = adjudicate_structure(votes, GOLD, 2)
    assert [(c.ref, c.annotators) for c in result.relations_accepted] == [(claims, ("ali", "sara"))]
    assert [(c.ref, c.annotators) for c in result.relations_undecided] == [(other, ("omar",))]


def test_an_undirected_relation_agrees_whichever_end_the_annotators_started_from() -> None:
    one, other = RelationRef(IRAN, QATAR, "talks_with"), RelationRef(QATAR, IRAN, "talks_with")
    result = adjudicate_structure({"ali": coding([one]), "sara": coding([other])}, GOLD, 2,
                                  undirected={"talks_with"})
    assert [c.annotators for c in result.relations_accepted] == [("ali", "sara")]
    assert result.relations_undecided == ()


def test_a_directed_relation_drawn_the_other_way_is_a_disagreement() -> None:
    one, other = RelationRef(IRAN, QATAR, "mediates"), RelationRef(QATAR, IRAN, "mediates")
    result = adjudicate_structure({"ali": coding([one]), "sara": coding([other])}, GOLD, 2,
                                  undirected={"talks_with"})
    assert result.relations_accepted == ()
    assert [c.ref for c in result.relations_undecided] == [one, other]


def test_a_relation_whose_end_is_not_gold_is_neither_accepted_nor_waiting() -> None:
    outside = RelationRef(IRAN, SpanRef(40, 44, "demand"), "claims")
    result = adjudicate_structure({"ali": coding([outside]), "sara": coding([outside])}, GOLD, 2)
    assert result.relations_accepted == result.relations_undecided == ()


def test_decided_relations_are_left_alone_undirected_ones_in_either_order() -> None:
    talks, claims = RelationRef(IRAN, QATAR, "talks_with"), RelationRef(IRAN, TALKS, "claims")
    decided = GoldDecisions(relations=frozenset({RelationRef(QATAR, IRAN, "talks_with")}),
                            rejected_relations=frozenset({claims}))
    votes = {"ali": coding([talks, claims]), "sara": coding([talks, claims])}
    result = adjudicate_structure(votes, GOLD, 2, decided, undirected={"talks_with"})
    assert result.relations_accepted == result.relations_undecided == ()


def test_an_attribute_value_the_majority_gives_is_accepted_and_a_split_waits() -> None:
    votes = {"ali": coding(attributes=[(IRAN, "canonical", "Iran"), (QATAR, "canonical", "Qatar")]),
             "sara": coding(attributes=[(IRAN, "canonical", "Iran"), (QATAR, "canonical", "Doha")]),
             "omar": coding(attributes=[(IRAN, "canonical", "Persia")])}
    result = adjudicate_structure(votes, GOLD, 2)
    assert [(c.span, c.value, c.annotators) for c in result.attributes_accepted] == [
        (IRAN, "Iran", ("ali", "sara"))]
    # Persia lost to a value that went in: its attribute is settled, it no longer waits
    assert [(c.span, c.value) for c in result.attributes_undecided] == [(QATAR, "Doha"), (QATAR, "Qatar")]


def test_values_on_spans_that_are_not_gold_and_settled_attributes_do_not_count() -> None:
    elsewhere = SpanRef(1, 5, "actor")
    votes = {"ali": coding(attributes=[(elsewhere, "canonical", "Iran"), (IRAN, "canonical", "Iran")]),
             "sara": coding(attributes=[(elsewhere, "canonical", "Iran"), (IRAN, "canonical", "Iran")])}
    decided = GoldDecisions(attributes=frozenset({(IRAN, "canonical")}))
    result = adjudicate_structure(votes, GOLD, 2, decided)
    assert result.attributes_accepted == result.attributes_undecided == ()


def test_two_values_reaching_a_low_threshold_both_wait() -> None:
    votes = {"ali": coding(attributes=[(IRAN, "canonical", "Iran")]),
             "sara": coding(attributes=[(IRAN, "canonical", "Persia")])}
    result = adjudicate_structure(votes, GOLD, 1)
    assert result.attributes_accepted == ()
    assert [c.value for c in result.attributes_undecided] == ["Iran", "Persia"]


def test_answers_are_compared_as_sets_and_a_split_waits() -> None:
    votes = {"ali": coding(codes=[("topics", ("gaza", "talks")), ("tone", ("calm",))]),
             "sara": coding(codes=[("topics", ("talks", "gaza")), ("tone", ("angry",))]),
             "omar": coding(codes=[("topics", ("gaza",))])}
    result = adjudicate_structure(votes, GOLD, 2)
    assert [(c.question, c.values, c.annotators) for c in result.answers_accepted] == [
        ("topics", ("gaza", "talks"), ("ali", "sara"))]
    assert [(c.question, c.values) for c in result.answers_undecided] == [
        ("tone", ("angry",)), ("tone", ("calm",))]


def test_a_rejected_answer_is_not_listed_again_and_no_threshold_lists_everything_open() -> None:
    votes = {"ali": coding(codes=[("tone", ("calm",))]), "sara": coding(codes=[("tone", ("calm",)),
                                                                            ("stance", ("for",))])}
    decided = GoldDecisions(rejected_answers=frozenset({("tone", ("calm",))}))
    result = adjudicate_structure(votes, GOLD, None, decided)
    assert result.answers_accepted == ()
    assert [(c.question, c.values) for c in result.answers_undecided] == [("stance", ("for",))]


SPANS = [IRAN, QATAR, TALKS, SpanRef(40, 44, "actor")]  # the last one is not gold
relation = st.builds(RelationRef, st.sampled_from(SPANS), st.sampled_from(SPANS),
                     st.sampled_from(["talks_with", "claims"])).filter(lambda r: r.head != r.child)
work = st.dictionaries(st.sampled_from(["ali", "sara", "omar"]), st.frozensets(relation, max_size=6),
                       min_size=1)


@given(work, st.integers(1, 3), st.data())
def test_undirected_relations_vote_the_same_whichever_way_they_are_drawn(votes, threshold, data) -> None:
    def run(drawn: dict) -> tuple:
        result = adjudicate_structure({name: coding(r) for name, r in drawn.items()}, GOLD, threshold,
                                      undirected={"talks_with"})
        return ({(c.ref, c.annotators) for c in result.relations_accepted},
                {(c.ref, c.annotators) for c in result.relations_undecided})

    flipped = {name: frozenset(RelationRef(r.child, r.head, r.type)
                               if r.type == "talks_with" and data.draw(st.booleans()) else r for r in rels)
               for name, rels in votes.items()}
    accepted, waiting = run(votes)
    assert run(flipped) == (accepted, waiting)
    assert not {ref for ref, _ in accepted} & {ref for ref, _ in waiting}
    # every relation between gold spans is accepted (with enough votes) or waits; none other is listed
    between_gold = {canonical(r, {"talks_with"}) for rels in votes.values() for r in rels
                    if r.head in GOLD and r.child in GOLD}
    assert {ref for ref, _ in accepted | waiting} == between_gold
    assert all(len(names) >= threshold for _ref, names in accepted)
    assert all(len(names) < threshold for _ref, names in waiting)
