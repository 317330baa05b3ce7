"""The corpus search index (schema v5): filled by the migration, kept in step by import and merge."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest

from annotator.core.errors import NotFoundError
from annotator.core.formats.plaintext import read_txt
from annotator.core.model import ArticleRecord, text_sha256
from annotator.core.normalise import normalised_text
from annotator.core.search import normalise_query
from annotator.operations.import_corpus import import_paths
from annotator.operations.team import merge_files
from annotator.store import Project
from annotator.store.schema import MIGRATIONS, SCHEMA_VERSION
from annotator.store.search import documents_containing, search
from tests.core.test_search import reference as reference_text

# Needles chosen on the seeds: a clitic-prefixed occurrence ("والمفاوضات", "بالتعاون"), spellings
# that differ only by hamza/alef, ta marbuta and harakat, a phrase across a line break, two letters.
NEEDLES = ["المفاوضات", "التعاون", "الأمريكي", "اميركية", "الولايات المتحدة", "سرّيّة", "واشنطن",
           "رويترز", "سري", "مـــصادر", "يا", "ة", "zz-not-there", 'لـ"رويترز', "2019",
           # FTS5 syntax is plain text here: quotes, star, operators, brackets, minus, NEAR.
           '"', '""', "*", "AND", "OR", "NOT", "(2019)", "10:11 -", "2019 - 10:11", "NEAR(a b)", "ترامب*",
           "a OR"]


def seed_texts(seeds_dir: Path) -> list[str]:
    return [read_txt(path).text for path in sorted(seeds_dir.glob("*.txt"))]


def reference(project: Project, needle: str) -> list[str]:
    """The answer without the index: normalise every stored text in Python and test containment."""
    wanted = normalised_text(needle)
    return [d.id for d in project.documents() if wanted and wanted in normalised_text(d.text)]


def build_version_4(path: Path, texts: list[str]) -> None:
    """A project as schema 4 wrote it: the seed articles, no search index."""
    conn = sqlite3.connect(path)
    for version in range(4):
        MIGRATIONS[version](conn)
    conn.executemany(
        "INSERT INTO documents (id, title, source, text, sha256, imported_at, meta, position) "
        "VALUES (?, 't', '', ?, ?, '2025-01-01T00:00:00+00:00', '{}', ?)",
        [(f"old-{n}", text, text_sha256(text), n) for n, text in enumerate(texts)],
    )
    conn.execute("PRAGMA user_version = 4")
    conn.commit()
    conn.close()


@pytest.mark.parametrize("needle", NEEDLES)
def test_documents_containing_agrees_with_normalising_every_text(project: Project, needle: str) -> None:
    assert documents_containing(project, normalised_text(needle)) == reference(project, needle)


def test_a_word_is_found_inside_a_longer_word_and_in_article_order(project: Project) -> None:
    ids = [d.id for d in project.documents()]
    # 002 has "الاتفاق" twice; 003 has it only with a conjunction and a hamza: "والإتفاق"; 001 and 004
    # have the indefinite "اتفاق", which does not contain the needle.
    assert documents_containing(project, normalised_text("الاتفاق")) == [ids[2], ids[3]]
    assert documents_containing(project, normalised_text("اتفاق")) == ids[1:]


def test_empty_needle_finds_nothing(project: Project) -> None:
    assert documents_containing(project, "") == []


def test_migrating_a_version_4_project_fills_the_index(tmp_path: Path, seeds_dir: Path) -> None:
    path = tmp_path / "old.sqlite"
    texts = seed_texts(seeds_dir)
    build_version_4(path, texts)
    with Project.open(path) as project:
        assert project.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert project.db.execute("SELECT COUNT(*) FROM document_search").fetchone()[0] == len(texts)
        for needle in NEEDLES:
            assert documents_containing(project, normalised_text(needle)) == reference(project, needle)
        assert documents_containing(project, normalised_text("الاتفاق")) == ["old-2", "old-3"]


def test_import_keeps_the_index_in_step_and_it_survives_reopening(tmp_path: Path) -> None:
    path = tmp_path / "p.sqlite"
    with Project.open(path) as project:
        project.import_articles([ArticleRecord("بيان مُشْتَرَكٌ للوسطاء", "أ", id="a")])
        assert documents_containing(project, normalised_text("مشترك")) == ["a"]
        project.import_articles([ArticleRecord("بيان مشترك ثان", "ب", id="b"),
                                 ArticleRecord("بيان مُشْتَرَكٌ للوسطاء", "أ", id="a")])  # a: already there
        assert project.db.execute("SELECT COUNT(*) FROM document_search").fetchone()[0] == 2
    with Project.open(path) as project:
        assert documents_containing(project, normalised_text("مشترك")) == ["a", "b"]
        assert documents_containing(project, normalised_text("للوسطاء")) == ["a"]


def test_a_failed_import_leaves_the_index_unchanged(tmp_path: Path) -> None:
    with Project.open(tmp_path / "p.sqlite") as project:
        project.import_articles([ArticleRecord("نص أول", "أ", id="a")])
        with pytest.raises(Exception, match="already used"):
            project.import_articles([ArticleRecord("نص ثان جديد", "ب", id="n"),
                                     ArticleRecord("نص ثالث", "ج", id="a")])
        assert documents_containing(project, normalised_text("نص")) == ["a"]
        assert project.db.execute("SELECT COUNT(*) FROM document_search").fetchone()[0] == 1


def test_merge_keeps_the_index_in_step(tmp_path: Path, seeds_dir: Path) -> None:
    other = tmp_path / "other.sqlite"
    with Project.open(other) as project:
        import_paths(project, [seeds_dir])
        project.import_articles([ArticleRecord("خبر من جهاز آخر عن المفاوضات", "آخر", id="x")])
    with Project.open(tmp_path / "mine.sqlite") as project:
        project.import_articles([ArticleRecord("خبر محلي", "محلي", id="local")])
        merge_files(project, [other])
        assert project.db.execute("SELECT COUNT(*) FROM document_search").fetchone()[0] == 7
        assert documents_containing(project, normalised_text("جهاز اخر")) == ["x"]
        for needle in NEEDLES:
            assert documents_containing(project, normalised_text(needle)) == reference(project, needle)


# -- search(): hits with exact offsets, totals, pages, the label filter ------------------------------


def reference_hits(project: Project, query: str) -> list[tuple[str, int, int]]:
    """Every occurrence by the regex over the original texts (tests/core/test_search.py), corpus order."""
    needle = normalise_query(query)
    return [(d.id, start, end) for d in project.documents() for start, end in reference_text(d.text, needle)]


@pytest.mark.parametrize("query", ["الامريكي", "الولايات المتحده", "سرّيّة", "عمان", "اتفاق", "في",
                                   'لـ"رويترز', "2019 - 10:11", "(", "AND OR", "ترامب*"])
def test_search_lists_every_occurrence_at_its_original_offsets(project: Project, query: str) -> None:
    expected = reference_hits(project, query)
    result = search(project, query, limit=10_000)
    texts = {d.id: d.text for d in project.documents()}
    assert [(h.article_id, h.start, h.end) for h in result.hits] == expected
    assert result.total == len(expected) and result.articles == len({a for a, _, _ in expected})
    for hit in result.hits:
        assert texts[hit.article_id][hit.start:hit.end] == hit.match
        assert hit.title == project.document(hit.article_id).title
        assert hit.label is None and hit.annotator is None


def test_pages_split_the_same_hits_and_totals_cover_everything(project: Project) -> None:
    everything = search(project, "المتحده", limit=10_000)
    assert everything.total > 20
    pages = [search(project, "المتحده", limit=10, offset=offset) for offset in range(0, everything.total, 10)]
    assert [hit for page in pages for hit in page.hits] == list(everything.hits)
    assert {(page.total, page.articles) for page in pages} == {(everything.total, everything.articles)}
    assert search(project, "   ").total == 0 and search(project, "zzq").hits == ()


def test_a_first_page_without_totals_lists_the_same_hits_in_the_same_order(tmp_path: Path,
                                                                             seeds_dir: Path) -> None:
    texts = seed_texts(seeds_dir)
    with Project.open(tmp_path / "p.sqlite") as project:
        # three imports and a deleted article: the order the index was written in must stay corpus order
        for batch in (texts[1:3], texts[:1], texts[3:]):
            project.import_articles([ArticleRecord(text, f"t{len(text)}") for text in batch])
        with project.transaction() as conn:  # no command deletes articles; the cascade would
            conn.execute("DELETE FROM documents WHERE id = ?", (project.documents()[1].id,))
        for query in ("المتحده", "الامريكي", "في", "zzq"):
            everything = search(project, query, limit=10_000)
            for offset, limit in ((0, 5), (3, 7), (everything.total or 1, 5)):
                page = search(project, query, limit=limit, offset=offset, totals=False)
                assert page.hits == everything.hits[offset:offset + limit], (query, offset)
                assert page.total is None and page.articles is None and not page.counted


def test_offsets_stay_exact_after_astral_characters(tmp_path: Path) -> None:
    text = "😀𝕏 عنوان\n\nقالت 🇪🇬 المصادرُ إنّ المصادر مطلعة"
    with Project.open(tmp_path / "p.sqlite") as project:
        project.import_articles([ArticleRecord(text, "عنوان", id="astral")])
        hits = search(project, "مصادر").hits
        # The span's text is read by SQLite's substr(), which must count code points like Python.
        second = text.rindex("المصادر")
        project.add_span("astral", "salma", second, second + len("المصادر مطلعة"), "actor")
        [labelled] = search(project, "مصادر مطلعه", label="actor").hits
        assert (labelled.start, labelled.match) == (second + 2, "مصادر مطلعة")
    assert [text[h.start:h.end] for h in hits] == ["المصادرُ"[2:], "مصادر"]
    assert [h.start for h in hits] == [m.start() + 2 for m in re.finditer("المصادر", text)]


def test_label_filter_finds_only_spans_of_that_label_containing_the_query(project: Project) -> None:
    doc = project.documents()[0]
    first = doc.text.index("الولايات المتحدة")
    second = doc.text.index("الولايات المتحدة", first + 1)
    # A denial span around the first occurrence, an actor span around the second, a denial span elsewhere.
    project.add_span(doc.id, "salma", first - 6, first + 20, "denial")
    project.add_span(doc.id, "omar", second, second + 16, "actor")
    project.add_span(doc.id, "omar", 0, 5, "denial")
    result = search(project, "الولايات المتحده", label="denial")
    assert (result.total, result.articles) == (1, 1)
    [hit] = result.hits
    assert (hit.article_id, hit.start, hit.end, hit.match) == (doc.id, first, first + 16, "الولايات المتحدة")
    assert (hit.label, hit.annotator) == ("denial", "salma")
    assert (hit.span_start, hit.span_end) == (first - 6, first + 20)
    [actor] = search(project, "المتحدة", label="actor").hits
    assert (actor.annotator, actor.start, actor.span_start) == ("omar", second + 9, second)
    assert search(project, "الولايات", label="actor", annotator="salma").total == 0
    assert search(project, "الولايات", annotator="salma").total == 1  # any label, one annotator
    # A span that holds only part of the query does not count.
    assert search(project, "الولايات المتحدة الامريكية", label="denial").total == 0
    with pytest.raises(NotFoundError, match="no label named 'nope'"):
        search(project, "الولايات", label="nope")
    with pytest.raises(NotFoundError, match="no annotator named 'nobody'"):
        search(project, "الولايات", annotator="nobody")


def assert_index_intact(project: Project) -> None:
    """FTS5's own check that the index holds exactly the trigrams of search_texts (raises if not)."""
    project.db.execute("INSERT INTO document_search (document_search, rank) VALUES ('integrity-check', 1)")
    texts = dict(project.db.execute("SELECT document_id, text FROM search_texts").fetchall())
    assert texts == {d.id: normalised_text(d.text) for d in project.documents()}


