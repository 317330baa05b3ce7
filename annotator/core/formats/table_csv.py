"""Spans as a spreadsheet table: ``article_id,title,annotator,start,end,label,text``, one row per span.

Written as UTF-8 with a byte-order mark: without it Excel reads the file as the local code page and
shows Arabic as mojibake. Rows end in CRLF, as RFC 4180 and Excel expect; fields with commas, quotes or
line breaks are quoted.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import IO

from annotator.core.model import ArticleRecord

HEADER = ("article_id", "title", "annotator", "start", "end", "label", "text")
BOM = "\ufeff"


def write_spans_csv(records: Iterable[ArticleRecord], out: IO[str]) -> int:
    """Write the header and one row per span; returns the number of span rows.

    ``out`` must be opened with ``newline=""`` or ``"\\n"`` so the CRLF row ends are not doubled.
    """
    out.write(BOM)
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(HEADER)
    rows = 0
    for record in records:
        text = record.text
        for annotation in record.annotations:
            writer.writerows(
                (record.id, record.title, annotation.annotator, s.start, s.end, s.label, text[s.start:s.end])
                for s in sorted(annotation.spans)
            )
            rows += len(annotation.spans)
    return rows
