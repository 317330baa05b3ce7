"""spaCy carries relations, attributes, notes and article codes in doc.user_data; CoNLL's metadata
record says it carries spans only."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.operations.export import export_project
from annotator.store import Project


def test_spacy_user_data_holds_the_coding(coded: Path, tmp_path: Path, spans_at) -> None:
    pytest.importorskip("spacy")
    from annotator.core.formats.spacy_docbin import read_docbin

    out = tmp_path / "corpus.spacy"
    with Project.open(coded) as project:
        export_project(project, "spacy", out, agreement=False)
    ((user_data, _spans),) = read_docbin(out)
    listed = user_data["spans"]
    text = {(item["start"], item["end"]): item for item in listed}
    minister = spans_at("وزير الخارجية")
    assert text[minister]["note"] == "من هو؟ 𝐀"
    assert text[spans_at("إيران")]["attributes"] == {"canonical": "Iran"}
    assert text[spans_at("طهران")]["attributes"] == {"negated": True}
    named = {(tuple(listed[r["head"]].values())[:2], r["label"], tuple(listed[r["child"]].values())[:2])
             for r in user_data["relations"]}
    assert (minister, "claims", spans_at("بوقف التصعيد")) in named
    assert user_data["codes"] == {"secret": True, "stance": "معارض"} and user_data["note"] == "خبر مترجم"


def test_conll_metadata_says_it_carries_spans_only(coded: Path, tmp_path: Path) -> None:
    with Project.open(coded) as project:
        result = export_project(project, "conll", tmp_path / "out.conll", agreement=False)
    metadata = json.loads(result.metadata_path.read_text(encoding="utf-8"))
    assert metadata["carries"].startswith("spans only") and "relations" in metadata["carries"]
