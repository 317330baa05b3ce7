"""Spans as CSV rows ``document_id,annotator,start,end,label``, for articles already in the project.

The CSV carries no text, so each row is checked against the article it names: the id must exist and
the offsets (Python code points) must fall inside its text. The header row is required; the id column
may also be called ``article_id`` (as our table export writes it), other columns are ignored except
``text``, which, when present, must equal the covered text. A UTF-8 byte-order mark is accepted.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from annotator.core.errors import InputError
from annotator.core.formats.untrusted import csv_rows, whole_number
from annotator.core.model import AnnotationSet, ArticleRecord, Document, SpanRef, Status

REQUIRED = ("annotator", "start", "end", "label")
ID_COLUMNS = ("document_id", "article_id")


def read_spans_csv(path: Path, articles: Mapping[str, Document]) -> list[ArticleRecord]:
    """One ArticleRecord per article named in the file, with one AnnotationSet per annotator.

    ``articles`` maps article id → Document of the project the spans are for. Raises InputError
    naming the file and line for a missing column, an unknown article, bad offsets or a text mismatch.
    """
    where = str(path)
    try:
        content = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"is not valid UTF-8 ({exc.reason})", path=where) from exc
    except OSError as exc:
        raise InputError(f"cannot be read ({exc.strerror})", path=where) from exc
    rows = csv_rows(content, lambda msg, n: InputError(msg, path=where, line=n))
    try:
        header = [h.strip().lower() for h in next(rows)[1]]
    except StopIteration:
        raise InputError("the file is empty", path=where) from None
    id_column = next((c for c in ID_COLUMNS if c in header), None)
    missing = [c for c in REQUIRED if c not in header]
    if id_column is None or missing:
        needed = ", ".join(([] if id_column else ["document_id"]) + missing)
        raise InputError(f"the header lacks column(s) {needed}; expected document_id,annotator,start,end,"
                         "label", path=where, line=1)
    column = {name: header.index(name) for name in (id_column, *REQUIRED)}
    text_column = header.index("text") if "text" in header else None
    spans: dict[str, dict[str, list[SpanRef]]] = {}
    for number, row in rows:  # a quoted field may hold line breaks: a row is named by its first line
        if not any(cell.strip() for cell in row):
            continue
        if len(row) < len(header):
            raise InputError(f"has {len(row)} field(s), the header has {len(header)}",
                             path=where, line=number)
        article_id = row[column[id_column]].strip()
        annotator = row[column["annotator"]].strip()
        label = row[column["label"]].strip()
        article = articles.get(article_id)
        if article is None:
            raise InputError(f"no article with id {article_id!r} in the project (import its text first)",
                             path=where, line=number)
        if not annotator or not label:
            raise InputError("annotator and label must not be empty", path=where, line=number)
        start, end = whole_number(row[column["start"]]), whole_number(row[column["end"]])
        if start is None or end is None:
            raise InputError(f"start and end must be whole numbers, got {row[column['start']]!r} and "
                             f"{row[column['end']]!r}", path=where, line=number)
        if not 0 <= start < end <= len(article.text):
            raise InputError(f"span {start}-{end} is outside article {article_id} (length "
                             f"{len(article.text)}) or has start >= end", path=where, line=number)
        if text_column is not None and row[text_column] != article.text[start:end]:
            raise InputError(f"the row quotes {row[text_column]!r} but article {article_id} has "
                             f"{article.text[start:end]!r} at {start}-{end}", path=where, line=number)
        spans.setdefault(article_id, {}).setdefault(annotator, []).append(SpanRef(start, end, label))
    records = []
    for article_id, by_annotator in spans.items():
        article = articles[article_id]
        records.append(ArticleRecord(
            text=article.text, title=article.title, source=article.source, id=article.id,
            meta=article.meta, origin=where,
            annotations=tuple(AnnotationSet(name, tuple(sorted(set(refs))), Status.DONE)
                              for name, refs in sorted(by_annotator.items())),
        ))
    return records
