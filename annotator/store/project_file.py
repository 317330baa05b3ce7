"""The project file itself: is it still the one we opened, can it be written, and saving a copy of it.

A connection keeps writing into a file whose folder was deleted (or whose USB stick was pulled, or
that another file replaced): the unlinked inode takes every commit and the work vanishes when the
window closes. So the store remembers the file's identity (device and inode) at open and compares it
before each commit (one ``stat``, a few microseconds). What the connection still holds can be written
elsewhere with SQLite's online backup, from the still-open connection, so nothing is lost.

A project whose file, folder or medium cannot be written is opened read-only, leaving nothing beside
it (no ``-wal``/``-shm``): reading, listing, searching and exporting work, every change is refused.
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
from dataclasses import dataclass
from pathlib import Path

import sqlite_utils

from annotator.core.errors import ProjectFileError, ProjectFileGoneError
from annotator.store.schema import SCHEMA_VERSION, check_readable_project, project_file_error


@dataclass(frozen=True)
class FileIdentity:
    """Which file a path names: its device and inode (the same file under any name)."""

    device: int
    inode: int


def identity_of(path: Path) -> FileIdentity | None:
    """The identity of the file at ``path`` now, or None when nothing (or something unreadable) is there."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    return FileIdentity(info.st_dev, info.st_ino)


def check_same_file(path: Path, opened: FileIdentity | None) -> None:
    """Raise ProjectFileGoneError unless ``path`` still names the file opened as ``opened``."""
    if opened is None:  # an identity could not be read at open: nothing to compare with
        return
    now = identity_of(path)
    if now == opened:
        return
    what = ("is no longer there (its folder was deleted or renamed, or its disk was removed)" if now is None
            else "was replaced by another file")
    raise ProjectFileGoneError(
        f"{path}: the project file {what}, so this change was not saved. Everything saved before is still "
        "in the open project: save a copy of it elsewhere to keep your work.")


def is_writable(path: Path) -> bool:
    """Whether annotator may write the project at ``path``: the file and its folder (WAL keeps its
    ``-wal`` and ``-shm`` files beside the project)."""
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def open_read_only(path: Path) -> sqlite_utils.Database:
    """Open an existing project that cannot be written, reading only and creating nothing beside it.

    With no ``-wal``/``-shm`` beside it nobody has the file open for writing (its permissions forbid
    it), so it is opened ``immutable`` (SQLite then needs no lock files); with both there, plainly
    read-only (they hold work not yet written back). The file must be of this version: an older one
    would need a migration, which is a write.
    """
    wal, shm = Path(f"{path}-wal"), Path(f"{path}-shm")
    in_use = wal.exists() and shm.exists()
    version = check_readable_project(path, immutable=not in_use)
    if version != SCHEMA_VERSION:
        newer = version > SCHEMA_VERSION
        raise ProjectFileError(
            f"{path}: the project file is read-only and "
            + (f"was written by a newer version of annotator (schema {version}); update annotator to open it."
               if newer else
               f"was made by an older version of annotator (schema {version}), which must be updated in "
               "place before it can be opened; copy it to a folder you can write to and open the copy.")
            + " The file was not changed.")
    uri = path.resolve().as_uri() + ("?mode=ro" if in_use else "?mode=ro&immutable=1")
    try:
        conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False, timeout=10.0)
        conn.execute("PRAGMA query_only = ON")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.Error as exc:
        raise project_file_error(path, exc) from exc
    return sqlite_utils.Database(conn)


def save_copy(conn: sqlite3.Connection, source: Path, target: Path) -> None:
    """Write the whole project held by ``conn`` to ``target`` with SQLite's online backup.

    The copy is written under a temporary name in the target folder and renamed into place, so a
    failure (a full disk there too) leaves no half copy; ``target`` is replaced if it exists. It works
    while the original file is gone: the backup reads through the open connection.
    """
    target = Path(target)
    if target.resolve() == Path(source).resolve():
        raise ProjectFileError(f"{target}: is the open project itself; choose another name or folder")
    if not target.parent.is_dir():
        raise ProjectFileError(f"{target}: the folder {target.parent} does not exist")
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".partial", dir=target.parent)
    os.close(handle)
    copy = None
    try:
        copy = sqlite3.connect(temporary)
        conn.backup(copy)
        copy.execute("PRAGMA journal_mode = DELETE")  # one self-contained file, whatever the source used
        copy.close()
        copy = None
        with open(temporary, "rb") as data:
            os.fsync(data.fileno())
        os.replace(temporary, target)
    except sqlite3.Error as exc:
        raise project_file_error(target, exc, "the copy could not be saved") from exc
    except OSError as exc:
        raise ProjectFileError(f"{target}: the copy could not be saved: {exc.strerror or exc}.") from exc
    finally:
        if copy is not None:
            copy.close()
        for leftover in (temporary, f"{temporary}-journal"):
            if os.path.exists(leftover):
                os.unlink(leftover)
