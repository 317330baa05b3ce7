"""Reading another project's file as a merge source: read-only, leaving nothing beside it, untrusted.

Someone else's project file is input like any other: its schema, hashes, offsets, labels and
statuses are checked here, before the merge plans anything, and a failure names the article.
"""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from pathlib import Path

from annotator.core.errors import InputError, ProjectFileError
from annotator.core.formats.untrusted import blank, load_json
from annotator.core.merging import MergeSource, PairWork, SourceArticle, gold_structure_refusal
from annotator.core.model import Label, SpanRef, Status, text_sha256
from annotator.core.structure import (
    CodebookSchema,
    StructuredCoding,
    answer_refusal,
    attribute_refusal,
)
from annotator.store.coding_rows import load_codings
from annotator.store.merge_gold import read_gold
from annotator.store.merge_structure import has_structure, read_schema
from annotator.store.schema import SCHEMA_VERSION, unexpected_schema, untrusted_connection

SQLITE_MAGIC = b"SQLite format 3\x00"


def is_project_file(path: Path) -> bool:
    """True when ``path`` starts like an SQLite database (whatever its name ends with)."""
    try:
        with path.open("rb") as handle:
            return handle.read(len(SQLITE_MAGIC)) == SQLITE_MAGIC
    except OSError:
        return False


def read_project_file(path: Path) -> MergeSource:
    """Read another project's file as a merge source: read-only, never migrated or written, untrusted.

    Nothing is created beside it; a schema holding tables, views or triggers ours does not is refused,
    and so is any article whose text does not match its stored SHA-256, any span outside its text,
    and any blank label or unknown status, naming the article: such a file was altered by hand or by
    a fault, and its work cannot be trusted to land on the right words.
    """
    where = str(path)
    if not path.is_file():
        raise InputError("no such file", path=where)
    try:
        with untrusted_connection(path) as conn:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            if version > SCHEMA_VERSION:
                raise ProjectFileError(
                    f"{where}: was written by a newer version of annotator (schema {version}, this version "
                    f"reads up to {SCHEMA_VERSION}); update annotator to merge it")
            if version < 1 or not {"documents", "spans", "statuses", "labels", "annotators"} <= tables:
                raise InputError("is an SQLite database but not an annotator project", path=where)
            foreign = unexpected_schema(conn, version)
            if foreign:
                raise ProjectFileError(
                    f"{where}: holds {', '.join(foreign[:8])}{' …' if len(foreign) > 8 else ''}, which an "
                    "annotator project does not have; it was changed by another program and is not "
                    "merged. Ask for a fresh copy or an export.")
            # A damaged file must not be merged into a good one (tests/store/test_fuzz_project_files).
            if [r[0] for r in conn.execute("PRAGMA quick_check(1)")] != ["ok"] \
                    or conn.execute("PRAGMA foreign_key_check").fetchone() is not None:
                raise ProjectFileError(f"{where}: the project file is damaged (SQLite's check failed); it "
                                       "cannot be merged. Ask for a fresh copy or an export.")
            try:
                return _read_source(conn, where, tables)
            except (KeyError, ValueError) as exc:  # rows that contradict each other: damaged by hand or disk
                raise ProjectFileError(f"{where}: the project file is inconsistent ({exc!r}); it cannot be "
                                       "merged. Ask for a fresh copy or an export.") from exc
    except (sqlite3.Error, UnicodeDecodeError, OSError) as exc:  # a damaged schema's text may not decode
        reason = str(exc).encode("utf-8", "backslashreplace").decode()
        raise ProjectFileError(f"{where}: cannot be read as an annotator project ({reason})") from exc


class _Checker:
    """Checks one source file's rows as they are read; each refusal names the article."""

    def __init__(self, where: str) -> None:
        self.where = where
        self.texts: dict[str, tuple[str, str]] = {}  # article id → (title, text)

    def refuse(self, doc_id: str, problem: str) -> ProjectFileError:
        title = self.texts.get(doc_id, ("", ""))[0][:60]
        return ProjectFileError(f"{self.where}: article {doc_id!r} ({title}): {problem}; the file was "
                                "altered "
                                "and is not merged (the project was not changed). Ask for a fresh copy.")

    def article(self, doc_id: str, title: str, text: str, sha: str, meta: str) -> dict:
        self.texts[doc_id] = (title, text)
        if text_sha256(text) != sha:
            raise self.refuse(doc_id, "its stored SHA-256 does not match its text")
        if not text.strip() or "\x00" in text:
            raise self.refuse(doc_id, "its text is empty or holds a NUL character")
        value = load_json(meta, lambda msg: self.refuse(doc_id, f"its meta is not usable: {msg}"))
        if not isinstance(value, dict):
            raise self.refuse(doc_id, "its meta is not a JSON object")
        return value

    def span(self, doc_id: str, start: object, end: object, label: str, who: str) -> SpanRef:
        length = len(self.texts[doc_id][1])
        if type(start) is not int or type(end) is not int or not 0 <= start < end <= length:
            raise self.refuse(doc_id, f"a span of {who} ({start!r}-{end!r}, {label}) lies outside its text "
                                      f"({length} characters)")
        if blank(label):
            raise self.refuse(doc_id, f"a span of {who} has a blank label")
        return SpanRef(start, end, label)

    def status(self, doc_id: str, value: str, who: str, kind: type = Status) -> Status:
        try:
            return kind(value)
        except ValueError:
            raise self.refuse(doc_id, f"{who} has an unknown status {value!r}") from None


