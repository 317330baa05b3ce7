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


def docs_seen_by_spacy(docbin_bytes: bytes) -> list[tuple]:
    """Everything a reader gets back from a DocBin: tokens, norms, spaces, spans, user data."""
    from spacy.tokens import DocBin

    docs = DocBin().from_bytes(docbin_bytes).get_docs(spacy.blank("ar").vocab)
    return [(doc.text, [(t.text, t.norm_, t.whitespace_) for t in doc],
             [(s.start_char, s.end_char, s.label_) for s in doc.spans["sc"]], doc.user_data) for doc in docs]


def test_lean_docbin_add_reads_back_exactly_like_docbin_add() -> None:
    from spacy.tokens import DocBin

    from annotator.core.formats.spacy_docbin import add_tokenized, new_docbin

    nlp = spacy.blank("ar")
    texts = ["قال الرئيس\u00a0محمد:  «لا».\nوعاد بحماس 2024 http://a.b/c", "U.S. e.g. don't 😀\t؟", " \n"]
    standard, lean = DocBin(store_user_data=True), new_docbin()
    for n, text in enumerate(texts):
        for docbin in (standard, lean):
            doc = nlp.make_doc(text)
            doc.user_data.update(article_id=f"a{n}", title="t", annotator="ali")
            span = doc.char_span(0, 3, label="actor")
            doc.spans["sc"] = [span] if span is not None else []
            (docbin.add if docbin is standard else lambda d, b=docbin: add_tokenized(b, d))(doc)
    assert docs_seen_by_spacy(lean.to_bytes()) == docs_seen_by_spacy(standard.to_bytes())
    assert docs_seen_by_spacy(lean.to_bytes())[0][1][2] == ("\u00a0", "  ", "")  # a norm unlike its text
