"""pyproject's hand-written package list matches the source tree, so the wheel ships every module.

An editable install imports unlisted subpackages anyway, so only a wheel (or a user's pip install)
would notice a missing entry; a listed folder that does not exist breaks every fresh install.
"""

from __future__ import annotations

import configparser
import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path
from xml.etree import ElementTree

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


def build_wheel(tmp_path: Path) -> list[str]:
    """Build the wheel offline from a copy of the sources (the checkout gets no build/ folder); its files."""
    source = tmp_path / "source"
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for folder in ("annotator", "resources", "seeds"):
        shutil.copytree(ROOT / folder, source / folder, ignore=ignore)
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, source / name)
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
                    "--wheel-dir", str(tmp_path / "dist"), str(source)], check=True, capture_output=True)
    (wheel,) = (tmp_path / "dist").glob("annotator-*.whl")
    return zipfile.ZipFile(wheel).namelist()


def test_wheel_ships_every_module_and_the_resources_translations_icons_and_seeds(tmp_path: Path) -> None:
    shipped = set(build_wheel(tmp_path))
    expected = {f"annotator/{p.relative_to(ROOT / 'annotator').as_posix()}"
                for p in (ROOT / "annotator").rglob("*.py") if "__pycache__" not in p.parts}
    for folder in ("resources", "seeds"):
        expected |= {f"annotator/{folder}/{p.relative_to(ROOT / folder).as_posix()}"
                     for p in (ROOT / folder).rglob("*") if p.is_file() and "__pycache__" not in p.parts}
    assert expected - shipped == set()
    for needed in ("annotator/resources/fonts/Amiri-Regular.ttf", "annotator/resources/icons/annotator.png",
                   "annotator/resources/translations/annotator_ar.qm"):
        assert needed in shipped
    assert len([n for n in shipped if n.startswith("annotator/seeds/") and n.endswith(".txt")]) == 5


DESKTOP_ID = "io.github.annotator.Annotator"


def test_desktop_entry_starts_the_installed_command() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # keys are case-sensitive
    entry.read(ROOT / "packaging" / f"{DESKTOP_ID}.desktop", encoding="utf-8")
    section = entry["Desktop Entry"]
    with (ROOT / "pyproject.toml").open("rb") as f:
        scripts = tomllib.load(f)["project"]["scripts"]
    assert section["Type"] == "Application"
    assert section["Exec"].split()[0] in scripts
    assert section["Icon"] == DESKTOP_ID and section["Name"] and section["Name[ar]"]
    assert section["Categories"].endswith(";")


def test_appstream_metainfo_is_valid() -> None:
    path = ROOT / "packaging" / f"{DESKTOP_ID}.metainfo.xml"
    root = ElementTree.parse(path).getroot()
    assert root.tag == "component" and root.get("type") == "desktop-application"
    assert root.findtext("id") == DESKTOP_ID
    assert root.findtext("launchable") == f"{DESKTOP_ID}.desktop"
    assert root.find("launchable").get("type") == "desktop-id"
    assert root.findtext("provides/binary") == "annotator"
    for tag in ("name", "summary", "metadata_license", "project_license"):
        assert (root.findtext(tag) or "").strip(), f"<{tag}> is missing"
    assert len(root.findall("description/p")) >= 1
    assert root.find("releases/release").get("version") == tomllib.loads(
        (ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    if shutil.which("appstreamcli"):  # Debian's appstream package; the checks above stand in without it
        result = subprocess.run(["appstreamcli", "validate", "--no-net", str(path)],
                                capture_output=True, text=True)
        assert result.returncode == 0, result.stdout + result.stderr


def test_png_icon_is_the_svg_rendered_at_256_pixels(qapp) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(ROOT / "resources" / "icons" / "annotator.svg"))
    assert renderer.isValid()
    png = QImage(str(ROOT / "resources" / "icons" / "annotator.png"))
    assert (png.width(), png.height()) == (256, 256)
    fresh = QImage(256, 256, QImage.Format.Format_ARGB32)
    fresh.fill(Qt.GlobalColor.transparent)
    painter = QPainter(fresh)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    png = png.convertToFormat(QImage.Format.Format_ARGB32)
    differing = sum(png.pixel(x, y) != fresh.pixel(x, y) for x in range(0, 256, 4) for y in range(0, 256, 4))
    assert differing < 40, "re-render the PNG: .venv/bin/python packaging/render_icon.py"
