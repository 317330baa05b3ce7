"""Span attribute agreement against the krippendorff package and scikit-learn on tables built here."""

from __future__ import annotations

import krippendorff
import numpy as np
import pytest
from sklearn.metrics import cohen_kappa_score

from annotator.core.agreement.attributes import NO_ATTRIBUTES, NOT_SET
from annotator.core.agreement.data import AgreementArticle, AgreementInput, StructureCodebook
from annotator.core.agreement.render import csv_rows, report_to_json
from annotator.core.agreement.report import build_report
from annotator.core.model import SpanRef
from annotator.core.structure import AttributeDefinition, AttributeKind, StructuredCoding

ROLE = AttributeDefinition("actor", "role", AttributeKind.CHOICE, ("leader", "spokesman"))
NAMES = ("ali", "omar", "sara")
TEXT = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي" * 4


def corpus(seed: int, shift: bool = False) -> tuple[AgreementInput, list[list[str]]]:
    """Ten actor spans per article all three mark (sara one character longer with ``shift``)."""
    rng = np.random.default_rng(seed)
    articles, table = [], []
    for i in range(3):
        spans = {name: [] for name in NAMES}
        codings = {name: set() for name in NAMES}
        for k in range(10):
            unit = []
            for name in NAMES:
                ref = SpanRef(k * 10, k * 10 + 5 + (shift and name == "sara"), "actor")
                spans[name].append(ref)
                value = str(rng.choice(["leader", "spokesman", ""]))
                if value:
                    codings[name].add((ref, "role", value))
                unit.append(value or NOT_SET)
            table.append(unit)
        coded = {n: StructuredCoding(attributes=frozenset(c)) for n, c in codings.items()}
        articles.append(AgreementArticle(f"a{i}", "", TEXT, {n: tuple(s) for n, s in spans.items()}, coded))
    data = AgreementInput(("actor",), tuple(articles), codebook=StructureCodebook(attributes=(ROLE,)))
    return data, table


@pytest.mark.parametrize("shift", [False, True])
def test_alpha_and_pair_kappa_equal_krippendorff_and_sklearn(shift: bool) -> None:
    data, table = corpus(4, shift)
    result = report_to_json(build_report(data))["attributes"]
    assert "do not count" in result["note"]
    categories = sorted({v for unit in table for v in unit})
    matrix = np.array([[categories.index(unit[a]) for unit in table] for a in range(3)], dtype=float)
    expected = krippendorff.alpha(matrix, level_of_measurement="nominal")
    modes = ("overlap",) if shift else ("exact", "overlap")
    role = result["per_attribute"]["actor.role"]
    for mode in modes:
        assert role[mode]["n_spans"] == 30
        assert role[mode]["alpha"] == pytest.approx(expected, abs=1e-12)
        for pair in role[mode]["pairs"]:
            a, b = NAMES.index(pair["a"]), NAMES.index(pair["b"])
            assert pair["kappa"] == pytest.approx(cohen_kappa_score(matrix[a], matrix[b]), abs=1e-12)
    rows = {row[:4]: row[4] for row in csv_rows(build_report(data))}
    assert float(rows[("overall", "", "actor.role", "attribute_alpha_overlap")]) == pytest.approx(expected)
    assert rows[("overall", "", "actor.role", "attribute_n_spans_overlap")] == "30"
    assert ("pair", "ali|omar", "actor.role", "attribute_kappa_exact") in rows
    if shift:  # sara's spans match no one exactly: only ali and omar's spans are units there
        assert role["exact"]["n_spans"] == 30 and role["exact"]["pairs"][1]["n_spans"] == 0


def test_no_attributes_is_null_with_reason() -> None:
    data, _ = corpus(1)
    plain = AgreementInput(data.labels, data.articles)
    assert report_to_json(build_report(plain))["attributes"]["reason"] == NO_ATTRIBUTES
