"""The ``NAME.annotator-team`` file: one annotator's (or the reviewer's) work in a shared team folder.

Plain UTF-8 text, one JSON object per line, so that a git commit of the folder holds only the lines
that changed and any sync engine can copy it:

line 1, the header
    ``{"format": "annotator-team", "version": 1, "annotator": NAME, "role": "annotator" | "reviewer",
    "sequence": N, "written_at": ISO time, "body_bytes": B, "body_sha256": HEX}`` — ``sequence`` grows
    by one with every write (files are ordered by it, never by clocks); ``body_bytes`` and
    ``body_sha256`` describe every byte after the header's newline, so a file caught half-copied is
    told from a complete one.
line 2, the project
    ``{"name", "guidelines", "labels": [{"name", "color", "key"}], "relation_types", "attributes",
    "questions"}`` (guidelines only from a reviewer; the codebook lists as in a pack's ``pack.json``,
    absent in files written before structured coding)
then, in an annotator's file, one line per article NAME worked on, in article-id order
    ``{"article": SHA-256 of its text, "id", "title", "status", "updated_at", "spans": [[start, end,
    label], ...]}`` — the article by its hash, not its text: the reviewer publishes the texts, and 50
    annotators' files need not carry 50 copies of the corpus (a project holding no article of that
    hash keeps the work waiting until one arrives). Structured coding, when there is any, as in a
    JSONL record: ``"relations"`` (head and child by index into ``"spans"``), ``"codes"``, ``"note"``,
    and ``"span_coding"``, one object per span in ``"spans"``' order with its ``"attributes"``,
    ``"note"`` and ``"fragment_of"`` (a discontinuous annotation's later fragments: the index of its
    first; ``{}`` for a span with none of them)
or, in the reviewer's file, one line per article
    our JSONL record (``core.formats.jsonl``) with ``"updated_at"``, in article-id order: NAME's work
    on it, or the bare article when NAME has none
then one line per assigned annotator (reviewer)
    ``{"assigned": NAME, "articles": [article id, ...]}``
then one line per article with gold (reviewer)
    ``{"gold": article id, "status", "updated_at", "spans": [[start, end, label, decided_by, decided_at,
    origin]], "rejections": [[start, end, label, decided_by, decided_at]]}`` and, when gold has any,
    ``"relations": [[head, child, type, decided_by, decided_at, origin]]`` (head and child by index into
    ``"spans"``), ``"relation_rejections"`` (the same without origin), ``"attributes": [[span index,
    attribute, value, decided_by, decided_at, origin]]``, ``"attribute_rejections"`` (without origin),
    ``"answers": [[question, [values], decided_by, decided_at, origin]]`` and ``"answer_rejections"``
    (without origin)

A team file is untrusted input, read like a pack: bounded in size, every text's hash and every offset
checked, and work of anyone but its own annotator refused.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Any

from annotator.core.errors import InputError
from annotator.core.formats.jsonl import record_to_json
from annotator.core.formats.jsonl_coding import coding_to_json, read_coding
from annotator.core.formats.pack import Pack, parse_labels, parse_records
from annotator.core.formats.pack_codebook import codebook_from_json, codebook_to_json
from annotator.core.formats.untrusted import blank, load_json
from annotator.core.merging import GoldStructure, GoldWork, gold_structure_refusal
from annotator.core.model import AnnotationSet, GoldStatus, SpanRef, Status
from annotator.core.structure import CodebookSchema, RelationRef, StructuredCoding

FORMAT = "annotator-team"
VERSION = 1
SUFFIX = ".annotator-team"
MAX_BYTES = 1024 << 20  # the same bound as a pack's expanded size


class Role(Enum):
    """Who writes a team file: an annotator (their work) or the reviewer (the project and the gold)."""

    ANNOTATOR = "annotator"
    REVIEWER = "reviewer"


@dataclass(frozen=True)
class WorkOnArticle:
    """An annotator's work on one article, the article named by the SHA-256 of its text."""

    sha256: str
    id: str
    title: str
    work: AnnotationSet


