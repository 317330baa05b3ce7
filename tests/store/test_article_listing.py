"""The article list read a page at a time shows the same rows, order, counts and statuses as the whole
listing, under every filter, and finds any article's row."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from annotator.core.model import ArticleRecord, Status
from annotator.store import Project
from annotator.store.article_listing import ListingFilter, listing_count, listing_page, listing_row
from annotator.store.assignments import set_assignment

ARTICLES = 450  # more than two pages of the window's list


@pytest.fixture
def archive(tmp_path: Path) -> Project:
    project = Project.open(tmp_path / "archive.db")
    # ids that sort otherwise than the corpus order, so the order is proven to be the position's
    project.import_articles([ArticleRecord(text=f"خبر رقم {n} عن المفاوضات 𝐀", title=f"خبر {n}",
                                           id=f"a{(n * 7919) % 1000:03d}") for n in range(ARTICLES)])
    ids = [a.id for a in project.article_summaries()]
    for n, doc in enumerate(ids[:60]):
        project.add_span(doc, "sara", 0, 3, "actor")
        if n % 3 == 0:
            project.set_status(doc, "sara", Status.DONE)
    project.set_status(ids[70], "sara", Status.NEW)  # stored as new: still "new"
    project.add_span(ids[5], "omar", 4, 7, "demand")  # another annotator's span counts for omar only
    set_assignment(project, {"sara": ids[::4], "omar": ids[1::4]})
    yield project
    project.close()


def expected(project: Project, listing: ListingFilter) -> list[tuple[str, Status, int]]:
    """The whole listing filtered in Python: the reference the paged reading must equal."""
    statuses = project.statuses(listing.annotator)
    counts = project.span_counts(listing.annotator)
    assigned = set(project.assigned_article_ids(listing.annotator))
    rows = []
    for article in project.article_summaries():
        status = statuses.get((article.id, listing.annotator), Status.NEW)
        keep = (listing.status is None or status == listing.status) and (
            not listing.assigned_only or article.id in assigned)
        if keep or (article.id == listing.pinned and (listing.status or listing.assigned_only)):
            rows.append((article.id, status, counts.get(article.id, 0)))
    return rows


def paged(project: Project, listing: ListingFilter, size: int,
          rows_in_all: int | None = None) -> list[tuple[str, Status, int]]:
    rows, offset = [], 0
    while page := listing_page(project, listing, offset, size, rows_in_all):
        rows += [(e.id, e.status, e.spans) for e in page]
        offset += size
    return rows


FILTERS = [ListingFilter(who, status, assigned, pinned)
           for who, status, assigned, pinned in itertools.product(
               ("sara", "omar", "nobody"), (None, *Status), (False, True), (None, "a000"))]


@pytest.mark.parametrize("listing", FILTERS, ids=str)
def test_pages_counts_and_rows_equal_the_whole_listing(archive: Project, listing: ListingFilter) -> None:
    want = expected(archive, listing)
    assert listing_count(archive, listing) == len(want)
    assert paged(archive, listing, 37) == want  # pages of an odd size: no row lost or repeated at edges
    assert paged(archive, listing, 37, len(want)) == want  # the second half read from the end
    order = [doc for doc, _s, _n in want]
    for doc in [*[a.id for a in archive.article_summaries()][::23], "a000", "missing"]:
        assert listing_row(archive, listing, doc) == (order.index(doc) if doc in order else None)


def test_titles_and_code_point_lengths_come_with_each_entry(archive: Project) -> None:
    (first,) = listing_page(archive, ListingFilter("sara"), 0, 1)
    document = archive.document(first.id)
    assert (first.title, first.length) == (document.title, len(document.text))  # 𝐀 counts one


@pytest.mark.parametrize("assigned_to", [None, "sara", "nobody"])
def test_list_streams_every_article_with_every_status_in_pages(archive: Project, assigned_to) -> None:
    from annotator.store.article_listing import iter_listed_articles

    statuses = archive.statuses()
    shown = set(archive.assigned_article_ids(assigned_to)) if assigned_to else None
    want = [(a.id, a.title, a.length, {name: st.value for (doc, name), st in sorted(statuses.items())
                                       if doc == a.id})
            for a in archive.article_summaries() if shown is None or a.id in shown]
    got = [(a.id, a.title, a.length, a.statuses)
           for a in iter_listed_articles(archive, assigned_to=assigned_to, page_rows=17)]
    assert got == want
    assert any(a[3] for a in got) or assigned_to == "nobody"
