"""A whole brat collection: one ``.txt``/``.ann`` pair per article, plus the configuration brat needs.

brat does not know annotators, so each annotator's work goes to a sub-folder of that name (gold to
``gold/``); brat browses sub-folders as collections. ``annotation.conf`` (the entity types) and
``visual.conf`` (their colours) sit at the top and apply to every sub-folder. The pairs themselves are
written by ``brat.write_brat``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from annotator.core.formats.brat import write_brat
from annotator.core.model import ArticleRecord, SpanRef

_UNSAFE = re.compile(r"[^\w.-]")


def safe_name(name: str) -> str:
    """A file or brat type name made of letters, digits, ``_``, ``.`` and ``-`` only."""
    cleaned = _UNSAFE.sub("_", name).lstrip(".")
    return cleaned or "_"


def write_brat_collection(
    records: Iterable[ArticleRecord], folder: Path, labels: Iterable[tuple[str, str]] = ()
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
            write_brat(directory, stem, record.text, spans)
    entities = "\n".join(types.values())
    (folder / "annotation.conf").write_text(
        f"[entities]\n{entities}\n\n[relations]\n\n[events]\n\n[attributes]\n", encoding="utf-8")
    drawing = "\n".join(f"{types[name]}\tbgColor:{colour}" for name, colour in colours.items())
    names = "\n".join(f"{t} | {name}" for name, t in types.items())
    (folder / "visual.conf").write_text(f"[labels]\n{names}\n\n[drawing]\n{drawing}\n", encoding="utf-8")
    return renamed
