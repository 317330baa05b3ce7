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
from dataclasses import dataclass, field
from typing import Any

from annotator.core.errors import ConflictError, InputError
from annotator.core.formats.pack import Pack
from annotator.core.model import ArticleRecord, GoldStatus, Label, SpanRef, Status
from annotator.core.structure import CodebookSchema, StructuredCoding, coding_order

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


@dataclass(frozen=True)
class GoldWork:
    """One article's gold: the curators' accepted spans, their rejections, and the gold status.

    Merged like a pair's work: the same decisions combine (later status, earliest decision of each);
    different ones conflict unless ``prefer_newer``, which keeps the gold edited last.
    """

    spans: dict[SpanRef, tuple[str, str, str]]  # → (decided_by, decided_at, origin)
    rejections: dict[SpanRef, Decision]
    status: GoldStatus
    updated_at: str | None

    def decisions(self) -> tuple[frozenset[SpanRef], frozenset[SpanRef]]:
        return frozenset(self.spans), frozenset(self.rejections)


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
        later.status, _latest(ours.updated_at, theirs.updated_at))


def _gold_newness(work: GoldWork) -> tuple:
    return (work.updated_at or "", sorted(work.spans), sorted(work.rejections), _GOLD_RANK[work.status])
