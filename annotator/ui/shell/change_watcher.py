"""Noticing writes by another program: a second window, `annotator import` or `merge` on the same project.

``ChangeWatcher`` asks the window's own connection every ``INTERVAL_MS`` whether another connection
committed (``Project.changed_elsewhere``: SQLite's ``PRAGMA data_version``, microseconds, no disk read
beyond the WAL index) and, when one did, emits ``changed_elsewhere``; the window then re-reads what it
shows. The window's own edits go through its connection and never move ``data_version``.

The window's background workers (an import, accepting suggestions over the corpus) write through
connections of their own: when one has finished, its result handler calls ``own_write_done(widget)``
before announcing the change, so the watcher does not take the worker's commit for another program's.
A write by another program in the same instant as that is folded into the worker's and is picked up
with the next change; undo never relies on the watcher (every undo step checks its rows in the store).
"""

from __future__ import annotations

from contextlib import suppress

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QWidget

from annotator.core.errors import AnnotatorError
from annotator.store import Project

INTERVAL_MS = 500  # "within about a second", at a cost of one pragma per tick


class ChangeWatcher(QObject):
    """Polls ``project`` for commits by other connections; ``changed_elsewhere`` when there was one."""

    changed_elsewhere = Signal()

    def __init__(self, project: Project, parent: QObject, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        self.setObjectName("changeWatcher")
        self.project = project
        self.timer = QTimer(self, objectName="changeWatcherTimer")
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.check)
        self.timer.start()

    def check(self) -> bool:
        """Look now; True (and ``changed_elsewhere`` emitted) if another connection committed."""
        try:
            changed = self.project.changed_elsewhere()
        except AnnotatorError:
            return False  # an unreadable or vanished file: the next edit reports it; the watcher stays quiet
        if changed:
            self.changed_elsewhere.emit()
        return changed

    def absorb(self) -> None:
        """The window's own worker has committed: take that commit as seen, not as another program's."""
        with suppress(AnnotatorError):  # the next tick meets the same trouble and stays quiet
            self.project.changed_elsewhere()

    def stop(self) -> None:
        self.timer.stop()


def own_write_done(widget: QWidget | None) -> None:
    """Called when a worker of ``widget``'s window committed through its own connection."""
    if widget is None:
        return
    watcher = widget.window().findChild(ChangeWatcher, "changeWatcher",
                                        Qt.FindChildOption.FindDirectChildrenOnly)
    if watcher is not None:
        watcher.absorb()
