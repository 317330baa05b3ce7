"""JSONL records: the spaCy/Prodigy and doccano shapes import reads, and the shape export writes."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.errors import InputError
from annotator.core.formats.jsonl import read_jsonl, write_jsonl
from annotator.core.model import AnnotationSet, ArticleRecord, SpanRef, Status

TEXT = "قال وزير الخارجية المصري إن القاهرة تتوسط بين الطرفين."
# TEXT[4:8] == "وزير", TEXT[28:35] == "القاهرة"


def write_lines(folder: Path, *objects: object, name: str = "records.jsonl") -> Path:
    path = folder / name
    lines = [o if isinstance(o, str) else json.dumps(o, ensure_ascii=False) for o in objects]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def read(path: Path, annotator: str | None = None) -> list[ArticleRecord]:
    return list(read_jsonl(path, default_annotator=annotator))


def test_offsets_fixture_is_what_the_tests_assume() -> None:
    assert TEXT[4:8] == "وزير" and TEXT[28:35] == "القاهرة"


def test_plain_record_uses_meta_id_title_and_source_and_keeps_other_meta(tmp_path: Path) -> None:
    path = write_lines(tmp_path, {"text": TEXT, "meta": {"id": "a1", "title": "وساطة", "source": "wire",
                                                         "date": "2024-01-02"}})
    [record] = read(path)
    assert (record.text, record.id, record.title, record.source) == (TEXT, "a1", "وساطة", "wire")
    assert record.meta == {"date": "2024-01-02"}
    assert record.annotations == ()


def test_record_without_meta_gets_first_line_as_title_and_no_id(tmp_path: Path) -> None:
    [record] = read(write_lines(tmp_path, {"text": "\nالعنوان\nالنص"}))
    assert record.title == "العنوان" and record.id is None


def test_spacy_prodigy_spans_are_read_with_the_records_annotator(tmp_path: Path) -> None:
    path = write_lines(tmp_path, {"text": TEXT, "annotator": "salma", "spans": [
        {"start": 28, "end": 35, "label": "mediator", "text": "القاهرة"},
        {"start": 4, "end": 8, "label": "actor"},
    ]})
    [record] = read(path, annotator="ignored-default")
    assert record.annotations == (
        AnnotationSet("salma", (SpanRef(28, 35, "mediator"), SpanRef(4, 8, "actor")), Status.DONE),
    )


def test_doccano_label_triples_are_read(tmp_path: Path) -> None:
    [record] = read(write_lines(tmp_path, {"text": TEXT, "label": [[4, 8, "actor"]]}), annotator="omar")
    assert record.annotations == (AnnotationSet("omar", (SpanRef(4, 8, "actor"),), Status.DONE),)


def test_doccano_entities_are_read(tmp_path: Path) -> None:
    path = write_lines(tmp_path, {"text": TEXT, "entities": [
        {"id": 7, "start_offset": 28, "end_offset": 35, "label": "mediator"}]})
    [record] = read(path, annotator="omar")
    assert record.annotations[0].spans == (SpanRef(28, 35, "mediator"),)


def test_annotator_option_is_the_default_for_records_without_one(tmp_path: Path) -> None:
    path = write_lines(tmp_path,
                       {"text": TEXT, "spans": [{"start": 4, "end": 8, "label": "actor"}]},
                       {"text": TEXT + "!", "annotator": "huda", "spans": []})
    assert [r.annotations[0].annotator for r in read(path, annotator="sami")] == ["sami", "huda"]


def test_empty_span_list_without_annotator_or_status_is_just_an_article(tmp_path: Path) -> None:
    path = write_lines(tmp_path,
                       {"text": TEXT, "label": []},  # doccano: nobody annotated this one
                       {"text": TEXT, "spans": []},
                       {"text": TEXT, "spans": [], "status": "done"},  # someone finished: nothing to mark
                       {"text": TEXT, "spans": [], "annotator": "huda"})
    records = read(path, annotator="sami")
    assert [r.annotations for r in records] == [
        (), (), (AnnotationSet("sami", (), Status.DONE),), (AnnotationSet("huda", (), Status.DONE),)]
    unannotated = write_lines(tmp_path, {"text": TEXT, "label": []}, {"text": TEXT, "spans": []},
                              name="u.jsonl")
    assert [r.annotations for r in read(unannotated)] == [(), ()]  # no --annotator needed for them


def test_status_defaults_to_done_and_can_be_given(tmp_path: Path) -> None:
    path = write_lines(tmp_path,
                       {"text": TEXT, "annotator": "a", "spans": [{"start": 4, "end": 8, "label": "actor"}]},
                       {"text": TEXT, "annotator": "b", "status": "in progress", "spans": []},
                       {"text": TEXT, "annotator": "c", "status": "new", "label": []})
    assert [r.annotations[0].status for r in read(path)] == [Status.DONE, Status.IN_PROGRESS, Status.NEW]


def test_prodigy_records_not_accepted_are_skipped(tmp_path: Path) -> None:
    path = write_lines(tmp_path,
                       {"text": "مقبول", "answer": "accept", "spans": []},
                       {"text": "مرفوض", "answer": "reject", "spans": []},
                       {"text": "متجاهل", "answer": "ignore", "spans": []},
                       {"text": "بلا جواب"})
    assert [r.text for r in read(path, annotator="p")] == ["مقبول", "بلا جواب"]


def test_blank_lines_and_utf8_bom_are_allowed(tmp_path: Path) -> None:
    path = tmp_path / "r.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps({"text": TEXT}).encode() + b"\n\n  \n"
                     + json.dumps({"text": "ثان"}).encode())
    assert [r.text for r in read(path)] == [TEXT, "ثان"]


def test_text_is_kept_exactly_including_carriage_returns(tmp_path: Path) -> None:
    text = "سطر\r\nسطر\u00a0ثانٍ ـــ “اقتباس”"
    [record] = read(write_lines(tmp_path, {"text": text}))
    assert record.text == text


BAD_RECORDS: dict[str, tuple[object, str]] = {
    "invalid JSON": ('{"text": "نص", ', "invalid JSON"),
    "not an object": ('["نص"]', "expected a JSON object"),
    "missing text": ({"meta": {"id": "x"}}, 'missing "text"'),
    "text not a string": ({"text": 5}, 'missing "text"'),
    "empty text": ({"text": "  "}, "\"text\" holds only white space"),
    "span past the end": ({"text": TEXT, "spans": [{"start": 50, "end": 99, "label": "actor"}]}, "outside"),
    "negative start": ({"text": TEXT, "spans": [{"start": -1, "end": 3, "label": "actor"}]}, "outside"),
    "start equals end": ({"text": TEXT, "spans": [{"start": 4, "end": 4, "label": "actor"}]}, "start >= end"),
    "start after end": ({"text": TEXT, "label": [[8, 4, "actor"]]}, "start >= end"),
    "offsets not integers": ({"text": TEXT, "spans": [{"start": "4", "end": 8, "label": "actor"}]},
                             "whole numbers"),
    "span text mismatch": ({"text": TEXT, "spans": [{"start": 4, "end": 8, "label": "actor", "text": "وزي"}]},
                           '"text" is'),
    "span without label": ({"text": TEXT, "spans": [{"start": 4, "end": 8}]}, 'needs "start", "end"'),
    "spans without annotator": ({"text": TEXT, "spans": [{"start": 4, "end": 8, "label": "actor"}]},
                                "--annotator"),
    "unknown status": ({"text": TEXT, "annotator": "a", "status": "finished", "spans": []},
                       'unknown "status"'),
    "bad doccano triple": ({"text": TEXT, "label": [[4, 8]]}, "doccano"),
    "edit time not a time": ({"text": TEXT, "annotator": "a", "spans": [], "updated_at": "yesterday"},
                             '"updated_at" must be an ISO 8601 time'),
    "edit time without a zone": ({"text": TEXT, "annotator": "a", "spans": [],
                                  "updated_at": "2026-11-23T09:30:00"}, "with a time zone"),
}


@pytest.mark.parametrize("case", list(BAD_RECORDS))
def test_bad_record_names_file_and_line(tmp_path: Path, case: str) -> None:
    bad, fragment = BAD_RECORDS[case]
    path = write_lines(tmp_path, {"text": "سليم"}, "", bad)
    with pytest.raises(InputError, match=fragment) as info:
        read(path)
    assert str(info.value).startswith(f"{path}, line 3: ")


def test_undecodable_bytes_name_the_line(tmp_path: Path) -> None:
    path = tmp_path / "r.jsonl"
    path.write_bytes(json.dumps({"text": "سليم"}).encode() + b'\n{"text": "\xff\xfe"}\n')
    with pytest.raises(InputError, match="not valid UTF-8") as info:
        read(path)
    assert str(info.value).startswith(f"{path}, line 2: ")


def test_empty_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "r.jsonl"
    path.write_bytes(b"\n \n")
    with pytest.raises(InputError, match="empty"):
        read(path)


def test_writer_emits_the_documented_shape() -> None:
    record = ArticleRecord(TEXT, "وساطة", source="a.txt", id="a1", meta={"date": "2024"}, annotations=(
        AnnotationSet("salma", (SpanRef(28, 35, "mediator"), SpanRef(4, 8, "actor")), Status.IN_PROGRESS),))
    out = io.StringIO()
    assert write_jsonl([record, ArticleRecord("نص آخر", "نص آخر", id="a2")], out) == 2
    first, second = (json.loads(line) for line in out.getvalue().splitlines())
    assert first == {
        "text": TEXT,
        "meta": {"id": "a1", "title": "وساطة", "source": "a.txt", "date": "2024"},
        "annotator": "salma",
        "status": "in progress",
        "spans": [{"start": 4, "end": 8, "label": "actor", "text": "وزير"},
                  {"start": 28, "end": 35, "label": "mediator", "text": "القاهرة"}],
    }
    assert second == {"text": "نص آخر", "meta": {"id": "a2", "title": "نص آخر", "source": ""}}
    assert "القاهرة" in out.getvalue()  # written as UTF-8, not \\u escapes


# Arabic letters, harakat, tatweel, Arabic punctuation and digits, RTL marks, white space including
# U+00A0 and CR, and characters outside the BMP (emoji, Arabic mathematical letters), which take two
# UTF-16 units and are where offset bugs hide.
ALPHABET = st.sampled_from(
    list("ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأؤإئةى") + list("\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652ـ")
    + list("،؛؟«»“”٠١٢٣٤٥٦٧٨٩") + ["\u200f", "\u200e", " ", "\u00a0", "\n", "\r", "\t"]
    + ["😀", "🇪", "𞸀", "𞸁", "𝔸", "\U0010fffd"]
)


@st.composite
def records(draw: st.DrawFn) -> ArticleRecord:
    text = draw(st.text(ALPHABET, min_size=1, max_size=120).filter(str.strip))
    sets = []
    for name in draw(st.lists(st.sampled_from(["علي", "sara", "o'neil"]), unique=True, max_size=3)):
        pairs = draw(st.lists(st.tuples(st.integers(0, len(text)), st.integers(0, len(text)))
                              .filter(lambda p: p[0] != p[1]), max_size=8))
        spans = {SpanRef(min(p), max(p), draw(st.sampled_from(["actor", "demand", "تسمية"]))) for p in pairs}
        sets.append(AnnotationSet(name, tuple(sorted(spans)), draw(st.sampled_from(list(Status)))))
    return ArticleRecord(text, draw(st.text(ALPHABET, min_size=1, max_size=20)), source="s.txt",
                         id=draw(st.text("abc123", min_size=1, max_size=6)), annotations=tuple(sets))


@settings(max_examples=60, deadline=None)
@given(st.lists(records(), min_size=1, max_size=4))
def test_write_then_read_gives_back_the_same_records(tmp_path_factory: pytest.TempPathFactory,
                                                     originals: list[ArticleRecord]) -> None:
    path = tmp_path_factory.mktemp("rt") / "out.jsonl"
    with path.open("w", encoding="utf-8", newline="") as out:
        write_jsonl(originals, out)
    back = read(path)
    expected = [(r.text, r.title, r.source, r.id, a) for r in originals for a in (r.annotations or (None,))]
    got = [(r.text, r.title, r.source, r.id, r.annotations[0] if r.annotations else None) for r in back]
    assert got == expected