@dataclass
class TeamFile:
    """A team file's content: whose it is, its sequence, and what it publishes."""

    annotator: str
    role: Role
    sequence: int
    pack: Pack  # the reviewer's articles (with their own work), assignment; labels and guidelines
    gold: dict[str, GoldWork] = field(default_factory=dict)  # article id → gold (reviewer)
    work: list[WorkOnArticle] = field(default_factory=list)  # an annotator's work, by article hash
    written_at: str = ""
    body_sha256: str = ""


class IncompleteTeamFile(InputError):
    """The file is shorter or longer than its header says: a copy still under way. Try again later."""


def team_file_bytes(team: TeamFile) -> bytes:
    """The whole file: header line, then the body its checksum covers (same content → same body)."""
    body = team_body(team)
    header = {"format": FORMAT, "version": VERSION, "annotator": team.annotator, "role": team.role.value,
              "sequence": team.sequence, "written_at": team.written_at, "body_bytes": len(body),
              "body_sha256": hashlib.sha256(body).hexdigest()}
    return (json.dumps(header, ensure_ascii=False) + "\n").encode("utf-8") + body


def team_body(team: TeamFile) -> bytes:
    """Every line after the header, in a stable order (article id, then annotator name)."""
    pack = team.pack
    lines = [{"name": pack.name, "guidelines": pack.guidelines,
              "labels": [{"name": lb.name, "color": lb.color, "key": lb.key} for lb in pack.labels],
              **codebook_to_json(pack.schema)}]
    for record in sorted(pack.records, key=lambda r: (r.id or "", r.sha256)):
        for annotation in record.annotations or (None,):
            obj = record_to_json(record, annotation)
            if annotation is not None:
                obj["updated_at"] = (pack.edited_at.get((record.id or "", annotation.annotator))
                                     or annotation.updated_at or "")
            lines.append(obj)
    for item in sorted(team.work, key=lambda w: (w.id, w.sha256)):
        spans = sorted(item.work.spans)
        line = {"article": item.sha256, "id": item.id, "title": item.title,
                "status": item.work.status.value, "updated_at": item.work.updated_at or "",
                "spans": [[r.start, r.end, r.label] for r in spans]}
        line.update(_coding_json(spans, item.work.coding))
        lines.append(line)
    for name, ids in sorted((pack.assignment or {}).items()):
        lines.append({"assigned": name, "articles": sorted(ids)})
    for article_id, gold in sorted(team.gold.items()):
        lines.append({"gold": article_id, "status": gold.status.value, "updated_at": gold.updated_at or "",
                      "spans": [[r.start, r.end, r.label, *d] for r, d in sorted(gold.spans.items())],
                      "rejections": [[r.start, r.end, r.label, *d]
                                     for r, d in sorted(gold.rejections.items())],
                      **_gold_structure_json(sorted(gold.spans), gold.structure)})
    return "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines).encode("utf-8")


def _gold_structure_json(spans: list[SpanRef], structure: GoldStructure) -> dict[str, list]:
    """The gold line's keys for gold relations, attribute values and answers (only those with any)."""
    index = {ref: n for n, ref in enumerate(spans)}
    found = {
        "relations": [[index[r.head], index[r.child], r.type, *d]
                      for r, d in sorted(structure.relations.items())],
        "relation_rejections": [[index[r.head], index[r.child], r.type, *d]
                                for r, d in sorted(structure.relation_rejections.items())],
        "attributes": [[index[span], name, *d] for (span, name), d in sorted(structure.attributes.items())],
        "attribute_rejections": [[index[span], name, value, *d] for (span, name, value), d
                                 in sorted(structure.attribute_rejections.items())],
        "answers": [[question, list(values), *d]
                    for question, (values, *d) in sorted(structure.answers.items())],
        "answer_rejections": [[question, list(values), *d]
                              for (question, values), d in sorted(structure.answer_rejections.items())],
    }
    return {key: rows for key, rows in found.items() if rows}


