"""A dashboard measure's figures in every scope, and split into the measure's parts.

The span measures split by label, relation F1 by relation type, span-attribute α by attribute and the
article-code figures by question. For each measure this gives the parts, and for the corpus, each
article and each annotator pair a ``Breakdown``: the pooled figure and one figure per part, each a
``Figure`` (value with its bootstrap interval, or None and why). Span and relation figures are read
from the report's ``Scores``; attribute and code figures from its ``attributes``/``codes`` tables and
each article's. Their pooled figure is the mean of the parts' defined figures (as ``kappa_mean`` is the
mean over pairs): α of different attributes cannot be pooled into one table of values.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from annotator.core.agreement.relation_scores import RELATION_MEASURES
from annotator.core.agreement.scores import AgreementReport, ArticleAgreement, PairAgreement, Scores

SPAN_MEASURES = ("alpha_char", "alpha_u", "kappa", "f1_exact", "f1_overlap", "ac1", "fleiss_kappa")
ATTRIBUTE_MEASURES = ("attribute_alpha_exact", "attribute_alpha_overlap")
CODE_MEASURES = ("code_alpha", "code_fleiss_kappa", "code_ac1", "code_agreement")
# Span, relation, attribute and code measures, in the order the dashboard offers them.
DASHBOARD_MEASURES = (*SPAN_MEASURES, *RELATION_MEASURES, *ATTRIBUTE_MEASURES, *CODE_MEASURES)
# Measures that have no figure of their own for a pair: the pair heatmap shows this one instead.
PAIR_STAND_IN = {"fleiss_kappa": "kappa", "attribute_alpha_exact": "attribute_kappa_exact",
                 "attribute_alpha_overlap": "attribute_kappa_overlap", "code_alpha": "code_kappa",
                 "code_fleiss_kappa": "code_kappa", "code_ac1": "code_kappa"}

NO_DEFINED_PART = "no part of this measure has a defined figure here, so there is no mean of them"
CORPUS_ONLY = ("a corpus figure only: one article holds too few items of a question to estimate chance "
               "agreement from; choose code_agreement to compare articles")
NOT_COMPUTED = "not computed for this scope"


class Part(StrEnum):
    """What a measure splits into."""

    LABEL = "label"
    RELATION_TYPE = "relation type"
    ATTRIBUTE = "attribute"
    QUESTION = "question"


@dataclass(frozen=True)
class Figure:
    """One figure of a chart: the value, or ``None`` and why it is undefined; ``interval`` is the
    bootstrap 95% interval (low, high) where the report has one."""

    value: float | None
    reason: str = ""
    interval: tuple[float, float] | None = None

    @property
    def defined(self) -> bool:
        return self.value is not None


@dataclass(frozen=True)
class Breakdown:
    """A scope's pooled figure and its figure per part."""

    pooled: Figure
    parts: Mapping[str, Figure]


def _check(measure: str) -> None:
    if measure not in DASHBOARD_MEASURES:
        raise ValueError(f"unknown measure {measure!r}; choose one of {', '.join(DASHBOARD_MEASURES)}")


def part_of(measure: str) -> Part:
    """What ``measure`` splits into."""
    _check(measure)
    if measure in RELATION_MEASURES:
        return Part.RELATION_TYPE
    if measure in ATTRIBUTE_MEASURES:
        return Part.ATTRIBUTE
    if measure in CODE_MEASURES:
        return Part.QUESTION
    return Part.LABEL


def report_measure(measure: str, pair: bool = False) -> str:
    """The report's name for a dashboard measure: ``kappa`` means ``kappa_mean`` outside pairs, and
    for a pair the stand-in of ``PAIR_STAND_IN`` (Fleiss' κ → Cohen's κ, attribute α → κ …)."""
    _check(measure)
    if pair:
        return PAIR_STAND_IN.get(measure, measure)
    return "kappa_mean" if measure == "kappa" else measure


def scores_figure(scores: Scores, field: str) -> Figure:
    """The report field ``field`` of ``scores`` as a Figure (with the report's reason when undefined)."""
    value = scores.value(field)
    if value is None:
        return Figure(None, scores.reasons.get(field, NOT_COMPUTED))
    interval = scores.intervals.get(field)
    return Figure(float(value), interval=None if interval is None else (float(interval[0]),
                                                                        float(interval[1])))


def table_figure(figures: Mapping | None, name: str, missing: str = NOT_COMPUTED) -> Figure:
    """``figures[name]`` of an attribute or code table (``--json``'s shape) as a Figure."""
    if figures is None:
        return Figure(None, missing)
    value = figures.get(name)
    if value is None:
        return Figure(None, figures.get("reasons", {}).get(name, missing))
    low, high = figures.get(f"{name}_ci_low"), figures.get(f"{name}_ci_high")
    return Figure(float(value), interval=None if low is None or high is None else (float(low), float(high)))


