"""spaCy's binary training format: a ``.spacy`` DocBin, one Doc per (article, annotator).

Spans go to ``doc.spans["sc"]`` (the key spaCy's span categorizer reads). spaCy spans are made of whole
tokens, so a span whose edge falls inside a token is widened to the token edges
(``alignment_mode="expand"``) and listed in the summary; a span that covers no token at all (only white
space) is listed too. Nothing is dropped without being reported.

spaCy is an optional extra (``pip install annotator[spacy]``); it is imported only when used.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from annotator.core.errors import AnnotatorError
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


def write_docbin(records: Iterable[ArticleRecord], path: Path, language: str = LANGUAGE) -> DocBinSummary:
    """Tokenize each article with spaCy's rules for ``language`` and save a DocBin at ``path``.

    Each Doc's ``user_data`` holds ``article_id``, ``title`` and ``annotator``.
    """
    from spacy.tokens import DocBin

    nlp = blank_pipeline(language)
    docbin = DocBin(store_user_data=True)
    summary = DocBinSummary()
    for record in records:
        for annotation in record.annotations:
            doc = nlp.make_doc(record.text)
            doc.user_data.update(article_id=record.id, title=record.title, annotator=annotation.annotator)
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
            docbin.add(doc)
            summary.documents += 1
            summary.spans += len(spans)
    docbin.to_disk(path)
    return summary


def read_docbin(path: Path, language: str = LANGUAGE) -> list[tuple[dict[str, Any], list[SpanRef]]]:
    """Each Doc's ``user_data`` and its ``sc`` spans as character offsets (for checks and tests)."""
    from spacy.tokens import DocBin

    nlp = blank_pipeline(language)
    docs = DocBin().from_disk(path).get_docs(nlp.vocab)
    return [
        (dict(doc.user_data), [SpanRef(s.start_char, s.end_char, s.label_) for s in doc.spans[SPANS_KEY]])
        for doc in docs
    ]
