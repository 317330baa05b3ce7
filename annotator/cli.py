"""Command line: argument parsing only. Each command calls core/store, prints, and returns an exit code.

Exit codes: 0 success, 1 data error (one clear message on stderr), 2 usage error.
The commands, flags and file shapes here are a contract users script against: extend, never rename.
The team commands live in ``cli_team``, search and consistency in ``cli_corpus``, shared argument
types and project opening in ``cli_args``.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

from annotator.cli_args import EXIT_DATA_ERROR, EXIT_OK, EXIT_USAGE, names, open_project
from annotator.cli_corpus import add_consistency_commands, add_search_commands
from annotator.cli_team import add_team_commands
from annotator.core.errors import AnnotatorError

__all__ = ["EXIT_DATA_ERROR", "EXIT_OK", "EXIT_USAGE", "build_parser", "main"]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="annotator",
        description="Annotate Arabic news articles. With no command, opens the application window.",
    )
    parser.add_argument("--db", type=Path,
                        help="project file (created if missing); default: the default project")
    parser.add_argument("--lang", choices=["en", "ar"],
                        help="interface language of the window (default: the one chosen in View ▸ Language)")
    parser.add_argument("--smoke-test", action="store_true",
                        help="open the default project in a temporary data folder, save a picture of the "
                             "window there, print its path and exit (checks an installed or packaged app)")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    p_import = commands.add_parser("import", help="import .txt articles, folders and .jsonl records")
    p_import.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    p_import.add_argument("--annotator", help="annotator for records with spans but no \"annotator\" field")
    p_import.add_argument("--add-labels", action="store_true", help="add unknown labels to the schema")
    p_import.add_argument("--format", choices=["txt", "jsonl", "brat", "csv"],
                          help="read every file as this format (default: by file name; a .txt with an .ann "
                               "beside it is brat standoff; .csv is document_id,annotator,start,end,label)")
    p_import.set_defaults(run=cmd_import)

    p_list = commands.add_parser("list", help="list articles with their annotators and statuses")
    p_list.add_argument("--json", action="store_true", help="print JSON instead of a table")
    p_list.add_argument("--annotator", help="only the articles assigned to this annotator (all when the "
                                            "project has no assignment)")
    p_list.set_defaults(run=cmd_list)

    p_export = commands.add_parser("export", help="export articles and spans (or gold) in NLP formats")
    p_export.add_argument("--format", required=True, choices=["jsonl", "spacy", "brat", "conll", "csv"],
                          help="file format (brat writes a folder; spacy needs annotator[spacy])")
    p_export.add_argument("--out", required=True, type=Path, help="file to write (a new folder for brat)")
    source = p_export.add_mutually_exclusive_group()
    source.add_argument("--annotator", help="only this annotator's work")
    source.add_argument("--gold", action="store_true", help="the adjudicated gold spans")
    p_export.add_argument("--only-curated", action="store_true", help="only articles whose gold is curated")
    p_export.add_argument("--no-agreement", action="store_true",
                          help="leave the agreement summary out of the metadata (faster on large corpora)")
    p_export.set_defaults(run=cmd_export)

    p_adjudicate = commands.add_parser(
        "adjudicate", help="accept into gold the spans enough done annotators agree on; list the rest")
    p_adjudicate.add_argument("--min-votes", type=int, metavar="N",
                              help="votes needed (default: a majority of the article's done annotators)")
    p_adjudicate.add_argument("--annotators", nargs="+", metavar="NAME",
                              help="count only these annotators (space- or comma-separated)")
    p_adjudicate.add_argument("--json", action="store_true", help="print JSON instead of text")
    p_adjudicate.set_defaults(run=cmd_adjudicate)

    p_agreement = commands.add_parser(
        "agreement", help="inter-annotator agreement over articles two or more annotators have done")
    output = p_agreement.add_mutually_exclusive_group()
    output.add_argument("--json", action="store_true", help="print the report as JSON")
    output.add_argument("--csv", action="store_true",
                        help="print CSV rows: scope, item, label, measure, value, reason")
    p_agreement.add_argument("--labels", type=names, metavar="L,...", help="only these labels")
    p_agreement.add_argument("--annotators", type=names, metavar="A,B,...", help="only these annotators")
    p_agreement.add_argument("--against-gold", action="store_true",
                             help="each annotator against gold (span F1 per label) on curated articles")
    p_agreement.add_argument("--bootstrap", type=_resamples, metavar="N",
                             help="95%% intervals from N resamples of the articles (default 1000; 0 = none)")
    p_agreement.add_argument("--seed", type=int, metavar="S",
                             help="seed for the bootstrap resamples (default 0: repeatable output)")
    p_agreement.add_argument("--gamma", action="store_true",
                             help="add γ per article and for the corpus (slow; needs annotator[gamma])")
    p_agreement.set_defaults(run=cmd_agreement)
    add_team_commands(commands)
    add_search_commands(commands)
    add_consistency_commands(commands)
    return parser


def cmd_import(args: argparse.Namespace) -> int:
    from annotator.corpus import import_paths

    # A failed import leaves the project as it was: for a --db that did not exist, that means no file.
    created = args.db is not None and not args.db.exists()
    try:
        with open_project(args) as project:
            summary = import_paths(project, args.paths, annotator=args.annotator,
                                   add_labels=args.add_labels, format=args.format)
    except AnnotatorError:
        if created:
            for path in (args.db, Path(f"{args.db}-wal"), Path(f"{args.db}-shm")):
                path.unlink(missing_ok=True)
        raise
    print(summary.describe())
    return EXIT_OK


def cmd_list(args: argparse.Namespace) -> int:
    with open_project(args) as project:
        # grouped once: looking every article up in the whole status table was quadratic in the corpus
        annotators_of: dict[str, dict[str, str]] = {}
        for (doc, name), status in sorted(project.statuses().items()):
            annotators_of.setdefault(doc, {})[name] = status.value
        rows = []
        shown = None
        if args.annotator:
            from annotator.store.assignments import assigned_article_ids

            shown = set(assigned_article_ids(project, args.annotator))
        for article in project.article_summaries():
            if shown is not None and article.id not in shown:
                continue
            rows.append({"id": article.id, "title": article.title, "characters": article.length,
                         "annotators": annotators_of.get(article.id, {})})
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return EXIT_OK
    for row in rows:
        who = ", ".join(f"{name}: {status}" for name, status in row["annotators"].items()) or "-"
        print(f"{row['id']}\t{row['characters']:>7}\t{row['title'][:60]}\t{who}")
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    from annotator.export import export_project

    with open_project(args) as project:
        result = export_project(project, args.format, args.out, gold=args.gold, annotator=args.annotator,
                                only_curated=args.only_curated, workers=os.cpu_count() or 1,
                                agreement=not args.no_agreement)
    if args.format == "jsonl":
        print(f"wrote {result.lines} line(s) to {args.out}")
    else:
        print(result.describe())
    for note in result.notes[:20]:
        print(f"  {note}")
    if len(result.notes) > 20:
        print(f"  … and {len(result.notes) - 20} more in {result.metadata_path}")
    print(f"metadata: {result.metadata_path}")
    return EXIT_OK


def cmd_adjudicate(args: argparse.Namespace) -> int:
    from annotator.store.gold import Gold

    with open_project(args) as project:
        names = None if args.annotators is None else [
            name.strip() for value in args.annotators for name in value.split(",") if name.strip()]
        summary = Gold(project).adjudicate(min_votes=args.min_votes, annotators=names)
        texts = {d.id: d.text for d in project.documents()} if summary.undecided else {}
    undecided = [
        {"article_id": a.document_id, "start": c.ref.start, "end": c.ref.end, "label": c.ref.label,
         "text": texts[a.document_id][c.ref.start:c.ref.end], "annotators": list(c.annotators),
         "votes": f"{c.votes}/{len(a.annotators)}"}
        for a in summary.articles for c in a.undecided
    ]
    if args.json:
        print(json.dumps({"summary": summary.describe(), "spans_accepted": summary.spans_accepted,
                          "undecided": undecided}, ensure_ascii=False, indent=2))
        return EXIT_OK
    print(summary.describe())
    for row in undecided:
        print(f"{row['article_id']}\t{row['start']}-{row['end']}\t{row['label']}\t{row['votes']}\t"
              f"{','.join(row['annotators'])}\t{row['text']}")
    return EXIT_OK


def _resamples(text: str) -> int:
    """argparse type for --bootstrap: a whole number ≥ 0."""
    try:
        value = int(text)
    except ValueError:
        value = -1
    if value < 0:
        raise argparse.ArgumentTypeError(f"expected a whole number of resamples ≥ 0, got {text!r}")
    return value


def cmd_agreement(args: argparse.Namespace) -> int:
    from annotator.core.agreement.bootstrap import DEFAULT_RESAMPLES, DEFAULT_SEED
    from annotator.core.agreement.render import report_to_json, report_to_text, write_csv
    from annotator.core.agreement.report import build_report

    if args.against_gold:
        return agreement_against_gold(args)
    with open_project(args) as project:
        data = project.agreement_input(annotators=args.annotators, labels=args.labels)
    if args.gamma:
        from annotator.core.agreement.gamma import require_pygamma

        require_pygamma()  # before the slow part, so a missing extra fails at once
    resamples = DEFAULT_RESAMPLES if args.bootstrap is None else args.bootstrap
    seed = DEFAULT_SEED if args.seed is None else args.seed
    report = build_report(data, bootstrap=resamples, seed=seed, gamma=args.gamma)
    if args.json:
        print(json.dumps(report_to_json(report), ensure_ascii=False, indent=2))
    elif args.csv:
        write_csv(report, sys.stdout)
    else:
        print(report_to_text(report))
    return EXIT_OK


def agreement_against_gold(args: argparse.Namespace) -> int:
    import csv

    from annotator.core.agreement import against_gold as gold_agreement
    from annotator.core.agreement.render import CSV_HEADER
    from annotator.core.agreement.report import build_report
    from annotator.store.gold import GOLD_RATER, Gold

    with open_project(args) as project:
        data = Gold(project).agreement_input(annotators=args.annotators, labels=args.labels)
    rows = gold_agreement.against_gold(build_report(data), GOLD_RATER)
    if args.json:
        print(json.dumps({"against_gold": gold_agreement.to_json(rows)}, ensure_ascii=False, indent=2))
    elif args.csv:
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(CSV_HEADER)
        writer.writerows(gold_agreement.csv_rows(rows))
    else:
        print(gold_agreement.to_text(rows, data.labels))
    return EXIT_OK


def write_atomically(path: Path, write: Callable) -> int:
    """Write to a temporary file beside ``path`` and rename it over: a failed export leaves no half file."""
    if not path.parent.exists():
        raise AnnotatorError(f"{path}: the folder {path.parent} does not exist")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as out:
            result = write(out)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return result


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `annotator` command."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        from annotator.ui.app import run_gui

        return run_gui(args.db, lang=args.lang, smoke_test=args.smoke_test)
    try:
        return args.run(args)
    except AnnotatorError as exc:
        print(f"annotator: error: {exc}", file=sys.stderr)
        return EXIT_DATA_ERROR
    except OSError as exc:
        print(f"annotator: error: {exc.filename or ''}: {exc.strerror}", file=sys.stderr)
        return EXIT_DATA_ERROR


if __name__ == "__main__":
    sys.exit(main())
