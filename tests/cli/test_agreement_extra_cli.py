"""`annotator agreement`: AC1, Fleiss' κ, bootstrap intervals and the γ option in JSON, CSV and text."""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path

import pytest

from .test_agreement_cli import db, run  # noqa: F401  (fixture)


def test_json_gains_ac1_fleiss_and_intervals_beside_each_value(db: Path, capsys) -> None:  # noqa: F811
    code, out, _ = run(capsys, "--db", str(db), "agreement", "--json", "--seed", "3")
    assert code == 0
    report = json.loads(out)
    overall = report["overall"]
    for measure in ("alpha_char", "f1_exact", "f1_overlap", "ac1", "fleiss_kappa", "alpha_u", "kappa_mean"):
        assert measure in overall
    for measure in ("alpha_char", "ac1", "f1_overlap"):
        assert overall[f"{measure}_ci_low"] <= overall[f"{measure}_ci_high"]
    assert "ac1" in report["per_label"]["actor"] and "ac1" in report["pairs"][0]
    assert "fleiss_kappa" in report["per_article"][0]
    assert "gamma" not in overall  # only when asked for


def test_bootstrap_zero_leaves_existing_keys_and_values_unchanged(db: Path, capsys) -> None:  # noqa: F811
    _, plain, _ = run(capsys, "--db", str(db), "agreement", "--json", "--bootstrap", "0")
    _, with_ci, _ = run(capsys, "--db", str(db), "agreement", "--json", "--seed", "1")
    plain_doc, ci_doc = json.loads(plain), json.loads(with_ci)
    assert not any(key.endswith("_ci_low") for key in plain_doc["overall"])
    for key, value in plain_doc["overall"].items():
        assert ci_doc["overall"][key] == value
    assert plain_doc["pairs"] == ci_doc["pairs"]


def test_seed_makes_intervals_repeatable(db: Path, capsys) -> None:  # noqa: F811
    outs = [run(capsys, "--db", str(db), "agreement", "--json", "--bootstrap", "300", "--seed", "9")[1]
            for _ in range(2)]
    assert outs[0] == outs[1]


def test_csv_has_rows_for_ac1_fleiss_and_interval_bounds(db: Path, capsys) -> None:  # noqa: F811
    _, out, _ = run(capsys, "--db", str(db), "agreement", "--csv", "--bootstrap", "200", "--seed", "2")
    rows = list(csv.DictReader(io.StringIO(out)))
    overall = {r["measure"]: r for r in rows if r["scope"] == "overall" and r["label"] == ""}
    for measure in ("ac1", "fleiss_kappa", "alpha_char_ci_low", "alpha_char_ci_high", "ac1_ci_low"):
        assert overall[measure]["value"] != ""
    assert float(overall["ac1_ci_low"]["value"]) <= float(overall["ac1_ci_high"]["value"])


def test_negative_bootstrap_is_refused_by_the_parser(db: Path, capsys) -> None:  # noqa: F811
    with pytest.raises(SystemExit) as exit_:
        run(capsys, "--db", str(db), "agreement", "--bootstrap", "-5")
    assert exit_.value.code == 2
    assert "resamples" in capsys.readouterr().err


def test_gamma_without_the_extra_says_how_to_install_it(db: Path, capsys, monkeypatch) -> None:  # noqa: F811
    monkeypatch.setitem(sys.modules, "pygamma_agreement", None)  # import now raises ImportError
    code, out, err = run(capsys, "--db", str(db), "agreement", "--json", "--gamma")
    assert code != 0
    assert out == ""
    assert "pip install 'annotator[gamma]'" in err
