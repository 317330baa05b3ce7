"""Team files on disk: what this desktop publishes, written atomically, and others' files as merge sources.

``team_folder`` decides when to write and what to merge; this module knows how: the content of my
file (only my work; the reviewer's also carries the project), the atomic write (a hidden temporary
file in the folder, fsync, rename), a cheap look at a file's header, and turning a checked file into
a merge source that speaks for its one writer.
"""

from __future__ import annotations

import glob
import json
import os
import tempfile
from pathlib import Path

from annotator.core.errors import AnnotatorError, InputError
from annotator.core.formats.pack import Pack
from annotator.core.formats.team_file import SUFFIX, Role, TeamFile, WorkOnArticle, team_file_bytes
from annotator.core.merging import MergeSource, PairWork, source_from_pack
from annotator.core.model import ArticleRecord, Label
from annotator.core.structure import StructuredCoding
from annotator.store import Project
from annotator.store.assignments import assignment as stored_assignment
from annotator.store.codebook import Codebook
from annotator.store.merge import project_gold
from annotator.store.team_work import annotator_work, lengths_by_hash


class TeamFolderError(AnnotatorError):
    """The team folder cannot be used (missing, not a folder, not writable); the project is untouched."""


def file_name(annotator: str) -> str:
    """The one file ``annotator`` writes in the folder."""
    return annotator + SUFFIX


def my_team_file(project: Project, annotator: str, reviewer: bool) -> TeamFile:
    """What this desktop publishes: ``annotator``'s work (by article hash); a reviewer's file instead
    carries every article with the reviewer's own work, and the guidelines, assignment and gold.
    Sequence 0: the writer numbers it."""
    name = project.setting("name") or project.path.stem
    if not reviewer:
        work = [WorkOnArticle(sha, doc, title, done)
                for sha, doc, title, done in annotator_work(project, annotator)]
        return TeamFile(annotator, Role.ANNOTATOR, 0, Pack(records=[], labels=project.labels(), name=name,
                                                           schema=Codebook(project).schema()), work=work)
    by_id = {r.id: r for r in project.export_records(annotator=annotator)}
    records = [by_id.get(d.id) or ArticleRecord(text=d.text, title=d.title, source=d.source, id=d.id,
                                                meta=d.meta)
               for d in project.documents()]
    pack = Pack(records=records, labels=project.labels(), guidelines=project.setting("guidelines"), name=name,
                assignment=stored_assignment(project) or None, schema=Codebook(project).schema())
    return TeamFile(annotator, Role.REVIEWER, 0, pack, project_gold(project))


def peek_header(path: Path) -> dict | None:
    """The header line of a team file, unchecked (None when unreadable): its sequence and checksum."""
    try:
        with path.open("rb") as handle:
            first = handle.readline(1 << 16)
        header = json.loads(first.decode("utf-8"))
    except (OSError, ValueError):
        return None
    return header if isinstance(header, dict) else None


def write_team_file(team: TeamFile, folder: Path) -> Path:
    """Write ``team`` as ``folder/NAME.annotator-team``: whole or not at all, even if killed meanwhile.

    The bytes go to a hidden temporary file in the same folder (which sync engines and the scan
    skip), are flushed to disk, and renamed over the old file; the folder is flushed after.
    """
    target = folder / file_name(team.annotator)
    data = team_file_bytes(team)
    for stale in folder.glob(f".{glob.escape(target.name)}.*.partial"):  # left by a write killed midway
        stale.unlink(missing_ok=True)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".partial", dir=folder)
    except OSError as exc:
        raise TeamFolderError(f"{folder}: cannot write in the team folder ({exc.strerror or exc}); your "
                              "work stays in the project and is published once the folder can be written"
                              ) from None
    try:
        os.fchmod(fd, 0o644)  # mkstemp's 0600 would hide the file from the team on a shared drive
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    try:
        dir_fd = os.open(folder, os.O_RDONLY)
    except OSError:  # folders cannot be opened on some systems; the rename is done either way
        return target
    try:
        os.fsync(dir_fd)
    except OSError:
        pass
    finally:
        os.close(dir_fd)
    return target


def source_from_team_file(path: str, team: TeamFile) -> MergeSource:
    """A merge source from a checked team file: its owner's work replaces the project's copy of it.

    A reviewer's file also speaks for the gold and the guidelines (as a pack does for an annotator).
    An annotator's work names articles by hash only: ``place_work`` checks it against the texts.
    """
    source = source_from_pack(path, team.pack)
    sha_by_id = {record.id: record.sha256 for record in team.pack.records}
    source.gold = {sha_by_id[article_id]: gold for article_id, gold in team.gold.items()}
    known = {label.name for label in source.labels}
    for item in team.work:
        when = item.work.updated_at
        source.pairs[(item.sha256, team.annotator)] = PairWork({ref: (when, when) for ref in item.work.spans},
                                                               item.work.status, when,
                                                               item.work.coding or StructuredCoding())
        for ref in item.work.spans:
            if ref.label not in known:
                known.add(ref.label)
                source.labels.append(Label(ref.label, "", position=len(source.labels)))
    source.owner = team.annotator
    if team.role is Role.REVIEWER:
        source.owns_gold = True
        source.authoritative = True
    return source


def known_lengths(project: Project, sources: list[MergeSource]) -> dict[str, int]:
    """Text hash → length of every article in the project or brought by ``sources``."""
    lengths = lengths_by_hash(project)
    for source in sources:
        lengths.update((a.sha256, len(a.text)) for a in source.articles)
    return lengths


def place_work(source: MergeSource, lengths: dict[str, int]) -> int:
    """Check work that names its article by hash against the text's length (``known_lengths``).

    Work on an article that is not known is taken out of ``source`` and counted: it waits for the
    reviewer's file to bring the article. A span past the end of its text refuses the file
    (InputError naming it and the article).
    """
    own = {a.sha256 for a in source.articles}
    held = 0
    for key in [k for k in source.pairs if k[0] not in own]:
        length = lengths.get(key[0])
        if length is None:
            del source.pairs[key]
            held += 1
            continue
        for ref in source.pairs[key].spans:
            if ref.end > length:
                raise InputError(f"a span of {key[1]!r} ({ref.start}-{ref.end}, {ref.label}) lies outside "
                                 f"the article {key[0][:16]}… ({length} characters); the file was altered "
                                 "and is not merged", path=source.path)
    return held
