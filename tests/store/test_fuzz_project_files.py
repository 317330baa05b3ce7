"""Damaged project files, fuzzed: opening one (or merging it) is refused with our error, or works.

Hypothesis flips bytes anywhere in a real project file (header, schema, b-tree pages, text) and
truncates it. ``Project.open`` and merge's reader must either succeed or raise an ``AnnotatorError``
subclass — never a raw ``sqlite3`` error or a crash — and a refused file is left byte for byte as it was.
"""

from __future__ import annotations

import contextlib
import tempfile
from functools import cache
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from annotator.core.errors import AnnotatorError
from annotator.core.model import AnnotationSet, ArticleRecord, SpanRef
from annotator.operations.team import load_merge_source
from annotator.store import Project

SCRATCH = "/dev/shm" if Path("/dev/shm").is_dir() else None


@cache
def pristine_project() -> bytes:
    """A small closed project (articles with Arabic and astral text, spans, statuses), as bytes."""
    with tempfile.TemporaryDirectory(dir=SCRATCH) as folder:
        path = Path(folder) / "p.sqlite"
        with Project.open(path) as project:
            project.import_articles([
                ArticleRecord(text=f"قال وزير الخارجية 𝔸 إن المفاوضات ستستأنف {n}\n" * 20, title=f"خبر {n}",
                              annotations=(AnnotationSet("salma", (SpanRef(4, 8, "actor"),)),))
                for n in range(12)
            ])
        return path.read_bytes()


damage = st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 255)), min_size=1, max_size=12)


def damaged(edits: list[tuple[int, int]], cut: int | None) -> bytes:
    data = bytearray(pristine_project())
    for offset, value in edits:
        data[offset % len(data)] = value
    return bytes(data[:cut] if cut is not None else data)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(edits=damage, cut=st.one_of(st.none(), st.integers(0, 40_000)))
@example(edits=[(40798, 0)], cut=None)  # found in CI: a malformed page surfaced as raw DatabaseError on read
@example(edits=[(241274, 0)], cut=None)  # a damaged status text surfaced as a raw ValueError
def test_damaged_project_opens_or_is_refused_with_our_error_unchanged(edits, cut) -> None:
    data = damaged(edits, cut)
    with tempfile.TemporaryDirectory(dir=SCRATCH) as folder:
        path = Path(folder) / "p.sqlite"
        path.write_bytes(data)
        try:
            with Project.open(path) as project:
                project.article_summaries()
                project.documents()
                project.spans()
                project.statuses()
        except AnnotatorError:
            assert path.read_bytes() == data, "a refused project file was modified"


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(edits=damage, cut=st.one_of(st.none(), st.integers(0, 40_000)))
def test_damaged_project_given_to_merge_is_read_or_refused_with_our_error(edits, cut) -> None:
    data = damaged(edits, cut)
    with tempfile.TemporaryDirectory(dir=SCRATCH) as folder:
        path = Path(folder) / "other.sqlite"
        path.write_bytes(data)
        with contextlib.suppress(AnnotatorError):
            load_merge_source(path)
        assert path.read_bytes() == data, "merge must never write to the file it reads"
