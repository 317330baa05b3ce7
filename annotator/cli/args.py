"""What every command shares: the exit codes, opening the project, and argparse value types."""

from __future__ import annotations

import argparse

from annotator.store import Project

EXIT_OK, EXIT_DATA_ERROR, EXIT_USAGE = 0, 1, 2


def open_project(args: argparse.Namespace) -> Project:
    """The project named by --db, or the default project (created with the sample articles)."""
    if args.db is None:
        from annotator.operations.import_corpus import open_default_project

        return open_default_project()
    return Project.open(args.db)


def names(value: str) -> list[str]:
    """A comma-separated list of names (labels or annotators) from the command line."""
    names = [name.strip() for name in value.split(",") if name.strip()]
    if not names:
        raise argparse.ArgumentTypeError("give at least one name, separated by commas")
    return names


def positive(text: str) -> int:
    """argparse type: a whole number ≥ 1."""
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number ≥ 1, got {text!r}")
    return value


def hit_count(text: str) -> int:
    """argparse type: a whole number ≥ 0."""
    if not text.isdigit():
        raise argparse.ArgumentTypeError(f"expected a whole number ≥ 0, got {text!r}")
    return int(text)
