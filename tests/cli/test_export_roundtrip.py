"""Export round trips: what a project exports, an empty project imports back unchanged."""

from __future__ import annotations

import csv
import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.cli.main import main
from annotator.core.errors import AnnotatorError
from annotator.core.formats.brat import read_brat
from annotator.core.model import AnnotationSet, ArticleRecord, SpanRef, Status
from annotator.operations.export import export_project
from annotator.operations.import_corpus import import_paths
from annotator.store import Project
from annotator.store.gold import Gold

ARABIC = "ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأؤإئة" + "\u064e\u0650\u0651\u0652" + "ـ٠١٢"
ALPHABET = ARABIC * 3 + "   \n،.؟:«»-\"," + "😀\u200f\t\r"
LABELS = ["actor", "mediator", "demand", "denial"]
NAMES = ["ali", "sara", "omar"]


@st.composite
def corpora(draw: st.DrawFn) -> list[ArticleRecord]:
    texts = draw(st.lists(st.text(alphabet=ALPHABET, min_size=1, max_size=80).filter(lambda t: t.strip()),
                          min_size=1, max_size=4, unique=True))
    records = []
    for n, text in enumerate(texts):
        annotations = []
        for name in draw(st.lists(st.sampled_from(NAMES), unique=True, max_size=3)):
            spans = draw(st.lists(
                st.tuples(st.integers(0, len(text) - 1), st.integers(1, 20), st.sampled_from(LABELS)).map(
                    lambda t, text=text: SpanRef(t[0], min(len(text), t[0] + t[1]), t[2])),
                max_size=6, unique=True))
            annotations.append(AnnotationSet(name, tuple(spans), draw(st.sampled_from(list(Status)))))
        records.append(ArticleRecord(text, f"مقال {n}", id=f"a{n}", annotations=tuple(annotations)))
    return records


