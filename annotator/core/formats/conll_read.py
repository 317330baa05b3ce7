"""CoNLL / IOB import: CoNLL-2003 style files, doccano's CoNLL and our own multi-column export.

Lines hold whitespace-separated columns, the token first; a blank line ends a sentence; ``-DOCSTART-``
opens a document. Which columns are tags:

- our export (its ``-DOCSTART-`` line has only ``O`` after it, or its ``.metadata.json`` is beside it):
  every column after the token, one per label (``actor``, ``actor#2``…); the metadata's ``documents``
  gives each block's article id and annotator;
- otherwise (CoNLL-2003's ``token POS chunk NER``, Label Studio's ``token -X- _ NER``, doccano's
  ``token<TAB>tag``): the last column.

Tags are decoded by one rule that reads IOB1, IOB2 and BIOES alike (BILOU's ``L-``/``U-`` too): ``B-``
and ``S-`` start a span, ``I-``/``E-`` continue one of the same label or start it (IOB1), ``E-``/``S-``
end it, ``O``, a blank line or another label end it. Without ``-DOCSTART-`` each sentence is its own
document, as doccano imports CoNLL.

Each document's text is either an article the project already has, the tokens aligned to it in order
(chosen by the metadata's article id, else by the same characters outside white space), or rebuilt
from the tokens (one space between tokens, a line break between sentences); ``how`` says which.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from annotator.core.errors import InputError
from annotator.core.model import AnnotationSet, ArticleRecord, Document, SpanRef, Status, title_from_text

EXPECTED = ("CoNLL / IOB (a token and tag columns per line, blank lines between sentences, tags O, B-, I-, "
            "E-, S- as in IOB1, IOB2 or BIOES)")
DOCSTART = "-DOCSTART-"
_TAG = re.compile(r"^(?:O|[BIESLU]-.+)$")


@dataclass
class ConllBlock:
    """One document as read: its tokens (with their lines), sentence starts and token-index spans."""

    line: int
    tokens: list[str] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)
    sentence_starts: list[int] = field(default_factory=list)
    spans: set[tuple[str, int, int]] = field(default_factory=set)


@dataclass(frozen=True)
class ConllImport:
    """The records of one file and, per document, how its text was found."""

    records: list[ArticleRecord]
    notes: list[str]


def text_key(text: str) -> str:
    """The characters outside white space: what a tokenized copy of an article still has."""
    return "".join(text.split())


def _metadata(path: Path) -> dict | None:
    beside = path.with_name(path.name + ".metadata.json")
    try:
        data = json.loads(beside.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) and data.get("format") == "conll" else None


class _Decoder:
    """Turns one tag column into spans, token by token (IOB1, IOB2, BIOES)."""

    def __init__(self, block: ConllBlock) -> None:
        self.block = block
        self.open: tuple[str, int] | None = None

    def close(self, last: int) -> None:
        if self.open is not None:
            self.block.spans.add((self.open[0], self.open[1], last))
            self.open = None

    def tag(self, tag: str, k: int) -> None:
        prefix, _, label = tag.partition("-")
        if prefix == "O":
            self.close(k - 1)
            return
        prefix = {"L": "E", "U": "S"}.get(prefix, prefix)
        if prefix in ("B", "S") or self.open is None or self.open[0] != label:
            self.close(k - 1)
            self.open = (label, k)
        if prefix in ("E", "S"):
            self.close(k)


def parse_conll(path: Path) -> tuple[list[ConllBlock], list[str] | None, list | None]:
    """The file's documents, our export's column names (None for other files) and its document list."""
    where = str(path)
    try:
        lines = path.read_bytes().decode("utf-8-sig").splitlines()
    except UnicodeDecodeError as exc:
        raise InputError(f"is not valid UTF-8 ({exc.reason}); expected {EXPECTED}", path=where) from exc
    except OSError as exc:
        raise InputError(f"cannot be read ({exc.strerror})", path=where) from exc
    metadata = _metadata(path)
    columns: list[str] | None = list(metadata["columns"]) if metadata and "columns" in metadata else None
    has_docstart = any(line.split()[:1] == [DOCSTART] for line in lines)
    blocks: list[ConllBlock] = []
    block: ConllBlock | None = None
    decoders: list[_Decoder] = []

    def end_sentence() -> None:
        if block is not None:
            for decoder in decoders:
                decoder.close(len(block.tokens) - 1)

    def start_block(number: int) -> ConllBlock:
        nonlocal decoders
        new = ConllBlock(number)
        blocks.append(new)
        decoders = []
        return new

    for number, line in enumerate(lines, start=1):
        fields = line.split()
        if not fields:
            end_sentence()
            if not has_docstart:
                block = None
            continue
        if fields[0] == DOCSTART:
            end_sentence()
            if columns is None and len(fields) > 1 and all(f == "O" for f in fields[1:]):
                columns = [f"column {n}" for n in range(1, len(fields))]
            block = start_block(number)
            continue
        if block is None:
            block = start_block(number)
        if len(fields) < 2:
            raise InputError(f"has a token but no tag; expected {EXPECTED}", path=where, line=number)
        tags = fields[1:] if columns is not None else fields[-1:]
        if columns is not None and len(tags) != len(columns):
            raise InputError(f"has {len(tags)} tag column(s), the file's first line has {len(columns)}; "
                             f"expected {EXPECTED}", path=where, line=number)
        bad = next((t for t in tags if not _TAG.match(t)), None)
        if bad is not None:
            raise InputError(f"tag {bad!r} is not O or B-/I-/E-/S-<label>; expected {EXPECTED}", path=where,
                             line=number)
        if not block.tokens or not lines[number - 2].strip():
            block.sentence_starts.append(len(block.tokens))
        while len(decoders) < len(tags):
            decoders.append(_Decoder(block))
        k = len(block.tokens)
        for decoder, tag in zip(decoders, tags, strict=False):
            decoder.tag(tag, k)
        block.tokens.append(fields[0])
        block.lines.append(number)
    end_sentence()
    documents = metadata.get("documents") if metadata else None
    return [b for b in blocks if b.tokens], columns, documents if isinstance(documents, list) else None


def _align(text: str, tokens: list[str]) -> list[tuple[int, int]] | None:
    """Each token's offsets in ``text``, in order, skipping white space between them; None if they differ."""
    offsets, pos = [], 0
    for token in tokens:
        while pos < len(text) and text[pos].isspace():
            pos += 1
        if not text.startswith(token, pos):
            return None
        offsets.append((pos, pos + len(token)))
        pos += len(token)
    return offsets


