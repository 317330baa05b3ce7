"""`annotator list` and `annotator export --format jsonl`: the shapes users script against, and a
round trip of hypothesis-generated Arabic articles and spans through export and import."""

from __future__ import annotations

import json
import tempfile
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.cli.main import main
from annotator.core.model import AnnotationSet, ArticleRecord, SpanRef, Status
from annotator.store import Project

TEXT = "قال وزير الخارجية المصري إن القاهرة تتوسط بين الطرفين."


@pytest.fixture
def db(tmp_path: Path, seeds_dir: Path, capsys: pytest.CaptureFixture) -> Path:
    """Seeds plus one article annotated by two annotators (salma done, omar in progress)."""
    path = tmp_path / "project.sqlite"
    assert main(["--db", str(path), "import", str(seeds_dir)]) == 0
    with Project.open(path) as project:
        project.import_articles(
            [
                ArticleRecord(
                    TEXT,
                    "وساطة",
                    id="w1",
                    annotations=(
                        AnnotationSet("salma", (SpanRef(4, 8, "actor"), SpanRef(28, 35, "mediator"))),
                        AnnotationSet("omar", (SpanRef(4, 8, "demand"),), Status.IN_PROGRESS),
                    ),
                ),
            ]
        )
    capsys.readouterr()
    return path


