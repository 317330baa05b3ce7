"""Workers: long operations run off the GUI thread, report progress, can be cancelled, never block the UI."""

from __future__ import annotations

import threading
import time
from itertools import pairwise
from pathlib import Path

import pytest
from PySide6.QtCore import QElapsedTimer, Qt, QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog, QPushButton, QWidget

from annotator.core.errors import InputError
from annotator.core.model import ArticleRecord
from annotator.store import Project
from annotator.ui.shell.workers import Progress, run_in_worker

WORDS = ["قال", "وزير", "الخارجية", "إن", "المفاوضات", "ستستأنف", "في", "القاهرة", "الأسبوع", "المقبل"]


def articles(count: int, size: int = 3000) -> list[ArticleRecord]:
    """``count`` distinct Arabic articles of about ``size`` characters."""
    body = " ".join(WORDS * (size // 50))[:size]
    return [ArticleRecord(text=f"خبر رقم {n}\n{body}", title=f"خبر رقم {n}") for n in range(count)]


def test_result_is_delivered_on_the_gui_thread_from_another_thread(qtbot) -> None:
    seen: dict[str, object] = {}

    def work(progress: Progress) -> int:
        seen["worker"] = threading.get_ident()
        return 42

    handle = run_in_worker(work)
    with qtbot.waitSignal(handle.signals.finished, timeout=5000) as blocker:
        pass
    assert blocker.args == [42]
    assert seen["worker"] != threading.get_ident()
    assert handle.done


def test_an_error_in_the_worker_arrives_as_the_failed_signal(qtbot) -> None:
    def work(progress: Progress) -> None:
        raise InputError("line 3 is broken", path="a.jsonl")

    handle = run_in_worker(work)
    with qtbot.waitSignal(handle.signals.failed, timeout=5000) as blocker:
        pass
    [error] = blocker.args
    assert isinstance(error, InputError) and str(error) == "a.jsonl: line 3 is broken"


def test_cancelling_an_import_stops_it_and_stores_nothing(qtbot, tmp_path: Path) -> None:
    path = tmp_path / "project.sqlite"
    Project.open(path).close()
    records = articles(2000)
    reports: list[int] = []

    def work(progress: Progress) -> object:
        with Project.open(path) as project:
            return project.import_articles(progress.each(records, total=len(records), every=20))

    def on_progress(done: int, total: int, message: str) -> None:
        reports.append(done)
        if done >= 100:
            handle.cancel()

    handle = run_in_worker(work, progress_callback=on_progress)
    with qtbot.waitSignal(handle.signals.cancelled, timeout=20000):
        pass
    assert reports[0] == 0 and reports[-1] < len(records)
    with Project.open(path) as project:
        assert project.document_count() == 0  # one transaction: rolled back whole


def test_event_loop_keeps_processing_during_an_import_of_2000_articles(qtbot, tmp_path: Path) -> None:
    """The GUI thread's timer keeps firing (no gap over 100 ms) while 2,000 articles are imported."""
    path = tmp_path / "project.sqlite"
    Project.open(path).close()
    records = articles(2000)
    ticks: list[float] = []
    clock = QElapsedTimer()
    clock.start()
    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(lambda: ticks.append(clock.elapsed() / 1000))
    timer.start()
    reports: list[int] = []

    def work(progress: Progress) -> object:
        with Project.open(path) as project:
            return project.import_articles(progress.each(records, total=len(records), every=100))

    started = time.perf_counter()
    handle = run_in_worker(work, progress_callback=lambda done, total, message: reports.append(done))
    with qtbot.waitSignal(handle.signals.finished, timeout=60000) as blocker:
        pass
    elapsed = time.perf_counter() - started
    timer.stop()

    assert blocker.args[0].articles_added == 2000
    during = [t for t in ticks if t <= clock.elapsed() / 1000]
    gaps = [b - a for a, b in pairwise(during)]
    assert len(during) >= elapsed / 0.1, f"only {len(during)} timer ticks in {elapsed:.2f} s of import"
    assert max(gaps) < 0.1, f"the GUI thread was blocked for {max(gaps) * 1000:.0f} ms"
    assert reports == [*range(0, 2000, 100), 2000]  # progress reached the GUI thread in order
    with Project.open(path) as project:
        assert project.document_count() == 2000


def test_progress_dialog_shows_progress_and_its_cancel_button_cancels(qtbot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    window.show()
    go_on = threading.Event()

    def work(progress: Progress) -> None:
        progress.report(3, 10, "Importing article 3 of 10")
        go_on.wait(5)
        progress.check()

    handle = run_in_worker(work, progress_dialog=window, label="Importing…")
    dialog = window.findChild(QProgressDialog, "workerProgressDialog")
    assert dialog is handle.dialog
    qtbot.waitUntil(lambda: dialog.value() == 3, timeout=5000)
    assert dialog.maximum() == 10 and dialog.labelText() == "Importing article 3 of 10"
    with qtbot.waitSignal(handle.signals.cancelled, timeout=5000):
        qtbot.mouseClick(dialog.findChild(QPushButton), Qt.MouseButton.LeftButton)
        go_on.set()
    assert handle.done and handle.dialog is None


@pytest.fixture(autouse=True)
def _drain_pool(qtbot):
    """Every test leaves no worker running into the next one."""
    yield
    from PySide6.QtCore import QThreadPool

    QThreadPool.globalInstance().waitForDone(10000)
    QApplication.processEvents()


def delete_now(window: QWidget) -> None:
    """Close the window and let Qt delete it, as closing the app's window does."""
    from PySide6.QtCore import QCoreApplication, QEvent

    window.close()
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_an_import_that_ends_after_its_window_was_deleted_ends_quietly(qtbot, tmp_path: Path, capfd) -> None:
    """The worker keeps reporting progress and returns after the window is gone: no error, nothing printed,
    and it stops at its next check as if cancelled (nothing half-imported)."""
    path = tmp_path / "project.sqlite"
    Project.open(path).close()
    records = articles(300, size=300)
    window = QWidget()
    window.show()
    started, go_on = threading.Event(), threading.Event()
    delivered: list[object] = []

    def work(progress: Progress) -> object:
        progress.report(0, len(records), "Importing…")
        started.set()
        go_on.wait(10)
        with Project.open(path) as project:
            return project.import_articles(progress.each(records, total=len(records), every=10))

    handle = run_in_worker(work, progress_dialog=window, label="Importing…")
    for signal in (handle.signals.finished, handle.signals.failed, handle.signals.cancelled):
        signal.connect(lambda *args: delivered.append(args))
    qtbot.waitUntil(started.is_set, timeout=5000)
    delete_now(window)
    go_on.set()
    from PySide6.QtCore import QThreadPool

    assert QThreadPool.globalInstance().waitForDone(20000)
    QApplication.processEvents()
    assert delivered == [] and not handle.done  # the result was dropped with the window
    captured = capfd.readouterr()
    assert captured.err == "" and captured.out == ""
    with Project.open(path) as project:
        assert project.document_count() == 0  # it stopped at its first check, rolled back whole


def test_closing_the_main_window_during_an_agreement_report_ends_quietly(
        qtbot, project: Project, monkeypatch, capfd) -> None:
    """The real window: the Agreement tab's report is still computing when the window is closed."""
    import annotator.ui.agreement.view as agreement_view
    from annotator.ui.shell.main_window import MainWindow

    started, go_on = threading.Event(), threading.Event()
    compute = agreement_view.compute_dashboard

    def slow_compute(*args: object, **kwargs: object) -> object:
        started.set()
        go_on.wait(10)
        return compute(*args, **kwargs)

    monkeypatch.setattr(agreement_view, "compute_dashboard", slow_compute)
    window = MainWindow(project)
    window.show()
    window.tabs.setCurrentWidget(window.agreement_tab)
    qtbot.waitUntil(started.is_set, timeout=20000)
    delete_now(window)
    go_on.set()
    from PySide6.QtCore import QThreadPool

    assert QThreadPool.globalInstance().waitForDone(20000)
    QApplication.processEvents()
    err = capfd.readouterr().err
    assert "Error" not in err and "Traceback" not in err