def _read_source(conn: sqlite3.Connection, where: str, tables: set[str]) -> MergeSource:
    source = MergeSource(path=where)
    check = _Checker(where)
    sha_by_id: dict[str, str] = {}
    for doc_id, title, src, text, sha, imported_at, meta in conn.execute(
            "SELECT id, title, source, text, sha256, imported_at, meta FROM documents ORDER BY position, id"):
        meta_value = check.article(doc_id, title, text, sha, meta)
        sha_by_id[doc_id] = sha
        source.articles.append(SourceArticle(sha, doc_id, title, src, text, meta_value, imported_at))
    source.labels = [Label(*row) for row in conn.execute(
        "SELECT name, color, key, position FROM labels ORDER BY position, id")]
    for label in source.labels:
        if blank(label.name):
            raise ProjectFileError(f"{where}: the label schema holds a blank label name; the file was "
                                   "altered and is not merged. Ask for a fresh copy.")
    for doc_id, annotator, status, updated_at in conn.execute(
            "SELECT st.document_id, a.name, st.status, st.updated_at FROM statuses st "
            "JOIN annotators a ON a.id = st.annotator_id"):
        source.pairs[(sha_by_id[doc_id], annotator)] = PairWork(
            {}, check.status(doc_id, status, f"annotator {annotator!r}"), updated_at)
    for doc_id, annotator, start, end, label, created_at, updated_at in conn.execute(
            "SELECT s.document_id, a.name, s.start, s.end, l.name, s.created_at, s.updated_at FROM spans s "
            "JOIN annotators a ON a.id = s.annotator_id JOIN labels l ON l.id = s.label_id"):
        ref = check.span(doc_id, start, end, label, f"annotator {annotator!r}")
        key = (sha_by_id[doc_id], annotator)
        work = source.pairs.get(key)
        if work is None:  # spans without a status row: only possible in files edited by hand
            work = source.pairs[key] = PairWork({}, Status.IN_PROGRESS, updated_at)
        work.spans[ref] = (created_at, updated_at)
    for _, annotator in source.pairs:
        if blank(annotator):
            raise ProjectFileError(f"{where}: an annotator has a blank name; the file was altered and is "
                                   "not merged. Ask for a fresh copy.")
    if has_structure(tables):  # a file at an older schema version has no structured coding to bring
        source.schema = _checked_schema(read_schema(conn), where)
        for (doc_id, annotator), coding in load_codings(conn).items():
            key = (sha_by_id[doc_id], annotator)
            work = source.pairs.get(key) or PairWork({}, Status.IN_PROGRESS, None)
            _check_coding(check, source.schema, doc_id, annotator, work, coding)
            source.pairs[key] = replace(work, coding=coding)
    gold = read_gold(conn, tables)
    for doc_id, work in gold.items():
        for ref in (*work.spans, *work.rejections):
            check.span(doc_id, ref.start, ref.end, ref.label, "the gold")
        reason = gold_structure_refusal(work.structure, work.spans, source.schema)
        if reason:
            raise check.refuse(doc_id, reason)
    source.gold = {sha_by_id[doc]: work for doc, work in gold.items()}
    if "assignments" in tables:
        source.assignment = {(sha_by_id[d], a) for d, a in conn.execute(
            "SELECT s.document_id, a.name FROM assignments s JOIN annotators a ON a.id = s.annotator_id")}
    if "settings" in tables:
        settings = dict(conn.execute("SELECT key, value FROM settings WHERE key IN ('guidelines', 'name')"))
        source.guidelines = settings.get("guidelines", "")
        source.name = settings.get("name", "")
    return source


def _checked_schema(schema: CodebookSchema, where: str) -> CodebookSchema:
    """The source's codebook, refused when a name is blank (the file was altered by hand)."""
    names = [t.name for t in schema.relation_types] + [a.name for a in schema.attributes]
    names += [q.name for q in schema.questions]
    if any(blank(name) for name in names):
        raise ProjectFileError(f"{where}: the codebook holds a blank relation type, attribute or question "
                               "name; the file was altered and is not merged. Ask for a fresh copy.")
    return schema


def _check_coding(check: _Checker, schema: CodebookSchema, doc_id: str, annotator: str, work: PairWork,
                  coding: StructuredCoding) -> None:
    """Each relation, value, note and answer of a source's pair must lie on that pair's own spans
    (already checked against the text) and use names and values its codebook defines."""
    who = f"annotator {annotator!r}"
    types = {t.name for t in schema.relation_types}
    attributes = {(a.label, a.name): a for a in schema.attributes}
    questions = {q.name: q for q in schema.questions}

    def on_own_span(ref: SpanRef, what: str) -> None:
        if ref not in work.spans:
            raise check.refuse(doc_id, f"{what} of {who} is on a span ({ref.start}-{ref.end}, {ref.label}) "
                                       "that is not one of theirs on this article")

    for relation in coding.relations:
        on_own_span(relation.head, "a relation")
        on_own_span(relation.child, "a relation")
        if relation.type not in types:
            raise check.refuse(doc_id, f"a relation of {who} has the unknown type {relation.type!r}")
    for ref, name, value in coding.attributes:
        on_own_span(ref, f"attribute {name!r}")
        definition = attributes.get((ref.label, name))
        reason = (f"label {ref.label!r} has no attribute {name!r}" if definition is None
                  else attribute_refusal(definition, value))
        if reason:
            raise check.refuse(doc_id, f"a value of {who}: {reason}")
    for ref, _text in coding.span_notes:
        on_own_span(ref, "a note")
    for group in coding.fragments:
        for ref in group:
            on_own_span(ref, "a fragment of a discontinuous annotation")
    for name, values in coding.codes:
        question = questions.get(name)
        reason = (f"unknown article question {name!r}" if question is None
                  else answer_refusal(question, values))
        if reason:
            raise check.refuse(doc_id, f"an answer of {who}: {reason}")
