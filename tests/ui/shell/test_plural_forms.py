"""Counts read right in both languages: English "1 span"/"2 spans", Arabic's six forms of the noun.

Qt picks the form from the .qm of the language; English has a plural-only .qm of its own, so a count
never shows as "1 spans" or "1 span(s)", nor Arabic as «1 أزواج».
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

import pytest

from annotator.ui.shell import counts
from annotator.ui.shell.app import install_language

ROOT = Path(__file__).resolve().parents[3]
TS_EN = ROOT / "resources" / "translations" / "annotator_en.ts"


@pytest.fixture
def arabic(qapp):
    install_language(qapp, "ar")
    yield
    install_language(qapp, "en")


def test_english_counts_use_singular_and_plural() -> None:
    assert [counts.spans(n) for n in (0, 1, 2, 21)] == ["0 spans", "1 span", "2 spans", "21 spans"]
    assert counts.articles(1) == "1 article" and counts.pairs_of_articles(1) == "1 pair of articles"
    assert counts.matches(3) == "3 matches" and counts.times(1) == "1 time"


def test_arabic_counts_follow_the_six_forms_of_the_noun(arabic) -> None:
    assert [counts.spans(n) for n in (0, 1, 2, 3, 10, 11, 99, 100, 102, 103, 111)] == [
        "0 مقطع", "مقطع واحد", "مقطعان", "3 مقاطع", "10 مقاطع", "11 مقطعًا", "99 مقطعًا",
        "100 مقطع", "102 مقطع", "103 مقاطع", "111 مقطعًا"]
    assert counts.pairs_of_articles(1) == "زوج واحد من المقالات"
    assert counts.articles(2) == "مقالتان"


def test_every_counted_noun_has_english_forms_in_the_shipped_catalogue(tmp_path: Path) -> None:
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    if not lupdate.exists():
        pytest.skip("pyside6-lupdate is not installed")
    fresh = tmp_path / "en.ts"
    sources = sorted(str(p) for p in (ROOT / "annotator" / "ui").rglob("*.py") if p.name != "__init__.py")
    subprocess.run([str(lupdate), *sources, "-pluralonly", "-target-language", "en", "-locations", "none",
                    "-ts", str(fresh)], check=True, capture_output=True)
    marked = {m.findtext("source") for m in ElementTree.parse(fresh).getroot().iter("message")}
    shipped = {m.findtext("source"): [f.text for f in m.iter("numerusform")]
               for m in ElementTree.parse(TS_EN).getroot().iter("message")}
    assert marked and marked <= set(shipped), "run `make update-translations`"
    for source, forms in shipped.items():
        assert len(forms) == 2 and all(forms) and "(" not in forms[1], source


COUNTED = [name for name in dir(counts) if not name.startswith("_") and callable(getattr(counts, name))
           and name not in {"functools", "QObject"}]


def test_zero_reads_as_arabic_grammar_has_it_for_every_counted_noun(arabic) -> None:
    """Zero takes the singular noun, as a hundred does: «0 مقطع» like «100 مقطع» (not «0 مقاطع»), and
    the figure is written: never the dual «مقطعان» or «مقطع واحد» for nothing."""
    assert len(COUNTED) >= 15
    for name in COUNTED:
        count = getattr(counts, name)
        zero, hundred = count(0), count(100)
        assert zero.startswith("0 ") or " 0 " in f" {zero} ", (name, zero)
        assert zero == hundred.replace("100", "0"), (name, zero, hundred)
    assert counts.spans(0) == "0 مقطع" and counts.articles(0) == "0 مقالة"


def test_zero_reads_as_a_plural_in_english() -> None:
    for name in COUNTED:
        zero, two = getattr(counts, name)(0), getattr(counts, name)(2)
        assert zero == two.replace("2", "0"), (name, zero)
    assert counts.more_notes(0) == "0 more notes" and counts.chart_files(1) == "1 chart file"
