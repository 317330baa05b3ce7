"""REFI-QDA projects (``.qdpx``) read: text sources and their coded plain-text selections as spans.

The mirror of ``qdpx``: each TextSource is an article (its text from ``PlainTextContent`` or the
``internal://`` file its ``plainTextPath`` names in ``sources/``), each Coding of a PlainTextSelection a
span whose label is its code's name and whose annotator is the User that created the coding (else the
selection, else ``--annotator``). Positions are code points (REFI-QDA 1.5 §10.2), end exclusive; a text
with CRLF is stored with LF and its positions moved with it. Text VariableValues become metadata.
PDF, picture, audio and video sources are counted in the notes, not imported.
"""

from __future__ import annotations

import zipfile
from bisect import bisect_left
from pathlib import Path
from xml.etree import ElementTree as ET

from annotator.core.errors import InputError
from annotator.core.model import AnnotationSet, ArticleRecord, SpanRef, Status, title_from_text
from annotator.core.text import normalise_newlines

EXPECTED = "a REFI-QDA project (.qdpx: a zip with project.qde and sources/)"
OTHER_SOURCES = ("PDFSource", "PictureSource", "AudioSource", "VideoSource")


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _children(element: ET.Element, name: str) -> list[ET.Element]:
    return [child for child in element if _local(child.tag) == name]


def _all(element: ET.Element, name: str) -> list[ET.Element]:
    return [e for e in element.iter() if _local(e.tag) == name]


def read_qdpx(path: Path, annotator: str | None, notes: list[str]) -> list[ArticleRecord]:
    """The articles of one ``.qdpx``; InputError names the file and the source or selection at fault."""
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        raise InputError(f"is not {EXPECTED} ({exc})", path=str(path)) from exc
    with archive:
        names = {n.lower(): n for n in archive.namelist()}
        qde = next((names[n] for n in names if n.endswith(".qde")), None)
        if qde is None:
            raise InputError(f"has no project.qde; expected {EXPECTED}", path=str(path))
        try:
            root = ET.fromstring(archive.read(qde))
        except ET.ParseError as exc:
            raise InputError(f"{qde} is not well-formed XML ({exc}); expected {EXPECTED}",
                             path=str(path)) from exc
        users = {u.get("guid", "").upper(): u.get("name") or u.get("guid", "") for u in _all(root, "User")}
        codes = {c.get("guid", "").upper(): c.get("name", "") for c in _all(root, "Code")}
        variables = {v.get("guid", "").upper(): v.get("name", "") for v in _all(root, "Variable")}
        skipped = sum(len(_all(root, kind)) for kind in OTHER_SOURCES)
        if skipped:
            notes.append(f"{path}: {skipped} PDF, picture, audio or video source(s) left out (only text "
                         "sources are articles)")
        records = [_source(path, archive, names, source, users, codes, variables, annotator)
                   for source in _all(root, "TextSource") if _local(source.tag) == "TextSource"]
    if not records:
        raise InputError(f"has no text sources; expected {EXPECTED}", path=str(path))
    return records


def _source(path, archive, names, source, users, codes, variables, annotator) -> ArticleRecord:
    name = source.get("name") or source.get("guid", "")
    where = f"text source {name!r}"
    content = _children(source, "PlainTextContent")
    if content:
        raw = content[0].text or ""
    else:
        target = (source.get("plainTextPath") or "").removeprefix("internal://")
        member = names.get(f"sources/{target}".lower())
        if not target or member is None:
            raise InputError(f"{where}: its text {source.get('plainTextPath')!r} is not inside the file "
                             f"(only internal:// sources can be read); expected {EXPECTED}", path=str(path))
        try:
            raw = archive.read(member).decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise InputError(f"{where}: {member} is not UTF-8 ({exc.reason})", path=str(path)) from exc
    removed = [i for i in range(len(raw) - 1) if raw[i] == "\r" and raw[i + 1] == "\n"]
    text = normalise_newlines(raw)
    if not text.strip():
        raise InputError(f"{where}: the text is empty", path=str(path))

    def moved(position: int) -> int:
        return position - bisect_left(removed, position)

    spans: dict[str, set[SpanRef]] = {}
    for selection in _children(source, "PlainTextSelection"):
        label_name = selection.get("name") or selection.get("guid", "")
        try:
            start, end = int(selection.get("startPosition", "")), int(selection.get("endPosition", ""))
        except ValueError:
            raise InputError(f"{where}, selection {label_name!r}: startPosition and endPosition must be "
                             "whole numbers", path=str(path)) from None
        if not 0 <= start < end <= len(raw):
            raise InputError(f"{where}, selection {label_name!r}: positions {start}-{end} are outside the "
                             f"text (length {len(raw)} code points) or empty", path=str(path))
        for coding in _children(selection, "Coding"):
            refs = _children(coding, "CodeRef")
            code = codes.get(refs[0].get("targetGUID", "").upper()) if refs else None
            if not code:
                raise InputError(f"{where}, selection {label_name!r}: its coding refers to no code of the "
                                 "CodeBook", path=str(path))
            creator = coding.get("creatingUser") or selection.get("creatingUser")
            who = users.get((creator or "").upper()) or annotator
            if not who:
                raise InputError(f"{where}, selection {label_name!r}: names no user; give the annotator "
                                 "with --annotator NAME", path=str(path))
            spans.setdefault(who, set()).add(SpanRef(moved(start), moved(end), code))
    meta = {}
    for value in _children(source, "VariableValue"):
        refs = _children(value, "VariableRef")
        key = variables.get(refs[0].get("targetGUID", "").upper()) if refs else None
        shown = next((v.text for v in value if _local(v.tag).endswith("Value") and v.text), None)
        if key and shown is not None:
            meta[key] = shown
    annotations = tuple(AnnotationSet(who, tuple(sorted(s)), Status.DONE) for who, s in sorted(spans.items()))
    return ArticleRecord(text=text, title=source.get("name") or title_from_text(text), source=path.name,
                         meta=meta, annotations=annotations, origin=f"{path}, {where}")
