"""Prodigy db-out records: who answered, skipped and rejected answers, binary ner.teach decisions."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.core.formats.jsonl import read_jsonl
from annotator.core.formats.prodigy import session_annotator
from annotator.core.model import Status

TEXT = "قال 😀 الوزير إن حماس ترفض"
MINISTER = {"start": TEXT.index("الوزير"), "end": TEXT.index("الوزير") + 6, "label": "mediator",
            "token_start": 2, "token_end": 2}
HAMAS = {"start": TEXT.index("حماس"), "end": TEXT.index("حماس") + 4, "label": "actor",
         "token_start": 4, "token_end": 4}


def write(tmp_path: Path, records: list[dict], name: str = "news_ner.jsonl") -> Path:
    path = tmp_path / name
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def manual(**extra) -> dict:
    return {"text": TEXT, "_input_hash": 1, "_task_hash": 2, "_view_id": "ner_manual", "answer": "accept",
            "spans": [MINISTER, HAMAS], **extra}


@pytest.mark.parametrize("ids, dataset, expected", [
    ({"_annotator_id": "news_ner-alex", "_session_id": "news_ner-alex"}, "news_ner", "alex"),
    ({"_session_id": "news-ner-alex"}, "news-ner", "alex"),  # the dataset's own dash is kept
    ({"_session_id": "news-ner-alex"}, None, "alex"),
    ({"_session_id": "news_ner-2024-03-11_15-15-44"}, "news_ner", None),  # an unnamed session
    ({}, "news_ner", None),
])
def test_the_session_part_after_the_dataset_name_is_the_annotator(ids, dataset, expected) -> None:
    assert session_annotator(ids, dataset) == expected


def test_records_name_their_annotators_and_skipped_answers_are_counted(tmp_path: Path) -> None:
    notes: list[str] = []
    path = write(tmp_path, [
        manual(_annotator_id="news_ner-alex", _session_id="news_ner-alex"),
        manual(_annotator_id="news_ner-huda", _session_id="news_ner-huda", answer="ignore"),
        manual(_annotator_id="news_ner-huda", _session_id="news_ner-huda", answer="reject"),
        manual(_annotator_id="news_ner-omar", _session_id="news_ner-omar"),
    ])
    records = list(read_jsonl(path, notes=notes))
    assert [r.annotations[0].annotator for r in records] == ["alex", "omar"]
    assert all(r.annotations[0].status is Status.DONE for r in records)
    assert notes == ["news_ner.jsonl: 2 Prodigy record(s) skipped (1 ignore, 1 reject)"]


def test_a_span_answered_reject_is_not_imported(tmp_path: Path) -> None:
    notes: list[str] = []
    record = manual(_session_id="news_ner-alex", spans=[{**MINISTER, "answer": "reject"},
                                                        {**HAMAS, "answer": "accept"}])
    [read] = read_jsonl(write(tmp_path, [record]), notes=notes)
    [span] = read.annotations[0].spans
    assert TEXT[span.start:span.end] == "حماس"
    assert "news_ner.jsonl: 1 span(s) answered reject not imported" in notes


def test_binary_ner_teach_answers_are_work_in_progress(tmp_path: Path) -> None:
    notes: list[str] = []
    teach = {"text": TEXT, "_view_id": "ner", "answer": "accept", "spans": [{**HAMAS, "score": 0.7}],
             "meta": {"score": 0.7}, "_session_id": "news_ner-alex"}
    [record] = read_jsonl(write(tmp_path, [teach, {**teach, "answer": "reject"}]), notes=notes)
    [annotation] = record.annotations
    assert (annotation.annotator, annotation.status) == ("alex", Status.IN_PROGRESS)
    assert "news_ner.jsonl: 1 binary answer(s) (ner.teach) imported as 'in progress'" in notes


def test_the_annotator_flag_is_used_when_the_session_names_nobody(tmp_path: Path) -> None:
    path = write(tmp_path, [manual(_session_id="news_ner-2024-03-11_15-15-44")])
    [record] = read_jsonl(path, default_annotator="salma")
    assert record.annotations[0].annotator == "salma"
