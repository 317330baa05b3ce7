"""JSONL relations, span attributes and notes, article codes: our shape both ways, doccano's and
Prodigy's relations read, and nothing about a relation dropped silently."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.errors import InputError
from annotator.core.formats.jsonl import read_jsonl, write_jsonl
from annotator.core.model import SpanRef
from annotator.core.structure import FLAG_YES, RelationRef

TEXT = "قال 𝐀 الوزير إن إيران تطالب بالحوار"
MINISTER = SpanRef(6, 12, "actor")
IRAN = SpanRef(16, 21, "actor")
DIALOGUE = SpanRef(22, 35, "demand")


def read_one(tmp_path: Path, obj: dict) -> object:
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps(obj, ensure_ascii=False) + "\n", encoding="utf-8")
    [record] = list(read_jsonl(path))
    return record


def spans_json(*refs: SpanRef) -> list[dict]:
    return [{"start": r.start, "end": r.end, "label": r.label} for r in refs]


def test_our_shape_is_read_with_relations_by_index_and_by_position(tmp_path: Path) -> None:
    record = read_one(tmp_path, {
        "text": TEXT, "annotator": "salma",
        "spans": [{**spans_json(MINISTER)[0], "attributes": {"canonical": "Minister", "negated": False},
                   "note": "من هو؟"}, *spans_json(IRAN, DIALOGUE)],
        "relations": [{"head": 1, "child": 2, "label": "claims"},
                      {"head": {"start": 22, "end": 35, "label": "demand"}, "child": 0,
                       "label": "addressed_to"}],
        "codes": {"stance": "معارض", "topics": ["iran", "gaza"], "secret talks": True, "unasked": False},
        "note": "خبر مترجم",
    })
    coding = record.annotations[0].coding
    assert coding.relations == {RelationRef(IRAN, DIALOGUE, "claims"),
                                RelationRef(DIALOGUE, MINISTER, "addressed_to")}
    assert coding.attributes_of(MINISTER) == {"canonical": "Minister"}  # false: not set
    assert coding.note_of(MINISTER) == "من هو؟"
    assert coding.answers() == {"stance": ("معارض",), "topics": ("iran", "gaza"), "secret talks": (FLAG_YES,)}
    assert coding.note == "خبر مترجم"


def test_doccano_relations_over_entity_ids_are_read(tmp_path: Path) -> None:
    record = read_one(tmp_path, {
        "text": TEXT, "annotator": "salma",
        "entities": [{"id": 7, "start_offset": 16, "end_offset": 21, "label": "actor"},
                     {"id": 9, "start_offset": 22, "end_offset": 35, "label": "demand"}],
        "relations": [{"id": 1, "from_id": 7, "to_id": 9, "type": "claims"}],
    })
    assert record.annotations[0].coding.relations == {RelationRef(IRAN, DIALOGUE, "claims")}


def test_prodigy_relations_by_head_and_child_span_are_read(tmp_path: Path) -> None:
    record = read_one(tmp_path, {
        "text": TEXT, "annotator": "salma", "answer": "accept",
        "spans": spans_json(IRAN, DIALOGUE),
        "relations": [{"head": 3, "child": 5, "head_span": {**spans_json(IRAN)[0], "token_start": 3},
                       "child_span": spans_json(DIALOGUE)[0], "label": "claims"}],
    })
    assert record.annotations[0].coding.relations == {RelationRef(IRAN, DIALOGUE, "claims")}


@pytest.mark.parametrize(("relation", "message"), [
    ({"head": 5, "child": 0, "label": "claims"}, "span index 5, but the record has 2 span(s)"),
    ({"head": 0, "child": 1}, 'needs a "label"'),
    ({"head": 0, "child": 0, "label": "claims"}, "joins a span to itself"),
    ({"head": {"start": 0, "end": 3, "label": "actor"}, "child": 1, "label": "claims"},
     "is not one of the record's spans"),
    ({"from_id": 1, "to_id": 2, "type": "claims"}, 'are not ids of this record\'s "entities"'),
])
def test_an_unreadable_relation_is_an_error_naming_the_line(tmp_path: Path, relation, message) -> None:
    with pytest.raises(InputError, match="line 1: relation 1") as caught:
        read_one(tmp_path, {"text": TEXT, "annotator": "salma", "spans": spans_json(IRAN, DIALOGUE),
                            "relations": [relation]})
    assert message in str(caught.value)


def test_bad_codes_and_attributes_are_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="the answer to 'stance'"):
        read_one(tmp_path, {"text": TEXT, "annotator": "salma", "codes": {"stance": 3}})
    with pytest.raises(InputError, match="span 1: attribute 'n'"):
        read_one(tmp_path, {"text": TEXT, "annotator": "salma",
                            "spans": [{**spans_json(IRAN)[0], "attributes": {"n": 1}}]})


def test_codes_alone_make_an_annotation(tmp_path: Path) -> None:
    record = read_one(tmp_path, {"text": TEXT, "annotator": "salma", "codes": {"secret talks": True}})
    assert record.annotations[0].spans == ()
    assert record.annotations[0].coding.answers() == {"secret talks": (FLAG_YES,)}


WORDS = ["إيران", "𝐀", "قال", "الوزير", "Iran", "🙂x"]
word = st.sampled_from(WORDS)


@st.composite
def coded_records(draw) -> dict:
    text = " ".join(draw(st.lists(word, min_size=3, max_size=8)))
    spans = sorted({SpanRef(*sorted(draw(st.tuples(st.integers(0, len(text)), st.integers(0, len(text))))),
                            draw(st.sampled_from(["actor", "demand"])))
                    for _ in range(draw(st.integers(2, 5)))}, key=lambda r: (r.start, r.end, r.label))
    spans = [r for r in spans if r.start < r.end]
    obj = {"text": text, "annotator": draw(st.sampled_from(["salma", "عمر"])),
           "spans": [{"start": r.start, "end": r.end, "label": r.label,
                      **({"attributes": {"canonical": draw(word), "negated": True}}
                         if draw(st.booleans()) else {}),
                      **({"note": draw(word)} if draw(st.booleans()) else {})} for r in spans]}
    if len(spans) >= 2:
        pairs = draw(st.lists(st.tuples(st.integers(0, len(spans) - 1), st.integers(0, len(spans) - 1)),
                              max_size=4))
        obj["relations"] = [{"head": h, "child": c, "label": draw(st.sampled_from(["claims", "denies"]))}
                            for h, c in pairs if h != c]
    if draw(st.booleans()):
        topics = sorted(set(draw(st.lists(word, min_size=2, max_size=3))))
        obj["codes"] = {"stance": draw(word), "topics": topics,
                        "secret": True}
        obj["note"] = draw(word)
    return obj


@settings(max_examples=60, deadline=None)
@given(coded_records())
def test_export_import_export_is_identical(tmp_path_factory, obj: dict) -> None:
    path = tmp_path_factory.mktemp("rt") / "in.jsonl"
    path.write_text(json.dumps(obj, ensure_ascii=False) + "\n", encoding="utf-8")
    first = io.StringIO()
    write_jsonl(read_jsonl(path), first)
    path.write_text(first.getvalue(), encoding="utf-8")
    second = io.StringIO()
    write_jsonl(read_jsonl(path), second)
    assert second.getvalue() == first.getvalue()
    assert len(json.loads(first.getvalue()).get("relations", [])) == len(
        {(r["head"], r["child"], r["label"]) for r in obj.get("relations", [])})
