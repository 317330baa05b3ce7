"""Bring files into a project: find them, read them with core.formats, hand them to the store at once.

Reading happens completely before writing, so a bad file stops the import with nothing written; the
store then adds everything in one transaction. Also opens the default project with the sample corpus.
"""

from __future__ import annotations

from collections.abc import Iterable
from importlib.resources import files
from pathlib import Path

import platformdirs

from annotator.core.errors import InputError
from annotator.core.formats.jsonl import read_jsonl
from annotator.core.formats.plaintext import read_txt
from annotator.core.model import ArticleRecord
from annotator.store import ImportSummary, Project

READERS = {".txt": "txt", ".jsonl": "jsonl", ".json": "jsonl"}
DEFAULT_PROJECT_NAME = "default-project.sqlite"


def find_article_files(paths: Iterable[Path]) -> list[Path]:
    """Files named on the command line, and every readable file below named folders, in sorted order."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(p for p in sorted(path.rglob("*")) if p.is_file() and p.suffix.lower() in READERS)
        elif path.is_file():
            if path.suffix.lower() not in READERS:
                raise InputError(
                    "unsupported file type (import reads .txt articles and .jsonl records)", path=str(path)
                )
            found.append(path)
        else:
            raise InputError("no such file or folder", path=str(path))
    return found


def read_article_files(paths: Iterable[Path], annotator: str | None = None) -> list[ArticleRecord]:
    """Read every file fully; raises InputError on the first bad file, before anything is stored."""
    files_found = find_article_files(paths)
    if not files_found:
        raise InputError("no .txt or .jsonl files found in " + ", ".join(str(p) for p in paths))
    records: list[ArticleRecord] = []
    for path in files_found:
        if READERS[path.suffix.lower()] == "txt":
            records.append(read_txt(path))
        else:
            records.extend(read_jsonl(path, default_annotator=annotator))
    return records


def import_paths(
    project: Project, paths: Iterable[Path], *, annotator: str | None = None, add_labels: bool = False
) -> ImportSummary:
    """Import files and folders into ``project`` as one transaction."""
    records = read_article_files(list(paths), annotator)
    return project.import_articles(records, add_labels=add_labels)


def seed_files() -> list[Path]:
    """The sample articles shipped with the application."""
    seeds = files("annotator.seeds")
    return sorted(Path(str(p)) for p in seeds.iterdir() if p.name.endswith(".txt"))


def default_project_path() -> Path:
    """The default project's file in the user's data folder (platformdirs: XDG on Linux)."""
    return Path(platformdirs.user_data_dir("annotator", appauthor=False)) / DEFAULT_PROJECT_NAME


def open_default_project() -> Project:
    """Open the default project, creating it with the sample articles on first run."""
    path = default_project_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    is_new = not path.exists()
    project = Project.open(path)
    if is_new or project.document_count() == 0:
        project.import_articles([read_txt(p) for p in seed_files()])
    return project