def _coding_json(spans: list[SpanRef], coding: StructuredCoding | None) -> dict[str, Any]:
    """The work line's structured-coding keys (none when there is no coding)."""
    if not coding:
        return {}
    record: dict[str, Any] = {"spans": [{} for _ in spans]}
    coding_to_json(record, spans, coding)
    span_coding = record.pop("spans")
    return {**record, **({"span_coding": span_coding} if any(span_coding) else {})}


def read_header(data: bytes, where: str) -> tuple[dict[str, Any], bytes]:
    """The checked header and the body; IncompleteTeamFile when the body is not yet all there."""
    first, newline, body = data.partition(b"\n")
    if not newline:
        raise IncompleteTeamFile("has no complete header line yet (still being copied?)", path=where)
    try:
        text = first.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"line 1 is not valid UTF-8 ({exc.reason})", path=where) from None
    header = load_json(text, lambda msg: InputError(f"line 1: {msg}", path=where))
    if not isinstance(header, dict) or header.get("format") != FORMAT:
        raise InputError(f'is not a team file (line 1 has no "format": "{FORMAT}")', path=where)
    version = header.get("version")
    if type(version) is not int or version < 1:
        raise InputError(f'line 1: "version" must be a whole number from 1 up, got {version!r}', path=where)
    if version > VERSION:
        raise InputError(f"was written by a newer annotator (team file version {version}, this version "
                         f"reads up to {VERSION}); update annotator to read it", path=where)
    if blank(header.get("annotator")):
        raise InputError('line 1: "annotator" must name who writes the file', path=where)
    if header.get("role") not in {r.value for r in Role}:
        raise InputError(f'line 1: "role" must be "annotator" or "reviewer", got {header.get("role")!r}',
                         path=where)
    for key in ("sequence", "body_bytes"):
        if type(header.get(key)) is not int or header[key] < 0:
            raise InputError(f'line 1: "{key}" must be a whole number, got {header.get(key)!r}', path=where)
    digest = header.get("body_sha256")
    if not isinstance(digest, str) or len(digest) != 64 or not all(c in "0123456789abcdef" for c in digest):
        raise InputError('line 1: "body_sha256" must be 64 hexadecimal digits', path=where)
    if not isinstance(header.get("written_at", ""), str):
        raise InputError('line 1: "written_at" must be text', path=where)
    if len(body) != header["body_bytes"]:
        raise IncompleteTeamFile(f"holds {len(body)} of the {header['body_bytes']} bytes its header "
                                 "announces (still being copied?)", path=where)
    if hashlib.sha256(body).hexdigest() != digest:
        raise InputError("its checksum does not match its content: it was altered, or is being "
                         "rewritten in place; it is not merged", path=where)
    return header, body


