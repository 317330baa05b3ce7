"""The ``.annotator`` pack: one file to hand a project to annotators and, with their work, back.

A zip archive (any unzip tool can inspect it) holding:

``pack.json``
    ``{"format": "annotator-pack", "version": 1, "name", "guidelines", "labels": [{"name", "color",
    "key"}], "assignment": {"annotator": ["article id", ...]} or null}``, and the codebook beyond
    labels (``annotator.core.formats.pack_codebook``): ``"relation_types"``, ``"attributes"``,
    ``"questions"`` (absent in packs written before structured coding, which still open)
``articles.jsonl``
    one line per article in our JSONL shape (``annotator.core.formats.jsonl``), one line per
    (article, annotator) when the pack carries work, each with ``"updated_at"``: when that
    annotator last edited that article, which ``merge --prefer newer`` compares.
"""

from __future__ import annotations

import json
import struct
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from annotator.core.assignment import Assignment
from annotator.core.errors import InputError
from annotator.core.formats.jsonl import parse_record, record_to_json
from annotator.core.formats.pack_codebook import codebook_from_json, codebook_to_json
from annotator.core.formats.untrusted import blank, csv_rows, load_json
from annotator.core.model import AnnotationSet, ArticleRecord, Label
from annotator.core.structure import CodebookSchema

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
    schema: CodebookSchema = field(default_factory=CodebookSchema)  # relation types, attributes, questions


def write_pack(pack: Pack, path: Path) -> None:
    """Write ``pack`` to ``path`` as a zip (the caller makes this atomic by writing to a temp path)."""
    header = {
        "format": FORMAT,
        "version": VERSION,
        "name": pack.name,
        "guidelines": pack.guidelines,
        "labels": [{"name": lb.name, "color": lb.color, "key": lb.key} for lb in pack.labels],
        "assignment": pack.assignment,
        **codebook_to_json(pack.schema),
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


@dataclass(frozen=True)
class PackLimits:
    """How much a pack may expand to: a zip of 1 MB can hold 1 GiB of newlines (a "zip bomb").

    ``megabytes``: the members' total size once uncompressed; ``members``: files in the zip;
    ``ratio``: uncompressed / compressed size of any member over 1 MiB (text compresses 3-10 times).
    """

    megabytes: int = 1024
    members: int = 100
    ratio: int = 100


DEFAULT_LIMITS = PackLimits()
_RATIO_FROM = 1 << 20  # small members (pack.json) may compress very well and are harmless
_METHODS = {zipfile.ZIP_STORED: "stored", zipfile.ZIP_DEFLATED: "deflate"}


def read_pack(path: Path, limits: PackLimits = DEFAULT_LIMITS) -> Pack:
    """Read a pack; raise InputError naming the file (and the member and line) on any fault.

    The zip is checked before anything is decompressed (member count, declared sizes and ratios,
    encryption, compression method) and read as a stream, counting what it expands to, so a lying
    header cannot make it use more memory than ``limits`` allow.
    """
    where = str(path)
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
            _check_members(members, where, limits)
            names = {m.filename for m in members}
            for member in ("pack.json", "articles.jsonl"):
                if member not in names:
                    raise InputError(f"is not an annotator pack (it has no {member})", path=where)
            budget = [limits.megabytes << 20]
            header_text = b"".join(_stream(archive, "pack.json", budget, where)).decode("utf-8")
            header = _header(header_text, where)
            labels = parse_labels(header.get("labels") or [], where)
            schema = codebook_from_json(header, lambda msg: InputError(f"pack.json: {msg}", path=where))
            lines = _lines(_stream(archive, "articles.jsonl", budget, where), where)
            records, edited_at = parse_records(lines, where)
    except FileNotFoundError:
        raise InputError("no such file", path=where) from None
    except IsADirectoryError:
        raise InputError("is a folder, not a pack", path=where) from None
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, NotImplementedError,
            RuntimeError, ValueError, struct.error) as exc:
        raise InputError(f"is not an annotator pack, or is damaged (not a readable zip: {exc})",
                         path=where) from None
    except UnicodeDecodeError as exc:
        raise InputError(f"pack.json is not valid UTF-8 ({exc.reason})", path=where) from None
    except OSError as exc:
        raise InputError(f"cannot be read ({exc.strerror or exc})", path=where) from None
    assignment = _assignment(header.get("assignment"), {r.id for r in records}, where)
    return Pack(records=records, labels=labels, guidelines=header.get("guidelines") or "",
                name=header.get("name") or "", assignment=assignment, edited_at=edited_at, schema=schema)


def _check_members(members: list[zipfile.ZipInfo], where: str, limits: PackLimits) -> None:
    """Refuse a zip by its directory alone: too many members, too big, encrypted, unknown compression."""
    if len(members) > limits.members:
        raise InputError(f"holds {len(members)} files; a pack holds 2 and annotator reads at most "
                         f"{limits.members} (raise with --max-pack-members)", path=where)
    seen: set[str] = set()
    total = 0
    for member in members:
        name = member.filename
        if name in seen:
            raise InputError(f"is damaged: it holds {name!r} twice", path=where)
        seen.add(name)
        if member.flag_bits & 0x1:
            raise InputError(f"{name} is encrypted; annotator reads only unencrypted packs", path=where)
        if member.compress_type not in _METHODS:
            raise InputError(f"{name} uses zip compression method {member.compress_type}, which annotator "
                             "does not read (packs use deflate); re-zip it with deflate", path=where)
        total += member.file_size
        if member.file_size > _RATIO_FROM and member.file_size > limits.ratio * max(member.compress_size, 1):
            raise InputError(f"{name} would expand {member.file_size // max(member.compress_size, 1)} times "
                             f"(to {member.file_size >> 20} MiB); annotator allows {limits.ratio} times "
                             "(raise with --max-pack-ratio)", path=where)
    if total > limits.megabytes << 20:
        raise InputError(f"would expand to {total >> 20} MiB; annotator reads packs up to {limits.megabytes} "
                         "MiB (raise with --max-pack-mib)", path=where)