def test_index_is_intact_after_migration_import_merge_and_a_deleted_article(tmp_path: Path,
                                                                          seeds_dir: Path) -> None:
    path = tmp_path / "old.sqlite"
    build_version_4(path, seed_texts(seeds_dir)[:3])
    other = tmp_path / "other.sqlite"
    with Project.open(other) as project:
        import_paths(project, [seeds_dir])
    with Project.open(path) as project:
        assert_index_intact(project)
        project.import_articles([ArticleRecord("خبر جديد عن المفاوضات", "جديد", id="new")])
        assert_index_intact(project)
        merge_files(project, [other])
        assert_index_intact(project)
        assert project.document_count() == 6
        # No command deletes articles; if one ever goes (ON DELETE CASCADE), its index entry goes too.
        project.db.execute("DELETE FROM documents WHERE id = 'new'")
        assert_index_intact(project)
        assert documents_containing(project, normalised_text("خبر جديد")) == []


def test_label_filter_matches_a_span_that_is_exactly_the_query_spelled_with_harakat(tmp_path: Path) -> None:
    text = "محادثات سرّيّة بين الطرفين"
    with Project.open(tmp_path / "p.sqlite") as project:
        project.import_articles([ArticleRecord(text, "ع", id="h")])
        start = text.index("سرّيّة")
        project.add_span("h", "salma", start, start + len("سرّيّة"), "denial")  # 6 code points, 4 normalised
        project.add_span("h", "salma", 0, 3, "denial")  # "محا": shorter than the query
        [hit] = search(project, "سريه", label="denial").hits
        assert (hit.start, hit.end, hit.match) == (start, start + 6, "سرّيّة")
        assert search(project, "سرية بين", label="denial").total == 0  # runs past the span's end


