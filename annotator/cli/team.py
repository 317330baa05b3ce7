"""The team commands: `pack` (hand work out), `unpack` (take it in) and `merge` (bring it together)."""

from __future__ import annotations

import argparse
from pathlib import Path

from annotator.cli.args import EXIT_OK, open_project, positive
from annotator.core.formats.pack import PackLimits


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
    add_pack_limits(p_unpack)
    p_unpack.set_defaults(run=cmd_unpack)

    p_merge = commands.add_parser("merge", help="merge other projects (.sqlite/.db), packs or JSONL into "
                                                "this project")
    p_merge.add_argument("files", nargs="+", type=Path, metavar="FILE")
    p_merge.add_argument("--prefer", choices=["newer"],
                         help="settle conflicting work by keeping the more recent edit (default: stop)")
    add_pack_limits(p_merge)
    p_merge.set_defaults(run=cmd_merge)


def add_pack_limits(parser: argparse.ArgumentParser) -> None:
    """--max-pack-mib, --max-pack-members, --max-pack-ratio: how far a pack may expand (zip bombs)."""
    defaults = PackLimits()
    parser.add_argument("--max-pack-mib", type=positive, default=defaults.megabytes, metavar="MIB",
                        help=f"largest total a pack may expand to (default {defaults.megabytes} MiB)")
    parser.add_argument("--max-pack-members", type=positive, default=defaults.members, metavar="N",
                        help=f"most files a pack may hold (default {defaults.members})")
    parser.add_argument("--max-pack-ratio", type=positive, default=defaults.ratio, metavar="R",
                        help=f"most a member over 1 MiB may expand, as a multiple (default {defaults.ratio})")


def pack_limits(args: argparse.Namespace) -> PackLimits:
    """The limits the command line asked for."""
    return PackLimits(megabytes=args.max_pack_mib, members=args.max_pack_members, ratio=args.max_pack_ratio)


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
        summary = open_pack(project, args.pack, pack_limits(args))
        print(summary.describe())
        if args.annotator:
            ids = project.assigned_article_ids(args.annotator)
            print(f"{len(ids)} article(s) for {args.annotator}: {' '.join(ids)}")
    return EXIT_OK


def cmd_merge(args: argparse.Namespace) -> int:
    from annotator.operations.team import merge_files

    with open_project(args) as project:
        summary = merge_files(project, args.files, prefer_newer=args.prefer == "newer",
                              limits=pack_limits(args))
    print(summary.describe())
    return EXIT_OK
