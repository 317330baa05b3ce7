"""The rules of merging annotators' work: what a source holds, and which work wins when two meet.

An article is known by the SHA-256 of its text, an annotator and a label by name: ids differ between
machines and mean nothing across them. One annotator's work on one article (a "pair") is their set of
spans plus their status and when they last edited it (``statuses.updated_at``, bumped by every edit).

The rules make merging idempotent and commutative: equal span sets combine by taking the later status
and the earliest creation / latest edit time of each span (max and min are both); different span sets
are a conflict, which only ``prefer_newer`` settles, by the later edit time (ties broken by comparing
the span sets themselves, so the winner never depends on the order of the files).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from typing import Any

from annotator.core.errors import ConflictError, InputError
from annotator.core.formats.pack import Pack
from annotator.core.model import ArticleRecord, GoldStatus, Label, SpanRef, Status
from annotator.core.structure import (
    CodebookSchema,
    RelationRef,
    StructuredCoding,
    answer_refusal,
    attribute_refusal,
    coding_order,
)

_STATUS_RANK = {Status.NEW: 0, Status.IN_PROGRESS: 1, Status.DONE: 2}
Times = tuple[str | None, str | None]  # a span's (created_at, updated_at); None where unknown


@dataclass(frozen=True)
class PairWork:
    """One annotator's work on one article."""

    spans: dict[SpanRef, Times]
    status: Status
    updated_at: str | None  # None when the file does not record edit times (plain JSONL)
    coding: StructuredCoding = field(default_factory=StructuredCoding)  # relations, values, notes, codes

    def span_set(self) -> frozenset[SpanRef]:
        return frozenset(self.spans)

    def decisions(self) -> tuple[frozenset[SpanRef], StructuredCoding]:
        """What two copies of the work must agree on: the spans and the structured coding."""
        return frozenset(self.spans), self.coding


@dataclass(frozen=True)
class SourceArticle:
    """An article as a merge source has it."""

    sha256: str
    id: str
    title: str
    source: str
    text: str
    meta: dict[str, Any] = field(hash=False, compare=False)
    imported_at: str | None = None


@dataclass
class MergeSource:
    """Everything one file brings to a merge, keyed by text hash and names rather than ids."""

    path: str
    articles: list[SourceArticle] = field(default_factory=list)
    labels: list[Label] = field(default_factory=list)
    pairs: dict[tuple[str, str], PairWork] = field(default_factory=dict)  # (sha256, annotator) → work
    assignment: set[tuple[str, str]] = field(default_factory=set)  # (sha256, annotator)
    gold: dict[str, GoldWork] = field(default_factory=dict)  # sha256 → the article's gold (project files)
    schema: CodebookSchema = field(default_factory=CodebookSchema)  # relation types, attributes, questions
    guidelines: str = ""
    name: str = ""
    # A pack opened by an annotator speaks for the reviewer: its guidelines replace the local ones.
    # Between peers (merge) the project's own settings are kept and only empty ones are filled.
    authoritative: bool = False
    # A team file has one writer: its ``owner``'s work in it replaces what a project holds for that
    # annotator (their newer file speaks for them, whatever the clocks say); ``owns_gold``: likewise the
    # reviewer's gold replaces the project's.
    owner: str | None = None
    owns_gold: bool = False


def source_from_records(path: str, records: Iterable[ArticleRecord], labels: Iterable[Label] = (),
                        edited_at: dict[tuple[str, str], str] | None = None) -> MergeSource:
    """A merge source from read articles (JSONL or a pack); labels used by spans are added if missing."""
    source = MergeSource(path=path, labels=list(labels))
    known = {label.name for label in source.labels}
    edited_at = edited_at or {}
    for record in records:
        sha = record.sha256
        source.articles.append(SourceArticle(sha, record.id or sha[:16], record.title, record.source,
                                             record.text, dict(record.meta)))
        for annotation in record.annotations:
            when = edited_at.get((record.id or "", annotation.annotator)) or annotation.updated_at
            spans = {ref: (when, when) for ref in annotation.spans}
            work = PairWork(spans, annotation.status, when, annotation.coding or StructuredCoding())
            previous = source.pairs.get((sha, annotation.annotator))
            if previous is not None:
                try:
                    work = resolve(previous, work, prefer_newer=False)
                except PairConflict:
                    raise InputError(f"{annotation.annotator!r} has two different sets of spans (or of "
                                     "relations, attribute values, notes or codes) for this article in the "
                                     "same file", path=record.origin or path) from None
            source.pairs[(sha, annotation.annotator)] = work
            for ref in annotation.spans:
                if ref.label not in known:
                    known.add(ref.label)
                    source.labels.append(Label(ref.label, "", position=len(source.labels)))
    return source