def read_team_file(path: Path, max_bytes: int = MAX_BYTES) -> TeamFile:
    """Read and check a team file; InputError naming the file and line on any fault.

    IncompleteTeamFile (a kind of InputError) says the file is only partly there yet.
    """
    where = str(path)
    try:
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        raise InputError(f"cannot be read ({exc.strerror or exc})", path=where) from None
    if len(data) > max_bytes:
        raise InputError(f"is larger than {max_bytes >> 20} MiB, the most a team file may be", path=where)
    header, body = read_header(data, where)
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"is not valid UTF-8 ({exc.reason})", path=where) from None
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    if not lines:
        raise InputError("line 2: the project line is missing", path=where)
    project = load_json(lines[0], lambda msg: InputError(f"line 2: {msg}", path=where))
    if not isinstance(project, dict):
        raise InputError("line 2: expected the project line, a JSON object", path=where)
    for key in ("name", "guidelines"):
        if project.get(key) is not None and not isinstance(project[key], str):
            raise InputError(f'line 2: "{key}" must be text', path=where)
    labels = parse_labels(project.get("labels") or [], where)
    schema = codebook_from_json(project, lambda msg: InputError(f"line 2: {msg}", path=where))
    article_lines, extra, references = [], [], []
    for number, line in enumerate(lines[1:], start=3):
        kind = extra if line.startswith(('{"assigned"', '{"gold"')) else \
            references if line.startswith('{"article"') else article_lines
        kind.append((number, line))
    records, edited_at = parse_records(article_lines, where, member="")
    owner = header["annotator"]
    work = [_work(number, line, owner, where) for number, line in references]
    for record in records:
        for annotation in record.annotations:
            if annotation.annotator != owner:
                raise InputError(f"holds work of {annotation.annotator!r} on article {record.id!r}, but "
                                 f"it is {owner!r}'s file (each annotator writes only their own)", path=where)
    texts = {r.id: r.text for r in records}
    assignment: dict[str, list[str]] = {}
    gold: dict[str, GoldWork] = {}
    for number, line in extra:
        obj = load_json(line, lambda msg, n=number: InputError(msg, path=where, line=n))
        if not isinstance(obj, dict):
            raise InputError("expected a JSON object", path=where, line=number)
        if "assigned" in obj:
            name, ids = obj["assigned"], obj.get("articles")
            if blank(name) or not isinstance(ids, list) or not all(i in texts for i in ids):
                raise InputError("an assignment needs an annotator and article ids of this file",
                                 path=where, line=number)
            assignment[name] = list(ids)
        else:
            article_id = obj.get("gold")
            if article_id not in texts:
                raise InputError(f"gold of an article not in this file: {article_id!r}", path=where,
                                 line=number)
            gold[article_id] = _gold(obj, texts[article_id], schema, where, number)
    if (assignment or gold) and header["role"] != Role.REVIEWER.value:
        raise InputError("an annotator's file holds assignments or gold, which only the reviewer publishes",
                         path=where)
    pack = Pack(records=records, labels=labels, guidelines=project.get("guidelines") or "",
                name=project.get("name") or "", assignment=assignment or None, edited_at=edited_at,
                schema=schema)
    return TeamFile(owner, Role(header["role"]), header["sequence"], pack, gold, work,
                    header.get("written_at", ""), header["body_sha256"])


def _work(number: int, line: str, owner: str, where: str) -> WorkOnArticle:
    """One line of an annotator's work; offsets are checked against the text where the text is."""
    def refuse(message: str) -> InputError:
        return InputError(message, path=where, line=number)

    obj = load_json(line, lambda msg: refuse(msg))
    if not isinstance(obj, dict):
        raise refuse("expected a JSON object")
    sha = obj.get("article")
    if not isinstance(sha, str) or len(sha) != 64 or not all(c in "0123456789abcdef" for c in sha):
        raise refuse('"article" must be the SHA-256 of the article\'s text (64 hexadecimal digits)')
    for key in ("id", "title"):
        if not isinstance(obj.get(key), str) or (key == "id" and blank(obj[key])):
            raise refuse(f'"{key}" must be text')
    try:
        status = Status(obj.get("status"))
    except ValueError:
        raise refuse(f"unknown status {obj.get('status')!r}") from None
    updated = obj.get("updated_at") or None
    if updated is not None and not isinstance(updated, str):
        raise refuse('"updated_at" must be text')
    items = obj.get("spans")
    if not isinstance(items, list):
        raise refuse('"spans" must be a list of [start, end, label]')
    spans = []
    for n, item in enumerate(items, start=1):
        if not isinstance(item, list) or len(item) != 3 or type(item[0]) is not int \
                or type(item[1]) is not int or not 0 <= item[0] < item[1]:
            raise refuse(f"span {n} must be [start, end, label] with 0 ≤ start < end, got {item!r}")
        if blank(item[2]):
            raise refuse(f"span {n}: the label must be a non-empty string")
        spans.append(SpanRef(item[0], item[1], item[2]))
    span_coding = obj.get("span_coding", [{} for _ in spans])
    if not isinstance(span_coding, list) or len(span_coding) != len(spans):
        raise refuse(f'"span_coding" must be a list of one object per span ({len(spans)})')
    coding = read_coding({**obj, "spans": span_coding}, spans, refuse)
    return WorkOnArticle(sha, obj["id"], obj["title"],
                         AnnotationSet(owner, tuple(spans), status, updated, coding))


