"""What the comparison view says about each disagreement: one translated line for the list, kinds'
names for the legend. The covered words go in Unicode isolates (FSI…PDI), so the quotes round
right-to-left words in a left-to-right line (or the reverse) stay where they belong.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from annotator.core.agreement.disagreements import Disagreement, DisagreementKind
from annotator.core.agreement.structure_disagreements import NOT_SET, StructureDisagreement, StructureKind
from annotator.core.model import SpanRef

EXCERPT_CHARS = 40

KIND_NAMES: dict[DisagreementKind | StructureKind, str] = {
    DisagreementKind.MISSING: QT_TRANSLATE_NOOP("Comparison", "missing span"),
    DisagreementKind.LABEL: QT_TRANSLATE_NOOP("Comparison", "different label"),
    DisagreementKind.BOUNDARY: QT_TRANSLATE_NOOP("Comparison", "different boundary"),
    StructureKind.MISSING_RELATION: QT_TRANSLATE_NOOP("Comparison", "missing relation"),
    StructureKind.RELATION_TYPE: QT_TRANSLATE_NOOP("Comparison", "other relation type"),
    StructureKind.RELATION_END: QT_TRANSLATE_NOOP("Comparison", "other relation end"),
    StructureKind.ATTRIBUTE: QT_TRANSLATE_NOOP("Comparison", "different attribute value"),
    StructureKind.ANSWER: QT_TRANSLATE_NOOP("Comparison", "different answer"),
}


def kind_name(kind: DisagreementKind | StructureKind) -> str:
    """The kind's name in the interface language."""
    return QCoreApplication.translate("Comparison", KIND_NAMES[kind])


def excerpt(text: str, span: SpanRef) -> str:
    """The covered words, shortened, isolated."""
    covered = text[span.start:span.end].replace("\n", " ")
    if len(covered) > EXCERPT_CHARS:
        covered = covered[:EXCERPT_CHARS - 1] + "…"
    return f"\u2068{covered}\u2069"


def describe(disagreement: Disagreement | StructureDisagreement, text: str) -> str:
    """One line for the list: kind, who has what, and what the other annotator has there."""
    if isinstance(disagreement, StructureDisagreement):
        return describe_structure(disagreement, text)
    span, other = disagreement.span, disagreement.other_span
    mine = QCoreApplication.translate("Comparison", "{annotator}: «{words}» {label}").format(
        annotator=disagreement.annotator, words=excerpt(text, span), label=span.label)
    if other is None:
        theirs = QCoreApplication.translate("Comparison", "{annotator}: nothing").format(
            annotator=disagreement.other)
    else:
        theirs = QCoreApplication.translate("Comparison", "{annotator}: «{words}» {label}").format(
            annotator=disagreement.other, words=excerpt(text, other), label=other.label)
    return f"{kind_name(disagreement.kind)} — {isolated(mine)} ≠ {isolated(theirs)}"


def isolated(part: str) -> str:
    """``part`` in a first-strong isolate: each side of a line keeps its own order (a Latin name first:
    left to right) and the sides stand in the interface's order, the kind first."""
    return f"\u2068{part}\u2069"


def describe_structure(disagreement: StructureDisagreement, text: str) -> str:
    """The list line of a relation, attribute or answer disagreement."""
    d = disagreement
    if d.kind is StructureKind.ANSWER:
        line = QCoreApplication.translate("Comparison",
                                          "{question}: {annotator} {value} ≠ {other} {other_value}")
        return f"{kind_name(d.kind)} — " + isolated(line.format(
            question=d.name, annotator=d.annotator, value=_answer(d.value), other=d.other,
            other_value=_answer(d.other_value)))
    if d.kind is StructureKind.ATTRIBUTE:
        assert d.span is not None
        line = QCoreApplication.translate(
            "Comparison", "{annotator}: «{words}» {attribute} = {value} ≠ {other}: {other_value}")
        return f"{kind_name(d.kind)} — " + isolated(line.format(
            annotator=d.annotator, words=excerpt(text, d.span), attribute=d.name, value=_value(d.value),
            other=d.other, other_value=_value(d.other_value)))
    assert d.relation is not None
    mine = _relation(d.annotator, d.relation.head, d.relation.type, d.relation.child, text)
    if d.other_relation is None:
        theirs = QCoreApplication.translate("Comparison", "{annotator}: no such relation").format(
            annotator=d.other)
    else:
        other = d.other_relation
        theirs = _relation(d.other, other.head, other.type, other.child, text)
    return f"{kind_name(d.kind)} — {isolated(mine)} ≠ {isolated(theirs)}"


def _relation(annotator: str, head: SpanRef, kind: str, child: SpanRef, text: str) -> str:
    return QCoreApplication.translate("Comparison", "{annotator}: «{head}» {type} «{child}»").format(
        annotator=annotator, head=excerpt(text, head), type=kind, child=excerpt(text, child))


def _value(value: str) -> str:
    if value == NOT_SET:
        return QCoreApplication.translate("Comparison", "(not set)")
    return f"\u2068{value}\u2069"


def _answer(value: str) -> str:
    if value == NOT_SET:
        return QCoreApplication.translate("Comparison", "(no answer)")
    return f"\u2068{value}\u2069"


__all__ = ["KIND_NAMES", "describe", "excerpt", "isolated", "kind_name"]
