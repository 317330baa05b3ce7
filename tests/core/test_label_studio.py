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


def region(start: int, end: int, label: str, text: str, region_id: str = "r1") -> dict:
    return {"id": region_id, "from_name": "label", "to_name": "text", "type": "labels",
            "value": {"start": start, "end": end, "text": text, "labels": [label]}}


def relation(from_id: str, to_id: str, direction: str = "right", labels: list[str] | None = None) -> dict:
    """A relation result as Label Studio's editor serialises one (RelationStore.serializeAnnotation):
    region ids, a direction of "right", "left" or "bi", and the labels of its Relations tag if any."""
    link = {"from_id": from_id, "to_id": to_id, "type": "relation", "direction": direction}
    if labels is not None:
        link["labels"] = labels
    return link


def json_export() -> list[dict]:
    return [{
        "id": 7,
        "data": {"body": TEXT, "outlet": "الأهرام"},
        "annotations": [
            {"id": 1, "completed_by": 3, "was_cancelled": False,
             "result": [region(*ACTOR, "actor", "الوزير", "Xc1"),
                        region(*DEMAND, "demand", "المفاوضات ستستأنف", "Yd2"),
                        relation("Xc1", "Yd2", labels=["claims"]),
                        relation("Yd2", "Xc1"),  # no label: no relation type to store it under
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
    assert any("1 relation(s) without a label not imported" in n for n in notes)
    assert any("1 other result(s)" in n for n in notes)
    [claims] = by_name["user-3"].coding.relations
    assert (TEXT[claims.head.start:claims.head.end], claims.type, claims.child.label) == (
        "الوزير", "claims", "demand")


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
    regions = [r for r in annotation["result"] if r["type"] == "labels"]
    assert len(regions) == 2 and {r["type"] for r in annotation["result"]} == {"labels", "relation"}
    assert {r["from_name"] for r in regions} == {"label"}
    assert {r["to_name"] for r in regions} == {"text"}
    assert all(TEXT[r["value"]["start"]:r["value"]["end"]] == r["value"]["text"] for r in regions)
    assert task["predictions"][0]["model_version"] == "ner-v2"
    [back] = read_label_studio(write(tmp_path, [task], "back.json"))
    assert {a.annotator: a.spans for a in back.annotations} == {a.annotator: a.spans
                                                                for a in record.annotations}


def coded(tmp_path: Path, results: list[dict], name: str = "export.json"):
    tasks = [{"id": 1, "data": {"text": TEXT}, "annotations": [{"completed_by": 3, "result": results}]}]
    [record] = read_label_studio(write(tmp_path, tasks, name))
    [annotation] = record.annotations
    return annotation


def test_relation_direction_left_runs_from_to_id_and_bi_reads_from_first(tmp_path: Path) -> None:
    regions = [region(*ACTOR, "actor", "الوزير", "a"), region(*DEMAND, "demand", "المفاوضات ستستأنف", "d")]
    left = coded(tmp_path, [*regions, relation("d", "a", "left", ["claims"])])
    bi = coded(tmp_path, [*regions, relation("a", "d", "bi", ["claims", "addressed_to"])])
    [claims] = left.coding.relations
    assert (claims.head.label, claims.child.label) == ("actor", "demand")
    assert {(r.head.label, r.type, r.child.label) for r in bi.coding.relations} == {
        ("actor", "claims", "demand"), ("actor", "addressed_to", "demand")}


def test_relation_over_regions_of_an_old_utf16_export_joins_the_converted_spans(tmp_path: Path) -> None:
    (start, end), (d_start, d_end) = ACTOR, DEMAND
    annotation = coded(tmp_path, [region(start + 1, end + 1, "actor", "الوزير", "a"),
                                  region(d_start + 1, d_end + 1, "demand", "المفاوضات ستستأنف", "d"),
                                  relation("a", "d", labels=["claims"])])
    [claims] = annotation.coding.relations
    assert (TEXT[claims.head.start:claims.head.end], TEXT[claims.child.start:claims.child.end]) == (
        "الوزير", "المفاوضات ستستأنف")


@pytest.mark.parametrize("link, message", [
    (relation("a", "zz", labels=["claims"]),
     r"task 1 \(id 1\): annotation 1, result 3 \(a relation\): to_id 'zz' is not"),
    (relation("a", "d", "up", ["claims"]), r'"direction" must be "right", "left" or "bi"'),
    (relation("a", "a", labels=["claims"]), r"joins a region to itself"),
])
def test_bad_relation_is_refused_naming_task_and_result(tmp_path: Path, link, message) -> None:
    regions = [region(*ACTOR, "actor", "الوزير", "a"), region(*DEMAND, "demand", "المفاوضات ستستأنف", "d")]
    with pytest.raises(InputError, match=message):
        coded(tmp_path, [*regions, link])


def test_exported_relations_join_region_ids_and_read_back_the_same(tmp_path: Path) -> None:
    [record] = read_label_studio(write(tmp_path, json_export()), "body")
    task = task_to_json(record)
    [annotation] = task["annotations"]
    regions = {r["id"]: r for r in annotation["result"] if r["type"] == "labels"}
    [link] = [r for r in annotation["result"] if r["type"] == "relation"]
    assert set(link) == {"from_id", "to_id", "type", "direction", "labels"}
    assert (regions[link["from_id"]]["value"]["labels"], link["direction"], link["labels"],
            regions[link["to_id"]]["value"]["labels"]) == (["actor"], "right", ["claims"], ["demand"])
    [back] = read_label_studio(write(tmp_path, [task], "back.json"))
    assert {a.annotator: a.coding for a in back.annotations} == {a.annotator: a.coding
                                                                 for a in record.annotations}


def test_labelling_config_lists_the_relation_types_in_a_relations_tag() -> None:
    view = ElementTree.fromstring(labelling_config([("actor", "#4e79a7")], [("claims", "#e15759")]))
    [tag] = view.findall("Relations")
    assert [(r.get("value"), r.get("background")) for r in tag.findall("Relation")] == [("claims", "#e15759")]


def test_labelling_config_names_every_label_for_the_text_tag() -> None:
    view = ElementTree.fromstring(labelling_config([("actor", "#4e79a7"), ("فاعل", "#f28e2b")]))
    labels = view.find("Labels")
    assert labels.get("name") == "label" and labels.get("toName") == "text"
    assert [lb.get("value") for lb in labels.findall("Label")] == ["actor", "فاعل"]
    assert view.find("Text").get("value") == "$text"
