"""Discontinuous annotations (brat's ``T1 actor 4 8;18 26``): one span per fragment, linked as one
annotation, and the link kept through brat and JSONL import and export, merges and packs."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from annotator.core.errors import ConflictError, InputError
from annotator.core.formats.brat import read_brat, write_brat
from annotator.core.formats.jsonl import read_jsonl
from annotator.operations.export import export_project
from annotator.operations.import_corpus import import_paths
from annotator.operations.team import build_pack, merge_files, open_pack, write_pack_file
from annotator.store import Project
from annotator.store.coding_rows import load_codings

# "وزير" is 4-8 and "الخارجية" 18-26, with " في مؤتمر " between them; the demand's first fragment
# runs across the line break (brat writes it as two pieces, "اليوم" and "إن").
TEXT = "قال وزير في مؤتمر الخارجية اليوم\nإن الوفد وصل."


def where(word: str) -> tuple[int, int]:
    start = TEXT.index(word)
    return start, start + len(word)


def peer_lines() -> list[str]:
    (a, b), (c, d), (e, f) = where("اليوم"), where("إن"), where("وصل")
    return ["T1\tactor 4 8;18 26\tوزير الخارجية",
            f"T2\tdemand {a} {b};{c} {d};{e} {f}\tاليوم إن وصل",
            "R1\tclaims Arg1:T1 Arg2:T2"]


def peer_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "peer"
    folder.mkdir()
    (folder / "doc1.txt").write_bytes(TEXT.encode("utf-8"))
    (folder / "doc1.ann").write_text("\n".join(peer_lines()) + "\n", encoding="utf-8")
    return folder


def imported(tmp_path: Path, name: str = "p.sqlite") -> Path:
    path = tmp_path / name
    with Project.open(path) as project:
        summary = import_paths(project, [peer_folder(tmp_path)], annotator="peer", add_labels=True)
        assert "2 discontinuous brat annotation(s) kept as one annotation each" in summary.describe()
    return path


def annotations(path: Path) -> list[list[tuple[str, str]]]:
    """Each annotation of the project as its fragments' (covered text, label), in text order."""
    with Project.open(path) as project:
        spans = project.spans("doc1")
        text = project.document("doc1").text
    groups: dict[int, list[tuple[str, str]]] = {}
    for span in spans:
        groups.setdefault(span.fragment_of or span.id, []).append((text[span.start:span.end], span.label))
    return sorted(groups.values())


EXPECTED = [[("اليوم\nإن", "demand"), ("وصل", "demand")], [("وزير", "actor"), ("الخارجية", "actor")]]


def test_a_discontinuous_brat_span_imports_as_linked_fragments_and_exports_as_the_same_t_line(tmp_path):
    path = imported(tmp_path)
    assert annotations(path) == EXPECTED
    out = tmp_path / "out"
    with Project.open(path) as project:
        export_project(project, "brat", out, agreement=False)
    written = (out / "peer" / "doc1.ann").read_text(encoding="utf-8").splitlines()
    assert written == peer_lines()


def test_jsonl_carries_the_link_as_the_index_of_the_first_fragment_and_reads_it_back(tmp_path):
    path = imported(tmp_path)
    out = tmp_path / "out.jsonl"
    with Project.open(path) as project:
        export_project(project, "jsonl", out, agreement=False)
    (record,) = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    spans = record["spans"]
    assert [(s["text"], s.get("fragment_of")) for s in spans] == [
        ("وزير", None), ("الخارجية", 0), ("اليوم\nإن", None), ("وصل", 2)]
    again = tmp_path / "again.sqlite"
    with Project.open(again) as project:
        import_paths(project, [out], add_labels=True)
    assert annotations(again) == EXPECTED
    with Project.open(path) as one, Project.open(again) as two:
        assert load_codings(one.db.conn) == load_codings(two.db.conn)


def test_a_fragment_of_that_names_no_first_fragment_is_refused_naming_the_record(tmp_path):
    line = {"text": TEXT, "annotator": "salma", "spans": [
        {"start": 4, "end": 8, "label": "actor", "fragment_of": 1},
        {"start": 18, "end": 26, "label": "actor", "fragment_of": 0}]}
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps(line, ensure_ascii=False) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"line 1.*first fragment of its annotation"):
        list(read_jsonl(path))


def test_merge_and_packs_keep_the_fragments_one_annotation(tmp_path):
    source = imported(tmp_path)
    target = tmp_path / "team.sqlite"
    with Project.open(target) as project:
        merge_files(project, [source])
    assert annotations(target) == EXPECTED
    with Project.open(target) as project:  # merging the same work again changes nothing
        again = merge_files(project, [source])
        assert again.pairs_added == 0 and not again.pairs_replaced
    pack = tmp_path / "work.annotator"
    with Project.open(source) as project:
        write_pack_file(build_pack(project, None, with_work=True), pack)
    elsewhere = tmp_path / "elsewhere.sqlite"
    with Project.open(elsewhere) as project:
        open_pack(project, pack)
    assert annotations(elsewhere) == EXPECTED


def test_work_whose_fragments_are_linked_otherwise_is_a_conflict_naming_them(tmp_path):
    source = imported(tmp_path)
    unlinked = tmp_path / "unlinked.sqlite"
    shutil.copyfile(source, unlinked)
    with Project.open(unlinked) as project:  # the same spans, no longer one annotation (a hand edit)
        project.db.execute("UPDATE spans SET fragment_of = NULL")
    target = tmp_path / "team.sqlite"
    with Project.open(target) as project, pytest.raises(ConflictError) as caught:
        merge_files(project, [source, unlinked])
    assert "different discontinuous annotations" in str(caught.value)
    assert "(2 vs 0 discontinuous annotations)" in str(caught.value)


def test_links_edited_by_hand_into_a_loop_or_onto_themselves_merge_as_plain_spans(tmp_path):
    source = imported(tmp_path)
    with Project.open(source) as project:
        first, second, third, fourth = project.spans("doc1")
        project.db.execute("UPDATE spans SET fragment_of = id WHERE id = ?", (first.id,))
        project.db.execute("UPDATE spans SET fragment_of = NULL WHERE id = ?", (second.id,))
        project.db.execute("UPDATE spans SET fragment_of = ? WHERE id = ?", (fourth.id, third.id))
        project.db.execute("UPDATE spans SET fragment_of = ? WHERE id = ?", (third.id, fourth.id))
    target = tmp_path / "team.sqlite"
    with Project.open(target) as project:
        merge_files(project, [source])
    assert [len(group) for group in annotations(target)] == [1, 1, 1, 1]  # no annotation, no span lost


def test_with_windows_line_ends_the_t_line_comes_back_in_brats_own_offsets(tmp_path):
    text = TEXT.replace("\n", "\r\n")
    (a, b), (c, d) = where("اليوم"), where("وصل")  # brat reads CRLF as one character: the LF text's offsets
    line = f"T1\tdemand {a} {b};{c} {d}\tاليوم وصل"
    (tmp_path / "d.txt").write_bytes(text.encode("utf-8"))
    (tmp_path / "d.ann").write_text(line + "\n", encoding="utf-8")
    (annotation,) = read_brat(tmp_path / "d.txt", tmp_path / "d.ann", "peer").record.annotations
    assert [text[s.start:s.end] for s in annotation.spans] == ["اليوم", "وصل"]
    out = tmp_path / "out"
    out.mkdir()
    _, ann = write_brat(out, "d", text, annotation.spans, annotation.coding)
    assert ann.read_text(encoding="utf-8") == line + "\n"
