"""The live team folder: a project joined to a folder that a sync engine (or git) keeps in step.

Each desktop writes one file, ``NAME.annotator-team``, and only its own; a round of ``sync`` writes
that file when this desktop's work changed, then merges every other file that changed since the last
round through the verified merge. Files are told apart by the annotator their header names, so the
copies sync engines make on a conflict (Dropbox's "(conflicted copy", Syncthing's ".sync-conflict-",
Nextcloud's "(conflicted", OneDrive's "NAME-PCNAME") are grouped with the file they copy: the highest
sequence wins, the rest stay on disk and are reported. Clocks are never compared.

What the project remembers (in its settings, key ``team_folder``): the folder, who works here, whether
as the reviewer; and (``team_state``) my last sequence and checksum, and for every file seen its size,
modification time, writer, sequence and checksum, so an unchanged file is not read again.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import asdict, dataclass, field
from enum import Enum
from pathlib import Path

from annotator.core.errors import AnnotatorError, InputError
from annotator.core.formats.team_file import SUFFIX, IncompleteTeamFile, TeamFile, read_team_file, team_body
from annotator.core.formats.untrusted import blank
from annotator.core.merging import MergeSource
from annotator.operations.team_files import (
    TeamFolderError,
    file_name,
    known_lengths,
    my_team_file,
    peek_header,
    place_work,
    source_from_team_file,
    write_team_file,
)
from annotator.store import Project
from annotator.store.merge import MergeSummary, merge_sources
from annotator.store.repository import utc_now
from annotator.store.team_work import publish_fingerprint

SETTING, STATE = "team_folder", "team_state"


@dataclass(frozen=True)
class Membership:
    """This project's place in a team folder."""

    folder: Path
    annotator: str
    reviewer: bool = False


class FileState(Enum):
    """What a round made of one file in the folder."""

    MERGED = "merged"  # read and merged this round
    UNCHANGED = "unchanged"  # as at the last round
    WAITING = "waiting"  # only partly there (a copy under way): read once complete
    REFUSED = "refused"  # damaged or hostile: not merged, read again when it changes
    CONFLICT_COPY = "conflict-copy"  # a sync engine's copy that lost to a higher sequence: kept on disk
    OLDER = "older"  # a lower sequence than already merged for its annotator (an old copy came back)
    OWN_COPY = "own-copy"  # another file claiming this desktop's annotator: never merged here


@dataclass
class FileReport:
    """One file's fate in a round."""

    file: str
    state: FileState
    annotator: str | None = None
    sequence: int | None = None
    message: str = ""

    def to_json(self) -> dict:
        return {"file": self.file, "state": self.state.value, "annotator": self.annotator,
                "sequence": self.sequence, "message": self.message}


@dataclass
class SyncReport:
    """What one round did: my file written (or not), every other file's fate, the merge's summary."""

    membership: Membership
    wrote_sequence: int | None = None
    files: list[FileReport] = field(default_factory=list)
    summary: MergeSummary | None = None

    @property
    def refused(self) -> list[FileReport]:
        return [f for f in self.files if f.state is FileState.REFUSED]

    def describe(self) -> str:
        """Lines for the terminal: what was written, merged, waited for, refused and kept."""
        me = file_name(self.membership.annotator)
        lines = [f"wrote {me} (sequence {self.wrote_sequence})" if self.wrote_sequence is not None
                 else f"{me}: your work is unchanged, not rewritten"]
        for report in self.files:
            if report.state is not FileState.UNCHANGED:
                who = f" ({report.annotator}, sequence {report.sequence})" if report.annotator else ""
                lines.append(f"{report.state.value}: {report.file}{who}"
                             + (f": {report.message}" if report.message else ""))
        unchanged = sum(f.state is FileState.UNCHANGED for f in self.files)
        if unchanged:
            lines.append(f"{unchanged} other file(s) unchanged")
        if self.summary is not None:
            lines.append("merged: " + self.summary.describe())
        return "\n".join(lines)

    def to_json(self) -> dict:
        summary = None
        if self.summary is not None:
            summary = {k: v for k, v in asdict(self.summary).items() if k != "changes"}
        return {"folder": str(self.membership.folder), "annotator": self.membership.annotator,
                "reviewer": self.membership.reviewer,
                "wrote": None if self.wrote_sequence is None else {
                    "file": file_name(self.membership.annotator), "sequence": self.wrote_sequence},
                "files": [f.to_json() for f in self.files], "merged": summary}


