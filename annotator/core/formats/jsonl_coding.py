"""The structured-coding parts of a JSONL record: relations, span attributes and notes, article codes.

Shapes (see the README):

- on each span: ``"attributes": {"negated": true, "canonical": "Iran"}`` (a set flag is ``true``) and
  ``"note": "..."``; on every fragment but the first of a discontinuous annotation ``"fragment_of"``:
  the index in ``"spans"`` (from 0) of the annotation's first fragment;
- on the record: ``"relations": [{"head": 0, "child": 2, "label": "claims"}]`` with ``head`` and
  ``child`` the index of a span in ``"spans"`` (from 0) or ``{"start", "end", "label"}`` of one;
  ``"codes": {"stance": "against", "topics": ["gaza", "iran"], "secret talks": true}`` and ``"note"``.

Read too: doccano's ``"relations": [{"from_id", "to_id", "type"}]`` over its ``"entities"`` ids, and
Prodigy's ``"relations": [{"head_span": {...}, "child_span": {...}, "label"}]``. A relation whose end
is not one of the record's spans is an error naming the record, never dropped.
"""

from __future__ import annotations

from typing import Any

from annotator.core.formats.untrusted import blank
from annotator.core.model import SpanRef
from annotator.core.structure import FLAG_YES, RelationRef, StructuredCoding


def read_coding(obj: dict[str, Any], spans: list[SpanRef], error) -> StructuredCoding | None:
    """The record's structured coding (None when it has none); ``spans`` as read, in file order."""
    attributes: set[tuple[SpanRef, str, str]] = set()
    notes: set[tuple[SpanRef, str]] = set()
    items = obj.get("spans") if isinstance(obj.get("spans"), list) else obj.get("entities")
    fragments: frozenset[tuple[SpanRef, ...]] = frozenset()
    if isinstance(items, list) and len(items) == len(spans):
        fragments = _fragments(items, spans, error)
        for n, (item, ref) in enumerate(zip(items, spans, strict=True), start=1):
            if not isinstance(item, dict):
                continue
            for name, value in _attributes(item.get("attributes"), f"span {n}", error).items():
                attributes.add((ref, name, value))
            note = item.get("note")
            if note is not None:
                if not isinstance(note, str):
                    raise error(f'span {n}: "note" must be text')
                if note.strip():
                    notes.add((ref, note))
    relations = _relations(obj, items if isinstance(items, list) else [], spans, error)
    note = obj.get("note", "")
    if not isinstance(note, str):
        raise error('"note" must be text')
    codes = _codes(obj.get("codes"), error)
    coding = StructuredCoding(frozenset(relations), frozenset(attributes), frozenset(notes),
                              note if note.strip() else "", frozenset(codes.items()), fragments)
    return coding or None


def _fragments(items: list, spans: list[SpanRef], error) -> frozenset[tuple[SpanRef, ...]]:
    """The discontinuous annotations of a record: each first fragment with the spans naming it."""
    groups: dict[int, list[SpanRef]] = {}
    for n, item in enumerate(items):
        first = item.get("fragment_of") if isinstance(item, dict) else None
        if first is None:
            continue
        if not isinstance(first, int) or isinstance(first, bool) or not 0 <= first < len(spans):
            raise error(f'span {n + 1}: "fragment_of" must be the index of another span in "spans" '
                        f"(from 0, fewer than {len(spans)}), got {first!r}")
        head = items[first]
        if first == n or (isinstance(head, dict) and head.get("fragment_of") is not None):
            raise error(f'span {n + 1}: "fragment_of" must name the first fragment of its annotation, a '
                        'span without "fragment_of" of its own')
        groups.setdefault(first, [spans[first]]).append(spans[n])
    return frozenset(tuple(sorted(set(group))) for group in groups.values() if len(set(group)) > 1)


def _attributes(value: Any, where: str, error) -> dict[str, str]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise error(f'{where}: "attributes" must be an object of name: value')
    result = {}
    for name, item in value.items():
        if blank(name):
            raise error(f"{where}: an attribute needs a name")
        if item is True:
            result[name] = FLAG_YES
        elif item is False or item is None:
            continue
        elif isinstance(item, str) and item.strip():
            result[name] = item
        else:
            raise error(f"{where}: attribute {name!r} must be true, false or text, got {item!r}")
    return result