def run(capsys: pytest.CaptureFixture, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_db_is_created_when_missing(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    path = tmp_path / "fresh.sqlite"
    code, out, _ = run(capsys, "--db", str(path), "list", "--json")
    assert code == 0 and json.loads(out) == [] and path.is_file()


def test_list_json_gives_id_title_characters_and_annotator_statuses(
    db: Path, seeds_dir: Path, capsys: pytest.CaptureFixture
) -> None:
    code, out, _ = run(capsys, "--db", str(db), "list", "--json")
    assert code == 0
    rows = json.loads(out)
    assert len(rows) == 6
    assert all(set(row) == {"id", "title", "characters", "annotators"} for row in rows)
    seed_texts = [p.read_text(encoding="utf-8") for p in sorted(seeds_dir.glob("*.txt"))]
    assert [row["characters"] for row in rows[:5]] == [len(t) for t in seed_texts]
    assert rows[:5] == [{**row, "annotators": {}} for row in rows[:5]]
    assert rows[5] == {
        "id": "w1",
        "title": "وساطة",
        "characters": len(TEXT),
        "annotators": {"omar": "in progress", "salma": "done"},
    }


def test_list_table_has_one_line_per_article(db: Path, capsys: pytest.CaptureFixture) -> None:
    code, out, _ = run(capsys, "--db", str(db), "list")
    lines = out.splitlines()
    assert code == 0 and len(lines) == 6
    assert lines[5].split("\t")[0] == "w1"
    assert "omar: in progress" in lines[5] and "salma: done" in lines[5]


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_export_writes_one_line_per_article_and_annotator(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    out_path = tmp_path / "all.jsonl"
    code, out, _ = run(capsys, "--db", str(db), "export", "--format", "jsonl", "--out", str(out_path))
    assert code == 0 and f"wrote 7 line(s) to {out_path}" in out
    lines = read_jsonl(out_path)
    unannotated = [line for line in lines if "annotator" not in line]
    assert len(unannotated) == 5 and all("spans" not in line for line in unannotated)
    annotated = {line["annotator"]: line for line in lines if "annotator" in line}
    # when salma last changed her work: what `merge --prefer newer` compares
    assert datetime.fromisoformat(annotated["salma"].pop("updated_at")).tzinfo is not None
    assert annotated["salma"] == {
        "text": TEXT,
        "meta": {"id": "w1", "title": "وساطة", "source": ""},
        "annotator": "salma",
        "status": "done",
        "spans": [
            {"start": 4, "end": 8, "label": "actor", "text": "وزير"},
            {"start": 28, "end": 35, "label": "mediator", "text": "القاهرة"},
        ],
    }
    assert annotated["omar"]["status"] == "in progress"


def test_export_annotator_writes_only_their_work(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    out_path = tmp_path / "omar.jsonl"
    code, _, _ = run(
        capsys, "--db", str(db), "export", "--format", "jsonl", "--out", str(out_path), "--annotator", "omar"
    )
    assert code == 0
    [line] = read_jsonl(out_path)
    assert (line["annotator"], line["meta"]["id"], line["spans"]) == (
        "omar",
        "w1",
        [{"start": 4, "end": 8, "label": "demand", "text": "وزير"}],
    )


def test_list_and_export_leave_the_project_file_unchanged(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    before = db.read_bytes()
    assert main(["--db", str(db), "list", "--json"]) == 0
    assert main(["--db", str(db), "export", "--format", "jsonl", "--out", str(tmp_path / "o.jsonl")]) == 0
    capsys.readouterr()
    assert db.read_bytes() == before
    assert sorted(p.name for p in tmp_path.glob("project.sqlite*")) == ["project.sqlite"]


def test_export_of_unknown_annotator_is_a_data_error(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    out_path = tmp_path / "x.jsonl"
    code, _, err = run(
        capsys,
        "--db",
        str(db),
        "export",
        "--format",
        "jsonl",
        "--out",
        str(out_path),
        "--annotator",
        "nobody",
    )
    assert code == 1 and "nobody" in err and not out_path.exists()


@pytest.mark.parametrize(
    "argv",
    [
        ["import"],  # no paths
        ["export", "--format", "jsonl"],  # no --out
        ["export", "--format", "xml", "--out", "x"],
        ["list", "--yaml"],
        ["no-such-command"],
        ["import", "x.txt", "--add-labels=yes"],
    ],
)
def test_usage_errors_exit_2(argv: list[str], tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    with pytest.raises(SystemExit) as info:
        main(["--db", str(tmp_path / "p.sqlite"), *argv])
    assert info.value.code == 2
    assert "usage: annotator" in capsys.readouterr().err
    assert not (tmp_path / "p.sqlite").exists()


# Arabic letters, harakat, tatweel, Arabic punctuation, RTL/LTR marks, white space (U+00A0, tab, CR)
# and characters outside the BMP: emoji, a flag half, Arabic mathematical letters.
ALPHABET = (
    list("ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأؤإئةى")
    + list("\u064b\u064e\u064f\u0650\u0651\u0652ـ")
    + list("،؛؟«»“”٠١٩")
    + ["\u200f", "\u200e", " ", "\u00a0", "\n", "\r", "\t"]
    + ["😀", "🇪", "𞸀", "𞸁", "𝔸"]
)
LABELS = ["actor", "mediator", "demand", "denial"]


@st.composite
def corpora(draw: st.DrawFn) -> list[ArticleRecord]:
    texts = draw(
        st.lists(
            st.text(st.sampled_from(ALPHABET), min_size=1, max_size=60).filter(str.strip),
            min_size=1,
            max_size=4,
            unique=True,
        )
    )
    records = []
    for n, text in enumerate(texts):
        sets = []
        for name in draw(st.lists(st.sampled_from(["سلمى", "omar", "ali"]), unique=True, max_size=3)):
            bounds = draw(
                st.lists(
                    st.tuples(st.integers(0, len(text)), st.integers(0, len(text))).filter(
                        lambda b: b[0] != b[1]
                    ),
                    max_size=6,
                )
            )
            spans = {SpanRef(min(b), max(b), draw(st.sampled_from(LABELS))) for b in bounds}
            sets.append(AnnotationSet(name, tuple(sorted(spans)), draw(st.sampled_from(list(Status)))))
        records.append(ArticleRecord(text, f"مقال {n}", id=f"a{n}", annotations=tuple(sets)))
    return records


def snapshot(path: Path) -> tuple:
    with Project.open(path) as project:
        articles = [(d.id, d.title, d.text, d.sha256) for d in project.documents()]
        spans = sorted((s.document_id, s.annotator, s.start, s.end, s.label) for s in project.spans())
        statuses = project.statuses()
    return articles, spans, statuses


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(corpora())
def test_export_then_import_into_empty_project_gives_same_articles_and_spans(
    capsys: pytest.CaptureFixture, records: list[ArticleRecord]
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        source, target, out_path = Path(tmp, "a.sqlite"), Path(tmp, "b.sqlite"), Path(tmp, "out.jsonl")
        with Project.open(source) as project:
            project.import_articles(records)
        assert main(["--db", str(source), "export", "--format", "jsonl", "--out", str(out_path)]) == 0
        assert main(["--db", str(target), "import", str(out_path)]) == 0
        capsys.readouterr()
        expected = snapshot(source)
        assert snapshot(target) == expected
        # Astral characters survive as themselves, not as surrogate pairs or escapes.
        assert [r.text for r in records] == [a[2] for a in expected[0]]