def membership(project: Project) -> Membership | None:
    """The team folder this project has joined, or None."""
    value = project.setting(SETTING)
    if not value:
        return None
    data = json.loads(value)
    return Membership(Path(data["folder"]), data["annotator"], bool(data.get("reviewer")))


def join(project: Project, folder: Path, annotator: str, reviewer: bool = False) -> Membership:
    """Join ``folder`` as ``annotator``; a new name starts a new file (the old one is left as it is)."""
    if blank(annotator) or "/" in annotator or "\\" in annotator or annotator.startswith("."):
        raise InputError(f"{annotator!r} cannot name a team file: give a name without slashes that does not "
                         "begin with a dot")
    folder = Path(folder).absolute()
    _usable(folder)
    joined = Membership(folder, annotator.strip(), reviewer)
    with project.transaction():
        project.set_setting(SETTING, json.dumps({"folder": str(folder), "annotator": joined.annotator,
                                                 "reviewer": reviewer}, ensure_ascii=False))
        previous = _state(project)
        if previous.get("folder") != str(folder):  # another folder: nothing seen there yet
            project.set_setting(STATE, json.dumps({"folder": str(folder)}))
    return joined


def leave(project: Project) -> Membership | None:
    """Leave the team folder (its files stay; the project keeps everything merged so far)."""
    joined = membership(project)
    if joined is not None:
        with project.transaction() as conn:
            conn.execute("DELETE FROM settings WHERE key IN (?, ?)", (SETTING, STATE))
    return joined


def _state(project: Project) -> dict:
    value = project.setting(STATE)
    return json.loads(value) if value else {}


def _usable(folder: Path) -> None:
    if folder.exists() and not folder.is_dir():
        raise TeamFolderError(f"{folder}: is a file, not a folder; give the shared folder itself")
    if not folder.is_dir():
        raise TeamFolderError(f"{folder}: the team folder is missing (not mounted, moved or deleted); your "
                              "work stays in the project and is published when the folder is back")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise TeamFolderError(f"{folder}: the team folder cannot be written (check its permissions); your "
                              "work stays in the project")


def sync(project: Project) -> SyncReport:
    """One round: write my file if my work changed, merge every other file that changed, report all.

    A folder that is missing or cannot be written raises TeamFolderError before anything is done.
    Bad files are reported (REFUSED, naming the file), never merged; the rest of the round goes on.
    """
    joined = membership(project)
    if joined is None:
        raise InputError("this project has not joined a team folder; join one with "
                         "`team-folder PATH --as NAME`")
    _usable(joined.folder)
    state = _state(project)
    before = json.dumps(state, sort_keys=True)
    report = SyncReport(joined)
    report.wrote_sequence = _publish(project, joined, state)
    seen_before = dict(state.get("files", {}))
    sources = _place(project, _scan(joined, state, report), report)
    if sources:
        report.summary = _merge(project, sources, state, report)
    for refused in report.refused:  # read again next round, and the project stays as it was
        if refused.file in seen_before:
            state["files"][refused.file] = seen_before[refused.file]
        else:
            state["files"].pop(refused.file, None)
    if json.dumps(state, sort_keys=True) != before:
        project.set_setting(STATE, json.dumps(state, ensure_ascii=False, sort_keys=True))
    return report


def publish(project: Project) -> int | None:
    """Write my file if my work changed, merging nothing (the window does this on exit); its new
    sequence, or None when unchanged or not joined. An unusable folder raises TeamFolderError."""
    joined = membership(project)
    if joined is None:
        return None
    _usable(joined.folder)
    state = _state(project)
    before = json.dumps(state, sort_keys=True)
    sequence = _publish(project, joined, state)
    if json.dumps(state, sort_keys=True) != before:
        project.set_setting(STATE, json.dumps(state, ensure_ascii=False, sort_keys=True))
    return sequence


