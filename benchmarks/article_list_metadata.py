"""The article list filtered and sorted by metadata, at 100,000 articles of ~6 kB (issue 21).

Builds ``scale.py``'s news archive with varied metadata (a date over 16 years, one of 8 outlets, a URL,
a section on a third of the articles) through the real ``import``, then times what the Articles dock
asks of the store for each filter: counting the rows with the first screen (what a pause in the typing
costs), the last screen (the End key), and finding the open article's row. Baseline, in the same run:
the same three with no filter (corpus order, the index's own order).
Target: < 100 ms for the count and first screen, < 250 ms for any screen, at 100,000 articles.
Run: ``.venv/bin/python benchmarks/article_list_metadata.py [--articles N] [--db existing.sqlite]``.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from annotator.core.model import Status
from annotator.store import Project
from annotator.store.article_listing import (
    ListingFilter,
    listing_count,
    listing_page,
    listing_row,
    metadata_keys,
    metadata_values,
)
from benchmarks.scale import article, paragraphs

OUTLETS = ("الجزيرة", "العربية", "Al Jazeera", "BBC Arabic", "الأهرام", "الشرق الأوسط", "سكاي نيوز عربية",
           "فرانس 24")
SCREEN = 200  # rows: the dock's page
REPEATS = 3


def write_corpus(path: Path, count: int) -> None:
    rng, pool = random.Random(21), paragraphs()
    with path.open("w", encoding="utf-8") as out:
        for n in range(count):
            meta = {"id": f"a{n:07d}", "date": f"20{rng.randint(10, 25)}-{rng.randint(1, 12):02d}-"
                    f"{rng.randint(1, 28):02d}", "outlet": rng.choice(OUTLETS), "url": f"https://news.example/{n}"}
            if n % 3 == 0:
                meta["section"] = rng.choice(("سياسة", "اقتصاد", "رياضة"))
            out.write(json.dumps({"text": article(n, rng, pool), "meta": meta}, ensure_ascii=False) + "\n")


def timed(action) -> float:
    """The median seconds of ``action`` over ``REPEATS`` runs."""
    times = []
    for _ in range(REPEATS):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def measure(project: Project, listing: ListingFilter) -> tuple[int, float, float, float]:
    """(rows, count + first screen, last screen, the last row's place) in seconds."""
    rows = listing_count(project, listing)
    # as the dock does: an empty list reads no page
    first = timed(lambda: listing_count(project, listing) and listing_page(project, listing, 0, SCREEN))
    # given the count, as the dock's model gives it: the second half is read from the end
    last = timed(lambda: listing_page(project, listing, max(rows - SCREEN, 0), SCREEN, rows)) if rows else 0.0
    page = listing_page(project, listing, max(rows - 1, 0), 1)
    place = timed(lambda: listing_row(project, listing, page[0].id)) if page else 0.0
    return rows, first, last, place


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--db", type=Path, help="an archive built before (skips building one)")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="annotator-metalist-") as tmp:
        db = options.db
        if db is None:
            corpus, db = Path(tmp) / "archive.jsonl", Path(tmp) / "archive.sqlite"
            write_corpus(corpus, options.articles)
            subprocess.run([sys.executable, "-m", "annotator", "--db", str(db), "import", str(corpus)],
                           check=True, stdout=subprocess.DEVNULL)
        project = Project.open(db, read_only=True)
        print(f"{project.document_count():,} articles; load average {os.getloadavg()[0]:.1f} "
              "(2 shared cores: figures are upper bounds)")
        keys = timed(lambda: metadata_keys(project))
        values = timed(lambda: metadata_values(project, "outlet"))
        print(f"keys offered: {keys * 1e3:.0f} ms (when the dock loads); outlet's values offered: "
              f"{values * 1e3:.0f} ms (when the key is chosen)")
        base = max(measure(project, ListingFilter("sara"))[1:])
        known = tuple(metadata_keys(project))  # as the dock passes them
        cases = [
            ("no filter (baseline)", ListingFilter("sara")),
            ('text "jazeera" (Latin, any case)', ListingFilter("sara", text="jazeera")),
            ('text "الجزيرة"', ListingFilter("sara", text="الجزيرة")),
            ('text "2019-03" (a date)', ListingFilter("sara", text="2019-03")),
            ('text "date" (a key\'s name: no match)', ListingFilter("sara", text="date", keys=known)),
            ('text "date", the keys not known', ListingFilter("sara", text="date")),
            ('text "zzzz" (nothing)', ListingFilter("sara", text="zzzz")),
            ("outlet = BBC Arabic", ListingFilter("sara", meta=("outlet", "BBC Arabic"))),
            ("sorted by date", ListingFilter("sara", sort_key="date")),
            ("sorted by section (2/3 without)", ListingFilter("sara", sort_key="section")),
            ('outlet = الجزيرة + "2019" + sorted by date',
             ListingFilter("sara", text="2019", meta=("outlet", "الجزيرة"), sort_key="date")),
            ("only new + outlet = الجزيرة", ListingFilter("sara", Status.NEW, meta=("outlet", "الجزيرة"))),
        ]
        for what, listing in cases:
            rows, first, last, place = measure(project, listing)
            worst = max(first, last, place)
            print(f"{what:46} {rows:>8,} rows: count + first screen {first * 1e3:5.0f} ms, last screen "
                  f"{last * 1e3:5.0f} ms, open article's row {place * 1e3:5.0f} ms ({worst / base:.1f}× "
                  f"baseline) [targets < 100 / < 250 ms: "
                  f"{'met' if first < 0.1 and worst < 0.25 else 'MISSED'}]")
        project.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
