"""`annotator import`: good input is stored; every bad input is one message (exit 1) and the project
file is left byte for byte as it was."""

from __future__ import annotations

import codecs
import json
import re
import sqlite3
from pathlib import Path

import pytest

from annotator.cli.main import main
from annotator.core.model import Status
from annotator.store import Project

TEXT = "قال وزير الخارجية المصري إن القاهرة تتوسط بين الطرفين."
# TEXT[4:8] == "وزير"


def project_files(db: Path) -> dict[str, bytes]:
    """The project file and any WAL companions, as bytes: the whole on-disk state of the project."""
    return {p.name: p.read_bytes() for p in sorted(db.parent.glob(db.name + "*"))}


@pytest.fixture
def db(tmp_path: Path, seeds_dir: Path, capsys: pytest.CaptureFixture) -> Path:
    """A project holding the seeds and one annotated article, closed (so fully checkpointed)."""
    path = tmp_path / "project.sqlite"
    records = tmp_path / "good.jsonl"
    records.write_text(
        json.dumps(
            {
                "text": TEXT,
                "meta": {"id": "w1"},
                "annotator": "salma",
                "spans": [{"start": 4, "end": 8, "label": "actor"}],
            }
        )
        + "\n",
        encoding="utf-8",
    )
    assert main(["--db", str(path), "import", str(seeds_dir), str(records)]) == 0
    capsys.readouterr()
    assert list(project_files(path)) == ["project.sqlite"]  # closing checkpointed the WAL away
    return path


def jsonl(*objects: object) -> bytes:
    return "".join(
        (o if isinstance(o, str) else json.dumps(o, ensure_ascii=False)) + "\n" for o in objects
    ).encode("utf-8")


GOOD = {"text": "خبر سليم في السطر الأول"}


def span(start: int, end: int, label: str = "actor", **extra: object) -> dict:
    return {
        "text": TEXT + " ثانية",
        "annotator": "omar",
        "spans": [{"start": start, "end": end, "label": label, **extra}],
    }


# name → (file name, bytes, message fragment, line number or None)
BAD_INPUTS: dict[str, tuple[str, bytes, str, int | None]] = {
    "binary file": ("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary", None),
    "empty txt": ("empty.txt", b"", "empty", None),
    "empty jsonl": ("empty.jsonl", b"\n\n", "empty", None),
    "undecodable txt": (
        "broken.txt",
        "قال الوزير".encode() + b"\xff\xfe\xfa" + "إن".encode(),
        "invalid byte",
        1,
    ),
    "undecodable jsonl": ("broken.jsonl", jsonl(GOOD) + b'{"text": "\xff\xfe"}\n', "not valid UTF-8", 2),
    "invalid JSON": ("bad.jsonl", jsonl(GOOD, '{"text": "نص"'), "invalid JSON", 2),
    "missing text": ("bad.jsonl", jsonl(GOOD, {"meta": {"id": "x"}}), 'missing "text"', 2),
    "offsets outside text": ("bad.jsonl", jsonl(GOOD, span(40, 400)), "outside the text", 2),
    "start equals end": ("bad.jsonl", jsonl(GOOD, span(4, 4)), "start >= end", 2),
    "edit time not a time": ("bad.jsonl", jsonl(GOOD, span(4, 8) | {"updated_at": "soon"}), "updated_at", 2),
    "start after end": ("bad.jsonl", jsonl(GOOD, span(8, 4)), "start >= end", 2),
    "span text mismatch": ("bad.jsonl", jsonl(GOOD, span(4, 8, text="الوزير")), '"text" is', 2),
    "unknown label": ("bad.jsonl", jsonl(GOOD, GOOD, span(4, 8, "threat")), "unknown label 'threat'", 3),
    "export metadata record": (
        "out.jsonl.metadata.json",
        b'{\n  "format": "jsonl"\n}\n',
        "metadata record",
        None,
    ),
    "unsupported file type": ("article.pdf", b"%PDF-1.4", "unsupported file type", None),
}


@pytest.mark.parametrize("case", list(BAD_INPUTS))
def test_bad_input_exits_1_naming_file_and_leaves_project_unchanged(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture, case: str
) -> None:
    name, data, fragment, line = BAD_INPUTS[case]
    bad = tmp_path / "incoming" / name
    bad.parent.mkdir()
    bad.write_bytes(data)
    before = project_files(db)
    assert main(["--db", str(db), "import", str(bad)]) == 1
    out, err = capsys.readouterr()
    where = f"{bad}, line {line}: " if line else f"{bad}: "
    assert err.startswith(f"annotator: error: {where}"), err
    assert fragment in err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert out == ""
    assert project_files(db) == before


