"""The agreement report as the CLI prints it: a JSON document, CSV rows, or a readable table."""

from __future__ import annotations

import csv
from collections.abc import Iterator, Mapping
from typing import IO

from annotator.core.agreement.numbers import fixed, plain
from annotator.core.agreement.relation_scores import RELATION_MEASURES
from annotator.core.agreement.report import AgreementReport, Scores

CORPUS_MEASURES = ("alpha_char", "alpha_u", "kappa_mean", "f1_exact", "f1_overlap", "ac1", "fleiss_kappa")
ARTICLE_MEASURES = ("alpha_char", "alpha_u", "kappa_mean", "f1_exact", "f1_overlap", "ac1", "fleiss_kappa")
PAIR_MEASURES = ("kappa", "alpha_char", "alpha_u", "f1_exact", "f1_overlap", "ac1")
ATTRIBUTES_NOT_COMPUTED = "span attribute agreement was not computed for this report"
CSV_HEADER = ("scope", "item", "label", "measure", "value", "reason")


def _gamma_asked(report: AgreementReport) -> bool:
    return report.overall.gamma is not None or "gamma" in report.overall.reasons


def report_to_json(report: AgreementReport) -> dict:
    """The report in the issue's JSON shape (plus ``reasons``, ``span_counts``, ``n_articles``, ``notes``,
    ``pooled_labels`` (overall, per article, per pair), ``{measure}_ci_low``/``_ci_high`` where intervals
    were asked for (null, with ``reasons["{measure}_ci"]``, where there is none), and ``gamma`` where
    asked for)."""
    gamma = ("gamma",) if _gamma_asked(report) else ()
    corpus = (*CORPUS_MEASURES, *gamma, *RELATION_MEASURES)
    article = (*ARTICLE_MEASURES, *gamma, *RELATION_MEASURES)
    pair = (*PAIR_MEASURES, *RELATION_MEASURES)

    def per_type(scores: Mapping[str, Scores], n_articles: bool = False) -> dict:
        return {kind: s.as_dict(RELATION_MEASURES, n_articles=n_articles) for kind, s in scores.items()}

    return {
        "annotators": list(report.annotators),
        "labels": list(report.labels),
        "pooled_labels": list(report.pooled_labels),
        "overall": report.overall.as_dict(corpus, n_articles=True),
        "per_label": {label: scores.as_dict(CORPUS_MEASURES, n_articles=True)
                      for label, scores in report.per_label.items()},
        "per_article": [
            {"id": a.id, "title": a.title, "annotators": list(a.annotators),
             **a.scores.as_dict(article), "span_counts": dict(a.span_counts),
             "pooled_labels": list(a.pooled_labels),
             "per_label": {label: s.as_dict(ARTICLE_MEASURES) for label, s in a.per_label.items()},
             "per_relation_type": per_type(a.per_relation_type),
             "attributes": {key: dict(modes) for key, modes in a.attributes.items()},
             "codes": {question: dict(figures) for question, figures in a.codes.items()}}
            for a in report.articles
        ],
        "pairs": [
            {"a": p.a, "b": p.b, **p.scores.as_dict(pair, n_articles=True),
             "pooled_labels": list(p.pooled_labels),
             "per_label": {label: s.as_dict(PAIR_MEASURES) for label, s in p.per_label.items()},
             "per_relation_type": per_type(p.per_relation_type, n_articles=True)}
            for p in report.pairs
        ],
        "relation_types": list(report.relation_types),
        "per_relation_type": per_type(report.per_relation_type, n_articles=True),
        "attributes": report.attributes if report.attributes is not None else
        {"reason": ATTRIBUTES_NOT_COMPUTED, "per_attribute": {}},
        "codes": report.codes if report.codes is not None else code_agreement_absent(),
        "skipped_articles": report.skipped_articles,
        "notes": list(report.notes),
    }


def code_agreement_absent() -> dict:
    from annotator.core.agreement.codes import NO_QUESTIONS, NOTE

    return {"note": NOTE, "reason": NO_QUESTIONS, "per_question": {}}


