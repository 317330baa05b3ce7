"""The ``.annotator`` pack: one file to hand a project to annotators and, with their work, back.

A zip archive (any unzip tool can inspect it) holding:

``pack.json``
    ``{"format": "annotator-pack", "version": 1, "name", "guidelines", "labels": [{"name", "color",
    "key"}], "assignment": {"annotator": ["article id", ...]} or null}``
``articles.jsonl``
    one line per article in our JSONL shape (``annotator.core.formats.jsonl``), one line per
    (article, annotator) when the pack carries work, each with ``"updated_at"``: when that
    annotator last edited that article, which ``merge --prefer newer`` compares.
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from annotator.core.assignment import Assignment
from annotator.core.errors import InputError
from annotator.core.formats.jsonl import parse_record, record_to_json
from annotator.core.model import AnnotationSet, ArticleRecord, Label

FORMAT = "annotator-pack"
VERSION = 1
SUFFIX = ".annotator"


@dataclass
class Pack:
    """A project as handed out: articles (with any work), label schema, guidelines, assignment."""

    records: list[ArticleRecord]
    labels: list[Label]
    guidelines: str = ""
    name: str = ""
    assignment: Assignment | None = None  # annotator → article ids (ids as in ``records``)
    edited_at: dict[tuple[str, str], str] = field(default_factory=dict)  # (article id, annotator) → time


def write_pack(pack: Pack, path: Path) -> None:
    """Write ``pack`` to ``path`` as a zip (the caller makes this atomic by writing to a temp path)."""
    header = {
        "format": FORMAT,
        "version": VERSION,
        "name": pack.name,
        "guidelines": pack.guidelines,
        "labels": [{"name": lb.name, "color": lb.color, "key": lb.key} for lb in pack.labels],
        "assignment": pack.assignment,
    }
    lines = []
    for record in pack.records:
        for annotation in record.annotations or (None,):
            obj = record_to_json(record, annotation)
            if annotation is not None:
                obj["updated_at"] = (pack.edited_at.get((record.id or "", annotation.annotator))
                                     or annotation.updated_at or "")
            lines.append(json.dumps(obj, ensure_ascii=False) + "\n")
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("pack.json", json.dumps(header, ensure_ascii=False, indent=1))
        archive.writestr("articles.jsonl", "".join(lines))


def read_pack(path: Path) -> Pack:
    """Read a pack; raise InputError naming the file (and the member and line) on any fault."""
    where = str(path)
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            for member in ("pack.json", "articles.jsonl"):
                if member not in names:
                    raise InputError(f"is not an annotator pack (it has no {member})", path=where)
            header_text = archive.read("pack.json").decode("utf-8")
            articles_text = archive.read("articles.jsonl").decode("utf-8")
    except FileNotFoundError:
        raise InputError("no such file", path=where) from None
    except (zipfile.BadZipFile, UnicodeDecodeError) as exc:
        raise InputError(f"is not an annotator pack (not a readable zip of UTF-8 files: {exc})",
                         path=where) from exc
    try:
        header = json.loads(header_text)
    except json.JSONDecodeError as exc:
        raise InputError(f"pack.json is not valid JSON ({exc.msg})", path=where) from exc
    if not isinstance(header, dict) or header.get("format") != FORMAT:
        raise InputError("is not an annotator pack (pack.json has no \"format\": \"annotator-pack\")",
                         path=where)
    if not isinstance(header.get("version"), int) or header["version"] > VERSION:
        raise InputError(f"was written by a newer annotator (pack version {header.get('version')!r}, this "
                         f"version reads up to {VERSION}); update annotator to open it", path=where)
    labels = _labels(header.get("labels") or [], where)
    records, edited_at = _records(articles_text, where)
    assignment = _assignment(header.get("assignment"), {r.id for r in records}, where)
    return Pack(records=records, labels=labels, guidelines=str(header.get("guidelines") or ""),
                name=str(header.get("name") or ""), assignment=assignment, edited_at=edited_at)


def _labels(items: Any, where: str) -> list[Label]:
    if not isinstance(items, list):
        raise InputError('pack.json: "labels" must be a list', path=where)
    labels = []
    for n, item in enumerate(items, start=1):
        if not isinstance(item, dict) or not isinstance(item.get("name"), str) or not item["name"]:
            raise InputError(f'pack.json: label {n} needs a "name"', path=where)
        labels.append(Label(item["name"], str(item.get("color") or "#888888"), str(item.get("key") or ""),
                            position=n - 1))
    return labels


def _records(content: str, where: str) -> tuple[list[ArticleRecord], dict[tuple[str, str], str]]:
    """Articles in order, each line's annotation folded into its article; and the edit times."""
    by_id: dict[str, ArticleRecord] = {}
    edited_at: dict[tuple[str, str], str] = {}
    for number, line in enumerate(content.split("\n"), start=1):
        if not line.strip():
            continue

        def error(message: str, n: int = number) -> InputError:
            return InputError(f"articles.jsonl line {n}: {message}", path=where)

        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise error(f"invalid JSON ({exc.msg})") from exc
        if not isinstance(obj, dict):
            raise error("expected a JSON object")
        record = parse_record(obj, f"{where}, articles.jsonl line {number}", None, error)
        if record.id is None:
            raise error('the article has no "meta": {"id": ...}')
        previous = by_id.get(record.id)
        if previous is not None and previous.sha256 != record.sha256:
            raise error(f"article id {record.id!r} appears twice with different texts")
        earlier: tuple[AnnotationSet, ...] = previous.annotations if previous else ()
        annotations = earlier + record.annotations
        by_id[record.id] = ArticleRecord(
            text=record.text, title=record.title, source=record.source, id=record.id, meta=record.meta,
            annotations=annotations, origin=record.origin)
        for annotation in record.annotations:
            if obj.get("updated_at"):
                edited_at[(record.id, annotation.annotator)] = str(obj["updated_at"])
    return list(by_id.values()), edited_at


