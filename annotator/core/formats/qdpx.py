"""REFI-QDA projects (``.qdpx``), the exchange format of MAXQDA, ATLAS.ti, NVivo and QualCoder: written.

A ``.qdpx`` is a zip holding ``project.qde`` (QDA-XML, namespace ``urn:QDA-XML:project:1.0``, REFI-QDA
QDA-XML 1.0) and ``sources/<guid>.txt`` (each article's text, UTF-8). The mapping: labels are
codes (with their colours) in the CodeBook; annotators are Users; each article is a TextSource whose
``plainTextPath`` is ``internal://<guid>.txt``; each span is a PlainTextSelection with one Coding of its
label, created by its annotator; article metadata becomes Variables with text VariableValues per source.
Positions: REFI-QDA 1.5 §10.2 counts "the first and the last character (Unicode codepoint) in the file",
from 0 — code points, like our offsets, so no conversion; ``endPosition`` is written exclusive (start +
length), as QualCoder and MAXQDA exchange it. GUIDs are derived from the project's ids (uuid5), so
exporting twice writes the same file.
"""

from __future__ import annotations

import re
import uuid
import zipfile
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from xml.etree import ElementTree as ET

from annotator.core.model import ArticleRecord

NAMESPACE = "urn:QDA-XML:project:1.0"
_ROOT = uuid.UUID("6f1c3e52-3a55-4c1e-9a7e-2f0b1f6a8d10")  # our namespace for uuid5 GUIDs


def guid(*parts: str) -> str:
    """A stable GUID for one thing of the project (a label, an annotator, an article, a span)."""
    return str(uuid.uuid5(_ROOT, "\x1f".join(parts))).upper()


def project_xml(records: Sequence[ArticleRecord], labels: Sequence[tuple[str, str]], name: str,
                now: str) -> ET.Element:
    """The ``project.qde`` document (root ``Project``), children in the order the XSD requires."""
    q = f"{{{NAMESPACE}}}"
    ET.register_namespace("", NAMESPACE)
    root = ET.Element(q + "Project", {"name": name, "origin": "annotator", "creationDateTime": now})
    annotators = sorted({a.annotator for r in records for a in r.annotations})
    if annotators:
        users = ET.SubElement(root, q + "Users")
        for who in annotators:
            ET.SubElement(users, q + "User", {"guid": guid("user", who), "name": who})
    used = {s.label for r in records for a in r.annotations for s in a.spans}
    codes_known = [(n, c) for n, c in labels] + [(n, "") for n in sorted(used - {n for n, _ in labels})]
    if codes_known:
        codes = ET.SubElement(ET.SubElement(root, q + "CodeBook"), q + "Codes")
        for label, colour in codes_known:
            attrs = {"guid": guid("code", label), "name": label, "isCodable": "true"}
            if re.fullmatch(r"#([0-9A-Fa-f]{6}|[0-9A-Fa-f]{3})", colour or ""):  # the XSD's RGBType
                attrs["color"] = colour
            ET.SubElement(codes, q + "Code", attrs)
    keys = list(dict.fromkeys(k for r in records for k in r.meta))
    if keys:
        variables = ET.SubElement(root, q + "Variables")
        for key in keys:
            ET.SubElement(variables, q + "Variable", {"guid": guid("variable", key), "name": key,
                                                      "typeOfVariable": "Text"})
    if records:
        sources = ET.SubElement(root, q + "Sources")
        for record in records:
            source_guid = guid("article", record.id or "")
            source = ET.SubElement(sources, q + "TextSource", {
                "guid": source_guid, "name": record.title or record.id or "",
                "plainTextPath": f"internal://{source_guid}.txt", "creationDateTime": now})
            for annotation in record.annotations:
                user = guid("user", annotation.annotator)
                for span in sorted(annotation.spans):
                    key = (record.id or "", annotation.annotator, str(span.start), str(span.end), span.label)
                    selection = ET.SubElement(source, q + "PlainTextSelection", {
                        "guid": guid("selection", *key), "name": record.text[span.start:span.end][:80],
                        "startPosition": str(span.start), "endPosition": str(span.end),
                        "creatingUser": user, "creationDateTime": now})
                    coding = ET.SubElement(selection, q + "Coding", {
                        "guid": guid("coding", *key), "creatingUser": user, "creationDateTime": now})
                    ET.SubElement(coding, q + "CodeRef", {"targetGUID": guid("code", span.label)})
            for key in keys:
                if key in record.meta:
                    value = ET.SubElement(source, q + "VariableValue")
                    ET.SubElement(value, q + "VariableRef", {"targetGUID": guid("variable", key)})
                    ET.SubElement(value, q + "TextValue").text = str(record.meta[key])
    return root


def write_qdpx(records: Iterable[ArticleRecord], labels: Sequence[tuple[str, str]], out: Path,
               name: str) -> int:
    """Write the ``.qdpx`` zip; returns the number of sources (articles) written."""
    records = list(records)
    now = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    root = project_xml(records, labels, name, now)
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("project.qde", ET.tostring(root, encoding="utf-8", xml_declaration=True))
        for record in records:
            archive.writestr(f"sources/{guid('article', record.id or '')}.txt", record.text.encode("utf-8"))
    return len(records)
