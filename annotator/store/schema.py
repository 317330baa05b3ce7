"""The project database's schema, versioned in ``PRAGMA user_version`` and migrated forward on open.

Version history:
  1 — documents, labels, annotators, spans, per-(document, annotator) status.
  2 — gold spans and gold status (adjudication), project settings (guidelines, name).
  3 — gold rejections: candidate spans a curator decided are not gold (so re-running adjudicate keeps
      them out and the curation view stops listing them).
  4 — assignments: which annotator is to annotate which article (from a pack or `pack --assign`).
  5 — document_search: an FTS5 trigram index over every article's Arabic-normalised text (corpus
      search); the migration fills it for the articles already stored.
  6 — span and gold span ids are never reused (AUTOINCREMENT): an undo step that remembers an id can
      never meet another writer's span under it. Existing ids are kept.
  7 — structured coding (store/schema_structure.py): relation types, attributes and vocabularies,
      article questions; per annotator relations, attribute values, notes, article answers.
  8 — documents_listing: an index holding what the article list shows (order, id, title, source, length),
      so listing a large archive never reads the article texts.
  9 — gold structured coding (store/schema_gold_structure.py): gold relations, attribute values on gold
      spans and article answers, with the curator's rejections of each.
  10 — discontinuous annotations: ``spans.fragment_of``, on every fragment but the first, names the
       annotation's first fragment (deleting that one deletes the rest).
  11 — documents_listing holds each article's metadata too, so the article list filters and sorts by it
       without reading the texts.
Add a version by appending to MIGRATIONS; never edit a shipped step.
"""

from __future__ import annotations

import functools
import os
import re
import shutil
import sqlite3
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import sqlite_utils

from annotator.core.errors import ProjectFileError
from annotator.core.model import DEFAULT_LABELS
from annotator.store.schema_gold_structure import add_gold_structure
from annotator.store.schema_structure import add_structure
from annotator.store.search import index_is_current, rebuild_index

SCHEMA_V1 = """
CREATE TABLE documents (
    id          TEXT PRIMARY KEY,
    title       TEXT NOT NULL,
    source      TEXT NOT NULL DEFAULT '',
    text        TEXT NOT NULL,
    sha256      TEXT NOT NULL UNIQUE,
    imported_at TEXT NOT NULL,
    meta        TEXT NOT NULL DEFAULT '{}',
    position    INTEGER NOT NULL
);
CREATE TABLE labels (
    id       INTEGER PRIMARY KEY,
    name     TEXT NOT NULL UNIQUE,
    color    TEXT NOT NULL,
    key      TEXT NOT NULL DEFAULT '',
    position INTEGER NOT NULL
);
CREATE TABLE annotators (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
);
CREATE TABLE spans (
    id           INTEGER PRIMARY KEY,
    document_id  TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    annotator_id INTEGER NOT NULL REFERENCES annotators(id),
    start        INTEGER NOT NULL,
    end          INTEGER NOT NULL,
    label_id     INTEGER NOT NULL REFERENCES labels(id),
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    CHECK (0 <= start AND start < end),
    UNIQUE (document_id, annotator_id, start, end, label_id)
);
CREATE INDEX spans_by_document ON spans(document_id, annotator_id);
CREATE INDEX spans_by_label ON spans(label_id);
CREATE TABLE statuses (
    document_id  TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    annotator_id INTEGER NOT NULL REFERENCES annotators(id),
    status       TEXT NOT NULL CHECK (status IN ('new', 'in progress', 'done')),
    updated_at   TEXT NOT NULL,
    PRIMARY KEY (document_id, annotator_id)
);
"""

SCHEMA_V2 = """
CREATE TABLE gold_spans (
    id          INTEGER PRIMARY KEY,
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    start       INTEGER NOT NULL,
    end         INTEGER NOT NULL,
    label_id    INTEGER NOT NULL REFERENCES labels(id),
    decided_by  TEXT NOT NULL,
    decided_at  TEXT NOT NULL,
    origin      TEXT NOT NULL DEFAULT 'curated',
    CHECK (0 <= start AND start < end),
    UNIQUE (document_id, start, end, label_id)
);
CREATE TABLE gold_statuses (
    document_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    status      TEXT NOT NULL CHECK (status IN ('not started', 'in progress', 'curated')),
    updated_at  TEXT NOT NULL
);
CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
"""

