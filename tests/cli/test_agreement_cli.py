"""`annotator agreement` on a project built by importing a JSONL of three annotators' done spans."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import krippendorff
import numpy as np
import pytest

from annotator.cli.main import main

TEXT_1 = "قال وزير الخارجية إن المفاوضات مع الوسطاء ستستأنف غدا"
TEXT_2 = "رفض المتحدث باسم الحكومة الاتهامات وطالب بتحقيق مستقل"
SPANS = {
    ("a1", "ali"): [(4, 17, "actor"), (21, 30, "demand")],
    ("a1", "sara"): [(4, 17, "actor"), (21, 41, "demand")],
    ("a1", "omar"): [(4, 8, "actor"), (34, 41, "mediator")],
    ("a2", "ali"): [(0, 3, "denial"), (4, 24, "actor")],
    ("a2", "sara"): [(0, 3, "denial"), (4, 11, "actor"), (40, 53, "demand")],
    ("a2", "omar"): [(0, 3, "denial"), (4, 24, "actor")],
}


@pytest.fixture
def db(tmp_path: Path) -> Path:
    lines = []
    for (article, name), spans in SPANS.items():
        text = TEXT_1 if article == "a1" else TEXT_2
        lines.append(json.dumps({"text": text, "meta": {"id": article}, "annotator": name, "status": "done",
                                 "spans": [{"start": s, "end": e, "label": lab} for s, e, lab in spans]},
                                ensure_ascii=False))
    lines.append(json.dumps({"text": "مقال لم يكتمل", "meta": {"id": "a3"}, "annotator": "ali",
                             "status": "in progress", "spans": [{"start": 0, "end": 4, "label": "actor"}]},
                            ensure_ascii=False))
    source = tmp_path / "spans.jsonl"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    path = tmp_path / "project.sqlite"
    assert main(["--db", str(path), "import", str(source)]) == 0
    return path


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def char_matrix(label: str) -> np.ndarray:
    rows = []
    for name in ("ali", "omar", "sara"):
        row = []
        for article, text in (("a1", TEXT_1), ("a2", TEXT_2)):
            for i, ch in enumerate(text):
                if not ch.isspace():
                    spans = SPANS[(article, name)]
                    row.append(float(any(s <= i < e and lab == label for s, e, lab in spans)))
        rows.append(row)
    return np.array(rows)


def test_json_has_the_issue_shape_and_outside_reference_alpha(db: Path, capsys) -> None:
    code, out, _ = run(capsys, "--db", str(db), "agreement", "--json")
    assert code == 0
    report = json.loads(out)
    assert report["annotators"] == ["ali", "omar", "sara"]
    assert report["labels"] == ["actor", "mediator", "demand", "denial"]
    keys = {"alpha_char", "alpha_u", "kappa_mean", "f1_exact", "f1_overlap", "n_articles"}
    assert keys <= set(report["overall"])
    assert report["overall"]["n_articles"] == 2  # a3 has one annotator, in progress
    assert set(report["per_label"]) == set(report["labels"])
    assert all(keys <= set(v) for v in report["per_label"].values())
    article = report["per_article"][0]
    assert {"id", "title", "annotators", "alpha_char", "f1_exact", "f1_overlap", "per_label"} <= set(article)
    assert [a["id"] for a in report["per_article"]] == ["a1", "a2"]
    pair = report["pairs"][0]
    assert {"a", "b", "kappa", "f1_exact", "f1_overlap", "per_label"} <= set(pair)
    assert [(p["a"], p["b"]) for p in report["pairs"]] == [("ali", "omar"), ("ali", "sara"), ("omar", "sara")]
    labels = report["labels"]
    pooled = np.concatenate([char_matrix(label) for label in labels], axis=1)
    expected = krippendorff.alpha(pooled, level_of_measurement="nominal", value_domain=[0.0, 1.0])
    assert report["overall"]["alpha_char"] == pytest.approx(expected, abs=1e-9)
    # denial: all three mark exactly the same span on a2 and nothing on a1.
    assert report["per_label"]["denial"]["f1_exact"] == 1.0
    assert report["per_label"]["denial"]["alpha_u"] == 1.0


def test_csv_has_one_row_per_scope_item_label_measure(db: Path, capsys) -> None:
    code, out, _ = run(capsys, "--db", str(db), "agreement", "--csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert list(rows[0]) == ["scope", "item", "label", "measure", "value", "reason"]
    keys = [(r["scope"], r["item"], r["label"], r["measure"]) for r in rows]
    assert len(keys) == len(set(keys))
    assert ("article", "a2", "denial", "f1_exact") in keys
    assert ("pair", "ali|sara", "actor", "kappa") in keys
    overall = {r["measure"]: r["value"] for r in rows if r["scope"] == "overall" and r["label"] == ""}
    _, out_json, _ = run(capsys, "--db", str(db), "agreement", "--json")
    assert float(overall["alpha_char"]) == json.loads(out_json)["overall"]["alpha_char"]


def test_filters_restrict_annotators_and_labels(db: Path, capsys) -> None:
    code, out, _ = run(capsys, "--db", str(db), "agreement", "--json", "--annotators", "ali,sara",
                       "--labels", "actor,denial")
    assert code == 0
    report = json.loads(out)
    assert report["annotators"] == ["ali", "sara"]
    assert report["labels"] == ["actor", "denial"]
    assert [(p["a"], p["b"]) for p in report["pairs"]] == [("ali", "sara")]


def test_default_output_is_a_readable_table(db: Path, capsys) -> None:
    code, out, _ = run(capsys, "--db", str(db), "agreement")
    assert code == 0
    assert "Agreement over 2 article(s)" in out
    assert "ali / omar" in out and "Lowest agreement" in out


def test_unknown_label_is_one_clear_error_and_leaves_the_file_unchanged(db: Path, capsys) -> None:
    before = db.read_bytes()
    code, out, err = run(capsys, "--db", str(db), "agreement", "--labels", "actor,nope")
    assert code == 1 and out == ""
    assert "no label named 'nope'" in err and err.count("\n") == 1
    assert db.read_bytes() == before
