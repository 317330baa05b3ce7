"""What agreement is computed over: the counted articles, each with its done annotators' spans."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from annotator.core.model import SpanRef
from annotator.core.structure import ArticleQuestion, AttributeDefinition, RelationType, StructuredCoding


@dataclass(frozen=True)
class AgreementArticle:
    """One counted article: at least two annotators have it `done`; ``spans`` holds only theirs."""

    id: str
    title: str
    text: str
    spans: Mapping[str, tuple[SpanRef, ...]] = field(hash=False)
    # Each counted annotator's relations, attribute values and article answers (absent: none).
    codings: Mapping[str, StructuredCoding] = field(default_factory=dict, hash=False, compare=False)

    @property
    def annotators(self) -> tuple[str, ...]:
        """The counted annotators of this article, sorted by name."""
        return tuple(sorted(self.spans))


@dataclass(frozen=True)
class StructureCodebook:
    """The codebook beyond labels that structured agreement needs: relation types (``directed`` says
    whether a relation's ends may be swapped), span attributes and article questions, in display order."""

    relation_types: tuple[RelationType, ...] = ()
    attributes: tuple[AttributeDefinition, ...] = ()
    questions: tuple[ArticleQuestion, ...] = ()


@dataclass(frozen=True)
class AgreementInput:
    """Everything a report needs: the labels in display order and the counted articles in corpus order.

    ``skipped`` counts articles left out because fewer than two annotators had them `done`.
    """

    labels: tuple[str, ...]
    articles: tuple[AgreementArticle, ...]
    skipped: int = 0
    codebook: StructureCodebook = StructureCodebook()

    @property
    def annotators(self) -> tuple[str, ...]:
        """Every annotator counted on at least one article, sorted by name."""
        return tuple(sorted({name for article in self.articles for name in article.spans}))


def counted_articles(
    articles: list[tuple[str, str, str]],
    done: Mapping[str, set[str]],
    spans: Mapping[tuple[str, str], list[SpanRef]],
    labels: tuple[str, ...],
    annotators: tuple[str, ...] | None = None,
    codings: Mapping[tuple[str, str], StructuredCoding] | None = None,
    codebook: StructureCodebook = StructureCodebook(),
) -> AgreementInput:
    """Apply the counting rule to plain store rows.

    ``articles`` are (id, title, text) in corpus order, ``done`` maps article id → annotators with status
    `done`, ``spans`` maps (article id, annotator) → spans. Only ``annotators`` (if given) and ``labels``
    are kept; an article counts when at least two of the kept annotators have it done. ``codings`` maps
    (article id, annotator) → structured coding; relations and attribute values whose spans are of
    labels left out go with them.
    """
    wanted = set(annotators) if annotators is not None else None
    label_set = set(labels)
    counted: list[AgreementArticle] = []
    skipped = 0
    for article_id, title, text in articles:
        names = sorted(n for n in done.get(article_id, ()) if wanted is None or n in wanted)
        if len(names) < 2:
            skipped += 1
            continue
        by_annotator = {
            name: tuple(sorted(s for s in spans.get((article_id, name), ()) if s.label in label_set))
            for name in names
        }
        structured = {name: _kept(codings[(article_id, name)], label_set) for name in names
                      if codings and (article_id, name) in codings}
        counted.append(AgreementArticle(article_id, title, text, by_annotator, structured))
    return AgreementInput(labels=tuple(labels), articles=tuple(counted), skipped=skipped, codebook=codebook)


def _kept(coding: StructuredCoding, labels: set[str]) -> StructuredCoding:
    """``coding`` without the relations and attribute values that touch a span of a label left out."""
    return replace(
        coding,
        relations=frozenset(r for r in coding.relations
                            if r.head.label in labels and r.child.label in labels),
        attributes=frozenset(a for a in coding.attributes if a[0].label in labels),
    )


def pair_only(data: AgreementInput, first: str, second: str) -> AgreementInput:
    """``data`` cut down to two raters: the articles both have counted, only their spans and coding.

    Comparing each annotator with gold pair by pair: an article question counts where both answered,
    whatever the other annotators did.
    """
    names = {first, second}
    kept = tuple(
        replace(article, spans={n: s for n, s in article.spans.items() if n in names},
                codings={n: c for n, c in article.codings.items() if n in names})
        for article in data.articles if names <= set(article.spans))
    return replace(data, articles=kept, skipped=len(data.articles) - len(kept) + data.skipped)
