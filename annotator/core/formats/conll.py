"""CoNLL-style BIO files: one token per line, a tag column per label, ``-DOCSTART-`` per article.

Tokens are runs of letters, digits and combining marks (so Arabic words keep their diacritics), and
every other non-space character is a token of its own. Tokens are also cut at every span edge, so a
span that starts or ends inside a word (the clitic و or ال) still covers whole tokens and is not lost.

Layout::

    -DOCSTART- O O
    <blank>
    قال O O
    الرئيس B-actor O
    ...
    <blank>            (between sentences and paragraphs, never inside a span)

One tag column per label, in the labels' order; when spans of one label overlap each other, that
label gets further columns (``actor``, ``actor#2``…) so no span shares a column with one it overlaps.
A span made only of white space has no token and is reported, not silently left out.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import IO

from annotator.core.model import ArticleRecord, SpanRef


def _combining_marks() -> str:
    """A regex class body of every combining mark in the Basic Multilingual Plane."""
    marks = [chr(c) for c in range(0x300, 0x10000) if unicodedata.category(chr(c)).startswith("M")]
    return "".join(re.escape(m) for m in marks)


_TOKEN = re.compile(rf"[\w{_combining_marks()}]+|[^\w\s]")
_SENTENCE_END = frozenset(".!?؟۔…")
DOCSTART = "-DOCSTART-"


@dataclass(frozen=True)
class Unrepresentable:
    """A span that has no token in CoNLL (it covers only white space)."""

    article_id: str
    annotator: str
    span: SpanRef


@dataclass
class ConllSummary:
    """What a CoNLL export wrote."""

    columns: list[str] = field(default_factory=list)
    documents: int = 0
    tokens: int = 0
    spans: int = 0
    unrepresentable: list[Unrepresentable] = field(default_factory=list)


def tokenize(text: str, cuts: Iterable[int] = ()) -> list[tuple[int, int]]:
    """Token (start, end) offsets: words and single punctuation marks, also cut at each of ``cuts``.

    The text is scanned piece by piece between cut points, so a word with a cut inside comes out as
    two tokens, exactly as if it had been split afterwards.
    """
    edges = [0, *sorted({c for c in cuts if 0 < c < len(text)}), len(text)]
    finditer = _TOKEN.finditer
    tokens: list[tuple[int, int]] = []
    for start, end in itertools.pairwise(edges):
        tokens.extend(m.span() for m in finditer(text, start, end))
    return tokens


def token_range(tokens_starts: list[int], token_ends: list[int], span: SpanRef) -> tuple[int, int] | None:
    """Indexes of the first and last token inside ``span`` (tokens must already be cut at its edges)."""
    first = bisect_left(tokens_starts, span.start)
    last = bisect_right(token_ends, span.end) - 1
    return (first, last) if first <= last else None


def _columns_for(spans: list[SpanRef]) -> list[int]:
    """Column number within its label for each span (greedy interval colouring, same order as given)."""
    column = [0] * len(spans)
    ends_by_label: dict[str, list[int]] = {}
    for i in sorted(range(len(spans)), key=lambda i: (spans[i].start, -spans[i].end)):
        span = spans[i]
        ends = ends_by_label.setdefault(span.label, [])
        for c, end in enumerate(ends):
            if end <= span.start:
                ends[c] = span.end
                column[i] = c
                break
        else:
            ends.append(span.end)
            column[i] = len(ends) - 1
    return column


def conll_columns(records: Iterable[ArticleRecord], labels: Iterable[str]) -> list[tuple[str, int]]:
    """The tag columns needed: (label, depth) for each label, plus deeper ones where spans overlap."""
    depth = {label: 1 for label in labels}
    for record in records:
        for annotation in record.annotations:
            spans = list(annotation.spans)
            for span, column in zip(spans, _columns_for(spans), strict=True):
                depth[span.label] = max(depth.get(span.label, 1), column + 1)
    return [(label, n) for label, count in depth.items() for n in range(count)]


def column_name(label: str, depth: int) -> str:
    return label if depth == 0 else f"{label}#{depth + 1}"


def write_conll(
    records: Iterable[ArticleRecord], out: IO[str], labels: Iterable[str] = ()
) -> ConllSummary:
    """Write one ``-DOCSTART-`` block per (article, annotator); returns the column names and counts.

    ``labels`` fixes the column order (the project's labels); labels found only in the data follow.
    """
    records = list(records)
    columns = conll_columns(records, labels)
    index = {column: n for n, column in enumerate(columns)}
    summary = ConllSummary(columns=[column_name(label, depth) for label, depth in columns])
    no_tags = "".join(" O" for _ in columns)
    for record in records:
        text = record.text
        for annotation in record.annotations:
            spans = list(annotation.spans)
            tokens = tokenize(text, (p for s in spans for p in (s.start, s.end)))
            starts = [s for s, _ in tokens]
            ends = [e for _, e in tokens]
            tagged: dict[int, list[str]] = {}  # token index → its tag columns, for tokens in a span
            joined: set[int] = set()  # token k where a sentence break before k would cut a span
            for span, depth in zip(spans, _columns_for(spans), strict=True):
                found = token_range(starts, ends, span)
                if found is None:
                    summary.unrepresentable.append(
                        Unrepresentable(record.id or "", annotation.annotator, span))
                    continue
                first, last = found
                column = index[(span.label, depth)]
                for k in range(first, last + 1):
                    row = tagged.get(k)
                    if row is None:
                        row = tagged[k] = ["O"] * len(columns)
                    row[column] = f"{'B' if k == first else 'I'}-{span.label}"
                joined.update(range(first + 1, last + 1))
                summary.spans += 1
            lines = [DOCSTART + no_tags, ""]
            previous_start = previous_end = 0
            for k, (start, end) in enumerate(tokens):
                if k and k not in joined and (
                    (previous_end - previous_start == 1 and text[previous_start] in _SENTENCE_END)
                    or "\n" in text[previous_end:start]
                ):
                    lines.append("")
                row = tagged.get(k)
                lines.append(text[start:end] + (" " + " ".join(row) if row else no_tags))
                previous_start, previous_end = start, end
            lines.append("\n")
            out.write("\n".join(lines))
            summary.documents += 1
            summary.tokens += len(tokens)
    return summary


@dataclass(frozen=True)
class ConllDocument:
    """One ``-DOCSTART-`` block read back: its tokens and its spans as (label, first, last) token indexes."""

    tokens: tuple[str, ...]
    spans: frozenset[tuple[str, int, int]]


def read_conll(text: str) -> list[ConllDocument]:
    """Parse BIO columns back into token-index spans (an ``I-`` after ``O`` starts a span, as in IOB1)."""
    documents: list[ConllDocument] = []
    tokens: list[str] = []
    spans: set[tuple[str, int, int]] = set()
    open_: dict[int, tuple[str, int]] = {}

    def close(column: int) -> None:
        label, first = open_.pop(column)
        spans.add((label, first, len(tokens) - 1))

    def finish() -> None:
        for column in list(open_):
            close(column)

    started = False
    for line in text.split("\n"):
        if not line.strip():
            continue  # sentence breaks never fall inside a span, so spans simply continue
        fields = line.split(" ")
        if fields[0] == DOCSTART:
            if started:
                finish()
                documents.append(ConllDocument(tuple(tokens), frozenset(spans)))
            tokens, spans, open_ = [], set(), {}
            started = True
            continue
        for column, tag in enumerate(fields[1:]):
            prefix, _, label = tag.partition("-")
            current = open_.get(column)
            if current is not None and (prefix != "I" or label != current[0]):
                close(column)
            if prefix == "B" or (prefix == "I" and column not in open_):
                open_[column] = (label, len(tokens))
        tokens.append(fields[0])
    if started:
        finish()
        documents.append(ConllDocument(tuple(tokens), frozenset(spans)))
    return documents
