"""`annotator import` of article tables, Word, HTML and XMI files, and `export --format xmi` back."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cassis import load_cas_from_xmi, load_typesystem
from openpyxl import Workbook

from annotator.cli.main import main
from annotator.core.formats.xmi import NAMED_ENTITY
from annotator.store import Project

TEXT = "قال 😀 الوزير إن المفاوضات ستستأنف"


def project_files(db: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(db.parent.glob(db.name + "*"))}


@pytest.fixture
def db(tmp_path: Path, capsys: pytest.CaptureFixture) -> Path:
    path = tmp_path / "project.sqlite"
    first = tmp_path / "first.txt"
    first.write_text("مقال أول", encoding="utf-8")
    assert main(["--db", str(path), "import", str(first)]) == 0
    capsys.readouterr()
    return path


def test_csv_with_a_text_column_is_imported_as_articles_with_metadata(db: Path, tmp_path: Path) -> None:
    table = tmp_path / "news.csv"
    table.write_text(f"id,title,text,outlet,date\nn1,عنوان,{TEXT},الجزيرة,2024-03-01\n", encoding="utf-8")
    assert main(["--db", str(db), "import", str(table)]) == 0
    with Project.open(db) as project:
        document = next(d for d in project.documents() if d.id == "n1")
    assert (document.title, document.text) == ("عنوان", TEXT)
    assert document.meta == {"outlet": "الجزيرة", "date": "2024-03-01"}


def test_xlsx_with_a_column_mapping(db: Path, tmp_path: Path) -> None:
    book = Workbook()
    book.active.append(["رقم", "النص", "المصدر"])
    book.active.append(["x9", TEXT, "الأهرام"])
    path = tmp_path / "news.xlsx"
    book.save(path)
    assert main(["--db", str(db), "import", str(path), "--text-column", "النص", "--id-column", "رقم"]) == 0
    with Project.open(db) as project:
        document = next(d for d in project.documents() if d.id == "x9")
    assert document.meta == {"المصدر": "الأهرام"}


@pytest.mark.parametrize(("name", "content", "args", "message"), [
    ("news.xlsx", b"not a workbook", [], r"news\.xlsx: is not an Excel \.xlsx workbook"),
    ("news.csv", "text,outlet\nأ,ب\n,ج\n".encode(), ["--format", "table"],
     r"news\.csv, line 3: row 3: the text column 'text' is empty"),
    ("news.tsv", "body\nأ\n".encode(), [], r"news\.tsv, line 1: has no column 'text'"),
    ("page.html", b"<html><body></body></html>", [], r"page\.html: has no visible text"),
    ("a.docx", b"PK junk", [], r"a\.docx: cannot be read as a Word \.docx"),
    ("a.xmi", b"<xmi/>", ["--annotator", "x"], r"a\.xmi: has no TypeSystem\.xml"),
    ("ner.conll", "-DOCSTART- O\n\nقال O\nوزير Q-actor\n".encode(), ["--annotator", "x"],
     r"ner\.conll, line 4: tag 'Q-actor' is not O or B-/I-/E-/S-<label>; expected CoNLL / IOB"),
    ("ner.txt", "قال\n".encode(), ["--format", "conll", "--annotator", "x"],
     r"ner\.txt, line 1: has a token but no tag"),
    ("doccano.zip", b"PK junk", [], r"doccano\.zip: is not a zip archive .*; expected doccano's export"),
    ("ls.json", b'[{"data": {"text": "x"}, "annotations": 3}]', [],
     r"ls\.json, task 1: \"annotations\" must be a list; expected Label Studio JSON"),
])
def test_bad_documents_exit_1_naming_the_file_and_leave_the_project_unchanged(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture, name, content, args, message,
) -> None:
    bad = tmp_path / "in" / name
    bad.parent.mkdir()
    bad.write_bytes(content)
    before = project_files(db)
    assert main(["--db", str(db), "import", str(bad), *args]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and __import__("re").search(message, err), err
    assert project_files(db) == before


def test_xmi_export_is_read_back_by_cassis_and_imports_again(db: Path, tmp_path: Path) -> None:
    records = tmp_path / "work.jsonl"
    spans = [{"start": 6, "end": 12, "label": "actor"}, {"start": 6, "end": 15, "label": "mediator"},
             {"start": 16, "end": 25, "label": "demand"}]
    records.write_text(json.dumps({"text": TEXT, "meta": {"id": "a1"}, "annotator": "salma",
                                   "spans": spans}, ensure_ascii=False) + "\n", encoding="utf-8")
    assert main(["--db", str(db), "import", str(records)]) == 0
    out = tmp_path / "inception"
    assert main(["--db", str(db), "export", "--format", "xmi", "--out", str(out)]) == 0
    with (out / "TypeSystem.xml").open("rb") as f:
        types = load_typesystem(f)
    with (out / "annotation" / "a1" / "salma.xmi").open("rb") as f:
        cas = load_cas_from_xmi(f, typesystem=types)
    assert sorted((a.begin, a.end, a.value) for a in cas.select(NAMED_ENTITY)) == sorted(
        (s["start"], s["end"], s["label"]) for s in spans)
    other = tmp_path / "other.sqlite"
    assert main(["--db", str(other), "import", str(out)]) == 0
    with Project.open(other) as project:
        [span_set] = [sorted((s.start, s.end, s.label) for s in project.spans() if s.document_id == "a1")]
        assert span_set == sorted((s["start"], s["end"], s["label"]) for s in spans)
        assert {s.annotator for s in project.spans()} == {"salma"}


def test_table_metadata_is_carried_by_jsonl_meta_and_csv_columns(db: Path, tmp_path: Path) -> None:
    import csv

    table = tmp_path / "news.csv"
    table.write_text(f"id,text,outlet,words\nn1,{TEXT},الجزيرة,7\n", encoding="utf-8")
    work = tmp_path / "work.jsonl"
    work.write_text(json.dumps({"text": TEXT, "annotator": "salma", "spans": [
        {"start": 6, "end": 12, "label": "actor"}]}, ensure_ascii=False) + "\n", encoding="utf-8")
    assert main(["--db", str(db), "import", str(table), str(work)]) == 0
    out_jsonl, out_csv = tmp_path / "out.jsonl", tmp_path / "out.csv"
    assert main(["--db", str(db), "export", "--format", "jsonl", "--out", str(out_jsonl)]) == 0
    assert main(["--db", str(db), "export", "--format", "csv", "--out", str(out_csv)]) == 0
    lines = [json.loads(line) for line in out_jsonl.read_text(encoding="utf-8").splitlines()]
    [annotated] = [line for line in lines if line.get("annotator") == "salma"]
    assert annotated["meta"]["outlet"] == "الجزيرة" and annotated["meta"]["id"] == "n1"
    with out_csv.open(encoding="utf-8-sig", newline="") as f:
        [row] = list(csv.DictReader(f))
    assert (row["article_id"], row["outlet"], row["words"], row["text"]) == ("n1", "الجزيرة", "7", "الوزير")


def test_qdpx_export_writes_a_zip_the_refi_schema_accepts(db: Path, tmp_path: Path) -> None:
    import zipfile

    from lxml import etree

    records = tmp_path / "work.jsonl"
    records.write_text(json.dumps({"text": TEXT, "meta": {"id": "a1"}, "annotator": "salma", "spans": [
        {"start": 6, "end": 12, "label": "actor"}]}, ensure_ascii=False) + "\n", encoding="utf-8")
    assert main(["--db", str(db), "import", str(records)]) == 0
    out = tmp_path / "project.qdpx"
    assert main(["--db", str(db), "export", "--format", "qdpx", "--out", str(out)]) == 0
    xsd = Path(__file__).resolve().parent.parent / "fixtures" / "refi" / "qde_subset.xsd"
    with zipfile.ZipFile(out) as archive:
        assert etree.XMLSchema(etree.parse(str(xsd))).validate(etree.fromstring(archive.read("project.qde")))
        assert sum(n.startswith("sources/") for n in archive.namelist()) == 2  # both articles
    assert (tmp_path / "project.qdpx.metadata.json").exists()


def test_qdpx_is_recognised_by_extension_and_a_bad_one_leaves_the_project_unchanged(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture,
) -> None:
    out = tmp_path / "project.qdpx"
    records = tmp_path / "work.jsonl"
    records.write_text(json.dumps({"text": TEXT, "meta": {"id": "a1"}, "annotator": "salma", "spans": [
        {"start": 6, "end": 12, "label": "actor"}]}, ensure_ascii=False) + "\n", encoding="utf-8")
    assert main(["--db", str(db), "import", str(records)]) == 0
    assert main(["--db", str(db), "export", "--format", "qdpx", "--out", str(out)]) == 0
    other = tmp_path / "other.sqlite"
    assert main(["--db", str(other), "import", str(out)]) == 0
    with Project.open(other) as project:
        spans = [(s.annotator, s.start, s.end, s.label) for s in project.spans()]
    assert spans == [("salma", 6, 12, "actor")]
    bad = tmp_path / "bad.qdpx"
    bad.write_bytes(b"PK not really")
    before = project_files(other)
    capsys.readouterr()
    assert main(["--db", str(other), "import", str(bad)]) == 1
    assert "bad.qdpx: is not a REFI-QDA project" in capsys.readouterr().err
    assert project_files(other) == before


def test_webanno_tsv_is_told_from_an_article_table_by_its_first_line(db: Path, tmp_path: Path) -> None:
    tsv = tmp_path / "doc.tsv"
    tsv.write_text("#FORMAT=WebAnno TSV 3.3\n"
                   "#T_SP=de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity|value"
                   "\n\n\n#Text=😀 قال الوزير\n1-1\t0-2\t😀\t_\n1-2\t3-6\tقال\t_\n1-3\t7-13\tالوزير\tactor\n",
                   encoding="utf-8")
    assert main(["--db", str(db), "import", str(tsv), "--annotator", "salma"]) == 0
    with Project.open(db) as project:
        [span] = project.spans()
        text = next(d.text for d in project.documents() if d.id == span.document_id)
    assert (text[span.start:span.end], span.label, span.annotator) == ("الوزير", "actor", "salma")


def test_label_studio_export_is_recognised_and_exports_tasks_with_a_config(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture,
) -> None:
    start = TEXT.index("الوزير")
    tasks = [{"id": 1, "data": {"text": TEXT}, "annotations": [{"completed_by": 2, "result": [
        {"type": "labels", "from_name": "label", "to_name": "text",
         "value": {"start": start, "end": start + 6, "text": "الوزير", "labels": ["actor"]}}]}]}]
    src = tmp_path / "ls.json"
    src.write_text(json.dumps(tasks, ensure_ascii=False), encoding="utf-8")
    assert main(["--db", str(db), "import", str(src)]) == 0
    assert "1 span(s) added" in capsys.readouterr().out
    with Project.open(db) as project:
        assert "user-2" in project.annotators()
    out = tmp_path / "tasks.json"
    assert main(["--db", str(db), "export", "--format", "label-studio", "--out", str(out)]) == 0
    written = json.loads(out.read_text(encoding="utf-8"))
    [task] = [t for t in written if t["annotations"]]
    assert task["meta"]["annotators"] == ["user-2"]
    assert task["annotations"][0]["result"][0]["value"]["start"] == start
    assert "<Label value=\"actor\"" in (tmp_path / "tasks.label_config.xml").read_text(encoding="utf-8")


def test_a_bad_label_studio_task_leaves_the_project_unchanged(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture,
) -> None:
    src = tmp_path / "ls.json"
    src.write_text(json.dumps([{"id": 9, "data": {"body": TEXT}}]), encoding="utf-8")
    before = project_files(db)
    assert main(["--db", str(db), "import", str(src)]) == 1
    assert "ls.json, task 1 (id 9): has no text under 'text'" in capsys.readouterr().err
    assert project_files(db) == before
    assert main(["--db", str(db), "import", str(src), "--text-key", "body"]) == 0


def test_conll_export_imports_back_into_another_project_with_every_annotator(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture,
) -> None:
    src = tmp_path / "work.jsonl"
    start = TEXT.index("الوزير")
    lines = [{"text": TEXT, "meta": {"id": "a1"}, "annotator": name, "spans": spans}
             for name, spans in (("salma", [{"start": start, "end": start + 6, "label": "actor"}]),
                                 ("omar", [{"start": start, "end": start + 9, "label": "mediator"},
                                           {"start": start, "end": start + 6, "label": "mediator"}]))]
    src.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines), encoding="utf-8")
    assert main(["--db", str(db), "import", str(src)]) == 0
    out = tmp_path / "out.conll"
    assert main(["--db", str(db), "export", "--format", "conll", "--out", str(out)]) == 0
    other = tmp_path / "other.sqlite"
    article = tmp_path / "article.jsonl"  # the same article, nobody's work yet
    article.write_text(json.dumps({"text": TEXT, "meta": {"id": "a1"}}, ensure_ascii=False), encoding="utf-8")
    assert main(["--db", str(other), "import", str(article)]) == 0
    capsys.readouterr()
    assert main(["--db", str(other), "import", str(out), "--add-labels"]) == 0
    summary = capsys.readouterr().out
    assert "0 article(s) added" in summary and "3 span(s) added" in summary
    assert summary.count("aligned to article a1 (its id)") == 2
    with Project.open(db) as first, Project.open(other) as second:
        assert sorted((s.annotator, s.ref) for s in first.spans("a1")) == sorted(
            (s.annotator, s.ref) for s in second.spans("a1"))


def test_doccano_zip_is_recognised_and_each_user_named_by_their_file(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture,
) -> None:
    import zipfile

    start = TEXT.index("الوزير")
    src = tmp_path / "doccano.zip"
    with zipfile.ZipFile(src, "w") as archive:
        for user, label in (("salma", "actor"), ("omar", "mediator")):
            archive.writestr(f"{user}.jsonl", json.dumps(
                {"id": 3, "text": TEXT, "label": [[start, start + 6, label]]}, ensure_ascii=False) + "\n")
    assert main(["--db", str(db), "import", str(src)]) == 0
    assert "2 span(s) added" in capsys.readouterr().out
    with Project.open(db) as project:
        assert {(s.annotator, s.label) for s in project.spans("3")} == {("salma", "actor"),
                                                                       ("omar", "mediator")}
