"""Relation F1 against a brute-force matcher written here, on random work (hypothesis), and the cases a
reviewer would check by hand: identical work, reversed undirected relations, shifted ends, none at all."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.agreement.data import AgreementArticle, AgreementInput, StructureCodebook
from annotator.core.agreement.relations import NO_RELATION_TYPES, NO_RELATIONS
from annotator.core.agreement.render import csv_rows, report_to_json
from annotator.core.agreement.report import build_report
from annotator.core.model import SpanRef
from annotator.core.structure import RelationRef, RelationType, StructuredCoding

LABELS = ("actor", "demand")
TYPES = (RelationType("claims", "#000", directed=True), RelationType("allied", "#111", directed=False))
CODEBOOK = StructureCodebook(relation_types=TYPES)
TEXT = "قالالوزير𝐀إنالمفاوضاتستستأنف"  # no white space: offsets are the continuum's


def article(article_id: str, work: dict[str, tuple[list[SpanRef], list[RelationRef]]],
            text: str = TEXT) -> AgreementArticle:
    return AgreementArticle(
        article_id, article_id, text,
        {name: tuple(sorted(set(spans))) for name, (spans, _) in work.items()},
        {name: StructuredCoding(relations=frozenset(relations)) for name, (_, relations) in work.items()})


def corpus(*articles: AgreementArticle, codebook: StructureCodebook = CODEBOOK) -> AgreementInput:
    return AgreementInput(LABELS, articles, codebook=codebook)


# -- the brute-force reference --------------------------------------------------------------------

def canonical(relation: RelationRef) -> tuple:
    ends = (relation.head, relation.child)
    directed = next(t.directed for t in TYPES if t.name == relation.type)
    return (relation.type, ends if directed else tuple(sorted(ends)))


def all_maximum_matchings(spans_a: list[SpanRef], spans_b: list[SpanRef]) -> list[dict[SpanRef, SpanRef]]:
    """Every one-to-one matching of same-label overlapping spans with the most pairs, by enumeration."""
    found: list[dict[SpanRef, SpanRef]] = []

    def extend(i: int, used: frozenset, chosen: dict) -> None:
        if i == len(spans_a):
            found.append(dict(chosen))
            return
        extend(i + 1, used, chosen)
        a = spans_a[i]
        for b in spans_b:
            if b not in used and b.label == a.label and a.start < b.end and b.start < a.end:
                chosen[a] = b
                extend(i + 1, used | {b}, chosen)
                del chosen[a]

    extend(0, frozenset(), {})
    best = max(len(m) for m in found)
    return [m for m in found if len(m) == best]


def matched_relations(relations_a: set[RelationRef], relations_b: set[RelationRef],
                      partner: dict[SpanRef, SpanRef]) -> int:
    theirs = {canonical(r) for r in relations_b}
    mine = {canonical(r) for r in relations_a}
    count = 0
    for kind, ends in mine:
        if all(end in partner for end in ends):
            mapped = RelationRef(partner[ends[0]], partner[ends[1]], kind)
            count += canonical(mapped) in theirs
    return count


def relation_count(relations: set[RelationRef]) -> int:
    return len({canonical(r) for r in relations})


# -- random work ----------------------------------------------------------------------------------

@st.composite
def annotator_work(draw: st.DrawFn) -> tuple[list[SpanRef], list[RelationRef]]:
    spans = draw(st.lists(st.builds(
        lambda s, n, label: SpanRef(s, min(len(TEXT), s + n), label),
        st.integers(0, len(TEXT) - 1), st.integers(1, 8), st.sampled_from(LABELS)), max_size=4, unique=True))
    relations = []
    if len(spans) >= 2:
        pairs = list(itertools.permutations(spans, 2))
        chosen = draw(st.lists(st.tuples(st.sampled_from(pairs), st.sampled_from(TYPES)), max_size=5))
        relations = [RelationRef(h, c, t.name) for (h, c), t in chosen]
    return spans, relations


@settings(max_examples=60, deadline=None)
@given(st.lists(st.fixed_dictionaries({"ali": annotator_work(), "sara": annotator_work()}),
                min_size=1, max_size=3))
def test_pair_relation_f1_equals_a_brute_force_matcher(works: list[dict]) -> None:
    report = build_report(corpus(*(article(f"a{i}", work) for i, work in enumerate(works))))
    [pair] = report.pairs
    matches_exact = 0
    possible_overlap = {0}
    total = 0
    for work in works:
        (spans_a, rel_a), (spans_b, rel_b) = work["ali"], work["sara"]
        set_a, set_b = set(rel_a), set(rel_b)
        total += relation_count(set_a) + relation_count(set_b)
        matches_exact += matched_relations(set_a, set_b, {s: s for s in spans_b})
        counts = {matched_relations(set_a, set_b, m) for m in all_maximum_matchings(sorted(set(spans_a)),
                                                                                    sorted(set(spans_b)))}
        possible_overlap = {x + y for x in possible_overlap for y in counts}
    if total == 0:
        assert pair.scores.relation_f1_exact is None and pair.scores.relation_f1_overlap is None
        assert pair.scores.reasons["relation_f1_exact"] == NO_RELATIONS
        return
    assert pair.scores.relation_f1_exact == pytest.approx(2 * matches_exact / total, abs=1e-12)
    assert report.overall.relation_f1_exact == pair.scores.relation_f1_exact  # one pair: the same
    overlap = pair.scores.relation_f1_overlap
    assert any(overlap == pytest.approx(2 * m / total, abs=1e-12) for m in possible_overlap)
    if len(possible_overlap) == 1:  # the maximum matching decides no relation: one answer
        assert overlap == pytest.approx(2 * possible_overlap.pop() / total, abs=1e-12)


# -- the cases a reviewer checks by hand --------------------------------------------------------------

ACTOR, DEMAND, OTHER = SpanRef(0, 3, "actor"), SpanRef(5, 9, "demand"), SpanRef(12, 20, "actor")


def test_identical_work_gives_one_in_both_modes_and_every_scope() -> None:
    work = ([ACTOR, DEMAND, OTHER],
            [RelationRef(ACTOR, DEMAND, "claims"), RelationRef(OTHER, ACTOR, "allied")])
    report = build_report(corpus(article("a1", {"ali": work, "omar": work, "sara": work}),
                                 article("a2", {"ali": work, "sara": work})))
    for scores in (report.overall, *report.per_relation_type.values(), *(p.scores for p in report.pairs),
                   *(a.scores for a in report.articles)):
        assert scores.relation_f1_exact == 1.0 and scores.relation_f1_overlap == 1.0


def test_undirected_relations_match_either_way_round_directed_do_not() -> None:
    report = build_report(corpus(article("a1", {
        "ali": ([ACTOR, DEMAND, OTHER],
                [RelationRef(ACTOR, DEMAND, "claims"), RelationRef(ACTOR, OTHER, "allied")]),
        "sara": ([ACTOR, DEMAND, OTHER],
                 [RelationRef(DEMAND, ACTOR, "claims"), RelationRef(OTHER, ACTOR, "allied")]),
    })))
    assert report.per_relation_type["allied"].relation_f1_exact == 1.0
    assert report.per_relation_type["claims"].relation_f1_exact == 0.0
    assert report.overall.relation_f1_exact == 0.5


def test_shifted_ends_match_by_overlap_only_and_other_type_never() -> None:
    shifted = SpanRef(1, 4, "actor")
    report = build_report(corpus(article("a1", {
        "ali": ([ACTOR, DEMAND], [RelationRef(ACTOR, DEMAND, "claims")]),
        "sara": ([shifted, DEMAND],
                 [RelationRef(shifted, DEMAND, "claims"), RelationRef(shifted, DEMAND, "allied")]),
    })))
    assert report.overall.relation_f1_exact == 0.0
    assert report.overall.relation_f1_overlap == pytest.approx(2 * 1 / 3)
    assert report.per_relation_type["allied"].relation_f1_overlap == 0.0


def test_relations_differing_only_by_white_space_at_an_end_are_the_same() -> None:
    text = "قال الوزير إن المفاوضات"
    head, head_space, child = SpanRef(0, 3, "actor"), SpanRef(0, 4, "actor"), SpanRef(4, 10, "demand")
    report = build_report(corpus(article("a1", {
        "ali": ([head, child], [RelationRef(head, child, "claims")]),
        "sara": ([head_space, child], [RelationRef(head_space, child, "claims")]),
    }, text)))
    assert report.overall.relation_f1_exact == 1.0


def test_no_relations_at_all_is_null_with_a_reason_never_one_or_zero() -> None:
    work = ([ACTOR, DEMAND], [])
    report = build_report(corpus(article("a1", {"ali": work, "sara": work})))
    data = report_to_json(report)
    for scope in (data["overall"], data["pairs"][0], data["per_article"][0],
                  data["per_relation_type"]["claims"]):
        assert scope["relation_f1_exact"] is None and scope["relation_f1_overlap"] is None
        assert scope["reasons"]["relation_f1_overlap"] == NO_RELATIONS
    without_types = build_report(corpus(article("a1", {"ali": work, "sara": work}),
                                        codebook=StructureCodebook()))
    assert without_types.overall.reasons["relation_f1_exact"] == NO_RELATION_TYPES
    assert report_to_json(without_types)["per_relation_type"] == {}


def test_json_and_csv_carry_relation_f1_beside_the_span_measures_with_intervals() -> None:
    work_a = ([ACTOR, DEMAND, OTHER],
              [RelationRef(ACTOR, DEMAND, "claims"), RelationRef(OTHER, DEMAND, "claims")])
    work_b = ([ACTOR, DEMAND, OTHER], [RelationRef(ACTOR, DEMAND, "claims")])
    report = build_report(corpus(*(article(f"a{i}", {"ali": work_a, "sara": work_b}) for i in range(4))),
                          bootstrap=200, seed=1)
    data = report_to_json(report)
    assert data["overall"]["f1_exact"] == 1.0 and data["overall"]["relation_f1_exact"] == pytest.approx(2 / 3)
    assert data["overall"]["relation_f1_exact_ci_low"] == pytest.approx(2 / 3)  # every article alike
    assert data["pairs"][0]["per_relation_type"]["claims"]["relation_f1_overlap"] == pytest.approx(2 / 3)
    allied = data["per_article"][0]["per_relation_type"]["allied"]
    assert allied["reasons"]["relation_f1_exact"] == NO_RELATIONS
    rows = {row[:4]: row[4] for row in csv_rows(report)}
    claims, pooled = ("overall", "", "claims", "relation_f1_exact"), ("overall", "", "", "relation_f1_exact")
    assert rows[claims] == rows[pooled]
    assert ("pair", "ali|sara", "", "relation_f1_overlap_ci_high") in rows
    assert ("article", "a0", "claims", "relation_f1_overlap") in rows
