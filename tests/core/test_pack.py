"""The .annotator pack file: what goes in comes back out, and a damaged pack is named clearly."""

from __future__ import annotations

import json
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest

from annotator.core.errors import InputError
from annotator.core.formats.pack import Pack, read_pack, write_pack
from annotator.core.model import AnnotationSet, ArticleRecord, Label, SpanRef, Status

TEXT = "قال الرئيس إن الوسطاء يحاولون 𝔸"


def sample() -> Pack:
    records = [
        ArticleRecord(TEXT, "وساطة", id="a1", meta={"date": "2019-08-17"},
                      annotations=(AnnotationSet("salma", (SpanRef(4, 10, "actor"),), Status.IN_PROGRESS),)),
        ArticleRecord("نص ثان", "ثان", id="a2"),
    ]
    return Pack(records=records, labels=[Label("actor", "#4e79a7", "1"), Label("زعيم", "#000000", "")],
                guidelines="ضع علامة على كل فاعل.", name="batch 1",
                assignment={"salma": ["a1"], "omar": ["a1", "a2"]},
                edited_at={("a1", "salma"): "2026-11-23T07:00:00.000000+00:00"})


def test_round_trip_keeps_everything(tmp_path):
    path = tmp_path / "b.annotator"
    write_pack(sample(), path)
    pack = read_pack(path)
    original = sample()
    assert [(r.id, r.text, r.title, r.meta, r.annotations) for r in pack.records] == \
        [(r.id, r.text, r.title, r.meta, tuple(replace(a, updated_at=original.edited_at[(r.id, a.annotator)])
                                               for a in r.annotations)) for r in original.records]
    assert [(lb.name, lb.color, lb.key) for lb in pack.labels] == \
        [(lb.name, lb.color, lb.key) for lb in original.labels]
    assert (pack.guidelines, pack.name, pack.assignment, pack.edited_at) == \
        (original.guidelines, original.name, original.assignment, original.edited_at)
    with zipfile.ZipFile(path) as archive:  # any zip tool can look inside
        assert sorted(archive.namelist()) == ["articles.jsonl", "pack.json"]


def rewrite(path: Path, member: str, content: str) -> None:
    with zipfile.ZipFile(path) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    members[member] = content.encode("utf-8")
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)


@pytest.mark.parametrize(("member", "change", "fault"), [
    ("articles.jsonl", lambda s: s + "{not json\n", "articles.jsonl line 3: invalid JSON"),
    ("articles.jsonl", lambda s: s.replace('"start": 4', '"start": 400'), "articles.jsonl line 1: span 1"),
    ("pack.json", lambda s: s.replace('"version": 1', '"version": 9'), "newer annotator"),
    ("pack.json", lambda s: s.replace('"a2"', '"zz"'), "not in the pack: zz"),
    ("pack.json", lambda s: s.replace("annotator-pack", "other"), "is not an annotator pack"),
])
def test_damaged_pack_is_named_with_member_and_line(tmp_path, member, change, fault):
    path = tmp_path / "b.annotator"
    write_pack(sample(), path)
    with zipfile.ZipFile(path) as archive:
        content = archive.read(member).decode("utf-8")
    rewrite(path, member, change(content))
    with pytest.raises(InputError) as caught:
        read_pack(path)
    assert str(caught.value).startswith(f"{path}: ") and fault in str(caught.value)


def test_a_zip_without_the_pack_members_is_not_a_pack(tmp_path):
    path = tmp_path / "other.annotator"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("readme.txt", "hello")
    with pytest.raises(InputError, match=r"it has no pack\.json"):
        read_pack(path)


def test_pack_json_is_plain_json(tmp_path):
    path = tmp_path / "b.annotator"
    write_pack(sample(), path)
    with zipfile.ZipFile(path) as archive:
        header = json.loads(archive.read("pack.json"))
    assert header["format"] == "annotator-pack" and header["assignment"]["omar"] == ["a1", "a2"]