SCHEMA_V3 = """
CREATE TABLE gold_rejections (
    id          INTEGER PRIMARY KEY,
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    start       INTEGER NOT NULL,
    end         INTEGER NOT NULL,
    label_id    INTEGER NOT NULL REFERENCES labels(id) ON DELETE CASCADE,
    decided_by  TEXT NOT NULL,
    decided_at  TEXT NOT NULL,
    UNIQUE (document_id, start, end, label_id)
);
"""

SCHEMA_V4 = """
CREATE TABLE assignments (
    document_id  TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    annotator_id INTEGER NOT NULL REFERENCES annotators(id) ON DELETE CASCADE,
    PRIMARY KEY (document_id, annotator_id)
);
CREATE INDEX assignments_by_annotator ON assignments(annotator_id);
"""

# search_texts holds each article's normalised text under a stable INTEGER key; document_search is an
# FTS5 index over it (external content: the text is stored once). Trigrams, so a query matches inside
# words (Arabic attaches clitics: "المتحدة" is found in "والمتحدة"); case_sensitive because
# normalisation keeps case and the index must agree with instr(); detail=none (no positions) because
# every candidate is confirmed on search_texts anyway: measured on 10,000 articles of 3 kB, 43 MB and
# 1.3 s to build against 73 MB and 1.7 s with positions. store.search.index_articles adds to both
# tables (an AFTER INSERT trigger made indexing four times slower); the trigger below removes an
# article's entry when its row goes (articles are not deleted today; ON DELETE CASCADE would).
SCHEMA_V5 = (  # statements one by one: the trigger bodies hold semicolons
    """CREATE TABLE search_texts (
        id          INTEGER PRIMARY KEY,
        document_id TEXT NOT NULL UNIQUE REFERENCES documents(id) ON DELETE CASCADE,
        text        TEXT NOT NULL
    )""",
    """CREATE VIRTUAL TABLE document_search USING fts5(
        text,
        content = 'search_texts',
        content_rowid = 'id',
        tokenize = 'trigram case_sensitive 1',
        detail = none
    )""",
    """CREATE TRIGGER search_texts_removed AFTER DELETE ON search_texts BEGIN
        INSERT INTO document_search (document_search, rowid, text) VALUES ('delete', old.id, old.text);
    END""",
)

Migration = Callable[[sqlite3.Connection], None]


def _script(sql: str) -> Migration:
    def run(conn: sqlite3.Connection) -> None:
        for statement in sql.split(";"):
            if statement.strip():
                conn.execute(statement)

    return run


def _create_v1(conn: sqlite3.Connection) -> None:
    _script(SCHEMA_V1)(conn)
    conn.executemany(
        "INSERT INTO labels (name, color, key, position) VALUES (?, ?, ?, ?)",
        [(name, color, key, position) for position, (name, color, key) in enumerate(DEFAULT_LABELS)],
    )


def _create_v5(conn: sqlite3.Connection) -> None:
    for statement in SCHEMA_V5:
        conn.execute(statement)
    rebuild_index(conn)  # SQL cannot normalise Arabic: the existing articles are indexed from Python


def _never_reuse_ids(conn: sqlite3.Connection) -> None:
    """Rebuild spans and gold_spans as AUTOINCREMENT tables, keeping every row and id.

    SQLite cannot add AUTOINCREMENT to a table: it is made anew, filled, and renamed (SQLite's
    documented procedure; foreign keys are switched on only after migrating, so dropping the old table
    cascades nowhere, and ``foreign_key_check`` runs before the commit). The sequence starts at the
    highest id stored (ids deleted above it before the migration cannot be known).
    """
    tables = conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name IN ('spans', 'gold_spans')")
    for table, old_sql in tables.fetchall():
        new_sql, found = re.subn(r"\bid(\s+)INTEGER PRIMARY KEY,",
                                 r"id\1INTEGER PRIMARY KEY AUTOINCREMENT,", old_sql, count=1)
        if not found:
            raise sqlite3.DatabaseError(f"unexpected definition of table {table}")
        indexes = [sql for (sql,) in conn.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL",
            (table,))]
        conn.execute(new_sql.replace(f"CREATE TABLE {table}", f"CREATE TABLE {table}_rebuilt", 1))
        conn.execute(f"INSERT INTO {table}_rebuilt SELECT * FROM {table}")
        conn.execute(f"DROP TABLE {table}")
        conn.execute(f"ALTER TABLE {table}_rebuilt RENAME TO {table}")
        for index_sql in indexes:
            conn.execute(index_sql)
        if conn.execute(f"PRAGMA foreign_key_check({table})").fetchone() is not None:
            raise sqlite3.IntegrityError(f"a row of {table} refers to a missing article, annotator or "
                                         "label")


