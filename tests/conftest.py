"""Fixtures shared by every test folder: the shipped sample corpus and a real project built from it.

Keep this file small and generic; fixtures used by one folder belong in that folder's tests.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from annotator.operations.import_corpus import import_paths
from annotator.store import Project

REPO_ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def seeds_dir() -> Path:
    """The repository's seeds/ folder: the five sample articles as shipped."""
    return REPO_ROOT / "seeds"


@pytest.fixture
def project(tmp_path: Path, seeds_dir: Path) -> Iterator[Project]:
    """A project file in tmp_path holding the five seed articles (no spans, no annotators)."""
    with Project.open(tmp_path / "project.sqlite") as opened:
        import_paths(opened, [seeds_dir])
        yield opened