def _assignment(value: Any, article_ids: set[str | None], where: str) -> Assignment | None:
    if value is None:
        return None
    if not isinstance(value, dict):
        raise InputError('pack.json: "assignment" must map annotator names to lists of article ids',
                         path=where)
    assignment: Assignment = {}
    for annotator, ids in value.items():
        if not isinstance(ids, list) or not all(isinstance(i, str) for i in ids):
            raise InputError(f'pack.json: the assignment of {annotator!r} must be a list of article ids',
                             path=where)
        unknown = [i for i in ids if i not in article_ids]
        if unknown:
            raise InputError(f"pack.json: {annotator!r} is assigned article(s) not in the pack: "
                             + ", ".join(unknown[:5]), path=where)
        assignment[annotator] = list(ids)
    return assignment


def read_assignment_csv(path: Path) -> list[tuple[str, str]]:
    """(article id, annotator) pairs from a CSV with columns ``article_id,annotator`` (header required)."""
    where = str(path)
    try:
        content = path.read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot be read as UTF-8 text ({exc})", path=where) from exc
    reader = csv.reader(io.StringIO(content, newline=""))
    header = [h.strip().lower() for h in next(reader, [])]
    id_column = next((c for c in ("article_id", "document_id") if c in header), None)
    if id_column is None or "annotator" not in header:
        raise InputError("the header must name the columns article_id and annotator", path=where, line=1)
    id_index, annotator_index = header.index(id_column), header.index("annotator")
    pairs = []
    for row in reader:
        if not any(cell.strip() for cell in row):
            continue
        if len(row) <= max(id_index, annotator_index) or not row[annotator_index].strip():
            raise InputError("needs an article id and an annotator", path=where, line=reader.line_num)
        pairs.append((row[id_index].strip(), row[annotator_index].strip()))
    return pairs
