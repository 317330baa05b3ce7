"""Label Studio tasks: read its JSON and JSON_MIN exports, write tasks in its import shape.

JSON export: a list of tasks ``{"id", "data": {"<text key>": …}, "annotations": [{"completed_by",
"was_cancelled", "result": [{"type": "labels", "value": {"start", "end", "text", "labels": [...]}}]}],
"predictions": [{"model_version", "result": [...]}]}``. JSON_MIN: a list of flat records ``{"<text key>":
…, "label": [{"start", "end", "text", "labels"}], "annotator"}``. ``completed_by`` is a user id (a
number), or a user object with ``email`` in older exports; JSON_MIN's ``annotator`` is the email. A
prediction is its own annotator, ``model:<model_version>``, in progress (a model's proposal, not work done).

Relations: Label Studio's ``{"type": "relation", "from_id", "to_id", "direction", "labels"}`` results
(its RelationStore's serialisation) join two regions of the same result list by their ``id``.
``direction`` "right" (the default) runs from ``from_id`` to ``to_id``, "left" the other way, "bi" either
way (read as from → to; an undirected relation type ignores the order). Each of ``labels`` is one
relation of that type; a relation without a label cannot be stored and is counted in the notes. We write
"right" from head to child, region ids ``<annotator>-<n>``, and list the relation types in the labelling
config's ``Relations`` tag.

Offsets: Label Studio's text tag has counted code points since its emoji fix (the editor's test "NER -
Emoji - Text": "Should calculate offsets by code points in text"); exports from before it counted
JavaScript UTF-16 units (label-studio issue #1347). Each region's ``value.text`` tells which: the code
points are tried first, then the UTF-16 reading, converted once here with ``Utf16Map``. We write code
points, as Label Studio reads them now.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any
from xml.etree import ElementTree

from annotator.core.errors import InputError
from annotator.core.formats.untrusted import blank, load_json
from annotator.core.model import AnnotationSet, ArticleRecord, SpanRef, Status, title_from_text
from annotator.core.structure import RelationRef, StructuredCoding
from annotator.core.text import Utf16Map

EXPECTED = ('Label Studio JSON (a list of tasks with "data" and "annotations") or JSON_MIN (a list of '
            'records with "label")')
MODEL_PREFIX = "model:"
FROM_NAME, TO_NAME = "label", "text"


def is_label_studio(path: Path) -> bool:
    """True for a ``.json`` file holding a JSON list (Label Studio's exports); JSONL holds objects."""
    try:
        with path.open("rb") as f:
            return f.read(512).lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"[")
    except OSError:
        return False


def annotator_of(completed_by: Any, email: Any = None) -> str | None:
    """The annotator name for Label Studio's ``completed_by``: the email when known, else ``user-<id>``."""
    if isinstance(completed_by, dict):
        email, completed_by = completed_by.get("email") or email, completed_by.get("id")
    if isinstance(email, str) and email.strip():
        return email.strip()
    if isinstance(completed_by, str) and completed_by.strip():
        return completed_by.strip()
    if isinstance(completed_by, int) and not isinstance(completed_by, bool):
        return f"user-{completed_by}"
    return None


def read_label_studio(path: Path, text_key: str = "text", default_annotator: str | None = None,
                      notes: list[str] | None = None) -> list[ArticleRecord]:
    """One record per task; InputError names the file, the task and what is wrong."""
    where = str(path)
    notes = notes if notes is not None else []
    try:
        raw = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"is not valid UTF-8 ({exc.reason}); expected {EXPECTED}", path=where) from exc
    except OSError as exc:
        raise InputError(f"cannot be read ({exc.strerror})", path=where) from exc
    tasks = load_json(raw, lambda msg: InputError(f"{msg}; expected {EXPECTED}", path=where))
    if isinstance(tasks, dict):
        tasks = [tasks]
    if not isinstance(tasks, list) or not all(isinstance(t, dict) for t in tasks):
        raise InputError(f"is not a list of task objects; expected {EXPECTED}", path=where)
    counts = {"cancelled": 0, "unlabelled relations": 0, "other": 0, "utf16": 0}
    records = [_read_task(task, n, where, text_key, default_annotator, counts)
               for n, task in enumerate(tasks, start=1)]
    if counts["utf16"]:
        notes.append(f"{path.name}: {counts['utf16']} region(s) counted UTF-16 units (an export from "
                     "before Label Studio counted code points); converted")
    if counts["cancelled"]:
        notes.append(f"{path.name}: {counts['cancelled']} skipped (cancelled) annotation(s) not imported")
    if counts["unlabelled relations"]:
        notes.append(f"{path.name}: {counts['unlabelled relations']} relation(s) without a label not "
                     "imported: a relation needs a type (give them one with Label Studio's Relations tag)")
    if counts["other"]:
        notes.append(f"{path.name}: {counts['other']} other result(s) (choices, ratings…) not imported: "
                     "only span labels and relations are")
    return records


