"""What suggestions cost: the tag → highlight path with them on, and the corpus search behind the bar.

1. The 1 MB, 10,000-span article of ``benchmarks/annotation_view.py``. Baseline, measured in the same
   run: tag → highlight with suggestions OFF. Figures: tag → highlight with suggestions ON (time until
   the article view has painted the new span; the offer is made after that paint, by a 0-ms timer),
   tag → offer shown (bar and suggestions painted), and the first tag of the article, which also
   normalises its whole text once. Medians of 7 tags of different words.
2. 10,000 articles of ~3 kB: ``corpus_suggestions`` (what the worker runs) for a common name and a
   rare one. Baseline: the same answer by scanning every article (``suggest_in_articles`` over all
   texts, no index).
3. The same corpus in the window: accept all in the corpus for the common name (every article), as the
   page does it — stored by a worker behind a progress dialog, then one undo command — and its undo.
   Figure: the longest the GUI thread went without running its event loop (a 5-ms timer's largest gap)
   and the time to the command on the stack. Baseline: the same places stored and undone on the GUI
   thread with ``AddSpans``, as before the worker (the whole time blocks the window).

Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/suggestions.py [articles]``.
"""

from __future__ import annotations

import importlib.util
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication

from annotator.core.model import DEFAULT_LABELS, ArticleRecord
from annotator.core.suggestions import suggest_in_articles
from annotator.operations.corpus_suggestions import corpus_suggestions
from annotator.store import Project
from annotator.ui.annotate.commands import AddSpans, push
from annotator.ui.shell.app import create_application, load_bundled_fonts
from annotator.ui.shell.main_window import MainWindow

HERE = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location("annotation_view", HERE / "annotation_view.py")
annotation_view = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(annotation_view)

SPANS = 10_000
TAGS = 7
WORDS = ["قال", "وزير", "الخارجية", "إن", "المفاوضات", "ستستأنف", "في", "القاهرة", "الأسبوع", "المقبل",
         "مع", "وفد", "من", "الطرفين", "حول", "الملف", "النووي", "والعقوبات", "على", "طهران"]


