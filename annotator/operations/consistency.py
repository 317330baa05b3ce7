"""Cross-article consistency over a project: shared passages and how their coding differs.

Joins the store (articles, spans) to ``annotator.core.consistency``; the CLI prints what this returns
and the Consistency tab shows it. The JSON shape of ``report_to_json`` is part of the CLI contract.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from annotator.core.consistency import (
    MAX_ARTICLES,
    MIN_WORDS,
    SharedPassage,
    find_shared_passages,
)
from annotator.core.consistency_spans import (
    PassageAlignment,
    SpanDifference,
    align,
    align_many,
    span_differences,
)
from annotator.core.errors import NotFoundError
from annotator.core.model import Span
from annotator.store import Project

ALIGN_CHUNK = 2_000  # passages laid out together: fast, and memory stays at tens of MB


@dataclass(frozen=True)
class PassageReport:
    """One shared passage and the differences in its coding between the two articles."""

    passage: SharedPassage
    differences: tuple[SpanDifference, ...]


@dataclass(frozen=True)
class ConsistencyReport:
    """Every shared passage of a project, with the texts of the articles involved (for excerpts)."""

    passages: tuple[PassageReport, ...]
    texts: dict[str, str]

    def excerpt(self, passage: SharedPassage, width: int = 60) -> str:
        """The start of the passage as it reads in article A, on one line."""
        text = " ".join(self.texts[passage.article_a][passage.start_a : passage.end_a].split())
        return text if len(text) <= width else text[: width - 1] + "…"


def passage_alignment(report: ConsistencyReport, passage: SharedPassage) -> PassageAlignment:
    """The letter alignment of a reported passage (for mapping and copying spans)."""
    return align(passage, report.texts[passage.article_a], report.texts[passage.article_b])


def consistency_report(
    project: Project, *, min_words: int = MIN_WORDS, max_articles: int = MAX_ARTICLES,
    annotators: Iterable[str] | None = None, across_annotators: bool = False,
    check: Callable[[], None] | None = None, progress: Callable[[int, int], None] | None = None,
) -> ConsistencyReport:
    """Find the project's shared passages and compare the spans on both sides of each.

    ``check`` is called between the steps (a worker's cancel check); ``progress(done, total)`` is
    passed on to ``find_shared_passages`` (the long step), and may raise to stop it. Raises
    NotFoundError for a name in ``annotators`` the project does not know (a typo would otherwise report
    "0 differences").
    """
    names = None if annotators is None else set(annotators)
    unknown = sorted((names or set()) - set(project.annotators()))
    if unknown:
        raise NotFoundError(f"there is no annotator named {unknown[0]!r}")
    articles = project.article_texts()
    if check:
        check()
    passages = find_shared_passages(articles, min_words=min_words, max_articles=max_articles,
                                    progress=progress)
    if check:
        check()
    involved = {p.article_a for p in passages} | {p.article_b for p in passages}
    texts = {article_id: text for article_id, text in articles if article_id in involved}
    return ConsistencyReport(compare_passages(project, passages, texts, annotators=names,
                                              across_annotators=across_annotators, check=check), texts)


def compare_passages(
    project: Project, passages: Sequence[SharedPassage], texts: dict[str, str], *,
    annotators: Iterable[str] | None = None, across_annotators: bool = False,
    check: Callable[[], None] | None = None,
) -> tuple[PassageReport, ...]:
    """Compare the spans on both sides of each passage, with the project's spans as they are now.

    ``texts`` holds the text of every article of ``passages``. Runs in a worker too (the Consistency
    tab after a label is renamed or deleted): ``check`` is called between chunks of passages.
    """
    involved = {p.article_a for p in passages} | {p.article_b for p in passages}
    spans_of: dict[str, list[Span]] = {article_id: [] for article_id in involved}
    for span in project.spans() if involved else ():
        if span.document_id in spans_of:
            spans_of[span.document_id].append(span)
    names = None if annotators is None else set(annotators)
    if names is not None:
        spans_of = {doc: [s for s in spans if s.annotator in names] for doc, spans in spans_of.items()}
    # only spans that may lie inside a passage: a passage without any needs no alignment at all
    near = []
    for passage in passages:
        a, b = passage.article_a, passage.article_b
        near.append((_near(spans_of[a], texts[a], passage.start_a, passage.end_a),
                     _near(spans_of[b], texts[b], passage.start_b, passage.end_b)))
    differences: dict[int, tuple[SpanDifference, ...]] = {}
    wanted = [n for n, (inside_a, inside_b) in enumerate(near) if inside_a or inside_b]
    for chunk in range(0, len(wanted), ALIGN_CHUNK):
        if check:
            check()
        numbers = wanted[chunk : chunk + ALIGN_CHUNK]
        for n, alignment in zip(numbers, align_many([passages[n] for n in numbers], texts), strict=True):
            differences[n] = tuple(span_differences(alignment, *near[n], across_annotators=across_annotators,
                                                    annotators=names))
    return tuple(PassageReport(passage, differences.get(n, ())) for n, passage in enumerate(passages))


def _near(spans: list[Span], text: str, start: int, end: int) -> list[Span]:
    """The spans with no letter or digit outside [start, end): the only ones that can be inside it."""
    return [s for s in spans if s.start < end and s.end > start
            and not any(ch.isalnum() for ch in text[s.start : start] + text[end : s.end])]


def report_to_json(report: ConsistencyReport) -> dict:
    """``{"passages": [{article_a, start_a, end_a, article_b, start_b, end_b, words, differences: [...]}]}``.

    Each difference: kind (missing_in_b, missing_in_a, different_label, different_boundaries),
    annotator_a, annotator_b, label_a, label_b (null on the side that lacks the span), start_a, end_a,
    start_b, end_b (for a missing span, where it maps to on that side).
    """
    return {"passages": [
        {"article_a": p.passage.article_a, "start_a": p.passage.start_a, "end_a": p.passage.end_a,
         "article_b": p.passage.article_b, "start_b": p.passage.start_b, "end_b": p.passage.end_b,
         "words": p.passage.words,
         "differences": [
             {"kind": d.kind.value, "annotator_a": d.annotator_a, "annotator_b": d.annotator_b,
              "label_a": d.label_a, "label_b": d.label_b, "start_a": d.start_a, "end_a": d.end_a,
              "start_b": d.start_b, "end_b": d.end_b}
             for d in p.differences]}
        for p in report.passages]}


def report_to_text(report: ConsistencyReport) -> str:
    """One line per passage (articles, offsets, words, excerpt), then one indented line per difference."""
    if not report.passages:
        return "no shared passages"
    lines = []
    for entry in report.passages:
        p = entry.passage
        lines.append(f"{p.article_a} {p.start_a}-{p.end_a}\t{p.article_b} {p.start_b}-{p.end_b}\t"
                     f"{p.words} words\t{len(entry.differences)} difference(s)\t{report.excerpt(p)}")
        for d in entry.differences:
            who = d.annotator_a if d.annotator_a == d.annotator_b else f"{d.annotator_a}/{d.annotator_b}"
            text = report.texts[p.article_a][d.start_a : d.end_a] if d.label_a else \
                report.texts[p.article_b][d.start_b : d.end_b]
            lines.append(f"  {d.kind.value}\t{who}\tA {d.start_a}-{d.end_a} {d.label_a or '-'}\t"
                         f"B {d.start_b}-{d.end_b} {d.label_b or '-'}\t{' '.join(text.split())}")
    shared = len({(e.passage.article_a, e.passage.article_b) for e in report.passages})
    lines.append(f"{len(report.passages)} shared passage(s) in {shared} pair(s) of articles, "
                 f"{sum(len(e.differences) for e in report.passages)} difference(s)")
    return "\n".join(lines)


def spans_in_passages(project: Project, report: ConsistencyReport) -> dict[str, int]:
    """How many of each annotator's spans lie inside the report's passages (either copy)."""
    ranges: dict[str, list[tuple[int, int]]] = {}
    for entry in report.passages:
        p = entry.passage
        ranges.setdefault(p.article_a, []).append((p.start_a, p.end_a))
        ranges.setdefault(p.article_b, []).append((p.start_b, p.end_b))
    counts: dict[str, int] = {}
    for document_id, inside in ranges.items():
        for span in project.spans(document_id):
            if any(start <= span.start and span.end <= end for start, end in inside):
                counts[span.annotator] = counts.get(span.annotator, 0) + 1
    return counts