def stored(project: Project) -> dict[tuple[str, str], set[SpanRef]]:
    result: dict[tuple[str, str], set[SpanRef]] = {}
    for span in project.spans():
        result.setdefault((span.document_id, span.annotator), set()).add(span.ref)
    return result


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(corpora())
def test_jsonl_export_imports_back_into_an_empty_project_unchanged(records: list[ArticleRecord]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        with Project.open(folder / "a.sqlite") as source:
            source.import_articles(records)
            export_project(source, "jsonl", folder / "out.jsonl")
            expected_spans, expected_statuses = stored(source), source.statuses()
            texts = {d.id: d.text for d in source.documents()}
        with Project.open(folder / "b.sqlite") as target:
            import_paths(target, [folder / "out.jsonl"])
            assert stored(target) == expected_spans
            assert target.statuses() == expected_statuses
            assert {d.id: d.text for d in target.documents()} == texts


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(corpora())
def test_gold_jsonl_export_imports_back_as_the_gold_spans(records: list[ArticleRecord]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        with Project.open(folder / "a.sqlite") as source:
            source.import_articles(records)
            Gold(source).adjudicate(min_votes=1, annotators=None)
            gold = {(s.document_id, "gold"): set() for s in Gold(source).spans()}
            for span in Gold(source).spans():
                gold[(span.document_id, "gold")].add(span.ref)
            export_project(source, "jsonl", folder / "gold.jsonl", gold=True)
        with Project.open(folder / "b.sqlite") as target:
            if gold or (folder / "gold.jsonl").read_text(encoding="utf-8").strip():
                import_paths(target, [folder / "gold.jsonl"])
            assert stored(target) == gold


def small_project(path: Path) -> Project:
    project = Project.open(path)
    text = "قال الرئيس محمد، إن الوفد وصل بحماس.\nوقال \"الوزير\": لا."
    spans = (SpanRef(4, 15, "actor"), SpanRef(text.index("حماس"), text.index("حماس") + 4, "actor"),
             SpanRef(text.index("الوفد"), text.index("الوفد") + 5, "mediator"))
    project.import_articles([
        ArticleRecord(text, "خبر، مع فاصلة", id="a1", annotations=(
            AnnotationSet("ali", spans), AnnotationSet("sara", spans[:1]))),
        ArticleRecord("نص ثان بلا وسوم", "ثان", id="a2", annotations=(AnnotationSet("ali", ()),)),
    ])
    return project


def test_csv_has_bom_header_and_arabic_text(tmp_path: Path) -> None:
    with small_project(tmp_path / "p.sqlite") as project:
        result = export_project(project, "csv", tmp_path / "spans.csv")
    raw = (tmp_path / "spans.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfarticle_id,title,annotator,start,end,label,text\r\n")
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert rows[1] == ["a1", "خبر، مع فاصلة", "ali", "4", "15", "actor", "الرئيس محمد"]
    assert len(rows) == 1 + 4 == 1 + result.lines


def test_metadata_record_is_written_beside_the_data(tmp_path: Path) -> None:
    with small_project(tmp_path / "p.sqlite") as project:
        result = export_project(project, "conll", tmp_path / "out.conll", annotator="ali")
    metadata = json.loads((tmp_path / "out.conll.metadata.json").read_text(encoding="utf-8"))
    assert result.metadata_path == tmp_path / "out.conll.metadata.json"
    assert metadata["format"] == "conll" and metadata["annotators"] == ["ali"]
    assert [label["name"] for label in metadata["labels"]] == LABELS
    assert metadata["documents"] == [["a1", "ali"], ["a2", "ali"]]
    assert metadata["columns"] == LABELS and metadata["spans"] == 3 and metadata["exported_at"]


def test_cli_adjudicate_then_export_only_curated_gold(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    db = str(tmp_path / "p.sqlite")
    small_project(Path(db)).close()
    assert main(["--db", db, "adjudicate", "--annotators", "ali,sara"]) == 0
    out = capsys.readouterr().out
    assert "1 span(s) accepted into gold" in out and "2 span(s) left for the curator" in out
    assert "a1\t31-35\tactor\t1/2\tali\tحماس" in out
    assert main(["--db", db, "export", "--format", "jsonl", "--gold", "--only-curated",
                 "--out", str(tmp_path / "g.jsonl")]) == 0
    lines = (tmp_path / "g.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["meta"]["id"] for line in lines] == ["a2"]  # a1 is still in progress
    assert main(["--db", db, "export", "--format", "jsonl", "--gold",
                 "--out", str(tmp_path / "all.jsonl")]) == 0
    records = [json.loads(line) for line in (tmp_path / "all.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [(r["meta"]["id"], r["annotator"], [s["text"] for s in r["spans"]]) for r in records] == [
        ("a1", "gold", ["الرئيس محمد"]), ("a2", "gold", [])]


def test_cli_refuses_gold_with_annotator_and_unknown_annotator(tmp_path: Path,
                                                               capsys: pytest.CaptureFixture) -> None:
    db = str(tmp_path / "p.sqlite")
    small_project(Path(db)).close()
    with pytest.raises(SystemExit):
        main(["--db", db, "export", "--format", "csv", "--gold", "--annotator", "ali", "--out", "x.csv"])
    assert main(["--db", db, "export", "--format", "csv", "--annotator", "zaid",
                 "--out", str(tmp_path / "x.csv")]) == 1
    assert "no annotator named 'zaid'" in capsys.readouterr().err
    assert not (tmp_path / "x.csv").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p.sqlite"]  # no temporary file left


def import_brat_folder(project: Project, folder: Path) -> None:
    """Read a brat export back with the brat reader: one sub-folder per annotator."""
    records = [read_brat(txt, txt.with_suffix(".ann"), txt.parent.name).record
               for txt in sorted(folder.glob("*/*.txt"))]
    project.import_articles(records)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(corpora())
def test_brat_export_imports_back_into_an_empty_project_unchanged(records: list[ArticleRecord]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        with Project.open(folder / "a.sqlite") as source:
            source.import_articles(records)
            export_project(source, "brat", folder / "brat")
            expected = stored(source)
            texts = {d.id: d.text for d in source.documents()}
        record = json.loads((folder / "brat" / "metadata.json").read_text(encoding="utf-8"))
        for change in record["trimmed"]:
            # brat cannot hold a line break at a span's edge: each such span is reported with what was written
            span = SpanRef(change["start"], change["end"], change["label"])
            spans = expected[(change["article_id"], change["annotator"])]
            spans.discard(span)
            if change["written"] is not None:
                start, end = change["written"]
                assert texts[change["article_id"]][span.start:span.end].strip("\r\n") == \
                    texts[change["article_id"]][start:end]
                spans.add(SpanRef(start, end, span.label))
            if not spans:
                del expected[(change["article_id"], change["annotator"])]
        for txt in (folder / "brat").glob("*/*.txt"):
            assert txt.read_bytes() == texts[txt.stem].encode("utf-8")  # byte-identical text
        with Project.open(folder / "b.sqlite") as target:
            import_brat_folder(target, folder / "brat")
            assert stored(target) == expected


def test_brat_folder_has_configuration_and_refuses_a_non_empty_folder(tmp_path: Path) -> None:
    with small_project(tmp_path / "p.sqlite") as project:
        export_project(project, "brat", tmp_path / "brat", gold=False)
        (tmp_path / "full").mkdir()
        (tmp_path / "full" / "keep.txt").write_text("x")
        with pytest.raises(AnnotatorError, match="not an empty folder"):
            export_project(project, "brat", tmp_path / "full")
    assert sorted(p.relative_to(tmp_path / "brat").as_posix() for p in (tmp_path / "brat").rglob("*")) == [
        "ali", "ali/a1.ann", "ali/a1.txt", "ali/a2.ann", "ali/a2.txt", "annotation.conf", "metadata.json",
        "sara", "sara/a1.ann", "sara/a1.txt", "visual.conf"]
    conf = (tmp_path / "brat" / "annotation.conf").read_text(encoding="utf-8")
    assert conf.startswith("[entities]\nactor\nmediator\ndemand\ndenial\n")
    assert "actor\tbgColor:#4e79a7" in (tmp_path / "brat" / "visual.conf").read_text(encoding="utf-8")
    assert (tmp_path / "brat" / "ali" / "a1.ann").read_text(encoding="utf-8").splitlines()[0] == \
        "T1\tactor 4 15\tالرئيس محمد"
    assert [p.name for p in (tmp_path / "full").iterdir()] == ["keep.txt"]


def test_no_agreement_flag_leaves_the_summary_out(tmp_path: Path) -> None:
    db = str(tmp_path / "p.sqlite")
    small_project(Path(db)).close()
    assert main(["--db", db, "export", "--format", "csv", "--no-agreement",
                 "--out", str(tmp_path / "x.csv")]) == 0
    metadata = json.loads((tmp_path / "x.csv.metadata.json").read_text(encoding="utf-8"))
    assert metadata["agreement"] == {"note": "not computed"} and metadata["spans"] == 4
