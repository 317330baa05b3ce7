"""A team folder of 50 annotators over 10,000 articles: a full rescan and an incremental round of `sync`.

Targets (issue 23): a full rescan (every annotator's file new to the reviewer's project, all read,
checked and merged) under 5 s; an incremental round (one annotator's file changed) under 0.5 s.
The corpus: 10,000 articles of ~3,000 characters, each assigned to 2 of the 50 annotators round robin,
so each annotator's file holds their work on 400 articles (named by text hash) with SPANS spans each.
The annotators' files are written by ``write_team_file`` directly, as their desktops would.
Baselines, measured in the same run: one plain ``merge`` of the same 50 files (for the rescan) and of
the one changed file (for the round), into a copy of the project as it was before.

    python benchmarks/team_folder.py [--articles N] [--annotators N] [--spans N]
"""

from __future__ import annotations

import argparse
import random
import shutil
import tempfile
import time
from pathlib import Path

from annotator.core.assignment import round_robin
from annotator.core.formats.pack import Pack
from annotator.core.formats.team_file import Role, TeamFile, WorkOnArticle
from annotator.core.model import AnnotationSet, ArticleRecord, Label, SpanRef, Status
from annotator.operations.team import merge_files
from annotator.operations.team_files import write_team_file
from annotator.operations.team_folder import join, sync
from annotator.store import Project
from annotator.store.assignments import set_assignment

WORDS = ["قال", "الرئيس", "إن", "الوسطاء", "يحاولون", "إقناع", "إيران", "والولايات", "المتحدة",
         "بالتعاون", "في", "تعزيز", "الأمن"]
LABELS = [Label("actor", "#4e79a7", "1"), Label("mediator", "#f28e2b", "2"), Label("demand", "#59a14f", "3"),
          Label("denial", "#e15759", "4")]


def annotator_file(name: str, records: list[ArticleRecord], spans: int, sequence: int,
                   rng: random.Random) -> TeamFile:
    work = []
    for record in records:
        refs = set()
        while len(refs) < spans:
            start = rng.randrange(0, len(record.text) - 20)
            refs.add(SpanRef(start, start + rng.randrange(1, 20), rng.choice(LABELS).name))
        when = f"2026-12-03T10:{sequence:02d}:00+00:00"
        work.append(WorkOnArticle(record.sha256, record.id, record.title,
                                  AnnotationSet(name, tuple(sorted(refs)), Status.DONE, when)))
    return TeamFile(name, Role.ANNOTATOR, sequence, Pack(records=[], labels=LABELS, name="bench"), work=work)


def timed(action) -> tuple[float, object]:
    started = time.perf_counter()
    result = action()
    return time.perf_counter() - started, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--annotators", type=int, default=50)
    parser.add_argument("--spans", type=int, default=10)
    args = parser.parse_args()
    rng = random.Random(23)
    root = Path(tempfile.mkdtemp(prefix="team-folder-bench-"))
    try:
        folder = root / "team"
        folder.mkdir()
        names = [f"annotator{n:02d}" for n in range(args.annotators)]
        records = [ArticleRecord(text=f"مقال {n}\n" + " ".join(rng.choice(WORDS) for _ in range(500)),
                                 title=f"مقال {n}", id=f"a{n:05d}") for n in range(args.articles)]
        db = root / "reviewer.sqlite"
        t_build, _ = timed(lambda: _reviewer(db, records, names, folder))
        by_id = {r.id: r for r in records}
        with Project.open(db) as project:
            assigned = {name: project.assigned_article_ids(name) for name in names}
        t_files = time.perf_counter()
        for name in names:
            write_team_file(annotator_file(name, [by_id[i] for i in assigned[name]], args.spans, 1, rng),
                            folder)
        t_files = time.perf_counter() - t_files
        size = sum(p.stat().st_size for p in folder.iterdir()) >> 20
        print(f"{args.articles:,} articles × {args.annotators} annotators (2 per article, {args.spans} spans "
              f"each): reviewer project built in {t_build:.1f} s, annotators' files written in "
              f"{t_files:.1f} s ({size} MiB in the folder)")
        before = root / "before.sqlite"
        shutil.copy(db, before)

        with Project.open(db) as project:
            t_rescan, report = timed(lambda: sync(project))
        merged = sum(f.state.value == "merged" for f in report.files)
        plain = root / "plain.sqlite"
        shutil.copy(before, plain)
        files = sorted(folder.glob("annotator*.annotator-team"))
        with Project.open(plain) as project:
            t_plain, _ = timed(lambda: merge_files(project, files))
        print(f"full rescan, {merged} files merged ({report.summary.spans_added:,} spans): {t_rescan:.2f} s "
              f"(target < 5 s); one plain merge of the same files: {t_plain:.2f} s; "
              f"ratio {t_rescan / t_plain:.2f}×")

        with Project.open(db) as project:
            t_idle, report = timed(lambda: sync(project))
        print(f"a round with nothing changed: {t_idle:.2f} s")

        changed = names[7]
        write_team_file(annotator_file(changed, [by_id[i] for i in assigned[changed]], args.spans, 2, rng),
                        folder)
        shutil.copy(db, before)
        with Project.open(db) as project:
            t_round, report = timed(lambda: sync(project))
        shutil.copy(before, plain)
        with Project.open(plain) as project:
            t_one, _ = timed(lambda: merge_files(project, [folder / f"{changed}.annotator-team"]))
        print(f"incremental round, one file changed ({report.summary.spans_added:,} spans replaced): "
              f"{t_round:.2f} s (target < 0.5 s); one plain merge of that file: {t_one:.2f} s; "
              f"ratio {t_round / t_one:.2f}×")
    finally:
        shutil.rmtree(root, ignore_errors=True)


def _reviewer(db: Path, records: list[ArticleRecord], names: list[str], folder: Path) -> None:
    with Project.open(db) as project:
        project.import_articles(records)
        project.set_setting("name", "bench")
        set_assignment(project, round_robin([r.id for r in records], names, 2))
        join(project, folder, "rana", reviewer=True)
        sync(project)  # publishes the reviewer's file before the annotators' arrive


if __name__ == "__main__":
    main()