# The article list reads every article's id, title, order and length: from this index alone (length() is
# computed once, when a row is written), not from the rows, whose text it would otherwise read whole
# (100,000 articles of 6 kB: 5.3 s, against ~0.1 s from the index).
SCHEMA_V8 = "CREATE INDEX documents_listing ON documents(position, id, title, source, length(text))"


# A discontinuous annotation (brat's ``T1 actor 4 8;18 26``) is one span per fragment, so agreement,
# search, suggestions and every flat format see its fragments as spans; the later fragments name the
# first. ADD COLUMN keeps every row as it is (SQLite allows a REFERENCES column added with a NULL default).
SCHEMA_V10 = """
ALTER TABLE spans ADD COLUMN fragment_of INTEGER REFERENCES spans(id) ON DELETE CASCADE;
CREATE INDEX spans_by_fragment_of ON spans(fragment_of) WHERE fragment_of IS NOT NULL
"""


# The article list filters and sorts by metadata: the listing index carries it (meta, stored after the
# text, read from the rows reads the texts too: 1.44 s at 100,000 articles warm, 37 ms from the index).
SCHEMA_V11 = ("DROP INDEX documents_listing;"
              "CREATE INDEX documents_listing ON documents(position, id, title, source, length(text), meta)")


# MIGRATIONS[n] takes a database at version n to version n + 1.
MIGRATIONS: dict[int, Migration] = {
    0: _create_v1,
    1: _script(SCHEMA_V2),
    2: _script(SCHEMA_V3),
    3: _script(SCHEMA_V4),
    4: _create_v5,
    5: _never_reuse_ids,
    6: add_structure,
    7: _script(SCHEMA_V8),
    8: add_gold_structure,
    9: _script(SCHEMA_V10),
    10: _script(SCHEMA_V11),
}
SCHEMA_VERSION = max(MIGRATIONS) + 1


@functools.cache
def expected_schema(version: int) -> frozenset[tuple[str, str]]:
    """(type, name) of every table, view and trigger a project at ``version`` holds (FTS5's own too)."""
    conn = sqlite3.connect(":memory:")
    try:
        for step in range(min(version, SCHEMA_VERSION)):
            MIGRATIONS[step](conn)
        return frozenset(conn.execute(
            "SELECT type, name FROM sqlite_master WHERE type IN ('table', 'view', 'trigger')"))
    finally:
        conn.close()


def unexpected_schema(conn: sqlite3.Connection, version: int) -> list[str]:
    """The tables, views and triggers in ``conn`` that a project of ``version`` does not have."""
    known = expected_schema(version)
    return sorted(f"{kind} {name}" for kind, name in conn.execute(
        "SELECT type, name FROM sqlite_master WHERE type IN ('table', 'view', 'trigger')")
        if (kind, name) not in known and not (kind == "table" and name.startswith("sqlite_")))


