"""Structured coding as spreadsheet tables beside the span CSV: claims (one row per relation) and codes.

``OUT.claims.csv``: ``article_id,title,annotator,head_label,head_start,head_end,head_text,relation,
child_label,child_start,child_end,child_text``, then ``head:NAME`` and ``child:NAME`` per span attribute
(a set flag is ``yes``), then one column per article metadata key — the "who claims what of whom"
table of claims analysis. ``OUT.codes.csv``: ``article_id,title,annotator,note``, one column per
article question (several answers joined by `` | ``), then the metadata keys; one row per article
and annotator with a note or an answer. Same encoding as the span CSV (UTF-8 with BOM, CRLF rows).
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import IO

from annotator.core.formats.table_csv import BOM, meta_cell, meta_keys
from annotator.core.model import ArticleRecord

CLAIMS_HEADER = ("article_id", "title", "annotator", "head_label", "head_start", "head_end", "head_text",
                 "relation", "child_label", "child_start", "child_end", "child_text")
CODES_HEADER = ("article_id", "title", "annotator", "note")
ANSWER_SEPARATOR = " | "


def attribute_names(records: Iterable[ArticleRecord]) -> list[str]:
    """Every span attribute name the records' codings use, sorted (one CSV column each)."""
    return sorted({name for r in records for a in r.annotations if a.coding
                   for _span, name, _value in a.coding.attributes})


def has_relations(records: Iterable[ArticleRecord]) -> bool:
    return any(a.coding and a.coding.relations for r in records for a in r.annotations)


def has_codes(records: Iterable[ArticleRecord]) -> bool:
    return any(a.coding and (a.coding.codes or a.coding.note) for r in records for a in r.annotations)


def write_claims_csv(records: Iterable[ArticleRecord], out: IO[str]) -> int:
    """Write the claims table; returns the number of relation rows (``out`` opened with ``newline=""``)."""
    records = list(records)
    names = attribute_names(records)
    keys = meta_keys(records, CLAIMS_HEADER)
    out.write(BOM)
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow((*CLAIMS_HEADER, *(f"head:{n}" for n in names), *(f"child:{n}" for n in names), *keys))
    rows = 0
    for record in records:
        meta = tuple(meta_cell(record.meta.get(k)) for k in keys)
        for annotation in record.annotations:
            coding = annotation.coding
            if not coding:
                continue
            for relation in sorted(coding.relations):
                head, child = relation.head, relation.child
                head_values, child_values = coding.attributes_of(head), coding.attributes_of(child)
                writer.writerow((
                    record.id, record.title, annotation.annotator,
                    head.label, head.start, head.end, record.text[head.start:head.end], relation.type,
                    child.label, child.start, child.end, record.text[child.start:child.end],
                    *(head_values.get(n, "") for n in names), *(child_values.get(n, "") for n in names),
                    *meta))
                rows += 1
    return rows


def write_codes_csv(records: Iterable[ArticleRecord], out: IO[str]) -> int:
    """Write the article codes table; returns the number of (article, annotator) rows."""
    records = list(records)
    questions = sorted({q for r in records for a in r.annotations if a.coding for q, _ in a.coding.codes})
    keys = meta_keys(records, (*CODES_HEADER, *questions))
    out.write(BOM)
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow((*CODES_HEADER, *questions, *keys))
    rows = 0
    for record in records:
        meta = tuple(meta_cell(record.meta.get(k)) for k in keys)
        for annotation in record.annotations:
            coding = annotation.coding
            if not coding or not (coding.codes or coding.note):
                continue
            answers = coding.answers()
            writer.writerow((record.id, record.title, annotation.annotator, coding.note,
                             *(ANSWER_SEPARATOR.join(answers.get(q, ())) for q in questions), *meta))
            rows += 1
    return rows
