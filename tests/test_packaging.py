"""pyproject's hand-written package list matches the source tree, so the wheel ships every module.

An editable install imports unlisted subpackages anyway, so only a wheel (or a user's pip install)
would notice a missing entry; a listed folder that does not exist breaks every fresh install.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def setuptools_config() -> dict:
    with (ROOT / "pyproject.toml").open("rb") as f:
        return tomllib.load(f)["tool"]["setuptools"]


def test_every_package_folder_is_listed_and_every_listed_package_exists() -> None:
    config = setuptools_config()
    mapped = config["package-dir"]
    listed = set(config["packages"])
    on_disk = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for init in (ROOT / "annotator").rglob("__init__.py")
        if "__pycache__" not in init.parts
    }
    assert on_disk - listed == set(), "add these subpackages to pyproject's packages list"
    for package in listed:
        folder = ROOT / mapped.get(package, package.replace(".", "/"))
        assert (folder / "__init__.py").is_file(), f"{package} is listed but {folder} has no __init__.py"


def test_resources_and_seeds_are_shipped_as_package_data() -> None:
    config = setuptools_config()
    assert config["package-dir"]["annotator.resources"] == "resources"
    assert config["package-dir"]["annotator.seeds"] == "seeds"
    data = config["package-data"]
    assert "**/*" in data["annotator.resources"] and "*.txt" in data["annotator.seeds"]
    assert list((ROOT / "resources" / "fonts").glob("*.ttf"))
    assert len(list((ROOT / "seeds").glob("*.txt"))) == 5
