"""Command line: argument parsing only. Each command calls the operations, prints, and returns an exit code.

Exit codes (``args``): 0 success, 1 data error (one clear message on stderr), 2 usage error.
The commands, flags and file shapes are a contract users script against: extend, never rename.
One module per group of commands: ``articles`` (import, list, export), ``agreement`` (agreement,
adjudicate), ``team`` (pack, unpack, merge), ``corpus`` (search, consistency); ``args`` holds the shared
argument types, exit codes and project opening.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from annotator.cli.agreement import add_agreement_commands
from annotator.cli.args import EXIT_DATA_ERROR, EXIT_OK, EXIT_USAGE
from annotator.cli.articles import add_article_commands
from annotator.cli.corpus import add_consistency_commands, add_search_commands
from annotator.cli.team import add_team_commands
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
    add_article_commands(commands)
    add_agreement_commands(commands)
    add_team_commands(commands)
    add_search_commands(commands)
    add_consistency_commands(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `annotator` command."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        from annotator.ui.shell.app import run_gui

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
