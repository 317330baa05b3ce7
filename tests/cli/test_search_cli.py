"""`annotator search`: Arabic-normalised hits with exact offsets, as text and as the README's JSON."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from annotator.cli.main import main
from annotator.operations.import_corpus import import_paths
from annotator.store import Project

HIT_KEYS = {"article_id", "title", "start", "end", "text", "before", "after", "label", "annotator",
            "span_start", "span_end"}


@pytest.fixture
def db(tmp_path: Path, seeds_dir: Path) -> Path:
    path = tmp_path / "p.sqlite"
    with Project.open(path) as project:
        import_paths(project, [seeds_dir])
    return path


def texts(db: Path) -> dict[str, str]:
    with Project.open(db) as project:
        return {d.id: d.text for d in project.documents()}


def run_json(db: Path, capsys: pytest.CaptureFixture, *args: str) -> dict:
    assert main(["--db", str(db), "search", *args, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_json_lists_every_spelling_at_its_exact_offsets(db: Path, capsys: pytest.CaptureFixture) -> None:
    result = run_json(db, capsys, "الامريكيه", "--limit", "1000")  # typed without hamza, ha for ta marbuta
    assert set(result) == {"query", "normalised", "label", "annotator", "total", "articles", "offset",
                           "limit", "hits"}
    assert (result["query"], result["normalised"]) == ("الامريكيه", "الامريكيه")
    by_id = texts(db)
    spellings = re.compile("[اأإآ]مريكي[ةه]")
    expected = [(doc_id, m.start() - 2) for doc_id, text in by_id.items()
                for m in spellings.finditer(text) if text[m.start() - 2:m.start()] == "ال"]
    assert [(h["article_id"], h["start"]) for h in result["hits"]] == expected
    assert result["total"] == len(expected) > 0
    for hit in result["hits"]:
        assert set(hit) == HIT_KEYS
        assert by_id[hit["article_id"]][hit["start"]:hit["end"]] == hit["text"]
        assert spellings.fullmatch(hit["text"][2:])
        assert hit["label"] is None and hit["span_start"] is None
    assert {h["text"] for h in result["hits"]} == {"الأمريكية"}


def test_text_output_names_articles_offsets_and_context(db: Path, capsys: pytest.CaptureFixture) -> None:
    assert main(["--db", str(db), "search", "الولايات المتحدة", "--limit", "3"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "22 match(es) in 5 article(s) for 'الولايات المتحدة' (showing 1–3)"
    by_id = texts(db)
    article = out[1].split("\t")[0]
    assert article in by_id
    for line in out[2:]:
        start, end = map(int, line.split("\t")[0].split("-"))
        assert by_id[article][start:end] == "الولايات المتحدة"
        assert "[الولايات المتحدة]" in line


def test_label_filter_lists_only_spans_of_that_label(db: Path, capsys: pytest.CaptureFixture) -> None:
    with Project.open(db) as project:
        doc = project.documents()[1]
        start = doc.text.index("أوباما")
        project.add_span(doc.id, "salma", start, start + 6, "actor")
        project.add_span(doc.id, "omar", start, start + 6, "demand")
    result = run_json(db, capsys, "اوباما", "--label", "actor")
    assert (result["total"], result["label"]) == (1, "actor")
    [hit] = result["hits"]
    assert (hit["article_id"], hit["start"], hit["text"]) == (doc.id, start, "أوباما")
    assert hit["annotator"] == "salma"
    assert (hit["span_start"], hit["span_end"], hit["label"]) == (start, start + 6, "actor")
    assert main(["--db", str(db), "search", "اوباما", "--label", "actor"]) == 0
    assert f"actor {start}-{start + 6} by salma" in capsys.readouterr().out


def test_fts_syntax_is_searched_as_text(db: Path, capsys: pytest.CaptureFixture) -> None:
    for query in ['"', "NEAR(x y)", "ترامب*", "a AND -b", "(2019)", 'لـ"رويترز"']:
        result = run_json(db, capsys, query)
        assert result["query"] == query
    assert run_json(db, capsys, 'لـ"رويترز"')["total"] == 1


def test_unknown_label_is_one_clear_error_and_changes_nothing(db: Path,
                                                              capsys: pytest.CaptureFixture) -> None:
    before = db.read_bytes()
    assert main(["--db", str(db), "search", "ايران", "--label", "nope"]) == 1
    assert "no label named 'nope'" in capsys.readouterr().err
    assert db.read_bytes() == before


def test_bad_limit_is_a_usage_error(db: Path, capsys: pytest.CaptureFixture) -> None:
    with pytest.raises(SystemExit) as info:
        main(["--db", str(db), "search", "ايران", "--limit", "-3"])
    assert info.value.code == 2
    assert "expected a whole number" in capsys.readouterr().err


def test_readme_json_example_is_what_search_prints_on_the_seeds(db: Path,
                                                               capsys: pytest.CaptureFixture) -> None:
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    section = readme.split("### Searching the corpus\n", 1)[1]
    example = json.loads(re.search(r"```\n(.*?)```", section, re.S).group(1))
    assert run_json(db, capsys, example["query"], "--limit", "1") == example


def test_no_totals_lists_the_same_page_with_null_totals(db: Path, capsys: pytest.CaptureFixture) -> None:
    counted = run_json(db, capsys, "الولايات المتحدة", "--limit", "4", "--offset", "2")
    quick = run_json(db, capsys, "الولايات المتحدة", "--limit", "4", "--offset", "2", "--no-totals")
    assert quick["hits"] == counted["hits"] and len(quick["hits"]) == 4
    assert quick["total"] is None and quick["articles"] is None and counted["total"] == 22
    assert main(["--db", str(db), "search", "الولايات المتحدة", "--limit", "3", "--no-totals"]) == 0
    assert capsys.readouterr().out.splitlines()[0] == "match(es) 1–3 for 'الولايات المتحدة' (not counted)"
