"""A whole brat collection: one ``.txt``/``.ann`` pair per article, plus the configuration brat needs.

brat does not know annotators, so each annotator's work goes to a sub-folder of that name (gold to
``gold/``); brat browses sub-folders as collections. ``annotation.conf`` (the entity types, relation
types with their allowed argument types, and attributes with their values, in brat's documented
``[entities]`` / ``[relations]`` / ``[attributes]`` sections) and ``visual.conf`` (colours) sit at the
top and apply to every sub-folder. The pairs themselves are written by ``brat.write_brat``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from annotator.core.formats.brat import write_brat
from annotator.core.model import ArticleRecord, SpanRef
from annotator.core.structure import AttributeKind, CodebookSchema, RelationRef, StructuredCoding

_UNSAFE = re.compile(r"[^\w.-]")


def safe_name(name: str) -> str:
    """A file or brat type name made of letters, digits, ``_``, ``.`` and ``-`` only."""
    cleaned = _UNSAFE.sub("_", name).lstrip(".")
    return cleaned or "_"


def write_brat_collection(
    records: Iterable[ArticleRecord], folder: Path, labels: Iterable[tuple[str, str]] = (),
    schema: CodebookSchema | None = None,
) -> dict[str, dict[str, str]]:
    """Write ``folder/<annotator>/<article id>.txt|.ann`` and the top-level brat configuration.

    ``labels`` are (name, colour) pairs for ``visual.conf``. Returns the names that had to change to
    be valid file or type names (``{"articles": {id: file stem}, "labels": {label: brat type}}``), so
    the export can report them; names that are already safe are kept as they are.
    """
    renamed: dict[str, dict[str, str]] = {"articles": {}, "labels": {}}
    types: dict[str, str] = {}

    def brat_type(label: str) -> str:
        if label not in types:
            types[label] = safe_name(label)
            if types[label] != label:
                renamed["labels"][label] = types[label]
        return types[label]

    colours = dict(labels)
    for label in colours:
        brat_type(label)
    used: dict[Path, set[str]] = {}
    for record in records:
        article_id = record.id or ""
        for annotation in record.annotations:
            directory = folder / safe_name(annotation.annotator)
            taken = used.setdefault(directory, set())
            if not taken:
                directory.mkdir(parents=True, exist_ok=True)
            stem = safe_name(article_id)
            while stem in taken:
                stem += "_"
            taken.add(stem)
            if stem != article_id:
                renamed["articles"][article_id] = stem
            spans = [SpanRef(s.start, s.end, brat_type(s.label)) for s in annotation.spans]
            write_brat(directory, stem, record.text, spans, _renamed(annotation.coding, brat_type, renamed))
    entities = "\n".join(types.values())
    relations, attributes = _configuration(schema or CodebookSchema(), brat_type, renamed)
    (folder / "annotation.conf").write_text(
        f"[entities]\n{entities}\n\n[relations]\n{relations}\n[events]\n\n[attributes]\n{attributes}",
        encoding="utf-8")
    drawing = "\n".join(f"{types[name]}\tbgColor:{colour}" for name, colour in colours.items())
    names = "\n".join(f"{t} | {name}" for name, t in types.items())
    (folder / "visual.conf").write_text(f"[labels]\n{names}\n\n[drawing]\n{drawing}\n", encoding="utf-8")
    return renamed


def _name(name: str, renamed: dict[str, dict[str, str]]) -> str:
    """A relation type or attribute name as brat can hold it (recorded when it had to change)."""
    safe = safe_name(name)
    if safe != name:
        renamed.setdefault("names", {})[name] = safe
    return safe


def _renamed(coding: StructuredCoding | None, brat_type, renamed: dict[str, dict[str, str]]
             ) -> StructuredCoding | None:
    """The coding with its spans' labels and its type and attribute names as written to brat."""
    if not coding:
        return None

    def ref(span: SpanRef) -> SpanRef:
        return SpanRef(span.start, span.end, brat_type(span.label))

    return StructuredCoding(
        frozenset(RelationRef(ref(r.head), ref(r.child), _name(r.type, renamed)) for r in coding.relations),
        frozenset((ref(s), _name(n, renamed), v) for s, n, v in coding.attributes),
        frozenset((ref(s), text) for s, text in coding.span_notes),
        fragments=frozenset(tuple(ref(s) for s in group) for group in coding.fragments))


def _configuration(schema: CodebookSchema, brat_type, renamed: dict[str, dict[str, str]]) -> tuple[str, str]:
    """The ``[relations]`` and ``[attributes]`` lines of ``annotation.conf`` for the project's codebook.

    ``claims<TAB>Arg1:actor, Arg2:demand`` (``<ENTITY>`` where any label may stand, ``a|b`` for several);
    ``negated<TAB>Arg:actor`` for a flag, ``canonical<TAB>Arg:actor, Value:Iran|USA`` for a choice or
    vocabulary. An attribute several labels share is one line over all of them.
    """
    def either(labels: tuple[str, ...]) -> str:
        return "|".join(brat_type(label) for label in labels) or "<ENTITY>"

    relations = "".join(
        f"{_name(t.name, renamed)}\tArg1:{either(t.head_labels)}, Arg2:{either(t.child_labels)}\n"
        for t in schema.relation_types)
    by_name: dict[str, tuple[list[str], list[str], bool]] = {}
    for definition in schema.attributes:
        labels, values, _flag = by_name.setdefault(_name(definition.name, renamed),
                                                   ([], [], definition.kind is AttributeKind.FLAG))
        labels.append(definition.label)
        values.extend(v for v in definition.values if v not in values)
    attributes = "".join(
        f"{name}\tArg:{either(tuple(labels))}" + ("" if flag or not values else
                                                  f", Value:{'|'.join(values)}") + "\n"
        for name, (labels, values, flag) in by_name.items())
    return relations, attributes