def _rebuild(block: ConllBlock) -> tuple[str, list[tuple[int, int]]]:
    starts = set(block.sentence_starts[1:])
    text, offsets = "", []
    for k, token in enumerate(block.tokens):
        if k:
            text += "\n" if k in starts else " "
        offsets.append((len(text), len(text) + len(token)))
        text += token
    return text, offsets


def read_conll_file(path: Path, annotator: str | None, articles: Mapping[str, Document]) -> ConllImport:
    """The file's documents as records, aligned to the project's ``articles`` where one matches."""
    where = str(path)
    blocks, _, documents = parse_conll(path)
    if not blocks:
        raise InputError(f"has no token lines; expected {EXPECTED}", path=where)
    if documents is not None and len(documents) != len(blocks):
        documents = None  # the metadata describes some other file
    by_key = {}
    for document in articles.values():
        by_key.setdefault(text_key(document.text), document)
    records, notes = [], []
    for n, block in enumerate(blocks):
        article_id, who = (documents[n] + [None, None])[:2] if documents else (None, None)
        who = who or annotator
        tokens_key = "".join(block.tokens)
        offsets, found, how = None, None, "text rebuilt from the tokens"
        if article_id is not None and article_id in articles:
            found = articles[article_id]
            offsets = _align(found.text, block.tokens)
            if offsets is None:
                raise InputError(f"the tokens of this document do not follow the text of article "
                                 f"{article_id!r}, which the metadata names", path=where, line=block.line)
            how = f"aligned to article {article_id} (its id)"
        elif tokens_key in by_key:
            found = by_key[tokens_key]
            offsets = _align(found.text, block.tokens)
            how = f"aligned to article {found.id} (same text)" if offsets is not None else how
            found = found if offsets is not None else None
        if found is not None and offsets is not None:
            text, title, record_id = found.text, found.title, found.id
        else:
            text, offsets = _rebuild(block)
            title, record_id = title_from_text(text), article_id
        notes.append(f"{path.name}, document {n + 1} (line {block.line}): {how}")
        spans = tuple(sorted({SpanRef(offsets[first][0], offsets[last][1], label)
                              for label, first, last in block.spans}))
        annotations: tuple[AnnotationSet, ...] = ()
        if spans:
            if not who:
                raise InputError("has tagged tokens but names no annotator: give one with --annotator NAME",
                                 path=where, line=block.line)
            annotations = (AnnotationSet(str(who), spans, Status.DONE),)
        records.append(ArticleRecord(text=text, title=title, source=path.name, id=record_id,
                                     annotations=annotations, origin=f"{where}, line {block.line}"))
    return ConllImport(records, notes)