@contextmanager
def untrusted_connection(path: Path) -> Iterator[sqlite3.Connection]:
    """A read-only connection to someone else's project file that leaves nothing beside it.

    A read-only open of a WAL database creates ``-wal`` and ``-shm`` files it cannot remove again; so a
    file nobody has open (no ``-wal``/``-shm``) is opened ``immutable``, one in use (both exist) plainly
    read-only (its companions are there already, and hold work not yet written back), and a crashed
    one (only one of them) is read from a private copy. ``trusted_schema=OFF`` keeps views and triggers
    from calling the application's functions (SQLite's advice for files of unknown origin).
    """
    wal, shm = Path(f"{path}-wal"), Path(f"{path}-shm")
    copy_dir = None
    try:
        if wal.exists() and shm.exists():
            uri = f"{path.resolve().as_uri()}?mode=ro"
        elif not wal.exists() and not shm.exists():
            uri = f"{path.resolve().as_uri()}?mode=ro&immutable=1"
        else:
            copy_dir = Path(tempfile.mkdtemp(prefix="annotator-merge-"))
            copy = copy_dir / "source.sqlite"
            shutil.copyfile(path, copy)
            if wal.exists():
                shutil.copyfile(wal, Path(f"{copy}-wal"))
            uri = f"{copy.as_uri()}?mode=ro"
        conn = sqlite3.connect(uri, uri=True)
        try:
            conn.execute("PRAGMA trusted_schema = OFF")
            yield conn
        finally:
            conn.close()
    finally:
        if copy_dir is not None:
            shutil.rmtree(copy_dir, ignore_errors=True)


def project_file_error(path: Path, exc: sqlite3.Error, doing: str = "cannot be opened",
                       error: type[ProjectFileError] = ProjectFileError) -> ProjectFileError:
    """Map an SQLite error to one sentence a user can act on (the one place that knows SQLite's wording)."""
    text = str(exc).lower()
    if "readonly" in text or "read-only" in text:
        reason = ("the project file or its folder is read-only; change its permissions or copy it to a "
                  "folder you can write to")
    elif "full" in text:
        reason = "the disk is full; free some space and try again"
    elif "disk i/o" in text:
        reason = "the disk could not be written (it may be full, removed or failing)"
    elif "locked" in text or "busy" in text:
        reason = "another annotator window or program is writing to the project; try again in a moment"
    elif any(word in text for word in ("malformed", "not a database", "corrupt", "decode")):
        reason = "the project file is damaged; restore it from a backup or an export"
    else:
        reason = f"the database reported an error ({exc})"
    return error(f"{path}: {doing}: {reason}.")


def check_readable_project(path: Path, *, immutable: bool = False) -> int:
    """Check an existing project without writing to it; returns its schema version.

    Refuses (ProjectFileError, file untouched) a file that is not SQLite, is damaged, or is some other
    program's SQLite database, so that opening never "repairs" or migrates a file that is not ours.
    ``immutable`` reads it without the lock files a WAL database otherwise gets (for a read-only
    project nobody can be writing).
    """
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro{'&immutable=1' if immutable else ''}",
                               uri=True)
        conn.text_factory = lambda data: data.decode("utf-8", "replace")  # a damaged file's names may be junk
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            problems = _quick_check(conn, path, tables)
        finally:
            conn.close()
    except UnicodeDecodeError as exc:  # SQLite's message quotes a damaged schema, which Python cannot decode
        raise ProjectFileError(
            f"{path}: the project file is damaged (its table definitions are unreadable); restore it from a "
            "backup or an export. The file was not changed."
        ) from exc
    except sqlite3.DatabaseError as exc:
        if "not a database" in str(exc).lower():
            raise ProjectFileError(
                f"{path}: is not an annotator project (it is not an SQLite database). "
                "The file was not changed."
            ) from exc
        raise project_file_error(path, exc) from exc
    if problems != ["ok"]:
        raise ProjectFileError(
            f"{path}: the project file is damaged (SQLite's check found {len(problems)} or more problem(s)); "
            "restore it from a backup or an export. The file was not changed."
        )
    if version == 0 and tables:
        raise ProjectFileError(
            f"{path}: is an SQLite database of another program, not an annotator project. "
            "The file was not changed."
        )
    return version


# quick_check reads every page: ~30 ms for 10,000 articles, 2.3 s for a 1.7 GB archive of 100,000 and so
# on, before every command and every window. Past this size only the tables the work lives in (spans,
# statuses, gold, labels, annotators…) and the schema are checked; the articles' text and the search
# index, nine tenths of such a file, are checked by SQLite as they are read (a damaged page there is
# refused with the "damaged" message when met).
FULL_CHECK_MAX_BYTES = 256 * 1024 * 1024
# the tables that grow with the corpus' text, left to SQLite's checks on reading in a large file
TEXT_TABLES = ("documents", "search_texts", "document_search", "document_search_data",
               "document_search_idx", "document_search_docsize", "document_search_config")


