"""brat standoff: an article as ``NAME.txt`` and its annotations as ``NAME.ann`` beside it.

Offsets in brat are code points into the ``.txt`` as brat reads it: UTF-8 with universal newlines, so a
Windows line end (CRLF) counts as one character (``brat_view``). The article is stored exactly as the
file is (never rewritten); offsets are converted between brat's view and the stored text at this
boundary, so a CRLF text round-trips byte-identical and brat reads our offsets right.

Read: text-bound lines ``T1<TAB>label start end[;start end...]<TAB>covered text``. Fragments separated
only by line breaks are one span across those lines (brat cannot hold a line break inside a fragment,
so it writes such a span that way); a truly discontinuous annotation (text between its fragments)
becomes one span per fragment, linked as one annotation (``StructuredCoding.fragments``), and is
counted so the summary can say so. Relations (R), attributes
(A, M) and notes (#) on text-bound annotations are read too (``core.formats.brat_coding``); events (E),
normalisations (N) and equivalences (*) have no place in our model: they are counted per kind and
reported, never dropped silently.
Write: the ``.txt`` byte-identical to the stored text in UTF-8, one T-line per span (per discontinuous
annotation: its fragments' pieces, in text order, on one line), split into fragments at its line breaks,
its quote the fragments' texts joined by a space: what brat's own reader checks
(``server/src/annotation.py``, ``_parse_textbound_annotation``: the quote must equal the fragments, in
the line's order, joined by ``DISCONT_SEP``, a space, and fragments must not overlap).
A line break at a span's edge has no place in brat and is left out. Then the
annotator's relations, attribute values and span notes as R, A and # lines.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from annotator.core.errors import InputError
from annotator.core.formats.brat_coding import read_structured_lines, structured_lines
from annotator.core.model import AnnotationSet, ArticleRecord, SpanRef, Status, title_from_text
from annotator.core.structure import StructuredCoding

UNSUPPORTED_KINDS = {
    "E": "event",
    "N": "normalisation",
    "*": "equivalence",
}
STRUCTURED_KINDS = "RAM#"  # relations, attributes (M: brat's older name) and notes
_T_ID = re.compile(r"T\S*")
_LINE_BREAKS = "\r\n"
_FRAGMENT = re.compile(r"([0-9]{1,15}) ([0-9]{1,15})")  # ASCII: \\d takes "٤"; long: int() limit


@dataclass
class BratSummary:
    """What reading brat files found besides plain spans: discontinuous spans and skipped lines."""

    discontinuous: int = 0  # T-lines with text between their fragments (one span each, linked)
    fragments: int = 0  # spans made from those fragments
    unsupported: Counter[str] = field(default_factory=Counter)  # kind name → number of lines

    def add(self, other: BratSummary) -> None:
        self.discontinuous += other.discontinuous
        self.fragments += other.fragments
        self.unsupported.update(other.unsupported)

    def notes(self) -> list[str]:
        """Sentences for the import summary; empty when there was nothing out of the ordinary."""
        notes = []
        if self.discontinuous:
            notes.append(f"{self.discontinuous} discontinuous brat annotation(s) kept as one annotation "
                         f"each, in {self.fragments} linked span(s), one per fragment")
        if self.unsupported:
            kinds = ", ".join(f"{n} {kind}(s)" for kind, n in sorted(self.unsupported.items()))
            notes.append(f"not imported (no place for them in this project): {kinds}")
        return notes


@dataclass(frozen=True)
class BratDocument:
    """One ``.txt``/``.ann`` pair as read: the article with its spans, and what was not imported."""

    record: ArticleRecord
    summary: BratSummary


def read_brat_text(txt_path: Path) -> str:
    """The ``.txt`` as stored, decoded as UTF-8; a byte-order mark stays a character, as brat counts it."""
    try:
        data = txt_path.read_bytes()
    except FileNotFoundError:
        raise InputError("no such file", path=str(txt_path)) from None
    except OSError as exc:
        raise InputError(f"cannot be read ({exc.strerror})", path=str(txt_path)) from exc
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise InputError(f"is not valid UTF-8 ({exc.reason}); brat offsets need the exact text",
                         path=str(txt_path), line=line) from exc


def read_brat(txt_path: Path, ann_path: Path | None, annotator: str | None) -> BratDocument:
    """Read one article and its annotations; raise InputError naming the file and line on any fault.

    ``ann_path`` may be None (or a missing file) for an article nobody annotated. The article id is the
    file name without ``.txt``. ``annotator`` is required when the ``.ann`` has text-bound lines, since
    brat does not record who annotated.
    """
    if ann_path is not None and not txt_path.exists():
        raise InputError(f"has no matching text file {txt_path.name} beside it (brat needs both)",
                         path=str(ann_path))
    text = read_brat_text(txt_path)
    summary = BratSummary()
    spans: list[SpanRef] = []
    coding = StructuredCoding()
    if ann_path is not None and ann_path.exists():
        spans, coding = _read_ann(ann_path, text, summary)
    annotations: tuple[AnnotationSet, ...] = ()
    if spans:
        if not annotator:
            raise InputError("has annotations but brat does not say who made them; give --annotator NAME",
                             path=str(ann_path))
        annotations = (AnnotationSet(annotator=annotator, spans=tuple(sorted(set(spans))),
                                     status=Status.DONE, coding=coding or None),)
    record = ArticleRecord(
        text=text,
        title=title_from_text(text) or txt_path.stem,
        source=str(txt_path),
        id=txt_path.stem,
        annotations=annotations,
        origin=str(ann_path or txt_path),
    )
    return BratDocument(record, summary)


def _read_ann(ann_path: Path, text: str, summary: BratSummary) -> tuple[list[SpanRef], StructuredCoding]:
    try:
        content = ann_path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"is not valid UTF-8 ({exc.reason})", path=str(ann_path)) from exc
    except OSError as exc:
        raise InputError(f"cannot be read ({exc.strerror})", path=str(ann_path)) from exc
    spans: list[SpanRef] = []
    groups: set[tuple[SpanRef, ...]] = set()  # the fragments of each discontinuous annotation
    by_id: dict[str, SpanRef] = {}  # T id → its span (a discontinuous one's first fragment)
    known: set[str] = set()
    structured: list[tuple[int, str]] = []
    # brat writes \n only; split on it alone so a stray \r inside covered text is not a line break
    for number, line in enumerate(content.split("\n"), start=1):
        line = line.removesuffix("\r")
        if not line.strip():
            continue
        kind = line[0]
        if kind == "T":
            fragments = _parse_t_line(line, text, str(ann_path), number)
            if len(fragments) > 1:
                summary.discontinuous += 1
                summary.fragments += len(fragments)
                groups.add(tuple(fragments))
            spans.extend(fragments)
            by_id[line.split("\t", 1)[0]] = fragments[0]
        elif kind in STRUCTURED_KINDS:
            structured.append((number, line))
        elif kind in UNSUPPORTED_KINDS:
            summary.unsupported[UNSUPPORTED_KINDS[kind]] += 1
            known.add(line.split("\t", 1)[0])
        else:
            raise InputError(f"unknown brat line type {kind!r} (expected T, R, E, A, M, N, # or *)",
                             path=str(ann_path), line=number)
    known |= by_id.keys()
    coding = read_structured_lines(structured, by_id, known, str(ann_path), summary.unsupported)
    return spans, replace(coding, fragments=frozenset(groups))


def _parse_t_line(line: str, text: str, path: str, number: int) -> list[SpanRef]:
    """The spans of one T-line, checked against the text."""
    parts = line.split("\t")
    if len(parts) < 2 or not _T_ID.fullmatch(parts[0]):
        raise InputError("malformed text-bound line: expected 'T<id><TAB>label start end<TAB>text'",
                         path=path, line=number)
    label, _, offsets = parts[1].partition(" ")
    if not label or not offsets:
        raise InputError(f"malformed text-bound line {parts[0]}: expected 'label start end', got "
                         f"{parts[1]!r}", path=path, line=number)
    view = brat_view(text)
    fragments: list[tuple[int, int]] = []
    for fragment in offsets.split(";"):
        match = _FRAGMENT.fullmatch(fragment.strip())
        if not match:
            raise InputError(f"{parts[0]}: offsets {fragment!r} are not 'start end' whole numbers "
                             "(ASCII digits, at most 15)",
                             path=path, line=number)
        start, end = int(match.group(1)), int(match.group(2))
        if not start < end:
            raise InputError(f"{parts[0]}: start {start} is not before end {end}", path=path, line=number)
        if end > len(text):
            raise InputError(f"{parts[0]}: offsets {start} {end} are past the end of the text "
                             f"({len(view.text)} characters)", path=path, line=number)
        fragments.append((start, end))
    if len(parts) >= 3:
        quoted = _one_line("\t".join(parts[2:]))
        if not _quotes(view.text, fragments, quoted):
            if view.converted and _quotes(text, fragments, quoted):
                # counted in the stored text, CRLF as two (older annotator exports, some tools): kept
                stored = _join_across_line_breaks(text, fragments)
                return [SpanRef(start, end, label) for start, end in stored]
            covered = _one_line(" ".join(view.text[start:end] for start, end in fragments))
            hint = ("the .txt has Windows line ends (CRLF), which brat counts as one character each, "
                    "as this import does; were the offsets counted another way?" if view.converted else
                    "wrong text file, or offsets not in code points?")
            raise InputError(f"{parts[0]}: the line quotes {quoted!r} but the .txt has {covered!r} at "
                             f"{offsets} ({hint})", path=path, line=number)
    if any(end > len(view.text) for _start, end in fragments):
        raise InputError(f"{parts[0]}: offsets {offsets} are past the end of the text "
                         f"({len(view.text)} characters as brat counts them)", path=path, line=number)
    return [SpanRef(view.to_stored(start), view.to_stored(end), label)
            for start, end in _join_across_line_breaks(view.text, fragments)]


def _quotes(text: str, fragments: list[tuple[int, int]], quoted: str) -> bool:
    """True if the fragments of ``text`` joined by a space read as ``quoted`` (brat's own check)."""
    return all(end <= len(text) for _start, end in fragments) and quoted == _one_line(
        " ".join(text[start:end] for start, end in fragments))


def _join_across_line_breaks(text: str, fragments: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Fragments in text order, each run separated only by line breaks made one (a span across lines)."""
    joined: list[tuple[int, int]] = []
    for start, end in sorted(fragments):
        if joined and joined[-1][1] <= start and _only_line_breaks(text[joined[-1][1]:start]):
            joined[-1] = (joined[-1][0], max(end, joined[-1][1]))
        else:
            joined.append((start, end))
    return joined


def _only_line_breaks(gap: str) -> bool:
    return bool(gap) and not gap.strip("\r\n")


@dataclass(frozen=True)
class BratView:
    """A stored text as brat reads it (universal newlines), and the way back to stored offsets."""

    text: str
    stored: tuple[int, ...] | None  # brat offset → stored offset; None when the two are the same text

    @property
    def converted(self) -> bool:
        return self.stored is not None

    def to_stored(self, offset: int) -> int:
        return offset if self.stored is None else self.stored[offset]

    def from_stored(self, offset: int) -> int:
        """The brat offset of a stored offset (one inside a CRLF falls after its line break)."""
        if self.stored is None:
            return offset
        return bisect_left(self.stored, offset)


def brat_view(text: str) -> BratView:
    """``text`` as brat's reader sees it: CRLF and lone CR become one LF (Python's universal newlines).

    Hand-written because the offsets must map both ways; the rule itself is the io module's.
    """
    if "\r" not in text:
        return BratView(text, None)
    view: list[str] = []
    stored: list[int] = []  # where each of brat's characters starts in the stored text
    index = 0
    while index < len(text):
        char = text[index]
        view.append("\n" if char == "\r" else char)
        stored.append(index)
        index += 2 if text.startswith("\r\n", index) else 1
    stored.append(len(text))
    return BratView("".join(view), tuple(stored))


def _one_line(quote: str) -> str:
    """A quote as it can stand in one .ann line: line breaks become spaces (as brat writes them)."""
    return quote.replace("\r", " ").replace("\n", " ")


def ann_lines(text: str, spans: Iterable[SpanRef], coding: StructuredCoding | None = None) -> str:
    """The ``.ann`` content for ``spans`` on ``text``: one T-line each (one for all the fragments of a
    discontinuous annotation of ``coding``), numbered in text order, then the R, A and # lines of
    ``coding`` (whose spans are among ``spans``)."""
    spans = set(spans)
    view = brat_view(text)
    held_of = {span: brat_span(text, span) for span in spans}
    entry_of: dict[SpanRef, tuple[SpanRef, ...]] = {}  # span → the T-line's spans as brat holds them
    for group in sorted(coding.fragments if coding else ()):
        members = [span for span in group if held_of.get(span) is not None]
        entry = tuple(sorted({held_of[span] for span in members}))  # type: ignore[type-var]
        entry_of.update((span, entry) for span in members if entry)
    for span, held in held_of.items():
        if held is not None and span not in entry_of:
            entry_of[span] = (held,)
    entries = sorted(set(entry_of.values()))
    number = {entry: f"T{n}" for n, entry in enumerate(entries, start=1)}
    lines = [f"{number[entry]}\t{t_line_body(view, entry)}\n" for entry in entries]
    # the coding names the stored spans; a span written trimmed keeps its id, one not written has none
    ids = {span: number[entry] for span, entry in entry_of.items()}
    lines += structured_lines(ids, coding, _one_line)
    return "".join(lines)


def brat_span(text: str, span: SpanRef) -> SpanRef | None:
    """``span`` as brat can hold it: without line breaks at its edges (None if it is nothing else)."""
    start, end = span.start, span.end
    while start < end and text[start] in _LINE_BREAKS:
        start += 1
    while end > start and text[end - 1] in _LINE_BREAKS:
        end -= 1
    if start == end:
        return None
    return span if (start, end) == (span.start, span.end) else SpanRef(start, end, span.label)


def t_line_body(view: BratView, spans: Sequence[SpanRef]) -> str:
    """``label start end[;start end…]<TAB>quote`` for one annotation (one span, or the fragments of a
    discontinuous one, in text order; the label is the first's), in brat's offsets, split at line breaks.

    brat refuses fragments that overlap, so overlapping pieces are written as one."""
    pieces: list[tuple[int, int]] = []
    for span in spans:
        start, end = view.from_stored(span.start), view.from_stored(span.end)
        for a, b in brat_fragments(view.text, start, end):
            if pieces and a < pieces[-1][1]:
                pieces[-1] = (pieces[-1][0], max(b, pieces[-1][1]))
            else:
                pieces.append((a, b))
    offsets = ";".join(f"{a} {b}" for a, b in pieces)
    quote = " ".join(view.text[a:b] for a, b in pieces)
    return f"{spans[0].label} {offsets}\t{_one_line(quote)}"


def brat_fragments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """``text[start:end]`` as brat can hold it: the pieces between its line breaks (none for a span of
    line breaks only)."""
    fragments = []
    position = start
    for piece in text[start:end].split("\n"):
        if piece:
            fragments.append((position, position + len(piece)))
        position += len(piece) + 1
    return fragments




def write_brat(directory: Path, name: str, text: str, spans: Iterable[SpanRef],
               coding: StructuredCoding | None = None) -> tuple[Path, Path]:
    """Write ``NAME.txt`` (the text's exact UTF-8 bytes) and ``NAME.ann``; returns both paths.

    A span across lines is written as one fragment per line, as brat itself writes it, a discontinuous
    annotation of ``coding`` as one T-line of all its fragments, and offsets
    count a CRLF as one character, as brat reads the ``.txt``.
    """
    txt_path = directory / f"{name}.txt"
    ann_path = directory / f"{name}.ann"
    txt_path.write_bytes(text.encode("utf-8"))
    ann_path.write_bytes(ann_lines(text, spans, coding).encode("utf-8"))
    return txt_path, ann_path
