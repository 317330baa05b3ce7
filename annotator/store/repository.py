"""The project: every read and write of a project database, taking and returning core objects.

Each public method that changes data is one user action and runs in one transaction; it returns a
``Changes`` value naming what changed so views can refresh only that (the shape Anki's OpChanges has).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import sqlite_utils

from annotator.core.agreement.data import AgreementInput, StructureCodebook, counted_articles
from annotator.core.errors import (
    ChangedElsewhereError,
    InputError,
    NotFoundError,
    ProjectFileError,
    ProjectNotSavedError,
    ReadOnlyProjectError,
)
from annotator.core.model import (
    AnnotationSet,
    ArticleRecord,
    Document,
    Label,
    Span,
    SpanRef,
    Status,
    default_article_id,
)
from annotator.store.coding_rows import CodebookWriter, load_codings
from annotator.store.project_file import (
    check_same_file,
    identity_of,
    is_writable,
    open_read_only,
    save_copy,
)
from annotator.store.schema import open_database, project_file_error
from annotator.store.search import index_articles


def utc_now() -> str:
    """Timestamps are ISO 8601 UTC with microseconds, so they sort as text and order edits."""
    return datetime.now(UTC).isoformat(timespec="microseconds")


@dataclass(frozen=True)
class Changes:
    """What one operation changed: views refresh only what is named here."""

    documents: frozenset[str] = frozenset()
    spans: frozenset[int] = frozenset()
    labels: bool = False
    statuses: frozenset[tuple[str, str]] = frozenset()  # (document id, annotator)
    annotators: bool = False
    gold: frozenset[str] = frozenset()  # article ids whose gold spans, decisions or gold status changed
    relations: frozenset[int] = frozenset()  # ids of relations added, deleted or restored
    structure: bool = False  # the codebook: relation types, attributes or article questions
    span_details: frozenset[int] = frozenset()  # span ids whose attribute values or note changed
    codes: frozenset[tuple[str, str]] = frozenset()  # (document id, annotator): article answers or note

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            documents=self.documents | other.documents,
            spans=self.spans | other.spans,
            labels=self.labels or other.labels,
            statuses=self.statuses | other.statuses,
            annotators=self.annotators or other.annotators,
            gold=self.gold | other.gold,
            relations=self.relations | other.relations,
            structure=self.structure or other.structure,
            span_details=self.span_details | other.span_details,
            codes=self.codes | other.codes,
        )


@dataclass
class ImportSummary:
    """What an import did, for the message shown to the user."""

    articles_added: int = 0
    articles_existing: int = 0
    annotations_added: int = 0  # annotation sets: one annotator's work on one article, new to the project
    annotations_existing: int = 0  # that annotator already had work (a status) on that article
    spans_added: int = 0
    spans_existing: int = 0
    labels_added: list[str] = field(default_factory=list)
    codebook_added: list[str] = field(default_factory=list)  # relation types, attributes, questions
    annotators: set[str] = field(default_factory=set)
    document_ids: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # what the reader could not import, and why

    def describe(self) -> str:
        """One line for the status bar or terminal.

        Articles and annotation sets are counted apart: "5 already present" alone read as if five
        annotations of known articles had been skipped when they had been added.
        """
        parts = [f"{self.articles_added} article(s) added"]
        if self.articles_existing:
            parts.append(f"{self.articles_existing} already present")
        if self.annotations_added:
            parts.append(f"{self.annotations_added} annotation set(s) added")
        if self.annotations_existing:
            parts.append(f"{self.annotations_existing} annotation set(s) already present")
        parts.append(f"{self.spans_added} span(s) added")
        if self.spans_existing:
            parts.append(f"{self.spans_existing} span(s) already present")
        if self.labels_added:
            parts.append("new label(s): " + ", ".join(self.labels_added))
        if self.codebook_added:
            parts.append("added to the codebook: " + ", ".join(self.codebook_added))
        parts.extend(self.notes)
        return "; ".join(parts)


class _DryRunDone(Exception):
    """Raised at the end of a dry-run import to roll its transaction back."""


@dataclass(frozen=True)
class ArticleSummary:
    """An article without its text: what the article list shows."""

    id: str
    title: str
    length: int
    position: int
    source: str


_SPAN_COLUMNS = """
    s.id, s.document_id, a.name, s.start, s.end, l.name, s.created_at, s.updated_at, s.fragment_of
"""
_SPAN_JOINS = """
    FROM spans s JOIN annotators a ON a.id = s.annotator_id JOIN labels l ON l.id = s.label_id
