"""The bad-input catalogue: every malformed input the importers, merge and CLI accept, in one table.

Each case writes its files, runs the real command line against a real project, and checks three
things a user relies on: exit code 1, one line on stderr naming the file (and line) with the expected
fragment, and the project file (with its WAL companions) byte for byte as it was. Add a row when an
importer learns a new way to refuse input.
"""

from __future__ import annotations

import codecs
import json
import sqlite3
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from annotator.cli.main import main
from annotator.store.schema import SCHEMA_VERSION

TEXT = "قال وزير الخارجية المصري إن القاهرة تتوسط بين الطرفين."  # TEXT[4:8] == "وزير"
GOOD_LINE = {"text": "خبر سليم في السطر الأول", "meta": {"id": "g1"}}


def jsonl(*objects: object) -> bytes:
    return "".join((o if isinstance(o, str) else json.dumps(o, ensure_ascii=False)) + "\n"
                   for o in objects).encode("utf-8")


def span_record(*spans: object, **fields: object) -> dict:
    return {"text": TEXT + " ثانية", "annotator": "omar", "spans": list(spans), **fields}


def pack(header: object = None, articles: bytes | None = None, *, members: tuple[str, ...] = ()) -> bytes:
    """A .annotator zip; by default a valid one (one article, the four default labels)."""
    import io

    if header is None:
        header = {"format": "annotator-pack", "version": 1, "labels": [{"name": "actor"}], "assignment": None}
    if articles is None:
        articles = jsonl({"text": "خبر في الحزمة", "meta": {"id": "p1"}})
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        if "no pack.json" not in members:
            archive.writestr("pack.json", header if isinstance(header, str) else json.dumps(header))
        archive.writestr("articles.jsonl", articles)
    return buffer.getvalue()


def sqlite_file(setup: str, user_version: int = 0) -> Callable[[Path], None]:
    def write(path: Path) -> None:
        conn = sqlite3.connect(path)
        conn.executescript(setup)
        conn.execute(f"PRAGMA user_version = {user_version}")
        conn.commit()
        conn.close()

    return write


@dataclass(frozen=True)
class Case:
    """Files to create under ``in/`` (bytes, or a function writing the path), the command, the fragment."""

    files: dict[str, bytes | Callable[[Path], None]]
    argv: tuple[str, ...]  # after ``--db PROJECT``; ``{in}`` is the folder holding the files
    fragment: str
    names: str | None = None  # the file the message must name ({in}/…); None: the first file
    line: int | None = None


def imp(name: str, data: bytes | Callable[[Path], None], fragment: str, line: int | None = None,
        *options: str, **more: bytes) -> Case:
    files = {name: data, **{k.replace("__", "."): v for k, v in more.items()}}
    return Case(files, ("import", f"{{in}}/{name}", *options), fragment, name, line)


BRAT_TXT = TEXT.encode()
CSV_HEADER = b"document_id,annotator,start,end,label\n"