def _read_task(task: dict[str, Any], n: int, where: str, text_key: str, default_annotator: str | None,
               counts: dict[str, int]) -> ArticleRecord:
    origin = f"{where}, task {n}" + (f" (id {task['id']})" if "id" in task else "")

    def error(message: str) -> InputError:
        return InputError(f"{message}; expected {EXPECTED}", path=origin)

    data = task.get("data") if isinstance(task.get("data"), dict) else task
    text = data.get(text_key)
    if not isinstance(text, str) or not text.strip():
        raise error(f'has no text under {text_key!r} (choose the key with --text-key)')
    offsets = Utf16Map(text)
    work: dict[str, tuple[set[SpanRef], Status]] = {}
    linked: dict[str, set[RelationRef]] = {}

    def add(name: str | None, results: Any, status: Status, what: str) -> None:
        if name is None or blank(name):
            name = default_annotator
        spans, relations = _read_results(results, text, offsets, error, what, counts)
        if name is None:
            if not spans:
                return
            raise error(f"{what} names no annotator (completed_by); give one with --annotator NAME")
        held, held_status = work.get(name, (set(), status))
        work[name] = (held | spans, Status.DONE if Status.DONE in (status, held_status) else status)
        linked.setdefault(name, set()).update(relations)

    if "label" in task and "data" not in task:  # JSON_MIN
        add(annotator_of(task.get("annotator")), task["label"], Status.DONE, "the record's label")
    meta = task.get("meta") if isinstance(task.get("meta"), dict) else {}
    named = meta.get("annotators") if isinstance(meta.get("annotators"), list) else []  # as we write them
    for i, annotation in enumerate(_list(task, "annotations", error), start=1):
        if not isinstance(annotation, dict):
            raise error(f"annotation {i} is not an object")
        if annotation.get("was_cancelled"):
            counts["cancelled"] += 1
            continue
        name = annotator_of(annotation.get("completed_by"))
        if name is None and i <= len(named) and isinstance(named[i - 1], str):
            name = named[i - 1]
        add(name, annotation.get("result", []), Status.DONE, f"annotation {i}")
    for i, prediction in enumerate(_list(task, "predictions", error), start=1):
        if not isinstance(prediction, dict):
            raise error(f"prediction {i} is not an object")
        model = str(prediction.get("model_version") or "unknown")
        add(MODEL_PREFIX + model, prediction.get("result", []), Status.IN_PROGRESS, f"prediction {i}")
    extra = {k: v for k, v in data.items() if k not in (text_key, "title", "article_id") and data is not task}
    article_id = data.get("article_id", task.get("id")) if data is not task else task.get("id")
    title = data.get("title") if isinstance(data.get("title"), str) else title_from_text(text)
    annotations = tuple(AnnotationSet(name, tuple(sorted(spans)), status,
                                      coding=StructuredCoding(frozenset(linked[name])) if linked.get(name)
                                      else None)
                        for name, (spans, status) in sorted(work.items()))
    return ArticleRecord(text=text, title=title, source=str(meta.get("source", "")),
                         id=None if article_id is None else str(article_id), meta=extra,
                         annotations=annotations, origin=origin)


def _list(task: dict[str, Any], key: str, error) -> list[Any]:
    value = task.get(key) or []
    if not isinstance(value, list):
        raise error(f'"{key}" must be a list')
    return value


def _read_results(results: Any, text: str, offsets: Utf16Map, error, what: str,
                  counts: dict[str, int]) -> tuple[set[SpanRef], set[RelationRef]]:
    """The span labels of one annotation's ``result`` (or JSON_MIN's ``label``), in code points, and the
    relations between them."""
    if not isinstance(results, list):
        raise error(f'{what}: "result" must be a list')
    spans: set[SpanRef] = set()
    regions: dict[str, SpanRef] = {}  # region id → its span (the first label of a region with several)
    links: list[tuple[int, dict]] = []
    for j, region in enumerate(results, start=1):
        if not isinstance(region, dict):
            raise error(f"{what}, region {j} is not an object")
        if region.get("type") == "relation":
            links.append((j, region))
            continue
        value = region.get("value", region)  # JSON_MIN regions are the value itself
        if not isinstance(value, dict) or "start" not in value or "labels" not in value:
            counts["other"] += 1
            continue
        start, end, labels = value.get("start"), value.get("end"), value.get("labels")
        if not all(isinstance(x, int) and not isinstance(x, bool) for x in (start, end)):
            raise error(f"{what}, region {j}: start and end must be whole numbers, got {start!r}, {end!r}")
        if not isinstance(labels, list) or not labels or any(blank(x) for x in labels):
            raise error(f"{what}, region {j}: \"labels\" must be a list of label names")
        start, end = _codepoints(text, offsets, start, end, value.get("text"), counts)
        if not 0 <= start < end <= len(text):
            raise error(f"{what}, region {j} ({start}-{end}) is outside the text (length {len(text)})")
        quoted = value.get("text")
        if isinstance(quoted, str) and quoted != text[start:end]:
            raise error(f"{what}, region {j} ({value['start']}-{value['end']}): \"text\" is {quoted!r} but "
                        f"the task's text has {text[start:end]!r} there (in code points or UTF-16 units)")
        refs = [SpanRef(start, end, label.strip()) for label in labels]
        spans.update(refs)
        if isinstance(region.get("id"), str | int) and not isinstance(region.get("id"), bool):
            regions.setdefault(str(region["id"]), refs[0])
    return spans, {relation for j, link in links
                   for relation in _read_relation(link, regions, error, f"{what}, result {j}", counts)}


