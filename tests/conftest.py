"""Fixtures shared by every test folder: the shipped sample corpus and a real project built from it.

Keep this file small and generic; fixtures used by one folder belong in that folder's tests.
"""

from __future__ import annotations

import subprocess
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


@pytest.fixture
def tiny_disk(tmp_path: Path) -> Iterator[Path]:
    """A real 1 MB tmpfs to fill up (needs root with mount rights; skipped elsewhere)."""
    mount_point = tmp_path / "tiny-disk"
    mount_point.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mount_point)],
                             capture_output=True, check=False)
    if mounted.returncode != 0:
        pytest.skip("cannot mount a tmpfs here (needs root with mount rights)")
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", str(mount_point)], check=False)