CASES: dict[str, Case] = {
    # -- plain text ---------------------------------------------------------------------------------
    "txt: binary": imp("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
    "txt: empty": imp("empty.txt", b"", "the file is empty"),
    "txt: only whitespace": imp("blank.txt", b" \n\t\n", "the file is empty"),
    "txt: damaged UTF-8": imp("broken.txt", "قال الوزير".encode() + b"\xff\xfe\xfa" + "إن".encode(),
                              "invalid byte sequence", 1),
    "txt: UTF-16 mark, odd bytes": imp("odd.txt", codecs.BOM_UTF16_LE + "خبر".encode("utf-16-le") + b"\x00",
                                       "not valid UTF-16"),
    "txt: unsupported type": imp("article.pdf", b"%PDF-1.4", "unsupported file type"),
    "txt: missing file": Case({}, ("import", "{in}/nowhere.txt"), "no such file or folder", "nowhere.txt"),
    "txt: folder without articles": Case({"notes.md": b"# notes"}, ("import", "{in}"),
                                         "no .txt, .jsonl, .ann or .csv files found", ""),
    "txt: --format csv on a txt": imp("article.txt", TEXT.encode(), "is not a csv file", None,
                                      "--format", "csv"),
    # -- JSONL --------------------------------------------------------------------------------------
    "jsonl: empty": imp("empty.jsonl", b"\n\n", "the file is empty"),
    "jsonl: not UTF-8": imp("bad.jsonl", jsonl(GOOD_LINE) + b'{"text": "\xff\xfe"}\n', "not valid UTF-8", 2),
    "jsonl: invalid JSON": imp("bad.jsonl", jsonl(GOOD_LINE, '{"text": "نص"'), "invalid JSON", 2),
    "jsonl: not an object": imp("bad.jsonl", jsonl([1, 2]), "expected a JSON object per line", 1),
    "jsonl: missing text": imp("bad.jsonl", jsonl(GOOD_LINE, {"meta": {"id": "x"}}), 'missing "text"', 2),
    "jsonl: empty text": imp("bad.jsonl", jsonl({"text": ""}), '"text" is empty', 1),
    "jsonl: white-space text": imp("bad.jsonl", jsonl({"text": "   "}), '"text" holds only white space', 1),
    "jsonl: meta not an object": imp("bad.jsonl", jsonl({"text": TEXT, "meta": [1]}),
                                     '"meta" must be an object', 1),
    "jsonl: spans not a list": imp("bad.jsonl", jsonl({"text": TEXT, "annotator": "omar", "spans": {}}),
                                   '"spans" must be a list', 1),
    "jsonl: span lacks keys": imp("bad.jsonl", jsonl(span_record({"start": 4, "label": "actor"})),
                                  'span 1 needs "start", "end" and "label"', 1),
    "jsonl: offsets as strings": imp("bad.jsonl",
                                     jsonl(span_record({"start": "4", "end": 8, "label": "actor"})),
                                     "must be whole numbers", 1),
    "jsonl: offsets as booleans": imp("bad.jsonl",
                                      jsonl(span_record({"start": 0, "end": True, "label": "actor"})),
                                      "must be whole numbers", 1),
    "jsonl: empty label": imp("bad.jsonl", jsonl(span_record({"start": 4, "end": 8, "label": ""})),
                              "label must be a non-empty string", 1),
    "jsonl: span past the text": imp("bad.jsonl", jsonl(GOOD_LINE, span_record({"start": 40, "end": 400,
                                                                                "label": "actor"})),
                                     "outside the text", 2),
    "jsonl: start after end": imp("bad.jsonl", jsonl(span_record({"start": 8, "end": 4, "label": "actor"})),
                                  "start >= end", 1),
    "jsonl: quoted text differs": imp("bad.jsonl", jsonl(span_record({"start": 4, "end": 8, "label": "actor",
                                                                      "text": "الوزير"})),
                                      '"text" is', 1),
    "jsonl: unknown label": imp("bad.jsonl", jsonl(GOOD_LINE, span_record({"start": 4, "end": 8,
                                                                           "label": "threat"})),
                                "unknown label 'threat'", 2),
    "jsonl: spans without annotator": imp("bad.jsonl", jsonl({"text": TEXT, "spans": [
                                              {"start": 4, "end": 8, "label": "actor"}]}),
                                          'no "annotator" field', 1),
    "jsonl: unknown status": imp("bad.jsonl", jsonl(span_record(status="finished")), 'unknown "status"', 1),
    "jsonl: doccano label malformed": imp("bad.jsonl", jsonl({"text": TEXT, "annotator": "omar",
                                                              "label": [[4, 8]]}),
                                          'doccano "label" entry 1', 1),
    "jsonl: doccano entity lacks keys": imp("bad.jsonl", jsonl({"text": TEXT, "annotator": "omar",
                                                                "entities": [{"start_offset": 4}]}),
                                            "doccano entity 1 needs", 1),
    "jsonl: id taken by another text": imp("bad.jsonl", jsonl({"text": "نص آخر تماما", "meta": {"id": "w1"}}),
                                           "already used by a different text", 1),
    # -- brat ---------------------------------------------------------------------------------------
    "brat: .ann without .txt": imp("a1.ann", b"T1\tactor 4 8\t\xd9\x88\xd8\xb2\xd9\x8a\xd8\xb1\n",
                                   "has no matching text file"),
    "brat: text not UTF-8": Case({"a1.ann": b"", "a1.txt": "قال".encode("cp1256")},
                                 ("import", "{in}/a1.ann", "--annotator", "omar"), "is not valid UTF-8",
                                 "a1.txt", 1),
    "brat: unknown line type": imp("a1.ann", b"X1\tsomething\n", "unknown brat line type 'X'", 1,
                                   "--annotator", "omar", a1__txt=BRAT_TXT),
    "brat: malformed text-bound line": imp("a1.ann", b"T1 actor 4 8\n", "malformed text-bound line", 1,
                                           "--annotator", "omar", a1__txt=BRAT_TXT),
    "brat: offsets not numbers": imp("a1.ann", "T1\tactor four 8\tوزير\n".encode(), "are not 'start end'", 1,
                                     "--annotator", "omar", a1__txt=BRAT_TXT),
    "brat: start not before end": imp("a1.ann", "T1\tactor 8 4\tوزير\n".encode(), "is not before end", 1,
                                      "--annotator", "omar", a1__txt=BRAT_TXT),
    "brat: offsets past the text": imp("a1.ann", "T1\tactor 4 800\tوزير\n".encode(), "past the end", 1,
                                       "--annotator", "omar", a1__txt=BRAT_TXT),
    "brat: quoted text differs": imp("a1.ann", "T1\tactor 4 8\tالوزير\n".encode(), "the line quotes", 1,
                                     "--annotator", "omar", a1__txt=BRAT_TXT),
    # -- span CSV (rows refer to the project's article w1) -----------------------------------------
    "csv: empty": imp("spans.csv", b"", "the file is empty"),
    "csv: not UTF-8": imp("spans.csv", CSV_HEADER + "w1,omar,4,8,ممثل\n".encode("cp1256"),
                          "is not valid UTF-8"),
    "csv: header lacks columns": imp("spans.csv", b"id,who,from,to\nw1,omar,4,8\n", "the header lacks column",
                                     1),
    "csv: short row": imp("spans.csv", CSV_HEADER + b"w1,omar,4\n", "field(s), the header has 5", 2),
    "csv: unknown article": imp("spans.csv", CSV_HEADER + b"zz9,omar,4,8,actor\n",
                                "no article with id 'zz9'", 2),
    "csv: empty annotator": imp("spans.csv", CSV_HEADER + b"w1,,4,8,actor\n", "must not be empty", 2),
    "csv: offsets not numbers": imp("spans.csv", CSV_HEADER + b"w1,omar,four,8,actor\n", "whole numbers", 2),
    "csv: span past the article": imp("spans.csv", CSV_HEADER + b"w1,omar,4,999,actor\n",
                                      "is outside article", 2),
    "csv: quoted text differs": imp("spans.csv", "document_id,annotator,start,end,label,text\n"
                                                 "w1,omar,4,8,actor,الوزير\n".encode(), "the row quotes", 2),
    "csv: unknown label": imp("spans.csv", CSV_HEADER + b"w1,omar,4,8,threat\n", "unknown label 'threat'"),
    # -- packs (unpack) -----------------------------------------------------------------------------
    "pack: not a zip": Case({"team.annotator": b"PK but not really"}, ("unpack", "{in}/team.annotator"),
                            "is not an annotator pack"),
    "pack: no pack.json": Case({"team.annotator": pack(members=("no pack.json",))},
                               ("unpack", "{in}/team.annotator"), "it has no pack.json"),
    "pack: pack.json not JSON": Case({"team.annotator": pack("{oops")}, ("unpack", "{in}/team.annotator"),
                                     "pack.json: invalid JSON"),
    "pack: wrong format": Case({"team.annotator": pack({"format": "zip", "version": 1})},
                               ("unpack", "{in}/team.annotator"), '"format": "annotator-pack"'),
    "pack: newer version": Case({"team.annotator": pack({"format": "annotator-pack", "version": 99})},
                                ("unpack", "{in}/team.annotator"), "newer annotator (pack version 99"),
    "pack: labels not a list": Case({"team.annotator": pack({"format": "annotator-pack", "version": 1,
                                                             "labels": "actor"})},
                                    ("unpack", "{in}/team.annotator"), '"labels" must be a list'),
    "pack: article line not JSON": Case({"team.annotator": pack(articles=b'{"text": \n')},
                                        ("unpack", "{in}/team.annotator"),
                                        "articles.jsonl line 1: invalid JSON"),
    "pack: article without id": Case({"team.annotator": pack(articles=jsonl({"text": "خبر"}))},
                                     ("unpack", "{in}/team.annotator"), 'has no "meta": {"id": ...}'),
    "pack: assignment to missing article": Case(
        {"team.annotator": pack({"format": "annotator-pack", "version": 1, "labels": [],
                                 "assignment": {"omar": ["p1", "p404"]}})},
        ("unpack", "{in}/team.annotator"), "is assigned article(s) not in the pack: p404"),
    # -- merge --------------------------------------------------------------------------------------
    "merge: a text file": Case({"notes.txt": TEXT.encode()}, ("merge", "{in}/notes.txt"), "cannot be merged"),
    "merge: missing file": Case({}, ("merge", "{in}/gone.sqlite"), "no such file", "gone.sqlite"),
    "merge: another program's database": Case(
        {"history.db": sqlite_file("CREATE TABLE visits (url TEXT);")}, ("merge", "{in}/history.db"),
        "not an annotator project"),
    "merge: newer project": Case(
        {"future.sqlite": sqlite_file("CREATE TABLE documents (id TEXT);", SCHEMA_VERSION + 1)},
        ("merge", "{in}/future.sqlite"), "newer version of annotator"),
    "merge: damaged project": Case({"damaged.sqlite": b"SQLite format 3\x00" + b"\x5a" * 4000},
                                   ("merge", "{in}/damaged.sqlite"),
                                   "cannot be read as an annotator project"),
    "merge: bad JSONL": Case({"work.jsonl": jsonl(GOOD_LINE, "{nope")}, ("merge", "{in}/work.jsonl"),
                             "invalid JSON", line=2),
    "merge: conflicting work": Case(
        {"work.jsonl": jsonl({"text": TEXT, "meta": {"id": "w1"}, "annotator": "salma",
                              "spans": [{"start": 9, "end": 17, "label": "mediator"}]})},
        ("merge", "{in}/work.jsonl"), "has different spans in", names="work.jsonl"),
    "merge: bad pack": Case({"work.annotator": pack("[]")}, ("merge", "{in}/work.annotator"),
                            "is not an annotator pack"),
    # -- other commands' inputs ---------------------------------------------------------------------
    "pack: assignment CSV without header": Case({"who.csv": b"w1,omar\n"},
                                                ("pack", "--out", "{in}/out.annotator", "--assignment",
                                                 "{in}/who.csv"),
                                                "must name the columns article_id and annotator", line=1),
    "pack: both assignment kinds": Case({"who.csv": b"article_id,annotator\nw1,omar\n"},
                                        ("pack", "--out", "{in}/out.annotator", "--annotators", "omar",
                                         "--assignment", "{in}/who.csv"), "not both", names=""),
    "cli: adjudicate --min-votes 0": Case({}, ("adjudicate", "--min-votes", "0"),
                                          "--min-votes must be at least 1", names=""),
    "cli: adjudicate unknown annotator": Case({}, ("adjudicate", "--annotators", "nobody"),
                                              "there is no annotator named 'nobody'", names=""),
    "cli: pack --per-article too many": Case({}, ("pack", "--out", "{in}/out.annotator", "--annotators", "a",
                                                  "b", "--per-article", "5"),
                                             "cannot give each article 5 annotator(s) out of 2", names=""),
    "cli: export unknown annotator": Case({}, ("export", "--format", "jsonl", "--out", "{in}/o.jsonl",
                                               "--annotator", "nobody"),
                                          "there is no annotator named 'nobody'", names=""),
    "cli: agreement unknown label": Case({}, ("agreement", "--labels", "nolabel"),
                                         "there is no label named 'nolabel'", names=""),
    "cli: unpack missing pack": Case({}, ("unpack", "{in}/nothere.annotator"), "no such file",
                                     "nothere.annotator"),
    "export: folder missing": Case({}, ("export", "--format", "jsonl", "--out", "{in}/no/such/out.jsonl"),
                                   "does not exist", "no/such/out.jsonl"),
}


def project_files(db: Path) -> dict[str, bytes]:
    """The project file and any WAL companions: the project's whole state on disk."""
    return {p.name: p.read_bytes() for p in sorted(db.parent.glob(db.name + "*"))}


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A closed project: the seeds plus article w1 with one span by salma."""
    folder = tmp_path_factory.mktemp("pristine")
    db = folder / "project.sqlite"
    records = folder / "w1.jsonl"
    records.write_bytes(jsonl({"text": TEXT, "meta": {"id": "w1"}, "annotator": "salma",
                               "spans": [{"start": 4, "end": 8, "label": "actor"}]}))
    seeds = Path(__file__).resolve().parents[1] / "seeds"
    assert main(["--db", str(db), "import", str(seeds), str(records)]) == 0
    return db


def test_catalogue_has_at_least_25_cases_over_every_format() -> None:
    assert len(CASES) >= 25
    assert {name.split(":")[0] for name in CASES} >= {"txt", "jsonl", "brat", "csv", "pack", "merge"}


@pytest.mark.parametrize("case_name", list(CASES))
def test_bad_input_is_one_clear_message_and_the_project_is_unchanged(
    pristine: Path, tmp_path: Path, capsys: pytest.CaptureFixture, case_name: str
) -> None:
    case = CASES[case_name]
    db = tmp_path / "project.sqlite"
    db.write_bytes(pristine.read_bytes())
    incoming = tmp_path / "in"
    incoming.mkdir()
    for name, data in case.files.items():
        if callable(data):
            data(incoming / name)
        else:
            (incoming / name).write_bytes(data)
    before = project_files(db)
    capsys.readouterr()

    code = main(["--db", str(db), *(arg.replace("{in}", str(incoming)) for arg in case.argv)])

    out, err = capsys.readouterr()
    assert code == 1, f"exit {code}; stdout {out!r}; stderr {err!r}"
    assert err.startswith("annotator: error: "), err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err, err
    assert case.fragment in err, err
    named = case.names if case.names is not None else next(iter(case.files))
    if named:
        where = f"{incoming / named}, line {case.line}" if case.line else str(incoming / named)
        assert where in err, f"message does not name {where}: {err}"
    assert project_files(db) == before


def test_the_byte_compare_sees_a_good_import(pristine: Path, tmp_path: Path) -> None:
    """Control for the catalogue: the same comparison does notice when a command changes the project."""
    db = tmp_path / "project.sqlite"
    db.write_bytes(pristine.read_bytes())
    good = tmp_path / "good.jsonl"
    good.write_bytes(jsonl({"text": "خبر جديد تماما", "meta": {"id": "n1"}}))
    before = project_files(db)
    assert main(["--db", str(db), "import", str(good)]) == 0
    assert project_files(db) != before
