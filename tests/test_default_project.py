"""The default project: a file in the user's data folder that starts out holding the five seed articles."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.cli.main import main
from annotator.operations.import_corpus import default_project_path, open_default_project, seed_files


@pytest.fixture
def data_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "xdg" / "data"  # does not exist yet: the first start must create it
    monkeypatch.setenv("XDG_DATA_HOME", str(home))
    return home


def test_default_project_lives_in_the_xdg_data_folder(data_home: Path) -> None:
    assert default_project_path() == data_home / "annotator" / "default-project.sqlite"


def test_first_start_creates_it_with_the_five_seeds(data_home: Path, seeds_dir: Path) -> None:
    with open_default_project() as project:
        assert project.path == data_home / "annotator" / "default-project.sqlite"
        texts = sorted(d.text for d in project.documents())
    assert project.path.is_file()
    assert texts == sorted(p.read_text(encoding="utf-8") for p in seeds_dir.glob("*.txt"))


def test_second_start_does_not_duplicate_the_seeds(data_home: Path) -> None:
    open_default_project().close()
    with open_default_project() as project:
        assert project.document_count() == 5


def test_shipped_seeds_are_the_repository_seeds(seeds_dir: Path) -> None:
    shipped = seed_files()
    assert [p.name for p in shipped] == sorted(p.name for p in seeds_dir.glob("*.txt"))
    assert [p.read_bytes() for p in shipped] == [(seeds_dir / p.name).read_bytes() for p in shipped]


def test_cli_without_db_uses_the_default_project(data_home: Path, capsys: pytest.CaptureFixture) -> None:
    assert main(["list", "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 5
    assert (data_home / "annotator" / "default-project.sqlite").is_file()
