"""The corpus commands: `search` (Arabic-normalised, over articles or a label's spans) and
`consistency` (passages articles share, and where their coding differs)."""

from __future__ import annotations

import argparse
import json

from annotator.cli.args import EXIT_OK, hit_count, names, open_project, positive


def add_search_commands(commands: argparse._SubParsersAction) -> None:
    """search: Arabic-normalised search over every article, or over the spans of one label."""
    p_search = commands.add_parser(
        "search", help="find a word or phrase in every article (harakat, tatweel and alef/ya/ta marbuta "
                       "variants ignored), or the spans of a label that contain it")
    p_search.add_argument("query", type=_query, metavar="QUERY")
    p_search.add_argument("--label", help="only spans with this label that contain the query")
    p_search.add_argument("--annotator", help="only spans by this annotator that contain the query")
    p_search.add_argument("--limit", type=hit_count, default=50, metavar="N",
                          help="hits listed (default 50; the totals count them all)")
    p_search.add_argument("--offset", type=hit_count, default=0, metavar="N",
                          help="skip the first N hits (for the next page)")
    p_search.add_argument("--json", action="store_true", help="print JSON instead of text")
    p_search.add_argument("--no-totals", action="store_true",
                          help="list the page at once without counting every match (on a large archive; "
                               "total and articles are null in --json)")
    p_search.set_defaults(run=cmd_search)


def _query(text: str) -> str:
    """argparse type: a query with something left to find once harakat, tatweel and spacing are dropped."""
    from annotator.core.search import normalise_query

    if not normalise_query(text):
        raise argparse.ArgumentTypeError(f"expected a word or phrase to find, got {text!r} (nothing is left "
                                         "of it once harakat, tatweel and spaces are dropped)")
    return text


def cmd_search(args: argparse.Namespace) -> int:
    from annotator.operations.search_report import result_to_json, result_to_text
    from annotator.store.search import search

    with open_project(args) as project:
        result = search(project, args.query, label=args.label, annotator=args.annotator,
                        limit=args.limit, offset=args.offset, totals=not args.no_totals)
    if args.json:
        print(json.dumps(result_to_json(result, label=args.label, annotator=args.annotator,
                                        offset=args.offset, limit=args.limit), ensure_ascii=False, indent=2))
    else:
        print(result_to_text(result, label=args.label, offset=args.offset))
    return EXIT_OK


def add_consistency_commands(commands: argparse._SubParsersAction) -> None:
    """consistency: passages articles share, and where their coding differs."""
    p_consistency = commands.add_parser(
        "consistency", help="list passages shared between articles (Arabic-normalised) and the spans that "
                            "differ between the two copies")
    p_consistency.add_argument("--json", action="store_true", help="print JSON instead of text")
    p_consistency.add_argument("--annotators", type=names, metavar="A,B,...",
                               help="compare only these annotators' spans")
    p_consistency.add_argument("--across", action="store_true",
                               help="also compare each annotator in one article with every other annotator "
                                    "in the other (default: each annotator with themself)")
    p_consistency.add_argument("--min-words", type=positive, default=8, metavar="N",
                               help="shortest passage reported, in words (default 8)")
    p_consistency.set_defaults(run=cmd_consistency)


def cmd_consistency(args: argparse.Namespace) -> int:
    from annotator.operations.consistency import consistency_report, report_to_json, report_to_text

    with open_project(args) as project:
        report = consistency_report(project, min_words=args.min_words, annotators=args.annotators,
                                    across_annotators=args.across)
    if args.json:
        print(json.dumps(report_to_json(report), ensure_ascii=False, indent=2))
    else:
        print(report_to_text(report))
    return EXIT_OK
