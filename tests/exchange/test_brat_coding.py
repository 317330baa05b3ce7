"""brat with structured coding: R, A and # lines out and back in, annotation.conf listing relation types
and attributes, and bad lines refused naming the file and line with the project unchanged."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.errors import InputError
from annotator.core.formats.brat import ann_lines, brat_span, read_brat
from annotator.core.model import SpanRef
from annotator.core.structure import FLAG_YES, RelationRef, StructuredCoding
from annotator.operations.export import export_project
from annotator.operations.import_corpus import import_paths
from annotator.store import Project
from annotator.store.coding_rows import load_codings


def codings(path: Path) -> dict:
    with Project.open(path) as project:
        return load_codings(project.db.conn)


def test_brat_export_writes_r_a_and_note_lines_and_imports_back(coded: Path, tmp_path: Path,
                                                                 spans_at) -> None:
    out = tmp_path / "brat"
    with Project.open(coded) as project:
        export_project(project, "brat", out, agreement=False)
    ann = (out / "salma" / "a1.ann").read_text(encoding="utf-8").splitlines()
    def t_line(n: int, label: str, phrase: str) -> str:
        start, end = spans_at(phrase)
        return f"T{n}\t{label} {start} {end}\t{phrase}"

    assert ann[:5] == [t_line(1, "actor", "وزير الخارجية"), t_line(2, "actor", "إيران"),
                       t_line(3, "demand", "بوقف التصعيد"), t_line(4, "denial", "نفت"),
                       t_line(5, "actor", "طهران")]
    assert ann[5:] == ["R1\tclaims Arg1:T1 Arg2:T3", "R2\tdenies Arg1:T5 Arg2:T4", "A1\tcanonical T2 Iran",
                       "A2\tnegated T5", "#1\tAnnotatorNotes T1\tمن هو؟ 𝐀"]
    conf = (out / "annotation.conf").read_text(encoding="utf-8")
    assert "[relations]\nclaims\tArg1:actor, Arg2:demand\ndenies\tArg1:actor, Arg2:denial\n" in conf
    assert "[attributes]\ncanonical\tArg:actor, Value:Iran\nnegated\tArg:actor\n" in conf
    target = tmp_path / "back.sqlite"
    with Project.open(target) as project:
        import_paths(project, [out / "salma"], add_labels=True)
    (back,) = codings(target).values()
    (original,) = codings(coded).values()
    # brat has no shape for an article's own note and codes; everything on spans comes back
    assert (back.relations, back.attributes, back.span_notes) == (
        original.relations, original.attributes, original.span_notes)


@pytest.mark.parametrize(("line", "fault"), [
    ("R1\tclaims Arg1:T1 Arg2:T9", "names 'T9', which this file does not define"),
    ("R1\tclaims Arg1:T1", "malformed relation line"),
    ("A1\tnegated T7", "names 'T7'"),
    ("#1\tAnnotatorNotes T1", "malformed note line"),
])
def test_a_bad_structured_line_names_file_and_line_and_changes_nothing(tmp_path: Path, line: str,
                                                                       fault: str) -> None:
    folder = tmp_path / "peer"
    folder.mkdir()
    (folder / "d1.txt").write_bytes("قال 𝐀 الرئيس إن".encode())
    ann = folder / "d1.ann"
    ann.write_text(f"T1\tactor 6 12\tالرئيس\nT2\tdemand 13 15\tإن\n{line}\n", encoding="utf-8")
    target = tmp_path / "p.sqlite"
    Project.open(target).close()
    before = target.read_bytes()
    with Project.open(target) as project, pytest.raises(InputError) as caught:
        import_paths(project, [folder], annotator="peer", add_labels=True)
    assert f"{ann}, line 3" in str(caught.value) and fault in str(caught.value)
    assert target.read_bytes() == before


def test_an_unknown_relation_type_without_add_labels_names_the_file(tmp_path: Path) -> None:
    folder = tmp_path / "peer"
    folder.mkdir()
    (folder / "d1.txt").write_bytes("قال 𝐀 الرئيس إن".encode())
    ann = folder / "d1.ann"
    ann.write_text("T1\tactor 6 12\tالرئيس\nT2\tdemand 13 15\tإن\nR1\turges Arg1:T1 Arg2:T2\n",
                   encoding="utf-8")
    target = tmp_path / "p.sqlite"
    Project.open(target).close()
    before = target.read_bytes()
    with Project.open(target) as project, pytest.raises(InputError) as caught:
        import_paths(project, [folder], annotator="peer")
    assert str(ann) in str(caught.value) and "unknown relation type 'urges'" in str(caught.value)
    assert target.read_bytes() == before


texts = st.text(alphabet=st.sampled_from("اب تث\n𝐀é،"), min_size=2, max_size=30)
names = st.sampled_from(["claims", "denies", "إيران"])


@settings(max_examples=60, deadline=None)
@given(data=st.data(), text=texts)
def test_brat_export_import_export_is_identical(tmp_path_factory, data, text: str) -> None:
    pairs = data.draw(st.lists(st.tuples(st.integers(0, len(text)), st.integers(0, len(text))), min_size=1,
                               max_size=5))
    spans = sorted({SpanRef(min(a, b), max(a, b), data.draw(st.sampled_from(["actor", "demand"])))
                    for a, b in pairs if a != b})
    spans = [s for s in spans if brat_span(text, s) == s]  # a line break at an edge: brat cannot hold it
    if not spans:
        return
    ends = st.sampled_from(spans)
    relations = {RelationRef(h, c, data.draw(names)) for h, c in data.draw(st.lists(st.tuples(ends, ends),
                                                                                       max_size=4)) if h != c}
    attributes = {(s, data.draw(st.sampled_from(["negated", "canonical"])),
                   data.draw(st.sampled_from([FLAG_YES, "Iran", "إيران"]))) for s in data.draw(
                       st.lists(ends, max_size=3, unique=True))}
    notes = {(s, data.draw(st.sampled_from(["ملاحظة 𝐀", "note"]))) for s in data.draw(
        st.lists(ends, max_size=2, unique=True))}
    coding = StructuredCoding(frozenset(relations), frozenset(attributes), frozenset(notes))
    folder = tmp_path_factory.mktemp("rt")
    first = ann_lines(text, spans, coding)
    (folder / "d.txt").write_bytes(text.encode())
    (folder / "d.ann").write_bytes(first.encode())
    (annotation,) = read_brat(folder / "d.txt", folder / "d.ann", "x").record.annotations
    assert ann_lines(text, annotation.spans, annotation.coding) == first