def _figure_rows(scope: str, item: str, key: str, measure: str, figures: dict,
                 name: str) -> Iterator[tuple[str, str, str, str, str, str]]:
    """The row of ``figures[name]`` as ``measure``, then its interval rows (``{measure}_ci_low`` and
    ``_ci_high``) where intervals were asked for."""
    reasons = figures.get("reasons", {})
    value = figures.get(name)
    yield (scope, item, key, measure, "" if value is None else plain(value),
           reasons.get(name, "") if value is None else "")
    for bound in ("low", "high"):
        if f"{name}_ci_{bound}" in figures:
            limit = figures[f"{name}_ci_{bound}"]
            yield (scope, item, key, f"{measure}_ci_{bound}", "" if limit is None else plain(limit),
                   reasons.get(f"{name}_ci", "") if limit is None else "")


def _code_rows(report: AgreementReport) -> Iterator[tuple[str, str, str, str, str, str]]:
    """Article-code rows: scope overall (the label column holds the question), pair and article,
    measures ``code_alpha``, ``code_fleiss_kappa``, ``code_ac1`` (with ``_ci_low``/``_ci_high`` where
    intervals were asked for), ``code_agreement`` and ``code_n_items``; ``code_kappa`` per pair."""
    from annotator.core.agreement.codes import CODE_MEASURES

    for question, figures in ((report.codes or {}).get("per_question") or {}).items():
        for measure in CODE_MEASURES:
            yield from _figure_rows("overall", "", question, f"code_{measure}", figures, measure)
        if "agreement" in figures:
            yield from _figure_rows("overall", "", question, "code_agreement", figures, "agreement")
        yield ("overall", "", question, "code_n_items", str(figures["n_items"]), "")
        for pair in figures["pairs"]:
            item = f"{pair['a']}|{pair['b']}"
            yield from _figure_rows("pair", item, question, "code_kappa", pair, "kappa")
            if "agreement" in pair:
                yield from _figure_rows("pair", item, question, "code_agreement", pair, "agreement")
    for article in report.articles:
        for question, figures in article.codes.items():
            yield from _figure_rows("article", article.id, question, "code_agreement", figures, "agreement")
            yield ("article", article.id, question, "code_n_items", str(figures["n_items"]), "")


def _attribute_rows(report: AgreementReport) -> Iterator[tuple[str, str, str, str, str, str]]:
    """Attribute rows: the label column holds LABEL.ATTRIBUTE; ``attribute_alpha_{mode}`` and
    ``attribute_n_spans_{mode}`` overall and per article, ``attribute_kappa_{mode}`` per pair (mode:
    exact, overlap), with ``_ci_low``/``_ci_high`` rows where intervals were asked for."""
    for key, figures in ((report.attributes or {}).get("per_attribute") or {}).items():
        for mode in ("exact", "overlap"):
            scope = figures.get(mode)
            if scope is None:
                continue
            yield from _figure_rows("overall", "", key, f"attribute_alpha_{mode}", scope, "alpha")
            yield ("overall", "", key, f"attribute_n_spans_{mode}", str(scope["n_spans"]), "")
            for pair in scope["pairs"]:
                yield from _figure_rows("pair", f"{pair['a']}|{pair['b']}", key, f"attribute_kappa_{mode}",
                                        pair, "kappa")
    for article in report.articles:
        for key, modes in article.attributes.items():
            for mode, scope in modes.items():
                yield from _figure_rows("article", article.id, key, f"attribute_alpha_{mode}", scope, "alpha")
                yield ("article", article.id, key, f"attribute_n_spans_{mode}", str(scope["n_spans"]), "")


