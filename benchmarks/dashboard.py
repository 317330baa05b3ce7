"""Agreement dashboard drawing speed: 1,000 articles, after the report is computed.

Times ``AgreementDashboard.show_result`` (all four charts redrawn) plus one full paint of the widget
(``grab``), against a baseline measured in the same run: a bare pyqtgraph ``BarGraphItem`` of the same
1,000 values in a ``PlotWidget`` of the same size, also painted. Also times a redraw after switching
to "split by label" (4,000 bars). Target: the dashboard draws in under 1 s.

Also prints what the worker computes before drawing: the report with the CLI's 1,000-resample intervals,
and the label confusion matrix, timed against its baseline in the same run: the per-pair pairing it
replaced (``label_confusion_per_pair``, one scipy matching per article pair and stage), with the ratio
and a check that both give the same counts.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QApplication

sys.path.insert(0, str(Path(__file__).parent))
from agreement import corpus

from annotator.core.agreement.confusion import label_confusion, label_confusion_per_pair
from annotator.core.agreement.report import build_report
from annotator.store import Project
from annotator.ui.agreement.view import RESAMPLES, SEED, AgreementDashboard, DashboardData

SIZE = (1500, 950)
RUNS = 3


def timed(action) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def main() -> None:
    app = QApplication.instance() or QApplication([])
    data = corpus()
    start = time.perf_counter()
    report = build_report(data, bootstrap=RESAMPLES, seed=SEED)
    reported = time.perf_counter() - start
    confused = []
    for _ in range(RUNS):
        start = time.perf_counter()
        confusion = label_confusion(data)
        confused.append(time.perf_counter() - start)
    start = time.perf_counter()
    per_pair = label_confusion_per_pair(data.articles, data.labels)
    confused_per_pair = time.perf_counter() - start
    if per_pair != confusion:
        raise SystemExit("label confusion differs from the per-pair pairing")
    result = DashboardData(data, report, confusion)
    with tempfile.TemporaryDirectory() as folder, Project.open(Path(folder) / "p.sqlite") as project:
        dashboard = AgreementDashboard(project)
        dashboard.resize(*SIZE)
        dashboard.show()
        while dashboard.worker is None or not dashboard.worker.done:  # showing it computes (empty project)
            app.processEvents()
        app.processEvents()

        def draw() -> None:
            dashboard.show_result(result)
            dashboard.grab()

        ours = [timed(draw) for _ in range(RUNS)]
        dashboard.split.setChecked(True)
        split = [timed(lambda: (dashboard.redraw(), dashboard.grab())) for _ in range(RUNS)]
        dashboard.split.setChecked(False)

        values = np.array([a.scores.alpha_char for a in report.articles], dtype=float)
        bare = pg.PlotWidget()
        bare.resize(*SIZE)
        bare.show()
        app.processEvents()

        def draw_bare() -> None:
            bare.getPlotItem().clear()
            bare.addItem(pg.BarGraphItem(x=np.arange(len(values)), height=values, width=0.8))
            bare.grab()

        baseline = [timed(draw_bare) for _ in range(RUNS)]
        if len(sys.argv) > 1:  # a path: save what the dashboard shows, to look at it
            dashboard.grab().save(sys.argv[1])
    print(f"corpus: {len(report.articles)} articles, {len(report.labels)} labels, "
          f"{len(report.annotators)} annotators")
    print(f"computed before drawing (in the worker): report with {RESAMPLES}-resample intervals "
          f"{reported:.2f} s, label confusion {statistics.median(confused):.3f} s (median of {RUNS})")
    whole = statistics.median(confused)
    print(f"label confusion: whole corpus at once {whole:.3f} s; baseline, per-pair pairing (the previous "
          f"implementation, same counts): {confused_per_pair:.2f} s; ratio {whole / confused_per_pair:.3f} "
          f"({confused_per_pair / whole:.0f}× faster)")
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}")
    print(f"dashboard draw (4 charts) + paint: median {statistics.median(ours):.3f} s of {RUNS} "
          f"(best {min(ours):.3f} s; target < 1 s)")
    print(f"split by label (4,000 bars) redraw + paint: median {statistics.median(split):.3f} s")
    print(f"baseline, bare BarGraphItem of the same 1,000 values + paint: median "
          f"{statistics.median(baseline):.3f} s")
    print(f"ratio dashboard / bare bars: {statistics.median(ours) / statistics.median(baseline):.1f}")


if __name__ == "__main__":
    main()
