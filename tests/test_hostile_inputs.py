"""The hostile-input catalogue: what an attacker or a broken exporter sends, over every route in.

Each kind of hostile value (a lone surrogate, JSON nested a thousand levels, an integer of thousands of
digits, a blank name, a lying or damaged zip, an over-long CSV field…) is tried through each way a file
reaches the project: ``import`` of JSONL, ``merge`` of JSONL, ``unpack`` and ``merge`` of a pack, and
the CSV and brat readers. Every case checks what ``test_bad_inputs`` checks — exit 1, one line on stderr
naming the file (and line), no traceback, the project and its WAL byte for byte as they were.
"""

from __future__ import annotations

import io
import json
import struct
import zipfile

import pytest

from tests.test_bad_inputs import (
    BRAT_TXT,
    CSV_HEADER,
    TEXT,
    Case,
    jsonl,
    pack,
    pristine,  # noqa: F401  (fixture)
)
from tests.test_bad_inputs import (
    test_bad_input_is_one_clear_message_and_the_project_is_unchanged as check_case,
)

LONE = "\\ud800"  # written raw into the JSON text, so json.loads yields a lone surrogate
HEADER = {"format": "annotator-pack", "version": 1, "labels": [{"name": "actor"}], "assignment": None}


def raw_line(template: str) -> bytes:
    return (template + "\n").encode("utf-8")


def record_with(field: str, value_json: str) -> str:
    """One JSONL record (as text) whose ``field`` holds ``value_json`` verbatim."""
    base = {
        "text": json.dumps(TEXT, ensure_ascii=False),
        "annotator": '"omar"',
        "spans": '[{"start": 4, "end": 8, "label": "actor"}]',
        "meta": '{"id": "h1"}',
    }
    if field == "label":
        base["spans"] = '[{"start": 4, "end": 8, "label": ' + value_json + "}]"
    elif field in ("start", "end"):
        start, end = ("4", "8")
        start, end = (value_json, end) if field == "start" else (start, value_json)
        base["spans"] = '[{"start": ' + start + ', "end": ' + end + ', "label": "actor"}]'
    elif field == "meta value":
        base["meta"] = '{"id": "h1", "outlet": ' + value_json + "}"
    elif field == "meta key":
        base["meta"] = '{"id": "h1", ' + value_json + ': "x"}'
    else:
        base[field] = value_json
    return "{" + ", ".join(f'"{k}": {v}' for k, v in base.items()) + "}"


def routes(name: str, line: str, fragment: str) -> dict[str, Case]:
    """The same hostile record through import, merge, unpack and merge-of-a-pack."""
    good = json.dumps({"text": "خبر سليم", "meta": {"id": "g1"}}, ensure_ascii=False)
    data = raw_line(good) + raw_line(line)
    packed = pack(HEADER, raw_line(line))
    return {
        f"import {name}": Case({"bad.jsonl": data}, ("import", "{in}/bad.jsonl"), fragment, line=2),
        f"merge {name}": Case({"bad.jsonl": data}, ("merge", "{in}/bad.jsonl"), fragment, line=2),
        f"unpack {name}": Case({"bad.annotator": packed}, ("unpack", "{in}/bad.annotator"), fragment),
        f"merge pack {name}": Case({"bad.annotator": packed}, ("merge", "{in}/bad.annotator"), fragment),
    }


CASES: dict[str, Case] = {}
# lone surrogates, in every text field, raw and escaped after other characters
for field in ("text", "annotator", "label", "meta value", "meta key"):
    for where, value in (
        ("alone", f'"{LONE}"'),
        ("after Arabic", f'"قال{LONE}"'),
        ("low half", '"\\udc00x"'),
        ("reversed pair", '"\\udc00\\ud800"'),
        ("between words", f'"قال {LONE} الوزير"'),
    ):
        CASES.update(routes(f"lone surrogate in {field} ({where})", record_with(field, value), "surrogate"))
# JSON nested far too deep
for field in ("text", "meta value", "annotator"):
    for depth in (1_000, 5_000, 50_000, 200_000):
        CASES.update(
            routes(f"{field} nested {depth} deep", record_with(field, "[" * depth + "]" * depth), "nested")
        )
# integers with thousands of digits
for field in ("start", "end", "meta value"):
    for digits in (4_301, 5_000, 20_000, 50_000, 100_000):  # Python reads up to 4,300
        CASES.update(routes(f"{field} of {digits} digits", record_with(field, "9" * digits), "digits"))
# blank names, with --add-labels too: a blank label is refused, a blank annotator is no annotator
BLANK_SAYS = {"label": "not only white space", "annotator": 'no "annotator" field'}
for field in ("label", "annotator"):
    for blank in ('"   "', '"\\t"', '"\\n"', '" \\u3000 "'):
        name = f"blank {field} {blank}"
        line = record_with(field, blank)
        CASES[f"import {name}"] = Case(
            {"bad.jsonl": raw_line(line)}, ("import", "{in}/bad.jsonl"), BLANK_SAYS[field], line=1
        )
        CASES[f"import --add-labels {name}"] = Case(
            {"bad.jsonl": raw_line(line)},
            ("import", "{in}/bad.jsonl", "--add-labels"),
            BLANK_SAYS[field],
            line=1,
        )
        CASES[f"merge {name}"] = Case(
            {"bad.jsonl": raw_line(line)}, ("merge", "{in}/bad.jsonl"), BLANK_SAYS[field], line=1
        )


def header_case(name: str, header: object, fragment: str) -> None:
    for command in ("unpack", "merge"):
        CASES[f"{command} pack.json {name}"] = Case(
            {"bad.annotator": pack(header)}, (command, "{in}/bad.annotator"), fragment
        )


