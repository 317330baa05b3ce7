"""brat standoff: reading peers' .txt/.ann pairs and writing ours, offsets in code points."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.errors import InputError
from annotator.core.formats.brat import read_brat, write_brat
from annotator.core.model import SpanRef
from annotator.operations.import_corpus import import_paths
from annotator.store import Project

# An Arabic sentence with a CRLF line break and an astral character (two UTF-16 units, one code point)
# before the spans, so an implementation counting bytes or UTF-16 units gets every offset wrong.
TEXT = "قال الرئيس 𝔸 اليوم\r\nإن الوسطاء يحاولون إقناع إيران والولايات المتحدة."


def offsets(word: str, occurrence: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(occurrence + 1):
        start = TEXT.index(word, start + 1)
    return start, start + len(word)


def write_pair(folder: Path, name: str, ann: str, text: str = TEXT) -> tuple[Path, Path]:
    txt = folder / f"{name}.txt"
    txt.write_bytes(text.encode("utf-8"))
    ann_path = folder / f"{name}.ann"
    ann_path.write_text(ann, encoding="utf-8")
    return txt, ann_path


def peer_ann() -> str:
    """An .ann as brat writes it: a plain span, a discontinuous one, a relation, attributes, a note, an
    event."""
    s1, e1 = offsets("الرئيس")
    s2, e2 = offsets("إيران")
    s3, e3 = offsets("المتحدة")
    s4, e4 = offsets("الوسطاء")
    return (
        f"T1\tactor {s1} {e1}\tالرئيس\n"
        f"T2\tactor {s2} {e2};{s3} {e3}\tإيران المتحدة\n"
        f"T3\tmediator {s4} {e4}\tالوسطاء\n"
        "R1\tspeaks_to Arg1:T1 Arg2:T2\n"
        "A1\tNegated T3\n"
        "A2\tcanonical T1 Iran\n"
        "#1\tAnnotatorNotes T1\tcheck this 𝐀\n"
        "E1\tTalks:T3\n"
    )


def test_reads_spans_relations_attributes_notes_with_fragments_split_and_events_counted(tmp_path):
    txt, ann = write_pair(tmp_path, "doc1", peer_ann())
    document = read_brat(txt, ann, "peer")
    record = document.record
    assert record.text == TEXT and record.id == "doc1"
    (annotation,) = record.annotations
    covered = sorted((TEXT[s.start:s.end], s.label) for s in annotation.spans)
    assert covered == sorted([("الرئيس", "actor"), ("إيران", "actor"), ("المتحدة", "actor"),
                              ("الوسطاء", "mediator")])
    assert document.summary.discontinuous == 1 and document.summary.fragments == 2
    assert dict(document.summary.unsupported) == {"event": 1}
    notes = " ".join(document.summary.notes())
    assert "1 discontinuous" in notes and "1 event(s)" in notes
    coding = annotation.coding
    president, iran, mediators = (SpanRef(*offsets(w), label) for w, label in (
        ("الرئيس", "actor"), ("إيران", "actor"), ("الوسطاء", "mediator")))
    assert [(r.head, r.child, r.type) for r in coding.relations] == [(president, iran, "speaks_to")]
    assert sorted(coding.attributes) == sorted([(mediators, "Negated", "yes"),
                                                (president, "canonical", "Iran")])
    assert coding.note_of(president) == "check this 𝐀"


def test_round_trip_through_a_project_keeps_text_bytes_and_spans(tmp_path):
    peers = tmp_path / "peers"
    peers.mkdir()
    write_pair(peers, "doc1", peer_ann())
    write_pair(peers, "doc2", "", text="نص ثان بلا تعليقات\n")
    with Project.open(tmp_path / "p.sqlite") as project:
        summary = import_paths(project, [peers], annotator="peer", add_labels=True)
        assert "discontinuous" in summary.describe() and "1 event(s)" in summary.describe()
        document = project.document("doc1")
        spans = [s.ref for s in project.spans("doc1", "peer")]
    out = tmp_path / "out"
    out.mkdir()
    txt, ann = write_brat(out, "doc1", document.text, spans)
    assert txt.read_bytes() == (peers / "doc1.txt").read_bytes()
    again = read_brat(txt, ann, "peer").record.annotations[0].spans
    assert sorted(again) == sorted(spans) and len(spans) == 4
    assert ann.read_text(encoding="utf-8").splitlines()[0].split("\t")[2] in TEXT


def test_write_brat_lines_are_brat_t_lines(tmp_path):
    start, end = offsets("الرئيس")
    _, ann = write_brat(tmp_path, "x", TEXT, [SpanRef(start, end, "actor")])
    assert ann.read_text(encoding="utf-8") == f"T1\tactor {start} {end}\tالرئيس\n"


texts = st.text(alphabet=st.sampled_from("اب تث\n\r𝔸é،"), min_size=1, max_size=40)


def brat_reads(txt: Path, ann: Path) -> list[tuple[str, list[tuple[int, int]]]]:
    """brat's own check of every T-line, restated from nlplab/brat server/src/annotation.py: the .txt is
    read as UTF-8 with universal newlines, and a line's quote must equal its fragments' texts joined by
    one space (DISCONT_SEP). Returns (label, fragments) per line; fails the test on any line brat rejects.
    """
    with open(txt, encoding="utf-8", newline=None) as handle:  # what brat's open_textfile('rU') does
        document = handle.read()
    read = []
    for line in ann.read_text(encoding="utf-8").splitlines():
        identifier, middle, quote = line.split("\t")
        label, offsets_text = middle.split(" ", 1)
        fragments = [tuple(int(n) for n in pair.split(" ")) for pair in offsets_text.split(";")]
        assert quote == " ".join(document[a:b] for a, b in fragments), (identifier, line)
        read.append((label, fragments))
    return read


def edges_hold_no_line_break(text: str, span: SpanRef) -> bool:
    return text[span.start] not in "\r\n" and text[span.end - 1] not in "\r\n"


@settings(max_examples=80, deadline=None)
@given(data=st.data(), text=texts)
def test_any_spans_round_trip_and_brat_accepts_every_line(tmp_path_factory, data, text):
    folder = tmp_path_factory.mktemp("rt")
    pairs = data.draw(st.lists(st.tuples(st.integers(0, len(text)), st.integers(0, len(text))), max_size=6))
    spans = {SpanRef(min(a, b), max(a, b), data.draw(st.sampled_from(["actor", "demand"])))
             for a, b in pairs if a != b}
    spans = {span for span in spans if edges_hold_no_line_break(text, span)}  # brat cannot hold those
    txt, ann = write_brat(folder, "d", text, spans)
    assert txt.read_bytes() == text.encode("utf-8")
    assert len(brat_reads(txt, ann)) == len(spans)
    record = read_brat(txt, ann, "x").record
    assert record.text == text
    assert set(record.annotations[0].spans if record.annotations else ()) == spans


def test_a_span_across_a_line_break_is_fragments_brat_accepts_and_one_span_again(tmp_path):
    text = "قال الوزير إن\nالولايات المتحدة 𝔸 توافق"
    start, end = text.index("إن"), text.index("المتحدة") + len("المتحدة")
    txt, ann = write_brat(tmp_path, "d", text, [SpanRef(start, end, "demand")])
    ((label, fragments),) = brat_reads(txt, ann)
    assert label == "demand" and fragments == [(start, start + 2), (start + 3, end)]
    assert read_brat(txt, ann, "x").record.annotations[0].spans == (SpanRef(start, end, "demand"),)


def test_crlf_text_offsets_count_as_brat_reads_them_and_the_text_stays_as_stored(tmp_path):
    text = "سطر أول\r\nقال الوزير\r\nإيران 𝔸 ترفض"
    stored = [SpanRef(text.index("الوزير"), text.index("الوزير") + 6, "actor"),
              SpanRef(text.index("قال"), text.index("ترفض") + 4, "demand")]
    txt, ann = write_brat(tmp_path, "d", text, stored)
    with open(txt, encoding="utf-8", newline=None) as handle:
        brat_text = handle.read()
    lines = dict((label, fragments) for label, fragments in brat_reads(txt, ann))
    assert lines["actor"] == [(brat_text.index("الوزير"), brat_text.index("الوزير") + 6)]
    assert len(lines["demand"]) == 2  # two lines, one fragment each
    record = read_brat(txt, ann, "x").record
    assert record.text == text and sorted(record.annotations[0].spans) == sorted(stored)


def test_a_peer_file_with_crlf_and_brat_offsets_imports_over_the_stored_text(tmp_path):
    text = "عنوان\r\nقال الوسيط\r\n"
    brat_text = text.replace("\r\n", "\n")
    start = brat_text.index("الوسيط")
    txt, ann = write_pair(tmp_path, "p", f"T1\tmediator {start} {start + 6}\tالوسيط\n", text=text)
    record = read_brat(txt, ann, "peer").record
    (span,) = record.annotations[0].spans
    assert record.text == text and text[span.start:span.end] == "الوسيط"


def test_crlf_offsets_that_fit_no_counting_name_the_line_ends(tmp_path):
    text = "عنوان\r\nقال الوسيط\r\n"
    txt, ann = write_pair(tmp_path, "p", "T1\tmediator 3 9\tالوسيط\n", text=text)
    with pytest.raises(InputError, match="Windows line ends"):
        read_brat(txt, ann, "peer")


@pytest.mark.parametrize(("ann", "fault"), [
    ("T1\tactor 0 3\tقال\nT2 actor 4 10 الرئيس\n", "malformed text-bound line"),
    ("T1\tactor 0 3\tقال\nT2\tactor four 10\tالرئيس\n", "not 'start end'"),
    ("T1\tactor 0 3\tقال\nT2\tactor 60 500\tx\n", "past the end of the text"),
    ("T1\tactor 0 3\tقال\nT2\tactor 4 10\tالوزير\n", "the .txt has"),
    ("T1\tactor 0 3\tقال\nT2\tactor 5 5\t\n", "not before end"),
    ("T1\tactor 0 3\tقال\nX1\twhat\n", "unknown brat line type"),
])
def test_malformed_ann_names_file_and_line(tmp_path, ann, fault):
    txt, ann_path = write_pair(tmp_path, "bad", ann)
    with pytest.raises(InputError) as caught:
        read_brat(txt, ann_path, "peer")
    assert caught.value.path == str(ann_path) and caught.value.line == 2
    assert fault in str(caught.value) and f"{ann_path}, line 2" in str(caught.value)


def test_missing_txt_is_named(tmp_path):
    ann = tmp_path / "lonely.ann"
    ann.write_text("T1\tactor 0 3\tقال\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"lonely\.ann: has no matching text file lonely\.txt"):
        read_brat(tmp_path / "lonely.txt", ann, "peer")


def test_offsets_in_utf16_units_are_caught_as_a_text_mismatch(tmp_path):
    # Past the astral character a UTF-16 offset is one more than the code-point offset.
    start, end = offsets("اليوم")
    txt, ann = write_pair(tmp_path, "u16", f"T1\tactor {start + 1} {end + 1}\tاليوم\n")
    with pytest.raises(InputError, match="line 1: T1: the line quotes"):
        read_brat(txt, ann, "peer")


@pytest.mark.parametrize("ann", [
    "T1\tactor 0 3\tقال\nT2\tactor 60 500\tx\n",
    "T1\tactor 0 3\tقال\nT2\tactor 4 10\tالوزير\n",
    "T1 broken\n",
])
def test_bad_brat_folder_leaves_the_project_unchanged(tmp_path, ann):
    peers = tmp_path / "peers"
    peers.mkdir()
    write_pair(peers, "a_good", "T1\tactor 0 3\tقال\n")
    write_pair(peers, "b_bad", ann)
    db = tmp_path / "p.sqlite"
    Project.open(db).close()
    before = db.read_bytes()
    with Project.open(db) as project, pytest.raises(InputError, match=r"b_bad\.ann, line \d"):
        import_paths(project, [peers], annotator="peer")
    assert db.read_bytes() == before


def test_folder_with_ann_but_no_txt_is_refused_by_import(tmp_path):
    peers = tmp_path / "peers"
    peers.mkdir()
    (peers / "orphan.ann").write_text("T1\tactor 0 3\tقال\n", encoding="utf-8")
    with Project.open(tmp_path / "p.sqlite") as project, pytest.raises(InputError, match=r"orphan\.ann"):
        import_paths(project, [peers], annotator="peer")


def test_annotator_defaults_to_the_folder_name_and_says_so(tmp_path):
    folder = tmp_path / "layla"
    folder.mkdir()
    write_pair(folder, "doc1", "T1\tactor 0 3\tقال\n")
    with Project.open(tmp_path / "p.sqlite") as project:
        summary = import_paths(project, [folder])
        assert project.annotators() == ["layla"]
    assert "attributed to annotator 'layla'" in summary.describe()


def test_format_brat_reads_txt_exactly_even_without_ann(tmp_path):
    folder = tmp_path / "texts"
    folder.mkdir()
    raw = "سطر أول\r\nسطر ثان\n"
    (folder / "only.txt").write_bytes(raw.encode("utf-8"))
    with Project.open(tmp_path / "p.sqlite") as project:
        import_paths(project, [folder], format="brat")
        assert project.document("only").text == raw
