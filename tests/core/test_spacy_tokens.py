"""The faster spaCy tokenization used for DocBin export gives exactly spaCy's own tokens."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

spacy = pytest.importorskip("spacy")
from annotator.core.formats.spacy_docbin import CACHE_SIZE, make_doc  # noqa: E402  (needs spaCy)

PIECES = ["قال", "الرئيس", "بحماس", "وَالوفد", "2024", "٢٠٢٤", "U.S.", "e.g.", "http://a.b/c?d=1", "x@y.org",
          ":)", "،", ".", "؟", "«", "»", "-", "(", ")", "'s", "don't", "😀"]
SEPARATORS = [" ", " ", " ", "  ", "\n", "\n\n", "\t", "\u00a0", " \n ", ""]


# Both pipelines live for the whole test, so caches fill as they would over a corpus.
REFERENCE = {language: spacy.blank(language) for language in ("ar", "xx")}
FAST = {language: spacy.blank(language) for language in ("ar", "xx")}
for _nlp in FAST.values():
    _nlp.tokenizer.max_cache_size = CACHE_SIZE


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(PIECES), st.sampled_from(SEPARATORS)), min_size=1, max_size=40),
       st.sampled_from(["ar", "xx"]))
def test_tokens_are_identical_to_spacys_own(parts: list[tuple[str, str]], language: str) -> None:
    text = "".join(piece + sep for piece, sep in parts)
    reference = REFERENCE[language].make_doc(text)
    doc = make_doc(FAST[language], text)
    assert [(t.text, t.idx, t.whitespace_, t.norm_) for t in doc] == \
        [(t.text, t.idx, t.whitespace_, t.norm_) for t in reference]
