"""The curator's own gold value or answer, when no annotator's version is right: V on a gold span asks for
one of its label's attributes and a value, Q asks for an article question and its answer.

Only what the codebook allows is offered: a choice's values, a flag (set), a text attribute's vocabulary
(a new entry may be typed), a question's options. The dialogs are Qt's own item and text inputs, so they
follow the interface language and its direction.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QWidget

from annotator.core.structure import (
    FLAG_YES,
    ArticleQuestion,
    AttributeDefinition,
    AttributeKind,
    QuestionKind,
)

translate = QCoreApplication.translate


def _pick(parent: QWidget, title: str, prompt: str, items: list[str], editable: bool = False) -> str | None:
    if len(items) == 1 and not editable:
        return items[0]
    chosen, ok = QInputDialog.getItem(parent, title, prompt, items, 0, editable)
    return chosen.strip() if ok and chosen.strip() else None


def ask_attribute_value(parent: QWidget, span_text: str,
                        definitions: list[AttributeDefinition]) -> tuple[str, str] | None:
    """Ask which attribute of a gold span and which value it gets: (name, value), or None when cancelled."""
    if not definitions:
        return None
    title = translate("gold_values", "Gold value")
    by_name = {d.name: d for d in definitions}
    name = _pick(parent, title, translate("gold_values", "Attribute of «{span}»:").format(span=span_text),
                 list(by_name))
    if name is None:
        return None
    definition = by_name[name]
    if definition.kind is AttributeKind.FLAG:
        return name, FLAG_YES
    prompt = translate("gold_values", "Value of {name}:").format(name=name)
    value = _pick(parent, title, prompt, list(definition.values),
                  editable=definition.kind is AttributeKind.TEXT)
    return (name, value) if value is not None else None


def ask_answer(parent: QWidget, questions: list[ArticleQuestion]) -> tuple[str, tuple[str, ...]] | None:
    """Ask which article question and gold's answer to it: (question, values), or None when cancelled."""
    if not questions:
        return None
    title = translate("gold_values", "Gold answer")
    by_name = {q.name: q for q in questions}
    name = _pick(parent, title, translate("gold_values", "Question:"), list(by_name))
    if name is None:
        return None
    question = by_name[name]
    if question.kind is QuestionKind.FLAG:
        return name, (FLAG_YES,)
    if question.kind is QuestionKind.SINGLE:
        value = _pick(parent, title, translate("gold_values", "Answer to {name}:").format(name=name),
                      list(question.options))
        return (name, (value,)) if value is not None else None
    if question.kind is QuestionKind.MULTIPLE:
        text, ok = QInputDialog.getText(parent, title, translate(
            "gold_values", "Answers to {name}, separated by commas ({options}):").format(
            name=name, options=", ".join(question.options)))
        values = tuple(sorted({v.strip() for v in text.replace("،", ",").split(",") if v.strip()}))
        return (name, values) if ok and values else None
    text, ok = QInputDialog.getText(parent, title,
                                    translate("gold_values", "Answer to {name}:").format(name=name))
    return (name, (text.strip(),)) if ok and text.strip() else None