def test_an_index_built_by_other_normalisation_rules_is_rebuilt_on_open(project: Project):
    """Stored normalised texts from older rules would silently miss hits: opening rebuilds them."""
    from annotator.store.search import INDEX_VERSION_KEY, documents_containing

    needle = normalised_text("الأمريكية")
    expected = documents_containing(project, needle)
    assert expected
    with project.transaction() as conn:  # an index left by older rules: it lacks an article here
        conn.execute("DELETE FROM search_texts WHERE document_id = ?", (expected[0],))
        conn.execute("UPDATE settings SET value = '0' WHERE key = ?", (INDEX_VERSION_KEY,))
    assert documents_containing(project, needle) == expected[1:]
    path = project.path
    project.close()
    with Project.open(path) as reopened:
        assert documents_containing(reopened, needle) == expected
        assert reopened.setting(INDEX_VERSION_KEY) != "0"
        reopened.db.execute(  # FTS5's own check: raises if the index disagrees with its content
            "INSERT INTO document_search (document_search, rank) VALUES ('integrity-check', 1)")


@pytest.mark.parametrize(("query", "articles"), [("إيران", 5), ("ترامب", 3), ("أوباما", 1)])
def test_label_search_equals_checking_every_span_whether_few_or_most_articles_hold_the_query(
        project: Project, query: str, articles: int) -> None:
    """A query in one article, in some, or in all: the spans found are exactly those a scan finds."""
    for document in project.documents():
        for n, word in enumerate(document.text.split()[:60]):
            start = document.text.index(word)
            project.add_span(document.id, "omar", start, start + len(word), "actor")
            if n % 2:  # spans of another label on the same words must stay out
                project.add_span(document.id, "omar", start, start + len(word), "demand")
    needle = normalised_text(query)
    expected = sorted((s.document_id, s.start) for s in project.spans()
                      if s.label == "actor" and needle in normalised_text(
                          project.document(s.document_id).text[s.start:s.end]))
    assert len(documents_containing(project, needle)) == articles  # of the 5 seeds
    hits = search(project, query, label="actor", limit=1000).hits
    assert sorted((h.article_id, h.span_start) for h in hits) == expected != []


