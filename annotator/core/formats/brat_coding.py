"""brat's structured lines: relations (``R``), attributes (``A``, older ``M``) and notes (``#``).

Shapes, as brat writes them (one per line, fields separated by a tab)::

    R1<TAB>claims Arg1:T1 Arg2:T2           a relation from T1 (head) to T2 (child)
    A1<TAB>negated T1                       a flag attribute, set
    A2<TAB>canonical T1 Iran                an attribute with a value
    #1<TAB>AnnotatorNotes T1<TAB>text       a note on T1

A relation's first argument is its head and its second its child (brat's ``Arg1``/``Arg2``); a
discontinuous annotation stands for its first fragment. Lines about events, normalisations or other
lines (``E``, ``N``, ``*``, or an ``R``/``A``/``#`` whose target is an event) have no place in the
project: they are counted and reported. A line naming an id the file does not define is an error
naming the file and line. An article's own note and codes have no brat shape (JSONL and CSV carry them).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from annotator.core.errors import InputError
from annotator.core.model import SpanRef
from annotator.core.structure import FLAG_YES, RelationRef, StructuredCoding

NOTE_TYPE = "AnnotatorNotes"


def read_structured_lines(lines: list[tuple[int, str]], spans: dict[str, SpanRef], known: set[str],
                          path: str, unsupported: Counter[str]) -> StructuredCoding:
    """The coding of an ``.ann``'s R/A/M/# lines; ``spans`` maps T ids to spans, ``known`` every id."""
    relations: set[RelationRef] = set()
    attributes: set[tuple[SpanRef, str, str]] = set()
    notes: set[tuple[SpanRef, str]] = set()

    def target(ref_id: str, number: int, kind: str) -> SpanRef | None:
        if ref_id in spans:
            return spans[ref_id]
        if ref_id in known:  # an event or other annotation the project does not hold
            unsupported[f"{kind} on an event or other non-span annotation"] += 1
            return None
        raise InputError(f"{kind} line names {ref_id!r}, which this file does not define", path=path,
                         line=number)

    for number, line in lines:
        parts = line.split("\t")
        fields = parts[1].split(" ") if len(parts) >= 2 else []
        kind = line[0]
        if kind == "R":
            args = [f.partition(":") for f in fields[1:]]
            if len(fields) != 3 or not fields[0] or any(not sep or not ref for _, sep, ref in args):
                raise InputError(f"malformed relation line: expected 'R<id><TAB>type Arg1:T1 Arg2:T2', got "
                                 f"{line!r}", path=path, line=number)
            head, child = (target(ref, number, "relation") for _, _, ref in args)
            if head is not None and child is not None:
                if head == child:
                    raise InputError("the relation joins an annotation to itself", path=path, line=number)
                relations.add(RelationRef(head, child, fields[0]))
        elif kind in "AM":
            if len(fields) < 2 or not fields[0] or not fields[1]:
                raise InputError(f"malformed attribute line: expected 'A<id><TAB>name T1 [value]', got "
                                 f"{line!r}", path=path, line=number)
            span = target(fields[1], number, "attribute")
            value = " ".join(fields[2:]).strip() or FLAG_YES
            if span is not None:
                attributes.add((span, fields[0], value))
        else:  # "#"
            if len(fields) != 2 or len(parts) < 3:
                raise InputError(f"malformed note line: expected '#<id><TAB>AnnotatorNotes T1<TAB>text', "
                                 f"got {line!r}", path=path, line=number)
            span = target(fields[1], number, "note")
            text = "\t".join(parts[2:])
            if span is not None and text.strip():
                notes.add((span, text))
    return StructuredCoding(frozenset(relations), frozenset(attributes), frozenset(notes))


def structured_lines(ids: dict[SpanRef, str], coding: StructuredCoding | None,
                     one_line: Callable[[str], str]) -> list[str]:
    """The R, A and # lines of ``coding`` over spans numbered by ``ids`` (span → ``T<n>``)."""
    if not coding:
        return []
    lines = []
    # a span brat cannot hold (line breaks only) has no id: what hangs off it is left out with it; the
    # fragments of a discontinuous annotation share one id, so what is on several of them is written once
    relations = list({(ids[r.head], ids[r.child], r.type): r for r in sorted(coding.relations)
                      if r.head in ids and r.child in ids and ids[r.head] != ids[r.child]}.values())
    attributes = list({(ids[a[0]], a[1]): a for a in sorted(coding.attributes, reverse=True)
                       if a[0] in ids}.values())
    notes = [note for note in coding.span_notes if note[0] in ids]
    for n, relation in enumerate(sorted(relations, key=lambda r: (ids[r.head], ids[r.child], r.type)),
                                 start=1):
        lines.append(f"R{n}\t{relation.type} Arg1:{ids[relation.head]} Arg2:{ids[relation.child]}\n")
    ordered = sorted(attributes, key=lambda a: (int(ids[a[0]][1:]), a[1], a[2]))
    for n, (span, name, value) in enumerate(ordered, start=1):
        lines.append(f"A{n}\t{name} {ids[span]}\n" if value == FLAG_YES
                     else f"A{n}\t{name} {ids[span]} {one_line(value)}\n")
    for n, (span, text) in enumerate(sorted(notes, key=lambda s: int(ids[s[0]][1:])), start=1):
        lines.append(f"#{n}\t{NOTE_TYPE} {ids[span]}\t{one_line(text)}\n")
    return lines
