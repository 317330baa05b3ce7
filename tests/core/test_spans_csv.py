"""CSV of document_id,annotator,start,end,label: spans for articles the project already has."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core.errors import InputError
from annotator.core.formats.spans_csv import read_spans_csv
from annotator.core.model import Document, SpanRef
from annotator.operations.import_corpus import import_paths
from annotator.store import Project

TEXT = "قال الرئيس 𝔸 إن الوسطاء يحاولون"
ARTICLES = {"a1": Document("a1", "t", TEXT)}


def write(tmp_path: Path, content: str, name: str = "spans.csv") -> Path:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    return path


def test_reads_rows_grouped_by_article_and_annotator(tmp_path):
    start = TEXT.index("الوسطاء")
    path = write(tmp_path, "\ufeffdocument_id,annotator,start,end,label\n"
                           f"a1,salma,4,10,actor\na1,omar,{start},{start + 7},mediator\n"
                           "a1,salma,0,3,demand\n")
    (record,) = read_spans_csv(path, ARTICLES)
    by = {a.annotator: a.spans for a in record.annotations}
    assert by == {"salma": (SpanRef(0, 3, "demand"), SpanRef(4, 10, "actor")),
                  "omar": (SpanRef(start, start + 7, "mediator"),)}
    assert TEXT[start:start + 7] == "الوسطاء"  # offsets are code points, past the astral 𝔸


def test_article_id_column_and_matching_text_column_are_accepted(tmp_path):
    path = write(tmp_path, "article_id,title,annotator,start,end,label,text\n"
                           'a1,"t, x",salma,4,10,actor,الرئيس\n')
    (record,) = read_spans_csv(path, ARTICLES)
    assert record.annotations[0].spans == (SpanRef(4, 10, "actor"),)


@pytest.mark.parametrize(("content", "line", "fault"), [
    ("document_id,annotator,start,label\n", 1, "lacks column(s) end"),
    ("document_id,annotator,start,end,label\na1,s,0,3,actor\nzz,s,0,3,actor\n", 3, "no article with id 'zz'"),
    ("document_id,annotator,start,end,label\na1,s,0,3,actor\na1,s,3,999,actor\n", 3, "outside article a1"),
    ("document_id,annotator,start,end,label\na1,s,x,3,actor\n", 2, "whole numbers"),
    ("document_id,annotator,start,end,label,text\n\"a1\",s,0,3,actor,\"قال\"\na1,s,4,10,actor,\"الوزير\nx\"\n",
     3, "quotes"),
    ("document_id,annotator,start,end,label\na1,,0,3,actor\n", 2, "must not be empty"),
])
def test_bad_rows_name_file_and_line(tmp_path, content, line, fault):
    path = write(tmp_path, content)
    with pytest.raises(InputError) as caught:
        read_spans_csv(path, ARTICLES)
    assert caught.value.line == line and fault in str(caught.value)
    assert str(caught.value).startswith(f"{path}, line {line}: ")


def test_import_attaches_csv_spans_to_project_articles_and_bad_csv_changes_nothing(tmp_path, seeds_dir):
    db = tmp_path / "p.sqlite"
    with Project.open(db) as project:
        import_paths(project, [seeds_dir])
        article = project.documents()[0]
    good = write(tmp_path, f"document_id,annotator,start,end,label\n{article.id},salma,0,5,actor\n")
    with Project.open(db) as project:
        import_paths(project, [good])
        assert [(s.start, s.end, s.annotator) for s in project.spans()] == [(0, 5, "salma")]
    before = db.read_bytes()
    bad = write(tmp_path, f"document_id,annotator,start,end,label\n{article.id},omar,0,5,actor\n"
                          f"{article.id},omar,0,5,unknown-label\n", name="bad.csv")
    with Project.open(db) as project, pytest.raises(InputError, match="unknown-label"):
        import_paths(project, [bad])
    assert db.read_bytes() == before
