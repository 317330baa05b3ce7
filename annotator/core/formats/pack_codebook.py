"""The codebook beyond labels as ``pack.json`` carries it: relation types, attributes, article questions.

Shapes (see the README, "Packs")::

    "relation_types": [{"name": "claims", "color": "#4e79a7", "key": "", "directed": true,
                        "head_labels": ["actor"], "child_labels": ["demand"]}],
    "attributes": [{"label": "actor", "name": "canonical", "kind": "text", "values": ["Iran"]}],
    "questions": [{"name": "stance", "kind": "single", "options": ["for", "against"]}]

A pack is untrusted input: every field is checked for its type and kind, and a fault names the item.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from annotator.core.formats.untrusted import blank
from annotator.core.structure import (
    ArticleQuestion,
    AttributeDefinition,
    AttributeKind,
    CodebookSchema,
    QuestionKind,
    RelationType,
)

Error = Callable[[str], Exception]


def codebook_to_json(schema: CodebookSchema) -> dict[str, Any]:
    """The three lists for ``pack.json`` (empty lists when the project defines none)."""
    return {
        "relation_types": [{"name": t.name, "color": t.color, "key": t.key, "directed": t.directed,
                            "head_labels": list(t.head_labels), "child_labels": list(t.child_labels)}
                           for t in schema.relation_types],
        "attributes": [{"label": a.label, "name": a.name, "kind": a.kind.value, "values": list(a.values)}
                       for a in schema.attributes],
        "questions": [{"name": q.name, "kind": q.kind.value, "options": list(q.options)}
                      for q in schema.questions],
    }


def codebook_from_json(header: dict[str, Any], error: Error) -> CodebookSchema:
    """The codebook a ``pack.json`` lists; raises ``error(message)`` naming the item at fault."""
    types = tuple(
        RelationType(_text(item, "name", where, error), _text(item, "color", where, error, "#888888"),
                     _text(item, "key", where, error, ""), _flag(item, "directed", where, error),
                     _names(item, "head_labels", where, error), _names(item, "child_labels", where, error), n)
        for n, item, where in _items(header, "relation_types", "relation type", error))
    attributes = tuple(
        AttributeDefinition(_text(item, "label", where, error), _text(item, "name", where, error),
                            _kind(AttributeKind, item, where, error), _names(item, "values", where, error), n)
        for n, item, where in _items(header, "attributes", "attribute", error))
    questions = tuple(
        ArticleQuestion(_text(item, "name", where, error), _kind(QuestionKind, item, where, error),
                        _names(item, "options", where, error), n)
        for n, item, where in _items(header, "questions", "question", error))
    return CodebookSchema(types, attributes, questions)


def _items(header: dict[str, Any], key: str, what: str, error: Error):
    items = header.get(key)
    if items is None:
        return
    if not isinstance(items, list):
        raise error(f'"{key}" must be a list')
    for n, item in enumerate(items):
        where = f"{what} {n + 1}"
        if not isinstance(item, dict):
            raise error(f"{where} must be an object")
        yield n, item, where


def _text(item: dict, key: str, where: str, error: Error, default: str | None = None) -> str:
    value = item.get(key, default)
    if not isinstance(value, str) or (default is None and blank(value)):
        raise error(f'{where}: "{key}" must be text (not only white space), got {value!r}')
    return value


def _flag(item: dict, key: str, where: str, error: Error) -> bool:
    value = item.get(key, True)
    if not isinstance(value, bool):
        raise error(f'{where}: "{key}" must be true or false, got {value!r}')
    return value


def _names(item: dict, key: str, where: str, error: Error) -> tuple[str, ...]:
    value = item.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and not blank(v) for v in value):
        raise error(f'{where}: "{key}" must be a list of texts, got {value!r}')
    return tuple(value)


def _kind(kinds: type, item: dict, where: str, error: Error):
    value = item.get("kind")
    try:
        return kinds(value)
    except ValueError:
        allowed = ", ".join(k.value for k in kinds)
        raise error(f'{where}: "kind" must be one of {allowed}, got {value!r}') from None