@pytest.mark.parametrize("whole_up_to", [0, 10_000])  # the page streamed in corpus order, or all read
def test_the_first_page_of_span_hits_is_the_page_the_counted_search_lists(
        project: Project, monkeypatch, whole_up_to: int) -> None:
    import annotator.store.search as searching

    monkeypatch.setattr(searching, "WHOLE_SPAN_SEARCH", whole_up_to)
    for doc in reversed(project.documents()):  # added out of corpus order: the page must sort them
        for match in re.finditer("الولايات المتحدة|إيران", doc.text):
            for annotator, label in (("omar", "actor"), ("salma", "actor"), ("salma", "denial")):
                project.add_span(doc.id, annotator, match.start(), match.end(), label)
    for query, label, who in (("المتحده", "actor", None), ("ايران", "actor", "salma"),
                              ("الولايات", None, "omar"), ("غيرموجود", "actor", None)):
        counted = search(project, query, label=label, annotator=who, limit=1_000)
        assert counted.total == len(counted.hits)
        for offset, limit in ((0, 5), (3, 4), (0, 1_000)):
            page = search(project, query, label=label, annotator=who, limit=limit, offset=offset,
                          totals=False)
            assert page.hits == counted.hits[offset:offset + limit]
            assert page.total is None or page.total == counted.total
