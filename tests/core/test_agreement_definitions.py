"""Figures that cannot mislead (issue 17, item 9): an unused label leaves pooled figures alone, AC1 is
undefined where nothing was marked, one article has no interval, and no figure reads ``-0.00``.

References are computed here independently: the ``krippendorff`` package on character matrices built
the obvious way, and Gwet's AC1 from its published formula."""

from __future__ import annotations

import json
import re

import krippendorff
import numpy as np
import pytest

from annotator.core.agreement.data import AgreementArticle, AgreementInput
from annotator.core.agreement.render import csv_rows, report_to_json, report_to_text
from annotator.core.agreement.report import build_report
from annotator.core.model import SpanRef
from tests.core.test_agreement_characters import LABELS, NAMES, char_matrix, random_corpus


def with_unused_label(data: AgreementInput) -> AgreementInput:
    return AgreementInput((*data.labels, "unused_label"), data.articles)


def used_labels(data: AgreementInput) -> list[str]:
    return sorted({s.label for a in data.articles for spans in a.spans.values() for s in spans})


def gwet_ac1_binary(matrix: np.ndarray) -> float:
    """Gwet's AC1 for two or more raters over 1/0 items (rows raters, NaN missing), from Gwet (2008):
    pa over items rated by two or more, pe = 2·π(1−π) for two categories."""
    agreements, pi_sum, items = [], [], 0
    for column in matrix.T:
        ratings = column[~np.isnan(column)]
        if len(ratings) < 2:
            continue
        items += 1
        ones = ratings.sum()
        zeros = len(ratings) - ones
        agreements.append((ones * (ones - 1) + zeros * (zeros - 1)) / (len(ratings) * (len(ratings) - 1)))
        pi_sum.append(ones / len(ratings))
    pa = float(np.mean(agreements))
    pi = float(np.mean(pi_sum))
    pe = 2 * pi * (1 - pi)
    return (pa - pe) / (1 - pe)


@pytest.mark.parametrize("seed", range(6))
def test_a_label_nobody_used_leaves_pooled_alpha_equal_to_krippendorff_over_used_labels(seed: int) -> None:
    data = random_corpus(np.random.default_rng(seed))
    plain, padded = build_report(data), build_report(with_unused_label(data))
    used = used_labels(data)
    expected = krippendorff.alpha(np.concatenate([char_matrix(data, label) for label in used], axis=1),
                                  level_of_measurement="nominal", value_domain=[0.0, 1.0])
    assert padded.overall.alpha_char == pytest.approx(expected, abs=1e-9)
    assert padded.overall.alpha_char == pytest.approx(plain.overall.alpha_char, abs=1e-12)
    assert list(report_to_json(padded)["pooled_labels"]) == used


def test_a_label_nobody_used_leaves_pooled_ac1_alone_and_equal_to_gwets_formula() -> None:
    data = random_corpus(np.random.default_rng(11), missing=False)
    padded = build_report(with_unused_label(data))
    used = used_labels(data)
    expected = gwet_ac1_binary(np.concatenate([char_matrix(data, label) for label in used], axis=1))
    assert padded.overall.ac1 == pytest.approx(expected, abs=1e-9)
    assert padded.overall.ac1 == pytest.approx(build_report(data).overall.ac1, abs=1e-12)


def test_the_report_names_the_labels_left_out_of_the_pool() -> None:
    data = random_corpus(np.random.default_rng(3))
    text = report_to_text(build_report(with_unused_label(data)))
    assert "unused_label" in text.split("not used, left out:")[1].splitlines()[0]


def test_ac1_is_undefined_with_a_reason_where_nothing_was_marked() -> None:
    text = "قال الوزير إن المفاوضات مستمرة"
    data = AgreementInput(LABELS, (AgreementArticle("x", "t", text, {name: () for name in NAMES}),))
    document = report_to_json(build_report(data))
    assert document["overall"]["ac1"] is None
    assert "nothing was marked" in document["overall"]["reasons"]["ac1"]


def test_one_article_gets_no_interval_but_a_reason() -> None:
    data = random_corpus(np.random.default_rng(5), articles=1, missing=False)
    document = report_to_json(build_report(data, bootstrap=200, seed=0))
    overall = document["overall"]
    assert overall["alpha_char_ci_low"] is None and overall["alpha_char_ci_high"] is None
    assert "two" in overall["reasons"]["alpha_char_ci"]
    two = random_corpus(np.random.default_rng(5), articles=4, missing=False)
    four = report_to_json(build_report(two, bootstrap=200, seed=0))["overall"]
    assert four["alpha_char_ci_low"] is not None


@pytest.mark.parametrize("seed", range(10))
def test_no_figure_is_written_as_negative_zero(seed: int) -> None:
    report = build_report(random_corpus(np.random.default_rng(seed)), bootstrap=50, seed=seed)
    text = report_to_text(report)
    rows = "\n".join(",".join(str(cell) for cell in row) for row in csv_rows(report))
    negative_zero = re.compile(r"-0(\.0+)?(?![\d.])")  # -0, -0.0, -0.000 — not -0.005
    for written in (text, rows, json.dumps(report_to_json(report))):
        assert negative_zero.search(written) is None


def test_spans_that_differ_only_by_white_space_are_the_same_span() -> None:
    text = "قال الوزير إن المفاوضات"
    data = AgreementInput(LABELS, (AgreementArticle("x", "t", text, {
        "ali": (SpanRef(4, 10, "actor"),), "sara": (SpanRef(3, 11, "actor"),)}),))
    overall = build_report(data).overall
    assert overall.f1_exact == 1.0
