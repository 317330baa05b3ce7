"""The team commands: `pack` (hand work out), `unpack` (take it in) and `merge` (bring it together);
`team-folder` (join a shared folder) and `sync` (one round of publishing and merging through it)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from annotator.cli.args import EXIT_DATA_ERROR, EXIT_OK, open_project, positive
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

    p_folder = commands.add_parser("team-folder", help="join this project to a shared team folder (kept in "
                                                       "step by Syncthing, Dropbox, a network share, git …)")
    p_folder.add_argument("folder", nargs="?", type=Path, metavar="PATH", help="the shared folder")
    p_folder.add_argument("--as", dest="annotator", metavar="NAME",
                          help="who works at this desktop: the file NAME.annotator-team holds their work")
    p_folder.add_argument("--reviewer", action="store_true",
                          help="also publish the articles, labels, guidelines, assignments and gold")
    p_folder.add_argument("--off", action="store_true", help="leave the team folder (its files stay)")
    p_folder.set_defaults(run=cmd_team_folder)

    p_sync = commands.add_parser("sync", help="one round through the team folder: write my file if my work "
                                              "changed, merge every other file that changed")
    p_sync.add_argument("--json", action="store_true", help="print what the round did as one JSON object")
    p_sync.set_defaults(run=cmd_sync)


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


def cmd_team_folder(args: argparse.Namespace) -> int:
    from annotator.operations.team_folder import join, leave, membership

    with open_project(args) as project:
        if args.off:
            left = leave(project)
            print(f"left the team folder {left.folder}" if left else "this project has no team folder")
            return EXIT_OK
        if args.folder is None:
            joined = membership(project)
            if joined is None:
                print("this project has no team folder; join one with team-folder PATH --as NAME")
            else:
                role = " (reviewer)" if joined.reviewer else ""
                print(f"team folder {joined.folder}, working as {joined.annotator}{role}")
            return EXIT_OK
        if not args.annotator:
            print("annotator: error: team-folder PATH needs --as NAME (who works at this desktop)",
                  file=sys.stderr)
            return EXIT_DATA_ERROR
        joined = join(project, args.folder, args.annotator, args.reviewer)
    role = " as the reviewer" if joined.reviewer else ""
    print(f"joined the team folder {joined.folder} as {joined.annotator}{role}; run `sync` for a round")
    return EXIT_OK


def cmd_sync(args: argparse.Namespace) -> int:
    from annotator.operations.team_folder import sync

    with open_project(args) as project:
        report = sync(project)
    if args.json:
        print(json.dumps(report.to_json(), ensure_ascii=False, indent=1))
    else:
        print(report.describe())
    for refused in report.refused:
        print(f"annotator: error: {refused.file}: {refused.message}", file=sys.stderr)
    return EXIT_DATA_ERROR if report.refused else EXIT_OK
