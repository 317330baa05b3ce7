"""Label Studio JSON / JSON_MIN import and task export: hand-written tasks in the shape of its docs."""

from __future__ import annotations

import json
from pathlib import Path
from xml.etree import ElementTree

import pytest

from annotator.core.errors import InputError
from annotator.core.formats.label_studio import (
    is_label_studio,
    labelling_config,
    read_label_studio,
    task_to_json,
)
from annotator.core.model import Status

# "😀" is one code point and two UTF-16 units: every offset after it tells the two counts apart.
TEXT = "قال 😀 الوزير إن المفاوضات ستستأنف"
ACTOR = (TEXT.index("الوزير"), TEXT.index("الوزير") + len("الوزير"))
DEMAND = (TEXT.index("المفاوضات"), len(TEXT))


def region(start: int, end: int, label: str, text: str) -> dict:
    return {"id": "r1", "from_name": "label", "to_name": "text", "type": "labels",
            "value": {"start": start, "end": end, "text": text, "labels": [label]}}


def json_export() -> list[dict]:
    return [{
        "id": 7,
        "data": {"body": TEXT, "outlet": "الأهرام"},
        "annotations": [
            {"id": 1, "completed_by": 3, "was_cancelled": False,
             "result": [region(*ACTOR, "actor", "الوزير"),
                        region(*DEMAND, "demand", "المفاوضات ستستأنف"),
                        {"type": "relation", "from_id": "a", "to_id": "b", "direction": "right"},
                        {"type": "choices", "value": {"choices": ["politics"]}}]},
            {"id": 2, "completed_by": {"id": 4, "email": "salma@example.org"}, "was_cancelled": True,
             "result": [region(*ACTOR, "mediator", "الوزير")]},
        ],
        "predictions": [{"model_version": "ner-v2", "score": 0.8,
                         "result": [region(*ACTOR, "actor", "الوزير")]}],
    }]


def write(tmp_path: Path, content, name: str = "export.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(content, ensure_ascii=False), encoding="utf-8")
    return path


def test_json_export_people_and_predictions_in_code_points(tmp_path: Path) -> None:
    notes: list[str] = []
    path = write(tmp_path, json_export())
    assert is_label_studio(path)
    [record] = read_label_studio(path, "body", notes=notes)
    assert record.text == TEXT and record.id == "7" and record.meta == {"outlet": "الأهرام"}
    by_name = {a.annotator: a for a in record.annotations}
    assert set(by_name) == {"user-3", "model:ner-v2"}  # the cancelled annotation is left out
    assert {(TEXT[s.start:s.end], s.label) for s in by_name["user-3"].spans} == {
        ("الوزير", "actor"), ("المفاوضات ستستأنف", "demand")}
    assert by_name["user-3"].status is Status.DONE
    assert by_name["model:ner-v2"].status is Status.IN_PROGRESS
    assert any("1 skipped (cancelled)" in n for n in notes)
    assert any("1 relation(s) and 1 other" in n for n in notes)


def test_old_export_counting_utf16_units_is_converted(tmp_path: Path) -> None:
    tasks = json_export()
    start, end = ACTOR
    tasks[0]["annotations"][0]["result"] = [region(start + 1, end + 1, "actor", "الوزير")]
    notes: list[str] = []
    [record] = read_label_studio(write(tmp_path, tasks), "body", notes=notes)
    [span] = next(a for a in record.annotations if a.annotator == "user-3").spans
    assert TEXT[span.start:span.end] == "الوزير"
    assert any("UTF-16" in n for n in notes)


def test_json_min_reads_the_email_as_annotator(tmp_path: Path) -> None:
    tasks = [{"id": 1, "text": TEXT, "annotator": "salma@example.org", "annotation_id": 5,
              "label": [{"start": ACTOR[0], "end": ACTOR[1], "text": "الوزير",
                         "labels": ["actor", "mediator"]}]}]
    [record] = read_label_studio(write(tmp_path, tasks))
    [annotation] = record.annotations
    assert annotation.annotator == "salma@example.org"
    assert sorted(s.label for s in annotation.spans) == ["actor", "mediator"]


@pytest.mark.parametrize("change, message", [
    (lambda t: t[0]["data"].pop("body"), r"export\.json, task 1 \(id 7\): has no text under 'body'"),
    (lambda t: t[0]["annotations"][0]["result"][0]["value"].update(start=200, end=300),
     r"task 1 \(id 7\): annotation 1, region 1 \(200-300\) is outside the text"),
    (lambda t: t[0]["annotations"][0]["result"][0]["value"].update(text="غير"),
     r"annotation 1, region 1 .*\"text\" is 'غير'"),
    (lambda t: t[0]["annotations"][0].update(completed_by=None), r"annotation 1 names no annotator"),
])
def test_bad_tasks_are_refused_naming_file_and_task(tmp_path: Path, change, message) -> None:
    tasks = json_export()
    change(tasks)
    with pytest.raises(InputError, match=message):
        read_label_studio(write(tmp_path, tasks), "body")


def test_exported_task_reads_back_with_its_annotators(tmp_path: Path) -> None:
    [record] = read_label_studio(write(tmp_path, json_export()), "body")
    task = task_to_json(record)
    # Label Studio's documented import shape, field by field
    assert task["data"]["text"] == TEXT
    [annotation] = task["annotations"]
    assert {r["from_name"] for r in annotation["result"]} == {"label"}
    assert {r["to_name"] for r in annotation["result"]} == {"text"}
    assert all(r["type"] == "labels" and TEXT[r["value"]["start"]:r["value"]["end"]] == r["value"]["text"]
               for r in annotation["result"])
    assert task["predictions"][0]["model_version"] == "ner-v2"
    [back] = read_label_studio(write(tmp_path, [task], "back.json"))
    assert {a.annotator: a.spans for a in back.annotations} == {a.annotator: a.spans
                                                                for a in record.annotations}


def test_labelling_config_names_every_label_for_the_text_tag() -> None:
    view = ElementTree.fromstring(labelling_config([("actor", "#4e79a7"), ("فاعل", "#f28e2b")]))
    labels = view.find("Labels")
    assert labels.get("name") == "label" and labels.get("toName") == "text"
    assert [lb.get("value") for lb in labels.findall("Label")] == ["actor", "فاعل"]
    assert view.find("Text").get("value") == "$text"
