"""Importing: the dry run the window previews with, progress that can stop it, and the summary wording."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.cli.main import main
from annotator.operations.import_corpus import import_paths
from annotator.store import Project


def annotations_of_known_articles(project: Project, folder: Path) -> Path:
    """A JSONL file with salma's work (one span each) on the project's five articles."""
    lines = []
    for document in project.documents():
        lines.append(json.dumps({"text": document.text, "annotator": "salma", "status": "done",
                                 "spans": [{"start": 0, "end": 3, "label": "actor"}]}, ensure_ascii=False))
    path = folder / "salma.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_dry_run_says_what_would_be_added_and_leaves_the_file_byte_identical(
    project: Project, tmp_path: Path
) -> None:
    source = annotations_of_known_articles(project, tmp_path)
    project.db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    before = project.path.read_bytes()
    preview = import_paths(project, [source], dry_run=True)
    assert (preview.articles_added, preview.articles_existing) == (0, 5)
    assert (preview.annotations_added, preview.spans_added) == (5, 5)
    assert preview.annotators == {"salma"}
    assert project.annotators() == [] and project.spans() == []
    project.db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    assert project.path.read_bytes() == before


def test_an_exception_from_progress_stores_nothing(project: Project, tmp_path: Path) -> None:
    source = annotations_of_known_articles(project, tmp_path)
    reports: list[tuple[int, int]] = []

    class Stop(Exception):
        pass

    def progress(done: int, total: int) -> None:
        reports.append((done, total))
        if done == total:  # the last report, after every record has been written
            raise Stop

    with pytest.raises(Stop):
        import_paths(project, [source], progress=progress)
    assert reports[0] == (0, 1) and reports[-1] == (1, 1)
    assert project.spans() == [] and project.annotators() == []


def test_summary_counts_annotation_sets_of_known_articles_apart_from_the_articles(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    source = annotations_of_known_articles(project, tmp_path)
    project.close()
    assert main(["--db", str(tmp_path / "project.sqlite"), "import", str(source)]) == 0
    line = capsys.readouterr().out
    assert line.startswith("0 article(s) added; 5 already present; 5 annotation set(s) added; "
                           "5 span(s) added")
    assert main(["--db", str(tmp_path / "project.sqlite"), "import", str(source)]) == 0
    assert "5 annotation set(s) already present; 0 span(s) added; 5 span(s) already present" \
        in capsys.readouterr().out
