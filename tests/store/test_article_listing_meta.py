"""The article list's metadata filter and sort equal a Python reference under every combination with the
status, assignment and pinned filters: the count, every page, and any article's row."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest

from annotator.core.agreement.groups import meta_value
from annotator.core.model import ArticleRecord, Status
from annotator.store import Project
from annotator.store.article_listing import (
    ListingFilter,
    ascii_lower,
    listing_count,
    listing_page,
    listing_row,
    metadata_keys,
    metadata_values,
)
from annotator.store.assignments import set_assignment

ARTICLES = 240
OUTLETS = ["Al Jazeera", "الجزيرة", "BBC Arabic", "الأهرام"]


def meta_of(n: int) -> dict:
    """Varied metadata: missing keys, numbers, booleans, an Arabic key, a key with a quote in it."""
    meta: dict = {"outlet": OUTLETS[n % 4]}
    if n % 5:
        meta["date"] = f"20{10 + n % 13}-{1 + n % 12:02d}-{1 + n % 28:02d}"
    if n % 3 == 0:
        meta["pages"] = n % 7 if n % 2 else f"{n % 11}"  # numbers and text under one key
    if n % 7 == 0:
        meta["القسم"] = "سياسة" if n % 2 else "اقتصاد"
    if n % 11 == 0:
        meta["front"] = n % 2 == 0  # true / false
    if n % 13 == 0:
        meta['say "when"'] = "DATE key"  # a value that spells a key's name, under an awkward key
    return meta


@pytest.fixture(scope="module")
def archive(tmp_path_factory) -> Project:
    project = Project.open(Path(tmp_path_factory.mktemp("meta")) / "archive.db")
    project.import_articles([ArticleRecord(text=f"خبر رقم {n} عن المفاوضات", title=f"خبر {n} Date Jazeera"
                                           if n % 17 == 0 else f"خبر {n}", id=f"a{(n * 7919) % 1000:03d}",
                                           meta=meta_of(n)) for n in range(ARTICLES)])
    ids = [a.id for a in project.article_summaries()]
    for n, doc in enumerate(ids[:90]):
        if n % 3 == 0:
            project.set_status(doc, "sara", Status.DONE)
        elif n % 3 == 1:
            project.set_status(doc, "sara", Status.IN_PROGRESS)
    set_assignment(project, {"sara": ids[::2]})
    yield project
    project.close()


def sort_value(value):
    """SQLite's order of a JSON value: numbers (booleans as 1 and 0) before text."""
    if isinstance(value, bool | int | float):
        return (0, float(value), "")
    return (1, 0.0, value if isinstance(value, str) else json.dumps(value))


def expected(project: Project, listing: ListingFilter) -> list[str]:
    """The listing filtered and sorted in Python: the reference the SQL must equal."""
    statuses = project.statuses(listing.annotator)
    assigned = set(project.assigned_article_ids(listing.annotator))
    needle = ascii_lower(listing.text.strip())
    rows = []
    for document in project.documents():
        status = statuses.get((document.id, listing.annotator), Status.NEW)
        texts = [meta_value(v) for v in document.meta.values() if v is not None]
        keep = ((listing.status is None or status == listing.status)
                and (not listing.assigned_only or document.id in assigned)
                and (not needle or needle in ascii_lower(document.title)
                     or any(needle in ascii_lower(t) for t in texts))
                and (listing.meta is None or (listing.meta[0] in document.meta and meta_value(
                    document.meta[listing.meta[0]]) == listing.meta[1])))
        if keep or (document.id == listing.pinned and listing.narrowed()):
            rows.append(document)
    if listing.sort_key is not None:
        key = listing.sort_key
        rows.sort(key=lambda d: (key not in d.meta, sort_value(d.meta.get(key)), d.position, d.id))
    return [d.id for d in rows]


TEXTS = ("", "jazeera", "  AL JAZ ", "2019-0", "date", "DATE k", "e\":", "say", "الجزيرة", "القسم", "سياسة",
         "true", 'when"', "nothing like it")
METAS = (None, ("outlet", "BBC Arabic"), ("pages", "3"), ("front", "false"), ("القسم", "سياسة"),
         ('say "when"', "DATE key"), ("missing", "x"))