def _read_relation(link: dict[str, Any], regions: dict[str, SpanRef], error, where: str,
                   counts: dict[str, int]) -> list[RelationRef]:
    """One relation result as a relation per label, head first (``direction`` "left" runs to → from)."""
    ends = []
    for key in ("from_id", "to_id"):
        region_id = link.get(key)
        if str(region_id) not in regions or region_id is None or isinstance(region_id, bool):
            raise error(f"{where} (a relation): {key} {region_id!r} is not the id of a labelled region of "
                        "the same annotation")
        ends.append(regions[str(region_id)])
    direction = link.get("direction", "right")
    if direction not in ("right", "left", "bi"):
        raise error(f'{where} (a relation): "direction" must be "right", "left" or "bi", got {direction!r}')
    head, child = reversed(ends) if direction == "left" else ends
    if head == child:
        raise error(f"{where} (a relation) joins a region to itself")
    labels = link.get("labels") or []
    if not isinstance(labels, list) or any(blank(label) for label in labels):
        raise error(f'{where} (a relation): "labels" must be a list of relation type names')
    if not labels:
        counts["unlabelled relations"] += 1
    return [RelationRef(head, child, label.strip()) for label in labels]


def _codepoints(text: str, offsets: Utf16Map, start: int, end: int, quoted: Any,
                counts: dict[str, int]) -> tuple[int, int]:
    """The one boundary: code points when they match the quoted text, else the UTF-16 reading if it does."""
    if not isinstance(quoted, str) or text[start:end] == quoted:
        return start, end
    start16, end16 = offsets.to_codepoint(start), offsets.to_codepoint(end)
    if text[start16:end16] == quoted:
        counts["utf16"] += 1
        return start16, end16
    return start, end


def task_to_json(record: ArticleRecord) -> dict[str, Any]:
    """One Label Studio task: people's work as ``annotations``, ``model:…`` annotators as ``predictions``."""
    task: dict[str, Any] = {
        "data": {"text": record.text, "article_id": record.id, "title": record.title, **record.meta},
        "annotations": [], "predictions": [],
        "meta": {"source": record.source, "annotators": []},
    }
    for annotation in record.annotations:
        ordered = sorted(annotation.spans)
        ids = {s: f"{annotation.annotator}-{n}"[-64:] for n, s in enumerate(ordered, start=1)}
        result: list[dict[str, Any]] = [
            {"id": ids[s], "from_name": FROM_NAME, "to_name": TO_NAME, "type": "labels", "origin": "manual",
             "value": {"start": s.start, "end": s.end, "text": record.text[s.start:s.end],
                       "labels": [s.label]}}
            for s in ordered]
        relations = sorted(annotation.coding.relations) if annotation.coding else []
        result += [{"from_id": ids[r.head], "to_id": ids[r.child], "type": "relation", "direction": "right",
                    "labels": [r.type]} for r in relations]
        if annotation.annotator.startswith(MODEL_PREFIX):
            task["predictions"].append({"model_version": annotation.annotator[len(MODEL_PREFIX):],
                                        "result": result})
        else:
            # Label Studio's completed_by is one of its own user ids; the name travels in the task's meta
            task["annotations"].append({"result": result, "was_cancelled": False, "ground_truth": False})
            task["meta"]["annotators"].append(annotation.annotator)
    return task


def write_label_studio(records: Iterable[ArticleRecord], out: IO[str]) -> int:
    """Write a JSON list of tasks (Label Studio's import shape); returns the number of tasks."""
    tasks = [task_to_json(r) for r in records]
    out.write(json.dumps(tasks, ensure_ascii=False, indent=1) + "\n")
    return len(tasks)


def labelling_config(labels: Iterable[tuple[str, str]],
                     relation_types: Iterable[tuple[str, str]] = ()) -> str:
    """The labelling interface XML for the project's labels (a ``Labels`` tag over a ``Text`` tag) and its
    relation types (a ``Relations`` tag, when there are any)."""
    view = ElementTree.Element("View")
    relation_types = list(relation_types)
    if relation_types:
        relations = ElementTree.SubElement(view, "Relations")
        for name, color in relation_types:
            ElementTree.SubElement(relations, "Relation", value=name, background=color)
    tag = ElementTree.SubElement(view, "Labels", name=FROM_NAME, toName=TO_NAME)
    for name, color in labels:
        ElementTree.SubElement(tag, "Label", value=name, background=color)
    ElementTree.SubElement(view, "Text", name=TO_NAME, value="$text")
    ElementTree.indent(view)
    return ElementTree.tostring(view, encoding="unicode") + "\n"
