"""Bring files into a project: find them, read them with core.formats, hand them to the store at once.

Records stream from the readers into the store's one transaction (constant memory whatever the
corpus size); a bad file or line anywhere rolls the whole import back, so nothing
is written. Also opens the default project with the sample corpus.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from importlib.resources import files
from pathlib import Path

import platformdirs

from annotator.core.errors import InputError
from annotator.core.formats.brat import BratSummary, read_brat
from annotator.core.formats.conll_read import read_conll_file
from annotator.core.formats.doccano import read_doccano
from annotator.core.formats.jsonl import read_jsonl
from annotator.core.formats.plaintext import read_txt
from annotator.core.formats.spans_csv import read_spans_csv
from annotator.core.model import ArticleRecord, Document, default_article_id
from annotator.operations.export_staging import is_partial
from annotator.operations.import_documents import (
    DOCUMENT_FORMATS,
    DOCUMENT_READERS,
    DocumentOptions,
    csv_kind,
    read_document_file,
    refine_kind,
)
from annotator.store import ImportSummary, Project

READERS = {".txt": "txt", ".jsonl": "jsonl", ".json": "jsonl", ".ann": "brat", ".csv": "csv",
           ".conll": "conll", ".iob": "conll", ".bio": "conll", ".zip": "doccano", **DOCUMENT_READERS}
# formats whose records refer to articles the project already has: the import reads them all first
NEEDS_ARTICLES = ("csv", "conll")
# --format choices; without it, each file's name decides
FORMATS = ("txt", "jsonl", "brat", "csv", "conll", "doccano", *DOCUMENT_FORMATS)
DEFAULT_PROJECT_NAME = "default-project.sqlite"
PROGRESS_EVERY = 200  # records between two progress reports within one file
# progress(files read, files in all): called before each file, every PROGRESS_EVERY records and once more
# after the last record, still inside the transaction, so an exception it raises (Cancel) stores nothing.
ImportProgress = Callable[[int, int], None]


def is_export_metadata(path: Path) -> bool:
    """True for the ``metadata.json`` / ``<data>.metadata.json`` record `annotator export` writes."""
    name = path.name.lower()
    return name == "metadata.json" or name.endswith(".metadata.json")


def _files_below(folder: Path) -> list[Path]:
    """Every file below ``folder``, sorted; a sub-folder that cannot be listed stops the import.

    An export still being written (or cut short) sits in a partial folder: never read, so importing
    the folder exports go to never takes in half an export.
    """
    def refuse(error: OSError) -> None:
        where = error.filename or folder
        reason = error.strerror or str(error)
        raise InputError(f"cannot read this folder ({reason.lower()}); nothing was imported — make it "
                         "readable or leave it out", path=str(where))

    found: list[Path] = []
    for parent, folders, names in os.walk(folder, onerror=refuse):
        folders[:] = [name for name in folders if not is_partial(Path(name))]
        found.extend(Path(parent, name) for name in names if not is_partial(Path(name)))
    return sorted(found)


def find_article_files(paths: Iterable[Path]) -> list[Path]:
    """Files named on the command line, and every readable file below named folders, in sorted order."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            # An export's metadata record sits beside its data; a folder that was exported imports back.
            found.extend(p for p in _files_below(path)
                         if p.is_file() and p.suffix.lower() in READERS and not is_export_metadata(p))
        elif path.is_file():
            if is_export_metadata(path):
                raise InputError("is the metadata record an export writes beside its data, not articles; "
                                 "import the data file or folder instead", path=str(path))
            if path.suffix.lower() == ".annotator":
                raise InputError("is a pack: open it with `annotator --db PROJECT unpack FILE` (File ▸ Open "
                                 "pack…), or merge it with `merge`", path=str(path))
            if path.suffix.lower() not in READERS:
                raise InputError(
                    "unsupported file type (import reads .txt articles, .jsonl records, brat .txt + .ann "
                    "pairs, span .csv files, CoNLL .conll/.iob/.bio, doccano .zip, article tables "
                    "(.csv/.tsv/.xlsx), .docx, .html, INCEpTION .xmi, Label Studio .json and .qdpx)",
                    path=str(path))
            found.append(path)
        else:
            raise InputError("no such file or folder", path=str(path))
    return found


def read_article_files(
    paths: Iterable[Path], annotator: str | None = None, *, format: str | None = None,
    articles: Mapping[str, Document] | None = None, notes: list[str] | None = None,
    options: DocumentOptions | None = None,
) -> list[ArticleRecord]:
    """Read every file fully; raises InputError on the first bad file, before anything is stored.

    A ``.txt`` with an ``.ann`` beside it is brat standoff (so is every ``.txt`` with ``format="brat"``);
    brat spans belong to ``annotator``, or else to the folder they are in (said in ``notes``). Span CSV
    rows refer to ``articles`` (the project's) or to articles read in the same call.
    """
    return list(iter_article_records(paths, annotator, format=format, articles=articles, notes=notes,
                                     options=options))