SORTS = (None, "date", "pages", "front", 'say "when"', "missing")
KEYS = ("date", "front", "outlet", "pages", 'say "when"', "القسم", "unknown")  # known keys: a speed-up only
FILTERS = [ListingFilter("sara", status, assigned, pinned, text, meta, sort, keys)
           for status, assigned, pinned, text, meta, sort in itertools.product(
               (None, Status.DONE, Status.NEW), (False, True), (None, "a000"), TEXTS, METAS, SORTS)
           for keys in ((), KEYS)]


def test_every_combination_equals_the_reference(archive: Project) -> None:
    ids = [a.id for a in archive.article_summaries()]
    listed = 0
    for listing in FILTERS:
        want = expected(archive, listing)
        listed += bool(want)
        assert listing_count(archive, listing) == len(want), listing
        for rows_in_all in (None, len(want)):  # the second half read from the end, given the count
            got, offset = [], 0
            while page := listing_page(archive, listing, offset, 37, rows_in_all):
                got += [entry.id for entry in page]
                offset += 37
            assert got == want, (listing, rows_in_all)
        for doc in [*ids[::29], "a000", "missing"]:
            assert listing_row(archive, listing, doc) == (want.index(doc) if doc in want else None), (
                listing, doc)
    assert listed > len(FILTERS) / 3  # the combinations are not all empty lists


def test_a_key_name_is_not_a_value_and_the_text_is_case_blind_in_latin_only(archive: Project) -> None:
    everyone = ListingFilter("sara")
    # every article has "outlet", none has it as a value
    assert listing_count(archive, ListingFilter("sara", text="outlet")) == 0
    assert listing_count(archive, ListingFilter("sara", text="BBC")) == listing_count(
        archive, ListingFilter("sara", text="bbc")) == ARTICLES // 4
    assert listing_count(archive, everyone) == ARTICLES


def test_entries_carry_their_metadata_and_the_keys_and_values_are_offered(archive: Project) -> None:
    (first,) = listing_page(archive, ListingFilter("sara"), 0, 1)
    assert first.meta == archive.document(first.id).meta
    assert metadata_keys(archive) == sorted({k for d in archive.documents() for k in d.meta})
    outlets = metadata_values(archive, "outlet")
    assert sorted(outlets) == sorted(OUTLETS)
    assert metadata_values(archive, "front") == ["true", "false"] or sorted(
        metadata_values(archive, "front")) == ["false", "true"]


def test_filter_and_sort_read_the_listing_index_not_the_texts(archive: Project) -> None:
    plan = " ".join(str(row) for row in archive.db.execute(
        "EXPLAIN QUERY PLAN SELECT id, meta FROM documents INDEXED BY documents_listing "
        "WHERE instr(lower(meta), 'x') ORDER BY json_extract(meta, '$.date')").fetchall())
    assert "COVERING INDEX documents_listing" in plan


def test_each_articles_value_of_a_key_is_read_as_json_wrote_it(archive: Project) -> None:
    from annotator.store.article_listing import metadata_by_article

    for key in ("outlet", "front", "pages", 'say "when"', "missing"):
        got = {doc: (type(value), value) for doc, value in metadata_by_article(archive, key).items()}
        assert got == {d.id: (type(d.meta[key]), d.meta[key]) for d in archive.documents() if key in d.meta}


def test_a_large_corpus_offers_the_keys_of_its_first_and_last_articles(tmp_path: Path, monkeypatch) -> None:
    from annotator.store import article_listing

    monkeypatch.setattr(article_listing, "KEYS_SAMPLE", 10)
    with Project.open(tmp_path / "large.db") as project:
        project.import_articles([ArticleRecord(f"خبر {n}", f"خبر {n}", meta={"outlet": "x", f"k{n // 10}": n})
                                 for n in range(40)])
        assert metadata_keys(project) == ["k0", "k3", "outlet"]  # not k1, k2: read from the ends only
        monkeypatch.setattr(article_listing, "KEYS_SAMPLE", 20)
        assert metadata_keys(project) == ["k0", "k1", "k2", "k3", "outlet"]
