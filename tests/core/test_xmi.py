"""INCEpTION / WebAnno UIMA CAS XMI: our reader on a hand-written CAS, and cassis reading our export."""

from __future__ import annotations

from pathlib import Path

import pytest
from cassis import load_cas_from_xmi, load_typesystem

from annotator.core.errors import InputError
from annotator.core.formats.xmi import NAMED_ENTITY, XmiMapping, read_xmi, write_xmi_folder
from annotator.core.model import AnnotationSet, ArticleRecord, SpanRef

# Written from the UIMA XMI serialisation (OMG XMI 2.0, UIMA's ecore namespaces) and DKPro Core's type
# descriptors as INCEpTION ships them: NamedEntity(value, identifier), a custom span layer with a
# string feature, and a text with an astral character, so offsets after it differ in UTF-16.
TYPESYSTEM = """<?xml version="1.0" encoding="UTF-8"?>
<typeSystemDescription xmlns="http://uima.apache.org/resourceSpecifier">
  <types>
    <typeDescription>
      <name>de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity</name>
      <supertypeName>uima.tcas.Annotation</supertypeName>
      <features>
        <featureDescription><name>value</name><rangeTypeName>uima.cas.String</rangeTypeName></featureDescription>
        <featureDescription><name>identifier</name><rangeTypeName>uima.cas.String</rangeTypeName></featureDescription>
      </features>
    </typeDescription>
    <typeDescription>
      <name>webanno.custom.Claim</name>
      <supertypeName>uima.tcas.Annotation</supertypeName>
      <features>
        <featureDescription><name>kind</name><rangeTypeName>uima.cas.String</rangeTypeName></featureDescription>
      </features>
    </typeDescription>
  </types>
</typeSystemDescription>
"""
TEXT = "قال 😀 الوزير إن المفاوضات ستستأنف"
# Code points: الوزير 6-12, الوزير إن 6-15 (nested in it), المفاوضات 16-25. UTF-16: each + 1 after the emoji.
XMI = f"""<?xml version="1.0" encoding="UTF-8"?>
<xmi:XMI xmlns:xmi="http://www.omg.org/XMI" xmlns:cas="http:///uima/cas.ecore"
    xmlns:type="http:///de/tudarmstadt/ukp/dkpro/core/api/ner/type.ecore"
    xmlns:custom="http:///webanno/custom.ecore" xmi:version="2.0">
  <cas:NULL xmi:id="0"/>
  <type:NamedEntity xmi:id="10" sofa="1" begin="7" end="13" value="actor"/>
  <type:NamedEntity xmi:id="11" sofa="1" begin="7" end="16" value="mediator"/>
  <type:NamedEntity xmi:id="12" sofa="1" begin="17" end="26" value="demand"/>
  <type:NamedEntity xmi:id="13" sofa="1" begin="0" end="3"/>
  <custom:Claim xmi:id="20" sofa="1" begin="17" end="35" kind="denial"/>
  <cas:Sofa xmi:id="1" sofaNum="1" sofaID="_InitialView" mimeType="text/plain" sofaString="{TEXT}"/>
  <cas:View sofa="1" members="10 11 12 13 20"/>
</xmi:XMI>
"""


def write_fixture(folder: Path, name: str = "article.xmi") -> Path:
    (folder / "TypeSystem.xml").write_text(TYPESYSTEM, encoding="utf-8")
    path = folder / name
    path.write_text(XMI, encoding="utf-8")
    return path


def test_named_entities_read_with_utf16_offsets_turned_into_code_points(tmp_path: Path) -> None:
    document = read_xmi(write_fixture(tmp_path), "salma")
    [annotation] = document.record.annotations
    text = document.record.text
    assert text == TEXT
    assert [(text[s.start:s.end], s.label) for s in annotation.spans] == [
        ("الوزير", "actor"), ("الوزير إن", "mediator"), ("المفاوضات", "demand")]
    assert "without a 'value'" in document.notes[0]  # the unlabelled NamedEntity is reported, not imported


def test_custom_layer_and_feature_chosen_by_mapping(tmp_path: Path) -> None:
    document = read_xmi(write_fixture(tmp_path), "salma", XmiMapping("webanno.custom.Claim", "kind"))
    [span] = document.record.annotations[0].spans
    assert (document.record.text[span.start:span.end], span.label) == ("المفاوضات ستستأنف", "denial")


def test_annotator_taken_from_inception_project_export_layout(tmp_path: Path) -> None:
    folder = tmp_path / "annotation" / "article.txt"
    folder.mkdir(parents=True)
    (tmp_path / "TypeSystem.xml").write_text(TYPESYSTEM, encoding="utf-8")
    (folder / "nadia.xmi").write_text(XMI, encoding="utf-8")
    document = read_xmi(folder / "nadia.xmi", None)
    assert document.record.annotations[0].annotator == "nadia"


@pytest.mark.parametrize(("mapping", "message"), [
    (XmiMapping("webanno.custom.Missing", "value"), "no layer 'webanno.custom.Missing'"),
    (XmiMapping(NAMED_ENTITY, "colour"), "no feature 'colour'"),
])
def test_unknown_layer_or_feature_is_refused_with_the_choices(tmp_path: Path, mapping, message) -> None:
    with pytest.raises(InputError, match=message):
        read_xmi(write_fixture(tmp_path), "salma", mapping)


def test_missing_typesystem_and_bad_xml_name_the_file(tmp_path: Path) -> None:
    lonely = tmp_path / "lonely"
    lonely.mkdir()
    (lonely / "a.xmi").write_text(XMI, encoding="utf-8")
    with pytest.raises(InputError, match=r"a\.xmi: has no TypeSystem\.xml"):
        read_xmi(lonely / "a.xmi", "salma", typesystem=None)
    broken = write_fixture(tmp_path, "broken.xmi")
    broken.write_text(XMI[:200], encoding="utf-8")
    with pytest.raises(InputError, match=r"broken\.xmi: cannot be read as XMI"):
        read_xmi(broken, "salma")


def test_spans_without_an_annotator_are_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="--annotator"):
        read_xmi(write_fixture(tmp_path), None)


def test_cassis_reads_our_export_with_the_same_spans_in_utf16_units(tmp_path: Path) -> None:
    spans = (SpanRef(6, 12, "actor"), SpanRef(6, 15, "mediator"), SpanRef(16, 25, "demand"))
    record = ArticleRecord(text=TEXT, title="خبر", id="a/1",
                           annotations=(AnnotationSet("سلمى", spans),))
    written, renamed = write_xmi_folder([record], tmp_path)
    assert written == 1 and renamed == {"a/1": "a_1"}
    path = tmp_path / "annotation" / "a_1" / "سلمى.xmi"
    with (tmp_path / "TypeSystem.xml").open("rb") as f:
        types = load_typesystem(f)
    with path.open("rb") as f:
        cas = load_cas_from_xmi(f, typesystem=types)
    assert cas.sofa_string == TEXT
    got = sorted((a.begin, a.end, a.value) for a in cas.select(NAMED_ENTITY))
    assert got == [(s.start, s.end, s.label) for s in spans]  # cassis maps UTF-16 back to code points
    raw = path.read_text(encoding="utf-8")
    assert 'begin="7" end="13"' in raw  # the file itself counts UTF-16 units, as Java does
    again = read_xmi(path, None)
    assert again.record.id == "a/1" and again.record.title == "خبر"
    assert again.record.annotations[0].spans == spans