for version in (-7, 0, 1.0, 2.5, "1", True, None, [1], "9" * 5000):
    header_case(f"version {version!r:.20}", {**HEADER, "version": version}, "version")
header_case(
    "version of 5000 digits (raw)", '{"format": "annotator-pack", "version": ' + "9" * 5000 + "}", "digits"
)
for key, value in (
    ("name", 5),
    ("guidelines", []),
    ("guidelines", {"x": 1}),
    ("labels", [{"name": 5}]),
    ("labels", [{"name": "actor", "color": 7}]),
    ("labels", [{"name": "actor", "key": []}]),
    ("labels", [{"name": "   "}]),
    ("labels", ["actor"]),
    ("assignment", "omar"),
    ("assignment", {"omar": "p1"}),
):
    header_case(f"{key} = {value!r:.30}", {**HEADER, key: value}, "pack.json")


def zipped(members: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=method) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def good_members() -> dict[str, bytes]:
    return {
        "pack.json": json.dumps(HEADER).encode(),
        "articles.jsonl": jsonl({"text": "خبر", "meta": {"id": "p1"}}),
    }


def patched(data: bytes, find: bytes, offset: int, new: bytes) -> bytes:
    """``data`` with ``new`` written ``offset`` bytes after every occurrence of ``find``."""
    out = bytearray(data)
    start = 0
    while (at := out.find(find, start)) >= 0:
        out[at + offset : at + offset + len(new)] = new
        start = at + 4
    return bytes(out)


GOOD_ZIP = zipped(good_members())
LOCAL, CENTRAL = b"PK\x03\x04", b"PK\x01\x02"
damaged = {
    "bad CRC": patched(patched(GOOD_ZIP, LOCAL, 14, b"\0\0\0\0"), CENTRAL, 16, b"\0\0\0\0"),
    "unknown compression": patched(
        patched(GOOD_ZIP, LOCAL, 8, struct.pack("<H", 99)), CENTRAL, 10, struct.pack("<H", 99)
    ),
    "encrypted flag": patched(
        patched(GOOD_ZIP, LOCAL, 6, struct.pack("<H", 1)), CENTRAL, 8, struct.pack("<H", 1)
    ),
    "truncated": GOOD_ZIP[: len(GOOD_ZIP) // 2],
    "truncated end record": GOOD_ZIP[:-10],
    "too many members": zipped({**good_members(), **{f"extra{n}.txt": b"x" for n in range(150)}}),
    "expands a thousand times": zipped({**good_members(), "articles.jsonl": b"\n" * (12 << 20)}),
    "bzip2 member": zipped(good_members(), zipfile.ZIP_BZIP2),
    "empty file": b"",
    "zip of nothing": zipped({}),
}
for name, data in damaged.items():
    for command in ("unpack", "merge"):
        CASES[f"{command} damaged zip: {name}"] = Case(
            {"bad.annotator": data}, (command, "{in}/bad.annotator"), ""
        )
# CSV: fields and offsets that a lenient reader would take
for name, body in (
    ("unclosed quote", b'w1,omar,4,8,"actor\n'),
    ("field of 200 KiB", b"w1,omar,4,8," + b"a" * (200 << 10) + b"\n"),
    ("offset 1_0", b"w1,omar,1_0,12,actor\n"),
    ("offset +4", b"w1,omar,+4,8,actor\n"),
    ("offset 4.0", b"w1,omar,4.0,8,actor\n"),
    ("offset in Arabic-Indic digits", "w1,omar,٤,8,actor\n".encode()),
    ("offset of 5000 digits", b"w1,omar,4," + b"9" * 5000 + b",actor\n"),
    ("offset 0x4", b"w1,omar,0x4,8,actor\n"),
    ("negative offset", b"w1,omar,-4,8,actor\n"),
    ("blank label", b"w1,omar,4,8,   \n"),
    ("blank annotator", b"w1,   ,4,8,actor\n"),
):
    CASES[f"import csv {name}"] = Case(
        {"spans.csv": CSV_HEADER + body}, ("import", "{in}/spans.csv"), "", line=2
    )
# UTF-8 that encodes a surrogate is not UTF-8: refused for the whole file
CASES["import csv lone surrogate bytes"] = Case(
    {"spans.csv": CSV_HEADER + b"w1,omar,4,8,\xed\xa0\x80\n"}, ("import", "{in}/spans.csv"), "not valid UTF-8"
)
# brat offsets
for name, offsets in (
    ("1_0", "1_0 12"),
    ("Arabic-Indic", "٤ ٨"),
    ("5000 digits", "4 " + "9" * 5000),
    ("+4", "+4 8"),
    ("spaces", "4  8"),
    ("0x4", "0x4 8"),
):
    CASES[f"import brat offsets {name}"] = Case(
        {"a1.ann": f"T1\tactor {offsets}\tوزير\n".encode(), "a1.txt": BRAT_TXT},
        ("import", "{in}/a1.ann", "--annotator", "omar"),
        "",
        "a1.ann",
        1,
    )


def test_catalogue_holds_at_least_300_cases() -> None:
    assert len(CASES) >= 300


@pytest.mark.parametrize("case_name", list(CASES))
def test_hostile_input_is_one_clear_message_and_the_project_is_unchanged(
    pristine,  # noqa: F811  (the fixture imported above)
    tmp_path,
    capsys,
    monkeypatch,
    case_name: str,
) -> None:
    monkeypatch.setitem(check_case.__globals__["CASES"], case_name, CASES[case_name])
    check_case(pristine, tmp_path, capsys, case_name)