def test_a_good_import_does_change_the_compared_bytes(db: Path, tmp_path: Path) -> None:
    """The control for the tests above: the comparison sees a real import."""
    path = tmp_path / "one.txt"
    path.write_text("خبر جديد\n", encoding="utf-8")
    before = project_files(db)
    assert main(["--db", str(db), "import", str(path)]) == 0
    assert project_files(db) != before


def test_one_bad_file_in_a_folder_stops_the_whole_import(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    folder = tmp_path / "batch"
    folder.mkdir()
    for n in range(3):
        (folder / f"{n}-good.txt").write_text(f"خبر رقم {n}\nنص الخبر.\n", encoding="utf-8")
    (folder / "9-bad.txt").write_bytes(b"")
    before = project_files(db)
    assert main(["--db", str(db), "import", str(folder)]) == 1
    assert str(folder / "9-bad.txt") in capsys.readouterr().err
    assert project_files(db) == before


def test_missing_path_is_a_data_error(db: Path, tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    before = project_files(db)
    assert main(["--db", str(db), "import", str(tmp_path / "nowhere")]) == 1
    assert "no such file or folder" in capsys.readouterr().err
    assert project_files(db) == before


def test_unknown_label_is_added_with_add_labels(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    path = tmp_path / "new-label.jsonl"
    path.write_bytes(jsonl(span(4, 8, "threat")))
    assert main(["--db", str(db), "import", str(path), "--add-labels"]) == 0
    assert "new label(s): threat" in capsys.readouterr().out
    with Project.open(db) as project:
        assert [label.name for label in project.labels()][-1] == "threat"
        assert [(s.annotator, s.label) for s in project.spans() if s.label == "threat"] == [
            ("omar", "threat")
        ]


def test_annotator_option_names_the_annotator_of_records_without_one(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    path = tmp_path / "doccano.jsonl"
    path.write_bytes(
        jsonl(
            {"text": TEXT, "label": [[4, 8, "actor"]]},
            {"text": TEXT + "!", "annotator": "huda", "label": [[4, 8, "demand"]]},
        )
    )
    db = tmp_path / "p.sqlite"
    assert main(["--db", str(db), "import", str(path), "--annotator", "sami"]) == 0
    with Project.open(db) as project:
        assert sorted((s.annotator, s.label) for s in project.spans()) == [
            ("huda", "demand"),
            ("sami", "actor"),
        ]
        assert sorted(project.statuses().values()) == [Status.DONE, Status.DONE]


def test_reimport_of_same_files_changes_no_data(
    db: Path, seeds_dir: Path, capsys: pytest.CaptureFixture
) -> None:
    def dump() -> list[str]:
        conn = sqlite3.connect(db)
        try:
            return list(conn.iterdump())
        finally:
            conn.close()

    before = dump()
    assert main(["--db", str(db), "import", str(seeds_dir)]) == 0
    assert re.match(r"0 article\(s\) added; 5 already present", capsys.readouterr().out)
    assert dump() == before


@pytest.mark.parametrize("encoding", ["cp1256", "iso8859_6", "utf-16", "utf-8-sig"])
def test_cli_imports_legacy_and_unicode_encodings_as_the_exact_text(
    tmp_path: Path, capsys: pytest.CaptureFixture, encoding: str
) -> None:
    text = "وقالَ المتحدثُ إنّ الوفدَ سيصلُ إلى القاهرةِ\u00a0مساءَ اليومِ لبحثِ الـــهدنةِ.\nوأضافَ أنَّ البيانَ غداً.\n"
    path = tmp_path / "legacy.txt"
    path.write_bytes(codecs.encode(text.replace("\n", "\r\n"), encoding))
    db = tmp_path / "p.sqlite"
    assert main(["--db", str(db), "import", str(path)]) == 0
    with Project.open(db) as project:
        [document] = project.documents()
    assert document.text == text


def test_an_exported_folder_imports_back(db: Path, tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    folder = tmp_path / "exported"
    folder.mkdir()
    assert main(["--db", str(db), "export", "--format", "jsonl", "--out", str(folder / "all.jsonl")]) == 0
    assert (folder / "all.jsonl.metadata.json").is_file()  # written beside the data, skipped on import
    target = tmp_path / "copy.sqlite"
    assert main(["--db", str(target), "import", str(folder)]) == 0
    capsys.readouterr()
    with Project.open(db) as original, Project.open(target) as copy:
        assert [d.text for d in copy.documents()] == [d.text for d in original.documents()]
        assert [s.ref for s in copy.spans()] == [s.ref for s in original.spans()]


def test_failed_import_into_a_new_project_leaves_no_file(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_bytes(jsonl(GOOD, span(4, 8, "threat")))  # fails inside the store's transaction
    db = tmp_path / "new.sqlite"
    assert main(["--db", str(db), "import", str(bad)]) == 1
    assert "unknown label" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.jsonl"]
