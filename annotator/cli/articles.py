"""The article commands: `import` (bring articles and annotations in), `list` and `export`."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterable
from pathlib import Path

from annotator.cli.args import EXIT_OK, open_project
from annotator.core.errors import AnnotatorError


def add_article_commands(commands: argparse._SubParsersAction) -> None:
    """import, list and export: articles and their annotations in and out of the project."""
    p_import = commands.add_parser("import", help="import .txt articles, folders and .jsonl records")
    p_import.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    p_import.add_argument("--annotator", help="annotator for records with spans but no \"annotator\" field")
    p_import.add_argument("--add-labels", action="store_true", help="add unknown labels to the schema")
    p_import.add_argument("--format",
                          choices=["txt", "jsonl", "brat", "csv", "conll", "doccano", "table", "docx", "html",
                                   "xmi", "qdpx", "webanno-tsv", "label-studio"],
                          help="read every file as this format (default: by file name; a .txt with an .ann "
                               "beside it is brat standoff; .csv is document_id,annotator,start,end,label, "
                               "or an article table when its header has the text column and no start/end; "
                               ".xlsx/.tsv are article tables; .xmi is INCEpTION/WebAnno UIMA CAS XMI; "
                               "a .json holding a list is a Label Studio JSON or JSON_MIN export; "
                               ".conll/.iob/.bio are CoNLL token-per-line files; a .zip is doccano's "
                               "export of {username}.jsonl files)")
    p_import.add_argument("--text-key", metavar="KEY",
                          help="Label Studio: the task data key that holds the text (default text)")
    p_import.add_argument("--text-column", metavar="NAME",
                          help="article tables: the text column (default text)")
    p_import.add_argument("--title-column", metavar="NAME",
                          help="article tables: the title column (default title, if present)")
    p_import.add_argument("--id-column", metavar="NAME", help="article tables: the id column (default id, "
                                                              "if present); every other column is metadata")
    p_import.add_argument("--xmi-layer", metavar="TYPE", help="XMI and WebAnno TSV: the span layer (default "
                          "de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity)")
    p_import.add_argument("--xmi-feature", metavar="NAME",
                          help="XMI and WebAnno TSV: the layer's label feature (default value)")
    p_import.set_defaults(run=cmd_import)

    p_list = commands.add_parser("list", help="list articles with their annotators and statuses")
    p_list.add_argument("--json", action="store_true", help="print JSON instead of a table")
    p_list.add_argument("--annotator", help="only the articles assigned to this annotator (all when the "
                                            "project has no assignment)")
    p_list.set_defaults(run=cmd_list)

    p_export = commands.add_parser("export", help="export articles and spans (or gold) in NLP formats")
    p_export.add_argument("--format", required=True,
                          choices=["jsonl", "spacy", "brat", "conll", "csv", "xmi", "qdpx", "label-studio"],
                          help="file format (brat and xmi write a folder; spacy needs annotator[spacy])")
    p_export.add_argument("--out", required=True, type=Path, help="file to write (a new folder for brat)")
    source = p_export.add_mutually_exclusive_group()
    source.add_argument("--annotator", help="only this annotator's work")
    source.add_argument("--gold", action="store_true", help="the adjudicated gold spans")
    p_export.add_argument("--only-curated", action="store_true", help="only articles whose gold is curated")
    p_export.add_argument("--no-agreement", action="store_true",
                          help="leave the agreement summary out of the metadata (faster on large corpora)")
    p_export.set_defaults(run=cmd_export)


def cmd_import(args: argparse.Namespace) -> int:
    from annotator.operations.import_corpus import import_paths

    # A failed import leaves the project as it was: for a --db that did not exist, that means no file.
    created = args.db is not None and not args.db.exists()
    try:
        with open_project(args) as project:
            summary = import_paths(project, args.paths, annotator=args.annotator,
                                   add_labels=args.add_labels, format=args.format, options=_options(args))
    except AnnotatorError:
        if created:
            for path in (args.db, Path(f"{args.db}-wal"), Path(f"{args.db}-shm")):
                path.unlink(missing_ok=True)
        raise
    print(summary.describe())
    return EXIT_OK


def _options(args: argparse.Namespace):
    """The column mapping and XMI layer given on the command line (defaults where not given)."""
    from annotator.core.formats.article_table import TableColumns
    from annotator.core.formats.xmi import XmiMapping
    from annotator.operations.import_documents import DocumentOptions

    default = XmiMapping()
    return DocumentOptions(
        TableColumns(args.text_column, args.title_column, args.id_column),
        XmiMapping(args.xmi_layer or default.layer, args.xmi_feature or default.feature),
        args.text_key or "text")


def cmd_list(args: argparse.Namespace) -> int:
    from annotator.store.article_listing import iter_listed_articles

    with open_project(args) as project:
        # streamed a page of articles at a time: constant memory whatever the archive's size
        listed = iter_listed_articles(project, assigned_to=args.annotator or None)
        if args.json:
            write_json_array({"id": a.id, "title": a.title, "characters": a.length, "annotators": a.statuses}
                             for a in listed)
            return EXIT_OK
        for article in listed:
            who = ", ".join(f"{name}: {status}" for name, status in article.statuses.items()) or "-"
            print(f"{article.id}\t{article.length:>7}\t{article.title[:60]}\t{who}")
    return EXIT_OK


def write_json_array(items: Iterable[dict]) -> None:
    """Print ``items`` as ``json.dumps(list(items), indent=2)`` would, one item at a time."""
    first = True
    for item in items:
        body = json.dumps(item, ensure_ascii=False, indent=2).replace("\n", "\n  ")
        sys.stdout.write(("[\n  " if first else ",\n  ") + body)
        first = False
    sys.stdout.write("[]\n" if first else "\n]\n")


def cmd_export(args: argparse.Namespace) -> int:
    from annotator.operations.export import export_project

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
