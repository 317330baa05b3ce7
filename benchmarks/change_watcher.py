"""The change watcher: what noticing another program's writes costs the window, on 10,000 articles.

Every 500 ms the window asks its own connection for SQLite's ``PRAGMA data_version``
(``ChangeWatcher.check``). Figure 1: one tick when nothing changed, median over 2,000 ticks; baseline in
the same run: the cheapest query there is, ``SELECT 1`` on the same connection. Target: < 1 ms a tick.

Figure 2: after another connection added a span to the open article, the tick that notices it and the
window's whole refresh (article list statuses and counts, the open article's spans, the tabs), median
of 7; the GUI thread must not block > 100 ms. Baseline: ``refresh_articles``, re-listing every article
(what a refresh that rebuilt the list would cost).
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from annotator.store import Project
from annotator.ui.shell.main_window import MainWindow
from benchmarks.suggestions import corpus

ARTICLES, TICKS, CHANGES = 10_000, 2_000, 7


def per_call(call, repeat: int) -> float:
    """Median seconds of ``call()`` over ``repeat`` calls, timed in batches of 100."""
    batches = []
    for _ in range(repeat // 100):
        start = time.perf_counter()
        for _ in range(100):
            call()
        batches.append((time.perf_counter() - start) / 100)
    return statistics.median(batches)


def main() -> int:
    app = QApplication([])
    folder = Path(tempfile.mkdtemp())
    project = Project.open(folder / "project.sqlite")
    project.import_articles(corpus(ARTICLES))
    settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue("annotator/name", "sara")
    window = MainWindow(project, settings=settings)
    window.show()
    window.change_watcher.stop()  # ticks are driven by hand below
    for _ in range(20):
        app.processEvents()

    watcher = window.change_watcher
    per_call(watcher.check, TICKS)  # warm-up
    tick = per_call(watcher.check, TICKS)
    select_1 = per_call(lambda: project._query("SELECT 1"), TICKS)
    print(f"watcher tick, nothing changed, {ARTICLES:,} articles: {tick * 1e6:.1f} µs "
          f"(baseline SELECT 1: {select_1 * 1e6:.1f} µs; ratio {tick / select_1:.2f}); target < 1000 µs")

    document_id = window.page.document_id
    noticed, listed = [], []
    with Project.open(project.path) as elsewhere:
        for n in range(CHANGES):
            elsewhere.add_span(document_id, "sara", 0, 3 + n, "actor")
            start = time.perf_counter()
            assert watcher.check()
            app.processEvents()
            noticed.append(time.perf_counter() - start)
            start = time.perf_counter()
            window.refresh_articles()
            app.processEvents()
            listed.append(time.perf_counter() - start)
    refresh, relist = statistics.median(noticed), statistics.median(listed)
    print(f"tick after a change elsewhere + the window's refresh, {ARTICLES:,} articles: "
          f"{refresh * 1000:.1f} ms (max {max(noticed) * 1000:.1f} ms; baseline, every article re-listed: "
          f"{relist * 1000:.1f} ms; ratio {refresh / relist:.2f}); target < 100 ms")
    assert window.refreshes_from_elsewhere == CHANGES
    window.close()
    project.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
