"""When the window runs a round through the team folder, and running it off the GUI thread.

A round (``operations.team_folder.sync``: write my file if my work changed, merge every other file
that changed) starts when the folder changes (a ``QFileSystemWatcher`` on the folder and its team
files, settled for ``SETTLE_MS`` so a sync engine's burst of renames is one round), every
``RESCAN_MS`` (network shares and FUSE mounts send no change notices), and ``PUBLISH_DELAY_MS`` after
the annotator's last edit. Only one round runs at a time; a request meanwhile runs one more after it.

The round opens its own connection to the project file in a pool thread (as every worker does) and
also reads each annotator's and each article's progress there, so the Team tab costs the GUI thread
next to nothing. A lock
held for the whole round lets ``publish_now`` (on exit) wait for a round under way instead of writing
my file beside it.
"""

from __future__ import annotations

import os
import threading
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

from annotator.core.errors import AnnotatorError
from annotator.core.formats.team_file import SUFFIX
from annotator.operations.team_files import TeamFolderError, file_name, peek_header
from annotator.operations.team_folder import SyncReport, publish, sync
from annotator.store import Project
from annotator.store.team_work import AnnotatorProgress, ArticleProgress, annotator_progress, article_progress
from annotator.ui.shell.workers import Progress, WorkerHandle, run_in_worker

RESCAN_MS = 10_000
PUBLISH_DELAY_MS = 3_000
SETTLE_MS = 300


@dataclass(frozen=True)
class RoundResult:
    """What a round did, and everyone's progress read right after it."""

    report: SyncReport
    progress: list[AnnotatorProgress]
    my_sequence: int | None  # the sequence of my file in the folder after the round
    articles: list[ArticleProgress]  # per article, who has finished it
    watch: list[str]  # the folder and its team files, to watch until the next round


def _team_paths(folder: Path) -> list[str]:
    """The folder and the team files in it (none when it went away since the round read it)."""
    try:
        names = sorted(e.name for e in os.scandir(folder) if e.name.endswith(SUFFIX)
                       and not e.name.startswith("."))
    except OSError:
        return []
    return [str(folder), *(str(folder / name) for name in names)]


class SyncRounds(QObject):
    """Schedules rounds for the project file at ``project_path``, joined to ``folder``."""

    started = Signal()
    finished = Signal(object)  # RoundResult
    unreachable = Signal(str)  # the folder cannot be used: the reason, one sentence
    failed = Signal(str)  # the round failed for another reason (the project file): the message

    def __init__(self, project_path: Path, folder: Path, parent: QObject, *, rescan_ms: int | None = None,
                 publish_delay_ms: int | None = None, settle_ms: int | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("teamSyncRounds")
        self.project_path, self.folder = project_path, folder
        self.rounds = 0  # rounds finished (tests wait on it)
        self.worker: WorkerHandle | None = None
        self._again = False
        self._stopped = False
        self._dirty = False  # an edit since the last round took the lock: my file may need writing on exit
        self._lock = threading.Lock()
        self.watcher = QFileSystemWatcher(self)
        self.watcher.directoryChanged.connect(self._folder_changed)
        self.watcher.fileChanged.connect(self._folder_changed)
        self.settle = self._timer(settle_ms or SETTLE_MS, single=True)
        self.rescan = self._timer(rescan_ms or RESCAN_MS, single=False)
        self.publish_delay = self._timer(publish_delay_ms or PUBLISH_DELAY_MS, single=True)
        self.rescan.start()
        if folder.is_dir():  # from the start: a file landing during the first round starts another
            self.watcher.addPath(str(folder))

    def _timer(self, interval: int, *, single: bool) -> QTimer:
        timer = QTimer(self)
        timer.setInterval(interval)
        timer.setSingleShot(single)
        timer.timeout.connect(self.request)
        return timer

    @property
    def running(self) -> bool:
        return self.worker is not None

    def request(self) -> None:
        """Run a round now, or once more after the one under way."""
        if self._stopped:
            return
        if self.worker is not None:
            self._again = True
            return
        self._again = False
        path, lock = self.project_path, self._lock

        def one_round(_progress: Progress) -> RoundResult:
            with lock, Project.open(path) as project:
                self._dirty = False  # this round publishes every edit made until now
                report = sync(project)
                folder = report.membership.folder
                header = peek_header(folder / file_name(report.membership.annotator)) or {}
                sequence = header.get("sequence")
                return RoundResult(report, annotator_progress(project),
                                   sequence if type(sequence) is int else None, article_progress(project),
                                   _team_paths(folder))

        self.started.emit()
        self.worker = run_in_worker(one_round, owner=self)
        self.worker.signals.finished.connect(self._round_done)
        self.worker.signals.failed.connect(self._round_failed)

    def edited(self) -> None:
        """The annotator changed something: publish a few seconds after the last such change."""
        self._dirty = True
        self.publish_delay.start()

    def _folder_changed(self, _path: str) -> None:
        self.settle.start()

    def _watch(self, paths: list[str]) -> None:
        """Watch the folder and its team files as the round listed them (a file rewritten in place
        changes no folder entry); the GUI thread never lists a folder that may hang (a network share)."""
        watched = set(self.watcher.directories()) | set(self.watcher.files())
        wanted = set(paths)
        if watched - wanted:
            self.watcher.removePaths(sorted(watched - wanted))
        if wanted - watched:
            self.watcher.addPaths(sorted(wanted - watched))

    def _round_done(self, result: RoundResult) -> None:
        self.worker = None
        if self._stopped:
            return  # the window closed or left the folder meanwhile
        self.rounds += 1
        self._watch(result.watch)
        self.finished.emit(result)
        self._next()

    def _round_failed(self, exc: BaseException) -> None:
        self.worker = None
        if self._stopped:
            return
        self.rounds += 1
        self._watch([])  # a folder that is back is watched again after the round that reaches it
        if isinstance(exc, TeamFolderError):
            self.unreachable.emit(str(exc))
        else:
            self.failed.emit(str(exc))
        self._next()

    def _next(self) -> None:
        if self._again:
            self.request()

    def stop(self) -> None:
        """No more rounds (the window closes or leaves the folder)."""
        self._stopped = True
        for timer in (self.settle, self.rescan, self.publish_delay):
            timer.stop()
        self._again = False
        paths = self.watcher.directories() + self.watcher.files()
        if paths:
            self.watcher.removePaths(paths)

    def publish_now(self, project: Project) -> None:
        """On exit: write my file if an edit came since the last round took the lock (waits for a round
        under way; the folder unusable or the project gone: the next start publishes)."""
        self.stop()
        with self._lock:
            if self._dirty:
                with suppress(AnnotatorError):
                    publish(project)
                self._dirty = False
