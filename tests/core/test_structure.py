"""Structured coding rules: which label pairs a relation type allows, which values attributes and
article questions accept, each refusal one sentence naming what is wrong."""

from __future__ import annotations

from annotator.core.structure import (
    DEFAULT_RELATION_TYPES,
    FLAG_YES,
    ArticleQuestion,
    AttributeDefinition,
    AttributeKind,
    QuestionKind,
    RelationType,
    answer_refusal,
    attribute_refusal,
    relation_refusal,
    schema_refusal,
)

CLAIMS = RelationType("claims", "#4e79a7", "c", True, ("actor",), ("demand",))


def test_allowed_pair_has_no_refusal() -> None:
    assert relation_refusal(CLAIMS, "actor", "demand") is None


def test_wrong_head_says_which_labels_may_start_the_relation() -> None:
    reason = relation_refusal(CLAIMS, "denial", "demand")
    assert reason == "a 'claims' relation must start at a span labelled 'actor', not 'denial'"


def test_wrong_child_says_which_labels_may_end_it() -> None:
    reason = relation_refusal(CLAIMS, "actor", "mediator")
    assert reason == "a 'claims' relation must end at a span labelled 'demand', not 'mediator'"


def test_directed_type_refuses_the_reversed_pair_but_undirected_accepts_it() -> None:
    assert relation_refusal(CLAIMS, "demand", "actor") is not None
    undirected = RelationType("talks_with", "#000", "", False, ("actor",), ("mediator",))
    assert relation_refusal(undirected, "mediator", "actor") is None
    assert relation_refusal(undirected, "actor", "actor") is not None


def test_empty_label_lists_allow_any_label() -> None:
    anything = RelationType("related", "#000")
    assert relation_refusal(anything, "denial", "mediator") is None


def test_default_types_link_the_default_labels_as_claims_analysis_does() -> None:
    pairs = {t.name: (t.head_labels, t.child_labels) for t in DEFAULT_RELATION_TYPES}
    assert pairs == {
        "claims": (("actor",), ("demand",)),
        "denies": (("actor",), ("denial",)),
        "mediates": (("mediator",), ("actor",)),
        "addressed_to": (("demand",), ("actor",)),
    }


def test_choice_accepts_only_its_values() -> None:
    stance = AttributeDefinition("actor", "role", AttributeKind.CHOICE, ("state", "militia"))
    assert attribute_refusal(stance, "state") is None
    assert attribute_refusal(stance, "party") == "'party' is not one of the values of 'role' (state, militia)"


def test_flag_is_set_or_cleared() -> None:
    negated = AttributeDefinition("demand", "negated", AttributeKind.FLAG)
    assert attribute_refusal(negated, FLAG_YES) is None
    assert attribute_refusal(negated, "no") is not None


def test_text_attribute_takes_only_vocabulary_entries_so_a_typo_is_not_a_new_entry() -> None:
    canonical = AttributeDefinition("actor", "canonical", AttributeKind.TEXT, ("Iran", "إيران"))
    assert attribute_refusal(canonical, "إيران") is None
    reason = attribute_refusal(canonical, "Irna")
    assert reason is not None and "vocabulary" in reason and "add it" in reason
    assert attribute_refusal(canonical, "  ") is not None


def test_answers_follow_the_question_kind() -> None:
    stance = ArticleQuestion("stance", QuestionKind.SINGLE, ("for", "against"))
    topics = ArticleQuestion("topics", QuestionKind.MULTIPLE, ("gaza", "sudan"))
    secret = ArticleQuestion("secret talks", QuestionKind.FLAG)
    summary = ArticleQuestion("summary", QuestionKind.TEXT)
    assert answer_refusal(stance, ("for",)) is None
    assert answer_refusal(stance, ("for", "against")) == "'stance' takes one answer, not 2"
    assert answer_refusal(stance, ("neutral",)) is not None
    assert answer_refusal(topics, ("gaza", "sudan")) is None
    assert answer_refusal(topics, ("gaza", "gaza")) is not None
    assert answer_refusal(topics, ("yemen",)) is not None
    assert answer_refusal(secret, (FLAG_YES,)) is None
    assert answer_refusal(secret, ("maybe",)) is not None
    assert answer_refusal(summary, ("محادثات سرية في 𝐀",)) is None
    assert answer_refusal(summary, (" ",)) is not None
    assert answer_refusal(stance, ()) is None  # no values clears the answer


def test_schema_refusal_names_the_fault() -> None:
    assert schema_refusal("attribute", "", (), False) == "an attribute needs a name"
    assert schema_refusal("question", "stance", (), True) is not None
    assert schema_refusal("question", "stance", ("a", "a"), True) is not None
    assert schema_refusal("question", "stance", ("a", "b"), True) is None