def _mean(parts: Mapping[str, Figure], reason: str) -> Figure:
    """The mean of the parts' defined figures; undefined (the parts' own reason where they share one)
    where none is."""
    defined = [f.value for f in parts.values() if f.value is not None]
    if defined:
        return Figure(sum(defined) / len(defined) + 0.0)
    reasons = {f.reason for f in parts.values()}
    return Figure(None, reasons.pop() if len(reasons) == 1 else reason)


def _attribute_table(report: AgreementReport) -> Mapping:
    return (report.attributes or {}).get("per_attribute") or {}


def _code_table(report: AgreementReport) -> Mapping:
    return (report.codes or {}).get("per_question") or {}


def _mode(measure: str) -> str:
    return measure.rsplit("_", 1)[1]


def parts(report: AgreementReport, measure: str) -> tuple[str, ...]:
    """The parts of ``measure`` in this report, in codebook order."""
    part = part_of(measure)
    if part is Part.RELATION_TYPE:
        return tuple(report.relation_types)
    if part is Part.ATTRIBUTE:
        return tuple(_attribute_table(report))
    if part is Part.QUESTION:
        return tuple(_code_table(report))
    return tuple(report.labels)


def _absent(report: AgreementReport, measure: str) -> str:
    """Why a measure of attributes or codes has nothing at all (the project defines none)."""
    table = report.attributes if part_of(measure) is Part.ATTRIBUTE else report.codes
    return (table or {}).get("reason") or NO_DEFINED_PART


def corpus(report: AgreementReport, measure: str) -> Breakdown:
    """The corpus-wide figures of ``measure``: pooled and per part."""
    part = part_of(measure)
    if part in (Part.LABEL, Part.RELATION_TYPE):
        field = report_measure(measure)
        by_part = report.per_label if part is Part.LABEL else report.per_relation_type
        return Breakdown(scores_figure(report.overall, field),
                         {name: scores_figure(scores, field) for name, scores in by_part.items()})
    if part is Part.ATTRIBUTE:
        found = {key: table_figure(modes.get(_mode(measure)), "alpha")
                 for key, modes in _attribute_table(report).items()}
    else:
        name = measure.removeprefix("code_")
        found = {q: table_figure(figures, name) for q, figures in _code_table(report).items()}
    return Breakdown(_mean(found, _absent(report, measure)), found)


def article(report: AgreementReport, agreement: ArticleAgreement, measure: str) -> Breakdown:
    """One article's figures of ``measure``: pooled and per part."""
    part = part_of(measure)
    if part in (Part.LABEL, Part.RELATION_TYPE):
        field = report_measure(measure)
        by_part = agreement.per_label if part is Part.LABEL else agreement.per_relation_type
        return Breakdown(scores_figure(agreement.scores, field),
                         {name: scores_figure(scores, field) for name, scores in by_part.items()})
    if part is Part.ATTRIBUTE:
        found = {key: table_figure(agreement.attributes.get(key, {}).get(_mode(measure)), "alpha")
                 for key in parts(report, measure)}
    elif measure == "code_agreement":
        found = {q: table_figure(agreement.codes.get(q), "agreement") for q in parts(report, measure)}
    else:
        found = {q: Figure(None, CORPUS_ONLY) for q in parts(report, measure)}
    return Breakdown(_mean(found, _absent(report, measure)), found)


def pair(report: AgreementReport, agreement: PairAgreement, measure: str) -> Breakdown:
    """One annotator pair's figures of ``measure`` (or of its stand-in): pooled and per part."""
    part = part_of(measure)
    if part in (Part.LABEL, Part.RELATION_TYPE):
        field = report_measure(measure, pair=True)
        by_part = agreement.per_label if part is Part.LABEL else agreement.per_relation_type
        return Breakdown(scores_figure(agreement.scores, field),
                         {name: scores_figure(scores, field) for name, scores in by_part.items()})

    def of_pair(figures: Mapping | None) -> Mapping | None:
        rows = (figures or {}).get("pairs", [])
        return next((row for row in rows if (row["a"], row["b"]) == (agreement.a, agreement.b)), None)

    if part is Part.ATTRIBUTE:
        found = {key: table_figure(of_pair(modes.get(_mode(measure))), "kappa")
                 for key, modes in _attribute_table(report).items()}
    else:
        name = "agreement" if measure == "code_agreement" else "kappa"
        found = {q: table_figure(of_pair(figures), name) for q, figures in _code_table(report).items()}
    return Breakdown(_mean(found, _absent(report, measure)), found)


__all__ = ["ATTRIBUTE_MEASURES", "CODE_MEASURES", "DASHBOARD_MEASURES", "Breakdown", "Figure", "Part",
           "article", "corpus", "pair", "part_of", "parts", "report_measure"]
