"""Suggestions of a tagged string's other occurrences, checked against an independent reference: a regular
expression over the ORIGINAL text that allows harakat and tatweel between letters, the alef / ya /
ta-marbuta variant classes, and attached proclitics — built here, not with annotator.core.normalise."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.model import Span
from annotator.core.suggestions import (
    NormalisedArticle,
    Suggestion,
    still_open,
    suggest,
    suggest_in_articles,
)

SEEDS = sorted((Path(__file__).resolve().parents[2] / "seeds").glob("*.txt"))
MARKS = "\u064b-\u065f\u0670\u0640"  # harakat, superscript alef, tatweel
CLASSES = {"ا": "اأإآٱ", "ي": "يى", "ه": "هة"}
BASE = {variant: base for base, variants in CLASSES.items() for variant in variants}
NOT_WORD = rf"[\w{MARKS}\u200c\u200d]"  # a word character, for the boundary look-arounds


def reference(text: str, tagged: str) -> list[tuple[int, int]]:
    """(start, end) of every whole-word occurrence of ``tagged`` in ``text``, clitics و ف then ب ل ك allowed
    before it (not covered) when it has 3 letters or more; the match takes the marks after its last letter.
    A tagged ال… is also found written لل… after the lam clitic (then from the article's lam)."""
    letters = [ch for ch in tagged if ch.isalnum() and ch not in MARKS_CHARS]
    clitics = rf"(?:[وف][{MARKS}]*)?(?:[بلك][{MARKS}]*)?" if len(letters) >= 3 else ""
    found = _reference(text, tagged, clitics)
    bare = tagged.lstrip(MARKS_CHARS)
    if len(bare) > 2 and bare[0] in CLASSES["ا"] and bare[1] == "ل":
        found += _reference(text, bare[1:], rf"(?:[وف][{MARKS}]*)?ل[{MARKS}]*")
    return sorted(found)


MARKS_CHARS = "".join(chr(c) for c in (*range(0x064B, 0x0660), 0x0670, 0x0640))


def _reference(text: str, tagged: str, clitics: str) -> list[tuple[int, int]]:
    parts = []
    for ch in tagged:
        if re.fullmatch(f"[{MARKS}]", ch):
            continue
        if ch.isspace():
            parts.append(r"\s+")
        elif ch in BASE:
            parts.append(f"[{CLASSES[BASE[ch]]}][{MARKS}]*")
        else:
            parts.append(f"{re.escape(ch)}[{MARKS}]*")
    body = "".join(parts)
    pattern = rf"(?<!{NOT_WORD}){clitics}(?P<m>{body})(?!{NOT_WORD})"
    return [(m.start("m"), m.end("m")) for m in re.finditer(pattern, text)]


def seed(n: int) -> str:
    return SEEDS[n].read_text("utf-8")


def places(suggestions: list[Suggestion]) -> list[tuple[int, int]]:
    return [(s.start, s.end) for s in suggestions]


def tag_first(text: str, word: str, label: str = "actor") -> tuple[NormalisedArticle, Span]:
    start = text.index(word)
    span = Span(1, "a", "sara", start, start + len(word), label)
    return NormalisedArticle.of("a", text), span


@pytest.mark.parametrize(("n", "word"), [(0, "إيران"), (0, "واشنطن"), (0, "طالبان"), (1, "أوباما"),
                                         (2, "أفغانستان"), (3, "طهران"), (4, "الحوثيين"), (4, "غزة"),
                                         (3, "إلى")])
def test_tagging_a_name_finds_its_other_occurrences_at_the_reference_offsets(n, word) -> None:
    text = seed(n)
    article, span = tag_first(text, word)
    found = suggest(article, word, "actor", [span], annotator="sara")
    expected = [p for p in reference(text, word) if p != (span.start, span.end)]
    assert len(expected) >= 1
    assert places(found) == expected
    for s in found:
        assert (s.article_id, s.label) == ("a", "actor")
        assert s.text == text[s.start:s.end]


def test_other_spellings_with_harakat_tatweel_or_hamza_variants_are_suggested_with_their_marks() -> None:
    text = seed(0)
    first = text.index("إيران")
    later = [m.start() for m in re.finditer("إيران", text)][1:4]
    spellings = ["إِيرَانُ", "ايران", "إيـــران"]
    for position, spelling in sorted(zip(later, spellings, strict=True), reverse=True):
        text = text[:position] + spelling + text[position + len("إيران"):]
    article = NormalisedArticle.of("a", text)
    found = suggest(article, "إيران", "actor", annotator="sara", exclude=(first, first + 5))
    texts = [s.text for s in found]
    for spelling in spellings:
        assert spelling in texts  # the trailing damma of «إِيرَانُ» too: never cut off its letter
    assert places(found) == [p for p in reference(text, "إيران") if p[0] != first]
    # and the other way round: tagging the voweled spelling finds the plain ones
    voweled = text.index("إِيرَانُ")
    back = suggest(article, "إِيرَانُ", "actor", annotator="sara", exclude=(voweled, voweled + 8))
    assert (first, first + 5) in places(back)


def test_a_string_inside_a_longer_word_is_not_suggested() -> None:
    text = "الإيرانية إيرانيين وإيرانيا مإيران إيران."
    found = suggest(NormalisedArticle.of("a", text), "إيران", "actor", annotator="sara")
    assert [s.text for s in found] == ["إيران"]
    assert found[0].start == text.rindex("إيران")
    seed_found = suggest(NormalisedArticle.of("a", seed(0)), "إيران", "actor", annotator="sara")
    assert all(not seed(0)[s.end].isalpha() for s in seed_found)  # «الإيراني», «إيرانيين» are in seed 000


def test_a_proclitic_is_allowed_before_an_occurrence_and_left_out_of_the_suggestion() -> None:
    text = "وإيران، بإيران فإيران وبإيران كإيران لإيران ولإيران سإيران"
    found = suggest(NormalisedArticle.of("a", text), "إيران", "actor", annotator="sara")
    assert [s.text for s in found] == ["إيران"] * 7
    assert [text[s.start - 1] for s in found] == list("وبفبكلل")
    assert places(found) == reference(text, "إيران")


def test_a_tagged_string_with_its_article_matches_after_clitics_and_as_lil() -> None:
    text = ("الولايات المتحدة، والولايات المتحدة، بالولايات المتحدة، للولايات المتحدة، "
            "وللولايات المتحدة، ولايات")
    article = NormalisedArticle.of("a", text)
    found = suggest(article, "الولايات المتحدة", "actor", annotator="sara", exclude=(0, 16))
    assert [s.text for s in found] == ["الولايات المتحدة"] * 2 + ["لولايات المتحدة"] * 2
    assert [text[s.start - 2:s.start] for s in found] == [" و", " ب", " ل", "ول"]
    # the article is part of the tagged string: no ال, no match with it, and the other way round
    assert suggest(article, "ولايات", "actor", annotator="sara") == [
        Suggestion("a", len(text) - 6, len(text), "actor", "ولايات")]


def test_astral_characters_before_an_occurrence_keep_code_point_offsets_exact() -> None:
    text = "😀 بيان 𝕏𝕏 حماس قالت 🇵🇸 إن حماسَ ووفد حماس"
    found = suggest(NormalisedArticle.of("a", text), "حماس", "actor", annotator="sara")
    assert [s.text for s in found] == ["حماس", "حماسَ", "حماس"]
    assert places(found) == reference(text, "حماس")
    assert [text[s.start:s.end] for s in found] == [s.text for s in found]


def test_own_spans_with_the_label_rule_out_places_they_overlap_and_nothing_else() -> None:
    text = "حماس قالت إن حماس وحماس وقادة حماس"
    starts = [m.start() for m in re.finditer("حماس", text)]
    spans = [
        Span(1, "a", "sara", starts[0], starts[0] + 4, "actor"),  # the tagged one
        Span(2, "a", "sara", starts[1] - 3, starts[1] + 4, "actor"),  # overlaps the second («إن حماس»)
        Span(3, "a", "sara", starts[2], starts[2] + 4, "denial"),  # another label: still suggested
        Span(4, "a", "omar", starts[3], starts[3] + 4, "actor"),  # another annotator: still suggested
        Span(5, "b", "sara", starts[3], starts[3] + 4, "actor"),  # another article: still suggested
    ]
    found = suggest(NormalisedArticle.of("a", text), "حماس", "actor", spans, annotator="sara")
    assert [s.start for s in found] == starts[2:]


def test_still_open_drops_the_places_an_own_span_with_the_label_now_overlaps() -> None:
    offered = [Suggestion("a", 0, 4, "actor", "حماس"), Suggestion("a", 10, 14, "actor", "حماس"),
               Suggestion("b", 0, 4, "actor", "حماس"), Suggestion("b", 20, 24, "actor", "حماس")]
    spans = [Span(1, "a", "sara", 0, 4, "actor"), Span(2, "b", "sara", 2, 9, "actor"),
             Span(3, "b", "sara", 20, 24, "denial"), Span(4, "a", "omar", 10, 14, "actor")]
    assert still_open(offered, spans, annotator="sara") == [offered[1], offered[3]]


def test_suggestions_across_articles_cover_every_seed_that_holds_the_string() -> None:
    texts = {f"s{n}": seed(n) for n in range(len(SEEDS))}
    tagged_in = texts["s0"].index("طهران")
    spans = [Span(1, "s0", "sara", tagged_in, tagged_in + 5, "actor")]
    found = suggest_in_articles(texts.items(), "طهران", "actor", spans, annotator="sara")
    expected = [(doc, start, end) for doc, text in texts.items() for start, end in reference(text, "طهران")
                if (doc, start) != ("s0", tagged_in)]
    assert [(s.article_id, s.start, s.end) for s in found] == expected
    assert {s.article_id for s in found} == set(texts)  # every seed names Tehran


def test_an_empty_or_wordless_tagged_string_suggests_nothing() -> None:
    article = NormalisedArticle.of("a", "، . حماس")
    assert suggest(article, "  ", "actor", annotator="sara") == []
    assert suggest(article, "،", "actor", annotator="sara") == []


def test_a_string_of_two_letters_is_suggested_only_where_it_stands_alone() -> None:
    text = "ردّ الوزير، ورد في البيان أن الرد برد وفرد ردٌّ لرد"
    found = suggest(NormalisedArticle.of("a", text), "رد", "actor", annotator="sara", exclude=(0, 3))
    assert [s.text for s in found] == ["ردٌّ"]  # not in «ورد», «برد», «فرد», «لرد», nor «الرد»
    assert places(found) == [p for p in reference(text, "ردّ") if p != (0, 3)]
    # three letters: the clitic is allowed again («وعلم» → «علم»)
    three = "علم وعلم بعلم العلم"
    assert [(s.start, s.end) for s in suggest(NormalisedArticle.of("b", three), "علم", "actor",
                                              annotator="sara")] == reference(three, "علم") == [
        (0, 3), (5, 8), (10, 13)]


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["رد", "ردّ", "ورد", "برد", "الرد", "ردود", "رـد", "فرد", "لرد"]),
                          st.sampled_from([" ", "، ", "\n"])), min_size=1, max_size=10))
def test_a_short_string_equals_the_reference_on_random_texts(pieces) -> None:
    text = "".join(word + glue for word, glue in pieces)
    found = suggest(NormalisedArticle.of("a", text), "رد", "actor", annotator="sara")
    assert places(found) == reference(text, "رد")


WORDS = ["حماس", "حماسُ", "حمـاس", "حماسة", "الحماس", "فتح", "وحماس", "لحماس", "بحماس", "قادة"]
GLUE = [" ", "، ", "\n", " 😀 ", "«", "» ", "  "]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(GLUE)), min_size=1, max_size=12))
def test_suggestions_equal_the_reference_on_random_texts(pieces) -> None:
    text = "".join(word + glue for word, glue in pieces)
    found = suggest(NormalisedArticle.of("a", text), "حماس", "actor", annotator="sara")
    assert places(found) == reference(text, "حماس")