"""


def _span(row: tuple) -> Span:
    return Span(*row)


def _same_span(stored: Span, expected: Span) -> bool:
    """The stored row is the span an undo step recorded: same id, article, annotator, offsets, label."""
    return (stored.id, stored.document_id, stored.annotator, stored.start, stored.end, stored.label) == (
        expected.id, expected.document_id, expected.annotator, expected.start, expected.end, expected.label)


def _changed_elsewhere(span: Span) -> ChangedElsewhereError:
    return ChangedElsewhereError(
        f"span {span.id} ({span.label} {span.start}-{span.end} of {span.annotator} in article "
        f"{span.document_id}) was changed elsewhere (another window or the command line); nothing was "
        "changed")


class Project:
    """One open project file. Not thread-safe: give each thread its own ``Project``."""

    def __init__(self, db: sqlite_utils.Database, path: Path, *, read_only: bool = False) -> None:
        self.db = db
        self.path = path
        self.read_only = read_only  # every change is refused (ReadOnlyProjectError)
        self._identity = identity_of(path)  # compared before each commit: is the path still our file?
        # The last change refused because the file could not take it (gone, disk full, read-only medium):
        # the window then offers to save a copy. Cleared by the next change that is saved.
        self.not_saved: ProjectNotSavedError | None = None
        self.closed = False
        self._data_version = self.data_version()
        # Article lengths, cached because a stored text never changes and SQLite's length() walks the
        # whole text: ~9 ms per span edit on a 1 MB article otherwise.
        self._lengths: dict[str, int] = {}

    @classmethod
    def open(cls, path: str | Path, *, read_only: bool = False) -> Project:
        """Open or create the project at ``path`` (migrating older files forward).

        An existing project whose file or folder cannot be written (``chmod 444``, a read-only medium)
        is opened read-only, as it is with ``read_only``: it reads as usual and refuses every change.
        """
        path = Path(path)
        if path.is_file() and (read_only or not is_writable(path)):
            return cls(open_read_only(path), path, read_only=True)
        return cls(open_database(path), path)

    def save_copy(self, target: str | Path) -> None:
        """Write the whole project, as this connection holds it, to ``target`` (SQLite's backup API).

        Works when the project's own file is gone or cannot be written: nothing saved before is lost.
        """
        self._rollback()
        save_copy(self.db.conn, self.path, Path(target))

    def check_file(self) -> None:
        """Raise ProjectFileGoneError if the project's path no longer names the file opened (and
        remember it in ``not_saved``)."""
        try:
            check_same_file(self.path, self._identity)
        except ProjectNotSavedError as exc:
            self.not_saved = exc
            raise

    def close(self) -> None:
        self.closed = True
        self.db.conn.close()

    def data_version(self) -> int:
        """SQLite's ``PRAGMA data_version`` on this connection: it moves only when ANOTHER connection
        commits (this connection's own commits leave it), and reading it costs microseconds."""
        return self._query("PRAGMA data_version")[0][0]

    def changed_elsewhere(self) -> bool:
        """True if another connection (a second window or process) committed since the last call.

        Cheap enough to poll from a QTimer: a view that sees True re-reads what it shows. Our own
        commits do not count (SQLite's data_version only moves for other connections' commits).
        """
        if self.closed or self.db.conn.in_transaction:
            return False  # closed, or inside our own transaction (asked again once it has ended)
        version = self.data_version()
        changed = version != self._data_version
        self._data_version = version
        return changed

    def __enter__(self) -> Project:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- transactions -------------------------------------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One user action: BEGIN IMMEDIATE … COMMIT, rolled back whole on any error."""
        conn = self.db.conn
        if conn.in_transaction:
            # Nested use (a store method called inside another's transaction) joins the outer one.
            yield conn
            return
        if self.read_only:
            raise ReadOnlyProjectError(
                f"{self.path}: the project is open read-only (the file, its folder or its disk cannot be "
                "written), so nothing was changed; copy it to a folder you can write to and work on the "
                "copy.")
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise self._write_failed(exc, "cannot write to the project") from exc
        try:
            yield conn
            # Last moment before the commit: a file that vanished would take it and lose it.
            self.check_file()
        except BaseException as exc:
            self._rollback()
            if isinstance(exc, ProjectNotSavedError):
                self.not_saved = exc
                raise
            # Disk full, I/O and damage errors surface on the statement that hits them: map them to one
            # sentence; constraint errors stay as they are for the methods that catch them.
            if isinstance(exc, sqlite3.OperationalError) or type(exc) is sqlite3.DatabaseError:
                raise self._write_failed(exc, "the change could not be saved") from exc
            raise
        try:
            conn.execute("COMMIT")
        except sqlite3.DatabaseError as exc:
            self._rollback()
            raise self._write_failed(exc, "the change could not be saved") from exc
        self.not_saved = None

    def _write_failed(self, exc: sqlite3.Error, doing: str) -> ProjectFileError:
        """One sentence for a write SQLite refused; a file that cannot take changes (disk full, read-only
        or failing medium) is remembered in ``not_saved`` so the window can offer a copy. A busy
        project (another writer) is only that: try again."""
        name = getattr(exc, "sqlite_errorname", "") or ""
        if not name.startswith(("SQLITE_FULL", "SQLITE_READONLY", "SQLITE_IOERR", "SQLITE_CANTOPEN")):
            return project_file_error(self.path, exc, doing)
        error = project_file_error(self.path, exc, doing, ProjectNotSavedError)
        self.not_saved = error  # type: ignore[assignment]
        return error

    def _rollback(self) -> None:
        """Roll back if a transaction is still open (SQLite may already have rolled back on disk full)."""
        if self.db.conn.in_transaction:
            self.db.conn.execute("ROLLBACK")

    def _read_failed(self, exc: sqlite3.DatabaseError) -> ProjectFileError:
        """The clear error for a read the file refused (a damaged page, a vanished disk)."""
        return project_file_error(self.path, exc, "cannot be read")

    def _query(self, sql: str, params: Iterable = ()) -> list[tuple]:
        try:
            return self.db.execute(sql, tuple(params)).fetchall()
        except sqlite3.DatabaseError as exc:  # a malformed page, text that is not UTF-8, a vanished disk
            raise project_file_error(self.path, exc, "cannot be read") from exc

    # -- settings -----------------------------------------------------------------------------

    def setting(self, key: str, default: str = "") -> str:
        rows = self._query("SELECT value FROM settings WHERE key = ?", (key,))
        return rows[0][0] if rows else default

    def set_setting(self, key: str, value: str) -> None:
        with self.transaction() as conn:
            conn.execute(
                "INSERT INTO settings (key, value) VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (key, value),
            )

    # -- labels -------------------------------------------------------------------------------

    def labels(self) -> list[Label]:
        """The schema's labels in their display order."""
        rows = self._query("SELECT name, color, key, position, id FROM labels ORDER BY position, id")
        return [Label(*row) for row in rows]

    def label(self, name: str) -> Label:
        rows = self._query("SELECT name, color, key, position, id FROM labels WHERE name = ?", (name,))
        if not rows:
            raise NotFoundError(f"there is no label named {name!r}")
        return Label(*rows[0])

    def _label_id(self, name: str) -> int:
        return self.label(name).id  # type: ignore[return-value]

    def add_label(self, name: str, color: str, key: str = "") -> Changes:
        """Append a label to the schema."""
        name = name.strip()
        if not name:
            raise InputError("a label needs a name")
        with self.transaction() as conn:
            if conn.execute("SELECT 1 FROM labels WHERE name = ?", (name,)).fetchone():
                raise InputError(f"a label named {name!r} already exists")
            position = conn.execute("SELECT COALESCE(MAX(position) + 1, 0) FROM labels").fetchone()[0]
            conn.execute(
                "INSERT INTO labels (name, color, key, position) VALUES (?, ?, ?, ?)",
                (name, color, key, position),
            )
        return Changes(labels=True)

    def update_label(
        self, name: str, *, new_name: str | None = None, color: str | None = None, key: str | None = None
    ) -> Changes:
        """Rename, recolour or re-key a label; spans keep it (they refer to the label, not its name)."""
        label_id = self._label_id(name)
        with self.transaction() as conn:
            if new_name is not None and new_name != name:
                new_name = new_name.strip()
                if not new_name:
                    raise InputError("a label needs a name")
                if conn.execute("SELECT 1 FROM labels WHERE name = ?", (new_name,)).fetchone():
                    raise InputError(f"a label named {new_name!r} already exists")
                conn.execute("UPDATE labels SET name = ? WHERE id = ?", (new_name, label_id))
            if color is not None:
                conn.execute("UPDATE labels SET color = ? WHERE id = ?", (color, label_id))
            if key is not None:
                conn.execute("UPDATE labels SET key = ? WHERE id = ?", (key, label_id))
        return Changes(labels=True)

    def reorder_labels(self, names: list[str]) -> Changes:
        """Set the display order to ``names`` (every label, each once)."""
        current = {label.name for label in self.labels()}
        if set(names) != current or len(names) != len(current):
            raise InputError("the new order must list every label exactly once")
        with self.transaction() as conn:
            conn.executemany(
                "UPDATE labels SET position = ? WHERE name = ?", [(i, n) for i, n in enumerate(names)]
            )
        return Changes(labels=True)

    def label_usage(self, name: str) -> int:
        """How many annotator spans (and gold spans) use the label: asked before deleting it."""
        label_id = self._label_id(name)
        spans = self._query("SELECT COUNT(*) FROM spans WHERE label_id = ?", (label_id,))[0][0]
        gold = self._query("SELECT COUNT(*) FROM gold_spans WHERE label_id = ?", (label_id,))[0][0]
        return spans + gold

    def delete_label(self, name: str) -> Changes:
        """Delete a label and every span that uses it."""
        label_id = self._label_id(name)
        with self.transaction() as conn:
            rows = conn.execute(
                "SELECT id, document_id FROM spans WHERE label_id = ?", (label_id,)
            ).fetchall()
            conn.execute("DELETE FROM spans WHERE label_id = ?", (label_id,))
            conn.execute("DELETE FROM gold_spans WHERE label_id = ?", (label_id,))
            conn.execute("DELETE FROM labels WHERE id = ?", (label_id,))
        return Changes(labels=True, spans=frozenset(r[0] for r in rows),
                       documents=frozenset(r[1] for r in rows))

    # -- annotators ---------------------------------------------------------------------------

    def annotators(self) -> list[str]:
        return [r[0] for r in self._query("SELECT name FROM annotators ORDER BY name")]

    def _annotator_id(self, name: str, create: bool = True) -> int:
        name = name.strip()
        if not name:
            raise InputError("an annotator needs a name")
        row = self.db.execute("SELECT id FROM annotators WHERE name = ?", (name,)).fetchone()
        if row:
            return row[0]
        if not create:
            raise NotFoundError(f"there is no annotator named {name!r}")
        return self.db.execute("INSERT INTO annotators (name) VALUES (?)", (name,)).lastrowid

    def add_annotator(self, name: str) -> Changes:
        with self.transaction():
            self._annotator_id(name)
        return Changes(annotators=True)

    # -- documents ----------------------------------------------------------------------------

    def article_summaries(self) -> list[ArticleSummary]:
        """Every article in corpus order, without loading texts.

        Everything comes from one index (schema v8), so the list costs the same however long the texts.
        """
        # read from the index documents_listing alone (its length(text) was computed when the row was
        # written): the texts themselves are never read
        rows = self._query("SELECT id, title, position, source, length(text) FROM documents "
                           "INDEXED BY documents_listing ORDER BY position, id")
        self._lengths.update((row[0], row[4]) for row in rows)
        return [ArticleSummary(doc_id, title, length, position, source)
                for doc_id, title, position, source, length in rows]

    def documents(self) -> list[Document]:
        """Every article with its text, in corpus order."""
        rows = self._query(
            "SELECT id, title, text, source, sha256, imported_at, meta, position FROM documents "
            "ORDER BY position, id"
        )
        return [self._document(row) for row in rows]

    def article_texts(self) -> list[tuple[str, str]]:
        """(id, text) of every article in corpus order: the corpus for matching, without the metadata."""
        return self._query("SELECT id, text FROM documents ORDER BY position, id")

    def document(self, document_id: str) -> Document:
        rows = self._query(
            "SELECT id, title, text, source, sha256, imported_at, meta, position FROM documents "
            "WHERE id = ?",
            (document_id,),
        )
        if not rows:
            raise NotFoundError(f"there is no article with id {document_id!r}")
        return self._document(rows[0])

    @staticmethod
    def _document(row: tuple) -> Document:
        doc_id, title, text, source, sha, imported_at, meta, position = row
        return Document(doc_id, title, text, source, sha, imported_at, json.loads(meta), position)

    def document_count(self) -> int:
        return self._query("SELECT COUNT(*) FROM documents")[0][0]

    def has_assignment(self) -> bool:
        """Whether the project carries an assignment at all (then each annotator sees only theirs)."""
        return self.db.execute("SELECT 1 FROM assignments LIMIT 1").fetchone() is not None

    def assigned_article_ids(self, annotator: str) -> list[str]:
        """The articles ``annotator`` should see, in corpus order.

        A project without any assignment shows everyone every article; once there is one, an annotator
        sees only their own articles (none, if the assignment leaves them out).
        """
        if not self.has_assignment():
            return [a.id for a in self.article_summaries()]
        return [row[0] for row in self.db.execute(
            "SELECT d.id FROM assignments s JOIN annotators a ON a.id = s.annotator_id "
            "JOIN documents d ON d.id = s.document_id WHERE a.name = ? ORDER BY d.position, d.id",
            (annotator,))]

    # -- spans --------------------------------------------------------------------------------

    def spans(self, document_id: str | None = None, annotator: str | None = None) -> list[Span]:
        """Spans ordered by article, start, end; optionally of one article and/or one annotator."""
        where, params = [], []
        if document_id is not None:
            where.append("s.document_id = ?")
            params.append(document_id)
        if annotator is not None:
            where.append("a.name = ?")
            params.append(annotator)
        clause = f"WHERE {' AND '.join(where)}" if where else ""
        rows = self._query(
            f"SELECT {_SPAN_COLUMNS} {_SPAN_JOINS} {clause} ORDER BY s.document_id, s.start, s.end, s.id",
            params,
        )
        return [_span(r) for r in rows]

    def span(self, span_id: int) -> Span:
        rows = self._query(f"SELECT {_SPAN_COLUMNS} {_SPAN_JOINS} WHERE s.id = ?", (span_id,))
        if not rows:
            raise NotFoundError(f"there is no span with id {span_id}")
        return _span(rows[0])

    def annotation_span_ids(self, span_ids: Iterable[int]) -> list[int]:
        """``span_ids`` with every other fragment of the discontinuous annotations among them, in order:
        what deleting or selecting one fragment takes in (the whole annotation)."""
        found = list(dict.fromkeys(span_ids))
        if not found:
            return found
        marks = ", ".join("?" * len(found))
        rows = self._query(
            "SELECT s.id FROM spans one JOIN spans s ON s.id = COALESCE(one.fragment_of, one.id) "
            f"OR s.fragment_of = COALESCE(one.fragment_of, one.id) WHERE one.id IN ({marks}) "
            "ORDER BY s.start, s.end, s.id", found)
        return list(dict.fromkeys([*found, *(span_id for (span_id,) in rows)]))

    def _check_offsets(self, document_id: str, start: int, end: int) -> None:
        length = self._lengths.get(document_id)
        if length is None:
            row = self.db.execute(
                "SELECT length(text) FROM documents WHERE id = ?", (document_id,)
            ).fetchone()
            if row is None:
                raise NotFoundError(f"there is no article with id {document_id!r}")
            length = self._lengths[document_id] = row[0]
        if not 0 <= start < end <= length:
            raise InputError(f"span {start}-{end} is outside article {document_id} (length {length})")

    def _touch_status(self, conn: sqlite3.Connection, document_id: str, annotator_id: int, now: str) -> None:
        """An edit moves a `new` article to `in progress` and records when the annotation last changed."""
        conn.execute(
            "INSERT INTO statuses (document_id, annotator_id, status, updated_at) VALUES (?, ?, ?, ?) "
            "ON CONFLICT(document_id, annotator_id) DO UPDATE SET updated_at = excluded.updated_at, "
            "status = CASE WHEN status = 'new' THEN 'in progress' ELSE status END",
            (document_id, annotator_id, Status.IN_PROGRESS.value, now),
        )

    def add_span(self, document_id: str, annotator: str, start: int, end: int, label: str) -> Span:
        """Store a new span (or return the identical one already stored) in one transaction."""
        self._check_offsets(document_id, start, end)
        label_id = self._label_id(label)
        now = utc_now()
        with self.transaction() as conn:
            annotator_id = self._annotator_id(annotator)
            existing = conn.execute(
                "SELECT id FROM spans WHERE document_id = ? AND annotator_id = ? AND start = ? AND end = ? "
                "AND label_id = ?",
                (document_id, annotator_id, start, end, label_id),
            ).fetchone()
            if existing:
                return self.span(existing[0])
            span_id = conn.execute(
                "INSERT INTO spans (document_id, annotator_id, start, end, label_id, created_at, updated_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                (document_id, annotator_id, start, end, label_id, now, now),
            ).lastrowid
            self._touch_status(conn, document_id, annotator_id, now)
        return self.span(span_id)

    def _expected_span(self, span_id: int, expected: Span | None) -> Span:
        """The stored span ``span_id``; with ``expected``, refused unless it is still exactly that span."""
        rows = self._query(f"SELECT {_SPAN_COLUMNS} {_SPAN_JOINS} WHERE s.id = ?", (span_id,))
        if expected is not None and (not rows or not _same_span(_span(rows[0]), expected)):
            raise _changed_elsewhere(expected)
        if not rows:
            raise NotFoundError(f"there is no span with id {span_id}")
        return _span(rows[0])

    def restore_span(self, span: Span) -> Span:
        """Put a deleted span back with its original id and timestamps (undo of a delete).

        Refused with ChangedElsewhereError, nothing written, if its id or the identical span is stored.
        """
        self._check_offsets(span.document_id, span.start, span.end)
        label_id = self._label_id(span.label)
        with self.transaction() as conn:
            annotator_id = self._annotator_id(span.annotator)
            # never over another writer's row: its id taken, or the same span stored under another id
            taken = conn.execute(
                "SELECT 1 FROM spans WHERE id = ? OR (document_id = ? AND annotator_id = ? AND start = ? "
                "AND end = ? AND label_id = ?)",
                (span.id, span.document_id, annotator_id, span.start, span.end, label_id)).fetchone()
            if taken:
                raise _changed_elsewhere(span)
            conn.execute(
                "INSERT INTO spans (id, document_id, annotator_id, start, end, label_id, created_at, "
                "updated_at, fragment_of) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (span.id, span.document_id, annotator_id, span.start, span.end, label_id,
                 span.created_at, span.updated_at, span.fragment_of),
            )
            self._touch_status(conn, span.document_id, annotator_id, utc_now())
        return self.span(span.id)

    def delete_span(self, span_id: int, expected: Span | None = None) -> Span:
        """Delete a span; returns it as it was, so the caller can undo.

        With ``expected`` (an undo step's record) the stored row must still be that span — else
        ChangedElsewhereError and nothing is deleted: an undo never removes another writer's span.
        """
        with self.transaction() as conn:
            span = self._expected_span(span_id, expected)
            conn.execute("DELETE FROM spans WHERE id = ?", (span_id,))
            self._touch_status(conn, span.document_id, self._annotator_id(span.annotator), utc_now())
        return span

    def add_spans(self, annotator: str, wanted: Iterable[tuple[str, int, int, str]]) -> list[Span]:
        """Store many spans of one annotator, ``(document_id, start, end, label)`` each, in ONE transaction.

        For one user action over several places (accept all suggestions, copy a passage's spans).
        Spans already stored identically are skipped; returns only the spans this call added, so an
        undo removes exactly those. Any bad offset or label refuses the whole call, storing nothing.
        """
        wanted = list(dict.fromkeys(wanted))
        for document_id, start, end, _label in wanted:
            self._check_offsets(document_id, start, end)
        label_ids = {label: self._label_id(label) for label in {w[3] for w in wanted}}
        now = utc_now()
        added: list[int] = []
        with self.transaction() as conn:
            annotator_id = self._annotator_id(annotator)
            for document_id, start, end, label in wanted:
                cursor = conn.execute(
                    "INSERT OR IGNORE INTO spans (document_id, annotator_id, start, end, label_id, "
                    "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (document_id, annotator_id, start, end, label_ids[label], now, now),
                )
                if cursor.rowcount:
                    added.append(cursor.lastrowid)
            for document_id in {w[0] for w in wanted}:
                self._touch_status(conn, document_id, annotator_id, now)
        return [self.span(span_id) for span_id in added]

    def delete_spans(self, span_ids: Iterable[int], expected: Iterable[Span] | None = None) -> list[Span]:
        """Delete several spans in one transaction; returns them as they were, so the caller can undo.

        With ``expected`` every stored row must still be the recorded span, else nothing is deleted.
        """
        span_ids = list(span_ids)
        recorded = {span.id: span for span in expected} if expected is not None else {}
        now = utc_now()
        with self.transaction() as conn:
            spans = [self._expected_span(span_id, recorded.get(span_id)) for span_id in span_ids]
            conn.executemany("DELETE FROM spans WHERE id = ?", [(span.id,) for span in spans])
            for document_id, annotator in {(span.document_id, span.annotator) for span in spans}:
                self._touch_status(conn, document_id, self._annotator_id(annotator), now)
        return spans

    def restore_spans(self, spans: Iterable[Span]) -> list[Span]:
        """Put deleted spans back with their ids and timestamps in one transaction (undo of a bulk delete)."""
        spans = list(spans)
        with self.transaction():
            for span in first_fragments_first(spans):
                self.restore_span(span)  # joins this transaction
        return [self.span(span.id) for span in spans]

    def update_span(
        self, span_id: int, *, label: str | None = None, start: int | None = None, end: int | None = None,
        expected: Span | None = None,
    ) -> Span:
        """Change a span's label and/or boundaries in place (its id stays).

        With ``expected`` the stored row must still be that span, else ChangedElsewhereError, unchanged.
        """
        span = self._expected_span(span_id, expected)
        new_start = span.start if start is None else start
        new_end = span.end if end is None else end
        self._check_offsets(span.document_id, new_start, new_end)
        label_id = self._label_id(label if label is not None else span.label)
        now = utc_now()
        with self.transaction() as conn:
            if expected is not None:
                self._expected_span(span_id, expected)  # again, under the write lock
            try:
                conn.execute(
                    "UPDATE spans SET start = ?, end = ?, label_id = ?, updated_at = ? WHERE id = ?",
                    (new_start, new_end, label_id, now, span_id),
                )
            except sqlite3.IntegrityError:
                raise InputError("an identical span already exists") from None
            self._touch_status(conn, span.document_id, self._annotator_id(span.annotator), now)
        return self.span(span_id)

    def set_labels(self, changes: Iterable[tuple[Span, str]]) -> list[Span]:
        """Give each recorded span its new label in one transaction (all fragments of a discontinuous
        annotation relabelled as one edit); returns the spans as they are now.

        Refused with ChangedElsewhereError, nothing changed, unless each span is still as recorded.
        """
        changes = list(changes)
        label_ids = {label: self._label_id(label) for _span, label in changes}
        now = utc_now()
        with self.transaction() as conn:
            for span, label in changes:
                self._expected_span(span.id, span)
                try:
                    conn.execute("UPDATE spans SET label_id = ?, updated_at = ? WHERE id = ?",
                                 (label_ids[label], now, span.id))
                except sqlite3.IntegrityError:
                    raise InputError("an identical span already exists") from None
            for document_id, annotator in {(span.document_id, span.annotator) for span, _label in changes}:
                self._touch_status(conn, document_id, self._annotator_id(annotator), now)
        return [self.span(span.id) for span, _label in changes]

    def span_counts(self, annotator: str | None = None,
                    document_ids: Iterable[str] | None = None) -> dict[str, int]:
        """Number of spans per article (of one annotator, or of all; of some articles, or of all)."""
        where, params = [], []
        if annotator is not None:
            where.append("a.name = ?")
            params.append(annotator)
        if document_ids is not None:
            ids = list(document_ids)
            where.append(f"s.document_id IN ({', '.join('?' * len(ids))})")
            params.extend(ids)
        clause = f"WHERE {' AND '.join(where)}" if where else ""
        rows = self._query(
            "SELECT s.document_id, COUNT(*) FROM spans s JOIN annotators a ON a.id = s.annotator_id "
            f"{clause} GROUP BY s.document_id", params)
        return dict(rows)

    # -- statuses -----------------------------------------------------------------------------

    def status(self, document_id: str, annotator: str) -> Status:
        rows = self._query(
            "SELECT st.status FROM statuses st JOIN annotators a ON a.id = st.annotator_id "
            "WHERE st.document_id = ? AND a.name = ?",
            (document_id, annotator),
        )
        return self._stored_status(rows[0][0]) if rows else Status.NEW

    def statuses(self, annotator: str | None = None) -> dict[tuple[str, str], Status]:
        """(article id, annotator) → status, for every pair that has one (absent means `new`)."""
        sql = (
            "SELECT st.document_id, a.name, st.status FROM statuses st "
            "JOIN annotators a ON a.id = st.annotator_id"
        )
        params: tuple = ()
        if annotator is not None:
            sql += " WHERE a.name = ?"
            params = (annotator,)
        return {(d, a): self._stored_status(s) for d, a, s in self._query(sql, params)}

    def _stored_status(self, value: str) -> Status:
        """A status as stored; a damaged file can hold what the CHECK constraint never let in."""
        try:
            return Status(value)
        except ValueError:
            raise ProjectFileError(f"{self.path}: is damaged (an article status reads {value!r})") from None

    def set_status(self, document_id: str, annotator: str, status: Status) -> Changes:
        self.document(document_id)
        with self.transaction() as conn:
            annotator_id = self._annotator_id(annotator)
            conn.execute(
                "INSERT INTO statuses (document_id, annotator_id, status, updated_at) VALUES (?, ?, ?, ?) "
                "ON CONFLICT(document_id, annotator_id) DO UPDATE SET status = excluded.status, "
                "updated_at = excluded.updated_at",
                (document_id, annotator_id, Status(status).value, utc_now()),
            )
        return Changes(statuses=frozenset({(document_id, annotator)}))

    # -- import / export ----------------------------------------------------------------------

    def import_articles(
        self, records: Iterable[ArticleRecord], *, add_labels: bool = False, dry_run: bool = False
    ) -> ImportSummary:
        """Add articles (and any spans they carry) in ONE transaction: all of it lands, or none.

        Articles are matched by the SHA-256 of their text, so re-importing never duplicates one; spans
        already present are not added twice. An unknown label is an error unless ``add_labels``.
        ``dry_run`` does everything and rolls it back: the summary says what an import would add (the
        window's preview), and the file keeps no trace of it.
        """
        summary = ImportSummary()
        with suppress(_DryRunDone):
            self._import_records(records, add_labels, summary, dry_run)
        return summary

    def _import_records(
        self, records: Iterable[ArticleRecord], add_labels: bool, summary: ImportSummary, dry_run: bool
    ) -> None:
        palette = _extra_label_colours()
        with self.transaction() as conn:
            coding_writer = CodebookWriter(conn, add=add_labels)
            labels = {name: label_id for label_id, name in
                      conn.execute("SELECT id, name FROM labels ORDER BY position, id")}
            position = conn.execute("SELECT COALESCE(MAX(position) + 1, 0) FROM documents").fetchone()[0]
            imported_at = utc_now()
            seen: set[str] = set()  # beside the ordered list: a list membership test is quadratic
            for record in records:
                document_id = self._import_document(conn, record, position, imported_at, summary)
                if document_id not in seen:
                    seen.add(document_id)
                    summary.document_ids.append(document_id)
                position += 1
                for annotation in record.annotations:
                    for ref in annotation.spans:
                        if ref.label not in labels:
                            if not add_labels:
                                known = ", ".join(labels)
                                raise InputError(
                                    f"unknown label {ref.label!r} (the project has: {known}); add it to "
                                    "the schema first or import with --add-labels",
                                    path=record.origin or record.source or None,
                                )
                            labels[ref.label] = conn.execute(
                                "INSERT INTO labels (name, color, key, position) VALUES (?, ?, '', "
                                "(SELECT COALESCE(MAX(position) + 1, 0) FROM labels))",
                                (ref.label, palette[len(summary.labels_added) % len(palette)]),
                            ).lastrowid
                            summary.labels_added.append(ref.label)
                    self._import_annotation(conn, document_id, annotation, labels, imported_at, summary)
                    if annotation.coding:
                        coding_writer.write(document_id, self._annotator_id(annotation.annotator),
                                            annotation.coding, imported_at,
                                            record.origin or record.source or None)
            summary.codebook_added = coding_writer.added
            if dry_run:
                raise _DryRunDone  # rolls the transaction back

    def _import_document(
        self, conn: sqlite3.Connection, record: ArticleRecord, position: int, now: str, summary: ImportSummary
    ) -> str:
        if "\x00" in record.text:
            # SQLite's length() and offsets stop at a NUL, so spans after it could never be added.
            raise InputError("the article text contains a NUL character (U+0000), which is not text; "
                             "remove it and import again", path=record.origin or record.source or None)
        sha = record.sha256
        row = conn.execute("SELECT id FROM documents WHERE sha256 = ?", (sha,)).fetchone()
        if row:
            summary.articles_existing += 1
            return row[0]
        document_id = record.id or default_article_id(record.text)
        if conn.execute("SELECT 1 FROM documents WHERE id = ?", (document_id,)).fetchone():
            raise InputError(
                f"article id {document_id!r} is already used by a different text in this project",
                path=record.origin or record.source or None,
            )
        conn.execute(
            "INSERT INTO documents (id, title, source, text, sha256, imported_at, meta, position) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (document_id, record.title, record.source, record.text, sha, now,
             json.dumps(record.meta, ensure_ascii=False), position),
        )
        index_articles(conn, [(document_id, record.text)])
        summary.articles_added += 1
        return document_id

    def _import_annotation(
        self,
        conn: sqlite3.Connection,
        document_id: str,
        annotation: AnnotationSet,
        labels: dict[str, int],
        now: str,
        summary: ImportSummary,
    ) -> None:
        annotator_id = self._annotator_id(annotation.annotator)
        summary.annotators.add(annotation.annotator)
        if conn.execute("SELECT 1 FROM statuses WHERE document_id = ? AND annotator_id = ?",
                        (document_id, annotator_id)).fetchone():
            summary.annotations_existing += 1
        else:
            summary.annotations_added += 1
        before = conn.total_changes
        conn.executemany(
            "INSERT OR IGNORE INTO spans (document_id, annotator_id, start, end, label_id, created_at, "
            "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [(document_id, annotator_id, s.start, s.end, labels[s.label], now, now)
             for s in annotation.spans],
        )
        added = conn.total_changes - before
        summary.spans_added += added
        summary.spans_existing += len(set(annotation.spans)) - added
        conn.execute(
            "INSERT INTO statuses (document_id, annotator_id, status, updated_at) VALUES (?, ?, ?, ?) "
            "ON CONFLICT(document_id, annotator_id) DO UPDATE SET status = excluded.status, "
            "updated_at = excluded.updated_at",
            (document_id, annotator_id, annotation.status.value, annotation.updated_at or now),
        )

    def export_records(self, annotator: str | None = None) -> Iterator[ArticleRecord]:
        """Every article as an ArticleRecord carrying one AnnotationSet per annotator who worked on it.

        With ``annotator``, only that annotator's work (articles they have not touched are left out).
        """
        statuses = self.statuses(annotator)
        edited = self._edit_times(annotator)
        codings = load_codings(self.db.conn, annotator)
        spans_by_pair: dict[tuple[str, str], list[SpanRef]] = {}
        for span in self.spans(annotator=annotator):
            spans_by_pair.setdefault((span.document_id, span.annotator), []).append(span.ref)
        pairs_by_document: dict[str, set[str]] = {}
        for document_id, name in list(statuses) + list(spans_by_pair) + list(codings):
            pairs_by_document.setdefault(document_id, set()).add(name)
        for document in self.documents():
            names = sorted(pairs_by_document.get(document.id, ()))
            if annotator is not None and not names:
                continue
            annotations = tuple(
                AnnotationSet(
                    annotator=name,
                    spans=tuple(sorted(spans_by_pair.get((document.id, name), []))),
                    status=statuses.get((document.id, name), Status.NEW),
                    updated_at=edited.get((document.id, name)),
                    coding=codings.get((document.id, name)),
                )
                for name in names
            )
            yield ArticleRecord(
                text=document.text,
                title=document.title,
                source=document.source,
                id=document.id,
                meta=document.meta,
                annotations=annotations,
            )

    def _edit_times(self, annotator: str | None = None) -> dict[tuple[str, str], str]:
        """(article id, annotator) → when that annotator last changed their work there."""
        rows = self._query(
            "SELECT st.document_id, a.name, st.updated_at FROM statuses st "
            "JOIN annotators a ON a.id = st.annotator_id" + (" WHERE a.name = ?" if annotator else ""),
            (annotator,) if annotator else (),
        )
        return {(document_id, name): updated_at for document_id, name, updated_at in rows}

    def agreement_input(
        self, annotators: list[str] | None = None, labels: list[str] | None = None,
        codebook: StructureCodebook | None = None,
    ) -> AgreementInput:
        """The articles agreement counts: those at least two (of ``annotators``) have `done`, with only
        those annotators' spans (of ``labels``). Unknown names raise NotFoundError.

        With ``codebook`` (``store.codebook.Codebook.for_agreement()``), each annotator's relations,
        attribute values and article answers come too, for the structured measures."""
        known_labels = [label.name for label in self.labels()]
        for name in labels or ():
            if name not in known_labels:
                raise NotFoundError(f"there is no label named {name!r} (the project has: "
                                    f"{', '.join(known_labels)})")
        known_annotators = set(self.annotators())
        for name in annotators or ():
            if name not in known_annotators:
                raise NotFoundError(f"there is no annotator named {name!r} (the project has: "
                                    f"{', '.join(sorted(known_annotators)) or 'none'})")
        done: dict[str, set[str]] = {}
        for (document_id, name), status in self.statuses().items():
            if status is Status.DONE:
                done.setdefault(document_id, set()).add(name)
        spans: dict[tuple[str, str], list[SpanRef]] = {}
        for span in self.spans():
            spans.setdefault((span.document_id, span.annotator), []).append(span.ref)
        rows = self._query("SELECT id, title, text FROM documents ORDER BY position, id")
        chosen = tuple(name for name in known_labels if labels is None or name in labels)
        codings = load_codings(self.db.conn) if codebook is not None else None
        return counted_articles(rows, done, spans, chosen, tuple(annotators) if annotators else None,
                                codings, codebook or StructureCodebook())


def first_fragments_first(spans: Iterable[Span]) -> list[Span]:
    """``spans`` in an order they can be put back in: a discontinuous annotation's first fragment
    before the fragments that name it."""
    return sorted(spans, key=lambda span: span.fragment_of is not None)


def _extra_label_colours() -> list[str]:
    """Colours for labels added by import, after the four defaults (Tableau 10, colour-blind aware)."""
    return ["#76b7b2", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"]
