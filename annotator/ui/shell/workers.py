"""Long work off the GUI thread: run a function in Qt's thread pool, report progress, allow cancelling.

The GUI thread must never block for more than ~100 ms, so imports, merges, exports and agreement over
a corpus run through ``run_in_worker``. The function runs in a pool thread and receives a ``Progress``
to report ``(done, total)`` and to ask whether the user cancelled; the result, the error or the
cancellation comes back as a signal on the GUI thread.

SQLite connections must not be shared between threads at the same time: the function should open its
own ``Project`` on the same file (WAL lets the window keep reading meanwhile), e.g.::

    def work(progress):
        with Project.open(path) as project:
            return import_paths(project, paths, progress=progress)  # or wrap the record iterator

    handle = run_in_worker(work, progress_dialog=window, label="Importing articles…")
    handle.signals.finished.connect(lambda summary: window.refresh_articles())
    handle.signals.failed.connect(lambda exc: QMessageBox.critical(window, "Import failed", str(exc)))

A worker can outlive its window (the user closes it while an import or a report still runs). Its
signals belong to the window (``owner``, by default the progress dialog's parent), so Qt deletes them
with it; from then on the worker's reports and its result are dropped quietly and its next
``progress.check()`` stops it, as if cancelled.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget

T = TypeVar("T")


class Cancelled(Exception):
    """Raised inside the worker's function (by ``Progress.check``) when the user pressed Cancel."""


class Progress:
    """Handed to the worker's function: report progress, and find out whether to stop."""

    def __init__(self, signals: WorkerSignals) -> None:
        self._signals = signals
        self._cancel = threading.Event()
        # Held while the worker emits and while the GUI thread marks the signals gone: once
        # ``abandon`` has returned, no emit is under way or will start on the deleted object.
        self._emitting = threading.Lock()
        self._abandoned = False

    def report(self, done: int, total: int, message: str = "") -> None:
        """Tell the GUI how far along the work is (thread-safe; delivered as a queued signal)."""
        self.emit("progress", done, total, message)

    def emit(self, name: str, *args: object) -> None:
        """Emit the worker's signal ``name`` — or nothing, once its window has gone."""
        with self._emitting:
            if not self._abandoned:
                getattr(self._signals, name).emit(*args)

    def abandon(self) -> None:
        """The signals' owner is being deleted: drop every later report and stop at the next check."""
        with self._emitting:
            self._abandoned = True
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def check(self) -> None:
        """Raise ``Cancelled`` if the user cancelled: call it between units of work."""
        if self._cancel.is_set():
            raise Cancelled

    def cancel(self) -> None:
        self._cancel.set()

    def each(self, items: Iterable[T], total: int, every: int = 50, message: str = "") -> Iterator[T]:
        """Iterate ``items``, reporting progress every ``every`` items and stopping on cancel."""
        for done, item in enumerate(items):
            if done % every == 0:
                self.check()
                self.report(done, total, message)
            yield item
        self.check()
        self.report(total, total, message)


class WorkerSignals(QObject):
    """Signals of one worker; they live in the GUI thread, so connected slots run there."""

    progress = Signal(int, int, str)  # done, total, message
    finished = Signal(object)  # the function's return value
    failed = Signal(object)  # the exception it raised
    cancelled = Signal()


class _Runnable(QRunnable):
    def __init__(self, fn: Callable[[Progress], Any], progress: Progress, signals: WorkerSignals) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._fn, self._progress, self._signals = fn, progress, signals

    def run(self) -> None:
        try:
            result = self._fn(self._progress)
        except Cancelled:
            self._progress.emit("cancelled")
        except BaseException as exc:  # everything reaches the GUI as a signal, never kills the pool
            self._progress.emit("failed", exc)
        else:
            self._progress.emit("finished", result)


class WorkerHandle:
    """A running worker: its signals, a way to cancel it, and a way to wait for it (tests, shutdown)."""

    def __init__(self, signals: WorkerSignals, progress: Progress, dialog: QProgressDialog | None) -> None:
        self.signals = signals
        self.progress = progress
        self.dialog = dialog
        self._done = threading.Event()
        for signal in (signals.finished, signals.failed):
            signal.connect(self._finish)
        signals.cancelled.connect(self._finish)

    def _finish(self, *_: object) -> None:
        self._done.set()
        if self.dialog is not None:
            self.dialog.reset()
            self.dialog.hide()
            self.dialog.deleteLater()
            self.dialog = None

    def cancel(self) -> None:
        """Ask the function to stop at its next ``Progress.check``."""
        self.progress.cancel()

    @property
    def done(self) -> bool:
        """True once the finished, failed or cancelled signal has been delivered on the GUI thread."""
        return self._done.is_set()


def run_in_worker(
    fn: Callable[[Progress], Any],
    *,
    progress_callback: Callable[[int, int, str], None] | None = None,
    progress_dialog: QWidget | None = None,
    label: str = "",
    pool: QThreadPool | None = None,
    owner: QObject | None = None,
) -> WorkerHandle:
    """Run ``fn(progress)`` in a pool thread; return at once with a handle to its signals.

    The work starts when control returns to the event loop, so connect to ``handle.signals`` straight
    after the call.

    ``progress_callback(done, total, message)`` runs on the GUI thread for each report. With
    ``progress_dialog`` (the parent window), a window-modal ``QProgressDialog`` with a Cancel button
    shows the progress; Cancel makes the function's next ``progress.check()`` raise ``Cancelled``.

    ``owner`` (default: ``progress_dialog``) is the widget whose slots receive the result: the signals
    are its children, so they outlive a handle the caller drops, and when it is deleted before the
    worker ends, the result is dropped and no slot runs on a deleted widget.
    """
    owner = owner if owner is not None else progress_dialog
    signals = WorkerSignals(owner)
    progress = Progress(signals)
    if owner is not None:
        signals.destroyed.connect(progress.abandon)
    dialog = None
    if progress_dialog is not None:
        dialog = QProgressDialog(label or QCoreApplication.translate("workers", "Working…"),
                                 QCoreApplication.translate("workers", "Cancel"), 0, 0, progress_dialog)
        dialog.setObjectName("workerProgressDialog")
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)  # quick work never flashes a dialog
        dialog.setAutoReset(False)
        dialog.setAutoClose(False)
        dialog.canceled.connect(progress.cancel)
    handle = WorkerHandle(signals, progress, dialog)
    if dialog is not None:

        def show_progress(done: int, total: int, message: str) -> None:
            dialog = handle.dialog
            if dialog is None or dialog.wasCanceled():
                return
            if message:
                dialog.setLabelText(message)
            dialog.setMaximum(max(total, 0))
            # last: a modal dialog's setValue processes events, and the worker's end may come in them
            dialog.setValue(min(done, total) if total else 0)

        signals.progress.connect(show_progress)
    if progress_callback is not None:
        signals.progress.connect(progress_callback)
    runnable = _Runnable(fn, progress, signals)
    # Started from the event loop, not here: slots the caller connects right after this returns are
    # in place before the worker can emit (a queued signal reaches only the slots connected at emit).
    QTimer.singleShot(0, lambda: (pool or QThreadPool.globalInstance()).start(runnable))
    return handle


def reactivate(window: QWidget | None) -> None:
    """After a worker's modal progress dialog closes, give the keys back to the window (Ctrl+Z next) if
    no window took them (some platforms leave none active)."""
    if window is not None and QApplication.activeWindow() is None:
        window.activateWindow()
