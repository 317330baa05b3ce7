"""Corpus search over 10,000 Arabic articles of ~3 kB: index build time and per-query latency.

Target (issue 11): < 100 ms per query. The articles are the seed paragraphs shuffled (real Arabic
news prose, ~3 kB each, each with its own first line), imported with spans of `actor` on every
"الولايات المتحدة" so that a label-filtered query has work to do. Queries: a common word, a rare word
(in 3 articles), a phrase, the same phrase typed with harakat and a different ta marbuta, a two-letter
word (no index: a scan), and a label-filtered query. Each query is `store.search.search()` with its
default page of 100 hits and the exact totals, on a freshly opened project, best of 5; the label-filtered
query also as the window asks it first (``totals=False``: the page alone, the totals counted after).
Baseline, measured in the same run: a plain ``SELECT id FROM documents WHERE instr(text, ?) > 0`` over
the stored original texts — no normalisation, no positions, no totals — i.e. the cheapest scan SQLite
can do. Run: ``.venv/bin/python benchmarks/search.py [articles]``.
"""

from __future__ import annotations

import os
import random
import re
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

from annotator.core.formats.plaintext import read_txt
from annotator.core.model import AnnotationSet, ArticleRecord, SpanRef, Status
from annotator.store import Project
from annotator.store.schema import MIGRATIONS
from annotator.store.search import search

TARGET_MS = 100.0
ARTICLE_BYTES = 3_000
REPEATS = 5
SEEDS = Path(__file__).resolve().parent.parent / "seeds"
RARE = "كلمةنادرةجدا"
QUERIES = [  # (what, query, label, totals)
    ("common word", "إيران", None, True),
    ("rare word (3 articles)", RARE, None, True),
    ("phrase", "الولايات المتحدة", None, True),
    ("phrase with harakat, ه for ة", "الوِلاياتُ المتحده", None, True),
    ("two letters (scan, no index)", "في", None, True),
    ("label-filtered: actor spans", "المتحدة", "actor", True),
    # the window's first answer: the page alone, its totals counted after it in the worker
    ("label-filtered, first page only", "المتحدة", "actor", False),
]


def paragraphs() -> list[str]:
    found = []
    for path in sorted(SEEDS.glob("*.txt")):
        found += [p.strip() for p in read_txt(path).text.split("\n") if len(p.strip()) > 40]
    return found


def make_records(count: int, seed: int = 11) -> list[ArticleRecord]:
    rng = random.Random(seed)
    pool = paragraphs()
    phrase = re.compile("الولايات المتحدة")
    records = []
    for n in range(count):
        parts, size = [f"خبر رقم {n}"], 0
        while size < ARTICLE_BYTES:
            paragraph = rng.choice(pool)
            parts.append(paragraph)
            size += len(paragraph.encode()) + 2
        if n in (17, count // 2, count - 5):
            parts.append(f"وردت هنا {RARE} مرة واحدة")
        text = "\n\n".join(parts) + "\n"
        spans = tuple(SpanRef(m.start(), m.end(), "actor") for m in phrase.finditer(text))
        records.append(ArticleRecord(text, f"خبر رقم {n}", id=f"a{n:05d}",
                                     annotations=(AnnotationSet("bench", spans, Status.DONE),)))
    return records


def time_migration(path: Path, records: list[ArticleRecord]) -> float:
    """Seconds to open a schema-4 project holding the same articles: the v5 migration indexes them all."""
    conn = sqlite3.connect(path)
    for version in range(4):
        MIGRATIONS[version](conn)
    conn.executemany(
        "INSERT INTO documents (id, title, source, text, sha256, imported_at, meta, position) "
        "VALUES (?, ?, '', ?, ?, '2026-01-01T00:00:00+00:00', '{}', ?)",
        [(r.id, r.title, r.text, r.sha256, n) for n, r in enumerate(records)])
    conn.execute("PRAGMA user_version = 4")
    conn.commit()
    conn.close()
    started = time.perf_counter()
    Project.open(path).close()
    return time.perf_counter() - started


def figure(count: int | None) -> str:
    """A total as printed; "–" where the query did not count (the first page alone)."""
    return "–" if count is None else f"{count:,}"


def best_ms(run) -> tuple[float, object]:
    best, result = float("inf"), None
    for _ in range(REPEATS):
        started = time.perf_counter()
        result = run()
        best = min(best, time.perf_counter() - started)
    return best * 1e3, result


def main(count: int = 10_000) -> int:
    records = make_records(count)
    megabytes = sum(len(r.text.encode()) for r in records) / 1e6
    print(f"corpus: {count:,} articles, {megabytes:.1f} MB of UTF-8, "
          f"{sum(len(r.annotations[0].spans) for r in records):,} actor spans")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "search.sqlite"
        with Project.open(path) as project:
            started = time.perf_counter()
            project.import_articles(records)
            import_seconds = time.perf_counter() - started
        migrate_seconds = time_migration(Path(tmp) / "v4.sqlite", records)
        print(f"import with indexing (and {sum(len(r.annotations[0].spans) for r in records):,} spans): "
              f"{import_seconds:.2f} s; opening the same corpus as a schema-4 project (the migration "
              f"builds the index): {migrate_seconds:.2f} s; file {os.path.getsize(path) / 1e6:.0f} MB")
        load = os.getloadavg()[0]
        misses = 0
        with Project.open(path) as project:
            print(f"load average before the queries: {load:.1f}; best of {REPEATS} runs each")
            print(f"{'query':34} {'search':>9} {'baseline':>9} {'ratio':>6}  hits shown / total / articles")
            for what, query, label, totals in QUERIES:
                ms, result = best_ms(
                    lambda q=query, lb=label, t=totals: search(project, q, label=lb, totals=t))
                base_ms, _ = best_ms(lambda q=query: project.db.execute(
                    "SELECT id FROM documents WHERE instr(text, ?) > 0", (q,)).fetchall())
                flag = "" if ms < TARGET_MS else "  MISSED"
                misses += ms >= TARGET_MS
                print(f"{what:34} {ms:7.1f} ms {base_ms:6.1f} ms {ms / base_ms:5.2f}×  "
                      f"{len(result.hits)} / {figure(result.total)} / {figure(result.articles)}{flag}")
    print(f"target < {TARGET_MS:.0f} ms per query:", "met" if not misses else f"NOT MET for {misses} queries")
    return 0 if not misses else 1


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000))
