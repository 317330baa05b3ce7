"""Settling an article's gold with its relations, attribute values and answers: the same decisions
combine in any order (each kept as decided first), different ones conflict unless prefer newer, and
the reviewer's team file carries them through its bytes and back, refusing a malformed row."""

from __future__ import annotations

import hashlib
import itertools
import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.errors import InputError
from annotator.core.formats.pack import Pack
from annotator.core.formats.team_file import Role, TeamFile, read_team_file, team_file_bytes
from annotator.core.merging import GoldStructure, GoldWork, PairConflict, settle_gold
from annotator.core.model import ArticleRecord, GoldStatus, Label, SpanRef
from annotator.core.structure import ArticleQuestion, CodebookSchema, QuestionKind, RelationRef, RelationType

TEXT = "قالت إيران إن قطر تطالب بالحوار."
IRAN, DEMAND = SpanRef(5, 10, "actor"), SpanRef(18, 31, "demand")
CLAIMS = RelationRef(IRAN, DEMAND, "claims")
times = st.sampled_from(["2026-01-01", "2026-01-02", "2026-01-03"])


def gold(structure: GoldStructure, at: str = "2026-01-01") -> GoldWork:
    return GoldWork({IRAN: ("rana", at, "curated"), DEMAND: ("rana", at, "auto")}, {}, GoldStatus.CURATED,
                    at, structure)


@st.composite
def same_decisions(draw) -> GoldWork:
    """The same structured gold, decided by different people at different times."""
    who, at = draw(st.sampled_from(["rana", "samir"])), draw(times)
    return gold(GoldStructure(
        relations={CLAIMS: (who, draw(times), "curated")},
        attributes={(IRAN, "canonical"): ("إيران", who, draw(times), "auto")},
        answers={"topics": (tuple(draw(st.permutations(["gaza", "talks"]))), who, draw(times), "curated")},
        answer_rejections={("stance", ("against",)): (who, draw(times))},
    ), at)


@settings(max_examples=60, deadline=None)
@given(st.lists(same_decisions(), min_size=2, max_size=3))
def test_the_same_structured_gold_combines_in_any_order_keeping_each_first_decision(items) -> None:
    results = [settle_gold(list(order), prefer_newer=False) for order in itertools.permutations(items)]
    assert all(result == results[0] for result in results)  # who decided, when, the answer's order too
    settled = results[0].structure
    assert settled.relations[CLAIMS][1] == min(w.structure.relations[CLAIMS][1] for w in items)
    assert settle_gold([results[0], *items], prefer_newer=False) == results[0]


def test_different_structured_gold_conflicts_and_prefer_newer_keeps_the_later() -> None:
    older = gold(GoldStructure(attributes={(IRAN, "canonical"): ("إيران", "rana", "2026-01-01", "curated")}))
    newer = gold(GoldStructure(attributes={(IRAN, "canonical"): ("قطر", "samir", "2026-01-02", "curated")}),
                 "2026-01-02")
    with pytest.raises(PairConflict):
        settle_gold([older, newer], prefer_newer=False)
    for order in ([older, newer], [newer, older]):
        assert settle_gold(order, prefer_newer=True).structure == newer.structure


SCHEMA = CodebookSchema(relation_types=(RelationType("claims", "#4e79a7", "", True, ("actor",),
                                                     ("demand",)),),
                        questions=(ArticleQuestion("topics", QuestionKind.MULTIPLE, ("gaza", "talks")),
                                   ArticleQuestion("stance", QuestionKind.SINGLE, ("for", "against"))))


def reviewer_file(tmp_path: Path, work: GoldWork) -> Path:
    record = ArticleRecord(TEXT, "حوار", id="a1")
    team = TeamFile("rana", Role.REVIEWER, 3, Pack(records=[record], labels=[Label("actor", "#000000"),
                                                                           Label("demand", "#111111")],
                                                   schema=SCHEMA), {"a1": work})
    path = tmp_path / "rana.annotator-team"
    path.write_bytes(team_file_bytes(team))
    return path


def test_the_reviewers_file_carries_structured_gold_through_its_bytes(tmp_path: Path) -> None:
    work = gold(GoldStructure(
        relations={CLAIMS: ("rana", "2026-01-01", "curated")},
        relation_rejections={RelationRef(DEMAND, IRAN, "claims"): ("rana", "2026-01-01")},
        answers={"topics": (("talks", "gaza"), "auto", "2026-01-01", "auto")},
        answer_rejections={("stance", ("against",)): ("rana", "2026-01-02")},
    ))
    assert read_team_file(reviewer_file(tmp_path, work)).gold == {"a1": work}


@pytest.mark.parametrize("key, row, reason", [
    ("relations", [0, 5, "claims", "rana", "2026", "curated"], "5 is not the index"),
    ("relations", [0, 1, "claims", "rana", "2026"], "must be [head index"),
    ("relations", [0, 1, "urges", "rana", "2026", "curated"], "relation type 'urges' is not in its codebook"),
    ("answers", [["gaza"], "topics", "rana", "2026", "curated"], "must be [question"),
    ("answers", ["stance", ["maybe"], "rana", "2026", "curated"], "not an option"),
])
def test_a_malformed_structured_gold_row_is_refused_naming_the_line(tmp_path: Path, key, row, reason) -> None:
    path = reviewer_file(tmp_path, gold(GoldStructure()))
    header, _, body = path.read_bytes().partition(b"\n")
    lines = [json.loads(line) for line in body.decode().splitlines()]
    lines[-1][key] = [row]

    body = "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines).encode()
    meta = json.loads(header)
    meta.update(body_bytes=len(body), body_sha256=hashlib.sha256(body).hexdigest())
    path.write_bytes((json.dumps(meta) + "\n").encode() + body)
    with pytest.raises(InputError, match=re.escape(reason)) as caught:
        read_team_file(path)
    assert "line" in str(caught.value)