def source_from_pack(path: str, pack: Pack) -> MergeSource:
    """A merge source from a pack: its articles and work, labels, guidelines and assignment."""
    source = source_from_records(path, pack.records, pack.labels, pack.edited_at)
    source.guidelines = pack.guidelines
    source.name = pack.name
    source.schema = pack.schema
    sha_by_id = {record.id: record.sha256 for record in pack.records}
    for annotator, ids in (pack.assignment or {}).items():
        source.assignment.update((sha_by_id[i], annotator) for i in ids)
    return source


class PairConflict(ConflictError):
    """Two files hold different spans (or structured coding) of one annotator on one article.

    ``first`` and ``second`` are the positions (in the list given to ``settle``) of two clashing
    pieces of work; ``untimed`` says the clash could not be settled because one has no edit time.
    """

    def __init__(self, reason: str, first: int = 0, second: int = 1, untimed: bool = False) -> None:
        super().__init__(reason)
        self.first, self.second, self.untimed = first, second, untimed


def settle(works: list[PairWork], prefer_newer: bool) -> PairWork:
    """The work that stands after merging all of ``works`` (one annotator, one article), in any order.

    Whether there is a conflict is decided over all of them at once, not pair by pair, so the answer
    never depends on the order of the files: different span sets (or relations, attribute values,
    notes, codes) conflict unless ``prefer_newer``, and even then when any piece has no edit time.
    """
    return _settle(works, prefer_newer, PairWork.decisions, _newness, _combine, "different spans")


def _settle(works: list, prefer_newer: bool, decisions: Callable, newness: Callable, combine: Callable,
            reason: str):
    """``settle``'s rule for any kind of work (an annotator's, or an article's gold).

    ``decisions(work)`` is what must agree; ``newness`` orders works under ``prefer_newer``;
    ``combine`` joins two works whose decisions agree. The work that loses contributes nothing.
    """
    first = decisions(works[0])
    other = next((i for i, w in enumerate(works) if decisions(w) != first), None)
    if other is not None:
        if not prefer_newer:
            raise PairConflict(reason, 0, other)
        untimed = next((i for i, w in enumerate(works) if w.updated_at is None), None)
        if untimed is not None:
            clash = next(i for i, w in enumerate(works) if decisions(w) != decisions(works[untimed]))
            raise PairConflict("no edit time", min(untimed, clash), max(untimed, clash), untimed=True)
        best = decisions(max(works, key=newness))
        works = [w for w in works if decisions(w) == best]
    result = works[0]
    for work in works[1:]:
        result = combine(result, work)
    return result


def _newness(work: PairWork) -> tuple:
    """Order of works under ``prefer newer``: edit time, then (for ties) the spans and the status."""
    return (work.updated_at or "", sorted(work.spans), coding_order(work.coding), _STATUS_RANK[work.status])


def resolve(ours: PairWork, theirs: PairWork, prefer_newer: bool) -> PairWork:
    """The work that stands after merging ``theirs`` into ``ours`` (the same article and annotator).

    Raises PairConflict when the span sets (or codings) differ and ``prefer_newer`` is off, or when
    either side has no edit time to compare (the caller names the article, annotator and files).
    """
    if ours.decisions() == theirs.decisions():
        return _combine(ours, theirs)
    if not prefer_newer:
        raise PairConflict("different spans")
    if ours.updated_at is None or theirs.updated_at is None:
        raise PairConflict("no edit time")
    return max(ours, theirs, key=_newness)


