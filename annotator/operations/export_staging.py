"""Make an export appear whole or not at all: its data and its metadata record are written under a
partial name in the target folder, flushed to disk, then renamed into place.

The data is a file with ``OUT.metadata.json`` beside it (jsonl, csv, conll, spacy, qdpx) or a folder
holding ``metadata.json`` (brat, xmi). A folder is staged whole and appears in one rename. A file and its
record take two renames, in an order that leaves a consistent pair at every moment a crash can stop
it: the old record is removed first, then the data renamed over the old data, then the new record
renamed into place. So a record beside a data file always describes that file (it also names the
data's SHA-256); at worst, after a crash, the data has no record yet.

What a crash leaves behind is a hidden folder whose name holds ``PARTIAL_MARK``; the folder importer
skips such folders (``is_partial``), so importing the parent folder never reads a half-written export.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from annotator.core.errors import AnnotatorError

PARTIAL_MARK = ".annotator-partial-"


def is_partial(path: Path) -> bool:
    """True for an export still being written (or cut short by a crash) and everything inside it."""
    return any(PARTIAL_MARK in part for part in path.parts)


@dataclass
class StagedExport:
    """Where the writer puts the data (``data``) and the metadata record, before they are put in place."""

    out: Path
    metadata_path: Path  # where the record ends up
    staging: Path  # the hidden partial folder in out's folder
    data: Path  # the data file, or the data folder, inside staging (for a folder: staging itself)
    folder: bool
    companions: list[str] = field(default_factory=list)  # files beside a data file (Label Studio's config)

    def companion(self, name: str) -> Path:
        """Where to stage a file that belongs beside the data file (put in place before the data)."""
        self.companions.append(name)
        return self.staging / name

    @property
    def staged_metadata(self) -> Path:
        return (self.data / "metadata.json" if self.folder
                else self.staging / self.metadata_path.name)

    def data_sha256(self) -> str | None:
        """The SHA-256 of the staged data file (None for a folder), recorded in the metadata."""
        if self.folder:
            return None
        digest = hashlib.sha256()
        with self.data.open("rb") as data:
            for chunk in iter(lambda: data.read(1 << 20), b""):
                digest.update(chunk)
        return digest.hexdigest()

    def write_metadata(self, metadata: dict[str, Any]) -> None:
        self.staged_metadata.write_text(json.dumps(metadata, ensure_ascii=False, indent=2) + "\n",
                                        encoding="utf-8")


def _fsync_file(path: Path) -> None:
    with path.open("rb") as file:
        os.fsync(file.fileno())


def _fsync_tree(path: Path) -> None:
    """Flush every file and folder below ``path`` (and ``path`` itself) to disk."""
    if path.is_file():
        _fsync_file(path)
        return
    for folder, _, names in os.walk(path):
        for name in names:
            _fsync_file(Path(folder, name))
        _fsync_folder(Path(folder))


def _fsync_folder(path: Path) -> None:
    """Flush a folder's entries (the renames into it); a no-op where folders cannot be opened."""
    try:
        descriptor = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)


def _check_target(out: Path, folder: bool) -> None:
    if not out.parent.exists():
        raise AnnotatorError(f"{out}: the folder {out.parent} does not exist")
    if folder and out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise AnnotatorError(f"{out}: exists and is not an empty folder; give a new folder for a brat or "
                             "xmi export")
    if not folder and out.is_dir():
        raise AnnotatorError(f"{out}: is a folder; give a file name to write")


@contextmanager
def staged_export(out: Path, metadata_path: Path, *, folder: bool = False) -> Iterator[StagedExport]:
    """Stage an export in a partial folder beside ``out``; put data and record in place if the block
    succeeds, remove the partial folder if it fails. The block writes ``stage.data`` and calls
    ``stage.write_metadata``."""
    _check_target(out, folder)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}{PARTIAL_MARK}", dir=out.parent))
    if folder:
        staging.chmod(0o755)  # mkdtemp makes it private; the exported folder should read like any other
    stage = StagedExport(out, metadata_path, staging, staging if folder else staging / out.name, folder)
    try:
        yield stage
        if not stage.staged_metadata.is_file():
            raise AnnotatorError(f"{out}: the export wrote no metadata record; nothing was written")
        _fsync_tree(staging)
        if folder:
            if out.exists():
                out.rmdir()
            os.replace(staging, out)
        else:
            # Record gone first, record back last: a record never sits beside data it does not describe.
            metadata_path.unlink(missing_ok=True)
            for name in stage.companions:
                os.replace(stage.staging / name, out.parent / name)
            os.replace(stage.data, out)
            os.replace(stage.staged_metadata, metadata_path)
            staging.rmdir()
        _fsync_folder(out.parent)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
