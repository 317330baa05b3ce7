"""The values the whole application speaks in: articles, labels, spans, statuses.

Offsets are always Python code-point offsets into the stored text (``text[start:end]``), never UTF-16
units or bytes; conversion for Qt happens in ``annotator.core.text``.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from annotator.core.structure import StructuredCoding


class Status(StrEnum):
    """An annotator's progress on one article."""

    NEW = "new"
    IN_PROGRESS = "in progress"
    DONE = "done"


class GoldStatus(StrEnum):
    """Progress of adjudication on one article."""

    NOT_STARTED = "not started"
    IN_PROGRESS = "in progress"
    CURATED = "curated"


DEFAULT_LABELS: tuple[tuple[str, str, str], ...] = (
    # name, colour, shortcut key
    ("actor", "#4e79a7", "1"),
    ("mediator", "#f28e2b", "2"),
    ("demand", "#59a14f", "3"),
    ("denial", "#e15759", "4"),
)


def text_sha256(text: str) -> str:
    """SHA-256 of the text's UTF-8 bytes: the identity of an article across projects and machines."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def default_article_id(text: str) -> str:
    """A stable article id derived from the text, so the same article gets the same id everywhere."""
    return text_sha256(text)[:16]


@dataclass(frozen=True)
class Label:
    """One tag of the schema; ``key`` is the keyboard shortcut that applies it."""

    name: str
    color: str
    key: str = ""
    position: int = 0
    id: int | None = None


@dataclass(frozen=True)
class Document:
    """An imported article. ``text`` is exactly what was imported and is never rewritten."""

    id: str
    title: str
    text: str
    source: str = ""
    sha256: str = ""
    imported_at: str = ""
    meta: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)
    position: int = 0

    def __len__(self) -> int:
        return len(self.text)


@dataclass(frozen=True, order=True)
class SpanRef:
    """Where a span is and what it says, without identity: the unit imports, merges and agreement use."""

    start: int
    end: int
    label: str


@dataclass(frozen=True)
class Span:
    """A stored annotation by one annotator on one article."""

    id: int
    document_id: str
    annotator: str
    start: int
    end: int
    label: str
    created_at: str = ""
    updated_at: str = ""
    # a later fragment of a discontinuous annotation: the id of the annotation's first fragment
    fragment_of: int | None = None

    @property
    def ref(self) -> SpanRef:
        return SpanRef(self.start, self.end, self.label)

    def covered_text(self, text: str) -> str:
        """The characters this span covers in ``text``."""
        return text[self.start : self.end]


@dataclass(frozen=True)
class GoldSpan:
    """A span accepted into the gold standard, with who decided and when."""

    id: int
    document_id: str
    start: int
    end: int
    label: str
    decided_by: str
    decided_at: str
    origin: str = "curated"  # "auto" when accepted by majority vote

    @property
    def ref(self) -> SpanRef:
        return SpanRef(self.start, self.end, self.label)


@dataclass(frozen=True)
class AnnotationSet:
    """One annotator's spans on one article, as read from a file."""

    annotator: str
    spans: tuple[SpanRef, ...]
    status: Status = Status.DONE
    updated_at: str | None = None  # when the annotator last changed this work (ISO 8601), if known
    coding: StructuredCoding | None = None  # relations, attribute values, notes, article codes, if any


@dataclass(frozen=True)
class ArticleRecord:
    """An article as an importer reads it: text, identity hints and any annotations that came with it."""

    text: str
    title: str
    source: str = ""
    id: str | None = None
    meta: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)
    annotations: tuple[AnnotationSet, ...] = ()
    origin: str = ""  # "file, line N": where this record came from, for error messages

    @property
    def sha256(self) -> str:
        return text_sha256(self.text)


def title_from_text(text: str, limit: int | None = None) -> str:
    """The first non-empty line of the text without its surrounding white space.

    Kept whole by default (the article list elides long titles for display); ``limit`` trims it.
    Lines are split at LF only, the one line ending imported text keeps.
    """
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            return stripped[:limit]
    return ""
