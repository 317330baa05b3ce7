"""Shared passages between articles: found on normalised words, with exact offsets in both originals.

The reference is independent of the module: a plain per-character normaliser and tokeniser written
here, and difflib.SequenceMatcher for the longest common word runs.
"""

from __future__ import annotations

import difflib
import itertools
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.consistency import (
    SharedPassage,
    find_shared_passages,
    word_layout,
    word_layouts,
    words,
)
from annotator.core.consistency_spans import (
    DifferenceKind,
    align,
    map_spans,
    span_differences,
)
from annotator.core.model import Span, SpanRef

DROPPED = {chr(c) for c in range(0x064B, 0x0660)} | {"\u0670", "\u0640"}
UNIFIED = {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه"}


def reference_words(text: str) -> list[tuple[str, int, int]]:
    """(normalised word, original start, original end) per whitespace token, one character at a time.

    The word is the token's letters and digits after the issue's rules; it starts at its first letter
    and ends after its last letter plus any harakat/tatweel that follow it.
    """
    found = []
    for token in re.finditer(r"\S+", text):
        letters, first, last = [], None, None
        for i in range(token.start(), token.end()):
            ch = text[i]
            if ch in DROPPED:
                if last is not None and last == i:
                    last = i + 1  # a mark right after the last letter belongs to it
                continue
            ch = UNIFIED.get(ch, ch)
            if ch.isalnum():
                letters.append(ch)
                first = i if first is None else first
                last = i + 1
        if letters:
            found.append(("".join(letters), first, last))
    return found


def reference_passages(text_a: str, text_b: str, min_words: int = 8) -> set[tuple[int, int, int, int, int]]:
    """difflib's matching blocks of ≥ min_words words, mapped back to (start_a, end_a, start_b, end_b, n)."""
    wa, wb = reference_words(text_a), reference_words(text_b)
    matcher = difflib.SequenceMatcher(None, [w for w, _, _ in wa], [w for w, _, _ in wb], autojunk=False)
    return {(wa[i][1], wa[i + n - 1][2], wb[j][1], wb[j + n - 1][2], n)
            for i, j, n in matcher.get_matching_blocks() if n >= min_words}


def as_tuples(passages: list[SharedPassage]) -> set[tuple[int, int, int, int, int]]:
    return {(p.start_a, p.end_a, p.start_b, p.end_b, p.words) for p in passages}


@pytest.fixture
def seeds(seeds_dir: Path) -> dict[str, str]:
    """The seed articles by their three-digit number."""
    return {path.name[:3]: path.read_text(encoding="utf-8") for path in sorted(seeds_dir.glob("*.txt"))}


def test_words_agree_with_the_plain_reference(seeds: dict[str, str]):
    for text in seeds.values():
        layout = word_layout(text)
        reference = reference_words(text)
        assert words(text) == layout.words == [w for w, _, _ in reference]
        places = [layout.span_of_words(k, 1) for k in range(len(reference))]
        assert places == [(s, e) for _, s, e in reference]


def test_passages_laid_out_together_equal_one_by_one(seeds: dict[str, str]):
    decorated = "خبر: «قالَتْ مصادرُ» 😀 إنّ الوسـطاء، يحاولـــون"
    pieces = [(seeds["000"], 316, 2139), (seeds["002"], 0, 1821), (decorated, 6, len(decorated)),
              (seeds["002"], 1844, 1958)]
    for together, (text, start, end) in zip(word_layouts(pieces), pieces, strict=True):
        alone = word_layout(text, start, end)
        assert together.words == alone.words and together.text is text
        for name in ("word_letters", "letter_start", "letter_end"):
            assert getattr(together, name).tolist() == getattr(alone, name).tolist(), name


def test_reuters_passages_of_000_and_002_found_with_exact_offsets(seeds: dict[str, str]):
    passages = find_shared_passages([("000", seeds["000"]), ("002", seeds["002"])])
    reference = reference_passages(seeds["000"], seeds["002"])
    assert len(reference) >= 2 and sum(n for *_, n in reference) > 250  # most of 000 is in 002
    assert as_tuples(passages) == reference
    for p in passages:
        assert (p.article_a, p.article_b) == ("000", "002")
        shown_a, shown_b = seeds["000"][p.start_a : p.end_a], seeds["002"][p.start_b : p.end_b]
        assert words(shown_a) == words(shown_b)
        assert len(words(shown_a)) == p.words
    first = min(passages)
    assert seeds["000"][first.start_a :].startswith("وتقول المصادر إن الوسطاء")
    assert first.start_b == 0


def test_whole_corpus_finds_only_what_the_reference_finds(seeds: dict[str, str]):
    passages = find_shared_passages(list(seeds.items()))
    for a, b in itertools.combinations(sorted(seeds), 2):
        found = as_tuples([p for p in passages if (p.article_a, p.article_b) == (a, b)])
        assert found == reference_passages(seeds[a], seeds[b]), (a, b)
    assert {(p.article_a, p.article_b) for p in passages} == {("000", "002")}


def test_passage_text_is_equal_after_normalisation_punctuation_aside(seeds: dict[str, str]):
    passage = min(find_shared_passages([("000", seeds["000"]), ("002", seeds["002"])]))
    shown_a = seeds["000"][passage.start_a : passage.end_a]
    shown_b = seeds["002"][passage.start_b : passage.end_b]
    assert "منذ شهور على أمل" in shown_a and "منذ شهور، على أمل" in shown_b  # a comma added in 002
    assert shown_a != shown_b


SENTENCE = ("قالت ثلاثة مصادر مطلعة إن الوسطاء الغربيين يحاولون إقناع إيران والولايات المتحدة "
            "بالتعاون في تعزيز الأمن في أفغانستان")


def test_harakat_tatweel_and_alef_variants_still_match_covering_the_original_characters():
    decorated = ("قالَتْ ثلاثةُ مصادرَ مطلعةٍ إنّ الوسـطاء الغربيين يحاولـــون اقناع ايران والولايات المتحدة "
                 "بالتعاون في تعزيز الأمن في أفغانستانَ")
    text_a = f"مقدمة أولى. {SENTENCE}. خاتمة"
    text_b = f"نص آخر تماما\n\n{decorated}، ثم كلام مختلف"
    (passage,) = find_shared_passages([("a", text_a), ("b", text_b)])
    assert text_a[passage.start_a : passage.end_a] == SENTENCE
    assert text_b[passage.start_b : passage.end_b] == decorated  # ends after the final fatha
    assert passage.words == len(SENTENCE.split())


def test_astral_characters_before_a_passage_keep_offsets_right():
    text_a = f"😀 𝔸𝔹 رمز {SENTENCE} 🎉"
    text_b = f"{SENTENCE} نهاية"
    (passage,) = find_shared_passages([("a", text_a), ("b", text_b)])
    start = text_a.index(SENTENCE)
    assert (passage.start_a, passage.end_a) == (start, start + len(SENTENCE))
    assert (passage.start_b, passage.end_b) == (0, len(SENTENCE))


def test_short_runs_and_boilerplate_are_not_reported():
    seven = " ".join(SENTENCE.split()[:7])
    assert find_shared_passages([("a", f"بداية {seven} نهاية"), ("b", f"اول {seven} اخر")]) == []
    assert len(find_shared_passages([("a", f"بداية {seven} نهاية"), ("b", f"اول {seven} اخر")],
                                    min_words=7)) == 1
    # the same sentence in every one of four articles: with max_articles=3 it counts as boilerplate
    four = [(str(i), f"كلمة{i} {SENTENCE} {i}") for i in range(4)]
    assert len(find_shared_passages(four)) == 6
    assert find_shared_passages(four, max_articles=3) == []
    # a footer after a different word in each article is still boilerplate, but a story beside it is not
    story = "وقال مصدر مطلع على هذه المراسلات طالبا عدم ذكر اسمه إن الحوار مستمر"
    footers = [(str(i), f"خبر {i} كلمة{i} {SENTENCE}") for i in range(4)]
    assert find_shared_passages(footers, max_articles=3) == []
    footers[1] = ("1", f"{story} {SENTENCE}")
    footers[2] = ("2", f"تمهيد {story} {SENTENCE}")
    (passage,) = find_shared_passages(footers, max_articles=3)
    assert (passage.article_a, passage.article_b) == ("1", "2")
    assert passage.words == len(story.split()) + len(SENTENCE.split())


# -- spans on both sides -------------------------------------------------------------------------

TEXT_A = f"تمهيد قصير. {SENTENCE}. نهاية"
TEXT_B = f"خبر آخر: «{SENTENCE.replace('إيران', 'ايـران')}» انتهى"


def span(doc: str, annotator: str, text: str, phrase: str, label: str, *, with_quote: bool = False) -> Span:
    start = text.index(phrase)
    end = start + len(phrase)
    if with_quote:
        start -= 1
    return Span(0, doc, annotator, start, end, label)


@pytest.fixture
def alignment():
    (passage,) = find_shared_passages([("a", TEXT_A), ("b", TEXT_B)])
    return align(passage, TEXT_A, TEXT_B)


def test_spans_map_onto_the_other_copy_letter_by_letter(alignment):
    actor = span("a", "x", TEXT_A, "إيران", "actor")
    (mapped,) = map_spans(alignment, [actor])
    assert TEXT_B[mapped.start : mapped.end] == "ايـران" and mapped.label == "actor"
    # part of a word maps to the same part
    assert alignment.to_b(actor.start + 1, actor.end) == (mapped.start + 1, mapped.end)
    # a span reaching beyond the passage is not mapped
    assert map_spans(alignment, [span("a", "x", TEXT_A, "قصير. قالت", "actor")]) == []
    # and back again
    back = map_spans(alignment.swapped(), [Span(0, "b", "x", mapped.start, mapped.end, "actor")])
    assert back == [SpanRef(actor.start, actor.end, "actor")]


def test_a_quote_taken_in_on_one_side_is_taken_in_where_the_other_side_has_it(alignment):
    first_words = "قالت ثلاثة"
    with_quote = span("b", "x", TEXT_B, first_words, "actor", with_quote=True)
    assert TEXT_B[with_quote.start] == "«"
    (mapped,) = map_spans(alignment.swapped(), [with_quote])
    assert TEXT_A[mapped.start : mapped.end] == first_words  # A has no quote there


def test_each_kind_of_difference_is_reported(alignment):
    spans_a = [
        span("a", "x", TEXT_A, "ثلاثة مصادر", "actor"),  # same in B: no difference
        span("a", "x", TEXT_A, "الوسطاء الغربيين", "mediator"),  # missing in B
        span("a", "x", TEXT_A, "إيران", "actor"),  # B says demand: different label
        span("a", "x", TEXT_A, "تعزيز الأمن في أفغانستان", "demand"),  # B takes less: different boundaries
    ]
    spans_b = [
        span("b", "x", TEXT_B, "ثلاثة مصادر", "actor"),
        span("b", "x", TEXT_B, "ايـران", "demand"),
        span("b", "x", TEXT_B, "تعزيز الأمن", "demand"),
        span("b", "x", TEXT_B, "الولايات المتحدة", "actor"),  # missing in A
        span("b", "x", TEXT_B, "خبر آخر", "actor"),  # outside the passage: ignored
    ]
    found = {d.kind: d for d in span_differences(alignment, spans_a, spans_b)}
    assert set(found) == set(DifferenceKind)
    missing_b = found[DifferenceKind.MISSING_IN_B]
    assert (missing_b.label_a, missing_b.label_b) == ("mediator", None)
    assert TEXT_B[missing_b.start_b : missing_b.end_b] == "الوسطاء الغربيين"
    missing_a = found[DifferenceKind.MISSING_IN_A]
    assert (missing_a.label_a, missing_a.label_b) == (None, "actor")
    assert TEXT_A[missing_a.start_a : missing_a.end_a] == "الولايات المتحدة"
    label = found[DifferenceKind.DIFFERENT_LABEL]
    assert (label.label_a, label.label_b) == ("actor", "demand")
    assert TEXT_B[label.start_b : label.end_b] == "ايـران"
    bounds = found[DifferenceKind.DIFFERENT_BOUNDARIES]
    assert TEXT_A[bounds.start_a : bounds.end_a] == "تعزيز الأمن في أفغانستان"
    assert TEXT_B[bounds.start_b : bounds.end_b] == "تعزيز الأمن"
    assert all((d.annotator_a, d.annotator_b) == ("x", "x") for d in found.values())


def test_same_annotator_by_default_and_across_annotators_on_request(alignment):
    spans_a = [span("a", "x", TEXT_A, "إيران", "actor")]
    spans_b = [span("b", "y", TEXT_B, "ايـران", "actor")]
    same = span_differences(alignment, spans_a, spans_b)
    assert {(d.kind, d.annotator_a, d.annotator_b) for d in same} == {
        (DifferenceKind.MISSING_IN_B, "x", "x"), (DifferenceKind.MISSING_IN_A, "y", "y")}
    across = span_differences(alignment, spans_a, spans_b, across_annotators=True)
    # x in A and y in B agree; y has nothing in A and x nothing in B
    assert {(d.kind, d.annotator_a, d.annotator_b) for d in across} == {
        (DifferenceKind.MISSING_IN_B, "x", "x"), (DifferenceKind.MISSING_IN_A, "y", "y")}
    spans_b = [span("b", "y", TEXT_B, "ايـران", "denial")]
    across = span_differences(alignment, spans_a, spans_b, across_annotators=True)
    kinds = {(d.kind, d.annotator_a, d.annotator_b) for d in across}
    assert (DifferenceKind.DIFFERENT_LABEL, "x", "y") in kinds
    assert span_differences(alignment, spans_a, spans_b, annotators=["z"]) == []


def test_agreeing_spans_give_no_difference_even_with_a_quote_on_one_side(alignment):
    spans_a = [span("a", "x", TEXT_A, "قالت ثلاثة", "actor")]
    spans_b = [span("b", "x", TEXT_B, "قالت ثلاثة", "actor", with_quote=True)]
    assert span_differences(alignment, spans_a, spans_b) == []


def test_align_refuses_texts_without_the_passage(alignment):
    with pytest.raises(ValueError):
        align(alignment.passage, TEXT_A, "نص لا علاقة له")


# -- property: a passage inserted into two unrelated texts ------------------------------------------

ARABIC_WORD = st.text(st.sampled_from("ابتثجحخدذرزسشصضطظعغفقكلمنهوي"), min_size=2, max_size=7)
LATIN_WORD = st.text(st.sampled_from("abcdefgh"), min_size=1, max_size=6)
GREEK_WORD = st.text(st.sampled_from("αβγδεζηθ"), min_size=1, max_size=6)
GAP = st.sampled_from([" ", "  ", "\n", "، ", " - ", "\u00a0", " 😀 "])
MARK = st.sampled_from(["", "", "", "\u064e", "\u0640", "\u0651\u064f"])


@settings(max_examples=60, deadline=None)
@given(passage=st.lists(st.tuples(ARABIC_WORD, MARK), min_size=8, max_size=25,
                                unique_by=lambda pair: pair[0]),
       before_a=st.lists(LATIN_WORD, max_size=12), after_a=st.lists(LATIN_WORD, max_size=12),
       before_b=st.lists(GREEK_WORD, max_size=12), after_b=st.lists(GREEK_WORD, max_size=12),
       gap_b=GAP)
def test_an_inserted_passage_is_found_with_exact_offsets(passage, before_a, after_a, before_b, after_b,
                                                           gap_b):
    plain = " ".join(word for word, _ in passage)
    # B's copy: a mark after each decorated word's first letter, another gap between words
    decorated = gap_b.join(word[0] + mark + word[1:] for word, mark in passage)
    text_a = " ".join([*before_a, plain, *after_a])
    text_b = gap_b.join([*before_b, decorated, *after_b])
    (found,) = find_shared_passages([("a", text_a), ("b", text_b)])
    start_a = len(" ".join([*before_a, ""])) if before_a else 0
    start_b = len(gap_b.join([*before_b, ""])) if before_b else 0
    assert (found.start_a, found.end_a) == (start_a, start_a + len(plain))
    assert (found.start_b, found.end_b) == (start_b, start_b + len(decorated))
    assert found.words == len(passage)


@settings(max_examples=40, deadline=None)
@given(picks=st.lists(st.tuples(st.integers(0, 17), st.integers(1, 4), st.sampled_from(["actor", "demand"]),
                                st.booleans()), min_size=1, max_size=6))
def test_copied_spans_leave_nothing_missing_and_map_back_to_themselves(picks):
    (passage,) = find_shared_passages([("a", TEXT_A), ("b", TEXT_B)])
    alignment = align(passage, TEXT_A, TEXT_B)
    layout = word_layout(TEXT_A)
    first = layout.word_index(passage.start_a)
    spans_a = []
    for word, count, label, partial in picks:
        start, end = layout.span_of_words(first + word, min(count, passage.words - word))
        # partial: from the word's second letter
        spans_a.append(Span(len(spans_a), "a", "x", start + partial, end, label))
    mapped = map_spans(alignment, spans_a)
    copied = [Span(100 + n, "b", "x", s.start, s.end, s.label) for n, s in enumerate(mapped)]
    assert len(copied) == len({(s.start, s.end, s.label) for s in spans_a})
    assert span_differences(alignment, spans_a, copied) == []
    originals = sorted({SpanRef(s.start, s.end, s.label) for s in spans_a})
    assert map_spans(alignment.swapped(), copied) == originals


def test_progress_is_reported_in_order_up_to_the_total_and_may_stop_the_search(seeds: dict[str, str]):
    # 300 articles: each seed 30 times with its own first line, so copies pair up (under the 50 cap)
    articles = [(f"{n}-{name}", f"خبر رقم {n} {name}\n{text}")
                for n in range(30) for name, text in seeds.items()]
    reports: list[tuple[int, int]] = []
    found = find_shared_passages(articles, progress=lambda done, total: reports.append((done, total)))
    assert found == find_shared_passages(articles) and len(found) > 1_000
    totals = {total for _done, total in reports}
    assert len(totals) == 1 and reports[-1][0] == reports[-1][1]
    done = [d for d, _total in reports]
    assert done == sorted(done) and done[0] == 0 and len(reports) >= 10  # reading and matching both report

    class Stop(Exception):
        pass

    calls = []

    def stop_while_matching(done: int, total: int) -> None:
        calls.append(done)
        if done > len(articles):  # past reading: inside the matching step
            raise Stop

    with pytest.raises(Stop):
        find_shared_passages(articles, progress=stop_while_matching)
    assert calls[-1] < reports[-1][0]  # stopped before the end
