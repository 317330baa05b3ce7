"""α_u against DKPro Agreement's own unit tests, and the closed form against a literal port of DKPro's walk.

Reference values: dkpro/dkpro-statistics, dkpro-statistics-agreement/src/test/java/org/dkpro/
statistics/agreement/unitizing/{Krippendorff2004Test,Krippendorff1995Test,UnitizingAgreementTest}.java
(same tolerances as there).
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.agreement.unitizing import (
    category_alpha,
    measure_distance,
    overall_alpha,
    unitizing_disagreement,
)

# Krippendorff (2004: p. 254), as in Krippendorff2004Test.createExample: (begin, length, rater, category).
K2004 = [(225, 70, 0, "c"), (370, 30, 0, "c"), (220, 80, 1, "c"), (355, 20, 1, "c"), (400, 20, 1, "c"),
         (180, 60, 0, "k"), (300, 50, 0, "k"), (180, 60, 1, "k"), (300, 50, 1, "k")]
# Krippendorff (1995: p. 57), as in Krippendorff1995Test.createExample.
K1995 = [(2, 8, 0, "A"), (14, 6, 0, "A"), (4, 4, 1, "A"), (15, 2, 1, "A"),
         (0, 18, 0, "B"), (0, 2, 1, "B"), (2, 1, 1, "B"), (3, 1, 1, "B"), (4, 1, 1, "B"), (5, 1, 1, "B"),
         (6, 3, 1, "B"), (9, 1, 1, "B"),
         (2, 6, 0, "C"), (10, 2, 0, "C"), (14, 4, 0, "C"), (20, 2, 0, "C"), (0, 2, 1, "C"), (4, 4, 1, "C"),
         (10, 4, 1, "C"), (16, 2, 1, "C"), (20, 2, 1, "C"),
         (0, 2, 0, "D"), (2, 8, 0, "D"), (10, 4, 0, "D"), (14, 6, 0, "D"), (20, 4, 0, "D"), (0, 4, 1, "D"),
         (4, 4, 1, "D"), (8, 7, 1, "D"), (15, 2, 1, "D"), (17, 7, 1, "D")]


def study(units, raters: int, begin: int, length: int, categories: list[str]):
    return unitizing_disagreement(
        np.array([u[2] for u in units], dtype=np.int64), np.array([u[0] for u in units], dtype=np.int64),
        np.array([u[0] + u[1] for u in units], dtype=np.int64),
        np.array([categories.index(u[3]) for u in units], dtype=np.int64),
        raters, len(categories), begin, length)


def k1995(stretch: float):
    units = [(int(b * stretch), int(n * stretch), r, c) for b, n, r, c in K1995]
    return study(units, 2, 0, int(24 * stretch), list("ABCD"))


def test_dkpro_distance_metric() -> None:
    d = measure_distance
    assert d(2, 3, None, 2, 2, "X") + d(5, 6, "X", 4, 7, None) == 40.0
    assert d(3, 2, None, 3, 2, "X") + d(5, 6, "X", 5, 6, None) == 40.0
    assert [d(5, 6, "X", b, n, "X") for b, n in [(4, 2), (5, 2), (6, 2), (7, 2), (6, 4), (5, 6)]] == [
        26.0, 16.0, 10.0, 8.0, 2.0, 0.0]
    assert d(225, 70, "c", 220, 80, "c") == 50.0
    assert d(370, 30, "c", 355, 20, "c") == 850.0
    assert d(400, 50, None, 400, 20, "c") == 400.0
    assert d(1, 8, "A", 2, 1, "A") == 37.0
    assert d(1, 8, "A", 4, 1, "A") == 25.0
    assert d(1, 8, "A", 6, 1, "A") == 29.0
    assert d(1, 8, "A", 3, 1, None) == d(0, 1, None, 0, 2, None) == d(9, 2, None, 7, 4, None) == 0.0


def test_krippendorff_2004_example_matches_dkpro() -> None:
    result = study(K2004, 2, 150, 300, ["c", "k"])
    assert overall_alpha(result)[0] == pytest.approx(0.8591, abs=0.0005)
    assert result.observed[0] == pytest.approx(0.0144, abs=0.0001)
    assert result.expected[0] == pytest.approx(0.0532, abs=0.0001)
    assert category_alpha(result, 0)[0] == pytest.approx(0.7286, abs=0.0001)
    assert result.observed[1] == pytest.approx(0.0, abs=0.0001)
    assert result.expected[1] == pytest.approx(0.0490, abs=0.0001)
    assert category_alpha(result, 1)[0] == pytest.approx(1.0, abs=0.0001)


def test_krippendorff_1995_example_matches_dkpro() -> None:
    observed = k1995(1).observed
    assert observed == pytest.approx([0.03125, 2.26736, 0.02777, 0.38715], abs=0.00001)
    result = k1995(1200000 / 24)
    assert result.expected == pytest.approx([0.06990, 1.17731, 0.08642, 0.41445], abs=0.005)
    alphas = [category_alpha(result, c)[0] for c in range(4)]
    assert alphas == pytest.approx([0.553, -0.926, 0.679, 0.066], abs=0.02)


@pytest.mark.parametrize(("stretch", "expected", "tolerance", "alpha"), [
    (12 / 24, 0.05494, 0.00001, 0.494), (120 / 24, 0.08234, 0.005, 0.663), (1200 / 24, 0.08600, 0.005, 0.677),
    (12000 / 24, 0.08638, 0.005, 0.678), (120000 / 24, 0.08642, 0.005, 0.679),
])
def test_krippendorff_1995_varying_lengths_match_dkpro(stretch, expected, tolerance, alpha) -> None:
    result = k1995(stretch)
    assert result.observed[2] == pytest.approx(0.02777, abs=0.00001)
    assert result.expected[2] == pytest.approx(expected, abs=tolerance)
    assert category_alpha(result, 2)[0] == pytest.approx(alpha, abs=0.02)


def test_unitizing_agreement_test_example_matches_dkpro() -> None:
    result = study([(1, 8, 0, "A"), (2, 1, 1, "A"), (4, 1, 1, "A"), (6, 1, 1, "A")], 2, 0, 10, ["A"])
    assert result.observed[0] == pytest.approx(0.9100, abs=0.0001)
    assert result.expected[0] == pytest.approx(0.5351, abs=0.0001)
    assert category_alpha(result, 0)[0] == pytest.approx(-0.7003, abs=0.0001)


def test_single_unit_gives_zero_like_dkpro() -> None:
    assert overall_alpha(study([(0, 1, 0, "X")], 3, 0, 20, ["X"])) == (0.0, "")


def test_no_units_is_undefined_with_reason_where_dkpro_gives_nan() -> None:
    alpha, reason = overall_alpha(study([], 3, 0, 20, ["X"]))
    assert alpha is None and reason


def test_full_agreement_gives_one_like_dkpro() -> None:
    result = study([(2, 5, 0, "A"), (2, 5, 1, "A")], 2, 0, 15, ["A"])
    assert result.observed[0] == 0.0 and result.expected[0] > 0
    assert overall_alpha(result) == (1.0, "")


def dkpro_walk(units, raters: int, begin: int, length: int, category: str) -> tuple[float, float]:
    """A line-by-line port of DKPro's calculateObserved/ExpectedCategoryDisagreement (their loop over
    the continuum), used only to check the closed forms in unitizing.py."""
    ordered = sorted((u for u in units if u[3] == category), key=lambda u: (u[0], u[1], u[2]))

    def walk(rater):
        return iter([u for u in ordered if u[2] == rater])

    total = 0.0
    for r1 in range(raters):
        for r2 in range(r1 + 1, raters):
            it1, it2 = walk(r1), walk(r2)
            next1, next2 = next(it1, None), next(it2, None)
            off1 = off2 = begin
            len1 = len2 = 0
            cat1 = cat2 = None
            pos = begin
            while pos < begin + length and (next1 is not None or next2 is not None):
                if pos == off1 + len1:
                    if next1 is not None and pos == next1[0]:
                        len1, cat1 = next1[1], next1[3]
                        next1 = next(it1, None)
                    else:
                        len1 = (next1[0] if next1 is not None else begin + length) - pos
                        cat1 = None
                    off1 = pos
                if pos == off2 + len2:
                    if next2 is not None and pos == next2[0]:
                        len2, cat2 = next2[1], next2[3]
                        next2 = next(it2, None)
                    else:
                        len2 = (next2[0] if next2 is not None else begin + length) - pos
                        cat2 = None
                    off2 = pos
                total += measure_distance(off1, len1, cat1, off2, len2, cat2)
                pos = min(off1 + len1, off2 + len2)
    observed = 2.0 * total / (raters * (raters - 1) * length * length)
    gaps = []
    for r in range(raters):
        cursor = begin
        for u in (u for u in ordered if u[2] == r):
            if u[0] > cursor:
                gaps.append(u[0] - cursor)
            cursor = u[0] + u[1]
        if begin + length > cursor:
            gaps.append(begin + length - cursor)
    n_c = len(ordered)
    result = 0
    for u in ordered:
        n = u[1]
        result += (n_c - 1) * (2 * n**3 - 3 * n**2 + n) // 3 + n * n * sum(g - n + 1 for g in gaps if g >= n)
    squared = sum(u[1] * (u[1] - 1) for u in ordered)
    expected = result * 2 / length / (raters * length * (raters * length - 1) - squared)
    return observed, expected


@st.composite
def disjoint_units(draw: st.DrawFn):
    """Units per rater and category that do not overlap (DKPro's precondition), on a continuum."""
    length = draw(st.integers(10, 80))
    raters = draw(st.integers(2, 4))
    units = []
    for rater in range(raters):
        for category in "XY":
            cuts = sorted(draw(st.lists(st.integers(0, length), max_size=8, unique=True)))
            for a, b in zip(cuts[::2], cuts[1::2], strict=False):
                units.append((a, b - a, rater, category))
    return units, raters, length


@settings(max_examples=60, deadline=None)
@given(disjoint_units())
def test_closed_form_equals_dkpro_walk(case) -> None:
    units, raters, length = case
    result = study(units, raters, 0, length, ["X", "Y"])
    for c, category in enumerate("XY"):
        if result.units[c] == 0:
            continue
        observed, expected = dkpro_walk(units, raters, 0, length, category)
        assert result.observed[c] == pytest.approx(observed, rel=1e-12, abs=1e-15)
        assert result.expected[c] == pytest.approx(expected, rel=1e-12, abs=1e-15)


def test_overlapping_units_of_one_rater_are_merged_into_their_union() -> None:
    nested = study([(0, 10, 0, "A"), (2, 3, 0, "A"), (8, 6, 0, "A"), (0, 14, 1, "A")], 2, 0, 20, ["A"])
    union = study([(0, 14, 0, "A"), (0, 14, 1, "A")], 2, 0, 20, ["A"])
    assert nested == union


def test_report_alpha_u_concatenates_articles_by_code_point_length() -> None:
    from annotator.core.agreement.data import AgreementArticle, AgreementInput
    from annotator.core.agreement.report import build_report
    from annotator.core.model import SpanRef as S

    first, second = "ب" * 30, "ت" * 25
    articles = (
        AgreementArticle("d1", "t", first, {"r0": (S(2, 9, "X"), S(12, 20, "X")), "r1": (S(3, 9, "X"),)}),
        AgreementArticle("d2", "t", second, {"r0": (S(0, 5, "X"),), "r1": (S(1, 5, "X"), S(10, 24, "X"))}),
    )
    report = build_report(AgreementInput(("X",), articles))
    # second article starts at 30: (begin, length, rater, category) on the joined continuum of 55
    units = [(2, 7, 0, "X"), (12, 8, 0, "X"), (3, 6, 1, "X"),
             (30, 5, 0, "X"), (31, 4, 1, "X"), (40, 14, 1, "X")]
    observed, expected = dkpro_walk(units, 2, 0, 55, "X")
    assert report.overall.alpha_u == pytest.approx(1 - observed / expected, abs=1e-12)
    assert report.pairs[0].scores.alpha_u == pytest.approx(1 - observed / expected, abs=1e-12)


@pytest.mark.parametrize("seed", range(4))
def test_per_article_blocks_equal_one_study_per_article(seed: int) -> None:
    """block_disagreement (all articles at once) against unitizing_disagreement run on each article
    alone with only the raters present there."""
    from annotator.core.agreement.unitizing import block_disagreement

    rng = np.random.default_rng(seed)
    for _ in range(25):
        blocks, raters, categories = int(rng.integers(1, 5)), int(rng.integers(2, 4)), 2
        lengths = rng.integers(5, 60, blocks)
        present = rng.random((raters, blocks)) < 0.8
        rows = [(r, s, int(rng.integers(s + 1, lengths[b] + 1)), int(rng.integers(0, categories)), b)
                for b in range(blocks) for r in range(raters) if present[r, b]
                for s in rng.integers(0, lengths[b] - 1, int(rng.integers(0, 6))).tolist()]
        table = np.array(rows, dtype=np.int64).reshape(-1, 5)
        result = block_disagreement(table[:, 0], table[:, 1], table[:, 2], table[:, 3], table[:, 4], present,
                                    lengths, categories)
        for b in range(blocks):
            here = np.flatnonzero(present[:, b])
            index = np.full(raters, -1)
            index[here] = np.arange(len(here))
            rows_b = table[:, 4] == b
            alone = unitizing_disagreement(index[table[rows_b, 0]], table[rows_b, 1], table[rows_b, 2],
                                           table[rows_b, 3], len(here), categories, 0, int(lengths[b]))
            for c in range(categories):
                assert result.units[c, b] == alone.units[c]
                if alone.units[c] and len(here) >= 2:
                    assert result.observed[c, b] == pytest.approx(alone.observed[c], rel=1e-12)
                    assert result.expected[c, b] == pytest.approx(alone.expected[c], rel=1e-12)
