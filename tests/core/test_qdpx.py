# ruff: noqa: E501  (the QDA-XML fixture below keeps its elements on one line each)
"""REFI-QDA `.qdpx` export: valid against the standard's rules (restated in tests/fixtures/refi), every span where it was."""

from __future__ import annotations

import zipfile
from pathlib import Path

from lxml import etree

from annotator.core.formats.qdpx import NAMESPACE, write_qdpx
from annotator.core.model import AnnotationSet, ArticleRecord, SpanRef

XSD = Path(__file__).resolve().parent.parent / "fixtures" / "refi" / "qde_subset.xsd"
TEXT = "قال 😀 الوزير إن المفاوضات ستستأنف"
SPANS = (SpanRef(6, 12, "actor"), SpanRef(6, 15, "mediator"), SpanRef(16, 25, "demand"))
RECORDS = [
    ArticleRecord(text=TEXT, title="خبر", id="a1", meta={"outlet": "الجزيرة", "words": 6},
                  annotations=(AnnotationSet("سلمى", SPANS), AnnotationSet("omar", SPANS[:1]))),
    ArticleRecord(text="نص بلا ترميز", title="آخر", id="a2"),
]
LABELS = [("actor", "#4e79a7"), ("mediator", "#f28e2b"), ("demand", "#59a14f"), ("denial", "#e15759")]


def export(tmp_path: Path) -> Path:
    out = tmp_path / "project.qdpx"
    write_qdpx(RECORDS, LABELS, out, "مشروع")
    return out


def test_project_qde_is_valid_against_the_refi_qda_xsd(tmp_path: Path) -> None:
    schema = etree.XMLSchema(etree.parse(str(XSD)))
    with zipfile.ZipFile(export(tmp_path)) as archive:
        document = etree.fromstring(archive.read("project.qde"))
    assert schema.validate(document), schema.error_log


def test_the_schema_check_can_fail(tmp_path: Path) -> None:
    """Control: a selection without its required endPosition is refused by the same schema."""
    schema = etree.XMLSchema(etree.parse(str(XSD)))
    with zipfile.ZipFile(export(tmp_path)) as archive:
        document = etree.fromstring(archive.read("project.qde"))
    next(document.iter(f"{{{NAMESPACE}}}PlainTextSelection")).attrib.pop("endPosition")
    assert not schema.validate(document)


def test_the_schema_refuses_a_malformed_guid_and_a_negative_position(tmp_path: Path) -> None:
    schema = etree.XMLSchema(etree.parse(str(XSD)))
    with zipfile.ZipFile(export(tmp_path)) as archive:
        original = archive.read("project.qde")
    for attribute, value in (("guid", "not-a-guid"), ("startPosition", "-1")):
        document = etree.fromstring(original)
        next(document.iter(f"{{{NAMESPACE}}}PlainTextSelection")).set(attribute, value)
        assert not schema.validate(document), attribute


def test_selections_count_code_points_into_the_source_text(tmp_path: Path) -> None:
    q = f"{{{NAMESPACE}}}"
    with zipfile.ZipFile(export(tmp_path)) as archive:
        root = etree.fromstring(archive.read("project.qde"))
        users = {u.get("guid"): u.get("name") for u in root.iter(q + "User")}
        codes = {c.get("guid"): c.get("name") for c in root.iter(q + "Code")}
        source = next(root.iter(q + "TextSource"))
        path = source.get("plainTextPath").removeprefix("internal://")
        text = archive.read(f"sources/{path}").decode("utf-8")
    assert text == TEXT and source.get("name") == "خبر"
    got = sorted((users[s.get("creatingUser")], text[int(s.get("startPosition")):int(s.get("endPosition"))],
                  codes[s.find(q + "Coding/" + q + "CodeRef").get("targetGUID")])
                 for s in source.iter(q + "PlainTextSelection"))
    assert got == sorted([("سلمى", "الوزير", "actor"), ("سلمى", "الوزير إن", "mediator"),
                          ("سلمى", "المفاوضات", "demand"), ("omar", "الوزير", "actor")])
    values = {v.find(q + "TextValue").text for v in source.iter(q + "VariableValue")}
    assert values == {"الجزيرة", "6"}


def test_exporting_twice_writes_the_same_guids(tmp_path: Path) -> None:
    first, second = tmp_path / "1", tmp_path / "2"
    first.mkdir()
    second.mkdir()

    def guids(folder: Path) -> list[str]:
        with zipfile.ZipFile(export(folder)) as archive:
            return sorted(archive.namelist())

    assert guids(first) == guids(second)


