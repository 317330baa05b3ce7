"""Readers for articles that arrive as tables, Word or HTML files, INCEpTION XMI and REFI-QDA projects.

``import_corpus`` hands each such file here by its kind; the options say how to map a table's columns
and which XMI layer and feature are spans and labels.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from annotator.core.formats.article_table import TableColumns, looks_like_article_table, read_article_table
from annotator.core.formats.docx_article import read_docx
from annotator.core.formats.html_article import read_html
from annotator.core.formats.label_studio import is_label_studio, read_label_studio
from annotator.core.formats.qdpx_read import read_qdpx
from annotator.core.formats.webanno_tsv import is_webanno_tsv, read_webanno_tsv
from annotator.core.formats.xmi import XmiMapping, read_xmi
from annotator.core.model import ArticleRecord

DOCUMENT_READERS = {".xlsx": "table", ".tsv": "table", ".tab": "table", ".docx": "docx", ".html": "html",
                    ".htm": "html", ".xhtml": "html", ".xmi": "xmi", ".qdpx": "qdpx"}
DOCUMENT_FORMATS = ("table", "docx", "html", "xmi", "qdpx", "webanno-tsv", "label-studio")


@dataclass(frozen=True)
class DocumentOptions:
    """How to read tables and XMI: the column mapping, the span layer and label feature."""

    columns: TableColumns = field(default_factory=TableColumns)
    xmi: XmiMapping = field(default_factory=XmiMapping)
    text_key: str = "text"  # Label Studio: the task data key that holds the article text


def csv_kind(path: Path, options: DocumentOptions) -> str:
    """A ``.csv`` is an article table when its header has the text column and no start/end columns."""
    return "table" if looks_like_article_table(path, options.columns) else "csv"


def refine_kind(path: Path, kind: str, format: str | None) -> str:
    """A ``.tsv`` that starts with ``#FORMAT=WebAnno TSV 3`` is WebAnno's, not an article table; a
    ``.json`` holding a list is a Label Studio export, not JSONL."""
    if kind == "jsonl" and path.suffix.lower() == ".json" and format in (None, "label-studio") \
            and (format or is_label_studio(path)):
        return "label-studio"
    if kind == "table" and format in (None, "webanno-tsv") and (format or is_webanno_tsv(path)):
        return "webanno-tsv"
    return kind


def read_document_file(path: Path, kind: str, annotator: str | None, options: DocumentOptions,
                       notes: list[str]) -> list[ArticleRecord]:
    """The records of one table, Word, HTML or XMI file (InputError names the file on any fault)."""
    if kind == "table":
        return read_article_table(path, options.columns)
    if kind == "docx":
        return [read_docx(path)]
    if kind == "html":
        return [read_html(path)]
    if kind == "qdpx":
        return read_qdpx(path, annotator, notes)
    if kind == "label-studio":
        return read_label_studio(path, options.text_key, annotator, notes)
    if kind == "webanno-tsv":
        return [read_webanno_tsv(path, annotator, options.xmi)]
    document = read_xmi(path, annotator, options.xmi)
    notes.extend(document.notes)
    return [document.record]
