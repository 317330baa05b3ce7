"""The team commands: `pack` (hand work out), `unpack` (take it in) and `merge` (bring it together)."""

from __future__ import annotations

import argparse
from pathlib import Path

from annotator.cli.args import EXIT_OK, open_project


def add_team_commands(commands: argparse._SubParsersAction) -> None:
    """pack, unpack and merge: handing work out to annotators and bringing it back together."""
    p_pack = commands.add_parser("pack", help="write a .annotator pack to hand out (articles, labels, "
                                              "guidelines, optional assignment)")
    p_pack.add_argument("--out", required=True, type=Path, help="the .annotator file to write")
    p_pack.add_argument("--annotators", nargs="+", metavar="NAME", help="assign articles round robin")
    p_pack.add_argument("--per-article", type=int, default=1, metavar="N",
                        help="annotators per article with --annotators (default 1)")
    p_pack.add_argument("--assignment", type=Path, metavar="CSV",
                        help="assign from a CSV with columns article_id,annotator")
    p_pack.add_argument("--with-work", action="store_true",
                        help="include annotators' spans (left out by default, so annotators work blind)")
    p_pack.set_defaults(run=cmd_pack)

    p_unpack = commands.add_parser("unpack", help="create or update the project from a .annotator pack")
    p_unpack.add_argument("pack", type=Path, metavar="PACK")
    p_unpack.add_argument("--annotator", help="list the articles assigned to this annotator")
    p_unpack.set_defaults(run=cmd_unpack)

    p_merge = commands.add_parser("merge", help="merge other projects (.sqlite/.db), packs or JSONL into "
                                                "this project")
    p_merge.add_argument("files", nargs="+", type=Path, metavar="FILE")
    p_merge.add_argument("--prefer", choices=["newer"],
                         help="settle conflicting work by keeping the more recent edit (default: stop)")
    p_merge.set_defaults(run=cmd_merge)


def cmd_pack(args: argparse.Namespace) -> int:
    from annotator.operations.team import build_pack, plan_assignment, write_pack_file

    with open_project(args) as project:
        assignment = plan_assignment(project, annotators=args.annotators, per_article=args.per_article,
                                     assignment_csv=args.assignment)
        pack = build_pack(project, assignment, with_work=args.with_work)
    write_pack_file(pack, args.out)
    print(f"wrote {len(pack.records)} article(s) and {len(pack.labels)} label(s) to {args.out}")
    for name, ids in sorted((assignment or {}).items()):
        print(f"  {name}: {len(ids)} article(s)")
    return EXIT_OK


def cmd_unpack(args: argparse.Namespace) -> int:
    from annotator.operations.team import open_pack

    with open_project(args) as project:
        summary = open_pack(project, args.pack)
        print(summary.describe())
        if args.annotator:
            ids = project.assigned_article_ids(args.annotator)
            print(f"{len(ids)} article(s) for {args.annotator}: {' '.join(ids)}")
    return EXIT_OK


def cmd_merge(args: argparse.Namespace) -> int:
    from annotator.operations.team import merge_files

    with open_project(args) as project:
        summary = merge_files(project, args.files, prefer_newer=args.prefer == "newer")
    print(summary.describe())
    return EXIT_OK
