"""spaCy's binary training format: a ``.spacy`` DocBin, one Doc per (article, annotator).

Spans go to ``doc.spans["sc"]`` (the key spaCy's span categorizer reads). spaCy spans are made of whole
tokens, so a span whose edge falls inside a token is widened to the token edges
(``alignment_mode="expand"``) and listed in the summary; a span that covers no token at all (only white
space) is listed too. Nothing is dropped without being reported.

Structured coding travels in ``doc.user_data`` in the JSONL shapes (``core.formats.jsonl_coding``):
``"spans"`` lists the annotator's spans at their own code-point offsets (before any widening) with
their ``"attributes"`` and ``"note"``; ``"relations"`` are ``{"head", "child", "label"}`` with ``head``
and ``child`` indexes into that list; ``"codes"`` and ``"note"`` are the article's. spaCy's Span
objects hold no free attributes a DocBin keeps, so attributes stay in ``user_data`` too.

spaCy is an optional extra (``pip install annotator[spacy]``); it is imported only when used.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from annotator.core.errors import AnnotatorError
from annotator.core.formats.jsonl_coding import coding_to_json
from annotator.core.model import ArticleRecord, SpanRef

SPANS_KEY = "sc"
LANGUAGE = "ar"


@dataclass(frozen=True)
class Realigned:
    """A span stored with other boundaries than its own, or (``stored`` None) not stored at all."""

    article_id: str
    annotator: str
    span: SpanRef
    stored: SpanRef | None


@dataclass
class DocBinSummary:
    """What a spaCy export wrote."""

    documents: int = 0
    spans: int = 0
    realigned: list[Realigned] = field(default_factory=list)


def load_spacy() -> Any:
    """The spaCy module, or an AnnotatorError telling the user how to install it."""
    try:
        import spacy
    except ImportError as exc:
        raise AnnotatorError(
            "exporting to spaCy needs the spaCy package, which is not installed; install it with "
            "`pip install 'annotator[spacy]'` (or `pip install spacy`)"
        ) from exc
    return spacy


def blank_pipeline(language: str = LANGUAGE) -> Any:
    """A blank spaCy pipeline (tokenizer only) for ``language``; no model download is needed."""
    return load_spacy().blank(language)


def write_docbin(
    records: Iterable[ArticleRecord], path: Path, language: str = LANGUAGE, workers: int = 1
) -> DocBinSummary:
    """Tokenize each article with spaCy's rules for ``language`` and save a DocBin at ``path``.

    Each Doc's ``user_data`` holds ``article_id``, ``title`` and ``annotator``. spaCy's tokenizer is
    the slow part (about 3 ms for a 250-word article on a 2-core machine), so with ``workers`` > 1 chunks
    of articles are tokenized in that many processes and the pieces merged in the original order.
    """

    records = list(records)
    if workers <= 1 or len(records) < 2 * CHUNK:
        docbin, summary = _docbin_for(records, language)
    else:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        size = max(CHUNK, -(-len(records) // (4 * workers)))  # a few chunks per worker, for balance
        chunks = [records[i : i + size] for i in range(0, len(records), size)]
        docbin, summary = new_docbin(), DocBinSummary()
        # spawn, not fork: the caller may be a Qt application, which must not be forked
        context = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
            for data, part in pool.map(_docbin_bytes, chunks, [language] * len(chunks)):
                docbin.merge(new_docbin().from_bytes(data))
                summary.documents += part.documents
                summary.spans += part.spans
                summary.realigned.extend(part.realigned)
    docbin.to_disk(path)
    return summary


CHUNK = 500  # articles per worker task
CACHE_SIZE = 1_000_000  # distinct words the tokenizer remembers (spaCy's default, 10,000, is one corpus page)


def make_doc(nlp: Any, text: str) -> Any:
    """``nlp.make_doc(text)``, about twice as fast on real articles, with identical tokens.

    spaCy caches how it split each space-separated chunk, but stops adding to that cache for the rest
    of a text once a special case such as a line break has matched (spaCy issue #1250), i.e. after the
    first paragraph of every article. Tokenizing the same chunks once joined by single spaces (no
    special case, so everything is cached), then the real text, gives the real text's tokens from the
    cache. A chunk's split never depends on its neighbours, so the result is the same Doc.
    """
    nlp.tokenizer(" ".join(text.split()))
    return nlp.make_doc(text)


def _docbin_bytes(records: list[ArticleRecord], language: str) -> tuple[bytes, DocBinSummary]:
    docbin, summary = _docbin_for(records, language)
    return docbin.to_bytes(), summary


@contextmanager
def _msgpack_plugins_looked_up_once() -> Iterator[None]:
    """srsly looks its msgpack plug-ins up again (a walk over every registered function and every
    installed package's entry points) for each object it serialises, three times per Doc here. They
    cannot change during an export, so the lookup is done once and reused, then put back.
    """
    try:
        from srsly.msgpack import msgpack_encoders
    except ImportError:  # a future srsly without the registry: nothing to speed up
        yield
        return
    encoders = msgpack_encoders.get_all()
    msgpack_encoders.get_all = lambda: encoders
    try:
        yield
    finally:
        del msgpack_encoders.get_all


_PIPELINES: dict[str, Any] = {}


def _exporting_pipeline(language: str) -> Any:
    """One blank pipeline per language and process, so its tokenizer cache serves every chunk."""
    if language not in _PIPELINES:
        nlp = blank_pipeline(language)
        nlp.tokenizer.max_cache_size = max(nlp.tokenizer.max_cache_size, CACHE_SIZE)
        # A DocBin keeps ORTH and NORM only, and its reader builds every other lexical attribute anew:
        # computing a new word's shape, like_num, like_url… (22 getters) here is work no reader sees,
        # 0.6 ms of every ~2 ms an article of new words costs. The norms, which it keeps, stay.
        from spacy.attrs import NORM

        getters = nlp.vocab.lex_attr_getters
        nlp.vocab.lex_attr_getters = {NORM: getters[NORM]} if NORM in getters else {}
        _PIPELINES[language] = nlp
    return _PIPELINES[language]


def _docbin_for(records: list[ArticleRecord], language: str) -> tuple[Any, DocBinSummary]:
    with _msgpack_plugins_looked_up_once():
        return _build_docbin(records, language)


ATTRS = ("ORTH", "NORM")  # all a Doc straight from the tokenizer carries (SPACY is always stored)


def new_docbin() -> Any:
    from spacy.tokens import DocBin

    return DocBin(attrs=list(ATTRS), store_user_data=True)


def add_tokenized(docbin: Any, doc: Any) -> None:
    """``docbin.add(doc)`` for a Doc that only a tokenizer has seen, in half the time.

    DocBin.add records nine strings per token (tag, lemma, dependency, entity ids…) that a tokenizer
    never sets; walking them costs as much as the rest of the export. This stores the same arrays,
    flags, user data and span groups, and the strings such a Doc has: token texts, norms and span
    labels. Should DocBin's fields ever change, it falls back to ``DocBin.add``.
    """
    import numpy
    import srsly
    from spacy.attrs import NORM, ORTH, SPACY

    fields = ("tokens", "spaces", "flags", "strings", "cats", "user_data", "span_groups", "attrs")
    if not all(hasattr(docbin, name) for name in fields):
        docbin.add(doc)
        return
    array = doc.to_array(docbin.attrs)
    docbin.tokens.append(array.reshape((array.shape[0], -1)))
    docbin.spaces.append(numpy.asarray(doc.to_array(SPACY).reshape((-1, 1)), dtype=bool))
    docbin.flags.append({"has_unknown_spaces": doc.has_unknown_spaces})
    # the token texts and norms from the array's string ids, each once, without a Token per word
    strings = doc.vocab.strings
    columns = [docbin.attrs.index(attr) for attr in (ORTH, NORM) if attr in docbin.attrs]
    docbin.strings.update(strings[key] for key in set(array[:, columns].ravel().tolist()))
    docbin.cats.append(doc.cats)
    if docbin.store_user_data:
        docbin.user_data.append(srsly.msgpack_dumps(doc.user_data))
    docbin.span_groups.append(doc.spans.to_bytes())
    docbin.strings.update(span.label_ for group in doc.spans.values() for span in group)


def coding_data(spans: Iterable[SpanRef], coding: Any) -> dict[str, Any]:
    """The ``user_data`` entries for one annotator's structured coding (see the module docstring)."""
    ordered = sorted(spans)
    data: dict[str, Any] = {"spans": [{"start": s.start, "end": s.end, "label": s.label} for s in ordered]}
    coding_to_json(data, ordered, coding)
    return data


def _build_docbin(records: list[ArticleRecord], language: str) -> tuple[Any, DocBinSummary]:
    nlp = _exporting_pipeline(language)
    docbin = new_docbin()
    summary = DocBinSummary()
    for record in records:
        for annotation in record.annotations:
            doc = make_doc(nlp, record.text)
            doc.user_data.update(article_id=record.id, title=record.title, annotator=annotation.annotator)
            if annotation.coding:
                doc.user_data.update(coding_data(annotation.spans, annotation.coding))
            spans = []
            for ref in sorted(annotation.spans):
                span = doc.char_span(ref.start, ref.end, label=ref.label, alignment_mode="strict")
                if span is None:
                    span = doc.char_span(ref.start, ref.end, label=ref.label, alignment_mode="expand")
                    stored = None if span is None or not len(span) else SpanRef(
                        span.start_char, span.end_char, ref.label)
                    summary.realigned.append(Realigned(record.id or "", annotation.annotator, ref, stored))
                    if stored is None:
                        continue
                spans.append(span)
            doc.spans[SPANS_KEY] = spans
            add_tokenized(docbin, doc)
            summary.documents += 1
            summary.spans += len(spans)
    return docbin, summary


def read_docbin(path: Path, language: str = LANGUAGE) -> list[tuple[dict[str, Any], list[SpanRef]]]:
    """Each Doc's ``user_data`` and its ``sc`` spans as character offsets (for checks and tests)."""
    from spacy.tokens import DocBin

    nlp = blank_pipeline(language)
    docs = DocBin().from_disk(path).get_docs(nlp.vocab)
    return [
        (dict(doc.user_data), [SpanRef(s.start_char, s.end_char, s.label_) for s in doc.spans[SPANS_KEY]])
        for doc in docs
    ]