def _gold(obj: dict[str, Any], text: str, schema: CodebookSchema, where: str, number: int) -> GoldWork:
    """One gold line, every decision's offsets checked against the article's text, its relations,
    values and answers against the gold spans and the file's codebook."""
    def refuse(message: str) -> InputError:
        return InputError(f"gold of article {obj.get('gold')!r}: {message}", path=where, line=number)

    try:
        status = GoldStatus(obj.get("status"))
    except ValueError:
        raise refuse(f"unknown status {obj.get('status')!r}") from None
    updated = obj.get("updated_at") or None
    if updated is not None and not isinstance(updated, str):
        raise refuse('"updated_at" must be text')

    def decisions(key: str, width: int) -> dict[SpanRef, tuple]:
        items = obj.get(key) or []
        if not isinstance(items, list):
            raise refuse(f'"{key}" must be a list')
        result = {}
        for item in items:
            if not isinstance(item, list) or len(item) != width \
                    or not all(isinstance(v, str) for v in item[2:]):
                raise refuse(f'each of "{key}" must be [start, end, label, ...] ({width} values, text after '
                             "the offsets)")
            start, end, label = item[:3]
            if type(start) is not int or type(end) is not int or not 0 <= start < end <= len(text):
                raise refuse(f"a decision ({start!r}-{end!r}) lies outside the text ({len(text)} characters)")
            if blank(label):
                raise refuse("a decision has a blank label")
            result[SpanRef(start, end, label)] = tuple(item[3:])
        return result

    spans = decisions("spans", 6)
    undirected = [t.name for t in schema.relation_types if not t.directed]
    structure = _read_gold_structure(obj, sorted(spans), refuse).undirected_sorted(undirected)
    reason = gold_structure_refusal(structure, spans, schema)
    if reason:
        raise refuse(reason)
    return GoldWork(spans, decisions("rejections", 5), status, updated, structure)


def _read_gold_structure(obj: dict[str, Any], spans: list[SpanRef], refuse) -> GoldStructure:
    """The gold line's relations, attribute values and answers, each row's shape checked."""
    def rows(key: str, shape: str, typed, curated: bool) -> list[list]:
        """Rows of ``key``: the first values checked by ``typed``, then who decided, when (and origin)."""
        width = len(typed) + (3 if curated else 2)
        def fits(item: object) -> bool:
            return isinstance(item, list) and len(item) == width and all(
                check(v) for check, v in zip(typed, item[:len(typed)], strict=True)) and all(
                isinstance(v, str) for v in item[len(typed):])

        items = obj.get(key) or []
        if not isinstance(items, list) or not all(fits(item) for item in items):
            raise refuse(f'each of "{key}" must be [{shape}, decided_by, decided_at{", origin" * curated}]')
        return items

    def span(n: object) -> SpanRef:
        if type(n) is not int or not 0 <= n < len(spans):
            raise refuse(f"{n!r} is not the index of one of its gold spans (0 to {len(spans) - 1})")
        return spans[n]

    def index(value: object) -> bool:  # checked when the span is looked up, naming the index
        return True

    def text(value: object) -> bool:
        return isinstance(value, str)

    def values(value: object) -> bool:
        return isinstance(value, list) and all(isinstance(v, str) for v in value)

    relation, attribute, answer = (index, index, text), (index, text, text), (text, values)
    relation_shape, attribute_shape, answer_shape = ("head index, child index, type",
                                                     "span index, attribute, value", "question, [values]")
    return GoldStructure(
        {RelationRef(span(i[0]), span(i[1]), i[2]): tuple(i[3:])
         for i in rows("relations", relation_shape, relation, True)},
        {RelationRef(span(i[0]), span(i[1]), i[2]): tuple(i[3:])
         for i in rows("relation_rejections", relation_shape, relation, False)},
        {(span(i[0]), i[1]): tuple(i[2:]) for i in rows("attributes", attribute_shape, attribute, True)},
        {(span(i[0]), i[1], i[2]): tuple(i[3:])
         for i in rows("attribute_rejections", attribute_shape, attribute, False)},
        {i[0]: (tuple(i[1]), *i[2:]) for i in rows("answers", answer_shape, answer, True)},
        {(i[0], tuple(sorted(i[1]))): tuple(i[2:])
         for i in rows("answer_rejections", answer_shape, answer, False)},
    )
