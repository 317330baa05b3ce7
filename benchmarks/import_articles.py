"""Import 10,000 Arabic articles of ~3 kB, as a folder of .txt files and as one JSONL file.

Target (issue 9): each import < 10 s on the project's 2-core machine, through the same code path as
``annotator --db P import PATH`` (find files, decode, hash, check, one transaction). Baseline, measured
in the same run: sqlite-utils ``insert_all`` of the very same document rows (already in memory, into a
fresh database) — the cost of putting the bytes in SQLite with nothing else. The ratio says what
reading files, detecting encodings, hashing and checking cost on top.
Run: ``.venv/bin/python benchmarks/import_articles.py [articles]``.
"""

from __future__ import annotations

import contextlib
import io
import json
import random
import sys
import tempfile
import time
from pathlib import Path

import sqlite_utils

from annotator.cli.main import main as cli_main
from annotator.core.model import default_article_id, text_sha256, title_from_text
from annotator.store import Project

TARGET_SECONDS = 10.0
ARTICLE_BYTES = 3_000
WORDS = ["قال", "الرئيس", "إن", "الوسطاء", "يحاولون", "إقناع", "الطرفين", "بالعودة", "إلى", "طاولة",
         "المفاوضات", "في", "القاهرة", "الأسبوع", "المقبل", "وأكد", "المتحدث", "باسم", "الحكومة", "،"]


def make_articles(count: int, seed: int = 9) -> list[str]:
    """``count`` distinct articles of about ARTICLE_BYTES bytes of UTF-8, with a headline and paragraphs."""
    rng = random.Random(seed)
    articles = []
    for n in range(count):
        words, size = [f"خبر رقم {n}\n"], 0
        while size < ARTICLE_BYTES - 40:
            word = rng.choice(WORDS)
            words.append(word + ("\n" if rng.random() < 0.02 else " "))
            size += len(word.encode()) + 1
        articles.append("".join(words).rstrip() + "\n")
    return articles


def baseline_rows(articles: list[str]) -> list[dict]:
    """The rows our import writes to ``documents``, built before the clock starts."""
    return [
        {"id": default_article_id(text), "title": title_from_text(text), "source": f"{n:05d}.txt",
         "text": text, "sha256": text_sha256(text), "imported_at": "2026-11-23T00:00:00+00:00",
         "meta": "{}", "position": n}
        for n, text in enumerate(articles)
    ]


def time_cli_import(db: Path, path: Path) -> float:
    with contextlib.redirect_stdout(io.StringIO()):  # the CLI's one-line summary
        started = time.perf_counter()
        code = cli_main(["--db", str(db), "import", str(path)])
        seconds = time.perf_counter() - started
    if code != 0:
        raise SystemExit(f"import of {path} failed with exit code {code}")
    return seconds


def main(count: int = 10_000) -> int:
    articles = make_articles(count)
    total_mb = sum(len(a.encode()) for a in articles) / 1e6
    print(f"corpus: {count:,} articles, {total_mb:.1f} MB of UTF-8 "
          f"({total_mb * 1e6 / count:,.0f} bytes each)")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        txt_dir = folder / "articles"
        txt_dir.mkdir()
        for n, text in enumerate(articles):
            (txt_dir / f"{n:05d}.txt").write_text(text, encoding="utf-8")
        jsonl = folder / "articles.jsonl"
        with jsonl.open("w", encoding="utf-8") as out:
            for n, text in enumerate(articles):
                out.write(json.dumps({"text": text, "meta": {"id": f"a{n:05d}"}}, ensure_ascii=False) + "\n")

        rows = baseline_rows(articles)
        started = time.perf_counter()
        sqlite_utils.Database(folder / "baseline.sqlite")["documents"].insert_all(rows, pk="id")
        base = time.perf_counter() - started
        print(f"baseline: sqlite-utils insert_all of the same {count:,} rows: {base:.2f} s")

        failed = False
        for name, path in (("txt folder", txt_dir), ("JSONL", jsonl)):
            db = folder / f"{name.split()[0].lower()}.sqlite"
            seconds = time_cli_import(db, path)
            with Project.open(db) as project:
                stored = project.document_count()
            ok = seconds < TARGET_SECONDS and stored == count
            failed |= not ok
            print(f"import {name:>10}: {seconds:6.2f} s ({seconds / base:4.1f}× baseline), {stored:,} "
                  f"articles stored, {count / seconds:,.0f} articles/s {'OK' if ok else 'NOT MET'}")
    print(f"target: each import < {TARGET_SECONDS:.0f} s: {'met' if not failed else 'NOT met'}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000))
