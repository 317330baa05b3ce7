"""The Arabic catalogue is complete and consistent with the code and with the shipped .qm file.

A translation that drops or renames a ``{placeholder}`` would raise KeyError when the text is formatted,
so placeholders must match; every text the modules mark for translation must have its Arabic; and the
committed .qm (what a plain `pip install` ships) must be what lrelease makes of the .ts.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

import pytest

ROOT = Path(__file__).resolve().parents[3]
TS = ROOT / "resources" / "translations" / "annotator_ar.ts"
QM = ROOT / "resources" / "translations" / "annotator_ar.qm"
BIN = Path(sys.executable).parent
# Every interface module's texts are marked (tr()/translate()): lupdate reads them all.
UI_MODULES = sorted(path for path in (ROOT / "annotator" / "ui").rglob("*.py") if path.name != "__init__.py")


def messages(ts: Path) -> list[tuple[str, str, str, ElementTree.Element]]:
    """(context, source, translation, translation element) of every message in ``ts``."""
    found = []
    for context in ElementTree.parse(ts).getroot().iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            # a count's plural forms (numerus messages) are checked together
            text = (translation.text or "").strip() or " ".join(
                form.text or "" for form in translation.iter("numerusform"))
            found.append((context.findtext("name"), message.findtext("source"), text, translation))
    return found


def test_every_arabic_translation_is_finished_arabic_with_the_same_placeholders() -> None:
    found = messages(TS)
    assert len(found) > 150
    for context, source, translation, element in found:
        assert element.get("type") is None, f"{context}: {source!r} is unfinished"
        words = re.sub(r"\{\w+\}|<[^>]*>|\([^)]*\*[^)]*\)", "", source)  # placeholders, markup, globs
        if re.search(r"[A-Za-z]", words):
            assert re.search(r"[\u0621-\u064A]", translation), f"{context}: {source!r} has no Arabic"
        assert sorted(re.findall(r"\{\w+\}", translation)) == sorted(re.findall(r"\{\w+\}", source)), source
        assert translation.count("&") <= source.count("&") + (source.count("&") > 0)


def test_catalogue_has_every_text_the_translated_modules_mark(tmp_path: Path) -> None:
    lupdate = BIN / "pyside6-lupdate"
    if not lupdate.exists():
        pytest.skip("pyside6-lupdate is not installed")
    fresh = tmp_path / "fresh.ts"
    sources = [str(path) for path in UI_MODULES]
    subprocess.run([str(lupdate), *sources, "-no-obsolete", "-locations", "none", "-ts", str(fresh)],
                   check=True, capture_output=True)
    marked = {(context, source) for context, source, _t, _e in messages(fresh)}
    catalogued = {(context, source) for context, source, _t, _e in messages(TS)}
    assert marked - catalogued == set(), "run `make update-translations` (and add the Arabic it asks for)"


def test_shipped_qm_is_built_from_the_ts(tmp_path: Path) -> None:
    lrelease = BIN / "pyside6-lrelease"
    if not lrelease.exists() and shutil.which("lrelease") is None:
        pytest.skip("no lrelease")
    built = tmp_path / "annotator_ar.qm"
    subprocess.run([str(lrelease) if lrelease.exists() else "lrelease", str(TS), "-qm", str(built)],
                   check=True, capture_output=True)
    assert built.read_bytes() == QM.read_bytes(), "run `make translations` and commit the .qm"