def _publish(project: Project, joined: Membership, state: dict) -> int | None:
    """Write my file if its content changed or it is gone; the new sequence, or None.

    A fingerprint of the rows the file is made of spares building the file when nothing changed.
    """
    path = joined.folder / file_name(joined.annotator)
    on_disk = peek_header(path)
    mine = state.get("mine", {})
    sequence, digest, fingerprint = [*mine.get(joined.annotator, [0, ""]), ""][:3]
    now = publish_fingerprint(project, joined.annotator, joined.reviewer)
    if on_disk is not None and on_disk.get("body_sha256") == digest and fingerprint == now:
        return None
    team = my_team_file(project, joined.annotator, joined.reviewer)
    body_digest = _digest(team_body(team))
    if on_disk is not None and on_disk.get("body_sha256") == body_digest == digest:
        mine[joined.annotator] = [sequence, digest, now]
        state["mine"] = mine
        return None
    disk_sequence = on_disk.get("sequence") if on_disk else 0
    team.sequence = max(sequence, disk_sequence if type(disk_sequence) is int else 0) + 1
    team.written_at = utc_now()
    write_team_file(team, joined.folder)
    mine[joined.annotator] = [team.sequence, body_digest, now]
    state["mine"] = mine
    return team.sequence


def _digest(body: bytes) -> str:
    return hashlib.sha256(body).hexdigest()


def _scan(joined: Membership, state: dict, report: SyncReport) -> list[tuple[str, MergeSource, list]]:
    """Every other file's fate; the winners to merge as (owner, source, [sequence, checksum])."""
    seen = state.setdefault("files", {})
    merged = state.setdefault("merged", {})
    me = file_name(joined.annotator)
    try:
        entries = sorted(e.name for e in os.scandir(joined.folder)
                         if e.name.endswith(SUFFIX) and not e.name.startswith(".") and e.name != me)
    except OSError as exc:
        raise TeamFolderError(f"{joined.folder}: the team folder cannot be read ({exc.strerror or exc})"
                              ) from None
    for name in list(seen):
        if name not in entries:
            del seen[name]
    candidates: dict[str, list[tuple[int, str, str, TeamFile | None]]] = {}  # owner → (seq, sha, file, read)
    for name in entries:
        path = joined.folder / name
        try:
            stat = path.stat()
        except OSError:
            continue  # gone between the listing and now: the next round sees it
        known = seen.get(name)
        if known and known[:2] == [stat.st_size, stat.st_mtime_ns]:
            candidates.setdefault(known[2], []).append((known[3], known[4], name, None))
            continue
        try:
            team = read_team_file(path)
        except IncompleteTeamFile as exc:
            report.files.append(FileReport(name, FileState.WAITING, message=_reason(exc, path)))
            continue
        except InputError as exc:
            report.files.append(FileReport(name, FileState.REFUSED, message=_reason(exc, path)))
            continue
        seen[name] = [stat.st_size, stat.st_mtime_ns, team.annotator, team.sequence, team.body_sha256]
        candidates.setdefault(team.annotator, []).append((team.sequence, team.body_sha256, name, team))
    winners = []
    for owner, found in sorted(candidates.items()):
        # on a tie (a copy of the same write) the file under the owner's own name is the one merged
        found.sort(key=lambda c: (c[0], c[1], c[2] == file_name(owner)), reverse=True)
        if owner == joined.annotator:
            for sequence, _, name, _ in found:
                report.files.append(FileReport(name, FileState.OWN_COPY, owner, sequence,
                                               f"another file written as {owner!r}; this desktop writes {me} "
                                               "and never merges its own name"))
            continue
        sequence, digest, name, team = found[0]
        for other_sequence, _, other, _ in found[1:]:
            if other == file_name(owner):
                why = (f"holds an older sequence than {name} ({_copy_kind(name, owner)}), which is the one "
                       "merged; kept on disk")
            else:
                why = (f"{_copy_kind(other, owner)}; kept on disk, {name} (sequence {sequence}) is the one "
                       "merged")
            report.files.append(FileReport(other, FileState.CONFLICT_COPY, owner, other_sequence, why))
        last = merged.get(owner)
        if last == [sequence, digest]:
            report.files.append(FileReport(name, FileState.UNCHANGED, owner, sequence))
            continue
        if last is not None and sequence < last[0]:
            report.files.append(FileReport(name, FileState.OLDER, owner, sequence,
                                           f"sequence {last[0]} of {owner!r} is already merged; this older "
                                           "copy is not"))
            continue
        if team is None:
            try:
                team = read_team_file(joined.folder / name)
            except InputError as exc:
                report.files.append(FileReport(name, FileState.REFUSED, owner, sequence, _reason(exc, name)))
                continue
        winners.append((name, source_from_team_file(str(joined.folder / name), team), [sequence, digest]))
    return winners


