"""`adjudicate` on relations, attribute values and article answers, then `export --gold` in every format
that carries them (JSONL in the store tests; brat, the CSV claims and codes tables and spaCy here)."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from annotator.cli.main import main
from tests.helpers.gold_coding import build_coded_project


@pytest.fixture
def db(tmp_path: Path) -> str:
    build_coded_project(tmp_path / "p.sqlite").close()
    return str(tmp_path / "p.sqlite")


def test_adjudicate_lists_the_relations_values_and_answers_left_to_decide(db, capsys) -> None:
    assert main(["--db", db, "adjudicate"]) == 0
    out = capsys.readouterr().out
    assert ("2 relation(s), 1 attribute value(s) and 2 article answer(s) accepted by vote; 1 relation(s), "
            "2 attribute value(s) and 2 article answer(s) left for the curator") in out
    rows = out.splitlines()[1:]
    assert rows == [
        "a1\trelation\tclaims 14-17 actor → 18-31 demand\t1/3\tomar\tقطر → تطالب بالحوار",
        "a1\tattribute\tcanonical=الدوحة on 14-17 actor\t1/3\tsara\tقطر",
        "a1\tattribute\tcanonical=قطر on 14-17 actor\t1/3\tali\tقطر",
        "a1\tanswer\ttone=angry\t1/3\tsara",
        "a1\tanswer\ttone=calm\t1/3\tali",
    ]


def test_adjudicate_json_keeps_its_keys_and_adds_the_structure(db, capsys) -> None:
    assert main(["--db", db, "adjudicate", "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["spans_accepted"] == 3 and shown["undecided"] == [] and shown["summary"]
    assert (shown["relations_accepted"], shown["attributes_accepted"], shown["answers_accepted"]) == (2, 1, 2)
    [relation] = shown["undecided_relations"]
    assert relation["type"] == "claims" and relation["head"]["text"] == "قطر"
    assert relation["annotators"] == ["omar"] and relation["votes"] == "1/3"
    assert [(a["value"], a["annotators"]) for a in shown["undecided_attributes"]] == [
        ("الدوحة", ["sara"]), ("قطر", ["ali"])]
    assert [(a["question"], a["values"]) for a in shown["undecided_answers"]] == [
        ("tone", ["angry"]), ("tone", ["calm"])]


def test_adjudicating_with_one_vote_needed_leaves_the_splits_waiting(db, capsys) -> None:
    assert main(["--db", db, "adjudicate", "--min-votes", "1", "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    # omar's relation goes in on its own vote; two values for one attribute (or answers to one
    # question) cannot both be gold, so both wait; topics had one version only
    assert shown["relations_accepted"] == 3 and shown["undecided_relations"] == []
    assert shown["attributes_accepted"] == 0 and len(shown["undecided_attributes"]) == 4
    assert shown["answers_accepted"] == 1 and len(shown["undecided_answers"]) == 4


def test_gold_brat_export_carries_relations_and_attributes(db, tmp_path: Path) -> None:
    assert main(["--db", db, "adjudicate"]) == 0
    assert main(["--db", db, "export", "--format", "brat", "--gold", "--out", str(tmp_path / "b")]) == 0
    [ann] = (tmp_path / "b").rglob("*.ann")
    lines = ann.read_text(encoding="utf-8").splitlines()
    assert sum(line.startswith("R") for line in lines) == 2
    assert any(line.startswith("A") and "canonical" in line and "إيران" in line for line in lines)


def test_gold_csv_export_writes_the_claims_and_codes_tables(db, tmp_path: Path) -> None:
    assert main(["--db", db, "adjudicate"]) == 0
    assert main(["--db", db, "export", "--format", "csv", "--gold", "--out", str(tmp_path / "g.csv")]) == 0
    claims = list(csv.DictReader((tmp_path / "g.claims.csv").read_text(encoding="utf-8-sig").splitlines()))
    assert sorted(row["relation"] for row in claims) == ["claims", "talks_with"]
    assert {row["annotator"] for row in claims} == {"gold"}
    codes = (tmp_path / "g.codes.csv").read_text(encoding="utf-8-sig")
    assert "stance" in codes and "for" in codes


def test_gold_spacy_export_carries_relations_and_codes(db, tmp_path: Path) -> None:
    spacy = pytest.importorskip("spacy")
    from spacy.tokens import DocBin

    assert main(["--db", db, "adjudicate"]) == 0
    out = str(tmp_path / "g.spacy")
    assert main(["--db", db, "export", "--format", "spacy", "--gold", "--out", out]) == 0
    [doc] = DocBin().from_disk(tmp_path / "g.spacy").get_docs(spacy.blank("ar").vocab)
    assert len(doc.user_data["relations"]) == 2
    assert doc.user_data["codes"]["stance"] == "for"
