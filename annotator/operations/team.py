"""Team work without a server: hand out a pack, open it on another machine, merge the work back.

Like ``corpus``, this module joins files (read with ``core.formats``) to the store: every file is read
completely before anything is written, so a bad file stops the operation with the project unchanged.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from annotator.core.assignment import Assignment, from_pairs, round_robin
from annotator.core.errors import InputError
from annotator.core.formats.jsonl import read_jsonl
from annotator.core.formats.pack import (
    DEFAULT_LIMITS,
    SUFFIX,
    Pack,
    PackLimits,
    read_assignment_csv,
    read_pack,
    write_pack,
)
from annotator.core.formats.team_file import SUFFIX as TEAM_SUFFIX
from annotator.core.formats.team_file import read_team_file
from annotator.core.merging import MergeSource, source_from_pack, source_from_records
from annotator.core.model import ArticleRecord
from annotator.operations.team_files import known_lengths, place_work, source_from_team_file
from annotator.store import Project
from annotator.store.assignments import assignment as stored_assignment
from annotator.store.codebook import Codebook
from annotator.store.merge import (
    MergeSummary,
    edit_times,
    is_project_file,
    merge_sources,
    read_project_file,
)

PROJECT_SUFFIXES = (".sqlite", ".db", ".sqlite3")
JSONL_SUFFIXES = (".jsonl", ".json")


def load_merge_source(path: Path, limits: PackLimits = DEFAULT_LIMITS) -> MergeSource:
    """Read one file to merge: another project (.sqlite/.db), a pack (.annotator) or our JSONL."""
    suffix = path.suffix.lower()
    if not path.is_file():
        raise InputError("no such file", path=str(path))
    if suffix in PROJECT_SUFFIXES or is_project_file(path):
        return read_project_file(path)
    if suffix == SUFFIX:
        return source_from_pack(str(path), read_pack(path, limits))
    if suffix == TEAM_SUFFIX:
        return source_from_team_file(str(path), read_team_file(path, limits.megabytes << 20))
    if suffix in JSONL_SUFFIXES:
        return source_from_records(str(path), read_jsonl(path))
    raise InputError("cannot be merged: give a project file (.sqlite, .db), a pack (.annotator), a team "
                     "file (.annotator-team) or JSONL (.jsonl)", path=str(path))


def merge_files(project: Project, paths: Iterable[Path], *, prefer_newer: bool = False,
                limits: PackLimits = DEFAULT_LIMITS) -> MergeSummary:
    """Merge every file into ``project`` as one transaction, in the order given (packs within ``limits``)."""
    sources = [load_merge_source(Path(p), limits) for p in paths]
    lengths = known_lengths(project, sources)
    for source in sources:
        if place_work(source, lengths):
            raise InputError("holds work on articles that neither the project nor the other files have; "
                             "merge it together with the reviewer's team file, which brings the articles",
                             path=source.path)
    return merge_sources(project, sources, prefer_newer=prefer_newer)


def plan_assignment(project: Project, *, annotators: list[str] | None = None, per_article: int = 1,
                    assignment_csv: Path | None = None) -> Assignment | None:
    """The assignment a pack carries: round robin over ``annotators``, a CSV list, or the stored one."""
    article_ids = [a.id for a in project.article_summaries()]
    if annotators and assignment_csv:
        raise InputError("give either --annotators (round robin) or --assignment FILE, not both")
    if annotators:
        return round_robin(article_ids, annotators, per_article)
    if assignment_csv is not None:
        return from_pairs(read_assignment_csv(assignment_csv), article_ids, str(assignment_csv))
    return stored_assignment(project) or None


def build_pack(project: Project, assignment: Assignment | None, *, with_work: bool = False) -> Pack:
    """The project as a pack: every article, the labels and the rest of the codebook (relation types,
    attributes, article questions), guidelines and ``assignment``.

    Annotators' spans (and relations, attribute values, notes and answers) go in only ``with_work``
    (a pack handed out for independent annotation must not show one annotator another's spans).
    """
    edited_at = {}
    if with_work:
        records = list(project.export_records())
        edited_at = edit_times(project)
    else:
        records = [ArticleRecord(text=r.text, title=r.title, source=r.source, id=r.id, meta=r.meta)
                   for r in project.export_records()]
    return Pack(records=records, labels=project.labels(), guidelines=project.setting("guidelines"),
                name=project.setting("name") or project.path.stem, assignment=assignment, edited_at=edited_at,
                schema=Codebook(project).schema())


def write_pack_file(pack: Pack, out: Path) -> None:
    """Write the pack beside ``out`` and rename it over, so a failure never leaves half a pack."""
    if not out.parent.exists():
        raise InputError(f"the folder {out.parent} does not exist", path=str(out))
    fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", dir=out.parent)
    os.close(fd)
    try:
        write_pack(pack, Path(tmp))
        os.replace(tmp, out)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def open_pack(project: Project, path: Path, limits: PackLimits = DEFAULT_LIMITS) -> MergeSummary:
    """Create or update a local project from a pack: articles, labels, guidelines, assignment, work.

    Opening the same pack again changes nothing; opening a newer pack adds what is new and replaces
    the guidelines with the pack's (assignments add up, so earlier batches stay visible).
    """
    source = source_from_pack(str(path), read_pack(path, limits))
    source.authoritative = True
    return merge_sources(project, [source])
