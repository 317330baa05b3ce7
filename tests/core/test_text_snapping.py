"""Arabic-aware word snapping and the code point ↔ UTF-16 offset map the annotation view relies on."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.text import (
    Utf16Map,
    context_words,
    is_proclitic,
    is_word_char,
    proclitic_length,
    snap_to_words,
    word_at,
    word_edge,
)

SHADDA_WORD = "شكّل"  # shin, kaf, shadda, lam: seed 003's first word


SEED_000 = Path(__file__).resolve().parents[2] / "seeds" / "000_241597f494348b0f.txt"


def snapped(text: str, start: int, end: int, *, keep_proclitics: bool = False) -> str:
    s, e = snap_to_words(text, start, end, keep_proclitics=keep_proclitics)
    return text[s:e]


def test_selection_inside_a_word_widens_to_the_whole_word_with_its_shadda() -> None:
    text = f"قال {SHADDA_WORD} الوسطاء"
    inner = text.index("ّ")  # the shadda alone
    assert snapped(text, inner, inner + 1) == SHADDA_WORD


def test_harakat_tatweel_and_joiners_stay_inside_the_word() -> None:
    for word in ["مُحَمَّدٌ", "كتـــاب", "می\u200cخواهم", "ل\u200dل", "هٰذا", "رًا"]:
        text = f"، {word} ؟"
        start = text.index(word)
        assert snapped(text, start + 1, start + 2) == word, word


@pytest.mark.parametrize(
    "wrapped", ["«{}»", "“{}”", '"{}"', "'{}'", "({}).", "{}،", "{}؛", "{}؟", "{},", "{}."]
)
def test_punctuation_is_trimmed_from_both_ends(wrapped: str) -> None:
    text = "قال " + wrapped.format("الوسطاء") + " أمس"
    assert snapped(text, 3, len(text) - 4) == "الوسطاء"


def test_selection_of_only_punctuation_snaps_to_nothing() -> None:
    text = "كلمة، «كلمة»"
    start, end = snap_to_words(text, 4, 7)
    assert start == end


def test_latin_words_and_digits_are_words_too() -> None:
    text = "قال Reuters في 17 أغسطس 2019"
    assert snapped(text, text.index("eut"), text.index("eut") + 2) == "Reuters"
    assert snapped(text, text.index("201"), text.index("201") + 1) == "2019"


def test_word_at_a_position_and_word_edges() -> None:
    text = "قال «شكّل» أمس"
    s, e = word_at(text, text.index("ك"))
    assert text[s:e] == SHADDA_WORD
    assert word_edge(text, s, start=True, forward=True) == text.index("أمس")
    assert word_edge(text, s, start=True, forward=False) == 0
    assert word_edge(text, e, start=False, forward=False) == 3
    assert word_edge(text, e, start=False, forward=True) == len(text)
    assert word_edge(text, len(text), start=True, forward=True) is None


def test_separators_are_not_word_characters() -> None:
    assert not any(is_word_char(ch) for ch in " \n،؛؟«»“”.,'\"-–")


word_char = st.sampled_from([*"شكلمنابتـ", "\u0651", "\u064e", "\u200c", "a", "7", "\U0001d400"])
any_char = st.one_of(word_char, st.sampled_from([*" \n،؛؟«»“”.,'\"", "😀"]))


@settings(max_examples=200, deadline=None)
@given(st.text(any_char, max_size=40), st.data())
def test_snapped_range_starts_and_ends_on_word_edges_and_covers_the_selection_words(text: str, data) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    s, e = snap_to_words(text, start, end, keep_proclitics=True)
    assert 0 <= s <= e <= len(text)
    if s == e:
        assert not any(is_word_char(ch) for ch in text[start:end])
        return
    assert is_word_char(text[s]) and is_word_char(text[e - 1])
    assert s == 0 or not is_word_char(text[s - 1])
    assert e == len(text) or not is_word_char(text[e])
    # every word character that was selected is still covered
    selected_words = [i for i in range(start, end) if is_word_char(text[i])]
    assert s <= selected_words[0] and selected_words[-1] < e
    assert snap_to_words(text, s, e, keep_proclitics=True) == (s, e)  # snapping is idempotent


@settings(max_examples=300, deadline=None)
@given(st.text(st.one_of(st.sampled_from([*"والفبكلأإ", "\u064e", "\U0001d400"]), any_char), max_size=30),
       st.data())
def test_snapping_leaves_out_at_most_two_clitic_letters_and_is_idempotent(text: str, data) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    kept = snap_to_words(text, start, end, keep_proclitics=True)
    s, e = snap_to_words(text, start, end)
    assert e == kept[1] and kept[0] <= s <= e
    left_out = text[kept[0]:s]
    assert sum(ch.isalnum() for ch in left_out) <= 2 and set(left_out) <= set("وفبلك\u064e")
    if kept[0] < kept[1]:
        assert s < e  # a word never snaps away entirely
    assert snap_to_words(text, s, e) == (s, e)


@settings(max_examples=200, deadline=None)
@given(st.text(any_char, max_size=40), st.data())
def test_utf16_round_trip_with_astral_characters_around_a_span(text: str, data) -> None:
    text = "\U0001f600" + text + "\U0001d400"
    offsets = Utf16Map(text)
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    u_start, u_end = offsets.to_utf16(start), offsets.to_utf16(end)
    utf16 = text.encode("utf-16-le")
    # the independent reference: slicing the UTF-16 encoding gives back exactly the span's characters
    assert utf16[2 * u_start : 2 * u_end].decode("utf-16-le") == text[start:end]
    assert (offsets.to_codepoint(u_start), offsets.to_codepoint(u_end)) == (start, end)


# -- proclitics (issue 18, bug 4) --------------------------------------------------------------------


def test_dragging_over_the_united_states_in_seed_000_leaves_the_conjunction_out() -> None:
    text = SEED_000.read_text(encoding="utf-8")
    start = text.index("والولايات المتحدة")
    end = start + len("والولايات المتحدة")
    assert snapped(text, start, end) == "الولايات المتحدة"
    assert snapped(text, start + 3, end - 2) == "الولايات المتحدة"  # from inside the words too
    assert snapped(text, start, end, keep_proclitics=True) == "والولايات المتحدة"


@pytest.mark.parametrize(("written", "word"), [
    ("والولايات", "الولايات"),
    ("بالتعاون", "التعاون"),
    ("وبالتعاون", "التعاون"),
    ("فالرئيس", "الرئيس"),
    ("كالعادة", "العادة"),
    ("وللولايات", "لولايات"),  # ل + ال is written لل: the first lam is the clitic, as suggestions cover it
    ("وإيران", "إيران"),
    ("لأول", "أول"),
    ("وآخرون", "آخرون"),
    ("وَالولايات", "الولايات"),  # a haraka on the clitic goes with it
])
def test_attached_proclitics_are_left_out_of_a_snapped_word(written: str, word: str) -> None:
    text = f"قال {written} أمس"
    assert snapped(text, text.index(written), text.index(written) + len(written)) == word


@pytest.mark.parametrize("word", [
    "وفد", "ورد", "فرد", "برد",  # three letters: what remains would be two
    "وزير", "فلسطين", "بريطانيا", "لبنان", "كتاب", "واشنطن",  # the first letter is the word's own
    "والد", "والي",  # alef lam then one letter: not the article
    "بأس", "فأر", "وأن",  # a hamza after the letter, but only two letters would remain
    "الولايات", "إيران",
])
def test_words_that_merely_begin_with_a_clitic_letter_stay_whole(word: str) -> None:
    text = f"قال {word} أمس"
    assert snapped(text, text.index(word) + 1, text.index(word) + 2) == word


def test_astral_characters_before_and_inside_the_selection_keep_offsets_right() -> None:
    text = "\U0001f600 والولايات \U0001d400 المتحدة"
    start = text.index("والولايات")
    assert snapped(text, start, len(text)) == "الولايات \U0001d400 المتحدة"
    assert proclitic_length("والولايات") == 1


def test_the_shared_rule_counts_letters_not_marks() -> None:
    assert is_proclitic("", "رد") and not is_proclitic("و", "رد")
    assert is_proclitic("و", "إيران") and is_proclitic("فل", "الولايات")
    assert not is_proclitic("و", "دَّ")  # a shadda and a fatha are no letters
    assert not is_proclitic("بل", "الولايات")  # a preposition does not come before a preposition


def test_context_words_are_three_words_either_side_within_the_line() -> None:
    text = "سطر أول\nقال مصدر إن المصالح الأمريكية، في المنطقة كبيرة جدا\nسطر ثالث"
    start = text.index("المصالح")
    assert context_words(text, start, start + len("المصالح")) == ("قال مصدر إن ", " الأمريكية، في المنطقة")
    first = text.index("قال")
    assert context_words(text, first, first + 3) == ("", " مصدر إن المصالح")
    assert context_words(text, text.index("ثالث"), len(text), 2) == ("سطر ", "")
    attached = text.index("لمنطقة")  # the article's lam onwards: «ا» is the word before, written attached
    assert context_words(text, attached, attached + 6, 1) == ("ا", " كبيرة")


def test_context_words_keep_astral_characters_and_stop_at_the_reach() -> None:
    text = "😀 قبل 𝔸 الكلمة بعد 😀"
    start = text.index("الكلمة")
    assert context_words(text, start, start + len("الكلمة"), 1) == ("𝔸 ", " بعد")
    long = "ب" * 1000 + " كلمة " + "ب" * 1000
    start = long.index("كلمة")
    assert context_words(long, start, start + 4, reach=50) == ("ب" * 49 + " ", " " + "ب" * 49)