def csv_rows(report: AgreementReport) -> Iterator[tuple[str, str, str, str, str, str]]:
    """One row per (scope, article or pair, label, measure): label "" means all labels pooled, value ""
    means undefined (the reason column says why). Bootstrap intervals are rows of their own, with the
    measures ``{measure}_ci_low`` and ``{measure}_ci_high``."""
    gamma = ("gamma",) if _gamma_asked(report) else ()

    def rows(scope: str, item: str, label: str, scores: Scores, measures: tuple[str, ...]):
        for measure in measures:
            value = scores.value(measure)
            yield (scope, item, label, measure, "" if value is None else plain(value),
                   scores.reasons.get(measure, "") if value is None else "")
            if measure in scores.intervals:
                low, high = scores.intervals[measure]
                yield (scope, item, label, f"{measure}_ci_low", plain(low), "")
                yield (scope, item, label, f"{measure}_ci_high", plain(high), "")
            elif measure in scores.interval_reasons:
                for bound in ("low", "high"):
                    yield (scope, item, label, f"{measure}_ci_{bound}", "", scores.interval_reasons[measure])

    relation = RELATION_MEASURES
    yield from rows("overall", "", "", report.overall, (*CORPUS_MEASURES, *gamma, *relation))
    for label, scores in report.per_label.items():
        yield from rows("overall", "", label, scores, CORPUS_MEASURES)
    for kind, scores in report.per_relation_type.items():  # the label column holds the relation type
        yield from rows("overall", "", kind, scores, relation)
    for article in report.articles:
        yield from rows("article", article.id, "", article.scores, (*ARTICLE_MEASURES, *gamma, *relation))
        for label, scores in article.per_label.items():
            yield from rows("article", article.id, label, scores, ARTICLE_MEASURES)
        for kind, scores in article.per_relation_type.items():
            yield from rows("article", article.id, kind, scores, relation)
    for pair in report.pairs:
        item = f"{pair.a}|{pair.b}"
        yield from rows("pair", item, "", pair.scores, (*PAIR_MEASURES, *relation))
        for label, scores in pair.per_label.items():
            yield from rows("pair", item, label, scores, PAIR_MEASURES)
        for kind, scores in pair.per_relation_type.items():
            yield from rows("pair", item, kind, scores, relation)
    yield from _attribute_rows(report)
    yield from _code_rows(report)


