"""Memory: resident set size with a 10,000-article project open in the main window.

Target (issue 9): < 250 MB. Measured in a fresh interpreter: open the project as the app does
(``run_gui``'s steps), show the MainWindow, process events, select the last article, then read VmRSS
(and the peak, VmHWM) from /proc/self/status. Baseline, measured in the same run the same way: a bare
QApplication with an empty 1200×800 QMainWindow shown — what any PySide6 window costs. The figure that
is ours is the difference. Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/memory.py``.
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

READ_RSS = """
def rss_mb():
    fields = dict(line.split(":", 1) for line in open("/proc/self/status", encoding="ascii"))
    return int(fields["VmRSS"].split()[0]) / 1024, int(fields["VmHWM"].split()[0]) / 1024
"""

BARE_WINDOW = READ_RSS + """
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
window = QMainWindow()
window.resize(1200, 800)
window.show()
app.processEvents()
print(*rss_mb())
"""

APP_WINDOW = READ_RSS + """
import sys
from pathlib import Path
from annotator.ui.app import create_application, load_bundled_fonts, open_project_for_gui
from annotator.ui.main_window import MainWindow
app = create_application()
family = load_bundled_fonts()
project = open_project_for_gui(Path(sys.argv[1]))
window = MainWindow(project, article_font_family=family)
window.show()
app.processEvents()
# open the last article in the first list-like view (the article list), as a user scrolling would
from PySide6.QtWidgets import QAbstractItemView
for view in window.findChildren(QAbstractItemView):
    model = view.model()
    if model is not None and model.rowCount() > 1:
        view.setCurrentIndex(model.index(model.rowCount() - 1, 0))
        app.processEvents()
        break
print(*rss_mb(), project.document_count())
"""


def build_project(path: Path, count: int) -> None:
    rng = random.Random(11)
    records = []
    for n in range(count):
        body = " ".join(rng.choice(WORDS) for _ in range(330))  # ~3 kB of UTF-8
        records.append(ArticleRecord(text=f"خبر رقم {n}\n{body}", title=f"خبر رقم {n}"))
    with Project.open(path) as project:
        project.import_articles(records)


def measure(code: str, *args: str) -> list[float]:
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    result = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, env=env,
                            timeout=120, check=False)
    if result.returncode != 0:
        raise SystemExit(f"measurement failed: {result.stderr}")
    return [float(v) for v in result.stdout.split()]


def main() -> int:
    base_rss, base_peak = measure(BARE_WINDOW)
    print(f"baseline: bare QApplication + empty QMainWindow shown: {base_rss:.0f} MB RSS "
          f"(peak {base_peak:.0f})")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "big.sqlite"
        build_project(path, ARTICLES)
        size_mb = path.stat().st_size / 1e6
        rss, peak, count = measure(APP_WINDOW, str(path))
    ok = rss < TARGET_MB and peak < TARGET_MB
    print(f"project: {int(count):,} articles, {size_mb:.0f} MB file")
    print(f"app window with the project open: {rss:.0f} MB RSS (peak {peak:.0f}), {rss / base_rss:.1f}× "
          f"baseline, {rss - base_rss:+.0f} MB over it {'OK' if ok else 'NOT MET'}")
    print(f"target: < {TARGET_MB:.0f} MB (current and peak): {'met' if ok else 'NOT met'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
