"""Adjudication of structured coding: relations, span attribute values and article answers into gold.

The same vote as for spans (``core.adjudication``): over the annotators who marked the article done,
a version with at least ``threshold`` votes goes into gold, any other waits for the curator. What a
version is:

- a relation: its two ends (as positions) and its type. It can only go into gold when both ends are gold
  spans; until then it is neither accepted nor waiting. An undirected type's relation is the same
  whichever end the annotator started from.
- an attribute value: the value an annotator gave the attribute on a span identical to a gold span.
  One value per gold span and attribute: when several reach the threshold (possible only with a low
  ``min_votes``) none is accepted and all wait.
- an article answer: the answer to one question, its values compared as a set (a multiple-choice
  answer's order means nothing). One per question, with the same rule.

Decisions are never overridden: a relation in gold or rejected is neither accepted nor listed again;
an attribute or question that has a gold value is settled (its other versions wait no more), and a
rejected version of it is not listed again.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass

from annotator.core.model import SpanRef
from annotator.core.structure import RelationRef, StructuredCoding


@dataclass(frozen=True, order=True)
class RelationCandidate:
    """One distinct relation proposed by one or more annotators, both ends gold spans."""

    ref: RelationRef
    annotators: tuple[str, ...]

    @property
    def votes(self) -> int:
        return len(self.annotators)


@dataclass(frozen=True, order=True)
class AttributeCandidate:
    """One value proposed for one attribute of one gold span."""

    span: SpanRef
    name: str
    value: str
    annotators: tuple[str, ...]

    @property
    def votes(self) -> int:
        return len(self.annotators)


@dataclass(frozen=True, order=True)
class AnswerCandidate:
    """One answer (its values, sorted) proposed for one article question."""

    question: str
    values: tuple[str, ...]
    annotators: tuple[str, ...]

    @property
    def votes(self) -> int:
        return len(self.annotators)


@dataclass(frozen=True)
class GoldDecisions:
    """What gold already holds or rules out on one article, beyond its spans."""

    relations: frozenset[RelationRef] = frozenset()
    rejected_relations: frozenset[RelationRef] = frozenset()
    attributes: frozenset[tuple[SpanRef, str]] = frozenset()  # (gold span, attribute) that has a value
    rejected_attributes: frozenset[tuple[SpanRef, str, str]] = frozenset()
    answers: frozenset[str] = frozenset()  # questions gold answers
    rejected_answers: frozenset[tuple[str, tuple[str, ...]]] = frozenset()


@dataclass(frozen=True)
class StructureAdjudication:
    """The outcome of the vote on one article's relations, attribute values and answers."""

    relations_accepted: tuple[RelationCandidate, ...] = ()
    relations_undecided: tuple[RelationCandidate, ...] = ()
    attributes_accepted: tuple[AttributeCandidate, ...] = ()
    attributes_undecided: tuple[AttributeCandidate, ...] = ()
    answers_accepted: tuple[AnswerCandidate, ...] = ()
    answers_undecided: tuple[AnswerCandidate, ...] = ()

    @property
    def undecided(self) -> int:
        return len(self.relations_undecided) + len(self.attributes_undecided) + len(self.answers_undecided)


def canonical(relation: RelationRef, undirected: Collection[str]) -> RelationRef:
    """The relation as votes compare it: an undirected type's ends in position order."""
    if relation.type in undirected and relation.child < relation.head:
        return RelationRef(relation.child, relation.head, relation.type)
    return relation


def _split(proposals: dict, threshold: int | None, single_slot) -> tuple[list, list]:
    """Accepted and waiting (key, names) pairs. ``single_slot(key)`` names the slot a key fills (a
    relation is its own slot; an attribute value fills its span's attribute, an answer its question): a
    slot whose one version reaches the threshold is accepted and its other versions are settled."""
    accepted, waiting = [], []
    winners: dict = {}
    for key, names in proposals.items():
        if threshold is not None and len(names) >= threshold:
            winners.setdefault(single_slot(key), []).append(key)
    chosen = {keys[0] for keys in winners.values() if len(keys) == 1}
    settled = {single_slot(key) for key in chosen}  # a slot's losing versions wait no more
    for key, names in sorted(proposals.items()):
        if key in chosen:
            accepted.append((key, tuple(sorted(names))))
        elif single_slot(key) not in settled:
            waiting.append((key, tuple(sorted(names))))
    return accepted, waiting


def adjudicate_structure(
    codings: Mapping[str, StructuredCoding | None],
    gold_spans: Iterable[SpanRef],
    threshold: int | None,
    decided: GoldDecisions = GoldDecisions(),
    undirected: Collection[str] = (),
) -> StructureAdjudication:
    """Split one article's relations, attribute values and answers into accepted and waiting.

    ``codings`` maps each annotator whose votes count to their coding on the article; ``gold_spans`` are
    the article's gold spans (after the span vote). ``threshold`` None accepts nothing: every open
    version is listed (what the curation view shows).
    """
    gold = set(gold_spans)
    relations: dict[RelationRef, set[str]] = {}
    attributes: dict[tuple[SpanRef, str, str], set[str]] = {}
    answers: dict[tuple[str, tuple[str, ...]], set[str]] = {}
    closed_relations = {canonical(r, undirected) for r in decided.relations | decided.rejected_relations}
    for annotator, coding in codings.items():
        if not coding:
            continue
        for relation in coding.relations:
            ref = canonical(relation, undirected)
            if ref.head in gold and ref.child in gold and ref not in closed_relations:
                relations.setdefault(ref, set()).add(annotator)
        for span, name, value in coding.attributes:
            if (span in gold and (span, name) not in decided.attributes
                    and (span, name, value) not in decided.rejected_attributes):
                attributes.setdefault((span, name, value), set()).add(annotator)
        for question, values in coding.codes:
            answer = (question, tuple(sorted(values)))
            if values and question not in decided.answers and answer not in decided.rejected_answers:
                answers.setdefault(answer, set()).add(annotator)
    rel_ok, rel_wait = _split(relations, threshold, lambda key: key)
    att_ok, att_wait = _split(attributes, threshold, lambda key: key[:2])
    ans_ok, ans_wait = _split(answers, threshold, lambda key: key[0])
    return StructureAdjudication(
        tuple(RelationCandidate(k, n) for k, n in rel_ok),
        tuple(RelationCandidate(k, n) for k, n in rel_wait),
        tuple(AttributeCandidate(*k, n) for k, n in att_ok),
        tuple(AttributeCandidate(*k, n) for k, n in att_wait),
        tuple(AnswerCandidate(*k, n) for k, n in ans_ok),
        tuple(AnswerCandidate(*k, n) for k, n in ans_wait),
    )