def _combine(ours: PairWork, theirs: PairWork) -> PairWork:
    """Equal span sets: the later status and, per span, the earliest creation and latest edit."""
    later = max(ours, theirs, key=lambda w: (w.updated_at or "", _STATUS_RANK[w.status]))
    spans = {ref: (_earliest(times[0], theirs.spans[ref][0]), _latest(times[1], theirs.spans[ref][1]))
             for ref, times in ours.spans.items()}
    return PairWork(spans, later.status, _latest(ours.updated_at, theirs.updated_at), ours.coding)


def _earliest(a: str | None, b: str | None) -> str | None:
    return b if a is None else a if b is None else min(a, b)


def _latest(a: str | None, b: str | None) -> str | None:
    return b if a is None else a if b is None else max(a, b)


Decision = tuple[str, str]  # (decided_by, decided_at) of a gold span or a rejection


Curated = tuple[str, str, str]  # (decided_by, decided_at, origin) of something gold holds


@dataclass(frozen=True)
class GoldStructure:
    """One article's gold relations, attribute values and answers, and the versions ruled out of gold,
    known by span position and names (ids mean nothing across machines)."""

    relations: dict[RelationRef, Curated] = field(default_factory=dict)
    relation_rejections: dict[RelationRef, Decision] = field(default_factory=dict)
    attributes: dict[tuple[SpanRef, str], tuple[str, str, str, str]] = field(default_factory=dict)
    # (gold span, attribute) → (value, decided_by, decided_at, origin)
    attribute_rejections: dict[tuple[SpanRef, str, str], Decision] = field(default_factory=dict)
    answers: dict[str, tuple[tuple[str, ...], str, str, str]] = field(default_factory=dict)
    # question → (values in order, decided_by, decided_at, origin)
    answer_rejections: dict[tuple[str, tuple[str, ...]], Decision] = field(default_factory=dict)
    # (question, the rejected answer's values sorted) → decision

    def __bool__(self) -> bool:
        return any((self.relations, self.relation_rejections, self.attributes, self.attribute_rejections,
                    self.answers, self.answer_rejections))

    def decisions(self) -> tuple:
        """What two copies of the gold must agree on (who decided and when aside)."""
        return (frozenset(self.relations), frozenset(self.relation_rejections),
                frozenset((key, value[0]) for key, value in self.attributes.items()),
                frozenset(self.attribute_rejections),
                frozenset((question, frozenset(value[0])) for question, value in self.answers.items()),
                frozenset(self.answer_rejections))

    def undirected_sorted(self, undirected: Iterable[str]) -> GoldStructure:
        """The same gold with each relation of an undirected type (and each rejected one) written with
        its ends in position order: two copies that stored it the other way round then compare equal."""
        types = set(undirected)

        def canonical(found: dict) -> dict:
            out = {}
            for ref, decision in found.items():
                if ref.type in types and ref.child < ref.head:
                    ref = RelationRef(ref.child, ref.head, ref.type)
                out[ref] = min(decision, out.get(ref, decision))
            return out

        if not types:
            return self
        return replace(self, relations=canonical(self.relations),
                       relation_rejections=canonical(self.relation_rejections))

    def order(self) -> tuple:
        """A total order, so a tie under ``prefer newer`` never depends on the order of the files."""
        return (sorted(self.relations), sorted(self.relation_rejections),
                sorted((key, value[0]) for key, value in self.attributes.items()),
                sorted(self.attribute_rejections),
                sorted((question, sorted(value[0])) for question, value in self.answers.items()),
                sorted(self.answer_rejections))


