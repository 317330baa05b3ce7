"""`annotator search` and `annotator consistency` on text with characters outside the BMP, and their
answers to bad input: one sentence, the documented exit code, the project file unchanged."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from annotator.cli.main import main
from annotator.core.model import ArticleRecord
from annotator.store import Project

SHARED = ("وتقول المصادر إن الوسطاء كانوا ينقلون الرسائل سرا بين واشنطن 🇵🇸 وطهران منذ شهور "
          "على أمل تشجيع الطرفين على التحاور")
TEXT_A = "😀😀 مقدمة 𝕏𝕏 أولى.\n" + SHARED + "\n👍 خاتمة"
TEXT_B = "𝐀 عنوان آخر 🇵🇸🇵🇸 هنا.\n" + SHARED.replace(" 🇵🇸", "") + " 🙂 نهاية"


def run(capsys, *argv: object) -> tuple[int, str, str]:
    try:
        code = main([str(a) for a in argv])
    except SystemExit as exc:  # argparse's usage errors
        code = exc.code
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "astral.sqlite"
    with Project.open(path) as project:
        project.import_articles([ArticleRecord(text=TEXT_A, title="A", id="astral-a"),
                                 ArticleRecord(text=TEXT_B, title="B", id="astral-b")])
        start = TEXT_A.index("واشنطن")
        project.add_span("astral-a", "sara", start, start + len("واشنطن 🇵🇸 وطهران"), "actor")
    return path


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_search_offsets_are_code_points_past_astral_characters(db: Path, capsys) -> None:
    code, out, _ = run(capsys, "--db", db, "search", "طهران", "--json")
    assert code == 0
    hits = json.loads(out)["hits"]
    texts = {"astral-a": TEXT_A, "astral-b": TEXT_B}
    assert [(h["article_id"], h["start"], h["end"]) for h in hits] == [
        ("astral-a", TEXT_A.index("طهران"), TEXT_A.index("طهران") + 5),
        ("astral-b", TEXT_B.index("طهران"), TEXT_B.index("طهران") + 5)]
    assert all(texts[h["article_id"]][h["start"]:h["end"]] == h["text"] == "طهران" for h in hits)


def test_label_search_names_the_span_with_code_point_offsets(db: Path, capsys) -> None:
    code, out, _ = run(capsys, "--db", db, "search", "وطهران", "--label", "actor", "--json")
    assert code == 0
    [hit] = json.loads(out)["hits"]
    assert TEXT_A[hit["span_start"]:hit["span_end"]] == "واشنطن 🇵🇸 وطهران"
    assert TEXT_A[hit["start"]:hit["end"]] == hit["text"] == "وطهران"


def test_consistency_passage_and_difference_offsets_slice_the_originals(db: Path, capsys) -> None:
    code, out, _ = run(capsys, "--db", db, "consistency", "--json")
    assert code == 0
    [passage] = json.loads(out)["passages"]
    assert TEXT_A[passage["start_a"]:passage["end_a"]] == SHARED
    assert TEXT_B[passage["start_b"]:passage["end_b"]] == SHARED.replace(" 🇵🇸", "")
    [difference] = passage["differences"]
    assert difference["kind"] == "missing_in_b"
    assert TEXT_A[difference["start_a"]:difference["end_a"]] == "واشنطن 🇵🇸 وطهران"
    assert TEXT_B[difference["start_b"]:difference["end_b"]] == "واشنطن وطهران"


@pytest.mark.parametrize(("argv", "code", "words"), [
    (("search", ""), 2, "expected a word or phrase"),
    (("search", "ً ـ "), 2, "expected a word or phrase"),
    (("search", "طهران", "--limit", "-1"), 2, "--limit"),
    (("search", "طهران", "--label", "nosuch"), 1, "no label named 'nosuch'"),
    (("search", "طهران", "--annotator", "nobody"), 1, "no annotator named 'nobody'"),
    (("consistency", "--annotators", "sara,nobody"), 1, "no annotator named 'nobody'"),
    (("consistency", "--min-words", "0"), 2, "--min-words"),
])
def test_bad_input_is_one_sentence_with_its_exit_code_and_the_file_unchanged(
        db: Path, capsys, argv: tuple[str, ...], code: int, words: str) -> None:
    before = digest(db)
    got, out, err = run(capsys, "--db", db, *argv)
    assert (got, out) == (code, "")
    message = err.strip().splitlines()[-1]
    assert words in message and "Traceback" not in err
    assert digest(db) == before
