"""JSONL articles, one per line, in the shape spaCy/Prodigy and doccano users already have.

Read: ``{"text": ..., "meta": {"id", "title", "source", ...}, "annotator": ..., "status": ...,
"spans": [{"start", "end", "label", "text"?}]}``; doccano's ``"label": [[start, end, label], ...]`` and
``"entities": [{"start_offset", "end_offset", "label"}]`` are read too. Prodigy records whose
``"answer"`` is not ``"accept"`` are skipped and counted, a span answered ``reject`` is left out, the
annotator comes from ``_annotator_id`` / ``_session_id`` and a binary ``ner.teach`` answer is work in
progress (``core.formats.prodigy``). Write: the same shape, one line per (article, annotator).
Relations, span attributes and notes, article codes and notes: ``annotator.core.formats.jsonl_coding``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

from annotator.core.errors import InputError
from annotator.core.formats.jsonl_coding import coding_to_json, read_coding
from annotator.core.formats.prodigy import ProdigyCounts, is_binary, session_annotator, span_rejected
from annotator.core.formats.untrusted import blank, load_json
from annotator.core.model import AnnotationSet, ArticleRecord, SpanRef, Status, title_from_text


def read_jsonl(path: Path, default_annotator: str | None = None,
               notes: list[str] | None = None) -> Iterator[ArticleRecord]:
    """Yield one ArticleRecord per non-empty line; raise InputError naming the line on any fault.

    Streams: one line is in memory at a time, so a corpus of any size is read in constant memory
    (the caller's transaction makes the import all-or-nothing, whichever line is bad). What Prodigy's
    answers left out is added to ``notes`` once the file is read.
    """
    counts = ProdigyCounts()
    try:
        handle = path.open("rb")
    except OSError as exc:
        raise InputError(f"cannot be read ({exc.strerror})", path=str(path)) from exc
    with handle:
        empty = True
        for number, raw in enumerate(_lines(handle, path), start=1):
            try:
                line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
            except UnicodeDecodeError as exc:
                raise InputError(f"is not valid UTF-8 ({exc.reason})", path=str(path), line=number) from exc
            if not line.strip():
                continue
            empty = False
            obj = load_json(line, lambda msg, n=number: InputError(msg, path=str(path), line=n))
            if not isinstance(obj, dict):
                raise InputError("expected a JSON object per line", path=str(path), line=number)
            if "answer" in obj and obj["answer"] != "accept":
                answer = str(obj["answer"])
                counts.skipped[answer] = counts.skipped.get(answer, 0) + 1
                continue
            yield parse_record(obj, f"{path}, line {number}", default_annotator,
                               error=lambda msg, n=number: InputError(msg, path=str(path), line=n),
                               counts=counts, dataset=path.stem)
        if empty:
            raise InputError("the file is empty", path=str(path))
    if notes is not None:
        notes.extend(counts.notes(path.name))


def _lines(handle: IO[bytes], path: Path) -> Iterator[bytes]:
    """The file's lines split on \\n only (as str.split did: other line breaks may sit inside text)."""
    try:
        yield from handle
    except OSError as exc:
        raise InputError(f"cannot be read ({exc.strerror})", path=str(path)) from exc


def parse_record(obj: dict[str, Any], origin: str, default_annotator: str | None, error,
                 counts: ProdigyCounts | None = None, dataset: str | None = None) -> ArticleRecord:
    """Turn one decoded JSON object into an ArticleRecord, checking every span against the text.

    ``counts`` (Prodigy files) collects rejected spans and binary answers; ``dataset`` is the name a
    Prodigy session id may begin with.
    """
    text = obj.get("text")
    if not isinstance(text, str):
        raise error('missing "text" (every record needs the article text as a string)')
    if not text:
        raise error('"text" is empty')
    if not text.strip():
        raise error('"text" holds only white space (an article needs some words)')
    meta = obj.get("meta") or {}
    if not isinstance(meta, dict):
        raise error('"meta" must be an object')
    spans = _read_spans(obj, text, error, counts)
    session = session_annotator(obj, dataset)
    coding = read_coding(obj, spans or [], error)
    if coding and spans is None:
        spans = []
    if spans == [] and not coding and "annotator" not in obj and "status" not in obj and session is None:
        # doccano writes `"label": []` on every record nobody has annotated: that is an article to import,
        # not someone's finished work with nothing in it (which names its annotator, as export does).
        spans = None
    annotations: tuple[AnnotationSet, ...] = ()
    if spans is not None:
        annotator = obj.get("annotator") or session or default_annotator
        if blank(annotator):
            raise error('has spans or codes but no "annotator" field; give one with --annotator NAME')
        binary = counts is not None and "status" not in obj and is_binary(obj)
        if binary:
            counts.binary += 1
        status_value = obj.get("status", (Status.IN_PROGRESS if binary else Status.DONE).value)
        try:
            status = Status(status_value)
        except ValueError:
            allowed = ", ".join(s.value for s in Status)
            raise error(f'unknown "status" {status_value!r} (use one of: {allowed})') from None
        annotations = (AnnotationSet(annotator=annotator, spans=tuple(spans), status=status,
                                     updated_at=_read_updated_at(obj, error), coding=coding),)
    article_id = meta.get("id", obj.get("id"))
    return ArticleRecord(
        text=text,
        title=str(meta.get("title") or title_from_text(text)),
        source=str(meta.get("source") or ""),
        id=str(article_id) if article_id is not None else None,
        meta={k: v for k, v in meta.items() if k not in ("id", "title", "source")},
        annotations=annotations,
        origin=origin,
    )


def _read_updated_at(obj: dict[str, Any], error) -> str | None:
    """The optional ``updated_at`` (ISO 8601 with a time zone): lets ``merge --prefer newer`` use JSONL."""
    value = obj.get("updated_at")
    if value is None or value == "":  # packs write "" for work whose time is unknown
        return None
    try:
        moment = datetime.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        moment = None
    if moment is None or moment.tzinfo is None:
        raise error(f'"updated_at" must be an ISO 8601 time with a time zone, such as '
                    f'"2026-11-23T09:30:00+00:00"; got {value!r}')
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def _read_spans(obj: dict[str, Any], text: str, error,
                counts: ProdigyCounts | None = None) -> list[SpanRef] | None:
    """The record's spans in any supported spelling, or None when it carries no annotation field."""
    if "spans" in obj:
        items = obj["spans"]
        if not isinstance(items, list):
            raise error('"spans" must be a list')
        triples = []
        for n, item in enumerate(items, start=1):
            if not isinstance(item, dict) or not {"start", "end", "label"} <= item.keys():
                raise error(f'span {n} needs "start", "end" and "label"')
            if span_rejected(item):
                if counts is not None:
                    counts.rejected_spans += 1
                continue
            triples.append((item["start"], item["end"], item["label"], item.get("text"), n))
    elif isinstance(obj.get("label"), list):
        triples = []
        for n, item in enumerate(obj["label"], start=1):
            if not isinstance(item, list) or len(item) != 3:
                raise error(f'doccano "label" entry {n} must be [start, end, "label"]')
            triples.append((item[0], item[1], item[2], None, n))
    elif isinstance(obj.get("entities"), list):
        triples = []
        for n, item in enumerate(obj["entities"], start=1):
            if not isinstance(item, dict) or not {"start_offset", "end_offset", "label"} <= item.keys():
                raise error(f'doccano entity {n} needs "start_offset", "end_offset" and "label"')
            triples.append((item["start_offset"], item["end_offset"], item["label"], None, n))
    else:
        return None
    spans = []
    for start, end, label, quoted, n in triples:
        if not (isinstance(start, int) and isinstance(end, int)) or isinstance(start, bool) \
                or isinstance(end, bool):
            raise error(f"span {n}: start and end must be whole numbers, got {start!r} and {end!r}")
        if blank(label):
            raise error(f"span {n}: label must be a non-empty string (not only white space)")
        if not 0 <= start < end <= len(text):
            raise error(f"span {n} ({start}-{end}, {label}) is outside the text (length {len(text)}) "
                        "or has start >= end")
        if quoted is not None and quoted != text[start:end]:
            raise error(f'span {n} ({start}-{end}): "text" is {quoted!r} but the article has '
                        f"{text[start:end]!r} there (offsets must be Python code points)")
        spans.append(SpanRef(start, end, label))
    return spans


def record_to_json(record: ArticleRecord, annotation: AnnotationSet | None) -> dict[str, Any]:
    """The JSON object for one (article, annotator) line; ``annotation=None`` for unannotated articles."""
    meta = {"id": record.id, "title": record.title, "source": record.source, **record.meta}
    obj: dict[str, Any] = {"text": record.text, "meta": meta}
    if annotation is not None:
        obj["annotator"] = annotation.annotator
        obj["status"] = annotation.status.value
        if annotation.updated_at is not None:
            obj["updated_at"] = annotation.updated_at
        spans = sorted(annotation.spans)
        obj["spans"] = [
            {"start": s.start, "end": s.end, "label": s.label, "text": record.text[s.start : s.end]}
            for s in spans
        ]
        coding_to_json(obj, spans, annotation.coding)
    return obj


def write_jsonl(records: Iterable[ArticleRecord], out: IO[str]) -> int:
    """Write one line per (article, annotator), and one without annotator for unannotated articles.

    Returns the number of lines written.
    """
    lines = 0
    for record in records:
        for annotation in record.annotations or (None,):
            out.write(json.dumps(record_to_json(record, annotation), ensure_ascii=False) + "\n")
            lines += 1
    return lines