def _quick_check(conn: sqlite3.Connection, path: Path, tables: set[str]) -> list[str]:
    """SQLite's quick_check of the file (of all but its text tables when the file is large)."""
    if path.stat().st_size <= FULL_CHECK_MAX_BYTES:
        return [row[0] for row in conn.execute("PRAGMA quick_check(5)")]
    problems: list[str] = []
    for table in ["sqlite_schema", *sorted(tables - set(TEXT_TABLES))]:
        problems += [row[0] for row in conn.execute(f'PRAGMA quick_check("{table.replace(chr(34), "")}")')
                     if row[0] != "ok"]
    return problems or ["ok"]


def read_user_version(path: Path) -> int:
    """The file's schema version, read without writing anything to it."""
    return check_readable_project(path)


def _check_writable(path: Path) -> None:
    """Refuse before SQLite is asked to: a read-only file or folder otherwise fails half-way through open."""
    folder = path.parent
    if path.exists() and not os.access(path, os.W_OK):
        raise ProjectFileError(
            f"{path}: the project file is read-only, so annotator cannot save your work in it; change its "
            "permissions or copy it to a folder you can write to. The file was not changed."
        )
    # WAL keeps two companion files (-wal, -shm) beside the project, so the folder must be writable too.
    if not os.access(folder, os.W_OK):
        raise ProjectFileError(
            f"{path}: the folder {folder} is read-only, so annotator cannot save your work there; copy the "
            "project to a folder you can write to. The file was not changed."
        )


def open_database(path: Path) -> sqlite_utils.Database:
    """Open (creating if missing) a project file, refuse newer versions untouched, migrate older ones.

    Every refusal (not SQLite, damaged, another program's database, newer version, read-only file or
    folder) raises ProjectFileError with one sentence for the user, before anything is written.
    """
    path = Path(path)
    if path.exists():
        if path.is_dir():
            raise ProjectFileError(f"{path}: is a folder, not a project file")
        _check_writable(path)
        if path.stat().st_size > 0:
            version = check_readable_project(path)
            if version > SCHEMA_VERSION:
                raise ProjectFileError(
                    f"{path}: was written by a newer version of annotator (schema {version}, this version "
                    f"reads up to {SCHEMA_VERSION}); update annotator to open it. The file was not changed."
                )
    elif not path.parent.exists():
        raise ProjectFileError(f"{path}: the folder {path.parent} does not exist")
    else:
        _check_writable(path)
    conn = None
    try:
        conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False, timeout=10.0)
        db = sqlite_utils.Database(conn)
        db.execute("PRAGMA busy_timeout = 10000")
        version = db.execute("PRAGMA user_version").fetchone()[0]
        if version < SCHEMA_VERSION:
            migrate(conn, version)  # foreign keys still off: a table rebuild must not cascade
        db.execute("PRAGMA foreign_keys = ON")
        if not index_is_current(conn):
            _rebuild_search_index(conn)
        mode = db.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if mode.lower() != "wal":
            raise ProjectFileError(f"{path}: cannot switch the project to write-ahead logging (got {mode})")
        # FULL: a transaction reported saved survives power loss too, not only a crash of the app.
        db.execute("PRAGMA synchronous = FULL")
    except (sqlite3.Error, ProjectFileError) as exc:
        if conn is not None:
            conn.close()
        if isinstance(exc, ProjectFileError):
            raise
        raise project_file_error(path, exc) from exc
    return db


def _rebuild_search_index(conn: sqlite3.Connection) -> None:
    """Rebuild the search index in one transaction (its normalisation rules changed since it was built)."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        rebuild_index(conn)
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


def migrate(conn: sqlite3.Connection, from_version: int) -> None:
    """Run every migration step from ``from_version`` up, all in one transaction."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        for version in range(from_version, SCHEMA_VERSION):
            MIGRATIONS[version](conn)
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
