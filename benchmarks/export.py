"""Export speed: 10,000 Arabic articles with 300,000 spans, to every format, annotator work and gold.

Target (issue 8): each export < 20 s on the project's 2-core machine. Baseline measured in the same run:
a plain loop that ``json.dumps`` the same rows (article text + span list) to a file, with nothing else —
the least any exporter has to do.
Run: ``.venv/bin/python benchmarks/export.py [articles] [spans/article] [format,format...]``.
"""

from __future__ import annotations

import itertools
import json
import os
import random
import sys
import tempfile
import time
from pathlib import Path

from annotator.core.model import AnnotationSet, ArticleRecord, SpanRef
from annotator.operations.export import FORMATS, agreement_summary, export_project, select_records
from annotator.store import Project
from annotator.store.gold import Gold

LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأؤإئة"
CLITICS = ("", "", "", "", "ال", "و", "وال", "ب", "بال", "ل", "لل", "ف")
# Distinct stems: real news has tens of thousands, more than spaCy's 10,000-entry tokenizer cache holds.
VOCABULARY = 60_000
LABELS = ("actor", "mediator", "demand", "denial")
TARGET_SECONDS = 20.0


def make_corpus(articles: int, spans_per_article: int, seed: int = 8) -> list[ArticleRecord]:
    """Articles of ~250 words with sentence marks and paragraphs; spans on words, a few inside words."""
    rng = random.Random(seed)
    stems = ["".join(rng.choice(LETTERS) for _ in range(rng.randint(2, 7))) for _ in range(VOCABULARY)]
    # Zipf-like: word k is drawn with weight 1/(k+1), as in natural text
    cumulative = list(itertools.accumulate(1 / (k + 1) for k in range(VOCABULARY)))
    records = []
    for n in range(articles):
        words = [rng.choice(CLITICS) + stem for stem in rng.choices(stems, cum_weights=cumulative, k=250)]
        parts, starts, position = [], [], 0
        for k, word in enumerate(words):
            starts.append(position)
            sep = "، " if k % 17 == 16 else ". " if k % 23 == 22 else "\n" if k % 61 == 60 else " "
            parts.append(word + sep)
            position += len(word) + len(sep)
        text = f"خبر رقم {n}\n" + "".join(parts)
        offset = len(f"خبر رقم {n}\n")
        spans = set()
        while len(spans) < spans_per_article:
            first = rng.randrange(len(words) - 3)
            last = first + rng.randrange(3)
            start = offset + starts[first] + (1 if rng.random() < 0.05 else 0)  # 5 % start inside a word
            spans.add(SpanRef(start, offset + starts[last] + len(words[last]), rng.choice(LABELS)))
        records.append(ArticleRecord(text, f"خبر {n}", id=f"a{n:05d}",
                                     annotations=(AnnotationSet("ali", tuple(sorted(spans))),)))
    return records


def cpu_seconds() -> float:
    """CPU time of this process and its finished children (spaCy's worker processes): unlike wall
    time, it does not grow when other programs share the machine."""
    times = os.times()
    return times.user + times.system + times.children_user + times.children_system


def baseline(project: Project, path: Path) -> float:
    """Seconds to json.dumps the same rows in a loop (records already read from the store)."""
    records = select_records(project)
    started = time.perf_counter()
    with path.open("w", encoding="utf-8") as out:
        for record in records:
            for annotation in record.annotations:
                out.write(json.dumps({"id": record.id, "text": record.text,
                                      "spans": [[s.start, s.end, s.label] for s in annotation.spans]},
                                     ensure_ascii=False) + "\n")
    return time.perf_counter() - started


def main() -> int:
    articles = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    per_article = int(sys.argv[2]) if len(sys.argv) > 2 else 30
    formats = sys.argv[3].split(",") if len(sys.argv) > 3 else list(FORMATS)
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at start "
          "(other work on the machine slows every figure)")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        records = make_corpus(articles, per_article)
        with Project.open(folder / "bench.sqlite") as project:
            started = time.perf_counter()
            project.import_articles(records)
            print(f"corpus: {articles:,} articles, {articles * per_article:,} spans, "
                  f"{sum(len(r.text) for r in records) / 1e6:.1f} M characters "
                  f"(import {time.perf_counter() - started:.1f} s)")
            started = time.perf_counter()
            summary = Gold(project).adjudicate(min_votes=1)
            print(f"adjudicate (1 annotator, min 1 vote): {summary.spans_accepted:,} gold spans in "
                  f"{time.perf_counter() - started:.2f} s")
            base = baseline(project, folder / "baseline.jsonl")
            print(f"baseline: plain json.dumps loop of the same rows: {base:.2f} s")
            failed = False
            for gold in (False, True):
                for fmt in formats:
                    out = folder / f"{'gold' if gold else 'ali'}.{fmt}"
                    cpu_before = cpu_seconds()
                    started = time.perf_counter()
                    result = export_project(project, fmt, out, gold=gold, workers=os.cpu_count() or 1,
                                            agreement=False)
                    seconds = time.perf_counter() - started
                    cpu = cpu_seconds() - cpu_before
                    failed |= seconds >= TARGET_SECONDS
                    print(f"{'gold' if gold else 'all annotators':>14} {fmt:>6}: {seconds:6.2f} s "
                          f"({seconds / base:5.1f}× baseline; CPU {cpu:6.2f} s) {result.spans:,} spans, "
                          f"{len(result.notes):,} note(s) {'OK' if seconds < TARGET_SECONDS else 'TOO SLOW'}")
            # The metadata's agreement summary is separate work (the agreement engine over the corpus);
            # it is timed once here and left out of the per-format figures above (--no-agreement).
            started = time.perf_counter()
            agreement_summary(project, gold=True)
            print(f"agreement summary for the metadata (gold vs annotator over {articles:,} curated "
                  f"articles): {time.perf_counter() - started:.2f} s")
    print(f"load average at the end: {os.getloadavg()[0]:.1f}")
    print(f"target: each export < {TARGET_SECONDS:.0f} s: {'met' if not failed else 'NOT met'}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
