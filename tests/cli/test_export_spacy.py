"""spaCy DocBin export: spaCy reads back the same spans, misaligned ones are reported, never dropped."""

from __future__ import annotations

import builtins
import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.cli.main import main
from annotator.core.model import AnnotationSet, ArticleRecord, SpanRef
from annotator.operations.export import export_project
from annotator.store import Project

spacy = pytest.importorskip("spacy")
from annotator.core.formats.spacy_docbin import read_docbin  # noqa: E402  (needs spaCy)

WORDS = ["قال", "الرئيس", "محمد", "الوفد", "المصري", "وصل", "إلى", "الدوحة", "للتفاوض", "مع", "حماس"]
LABELS = ["actor", "mediator", "demand", "denial"]


@st.composite
def word_corpora(draw: st.DrawFn) -> list[ArticleRecord]:
    """Articles of whole words with spans on word edges: every span aligns to spaCy tokens."""
    records = []
    for n in range(draw(st.integers(1, 3))):
        words = draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=15))
        starts, position = [], 0
        for word in words:
            starts.append(position)
            position += len(word) + 1
        text = " ".join(words) + f" {n}"
        spans = draw(st.lists(
            st.tuples(st.integers(0, len(words) - 1), st.integers(1, 4), st.sampled_from(LABELS)).map(
                lambda t, w=words, s=starts: SpanRef(
                    s[t[0]], s[min(len(w), t[0] + t[1]) - 1] + len(w[min(len(w), t[0] + t[1]) - 1]), t[2])),
            max_size=6, unique=True))
        records.append(ArticleRecord(text, f"t{n}", id=f"a{n}",
                                     annotations=(AnnotationSet("ali", tuple(spans)),)))
    return records


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(word_corpora())
def test_spacy_reads_back_the_same_spans(records: list[ArticleRecord]) -> None:
    with tempfile.TemporaryDirectory() as tmp, Project.open(Path(tmp) / "p.sqlite") as project:
        project.import_articles(records)
        result = export_project(project, "spacy", Path(tmp) / "train.spacy")
        assert result.notes == []
        docs = read_docbin(Path(tmp) / "train.spacy")
    assert [(meta["article_id"], meta["annotator"]) for meta, _ in docs] == [(r.id, "ali") for r in records]
    assert [sorted(spans) for _, spans in docs] == [sorted(r.annotations[0].spans) for r in records]


def test_span_inside_a_token_is_expanded_and_reported(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    text = "التقى الوفد بحماس اليوم."
    hamas = SpanRef(text.index("حماس"), text.index("حماس") + 4, "actor")  # spaCy keeps بحماس as one token
    delegation = SpanRef(text.index("الوفد"), text.index("الوفد") + 5, "mediator")
    db = tmp_path / "p.sqlite"
    with Project.open(db) as project:
        project.import_articles([ArticleRecord(text, "t", id="a1", annotations=(
            AnnotationSet("ali", (hamas, delegation)),))])
    assert main(["--db", str(db), "export", "--format", "spacy", "--out", str(tmp_path / "x.spacy")]) == 0
    out = capsys.readouterr().out
    assert f"a1 ali {hamas.start}-{hamas.end} actor: stored as {hamas.start - 1}-{hamas.end}" in out
    [(_, spans)] = read_docbin(tmp_path / "x.spacy")
    assert sorted(spans) == sorted([delegation, SpanRef(hamas.start - 1, hamas.end, "actor")])
    metadata = json.loads((tmp_path / "x.spacy.metadata.json").read_text(encoding="utf-8"))
    assert metadata["realigned"] == [{"article_id": "a1", "annotator": "ali", "start": hamas.start,
                                      "end": hamas.end, "label": "actor",
                                      "stored": [hamas.start - 1, hamas.end]}]


def test_missing_spacy_gives_install_hint_and_writes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                              capsys: pytest.CaptureFixture) -> None:
    real_import = builtins.__import__

    def no_spacy(name: str, *args, **kwargs):
        if name == "spacy" or name.startswith("spacy."):
            raise ImportError("No module named 'spacy'")
        return real_import(name, *args, **kwargs)

    db = tmp_path / "p.sqlite"
    Project.open(db).close()
    monkeypatch.setattr(builtins, "__import__", no_spacy)
    assert main(["--db", str(db), "export", "--format", "spacy", "--out", str(tmp_path / "x.spacy")]) == 1
    assert "pip install 'annotator[spacy]'" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p.sqlite"]


def test_worker_processes_give_the_same_docbin_as_one_process(tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    from annotator.core.formats import spacy_docbin

    records = [ArticleRecord(f"قال الوفد {n} بحماس.\nوعاد.", f"t{n}", id=f"a{n}", annotations=(
        AnnotationSet("ali", (SpanRef(4, 9, "mediator"), SpanRef(13, 17, "actor"))),)) for n in range(7)]
    monkeypatch.setattr(spacy_docbin, "CHUNK", 2)  # split even this small corpus between the workers
    one = spacy_docbin.write_docbin(records, tmp_path / "one.spacy", workers=1)
    two = spacy_docbin.write_docbin(records, tmp_path / "two.spacy", workers=2)
    assert read_docbin(tmp_path / "two.spacy") == read_docbin(tmp_path / "one.spacy")
    assert [meta["article_id"] for meta, _ in read_docbin(tmp_path / "two.spacy")] == [r.id for r in records]
    assert (two.documents, two.spans, two.realigned) == (one.documents, one.spans, one.realigned)
    assert len(one.realigned) == 7  # بحماس is one spaCy token: every actor span was widened, and said so
