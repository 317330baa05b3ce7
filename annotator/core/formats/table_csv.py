"""Spans as a spreadsheet table: ``article_id,title,annotator,start,end,label,text``, one row per span,
then one column per article metadata key (``date``, ``outlet``, …, in first-seen order; values that are
not text are written as JSON), then one ``attribute:NAME`` column per span attribute the coding uses
(a set flag is ``yes``; empty where the span has no value). Relations and article codes go to tables
beside it (``core.formats.claims_csv``).

Written as UTF-8 with a byte-order mark: without it Excel reads the file as the local code page and
shows Arabic as mojibake. Rows end in CRLF, as RFC 4180 and Excel expect; fields with commas, quotes or
line breaks are quoted.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import IO

from annotator.core.model import ArticleRecord

HEADER = ("article_id", "title", "annotator", "start", "end", "label", "text")
BOM = "\ufeff"


def write_spans_csv(records: Iterable[ArticleRecord], out: IO[str]) -> int:
    """Write the header and one row per span; returns the number of span rows.

    ``out`` must be opened with ``newline=""`` or ``"\\n"`` so the CRLF row ends are not doubled.
    """
    records = list(records)
    keys = meta_keys(records, HEADER)
    names = sorted({name for r in records for a in r.annotations if a.coding
                    for _span, name, _value in a.coding.attributes})
    out.write(BOM)
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow((*HEADER, *keys, *(f"attribute:{name}" for name in names)))
    rows = 0
    for record in records:
        text = record.text
        meta = tuple(meta_cell(record.meta.get(k)) for k in keys)
        for annotation in record.annotations:
            coding = annotation.coding
            writer.writerows(
                (record.id, record.title, annotation.annotator, s.start, s.end, s.label, text[s.start:s.end],
                 *meta, *_values(coding.attributes_of(s) if coding else {}, names))
                for s in sorted(annotation.spans)
            )
            rows += len(annotation.spans)
    return rows


def meta_keys(records: list[ArticleRecord], taken: Iterable[str]) -> list[str]:
    """The metadata keys of ``records`` in first-seen order, leaving out names the header ``taken``."""
    taken = set(taken)
    return list(dict.fromkeys(k for r in records for k in r.meta if k not in taken))


def _values(values: dict[str, str], names: list[str]) -> tuple[str, ...]:
    return tuple(values.get(name, "") for name in names)


def meta_cell(value: object) -> str:
    """A metadata value in one cell: text as it is, anything else as JSON, a missing key empty."""
    if value is None:
        return ""
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