# Written from REFI-QDA 1.5 (§10.2 and the Annex examples): a MAXQDA-style project whose source text has
# Windows line ends and an astral character, with nested selections by two users and a PDF source.
QDE = """<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="t" origin="MAXQDA">
 <Users><User guid="11111111-1111-1111-1111-111111111111" name="Nadia"/>
  <User guid="22222222-2222-2222-2222-222222222222" name="Karim"/></Users>
 <CodeBook><Codes><Code guid="aaaaaaaa-0000-0000-0000-000000000001" name="actor" isCodable="true">
   <Code guid="aaaaaaaa-0000-0000-0000-000000000002" name="mediator" isCodable="true"/></Code></Codes></CodeBook>
 <Variables><Variable guid="bbbbbbbb-0000-0000-0000-000000000001" name="outlet" typeOfVariable="Text"/></Variables>
 <Sources>
  <TextSource guid="cccccccc-0000-0000-0000-000000000001" name="خبر" plainTextPath="internal://c1.txt">
   <PlainTextSelection guid="dddddddd-0000-0000-0000-000000000001" startPosition="7" endPosition="13"
       creatingUser="11111111-1111-1111-1111-111111111111">
    <Coding guid="eeeeeeee-0000-0000-0000-000000000001"><CodeRef targetGUID="aaaaaaaa-0000-0000-0000-000000000001"/></Coding>
   </PlainTextSelection>
   <PlainTextSelection guid="dddddddd-0000-0000-0000-000000000002" startPosition="7" endPosition="16">
    <Coding guid="eeeeeeee-0000-0000-0000-000000000002" creatingUser="22222222-2222-2222-2222-222222222222">
     <CodeRef targetGUID="aaaaaaaa-0000-0000-0000-000000000002"/></Coding>
   </PlainTextSelection>
   <VariableValue><VariableRef targetGUID="bbbbbbbb-0000-0000-0000-000000000001"/><TextValue>الجزيرة</TextValue></VariableValue>
  </TextSource>
  <PDFSource guid="cccccccc-0000-0000-0000-000000000002" name="scan.pdf" path="internal://c2.pdf"/>
 </Sources>
</Project>"""
SOURCE = "قال\r\n😀 الوزير إن"  # code points: الوزير 7-13, الوزير إن 7-16 (counting the CR)


def write_fixture(tmp_path: Path, qde: str = QDE) -> Path:
    path = tmp_path / "maxqda.qdpx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("project.qde", qde)
        archive.writestr("sources/c1.txt", SOURCE.encode("utf-8"))
    return path


def test_qdpx_import_reads_users_codes_variables_and_moves_positions_past_crlf(tmp_path: Path) -> None:
    from annotator.core.formats.qdpx_read import read_qdpx

    notes: list[str] = []
    [record] = read_qdpx(write_fixture(tmp_path), None, notes)
    assert record.text == "قال\n😀 الوزير إن" and record.title == "خبر"
    assert record.meta == {"outlet": "الجزيرة"}
    got = {a.annotator: [(record.text[s.start:s.end], s.label) for s in a.spans] for a in record.annotations}
    assert got == {"Nadia": [("الوزير", "actor")], "Karim": [("الوزير إن", "mediator")]}
    assert "1 PDF, picture, audio or video source(s) left out" in notes[0]


def test_qdpx_round_trip_of_our_own_export(tmp_path: Path) -> None:
    from annotator.core.formats.qdpx_read import read_qdpx

    records = read_qdpx(export(tmp_path), None, [])
    first = next(r for r in records if r.text == TEXT)
    assert {a.annotator: a.spans for a in first.annotations} == {"سلمى": SPANS, "omar": SPANS[:1]}
    assert first.meta == {"outlet": "الجزيرة", "words": "6"}


def test_qdpx_selection_outside_the_text_is_refused_naming_source_and_selection(tmp_path: Path) -> None:
    import pytest

    from annotator.core.errors import InputError
    from annotator.core.formats.qdpx_read import read_qdpx

    bad = QDE.replace('startPosition="7" endPosition="13"', 'startPosition="7" endPosition="99"')
    with pytest.raises(InputError, match=r"maxqda\.qdpx: text source 'خبر', selection .*positions 7-99"):
        read_qdpx(write_fixture(tmp_path, bad), None, [])
