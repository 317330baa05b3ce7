"""Search text work: a normalised query finds every spelling variant, at exact original offsets.

The reference is independent of core.normalise: a regular expression built over the ORIGINAL text,
letting harakat and tatweel sit between letters and matching each alef/ya/ta-marbuta variant.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.formats.plaintext import read_txt
from annotator.core.search import find_occurrences, normalise_query, snippet

MARKS = "\u064b-\u065f\u0670"  # harakat and superscript alef
VARIANTS = {"ا": "اأإآٱ", "ي": "يى", "ه": "هة"}


def reference_pattern(needle: str) -> re.Pattern[str]:
    """A regex for every original spelling of a normalised needle, trailing harakat included."""
    parts = []
    for char in needle:
        if char == " ":
            parts.append(f"\\s[\\s{MARKS}\u0640]*")  # a run of white space, marks dropped inside it
        elif char in VARIANTS:
            parts.append(f"[{VARIANTS[char]}]")
        else:
            parts.append(re.escape(char))
    return re.compile(f"[{MARKS}\u0640]*".join(parts) + f"[{MARKS}]*")


def reference(text: str, needle: str) -> list[tuple[int, int]]:
    return [m.span() for m in reference_pattern(needle).finditer(text)]


@pytest.fixture(scope="module")
def seed_texts() -> list[str]:
    seeds = Path(__file__).resolve().parents[2] / "seeds"
    return [read_txt(path).text for path in sorted(seeds.glob("*.txt"))]


# Typed without the article's harakat, hamza, ta marbuta or alef maqsura, and with extra harakat.
QUERIES = {
    "عمان": ["عُمان", "عمان"],  # 004: عُمان, العُمانيين
    "ضد": ["ضدّ", "ضد"],
    "شكل": ["شكّل", "شكل"],
    "بعيدا": ["بعيداً"],
    "الامريكي": ["الأمريكي"],
    "الولايات المتحده": ["الولايات المتحدة"],
    "ايران": ["إيران", "ايران"],
    "الي": ["إلى", "الى", "الي", "إلي", "ألي"],
    "مُفاوَضات": ["مفاوضات"],
    "اتفاق": ["اتفاق", "إتفاق"],
}


@pytest.mark.parametrize("query", sorted(QUERIES))
def test_a_query_typed_another_way_finds_the_original_occurrences(seed_texts: list[str], query: str) -> None:
    needle = normalise_query(query)
    found_spellings = set()
    for text in seed_texts:
        found = find_occurrences(text, needle)
        assert found == reference(text, needle)
        found_spellings.update(text[start:end] for start, end in found)
    assert found_spellings == set(QUERIES[query])


def test_offsets_are_exact_with_harakat_tatweel_and_astral_characters_before() -> None:
    text = "𝕏😀 قالت مـــصادرُ مطّلعة:\n\n  إنّ المصادرَ مُطَّلِعة"
    needle = normalise_query("مصادر مطلعه")
    found = find_occurrences(text, needle)
    assert [text[s:e] for s, e in found] == ["مـــصادرُ مطّلعة", "مصادرَ مُطَّلِعة"]
    assert found == reference(text, needle)
    assert [text[s:e] for s, e in find_occurrences(text, normalise_query("المصادر"))] == ["المصادرَ"]
    assert found[0][0] == text.index("مـ")  # code points: each astral character counts once


def test_within_keeps_only_occurrences_inside_the_range() -> None:
    text = "قال الوزير ثم قال الوزير الأول"
    needle = normalise_query("الوزير")
    both = find_occurrences(text, needle)
    assert len(both) == 2
    second = both[1]
    assert find_occurrences(text, needle, within=(second[0] - 1, len(text))) == [second]
    assert find_occurrences(text, needle, within=(second[0] + 1, len(text))) == []
    assert find_occurrences(text, needle, within=(0, both[0][1])) == [both[0]]


def test_query_is_normalised_and_trimmed() -> None:
    assert normalise_query("  الولاياتُ   المتحدة  ") == "الولايات المتحده"
    assert normalise_query(" \n ") == ""
    assert find_occurrences("نص", "") == []


def test_snippet_gives_whole_words_either_side_with_line_breaks_as_spaces() -> None:
    words = [f"كلمة{n}" for n in range(20)]
    text = " ".join(words[:10]) + "\n\nالهدف " + " ".join(words[10:])
    start = text.index("الهدف")
    before, match, after = snippet(text, start, start + len("الهدف"), words=3)
    assert (before, match, after) == ("كلمة7 كلمة8 كلمة9 ", "الهدف", " كلمة10 كلمة11 كلمة12")
    # At the very start and end of an article the context is what there is.
    assert snippet("الهدف", 0, 5) == ("", "الهدف", "")
    long_word = "ب" * 200
    before, _, after = snippet(long_word + " الهدف " + long_word, 201, 206)
    assert before == "" and after == ""  # a word cut by the character limit is left out, not half shown


ALPHABET = st.sampled_from([*"اأإآىيةهبتـ \n", "\u064e", "\u0651", "\u064b", "😀", "x"])


@settings(max_examples=80, deadline=None)
@given(st.text(ALPHABET, max_size=40), st.data())
def test_occurrences_match_the_reference_on_random_texts(text: str, data: st.DataObject) -> None:
    normalised = normalise_query(text)
    if not normalised.strip():
        return
    a = data.draw(st.integers(0, len(normalised) - 1))
    b = data.draw(st.integers(a + 1, min(len(normalised), a + 5)))
    needle = normalised[a:b].strip(" ")
    if not needle:
        return
    assert find_occurrences(text, needle) == reference(text, needle)
