"""`agreement --against-gold` on relations, attribute values and article answers: each annotator's
relation F1 (exact and overlap), attribute κ and article-code κ and agreement against gold, computed
pair by pair, in JSON (the span keys kept), CSV and the text table."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sklearn.metrics import cohen_kappa_score

from annotator.cli.main import main
from annotator.core.model import GoldStatus
from annotator.store.gold import Gold
from annotator.store.gold_structure import GoldCoding
from tests.helpers.gold_coding import QATAR, build_coded_project


@pytest.fixture
def db(tmp_path: Path) -> str:
    """Gold after the vote and the curator: claims IRAN→DEMAND and talks_with IRAN–QATAR; IRAN = إيران
    and QATAR = قطر; stance = for, topics = {gaza, talks}, tone = calm. Curated."""
    path = tmp_path / "p.sqlite"
    with build_coded_project(path) as project:
        Gold(project).adjudicate()
        GoldCoding(project).accept_attribute("a1", QATAR, "canonical", "قطر", "lead")
        GoldCoding(project).accept_answer("a1", "tone", ("calm",), "lead")
        Gold(project).set_status("a1", GoldStatus.CURATED)
    return str(path)


def against_gold(db: str, capsys) -> dict[str, dict]:
    assert main(["--db", db, "agreement", "--against-gold", "--json"]) == 0
    return {row["annotator"]: row for row in json.loads(capsys.readouterr().out)["against_gold"]}


def test_relation_f1_against_gold_per_annotator_and_type(db, capsys) -> None:
    rows = against_gold(db, capsys)
    assert set(rows) == {"ali", "omar", "sara"}
    assert rows["ali"]["f1_exact"] == 1.0 and rows["ali"]["n_articles"] == 1  # the span keys stay
    # ali drew both gold relations; sara drew talks_with the other way round (undirected: the same)
    assert rows["ali"]["relations"]["relation_f1_exact"] == 1.0
    assert rows["sara"]["relations"]["relation_f1_exact"] == 1.0
    # omar's one relation (QATAR→DEMAND) is not gold's and shares no end with a gold one of its type
    assert rows["omar"]["relations"]["relation_f1_exact"] == 0.0
    assert rows["omar"]["relations"]["relation_f1_overlap"] == 0.0
    assert rows["ali"]["relations"]["per_relation_type"]["talks_with"]["relation_f1_exact"] == 1.0


def test_attribute_kappa_against_gold_equals_cohens_kappa(db, capsys) -> None:
    rows = against_gold(db, capsys)
    gold = ["إيران", "قطر"]  # IRAN, QATAR
    given = {"ali": ["إيران", "قطر"], "sara": ["إيران", "الدوحة"], "omar": ["قطر", "(not set)"]}
    for name, values in given.items():
        figures = rows[name]["attributes"]["actor.canonical"]["exact"]
        assert figures["n_spans"] == 2
        assert figures["kappa"] == pytest.approx(cohen_kappa_score(values, gold)), name


def test_codes_against_gold_count_where_the_annotator_and_gold_answered(db, capsys) -> None:
    rows = against_gold(db, capsys)
    # omar did not answer tone: ali's and sara's answers to it are still compared with gold's
    assert rows["ali"]["codes"]["tone"]["agreement"] == 1.0 and rows["ali"]["codes"]["tone"]["n_items"] == 1
    assert rows["sara"]["codes"]["tone"]["agreement"] == 0.0
    assert rows["omar"]["codes"]["stance"]["agreement"] == 0.0
    omar_tone = rows["omar"]["codes"]["tone"]
    assert omar_tone["n_items"] == 0 and omar_tone["agreement"] is None
    # topics is multiple choice: one yes/no item per option
    assert rows["sara"]["codes"]["topics"] == {**rows["sara"]["codes"]["topics"], "agreement": 1.0,
                                               "n_items": 2}


def test_csv_and_text_show_the_structured_figures(db, capsys) -> None:
    assert main(["--db", db, "agreement", "--against-gold", "--csv"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert "gold,omar,,relation_f1_exact,0.0000," in lines
    assert "gold,sara,actor.canonical,attribute_kappa_exact,0.3333," in lines
    assert "gold,sara,tone,code_agreement,0.0000," in lines
    assert main(["--db", db, "agreement", "--against-gold"]) == 0
    table = capsys.readouterr().out
    assert "relation type" in table and "actor.canonical" in table and "tone" in table
