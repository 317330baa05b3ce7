"""Importing into a project: the seed corpus, no duplicates on re-import, and all-or-nothing imports."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.core.errors import InputError
from annotator.core.model import AnnotationSet, ArticleRecord, SpanRef, Status, text_sha256
from annotator.operations.import_corpus import import_paths
from annotator.store import Project

TEXT = "قال وزير الخارجية المصري إن القاهرة تتوسط بين الطرفين."


def first_non_empty_line(text: str) -> str:
    return next(line.strip() for line in text.split("\n") if line.strip())


def test_seed_import_stores_five_articles_with_titles_and_exact_text(
    project: Project, seeds_dir: Path
) -> None:
    files = sorted(seeds_dir.glob("*.txt"))
    assert len(files) == 5
    documents = project.documents()
    assert len(documents) == project.document_count() == 5
    by_source = {d.source: d for d in documents}
    assert sorted(by_source) == [f.name for f in files]
    for file in files:
        expected = file.read_bytes().decode("utf-8")  # the seeds are UTF-8 with LF line endings
        document = by_source[file.name]
        assert document.text == expected
        assert document.title == first_non_empty_line(expected)
        assert document.sha256 == text_sha256(expected)
        assert document.imported_at
    assert [d.source for d in documents] == [f.name for f in files]  # corpus order is import order
    assert [s.length for s in project.article_summaries()] == [len(d.text) for d in documents]


def test_reimporting_the_same_texts_adds_nothing(project: Project, seeds_dir: Path) -> None:
    before = project.documents()
    summary = import_paths(project, [seeds_dir])
    assert (summary.articles_added, summary.articles_existing) == (0, 5)
    assert project.documents() == before


def test_same_text_under_another_name_is_not_duplicated(project: Project, seeds_dir: Path,
                                                        tmp_path: Path) -> None:
    seed = sorted(seeds_dir.glob("*.txt"))[0]
    copy = tmp_path / "renamed copy.txt"
    copy.write_bytes(seed.read_bytes().replace(b"\n", b"\r\n"))  # same text once CRLF becomes LF
    summary = import_paths(project, [copy])
    assert summary.articles_existing == 1 and project.document_count() == 5


def record(annotator: str = "salma", *spans: SpanRef, status: Status = Status.DONE) -> ArticleRecord:
    return ArticleRecord(TEXT, "وساطة", annotations=(AnnotationSet(annotator, spans, status),))


def test_spans_come_with_their_article_and_mark_it_done(tmp_path: Path) -> None:
    with Project.open(tmp_path / "p.sqlite") as project:
        summary = project.import_articles(
            [record("salma", SpanRef(4, 8, "actor"), SpanRef(28, 35, "mediator"))])
        [article] = project.article_summaries()
        assert {s.ref for s in project.spans()} == {SpanRef(4, 8, "actor"), SpanRef(28, 35, "mediator")}
        assert project.status(article.id, "salma") is Status.DONE
        assert (summary.articles_added, summary.spans_added) == (1, 2)


def test_importing_the_same_spans_twice_keeps_one_copy(tmp_path: Path) -> None:
    with Project.open(tmp_path / "p.sqlite") as project:
        project.import_articles([record("salma", SpanRef(4, 8, "actor"))])
        first = project.spans()
        summary = project.import_articles([record("salma", SpanRef(4, 8, "actor"), SpanRef(4, 8, "actor"))])
        assert project.spans() == first
        assert (summary.spans_added, summary.spans_existing) == (0, 1)
        # A new span for an existing article is added to it; another annotator's copy is their own.
        project.import_articles([record("salma", SpanRef(4, 8, "actor"), SpanRef(0, 3, "demand"))])
        project.import_articles([record("omar", SpanRef(4, 8, "actor"))])
        assert sorted((s.annotator, s.start, s.label) for s in project.spans()) == [
            ("omar", 4, "actor"), ("salma", 0, "demand"), ("salma", 4, "actor")]
        assert project.document_count() == 1


def test_record_status_is_kept(tmp_path: Path) -> None:
    with Project.open(tmp_path / "p.sqlite") as project:
        project.import_articles([record("salma", SpanRef(4, 8, "actor"), status=Status.IN_PROGRESS)])
        assert set(project.statuses().values()) == {Status.IN_PROGRESS}


def test_unknown_label_is_refused_and_nothing_is_stored(tmp_path: Path) -> None:
    with Project.open(tmp_path / "p.sqlite") as project:
        good = ArticleRecord("مقال سليم", "مقال سليم")
        expected = r"unknown label 'threat' \(the project has: actor, mediator, demand, denial\)"
        with pytest.raises(InputError, match=expected + ".*--add-labels"):
            project.import_articles([good, record("salma", SpanRef(4, 8, "threat"))])
        assert project.document_count() == 0
        assert project.annotators() == [] and len(project.labels()) == 4


def test_add_labels_appends_unknown_labels_to_the_schema(tmp_path: Path) -> None:
    with Project.open(tmp_path / "p.sqlite") as project:
        summary = project.import_articles(
            [record("salma", SpanRef(4, 8, "threat"), SpanRef(9, 17, "تهديد"), SpanRef(28, 35, "actor"))],
            add_labels=True,
        )
        assert summary.labels_added == ["threat", "تهديد"]
        labels = project.labels()
        assert [label.name for label in labels] == [
            "actor", "mediator", "demand", "denial", "threat", "تهديد"]
        assert len({label.color for label in labels}) == 6
        assert {s.label for s in project.spans()} == {"threat", "تهديد", "actor"}


def test_jsonl_folder_import_reads_txt_and_jsonl_recursively(tmp_path: Path, seeds_dir: Path) -> None:
    folder = tmp_path / "corpus" / "nested"
    folder.mkdir(parents=True)
    (folder / "records.jsonl").write_text(
        json.dumps({"text": TEXT, "meta": {"id": "w1"}, "label": [[4, 8, "actor"]]}, ensure_ascii=False)
        + "\n",
        encoding="utf-8")
    (tmp_path / "corpus" / "a.txt").write_text("خبر قصير\n", encoding="utf-8")
    (tmp_path / "corpus" / "notes.md").write_text("ignored", encoding="utf-8")
    with Project.open(tmp_path / "p.sqlite") as project:
        import_paths(project, [tmp_path / "corpus"], annotator="omar")
        assert sorted(d.title for d in project.documents()) == sorted(["خبر قصير", TEXT])
        assert project.document("w1").text == TEXT
        assert [(s.annotator, s.document_id) for s in project.spans()] == [("omar", "w1")]