def _reason(exc: InputError, path: object) -> str:
    """The error's message without the path in front (the report names the file)."""
    text = str(exc)
    prefix = f"{path}: "
    return text[len(prefix):] if text.startswith(prefix) else text


def _copy_kind(name: str, owner: str) -> str:
    """Which sync engine made this copy, told by its name."""
    if "(conflicted copy" in name:
        return "a Dropbox conflict copy"
    if ".sync-conflict-" in name:
        return "a Syncthing conflict copy"
    if "(conflicted" in name:
        return "a Nextcloud conflict copy"
    if name.startswith(owner + "-"):
        return "a OneDrive copy (NAME-PCNAME)"
    return f"another file written as {owner!r}"


def _place(project: Project, winners: list[tuple[str, MergeSource, list]],
           report: SyncReport) -> list[tuple[str, MergeSource, list]]:
    """Check work named by article hash; a file with work on articles not here yet merges the rest and
    waits (it is not marked merged, so the next round tries it again)."""
    lengths = known_lengths(project, [source for _, source, _ in winners])
    placed = []
    for name, source, key in winners:
        try:
            held = place_work(source, lengths)
        except InputError as exc:
            report.files.append(FileReport(name, FileState.REFUSED, source.owner, key[0],
                                           _reason(exc, source.path)))
            continue
        if held:
            report.files.append(FileReport(name, FileState.WAITING, source.owner, key[0],
                                           f"work on {held} article(s) this project does not have yet "
                                           "waits for the reviewer's file"))
            key = None  # merge what can be, but read the file again next round
        placed.append((name, source, key))
    return placed


def _merge(project: Project, winners: list[tuple[str, MergeSource, list]], state: dict,
           report: SyncReport) -> MergeSummary | None:
    """Merge the winners in one transaction; if that fails, one by one, so one bad file stops only itself."""
    winners.sort(key=lambda w: (not w[1].owns_gold, w[1].owner or "", w[0]))
    try:
        summary = merge_sources(project, [source for _, source, _ in winners])
        done = winners
    except AnnotatorError:
        summary, done = MergeSummary(), []
        for winner in winners:
            try:
                one = merge_sources(project, [winner[1]])
            except AnnotatorError as exc:
                report.files.append(FileReport(winner[0], FileState.REFUSED, winner[1].owner,
                                               (winner[2] or [None])[0], _reason(exc, winner[1].path)))
                continue
            done.append(winner)
            _add(summary, one)
    for name, source, key in done:
        if key is not None:
            state["merged"][source.owner] = key
            report.files.append(FileReport(name, FileState.MERGED, source.owner, key[0]))
    return summary if done else None


def _add(total: MergeSummary, one: MergeSummary) -> None:
    for name in ("articles_added", "articles_matched", "pairs_added", "spans_added", "spans_removed",
                 "assignments_added"):
        setattr(total, name, getattr(total, name) + getattr(one, name))
    for name in ("pairs_replaced", "labels_added", "annotators_added", "gold_articles"):
        getattr(total, name).extend(getattr(one, name))
    total.changes = total.changes | one.changes
