"""Adjudication: which annotator spans go into gold by vote, and which the curator must decide.

A span is the triple (start, end, label); annotators "agree" on it only when all three are identical.
Votes are counted over the annotators who marked the article *done*: work in progress is not yet an
opinion. With ``min_votes`` unset the threshold is a strict majority of those annotators
(2 of 3, 3 of 4, 1 of 1).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from annotator.core.model import SpanRef


@dataclass(frozen=True)
class Candidate:
    """One distinct span proposed by one or more annotators, with who proposed it."""

    ref: SpanRef
    annotators: tuple[str, ...]

    @property
    def votes(self) -> int:
        return len(self.annotators)


@dataclass(frozen=True)
class ArticleAdjudication:
    """The outcome of the vote on one article."""

    document_id: str
    annotators: tuple[str, ...]  # the done annotators whose spans were counted
    min_votes: int
    accepted: tuple[Candidate, ...]  # enough votes: goes into gold automatically
    undecided: tuple[Candidate, ...]  # too few votes, not yet decided: listed for the curator


def majority(annotator_count: int) -> int:
    """Smallest number of votes that is more than half of ``annotator_count`` (at least 1)."""
    return annotator_count // 2 + 1


def candidates(annotations: Mapping[str, Iterable[SpanRef]]) -> list[Candidate]:
    """Every distinct span of the given annotators, ordered by position then label."""
    voters: dict[SpanRef, set[str]] = {}
    for annotator, refs in annotations.items():
        for ref in refs:
            voters.setdefault(ref, set()).add(annotator)
    return [Candidate(ref, tuple(sorted(names))) for ref, names in sorted(voters.items())]


def adjudicate_article(
    document_id: str,
    annotations: Mapping[str, Iterable[SpanRef]],
    min_votes: int | None = None,
    decided: Iterable[SpanRef] = (),
) -> ArticleAdjudication:
    """Split the candidates of one article into accepted-by-vote and undecided.

    ``annotations`` maps each *done* annotator to their spans. ``decided`` are spans the curator has
    already ruled on (accepted into gold or rejected): they are neither re-accepted nor listed again,
    so re-running adjudication never overrides a human decision.
    """
    names = tuple(sorted(annotations))
    threshold = majority(len(names)) if min_votes is None else min_votes
    if threshold < 1:
        raise ValueError(f"min_votes must be at least 1, got {threshold}")
    done = set(decided)
    accepted: list[Candidate] = []
    undecided: list[Candidate] = []
    for candidate in candidates(annotations):
        if candidate.ref in done:
            continue
        (accepted if candidate.votes >= threshold else undecided).append(candidate)
    return ArticleAdjudication(document_id, names, threshold, tuple(accepted), tuple(undecided))


def open_candidates(
    annotations: Mapping[str, Iterable[SpanRef]], gold: Iterable[SpanRef], rejected: Iterable[SpanRef]
) -> list[Candidate]:
    """Candidates still waiting for the curator: proposed by someone, neither in gold nor rejected."""
    closed = set(gold) | set(rejected)
    return [c for c in candidates(annotations) if c.ref not in closed]


def alternatives(chosen: SpanRef, pool: Iterable[SpanRef]) -> list[SpanRef]:
    """Other versions of the same span: same label, overlapping ``chosen``, not identical to it.

    Accepting one annotator's version of a span settles the competing versions too.
    """
    return sorted(
        ref for ref in set(pool)
        if ref != chosen and ref.label == chosen.label and ref.start < chosen.end and chosen.start < ref.end
    )