def gold_structure_refusal(structure: GoldStructure, gold_spans: Iterable[SpanRef],
                           schema: CodebookSchema) -> str | None:
    """Why a file's gold structure cannot be merged (a relation or value off the file's gold spans, a
    name its codebook does not define, a value it does not allow); None when it can."""
    spans = set(gold_spans)
    types = {t.name for t in schema.relation_types}
    attributes = {(a.label, a.name): a for a in schema.attributes}
    questions = {q.name: q for q in schema.questions}

    def off(ref: SpanRef) -> str | None:
        return None if ref in spans else f"({ref.start}-{ref.end}, {ref.label}) is not one of its gold spans"

    for relation in (*structure.relations, *structure.relation_rejections):
        reason = off(relation.head) or off(relation.child) or (
            None if relation.type in types else f"the relation type {relation.type!r} is not in its codebook")
        if reason:
            return f"a gold relation: {reason}"
    values = [(span, name, value) for (span, name), (value, *_d) in structure.attributes.items()]
    for span, name, value in (*values, *structure.attribute_rejections):
        definition = attributes.get((span.label, name))
        reason = off(span) or (f"label {span.label!r} has no attribute {name!r}" if definition is None
                               else None)
        if reason is None and (span, name, value) in values:
            reason = attribute_refusal(definition, value)
        if reason:
            return f"a gold attribute value: {reason}"
    for question, (answer, *_decision) in structure.answers.items():
        reason = ("unknown article question" if question not in questions
                  else "it has no values" if not answer else answer_refusal(questions[question], answer))
        if reason:
            return f"the gold answer to {question!r}: {reason}"
    for question, _values in structure.answer_rejections:
        if question not in questions:
            return f"a rejected gold answer: unknown article question {question!r}"
    return None


def _combine_structure(ours: GoldStructure, theirs: GoldStructure) -> GoldStructure:
    """Equal decisions: each one as decided first (ties broken by the decision itself, so the result
    never depends on the order of the files; an answer's values in the order of that decision)."""
    def earliest(mine: dict, other: dict, at: int) -> dict:
        return {key: min(kept, other[key], key=lambda d: (d[at], d)) for key, kept in mine.items()}

    return GoldStructure(earliest(ours.relations, theirs.relations, 1),
                         earliest(ours.relation_rejections, theirs.relation_rejections, 1),
                         earliest(ours.attributes, theirs.attributes, 2),
                         earliest(ours.attribute_rejections, theirs.attribute_rejections, 1),
                         earliest(ours.answers, theirs.answers, 2),
                         earliest(ours.answer_rejections, theirs.answer_rejections, 1))


@dataclass(frozen=True)
class GoldWork:
    """One article's gold: the curators' accepted spans, their rejections, the gold status, and the
    gold relations, attribute values and answers on them.

    Merged like a pair's work: the same decisions combine (later status, earliest decision of each);
    different ones conflict unless ``prefer_newer``, which keeps the gold edited last.
    """

    spans: dict[SpanRef, tuple[str, str, str]]  # → (decided_by, decided_at, origin)
    rejections: dict[SpanRef, Decision]
    status: GoldStatus
    updated_at: str | None
    structure: GoldStructure = field(default_factory=GoldStructure)  # relations, values, answers

    def decisions(self) -> tuple[frozenset[SpanRef], frozenset[SpanRef], tuple]:
        return frozenset(self.spans), frozenset(self.rejections), self.structure.decisions()


_GOLD_RANK = {GoldStatus.NOT_STARTED: 0, GoldStatus.IN_PROGRESS: 1, GoldStatus.CURATED: 2}


def settle_gold(works: list[GoldWork], prefer_newer: bool) -> GoldWork:
    """The gold that stands after merging all of ``works`` (one article), in any order.

    Raises PairConflict (positions of two clashing works) when the decisions differ and
    ``prefer_newer`` is off, or is on but a clashing work has no edit time.
    """
    return _settle(works, prefer_newer, GoldWork.decisions, _gold_newness, _combine_gold, "different gold")


def _combine_gold(ours: GoldWork, theirs: GoldWork) -> GoldWork:
    """Equal decisions: the later gold status and, per decision, the earliest one."""
    later = max(ours, theirs, key=lambda w: (w.updated_at or "", _GOLD_RANK[w.status]))
    return GoldWork(
        {ref: min(kept, theirs.spans[ref], key=lambda d: d[1]) for ref, kept in ours.spans.items()},
        {ref: min(kept, theirs.rejections[ref], key=lambda d: d[1]) for ref, kept in ours.rejections.items()},
        later.status, _latest(ours.updated_at, theirs.updated_at),
        _combine_structure(ours.structure, theirs.structure))


def _gold_newness(work: GoldWork) -> tuple:
    return (work.updated_at or "", sorted(work.spans), sorted(work.rejections), work.structure.order(),
            _GOLD_RANK[work.status])
