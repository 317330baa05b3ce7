"""Articles from a table: CSV / TSV / XLSX, one article per row, as news databases and scrapers export them.

A column mapping names the text column (``text`` by default), and optionally the title and id columns
(``title`` and ``id`` when the table has them). Every other non-empty cell is kept as the article's
metadata under its column's header (date, outlet, URL, …). CSV/TSV are decoded like ``.txt`` articles
(UTF-8 with or without BOM, UTF-16 with BOM, Windows-1256 / ISO-8859-6); XLSX is read with openpyxl.
Rows are numbered as a spreadsheet shows them (the header is row 1); messages also give the file's line.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from annotator.core.errors import InputError
from annotator.core.formats.plaintext import decode_article_bytes
from annotator.core.model import ArticleRecord, title_from_text
from annotator.core.text import normalise_newlines

TABLE_SUFFIXES = (".csv", ".tsv", ".tab", ".xlsx")
EXPECTED = ("a table with a header row and one article per row (CSV, TSV or XLSX); the text column is "
            "chosen with --text-column")


@dataclass(frozen=True)
class TableColumns:
    """Which columns hold the text, the title and the id; None means "use the default if present"."""

    text: str | None = None
    title: str | None = None
    id: str | None = None


def read_article_table(path: Path, columns: TableColumns = TableColumns()) -> list[ArticleRecord]:
    """One ArticleRecord per data row; raises InputError naming the file and row on any fault."""
    rows = _xlsx_rows(path) if path.suffix.lower() == ".xlsx" else _text_rows(path)
    try:
        header_row, header = next(rows)
    except StopIteration:
        raise InputError(f"the file is empty; expected {EXPECTED}", path=str(path)) from None
    names = [str(h).strip() if h is not None else "" for h in header]
    text_at, title_at, id_at = _mapping(path, names, columns)
    seen: dict[str, int] = {}
    for n, name in enumerate(names):
        if name and name in seen:
            raise InputError(f"the header names the column {name!r} twice (columns {seen[name] + 1} and "
                             f"{n + 1}); give each column its own name", path=str(path), line=header_row)
        seen[name] = n
    records = []
    # row_number counts records as a spreadsheet shows them (header = row 1); line is the file's line,
    # further on when a quoted cell holds line breaks.
    for row_number, (line, cells) in enumerate(rows, start=2):
        if all(_blank(c) for c in cells):
            continue
        if len(cells) > len(names) and not all(_blank(c) for c in cells[len(names):]):
            raise InputError(f"row {row_number} has {len(cells)} cells but the header names only "
                             f"{len(names)} columns", path=str(path), line=line)
        cells = list(cells) + [None] * (len(names) - len(cells))
        text = cells[text_at]
        if _blank(text):
            raise InputError(f"row {row_number}: the text column {names[text_at]!r} is empty (every row "
                             "needs the article text; delete empty rows)", path=str(path), line=line)
        text = normalise_newlines(str(text))
        title = "" if title_at is None or _blank(cells[title_at]) else str(cells[title_at]).strip()
        article_id = None if id_at is None or _blank(cells[id_at]) else _plain(cells[id_at])
        meta = {names[i]: _value(c) for i, c in enumerate(cells)
                if i not in (text_at, title_at, id_at) and names[i] and not _blank(c)}
        records.append(ArticleRecord(
            text=text, title=title or title_from_text(text), source=f"{path.name}, row {row_number}",
            id=None if article_id is None else str(article_id), meta=meta,
            origin=f"{path}, line {line}"))
    if not records:
        raise InputError(f"has a header row but no articles; expected {EXPECTED}", path=str(path))
    return records


def looks_like_article_table(path: Path, columns: TableColumns = TableColumns()) -> bool:
    """True when a ``.csv``'s header has the text column and no span columns (``start``, ``end``)."""
    try:
        _, header = next(_text_rows(path))
    except (StopIteration, InputError):
        return False
    names = {str(h).strip().lower() for h in header}
    return (columns.text or "text").lower() in names and not {"start", "end"} <= names


def _mapping(path: Path, names: Sequence[str], columns: TableColumns) -> tuple[int, int | None, int | None]:
    """Column indexes of text, title and id; a named column that is missing is an error listing them."""
    lowered = [n.lower() for n in names]

    def find(name: str | None, default: str, flag: str, required: bool) -> int | None:
        wanted = name or default
        if wanted in names:
            return names.index(wanted)
        if wanted.lower() in lowered:
            return lowered.index(wanted.lower())
        if name is not None or required:
            shown = ", ".join(repr(n) for n in names if n) or "none"
            raise InputError(f"has no column {wanted!r} (the header has: {shown}); choose the column with "
                             f"{flag}", path=str(path), line=1)
        return None

    return (find(columns.text, "text", "--text-column", True),
            find(columns.title, "title", "--title-column", False),
            find(columns.id, "id", "--id-column", False))


def _text_rows(path: Path) -> Iterator[tuple[int, list[Any]]]:
    """(line number, cells) of a CSV / TSV file; the delimiter is a tab for .tsv, else , or ; by header."""
    try:
        content = decode_article_bytes(path.read_bytes(), str(path))
    except OSError as exc:
        raise InputError(f"cannot be read ({exc.strerror})", path=str(path)) from exc
    first = content.split("\n", 1)[0]
    delimiter = "\t" if path.suffix.lower() in (".tsv", ".tab") or ("\t" in first and "," not in first) \
        else (";" if ";" in first and "," not in first else ",")
    reader = csv.reader(io.StringIO(content, newline=""), delimiter=delimiter)
    line = 1
    try:
        for cells in reader:
            yield line, cells
            line = reader.line_num + 1
    except csv.Error as exc:
        raise InputError(f"is not a well-formed table ({exc}); expected {EXPECTED}", path=str(path),
                         line=reader.line_num) from exc


def _xlsx_rows(path: Path) -> Iterator[tuple[int, list[Any]]]:
    """(row number, cell values) of the workbook's first sheet."""
    import zipfile

    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise InputError(f"is not an Excel .xlsx workbook ({exc}); expected {EXPECTED}",
                         path=str(path)) from exc
    try:
        sheet = book.worksheets[0]
        for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            yield number, list(values)
    finally:
        book.close()


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _plain(value: Any) -> Any:
    """Excel stores whole numbers typed in a cell as floats: 12 is an id "12", not "12.0"."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _value(value: Any) -> Any:
    """A metadata value as JSON keeps it: text stripped, numbers as numbers, dates in ISO 8601."""
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, bool | int | float):
        return _plain(value)
    return str(value)