def big_project(folder: Path) -> tuple[Project, str, list[int]]:
    """The benchmark article of annotation_view.py with its 10,000 spans; returns word starts too."""
    project, text, words, step = annotation_view.big_project(folder)
    return project, text, [words[n * step + step // 2] for n in range(3 * TAGS)]


def tag_times(app: QApplication, window: MainWindow, text: str,
              starts: list[int]) -> list[tuple[float, float]]:
    """(tag → highlight painted, tag → offer shown) for a tag at each of ``starts``."""
    page, view = window.page, window.page.article_view
    painted: list[float] = []
    paint = view.paintEvent

    def timed_paint(event) -> None:
        paint(event)
        painted.append(time.perf_counter())

    view.paintEvent = timed_paint
    offered: list[float] = []
    offers = page.offers
    offer = offers.offer_suggestions

    def timed_offer(span) -> None:
        offer(span)
        offered.append(time.perf_counter())

    offers.offer_suggestions = timed_offer
    out = []
    for start in starts:
        end = text.find(" ", start + 1)
        view.select_range(start, end)
        app.processEvents()
        painted.clear()
        offered.clear()
        t0 = time.perf_counter()
        page.actions()[0].trigger()  # the first label's "Tag as" action, as the key press does
        while not painted or page.offers._offer_due:
            app.processEvents()
        if offered:  # the offer is shown with the first paint after it was made
            while painted[-1] < offered[0]:
                app.processEvents()
        shown = next((t for t in painted if offered and t > offered[0]), painted[0])
        out.append((painted[0] - t0, shown - t0))
        while page.suggestions_pending():  # the corpus search, in its worker
            app.processEvents()
            time.sleep(0.001)
    view.paintEvent = paint
    del offers.offer_suggestions
    return out


def corpus(count: int) -> list[ArticleRecord]:
    """``count`` articles of ~3 kB: seed-vocabulary sentences; «طهران» common, «الحوثيين» in 1 of 100."""
    rng = random.Random(0)
    vocabulary = [w for f in sorted((HERE.parent / "seeds").glob("*.txt"))
                  for w in f.read_text("utf-8").split() if len(w) > 2 and "حوثي" not in w]
    records = []
    for n in range(count):
        body = " ".join(rng.choice(vocabulary) for _ in range(450))
        if n % 100 == 0:
            body += " وقال الحوثيين إن"
        records.append(ArticleRecord(text=f"خبر {n}\n{body[:3000]}", title=f"خبر {n}", id=f"a{n:05d}"))
    return records


class StallMeter:
    """The largest gap between two ticks of a 5-ms timer: how long the GUI thread was blocked."""

    def __init__(self) -> None:
        self.timer = QTimer(interval=5)
        self.timer.timeout.connect(self._tick)
        self.last, self.longest = time.perf_counter(), 0.0

    def _tick(self) -> None:
        now = time.perf_counter()
        self.longest, self.last = max(self.longest, now - self.last), now

    def start(self) -> None:
        self.last, self.longest = time.perf_counter(), 0.0
        self.timer.start()

    def stop(self) -> float:
        self._tick()
        self.timer.stop()
        return self.longest


def spin(app: QApplication, until) -> None:
    while not until():
        app.processEvents()
        time.sleep(0.001)


def accept_times(app: QApplication, path: Path, settings: QSettings, tagged: str) -> dict[str, float]:
    """Accept all in the corpus for ``tagged`` and undo it, worker way and GUI-thread way (see 3.)."""
    project = Project.open(path)
    window = MainWindow(project, settings=settings)
    window.show()
    page = window.page
    page.set_suggest_enabled(True)
    page.open_article(project.documents()[0].id)
    start = page.article_view.text.index(tagged)
    page.tag(start, start + len(tagged), DEFAULT_LABELS[0][0])
    spin(app, lambda: page.offer is not None and not page.suggestions_pending())
    offer = page.offer
    places = offer.here + offer.elsewhere
    articles = len({s.article_id for s in places})
    stack = page.undo_stack()
    meter = StallMeter()
    figures: dict[str, float] = {"places": len(places), "articles": articles}
    meter.start()
    t0 = time.perf_counter()
    page.offers._accept_everywhere(offer, places, articles)
    spin(app, lambda: stack.count() == 2)
    figures["accept"], figures["accept stall"] = time.perf_counter() - t0, meter.stop()
    assert len(project.spans()) == len(places) + 1
    meter.start()
    t0 = time.perf_counter()
    stack.undo()
    spin(app, lambda: not stack.command(1).busy and page.offer is offer and page.suggestions_bar.offering)
    figures["undo"], figures["undo stall"] = time.perf_counter() - t0, meter.stop()
    assert len(project.spans()) == 1
    # what the window's article list costs on its own: its rows on screen read again and repainted
    t0 = time.perf_counter()
    window.articles.entries_changed()
    app.processEvents()
    figures["article list"] = time.perf_counter() - t0
    # baseline: the same places on the GUI thread, as one AddSpans (the page's way before the worker)
    wanted = [(s.article_id, s.start, s.end, s.label) for s in places]
    t0 = time.perf_counter()
    push(stack, AddSpans(project, window.apply_changes, page.annotator, wanted, "baseline"))
    app.processEvents()
    figures["baseline accept"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    stack.undo()
    app.processEvents()
    figures["baseline undo"] = time.perf_counter() - t0
    assert len(project.spans()) == 1
    window.close()
    project.close()
    return figures


def main() -> int:
    app = create_application()
    family = load_bundled_fonts()
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        project, text, starts = big_project(folder)
        settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
        settings.setValue("annotator/name", "bench")
        settings.setValue("view/suggestOccurrences", False)
        window = MainWindow(project, article_font_family=family, settings=settings)
        window.show()
        window.page.open_article("big")
        annotation_view.lay_out_fully(window.page.article_view)
        app.processEvents()
        off = [h for h, _o in tag_times(app, window, text, starts[:TAGS])]
        window.page.suggest_action.setChecked(True)
        first = tag_times(app, window, text, starts[TAGS:TAGS + 1])[0]
        on = tag_times(app, window, text, starts[TAGS + 1:2 * TAGS + 1])
        offered = len(window.page.offer.here) if window.page.offer else 0
        window.close()
        project.close()

        count = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
        records = corpus(count)
        big = Project.open(folder / "corpus.sqlite")
        big.import_articles(records)
        texts = [(r.id, r.text) for r in records]
        figures = []
        for tagged in ("طهران", "الحوثيين"):
            t0 = time.perf_counter()
            found = corpus_suggestions(big, tagged, "actor", "bench")
            indexed = time.perf_counter() - t0
            t0 = time.perf_counter()
            scanned = suggest_in_articles(texts, tagged, "actor", annotator="bench")
            scan = time.perf_counter() - t0
            assert found == scanned, tagged
            figures.append((tagged, len(found), len({s.article_id for s in found}), indexed, scan))
        big.close()
        accepted = accept_times(app, folder / "corpus.sqlite", settings, "طهران")

    highlight_off = statistics.median(off)
    highlight_on = statistics.median(h for h, _o in on)
    offer_on = statistics.median(o for _h, o in on)
    print(f"article: {len(text):,} characters, {SPANS:,} spans; "
          f"last offer: {offered:,} places in the article")
    print(f"tag → highlight, suggestions off (baseline, median of {TAGS}): {highlight_off * 1000:6.1f} ms")
    print(f"tag → highlight, suggestions on  (median of {TAGS}):           {highlight_on * 1000:6.1f} ms  "
          f"(ratio {highlight_on / highlight_off:.2f}×)")
    print(f"tag → offer shown (bar + suggestions painted), median:       {offer_on * 1000:6.1f} ms")
    print(f"first tag of the article (normalises the text once):         highlight {first[0] * 1000:.1f} ms, "
          f"offer {first[1] * 1000:.1f} ms")
    for tagged, places, articles, indexed, scan in figures:
        print(f"corpus, {count:,} articles: «{tagged}» {places:,} places in {articles:,} articles — "
              f"indexed {indexed:.3f} s, scanning every article (baseline) {scan:.3f} s "
              f"(ratio {indexed / scan:.2f}×)")
    a = accepted
    print(f"accept all in the corpus, «طهران»: {a['places']:,} places in {a['articles']:,} articles — "
          f"worker: command on the stack after {a['accept']:.2f} s, GUI thread blocked at most "
          f"{a['accept stall'] * 1000:.0f} ms; undo {a['undo']:.2f} s, blocked at most "
          f"{a['undo stall'] * 1000:.0f} ms")
    print(f"  of which the window's article list (its rows on screen read again and repainted): "
          f"{a['article list'] * 1000:.0f} ms")
    print(f"  baseline, on the GUI thread (AddSpans): accept blocks {a['baseline accept']:.2f} s, "
          f"undo blocks {a['baseline undo']:.2f} s (ratio of the longest blocks: "
          f"{a['accept stall'] / a['baseline accept']:.3f}× / {a['undo stall'] / a['baseline undo']:.3f}×)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
