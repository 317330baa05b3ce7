"""How fast the annotation window opens a 1 MB article with 10,000 spans, and how fast a tag shows.

Baseline, measured in the same run: ``QTextEdit.setPlainText`` of the same text alone, in the same
font and size (what any Qt text view must pay). Figures: time to the first screen, time until laid out
to the end (text + right-to-left block formats + one span query + highlights + the span list), their
ratios to the baseline, and tag→highlight time (label key with a selection → span stored, re-read and
repainted), median of several tags.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QTextEdit

from annotator.core.model import DEFAULT_LABELS, AnnotationSet, ArticleRecord, SpanRef
from annotator.store import Project
from annotator.ui.shell.app import create_application, load_bundled_fonts
from annotator.ui.shell.main_window import MainWindow

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
TARGET_CHARS = 1_000_000
SPANS = 10_000


def big_article() -> str:
    """About 1 MB of the seed articles' paragraphs, repeated, with an astral character now and then."""
    paragraphs = [p for f in sorted(SEEDS.glob("*.txt"))
                  for p in f.read_text("utf-8").split("\n") if p.strip()]
    out, size, n = [], 0, 0
    while size < TARGET_CHARS:
        paragraph = paragraphs[n % len(paragraphs)] + (" \U0001f4f0" if n % 50 == 0 else "")
        out.append(paragraph)
        size += len(paragraph) + 1
        n += 1
    return "\n".join(out)[:TARGET_CHARS]


def lay_out_fully(view: QTextEdit) -> None:
    """Finish the layout Qt otherwise completes lazily (the first selection far down would pay it)."""
    document = view.document()
    document.documentLayout().blockBoundingRect(document.lastBlock())


def big_project(folder: Path) -> tuple[Project, str, list[int], int]:
    """A project in ``folder`` holding the big article with SPANS spans of "bench", one every ``step``
    words; returns the project, the text, the offsets where words start, and ``step``."""
    text = big_article()
    project = Project.open(folder / "bench.sqlite")
    words = [i + 1 for i, ch in enumerate(text[:-1]) if ch == " "]
    step = len(words) // SPANS
    labels = [name for name, _colour, _key in DEFAULT_LABELS]
    spans = []
    for n in range(SPANS):
        start = words[n * step]
        end = text.find(" ", start + 1) if n % 3 else text.find(" ", text.find(" ", start + 1) + 1)
        spans.append(SpanRef(start, end, labels[n % len(labels)]))
    project.import_articles([ArticleRecord(text=text, title="big", id="big",
                                           annotations=(AnnotationSet("bench", tuple(spans)),))])
    return project, text, words, step


def main() -> int:
    app = create_application()
    family = load_bundled_fonts()
    with tempfile.TemporaryDirectory() as folder:
        project, text, words, step = big_project(Path(folder))
        settings = QSettings(str(Path(folder) / "settings.ini"), QSettings.Format.IniFormat)
        settings.setValue("annotator/name", "bench")

        baseline_view = QTextEdit()
        baseline_view.setFont(QFont(family, 20))
        baseline_view.resize(900, 700)
        baseline_view.show()
        t0 = time.perf_counter()
        baseline_view.setPlainText(text)
        app.processEvents()
        baseline_shown = time.perf_counter() - t0
        lay_out_fully(baseline_view)
        baseline = time.perf_counter() - t0
        baseline_view.close()

        window = MainWindow(project, article_font_family=family, settings=settings)
        window.show()
        app.processEvents()
        page = window.page
        t0 = time.perf_counter()
        page.open_article("big")
        app.processEvents()
        shown = time.perf_counter() - t0
        lay_out_fully(page.article_view)
        opened = time.perf_counter() - t0
        assert len(page.spans) == SPANS, len(page.spans)

        tag_times = []
        for n in range(7):
            start = words[n * step + step // 2]
            end = text.find(" ", start + 1)
            page.article_view.select_range(start, end)
            t0 = time.perf_counter()
            page.actions()[0].trigger()  # the first label's "Tag as" action, as the key press does
            app.processEvents()
            tag_times.append(time.perf_counter() - t0)
        assert len(page.spans) == SPANS + 7
        window.close()
        project.close()

    tag = statistics.median(tag_times)
    print(f"article: {len(text):,} characters, {SPANS:,} spans")
    print(f"first screen shown: baseline setPlainText {baseline_shown * 1000:6.0f} ms, "
          f"article with highlights {shown * 1000:6.0f} ms  (ratio {shown / baseline_shown:.2f}×)")
    print(f"laid out to the end: baseline setPlainText {baseline * 1000:6.0f} ms, "
          f"article with highlights {opened * 1000:6.0f} ms  (ratio {opened / baseline:.2f}×)")
    print(f"tag → highlight (median of 7):      {tag * 1000:8.0f} ms  (max {max(tag_times) * 1000:.0f} ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
