"""Memory: resident set size with a 10,000-article project open in the main window.

Target (issue 9): < 250 MB. Measured as a user opens it, in a fresh interpreter:
``python -m annotator --db BIG --smoke-test`` (the window opened on the project, laid out and rendered,
then closed) — the figure is the process's peak RSS (``ru_maxrss`` from ``wait4``), so it covers the
moment everything is loaded and painted. Baseline, measured in the same run the same way: a bare
QApplication with an empty 1200×800 QMainWindow shown — what any PySide6 window costs.
Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/memory.py``.
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
import tempfile
from pathlib import Path

from annotator.core.model import ArticleRecord
from annotator.store import Project

TARGET_MB = 250.0
ARTICLES = 10_000
WORDS = ["قال", "الرئيس", "إن", "الوسطاء", "يحاولون", "إقناع", "الطرفين", "بالعودة", "إلى", "طاولة",
         "المفاوضات", "في", "القاهرة", "الأسبوع", "المقبل", "وأكد", "المتحدث", "باسم", "الحكومة", "،"]

BARE_WINDOW = """
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
window = QMainWindow()
window.resize(1200, 800)
window.show()
for _ in range(5):
    app.processEvents()
"""


def build_project(path: Path, count: int) -> None:
    rng = random.Random(11)
    records = []
    for n in range(count):
        body = " ".join(rng.choice(WORDS) for _ in range(330))  # ~3 kB of UTF-8
        records.append(ArticleRecord(text=f"خبر رقم {n}\n{body}", title=f"خبر رقم {n}"))
    with Project.open(path) as project:
        project.import_articles(records)


def peak_rss_mb(args: list[str], folder: str) -> float:
    """Run Python with ``args``; the peak resident set size of that process, in MB."""
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
           "TMPDIR": folder, "XDG_DATA_HOME": folder}
    child = subprocess.Popen([sys.executable, *args], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                             env=env)
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise SystemExit(f"measurement failed ({child.returncode}): {child.stderr.read().decode()}")
    child.stderr.close()
    return usage.ru_maxrss / 1024  # kilobytes on Linux


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        base = peak_rss_mb(["-c", BARE_WINDOW], folder)
        print(f"baseline: bare QApplication + empty QMainWindow shown: {base:.0f} MB peak RSS")
        path = Path(folder) / "big.sqlite"
        build_project(path, ARTICLES)
        size_mb = path.stat().st_size / 1e6
        peak = peak_rss_mb(["-m", "annotator", "--db", str(path), "--smoke-test"], folder)
    ok = peak < TARGET_MB
    print(f"project: {ARTICLES:,} articles, {size_mb:.0f} MB file")
    print(f"annotator --smoke-test with the project open: {peak:.0f} MB peak RSS, {peak / base:.1f}× "
          f"baseline, {peak - base:+.0f} MB over it {'OK' if ok else 'NOT MET'}")
    print(f"target: < {TARGET_MB:.0f} MB: {'met' if ok else 'NOT met'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
