"""The report as a whole: undefined measures, progress, per-article data for the dashboard, rendering."""

from __future__ import annotations

import json
import math

from annotator.core.agreement.data import AgreementArticle, AgreementInput
from annotator.core.agreement.render import csv_rows, report_to_json, report_to_text
from annotator.core.agreement.report import build_report
from annotator.core.model import SpanRef as S

LABELS = ("actor", "demand", "denial")


def sample() -> AgreementInput:
    text = "قال الوزير إن المفاوضات مستمرة"
    return AgreementInput(LABELS, (
        AgreementArticle("x1", "one", text, {"ali": (S(0, 3, "actor"), S(4, 10, "actor")),
                                             "sara": (S(4, 10, "actor"), S(11, 13, "demand"))}),
        AgreementArticle("x2", "two", text, {"ali": (S(14, 23, "demand"),),
                                             "omar": (S(14, 20, "demand"),),
                                             "sara": (S(14, 23, "denial"),)}),
    ))


def test_no_measure_is_nan_zero_or_one_when_undefined() -> None:
    report = build_report(sample())
    document = report_to_json(report)
    text = json.dumps(document)
    assert "NaN" not in text and "Infinity" not in text
    # Nobody marked "denial" on x1: every character is 0 for both annotators, so α and F1 are undefined.
    x1_denial = document["per_article"][0]["per_label"]["denial"]
    assert x1_denial["alpha_char"] is None
    assert "no variation" in x1_denial["reasons"]["alpha_char"]
    assert x1_denial["f1_exact"] is None and x1_denial["reasons"]["f1_exact"]


def test_empty_input_gives_nulls_with_reasons() -> None:
    report = build_report(AgreementInput(LABELS, ()))
    for measure in ("alpha_char", "alpha_u", "kappa_mean", "f1_exact", "f1_overlap"):
        assert report.overall.value(measure) is None
        assert report.overall.reasons[measure]
    assert "No article counts" in report_to_text(report)


def test_progress_reports_every_step_up_to_total() -> None:
    calls: list[tuple[int, int]] = []
    build_report(sample(), progress=lambda done, total: calls.append((done, total)))
    assert [d for d, _ in calls] == list(range(1, len(calls) + 1))
    assert calls[-1][0] == calls[-1][1]


def test_alpha_u_uses_only_articles_every_annotator_finished_and_says_so() -> None:
    report = build_report(sample())
    assert any("alpha_u uses the 1 of 2 articles" in note for note in report.notes)
    pair = next(p for p in report.pairs if (p.a, p.b) == ("ali", "omar"))
    assert pair.scores.n_articles == 1


def test_per_article_annotators_and_span_counts_for_the_dashboard() -> None:
    article = build_report(sample()).articles[1]
    assert article.annotators == ("ali", "omar", "sara")
    assert dict(article.span_counts) == {"ali": 1, "omar": 1, "sara": 1}


def test_table_lists_overall_labels_pairs_and_lowest_articles() -> None:
    text = report_to_text(build_report(sample()))
    for expected in ("overall", "actor", "ali / sara", "Lowest agreement", "x1", "x2"):
        assert expected in text


def test_csv_rows_cover_every_scope_and_leave_undefined_values_empty() -> None:
    rows = list(csv_rows(build_report(sample())))
    assert {r[0] for r in rows} == {"overall", "article", "pair"}
    assert ("overall", "", "", "alpha_char") in {r[:4] for r in rows}
    assert all((r[4] == "") == bool(r[5]) for r in rows)
    assert all(r[4] == "" or math.isfinite(float(r[4])) for r in rows)


def test_article_of_only_white_space_gives_nulls_not_errors() -> None:
    blank = AgreementArticle("b", "blank", " \n\t ", {"ali": (S(0, 2, "actor"),), "sara": ()})
    same = (S(0, 3, "actor"),)
    normal = AgreementArticle("n", "normal", "abc def", {"ali": same, "sara": same})
    report = build_report(AgreementInput(LABELS, (blank, normal)))
    first = report.articles[0].scores
    assert first.alpha_char is None and "no character" in first.reasons["alpha_char"]
    assert report.articles[1].scores.f1_exact == 1.0