def _stream(archive: zipfile.ZipFile, name: str, budget: list[int], where: str) -> Iterator[bytes]:
    """The member's bytes in chunks, counted against ``budget`` (a lying size field cannot exceed it)."""
    info = archive.getinfo(name)
    with archive.open(info) as member:
        read = 0
        while chunk := member.read(1 << 20):
            read += len(chunk)
            budget[0] -= len(chunk)
            if budget[0] < 0:
                raise InputError("expands past the pack size limit (raise with --max-pack-mib)", path=where)
            if read > info.file_size:
                raise InputError(f"is damaged: {name} is longer than its zip entry says", path=where)
            yield chunk


def _lines(chunks: Iterator[bytes], where: str) -> Iterator[tuple[int, str]]:
    """(line number, text) of each line of a streamed UTF-8 member, one line in memory at a time."""
    number, rest = 0, b""
    for chunk in chunks:
        parts = (rest + chunk).split(b"\n")
        rest = parts.pop()
        for part in parts:
            number += 1
            yield number, _decode_line(part, number, where)
    if rest:
        yield number + 1, _decode_line(rest, number + 1, where)


def _decode_line(data: bytes, number: int, where: str) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"articles.jsonl line {number}: is not valid UTF-8 ({exc.reason})",
                         path=where) from None


def _header(text: str, where: str) -> dict[str, Any]:
    """pack.json, each field checked for its type (a wrong type is refused, never stored as a repr)."""
    header = load_json(text, lambda msg: InputError(f"pack.json: {msg}", path=where))
    if not isinstance(header, dict) or header.get("format") != FORMAT:
        raise InputError("is not an annotator pack (pack.json has no \"format\": \"annotator-pack\")",
                         path=where)
    version = header.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise InputError(f'pack.json: "version" must be a whole number from 1 up, got {version!r}',
                         path=where)
    if version > VERSION:
        raise InputError(f"was written by a newer annotator (pack version {version}, this version reads "
                         f"up to {VERSION}); update annotator to open it", path=where)
    for key in ("name", "guidelines"):
        if header.get(key) is not None and not isinstance(header[key], str):
            raise InputError(f'pack.json: "{key}" must be text, got {type(header[key]).__name__}', path=where)
    return header


def parse_labels(items: Any, where: str) -> list[Label]:
    if not isinstance(items, list):
        raise InputError('pack.json: "labels" must be a list', path=where)
    labels = []
    for n, item in enumerate(items, start=1):
        if not isinstance(item, dict) or blank(item.get("name")):
            raise InputError(f'pack.json: label {n} needs a "name" (not only white space)', path=where)
        for key in ("color", "key"):
            if item.get(key) is not None and not isinstance(item[key], str):
                raise InputError(f'pack.json: label {n}: "{key}" must be text, got '
                                 f"{type(item[key]).__name__}", path=where)
        labels.append(Label(item["name"], item.get("color") or "#888888", item.get("key") or "",
                            position=n - 1))
    return labels


def parse_records(lines: Iterable[tuple[int, str]], where: str, member: str = "articles.jsonl "
                  ) -> tuple[list[ArticleRecord], dict[tuple[str, str], str]]:
    """Articles in order, each line's annotation folded into its article; and the edit times.

    ``lines`` are (line number, text); ``member`` begins each message (the zip member, or nothing).
    """
    by_id: dict[str, ArticleRecord] = {}
    edited_at: dict[tuple[str, str], str] = {}
    for number, line in lines:
        if not line.strip():
            continue

        def error(message: str, n: int = number) -> InputError:
            return InputError(f"{member}line {n}: {message}", path=where)

        obj = load_json(line, error)
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
        updated_at = obj.get("updated_at")
        if updated_at is not None and not isinstance(updated_at, str):
            raise error(f'"updated_at" must be text, got {type(updated_at).__name__}')
        for annotation in record.annotations:
            if updated_at:
                edited_at[(record.id, annotation.annotator)] = updated_at
    return list(by_id.values()), edited_at


def _assignment(value: Any, article_ids: set[str | None], where: str) -> Assignment | None:
    if value is None:
        return None
    if not isinstance(value, dict):
        raise InputError('pack.json: "assignment" must map annotator names to lists of article ids',
                         path=where)
    assignment: Assignment = {}
    for annotator, ids in value.items():
        if blank(annotator):
            raise InputError('pack.json: an annotator in "assignment" has no name', path=where)
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
    rows = csv_rows(content, lambda msg, n: InputError(msg, path=where, line=n))
    header = [h.strip().lower() for h in next(rows, (1, []))[1]]
    id_column = next((c for c in ("article_id", "document_id") if c in header), None)
    if id_column is None or "annotator" not in header:
        raise InputError("the header must name the columns article_id and annotator", path=where, line=1)
    id_index, annotator_index = header.index(id_column), header.index("annotator")
    pairs = []
    for number, row in rows:
        if not any(cell.strip() for cell in row):
            continue
        if len(row) <= max(id_index, annotator_index) or not row[annotator_index].strip():
            raise InputError("needs an article id and an annotator", path=where, line=number)
        pairs.append((row[id_index].strip(), row[annotator_index].strip()))
    return pairs