def _codes(value: Any, error) -> dict[str, tuple[str, ...]]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise error('"codes" must be an object of question: answer')
    result = {}
    for question, answer in value.items():
        if blank(question):
            raise error('"codes": a question needs a name')
        if answer is True:
            result[question] = (FLAG_YES,)
        elif answer is False or answer is None or answer == []:
            continue
        elif isinstance(answer, str) and answer.strip():
            result[question] = (answer,)
        elif isinstance(answer, list) and all(isinstance(v, str) and v.strip() for v in answer) \
                and len(set(answer)) == len(answer):
            result[question] = tuple(answer)
        else:
            raise error(f'"codes": the answer to {question!r} must be true, false, text or a list of '
                        f"different texts, got {answer!r}")
    return result


def _relations(obj: dict[str, Any], items: list, spans: list[SpanRef], error) -> list[RelationRef]:
    found = obj.get("relations")
    if found is None:
        return []
    if not isinstance(found, list):
        raise error('"relations" must be a list')
    doccano_ids = {item.get("id"): ref for item, ref in zip(items, spans, strict=False)
                   if isinstance(item, dict) and item.get("id") is not None}
    relations = []
    for n, item in enumerate(found, start=1):
        if not isinstance(item, dict):
            raise error(f"relation {n} must be an object")
        if "from_id" in item or "to_id" in item:  # doccano
            label = item.get("type")
            head = doccano_ids.get(item.get("from_id"))
            child = doccano_ids.get(item.get("to_id"))
            if head is None or child is None:
                raise error(f"relation {n}: from_id {item.get('from_id')!r} / to_id {item.get('to_id')!r} "
                            'are not ids of this record\'s "entities"')
        else:
            label = item.get("label")
            head = _end(item.get("head_span", item.get("head")), spans, f"relation {n}: head", error)
            child = _end(item.get("child_span", item.get("child")), spans, f"relation {n}: child", error)
        if blank(label):
            raise error(f'relation {n} needs a "label" (its relation type)')
        if head == child:
            raise error(f"relation {n} joins a span to itself")
        relations.append(RelationRef(head, child, label))
    return relations


def _end(value: Any, spans: list[SpanRef], where: str, error) -> SpanRef:
    """One end of a relation: a span index, or a span's start/end/label (Prodigy's ``head_span``)."""
    if isinstance(value, int) and not isinstance(value, bool):
        if 0 <= value < len(spans):
            return spans[value]
        raise error(f"{where} is span index {value}, but the record has {len(spans)} span(s) "
                    "(counted from 0)")
    if isinstance(value, dict) and {"start", "end", "label"} <= value.keys():
        ref = SpanRef(value["start"], value["end"], value["label"])
        if ref in spans:
            return ref
        raise error(f"{where} ({ref.start}-{ref.end}, {ref.label}) is not one of the record's spans")
    raise error(f'{where} must be a span index or {{"start", "end", "label"}} of a span, got {value!r}')


def coding_to_json(obj: dict[str, Any], spans: list[SpanRef], coding: StructuredCoding | None) -> None:
    """Add the coding to a record's JSON object whose ``"spans"`` list follows ``spans``' order."""
    if not coding:
        return
    index = {ref: i for i, ref in enumerate(spans)}
    first_of = {ref: index[group[0]] for group in coding.fragments for ref in group[1:]
                if ref in index and group[0] in index}
    for item, ref in zip(obj["spans"], spans, strict=True):
        if ref in first_of:
            item["fragment_of"] = first_of[ref]
        values = coding.attributes_of(ref)
        if values:
            item["attributes"] = {name: True if value == FLAG_YES else value
                                  for name, value in values.items()}
        note = coding.note_of(ref)
        if note:
            item["note"] = note
    if coding.relations:
        ordered = sorted(coding.relations, key=lambda r: (index[r.head], index[r.child], r.type))
        obj["relations"] = [{"head": index[r.head], "child": index[r.child], "label": r.type}
                            for r in ordered]
    if coding.codes:
        obj["codes"] = {question: _answer_json(values) for question, values in coding.answers().items()}
    if coding.note:
        obj["note"] = coding.note


def _answer_json(values: tuple[str, ...]) -> Any:
    if values == (FLAG_YES,):
        return True
    return values[0] if len(values) == 1 else list(values)
