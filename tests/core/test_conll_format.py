"""CoNLL BIO export: tokenization keeps every span, and reading the tags back gives each span's tokens."""

from __future__ import annotations

import io
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.formats.conll import read_conll, write_conll
from annotator.core.model import AnnotationSet, ArticleRecord, SpanRef

ARABIC = "ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأؤإئة" + "\u064e\u0650\u0651\u0652" + "ـ٠١٢"
ALPHABET = ARABIC * 3 + "   \n،.؟:«»-" + "😀\u200f\t"
LABELS = ["actor", "mediator", "demand"]


@st.composite
def annotated_articles(draw: st.DrawFn) -> ArticleRecord:
    text = draw(st.text(alphabet=ALPHABET, min_size=1, max_size=120).filter(lambda t: t.strip()))
    spans = draw(st.lists(
        st.tuples(st.integers(0, len(text) - 1), st.integers(1, 30), st.sampled_from(LABELS)).map(
            lambda t: SpanRef(t[0], min(len(text), t[0] + t[1]), t[2])),
        max_size=8, unique=True))
    return ArticleRecord(text, "t", id="doc", annotations=(AnnotationSet("ali", tuple(spans)),))


def token_offsets(text: str, tokens: tuple[str, ...]) -> list[tuple[int, int]]:
    """Find each token of the file in the article, left to right: an outside view of the tokenization."""
    offsets, position = [], 0
    for token in tokens:
        start = text.index(token, position)
        assert not text[position:start].strip(), f"text {text[position:start]!r} was skipped"
        offsets.append((start, start + len(token)))
        position = start + len(token)
    assert not text[position:].strip()
    return offsets


@settings(max_examples=60, deadline=None)
@given(annotated_articles())
def test_reading_bio_back_gives_every_span_its_token_range(record: ArticleRecord) -> None:
    out = io.StringIO()
    summary = write_conll([record], out, LABELS)
    [document] = read_conll(out.getvalue())
    offsets = token_offsets(record.text, document.tokens)
    expected = set()
    for span in record.annotations[0].spans:
        inside = [k for k, (s, e) in enumerate(offsets) if span.start <= s and e <= span.end]
        if not inside:
            assert not record.text[span.start:span.end].strip()  # only white space: reported instead
            continue
        # the tokens cover the span's text exactly, apart from white space at its edges
        first, last = inside[0], inside[-1]
        assert record.text[offsets[first][0]:offsets[last][1]] == record.text[span.start:span.end].strip()
        assert inside == list(range(first, last + 1))
        expected.add((span.label, first, last))
    assert set(document.spans) == expected
    assert summary.spans + len(summary.unrepresentable) == len(record.annotations[0].spans)


def test_arabic_words_keep_diacritics_and_clitics_split_at_span_edges() -> None:
    text = "وَقالَ الرئيسُ: بحماس."
    start = text.index("حماس")
    record = ArticleRecord(text, "t", id="d", annotations=(
        AnnotationSet("ali", (SpanRef(start, start + 4, "actor"),)),))
    out = io.StringIO()
    write_conll([record], out, LABELS)
    lines = out.getvalue().split("\n")
    assert lines[0] == "-DOCSTART- O O O" and lines[1] == ""
    assert lines[2:8] == ["وَقالَ O O O", "الرئيسُ O O O", ": O O O", "ب O O O", "حماس B-actor O O", ". O O O"]


def test_overlapping_spans_of_one_label_get_their_own_column() -> None:
    text = "وزير خارجية قطر"
    spans = (SpanRef(0, 15, "actor"), SpanRef(12, 15, "actor"), SpanRef(5, 15, "mediator"))
    out = io.StringIO()
    summary = write_conll([ArticleRecord(text, "t", id="d", annotations=(AnnotationSet("a", spans),))],
                          out, LABELS)
    assert summary.columns == ["actor", "actor#2", "mediator", "demand"]
    body = [line for line in out.getvalue().split("\n")[2:] if line]
    assert body == ["وزير B-actor O O O", "خارجية I-actor O B-mediator O", "قطر I-actor B-actor I-mediator O"]


def test_sentences_and_paragraphs_are_separated_but_never_inside_a_span() -> None:
    text = "قال أحمد. ثم غادر.\nوعاد سمير."
    span = SpanRef(text.index("أحمد"), text.index("ثم") + 2, "actor")  # crosses the first full stop
    out = io.StringIO()
    write_conll([ArticleRecord(text, "t", id="d", annotations=(AnnotationSet("a", (span,)),))], out, LABELS)
    blocks = [b for b in re.split(r"\n\n", out.getvalue().split("\n\n", 1)[1]) if b.strip()]
    assert [[line.split(" ")[0] for line in b.split("\n") if line] for b in blocks] == [
        ["قال", "أحمد", ".", "ثم", "غادر", "."], ["وعاد", "سمير", "."]]


def test_a_span_of_white_space_only_is_reported() -> None:
    text = "قال  أحمد"
    out = io.StringIO()
    summary = write_conll([ArticleRecord(text, "t", id="d", annotations=(
        AnnotationSet("a", (SpanRef(3, 5, "actor"),)),))], out, LABELS)
    assert summary.spans == 0 and [u.span for u in summary.unrepresentable] == [SpanRef(3, 5, "actor")]
