"""A news archive: 100,000 articles of ~6 kB (``--million`` for 1,000,000), through the real CLI.

Issue 22. Builds the articles from the seed articles' paragraphs (real Arabic prose, each article with
its own first line), writes them as one JSONL file, then runs each command in its own process (so
peak RSS is that process's, read from the OS with ``os.wait4``) and prints every figure beside a
baseline measured in the same run:

- ``import`` (JSONL): seconds, articles/s, peak RSS; baseline sqlite-utils ``insert_all`` of the same
  rows. Targets: ≥ 5,000 articles/s, peak RSS < 500 MB.
- the project file's size against the stored text (target: search index ≤ 1.5× the text).
- ``search "الولايات المتحدة" --limit 5``, a common word, and ``list --json``; baseline a Python
  process that opens the file and runs one ``SELECT count(*)`` (the floor of any CLI command).
- window open: ``annotator --db P --smoke-test`` (QT_QPA_PLATFORM=offscreen), seconds and peak RSS.
- the window's article list under each status filter (the query behind the lazy list): counting the rows
  and reading the first and the last screen. Target < 100 ms.
Run: ``.venv/bin/python benchmarks/scale.py [--articles N | --million]`` (``make bench-scale``).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import sqlite_utils

from annotator.core.formats.plaintext import read_txt
from annotator.core.model import default_article_id, text_sha256, title_from_text

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
ARTICLE_BYTES = 6_000
PY = sys.executable


def paragraphs() -> list[str]:
    found = []
    for path in sorted(SEEDS.glob("*.txt")):
        found += [p.strip() for p in read_txt(path).text.split("\n") if len(p.strip()) > 40]
    return found


def article(n: int, rng: random.Random, pool: list[str]) -> str:
    parts, size = [f"خبر رقم {n}"], 0
    while size < ARTICLE_BYTES:
        paragraph = rng.choice(pool)
        parts.append(paragraph)
        size += len(paragraph.encode()) + 2
    return "\n\n".join(parts) + "\n"


def write_corpus(path: Path, count: int) -> float:
    """Write ``count`` articles as JSONL; returns the megabytes of article text."""
    rng, pool, total = random.Random(22), paragraphs(), 0
    with path.open("w", encoding="utf-8") as out:
        for n in range(count):
            text = article(n, rng, pool)
            total += len(text.encode())
            out.write(json.dumps({"text": text, "meta": {"id": f"a{n:07d}"}}, ensure_ascii=False) + "\n")
    return total / 1e6


def baseline_insert(path: Path, corpus: Path) -> float:
    """sqlite-utils insert_all of the rows our import writes (built lazily from the same file)."""
    def rows():
        with corpus.open(encoding="utf-8") as lines:
            for n, line in enumerate(lines):
                text = json.loads(line)["text"]
                yield {"id": default_article_id(text), "title": title_from_text(text), "source": "",
                       "text": text, "sha256": text_sha256(text),
                       "imported_at": "2026-12-02T00:00:00+00:00", "meta": "{}", "position": n}
    started = time.perf_counter()
    sqlite_utils.Database(path)["documents"].insert_all(rows(), pk="id", batch_size=1000)
    return time.perf_counter() - started


def run(args: list[str], env: dict | None = None) -> tuple[float, float, str]:
    """(seconds, peak RSS in MB, stdout) of one command in its own process."""
    started = time.perf_counter()
    process = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               env={**os.environ, **(env or {})})
    out = process.stdout.read()  # type: ignore[union-attr]
    err = process.stderr.read()  # type: ignore[union-attr]
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed ({process.returncode}): {err.decode()[-2000:]}")
    return seconds, usage.ru_maxrss / 1024, out.decode()


def cli(db: Path, *words: str) -> list[str]:
    return [PY, "-m", "annotator", "--db", str(db), *words]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--million", action="store_true", help="1,000,000 articles")
    options = parser.parse_args()
    count = 1_000_000 if options.million else options.articles
    with tempfile.TemporaryDirectory(prefix="annotator-scale-") as tmp:
        folder = Path(tmp)
        corpus = folder / "archive.jsonl"
        started = time.perf_counter()
        text_mb = write_corpus(corpus, count)
        jsonl_mb = corpus.stat().st_size / 1e6
        print(f"corpus: {count:,} articles, {text_mb:,.0f} MB of text, JSONL {jsonl_mb:,.0f} MB"
              f" (written in {time.perf_counter() - started:.0f} s)")
        print(f"load average: {os.getloadavg()[0]:.1f} (2 shared cores: figures are upper bounds)")
        base = baseline_insert(folder / "baseline.sqlite", corpus)
        print(f"baseline insert_all: {base:.1f} s, {count / base:,.0f} articles/s, "
              f"file {(folder / 'baseline.sqlite').stat().st_size / 1e6:,.0f} MB")
        db = folder / "archive.sqlite"
        seconds, rss, _ = run(cli(db, "import", str(corpus)))
        rate = count / seconds
        print(f"import (JSONL): {seconds:.1f} s ({seconds / base:.1f}× baseline), {rate:,.0f} articles/s "
              f"[target ≥ 5,000: {'met' if rate >= 5000 else 'MISSED'}], peak RSS {rss:,.0f} MB "
              f"[target < 500: {'met' if rss < 500 else 'MISSED'}]")
        again, rss_again, out = run(cli(db, "import", str(corpus)))
        print(f"import again (idempotent): {again:.1f} s, peak RSS {rss_again:,.0f} MB: {out.strip()[:80]}")
        size = db.stat().st_size / 1e6
        print(f"project file: {size:,.0f} MB = {size / text_mb:.2f}× the text "
              f"(index + rest ≤ 1.5× the text means ≤ {2.5 * text_mb:,.0f} MB: "
              f"{'met' if size <= 2.5 * text_mb else 'MISSED'})")
        floor, floor_rss, _ = run([PY, "-c", "import sqlite3, sys; sqlite3.connect(sys.argv[1]).execute("
                                   "'SELECT count(*) FROM documents').fetchone()", str(db)])
        print(f"baseline (a Python process counting the articles): {floor * 1e3:.0f} ms, {floor_rss:.0f} MB")
        for what, words in (
            ('search "الولايات المتحدة" --limit 5', ["search", "الولايات المتحدة", "--limit", "5"]),
            ('search "الولايات المتحدة" --limit 5 --no-totals',
             ["search", "الولايات المتحدة", "--limit", "5", "--no-totals"]),
            ('search "إيران" --limit 5 --json', ["search", "إيران", "--limit", "5", "--json"]),
            ('search "إيران" --limit 5 --no-totals', ["search", "إيران", "--limit", "5", "--no-totals"]),
            ("search --label actor (no spans)", ["search", "المتحدة", "--label", "actor", "--limit", "5"]),
            ("list --json", ["list", "--json"]),
        ):
            seconds, rss, out = run(cli(db, *words))
            print(f"{what:40} {seconds:6.2f} s ({seconds / floor:5.1f}× baseline), peak RSS {rss:,.0f} MB, "
                  f"{len(out) / 1e6:.1f} MB printed")
        seconds, rss, _ = run(cli(db, "--smoke-test"), env={"QT_QPA_PLATFORM": "offscreen"})
        print(f"window open (--smoke-test): {seconds:.2f} s ({seconds / floor:.1f}× baseline), peak RSS "
              f"{rss:,.0f} MB [target < 1 s, < 400 MB: {'met' if seconds < 1 and rss < 400 else 'MISSED'}]")
        list_filters(db, floor)
    return 0


LIST_SCRIPT = """
import sys, time
from annotator.core.model import Status
from annotator.store import Project
from annotator.store.article_listing import ListingFilter, listing_count, listing_page
project = Project.open(sys.argv[1], read_only=True)
for status in (None, Status.NEW, Status.DONE):
    listing = ListingFilter("sara", status)
    started = time.perf_counter()
    rows = listing_count(project, listing)
    listing_page(project, listing, 0, 200)
    first = time.perf_counter() - started
    started = time.perf_counter()
    listing_page(project, listing, max(rows - 200, 0), 200, rows)
    print(status or "all", rows, first, time.perf_counter() - started)
"""


def list_filters(db: Path, floor: float) -> None:
    """The window's article list under each status filter: count + first screen, and the last screen."""
    _seconds, _rss, out = run([PY, "-c", LIST_SCRIPT, str(db)])
    for line in out.splitlines():
        status, rows, first, last = line.rsplit(" ", 3)
        worst = max(float(first), float(last))
        print(f"article list, {status:12} {int(rows):>9,} rows: first screen {float(first) * 1e3:5.1f} ms, "
              f"last screen {float(last) * 1e3:5.1f} ms ({worst / floor:.2f}× baseline) "
              f"[target < 100 ms: {'met' if worst < 0.1 else 'MISSED'}]")


if __name__ == "__main__":
    sys.exit(main())