def write_csv(report: AgreementReport, out: IO[str]) -> None:
    """Write the header and every row of ``csv_rows``."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_HEADER)
    writer.writerows(csv_rows(report))


def _figure(value: float | None) -> str:
    return fixed(value)


def _table(header: list[str], lines: list[list[str]], text_columns: int = 1) -> list[str]:
    """Columns padded to width: the first ``text_columns`` left-aligned, the figures right-aligned."""
    widths = [max(len(row[i]) for row in [header, *lines]) for i in range(len(header))]
    fmt = "  ".join(f"{{:<{w}}}" if i < text_columns else f"{{:>{w}}}" for i, w in enumerate(widths))
    return [fmt.format(*header), *(fmt.format(*row) for row in lines)]


def _interval(low: float | None, high: float | None) -> str:
    return "" if low is None or high is None else f"{fixed(low)}–{fixed(high)}"


def _structure_text(report: AgreementReport) -> list[str]:
    """Tables of relation F1 (overall and per type), span-attribute α and article-code figures, each
    with its 95% interval where one was computed; a part the project does not use is left out."""
    out: list[str] = []
    none = [report.overall.reasons[m] for m in RELATION_MEASURES if report.overall.value(m) is None]
    if report.relation_types and len(none) == len(RELATION_MEASURES):  # no relation anywhere: one line
        out += ["", f"Relation F1: — ({none[0]})"]
    elif report.relation_types:
        scopes = [("(all types)", report.overall), *report.per_relation_type.items()]
        rows = [[name, *(cell for m in RELATION_MEASURES
                         for cell in (_figure(s.value(m)), _interval(*s.intervals.get(m, (None, None)))))]
                for name, s in scopes]
        header = ["relation type", *(c for m in RELATION_MEASURES for c in (m, "95% interval"))]
        out += ["", "Relation F1 (same type and both ends matched: exact = identical spans, overlap = the "
                "span F1 overlap matching):", *_table(header, rows)]
        undefined: dict[str, list[str]] = {}
        for name, scores in scopes:
            for reason in dict.fromkeys(scores.reasons[m] for m in RELATION_MEASURES if m in scores.reasons):
                undefined.setdefault(reason, []).append(name)
        out += [f"  {', '.join(names)}: {reason}" for reason, names in undefined.items()]
    attributes = (report.attributes or {}).get("per_attribute") or {}
    if attributes:
        rows = [[key, mode, str(f["n_spans"]), _figure(f["alpha"]),
                 _interval(f.get("alpha_ci_low"), f.get("alpha_ci_high"))]
                for key, modes in attributes.items() for mode in ("exact", "overlap")
                for f in [modes[mode]]]
        out += ["", "Span attributes (nominal alpha over the spans the annotators matched; unmatched spans "
                "do not count here, they are in span F1):",
                *_table(["attribute", "matching", "spans", "alpha", "95% interval"], rows, text_columns=2)]
        out += _undefined_lines((f"{key} {mode}", modes[mode], ("alpha",))
                                for key, modes in attributes.items() for mode in ("exact", "overlap"))
    questions = (report.codes or {}).get("per_question") or {}
    if questions:
        measures = ("alpha", "fleiss_kappa", "ac1")

        def cells(f: dict, m: str) -> tuple[str, str]:
            return _figure(f[m]), _interval(f.get(f"{m}_ci_low"), f.get(f"{m}_ci_high"))

        rows = [[name, str(f["n_items"]), *(c for m in measures for c in cells(f, m)),
                 _figure(f.get("agreement"))] for name, f in questions.items()]
        header = ["question", "items", *(c for m in measures for c in (m, "95% interval")), "agreement"]
        out += ["", "Article codes (units: the articles every counted annotator answered; a multiple-choice "
                "question is one yes/no item per option; agreement = share of agreeing annotator pairs):",
                *_table(header, rows)]
        out += _undefined_lines((name, f, (*measures, "agreement")) for name, f in questions.items())
    return out


def _undefined_lines(scopes) -> list[str]:
    """"  SCOPE MEASURE: why" for each undefined figure of (scope name, --json table, measures)."""
    return [f"  {name} {m}: {f.get('reasons', {}).get(m, '')}" for name, f, measures in scopes
            for m in measures if m in f and f[m] is None]


def report_to_text(report: AgreementReport, lowest: int = 10) -> str:
    """A readable table: overall, per label, per pair, then the ``lowest`` lowest-agreement articles."""
    if not report.articles:
        lines = ["No article counts for agreement yet: an article needs at least two annotators with "
                 "status 'done'."]
        return "\n".join([*lines, *report.notes])
    unused = [label for label in report.labels if label not in report.pooled_labels]
    out = [f"Agreement over {report.overall.n_articles} article(s); annotators: "
           f"{', '.join(report.annotators)}",
           f"Labels pooled in 'overall': {', '.join(report.pooled_labels) or 'none (nothing was marked)'}"
           + (f" (not used, left out: {', '.join(unused)})" if unused and report.pooled_labels else ""), ""]
    header = ["", *CORPUS_MEASURES]
    rows = [["overall", *(_figure(report.overall.value(m)) for m in CORPUS_MEASURES)]]
    rows += [[label, *(_figure(s.value(m)) for m in CORPUS_MEASURES)]
             for label, s in report.per_label.items()]
    out += [*_table(header, rows), ""]
    if report.pairs:
        rows = [[f"{p.a} / {p.b}", str(p.scores.n_articles),
                 *(_figure(p.scores.value(m)) for m in PAIR_MEASURES)] for p in report.pairs]
        out += [*_table(["pair", "articles", *PAIR_MEASURES], rows), ""]
    rows = [[a.id, a.title[:40], ",".join(a.annotators),
             *(_figure(a.scores.value(m)) for m in ARTICLE_MEASURES)] for a in report.lowest_articles(lowest)]
    out += [f"Lowest agreement ({min(lowest, len(report.articles))} article(s), by alpha_char):"]
    out += _table(["article", "title", "annotators", *ARTICLE_MEASURES], rows, text_columns=3)
    intervals = [f"{m} {fixed(low)}–{fixed(high)}" for m in CORPUS_MEASURES
                 if m in report.overall.intervals for low, high in [report.overall.intervals[m]]]
    if intervals:
        out += ["", "95% bootstrap intervals (overall, resampling articles): " + ", ".join(intervals)]
    missing = report.overall.interval_reasons
    if missing:
        groups = {why: [m for m, r in missing.items() if r == why] for why in sorted(set(missing.values()))}
        out += ["", "Overall figures without a 95% interval: " + "; ".join(
            f"{', '.join(names)} ({why.removeprefix('no interval: ')})" for why, names in groups.items())]
    out += _structure_text(report)
    if _gamma_asked(report):
        out += ["", f"gamma (corpus): {_figure(report.overall.gamma)}"]
    undefined = sorted({f"{m}: {r}" for m, r in report.overall.reasons.items()})
    if undefined or report.notes:
        out += ["", "— = undefined."] + [f"  {line}" for line in undefined] + list(report.notes)
    return "\n".join(out)
