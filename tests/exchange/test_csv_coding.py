"""CSV export of structured coding: the claims table and the article codes table beside the span table,
and one span-table column per attribute (the span columns before them unchanged)."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from annotator.operations.export import export_project
from annotator.store import Project


def rows(path: Path) -> list[dict[str, str]]:
    raw = path.read_bytes()
    assert raw.startswith("\ufeff".encode())
    return list(csv.DictReader(raw.decode("utf-8-sig").splitlines()))


def test_csv_export_writes_claims_and_codes_beside_the_span_table(coded: Path, tmp_path: Path,
                                                                  spans_at) -> None:
    out = tmp_path / "spans.csv"
    with Project.open(coded) as project:
        result = export_project(project, "csv", out, agreement=False)
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix == ".csv") == [
        "spans.claims.csv", "spans.codes.csv", "spans.csv"]
    spans = rows(out)
    header = list(spans[0])
    assert header[:7] == ["article_id", "title", "annotator", "start", "end", "label", "text"]
    assert header[7:] == ["outlet", "attribute:canonical", "attribute:negated"]
    by_text = {row["text"]: row for row in spans}
    assert by_text["إيران"]["attribute:canonical"] == "Iran"
    assert by_text["طهران"]["attribute:negated"] == "yes"
    assert by_text["نفت"]["attribute:negated"] == ""
    claims = rows(tmp_path / "spans.claims.csv")
    assert [(c["head_text"], c["relation"], c["child_text"]) for c in claims] == [
        ("وزير الخارجية", "claims", "بوقف التصعيد"), ("طهران", "denies", "نفت")]
    first = claims[0]
    assert (int(first["head_start"]), int(first["head_end"])) == spans_at("وزير الخارجية")
    assert (first["article_id"], first["title"], first["annotator"], first["outlet"]) == (
        "a1", "خبر 𝐀", "salma", "الأهرام")
    assert claims[1]["head:negated"] == "yes" and claims[1]["child:negated"] == ""
    (codes,) = rows(tmp_path / "spans.codes.csv")
    assert codes == {"article_id": "a1", "title": "خبر 𝐀", "annotator": "salma", "note": "خبر مترجم",
                     "secret": "yes", "stance": "معارض", "outlet": "الأهرام"}
    metadata = json.loads(result.metadata_path.read_text(encoding="utf-8"))
    assert (metadata["claims_file"], metadata["claims"]) == ("spans.claims.csv", 2)
    assert (metadata["codes_file"], metadata["coded_pairs"]) == ("spans.codes.csv", 1)


def test_a_project_without_structured_coding_writes_the_span_table_alone(tmp_path: Path) -> None:
    from annotator.core.model import ArticleRecord

    with Project.open(tmp_path / "p.sqlite") as project:
        project.import_articles([ArticleRecord("قال 𝐀 الرئيس", "خبر", id="a1")])
        project.add_span("a1", "salma", 6, 12, "actor")
        export_project(project, "csv", tmp_path / "spans.csv", agreement=False)
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix == ".csv") == ["spans.csv"]
    assert list(rows(tmp_path / "spans.csv")[0]) == ["article_id", "title", "annotator", "start", "end",
                                                     "label", "text"]
