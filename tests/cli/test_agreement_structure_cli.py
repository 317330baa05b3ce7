"""`annotator agreement` on a project whose annotators drew relations (imported from JSONL)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.cli.main import main

TEXT = "قال وزير الخارجية 𝐀 إن المفاوضات مع الوسطاء ستستأنف غدا"
SPANS = [{"start": 4, "end": 17, "label": "actor"}, {"start": 23, "end": 33, "label": "demand"}]


def record(name: str, relations: list[dict], article: str = "a1") -> str:
    text = TEXT if article == "a1" else TEXT + " مرة أخرى"
    return json.dumps({"text": text, "meta": {"id": article}, "annotator": name, "status": "done",
                       "spans": SPANS, "relations": relations}, ensure_ascii=False)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    claims = [{"head": 0, "child": 1, "label": "claims"}]
    source = tmp_path / "work.jsonl"
    source.write_text("\n".join([record("ali", claims), record("sara", claims), record("omar", []),
                                 record("ali", claims, "a2"), record("sara", [], "a2")]) + "\n",
                      encoding="utf-8")
    path = tmp_path / "project.sqlite"
    assert main(["--db", str(path), "import", str(source), "--add-labels"]) == 0
    return path


def test_json_reports_relation_f1_overall_per_type_pair_and_article(db: Path, capsys) -> None:
    assert main(["--db", str(db), "agreement", "--json", "--bootstrap", "0"]) == 0
    report = json.loads(capsys.readouterr().out)
    # a1: ali and sara agree (1 match, 2 relations), omar drew none (1 relation against him in each of his
    # pairs); a2: ali's relation has no partner (1 relation). 2·1 / (4 + 1).
    assert report["overall"]["relation_f1_exact"] == pytest.approx(2 * 1 / 5)
    claims = report["per_relation_type"]["claims"]
    assert claims["relation_f1_overlap"] == report["overall"]["relation_f1_overlap"]
    pairs = {(p["a"], p["b"]): p for p in report["pairs"]}
    assert pairs[("ali", "sara")]["relation_f1_exact"] == pytest.approx(2 / 3)
    assert report["per_article"][0]["relation_f1_exact"] == pytest.approx(2 / 4)
    assert report["overall"]["f1_exact"] == 1.0  # the span measures beside them are untouched


def test_text_report_lists_relation_f1_per_type_with_intervals(db: Path, capsys) -> None:
    assert main(["--db", str(db), "agreement", "--bootstrap", "200"]) == 0
    text = capsys.readouterr().out
    table = text[text.index("Relation F1"):].splitlines()
    overall = next(line for line in table if line.startswith("(all types)")).split()
    assert overall[2] == "0.400"  # 2·1 / 5, as in --json
    assert "–" in overall[3]  # its 95% interval
    assert any(line.startswith("claims") for line in table)


def test_text_report_lists_attributes_and_questions(tmp_path: Path, capsys) -> None:
    spans = [{**SPANS[0], "attributes": {"negated": True}}, SPANS[1]]
    lines = [json.dumps({"text": TEXT + " " * k, "meta": {"id": f"a{k}"}, "annotator": name, "status": "done",
                         "spans": spans, "codes": {"stance": "against" if name == "ali" or k else "for"}},
                        ensure_ascii=False) for k in range(3) for name in ("ali", "sara")]
    source = tmp_path / "coded.jsonl"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    path = tmp_path / "coded.sqlite"
    assert main(["--db", str(path), "import", str(source), "--add-labels"]) == 0
    capsys.readouterr()
    assert main(["--db", str(path), "agreement"]) == 0
    text = capsys.readouterr().out
    attributes = text[text.index("Span attributes"):].splitlines()
    assert any(line.split()[:3] == ["actor.negated", "exact", "3"] for line in attributes)
    # every annotator set the flag on every span: no variation, said under the table
    assert "  actor.negated exact alpha: no variation" in text
    questions = text[text.index("Article codes"):].splitlines()
    stance = next(line for line in questions if line.startswith("stance")).split()
    assert stance[1] == "3" and stance[-1] == "0.667"  # agree on two of the three articles


def test_text_report_without_any_relation_says_why_in_one_line(tmp_path: Path, capsys) -> None:
    source = tmp_path / "plain.jsonl"
    source.write_text("\n".join([record("ali", []), record("sara", [])]) + "\n", encoding="utf-8")
    path = tmp_path / "plain.sqlite"
    assert main(["--db", str(path), "import", str(source), "--add-labels"]) == 0
    capsys.readouterr()
    assert main(["--db", str(path), "agreement"]) == 0
    text = capsys.readouterr().out
    assert "Relation F1: — (no relation: neither annotator linked two spans here)" in text
    assert "relation type" not in text  # no table of dashes
