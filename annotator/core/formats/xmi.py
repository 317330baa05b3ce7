"""INCEpTION / WebAnno UIMA CAS XMI, read and written through dkpro-cassis (the maintained library).

A CAS is one article's text (the sofa) with typed annotations; its types come from a ``TypeSystem.xml``
beside the ``.xmi`` (or in a folder above it, as INCEpTION's project export lays them out). A span is an
annotation of one *layer* (a type such as DKPro's ``NamedEntity``) whose label is one *feature* of it
(``value``); both are chosen by ``XmiMapping``. UIMA counts offsets in Java's UTF-16 units; cassis converts
them to code points when it loads a CAS and back when it writes one, so this module never sees UTF-16
(tests/core/test_xmi.py checks that with an astral character).

Export writes INCEpTION's project-export layout: ``TypeSystem.xml`` (DKPro Core's types) at the top and
``annotation/<article id>/<annotator>.xmi``; reading that layout takes the annotator from the file name.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from annotator.core.errors import InputError
from annotator.core.model import AnnotationSet, ArticleRecord, SpanRef, Status, title_from_text

NAMED_ENTITY = "de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity"
DOCUMENT_METADATA = "de.tudarmstadt.ukp.dkpro.core.api.metadata.type.DocumentMetaData"
TYPESYSTEM_NAMES = ("typesystem.xml",)
EXPECTED = "UIMA CAS XMI (XML 1.0) with its TypeSystem.xml, as INCEpTION or WebAnno export it"
LAYOUT_FOLDERS = ("annotation", "curation")  # INCEpTION: annotation/<document>/<user>.xmi


@dataclass(frozen=True)
class XmiMapping:
    """Which annotation type is a span and which of its features is the label."""

    layer: str = NAMED_ENTITY
    feature: str = "value"


@dataclass
class XmiDocument:
    """One CAS read as an article, with what was left out (for the import summary)."""

    record: ArticleRecord
    notes: list[str] = field(default_factory=list)


def find_typesystem(xmi: Path, levels: int = 3) -> Path | None:
    """``TypeSystem.xml`` beside the file, or in one of the ``levels`` folders above it."""
    folder = xmi.parent
    for _ in range(levels + 1):
        for candidate in sorted(folder.glob("*.xml")):
            if candidate.name.lower() in TYPESYSTEM_NAMES:
                return candidate
        if folder.parent == folder:
            break
        folder = folder.parent
    return None


def annotator_from_layout(xmi: Path) -> str | None:
    """The user an INCEpTION project export names in ``annotation/<document>/<user>.xmi``, if laid out so."""
    if xmi.parent.parent.name.lower() in LAYOUT_FOLDERS:
        return xmi.stem
    return None


def read_xmi(path: Path, annotator: str | None, mapping: XmiMapping = XmiMapping(),
             typesystem: Path | None = None) -> XmiDocument:
    """Read one ``.xmi``; raises InputError naming the file for a missing type system, bad XML, a missing
    layer or feature, or spans but no annotator."""
    from cassis import load_cas_from_xmi, load_typesystem

    typesystem = typesystem or find_typesystem(path)
    if typesystem is None:
        raise InputError(f"has no TypeSystem.xml beside it or in the folders above; expected {EXPECTED}",
                         path=str(path))
    try:
        with typesystem.open("rb") as f:
            types = load_typesystem(f)
    except Exception as exc:  # cassis raises lxml, ValueError and its own errors alike
        raise InputError(f"is not a UIMA type system ({exc}); expected {EXPECTED}",
                         path=str(typesystem)) from exc
    try:
        with path.open("rb") as f:
            cas = load_cas_from_xmi(f, typesystem=types, lenient=True)
    except Exception as exc:
        raise InputError(f"cannot be read as XMI ({exc}); expected {EXPECTED}", path=str(path)) from exc
    text = cas.sofa_string
    if not text or not text.strip():
        raise InputError(f"its CAS has no document text; expected {EXPECTED}", path=str(path))
    if not types.contains_type(mapping.layer):
        known = sorted(t.name for t in types.get_types() if not t.name.startswith("uima."))
        raise InputError(f"the type system has no layer {mapping.layer!r}; choose one with --xmi-layer "
                         f"(it has: {', '.join(known[:12]) or 'none'}{' …' if len(known) > 12 else ''})",
                         path=str(typesystem))
    layer = types.get_type(mapping.layer)
    if layer.get_feature(mapping.feature) is None:
        features = sorted(f.name for f in layer.all_features if f.name not in ("begin", "end", "sofa"))
        raise InputError(f"the layer {mapping.layer} has no feature {mapping.feature!r}; choose one with "
                         f"--xmi-feature (it has: {', '.join(features) or 'none'})", path=str(typesystem))
    spans: set[SpanRef] = set()
    unlabelled = empty = 0
    for annotation in cas.select(mapping.layer):
        value = annotation.get(mapping.feature)
        if annotation.begin >= annotation.end:
            empty += 1
        elif value is None or not str(value).strip():
            unlabelled += 1
        else:
            spans.add(SpanRef(annotation.begin, annotation.end, str(value)))
    notes = []
    if unlabelled:
        notes.append(f"{path}: {unlabelled} {mapping.layer.rsplit('.', 1)[-1]} annotation(s) without a "
                     f"{mapping.feature!r} value left out")
    if empty:
        notes.append(f"{path}: {empty} zero-length annotation(s) left out")
    title, article_id = _metadata(cas, types)
    who = annotator or annotator_from_layout(path)
    annotations: tuple[AnnotationSet, ...] = ()
    if spans:
        if not who:
            raise InputError("has spans but names no annotator: give one with --annotator NAME (or keep "
                             "INCEpTION's annotation/<document>/<user>.xmi layout)", path=str(path))
        annotations = (AnnotationSet(who, tuple(sorted(spans)), Status.DONE),)
    record = ArticleRecord(text=text, title=title or title_from_text(text), source=path.name,
                           id=article_id, annotations=annotations, origin=str(path))
    return XmiDocument(record, notes)


def _metadata(cas, types) -> tuple[str, str | None]:
    """Title and id from DKPro's DocumentMetaData, when the CAS has one."""
    if not types.contains_type(DOCUMENT_METADATA):
        return "", None
    for meta in cas.select(DOCUMENT_METADATA):
        title = meta.get("documentTitle") or ""
        # Other tools fill documentId with their own document names; only our export (collectionId
        # "annotator") writes the article id there.
        collection = meta.get("collectionId") or ""
        article_id = meta.get("documentId") if collection == "annotator" else None
        return str(title), article_id
    return "", None


