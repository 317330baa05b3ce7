"""WebAnno TSV 3 (``#FORMAT=WebAnno TSV 3.x``), INCEpTION's and WebAnno's tab-separated export: read.

Shape (from the format's documentation): header lines ``#T_SP=<layer>|<feature>|…`` (span layers),
``#T_CH=…`` (chains) and ``#T_RL=…`` (relations) declare, in order, one column per feature (a span layer
without features still has one); then per sentence ``#Text=<sentence>`` lines and one line per token,
``<sentence>-<token>`` (``.n`` for sub-tokens), ``<begin>-<end>`` and the token's text, then the feature
columns. ``_`` is empty, ``*`` an annotation without a value; stacked annotations are separated by
``|``, and ``[n]`` joins the tokens of one multi-token annotation. Offsets count UTF-16 units into the
document: the text is rebuilt from the ``#Text`` lines at their offsets (a gap between sentences becomes
line breaks) and the offsets are converted once, with ``Utf16Map``; each token must equal its text.
"""

from __future__ import annotations

import re
from pathlib import Path

from annotator.core.errors import InputError
from annotator.core.formats.xmi import XmiMapping
from annotator.core.model import AnnotationSet, ArticleRecord, SpanRef, Status, title_from_text
from annotator.core.text import Utf16Map

EXPECTED = "WebAnno TSV 3 (a '#FORMAT=WebAnno TSV 3' line, '#T_SP=' layers, '#Text=' sentences, token lines)"
_UNESCAPE = re.compile(r"\\(.)")
_ITEM = re.compile(r"^(.*?)(?:\[(\d+)(?:_\d+)?\])?$", re.S)


def is_webanno_tsv(path: Path) -> bool:
    """True when the file starts with WebAnno's ``#FORMAT=WebAnno TSV 3`` line."""
    try:
        with path.open("rb") as f:
            return f.read(64).lstrip(b"\xef\xbb\xbf").startswith(b"#FORMAT=WebAnno TSV 3")
    except OSError:
        return False


def _split_unescaped(value: str, sep: str) -> list[str]:
    return re.split(rf"(?<!\\){re.escape(sep)}", value)


def read_webanno_tsv(path: Path, annotator: str | None, mapping: XmiMapping | None = None) -> ArticleRecord:
    """One article; InputError names the file and line for a bad header, column count, offset or token."""
    where = str(path)
    mapping = mapping or XmiMapping()
    try:
        lines = path.read_bytes().decode("utf-8-sig").replace("\r\n", "\n").split("\n")
    except UnicodeDecodeError as exc:
        raise InputError(f"is not valid UTF-8 ({exc.reason}); expected {EXPECTED}", path=where) from exc
    if not lines[0].startswith("#FORMAT=WebAnno TSV 3"):
        raise InputError(f"does not start with '#FORMAT=WebAnno TSV 3'; expected {EXPECTED}", path=where,
                         line=1)
    column = None
    n_columns = 0
    sentences: list[tuple[int, str]] = []  # (UTF-16 start, text)
    pending: list[str] = []
    tokens: list[tuple[int, int, int, str, str]] = []  # (line, begin, end, token, cell)
    for number, line in enumerate(lines[1:], start=2):
        if line.startswith(("#T_SP=", "#T_CH=", "#T_RL=")):
            layer, *features = line[6:].split("|")
            if line.startswith("#T_SP=") and layer == mapping.layer and mapping.feature in features:
                column = n_columns + features.index(mapping.feature)
            n_columns += max(1, len(features)) if line.startswith("#T_SP=") else len(features)
        elif line.startswith("#Text="):
            pending.append(_UNESCAPE.sub(r"\1", line[6:]))
        elif line.startswith("#") or not line.strip():
            continue
        else:
            cells = line.split("\t")
            if len(cells) < 3 + n_columns:
                raise InputError(f"has {len(cells)} columns, the header declares {3 + n_columns}; "
                                 f"expected {EXPECTED}", path=where, line=number)
            try:
                begin, end = (int(x) for x in cells[1].split("-"))
            except ValueError:
                raise InputError(f"offsets {cells[1]!r} are not <begin>-<end>", path=where,
                                 line=number) from None
            if pending:
                sentences.append((begin, "\n".join(pending)))
                pending = []
            tokens.append((number, begin, end, _UNESCAPE.sub(r"\1", cells[2]),
                           cells[3 + column] if column is not None else "_"))
    if column is None:
        raise InputError(f"declares no layer {mapping.layer} with feature {mapping.feature!r} "
                         "(choose one with --xmi-layer / --xmi-feature)", path=where)
    text, utf16 = "", 0
    for start, sentence in sentences:
        if start < utf16:
            raise InputError("sentences overlap (their offsets go backwards)", path=where)
        text += "\n" * (start - utf16) + sentence
        utf16 = start + Utf16Map(sentence).utf16_length
    if not text.strip():
        raise InputError(f"has no '#Text=' sentences; expected {EXPECTED}", path=where)
    offsets = Utf16Map(text)
    groups: dict[str, list[int]] = {}
    spans: set[SpanRef] = set()
    for number, begin, end, token, cell in tokens:
        start, stop = offsets.to_codepoint(begin), offsets.to_codepoint(end)
        if stop > len(text) or text[start:stop] != token:
            raise InputError(f"token {token!r} at {begin}-{end} does not match the #Text there "
                             f"({text[start:stop]!r})", path=where, line=number)
        if cell in ("_", ""):
            continue
        for item in _split_unescaped(cell, "|"):
            label, ref = _ITEM.match(item).groups()
            label = _UNESCAPE.sub(r"\1", label)
            if label in ("*", "_", ""):
                continue
            if ref is None:
                spans.add(SpanRef(start, stop, label))
            else:
                edges = groups.setdefault(f"{label}\x1f{ref}", [start, stop])
                edges[0], edges[1] = min(edges[0], start), max(edges[1], stop)
    for key, (start, stop) in groups.items():
        spans.add(SpanRef(start, stop, key.split("\x1f")[0]))
    annotations: tuple[AnnotationSet, ...] = ()
    if spans:
        if not annotator:
            raise InputError("has spans but names no annotator: give one with --annotator NAME", path=where)
        annotations = (AnnotationSet(annotator, tuple(sorted(spans)), Status.DONE),)
    return ArticleRecord(text=text, title=title_from_text(text), source=path.name, annotations=annotations,
                         origin=where)