def iter_article_records(
    paths: Iterable[Path], annotator: str | None = None, *, format: str | None = None,
    articles: Mapping[str, Document] | None = None, notes: list[str] | None = None,
    options: DocumentOptions | None = None,
) -> Iterator[ArticleRecord]:
    """``read_article_files`` one record at a time (JSONL line by line); span CSV files come last."""
    paths = list(paths)
    files_found = find_article_files(paths)
    if not files_found:
        raise InputError("no .txt, .jsonl, .ann or .csv files found in " + ", ".join(str(p) for p in paths))
    notes = notes if notes is not None else []
    brat_texts = {p.with_suffix(".txt") for p in files_found if p.suffix.lower() == ".ann"}
    keep = any(p.suffix.lower() == ".csv" for p in files_found)  # span rows may refer to these articles
    records: list[ArticleRecord] = []
    csv_files: list[Path] = []
    brat = BratSummary()
    named: set[str] = set()
    for path in files_found:
        kind = READERS[path.suffix.lower()]
        options = options or DocumentOptions()
        if kind == "csv" and format in (None, "table"):
            kind = "table" if format == "table" else csv_kind(path, options)
        kind = refine_kind(path, kind, format)
        if (kind, format) in (("txt", "conll"), ("jsonl", "doccano")):
            kind = format
        if format is not None and kind not in ({"brat", "txt"} if format == "brat" else {format}):
            raise InputError(f"is not a {format} file (remove --format to let the file name decide)",
                             path=str(path))
        if kind == "csv":
            csv_files.append(path)
        elif kind in DOCUMENT_FORMATS:
            for record in read_document_file(path, kind, annotator, options, notes):
                if keep:
                    records.append(record)
                yield record
        elif kind == "conll":
            conll = read_conll_file(path, annotator, articles or {})
            notes.extend(conll.notes)
            yield from conll.records
        elif kind == "doccano":
            for record in read_doccano(path, annotator):
                if keep:
                    records.append(record)
                yield record
        elif kind == "jsonl":
            for record in read_jsonl(path, default_annotator=annotator, notes=notes):
                if keep:
                    records.append(record)
                yield record
        elif kind == "brat" or path in brat_texts or format == "brat":
            if kind == "txt" and path in brat_texts:
                continue  # read with its .ann
            who = annotator or path.parent.name
            if not annotator and kind == "brat" and who not in named:
                named.add(who)
                notes.append(f"brat annotations in {path.parent} attributed to annotator {who!r} (the "
                             "folder's name; choose another with --annotator)")
            txt = path.with_suffix(".txt")
            document = read_brat(txt, path if kind == "brat" else None, who)
            brat.add(document.summary)
            if keep:
                records.append(document.record)
            yield document.record
        else:
            record = read_txt(path)
            if keep:
                records.append(record)
            yield record
    if csv_files:
        known = dict(articles or {})
        for record in records:
            record_id = record.id or default_article_id(record.text)
            known.setdefault(record_id, Document(record_id, record.title, record.text, record.source))
        for path in csv_files:
            yield from read_spans_csv(path, known)
    notes.extend(brat.notes())


def import_paths(
    project: Project, paths: Iterable[Path], *, annotator: str | None = None, add_labels: bool = False,
    format: str | None = None, options: DocumentOptions | None = None, dry_run: bool = False,
    progress: ImportProgress | None = None,
) -> ImportSummary:
    """Import files and folders into ``project`` as one transaction.

    ``dry_run`` reads and checks everything and rolls back: the summary is what an import would add.
    ``progress`` hears how many of the files have been read (see ``ImportProgress``).
    """
    notes: list[str] = []
    paths = list(paths)
    found = find_article_files(paths)
    if format == "conll" or any(READERS[p.suffix.lower()] in NEEDS_ARTICLES for p in found):
        # span rows and CoNLL tokens refer to articles: the project's and those read beside them, in memory
        documents = {d.id: d for d in project.documents()}
        records: Iterable[ArticleRecord] = read_article_files(paths, annotator, format=format,
                                                               articles=documents, notes=notes,
                                                               options=options)
    else:
        # streamed into the one transaction: constant memory, and a bad line anywhere rolls it all back
        records = iter_article_records(paths, annotator, format=format, notes=notes, options=options)
    if progress is not None:
        records = _reporting(records, len(found), progress)
    summary = project.import_articles(records, add_labels=add_labels, dry_run=dry_run)
    summary.notes.extend(notes)
    return summary


def _reporting(
    records: Iterable[ArticleRecord], total: int, progress: ImportProgress
) -> Iterator[ArticleRecord]:
    """``records``, telling ``progress`` how many files are behind them (by each record's origin)."""
    files_seen: set[str] = set()
    progress(0, total)
    for count, record in enumerate(records, 1):
        origin = (record.origin or record.source).partition(", ")[0]  # "file, line 3" → "file"
        if origin not in files_seen:
            files_seen.add(origin)
            progress(min(len(files_seen) - 1, total), total)
        elif count % PROGRESS_EVERY == 0:
            progress(min(len(files_seen) - 1, total), total)
        yield record
    progress(total, total)


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