def write_xmi_folder(records: Iterable[ArticleRecord], folder: Path,
                     mapping: XmiMapping = XmiMapping()) -> tuple[int, dict[str, str]]:
    """Write ``TypeSystem.xml`` and one ``annotation/<article>/<annotator>.xmi`` per annotation set;
    returns (files written, renamed article ids)."""
    from cassis import Cas

    types = export_typesystem(mapping)
    layer = types.get_type(mapping.layer)
    metadata = types.get_type(DOCUMENT_METADATA)
    (folder / "TypeSystem.xml").write_text(types.to_xml(), encoding="utf-8")
    written = 0
    renamed: dict[str, str] = {}
    used: set[str] = set()
    for record in records:
        name = _safe_name(record.id or "", used)
        if name != record.id:
            renamed[record.id or ""] = name
        for annotation in record.annotations:
            cas = Cas(typesystem=types, sofa_string=record.text)
            cas.add(metadata(begin=0, end=len(record.text), documentTitle=record.title,
                             documentId=record.id, collectionId="annotator"))
            for span in sorted(annotation.spans):
                cas.add(layer(begin=span.start, end=span.end, **{mapping.feature: span.label}))
            target = folder / "annotation" / name / f"{_safe_name(annotation.annotator, set())}.xmi"
            target.parent.mkdir(parents=True, exist_ok=True)
            cas.to_xmi(target)
            written += 1
    return written, renamed


def export_typesystem(mapping: XmiMapping = XmiMapping()):
    """The types an export uses, named and shaped as DKPro Core declares them (INCEpTION's built-ins):
    DocumentMetaData (title, id) and the span layer with its label feature (NamedEntity: value,
    identifier)."""
    from cassis import TypeSystem

    types = TypeSystem()
    metadata = types.create_type(DOCUMENT_METADATA, supertypeName="uima.tcas.DocumentAnnotation")
    for name in ("documentTitle", "documentId", "documentUri", "collectionId", "documentBaseUri"):
        types.create_feature(metadata, name, "uima.cas.String")
    types.create_feature(metadata, "isLastSegment", "uima.cas.Boolean")
    layer = types.create_type(mapping.layer, supertypeName="uima.tcas.Annotation")
    types.create_feature(layer, mapping.feature, "uima.cas.String")
    if mapping.layer == NAMED_ENTITY and mapping.feature != "identifier":
        types.create_feature(layer, "identifier", "uima.cas.String")
    return types


def _safe_name(name: str, used: set[str]) -> str:
    """A file name for an id: path separators and control characters replaced, unique within ``used``."""
    safe = "".join("_" if c in '/\\:*?"<>|' or ord(c) < 32 else c for c in name).strip(". ") or "article"
    candidate, n = safe, 2
    while candidate in used:
        candidate, n = f"{safe}-{n}", n + 1
    used.add(candidate)
    return candidate
