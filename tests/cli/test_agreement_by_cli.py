"""`annotator agreement --by KEY`: the report once more per value of an article metadata key."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.cli.main import main

ARTICLES = {  # id: (outlet, text)
    "a1": ("الجزيرة", "قال وزير الخارجية إن القاهرة تتوسط بين الطرفين."),
    "a2": ("الجزيرة", "نفى المتحدث باسم الحركة أي اتفاق 😀 مع الوسطاء."),
    "a3": ("الأهرام", "طالب المحتجون بالإفراج عن المعتقلين فورا."),
}
SPANS = {  # (article, annotator): spans
    ("a1", "salma"): [(4, 8, "actor"), (21, 28, "mediator")],
    ("a1", "omar"): [(4, 8, "actor"), (21, 28, "actor")],
    ("a2", "salma"): [(5, 12, "actor")],
    ("a2", "omar"): [(5, 12, "actor")],
    ("a3", "salma"): [(0, 5, "demand")],
    ("a3", "omar"): [(6, 14, "demand")],
}


def write_project(tmp_path: Path, name: str, ids: list[str]) -> Path:
    lines = []
    for (article, annotator), spans in SPANS.items():
        if article in ids:
            outlet, text = ARTICLES[article]
            lines.append(json.dumps({"text": text, "meta": {"id": article, "outlet": outlet},
                                     "annotator": annotator, "status": "done",
                                     "spans": [{"start": s, "end": e, "label": lb} for s, e, lb in spans]},
                                    ensure_ascii=False))
    source = tmp_path / f"{name}.jsonl"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    db = tmp_path / f"{name}.sqlite"
    assert main(["--db", str(db), "import", str(source)]) == 0
    return db


def agreement_json(db: Path, capsys: pytest.CaptureFixture, *extra: str) -> dict:
    capsys.readouterr()
    assert main(["--db", str(db), "agreement", "--json", "--bootstrap", "0", *extra]) == 0
    return json.loads(capsys.readouterr().out)


def test_each_group_equals_agreement_over_a_project_of_only_its_articles(
    tmp_path: Path, capsys: pytest.CaptureFixture,
) -> None:
    whole = write_project(tmp_path, "all", ["a1", "a2", "a3"])
    report = agreement_json(whole, capsys, "--by", "outlet")
    assert report["overall"] == agreement_json(whole, capsys)["overall"]  # the corpus figures unchanged
    groups = {g["value"]: g for g in report["by"]["groups"]}
    assert report["by"]["key"] == "outlet" and set(groups) == {"الجزيرة", "الأهرام"}
    alone = {"الجزيرة": write_project(tmp_path, "jazeera", ["a1", "a2"]),
             "الأهرام": write_project(tmp_path, "ahram", ["a3"])}
    for outlet, db in alone.items():
        expected = agreement_json(db, capsys)
        assert groups[outlet]["overall"] == expected["overall"]
        assert groups[outlet]["per_label"] == expected["per_label"]
        assert [a["id"] for a in groups[outlet]["per_article"]] == [a["id"] for a in expected["per_article"]]


def test_unknown_key_is_a_data_error_naming_the_keys(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    db = write_project(tmp_path, "all", ["a1", "a2"])
    capsys.readouterr()
    assert main(["--db", str(db), "agreement", "--by", "author"]) == 1
    assert "no article has the metadata key 'author' (the articles have: outlet)" in capsys.readouterr().err


def test_text_and_csv_outputs_name_each_group(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    db = write_project(tmp_path, "all", ["a1", "a2", "a3"])
    capsys.readouterr()
    assert main(["--db", str(db), "agreement", "--bootstrap", "0", "--by", "outlet"]) == 0
    assert "== outlet = الأهرام (1 article(s))" in capsys.readouterr().out
    assert main(["--db", str(db), "agreement", "--csv", "--bootstrap", "0", "--by", "outlet"]) == 0
    rows = capsys.readouterr().out.splitlines()
    assert any(row.startswith("outlet=الجزيرة/") for row in rows)
