"""doccano's export zip of {username}.jsonl files, written here in the shape doccano's exporter writes."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from annotator.core.errors import InputError
from annotator.core.formats.doccano import read_doccano

TEXT = "قال 😀 الوزير إن حماس ترفض"
ACTOR = [TEXT.index("حماس"), TEXT.index("حماس") + 4]
MEDIATOR = [TEXT.index("الوزير"), TEXT.index("الوزير") + 6]


def line(obj: dict) -> str:
    return json.dumps(obj, ensure_ascii=False) + "\n"


def export_zip(tmp_path: Path, members: dict[str, str]) -> Path:
    path = tmp_path / "project.zip"
    with zipfile.ZipFile(path, "w") as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return path


def test_each_member_file_is_that_users_work(tmp_path: Path) -> None:
    path = export_zip(tmp_path, {
        # sequence labelling: "label" triples; every example is in every member's file
        "salma.jsonl": line({"id": 1, "text": TEXT, "label": [[*ACTOR, "actor"]], "Comments": []})
                       + line({"id": 2, "text": "مقال لم يُرمَّز", "label": []}),
        # relation projects: "entities"
        "omar.jsonl": line({"id": 1, "text": TEXT, "relations": [], "entities": [
            {"id": 5, "label": "mediator", "start_offset": MEDIATOR[0], "end_offset": MEDIATOR[1]}]}),
    })
    records = list(read_doccano(path))
    work = {a.annotator: {(r.text[s.start:s.end], s.label) for s in a.spans}
            for r in records for a in r.annotations}
    assert work == {"salma": {("حماس", "actor")}, "omar": {("الوزير", "mediator")}}
    assert [r.id for r in records] == ["1", "2", "1"]
    assert records[1].annotations == ()  # an example nobody labelled is just the article


def test_collaborative_all_jsonl_takes_the_annotator_given(tmp_path: Path) -> None:
    path = export_zip(tmp_path, {"all.jsonl": line({"text": TEXT, "label": [[*ACTOR, "actor"]]})})
    [record] = read_doccano(path, "team")
    assert record.annotations[0].annotator == "team"
    with pytest.raises(InputError, match=r"all\.jsonl, line 1: has spans or codes but no \"annotator\""):
        list(read_doccano(path))


@pytest.mark.parametrize("members, message", [
    ({"salma.csv": "text,label\n"}, r"project\.zip: holds no \.jsonl file \(salma\.csv\)"),
    ({"salma.jsonl": line({"text": TEXT, "label": [[0, 99, "actor"]]})},
     r"project\.zip ▸ salma\.jsonl, line 1: span 1 \(0-99, actor\) is outside the text"),
    ({"salma.jsonl": "{not json\n"}, r"salma\.jsonl, line 1: invalid JSON .*; expected doccano's export"),
])
def test_bad_exports_name_the_member_and_line(tmp_path: Path, members, message) -> None:
    with pytest.raises(InputError, match=message):
        list(read_doccano(export_zip(tmp_path, members)))


def test_not_a_zip_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "project.zip"
    path.write_bytes(b"PK but not")
    with pytest.raises(InputError, match=r"project\.zip: is not a zip archive"):
        list(read_doccano(path))
