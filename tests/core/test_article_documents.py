"""Articles from tables (CSV / TSV / XLSX), Word and HTML files: text, title, id and metadata."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import docx
import pytest
from openpyxl import Workbook

from annotator.core.errors import InputError
from annotator.core.formats.article_table import TableColumns, read_article_table
from annotator.core.formats.docx_article import read_docx
from annotator.core.formats.html_article import read_html

ARABIC = "قال الوزير إن المفاوضات 😀 ستستأنف"


def test_csv_columns_map_to_text_title_id_and_every_other_column_is_metadata(tmp_path: Path) -> None:
    path = tmp_path / "news.csv"
    path.write_text("\ufeffbody,headline,key,outlet,url\r\n"
                    f'"{ARABIC}\r\nسطر ثان",عنوان,n1,الجزيرة,https://e.org/1\r\n'
                    ',,,,\r\n'
                    "نص ثان,,n2,,\r\n", encoding="utf-8")
    first, second = read_article_table(path, TableColumns("body", "headline", "key"))
    assert (first.text, first.title, first.id) == (f"{ARABIC}\nسطر ثان", "عنوان", "n1")
    assert first.meta == {"outlet": "الجزيرة", "url": "https://e.org/1"}
    assert (second.title, second.meta, second.source) == ("نص ثان", {}, "news.csv, row 4")


def test_xlsx_dates_and_numbers_become_json_values(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    sheet.append(["id", "title", "text", "date", "words"])
    sheet.append([12, "عنوان", ARABIC, dt.datetime(2024, 3, 1), 7])
    path = tmp_path / "news.xlsx"
    book.save(path)
    [record] = read_article_table(path)
    assert (record.id, record.title, record.text) == ("12", "عنوان", ARABIC)
    assert record.meta == {"date": "2024-03-01", "words": 7}


def test_tsv_is_tab_separated(tmp_path: Path) -> None:
    path = tmp_path / "news.tsv"
    path.write_text("text\toutlet\nنص, مع فاصلة\tالأهرام\n", encoding="utf-8")
    [record] = read_article_table(path)
    assert (record.text, record.meta) == ("نص, مع فاصلة", {"outlet": "الأهرام"})


@pytest.mark.parametrize(("content", "columns", "message"), [
    ("title,body\nx,y\n", TableColumns(), r"news\.csv, line 1: has no column 'text' .*'title', 'body'"),
    ("text,outlet\nنص,أ\n,ب\n", TableColumns(), r"news\.csv, line 3: row 3: the text column 'text' is empty"),
    ("text,text\nأ,ب\n", TableColumns(), r"names the column 'text' twice"),
    ("text\nأ,ب\n", TableColumns(), r"line 2: row 2 has 2 cells but the header names only 1"),
    ("text\n", TableColumns(), r"has a header row but no articles"),
])
def test_bad_tables_are_refused_naming_file_and_row(tmp_path: Path, content, columns, message) -> None:
    path = tmp_path / "news.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        read_article_table(path, columns)


def test_docx_body_paragraphs_only_with_title_and_author(tmp_path: Path) -> None:
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "رأس الصفحة"
    document.add_heading("عنوان الخبر", level=1)
    document.add_paragraph(ARABIC)
    document.add_paragraph("")
    document.add_paragraph("فقرة ثانية")
    document.core_properties.author = "مراسل"
    path = tmp_path / "article.docx"
    document.save(path)
    record = read_docx(path)
    assert record.text == f"عنوان الخبر\n{ARABIC}\nفقرة ثانية"
    assert record.title == "عنوان الخبر"
    assert record.meta["author"] == "مراسل"


def test_a_file_that_is_not_docx_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "article.docx"
    path.write_text("not a zip", encoding="utf-8")
    with pytest.raises(InputError, match=r"article\.docx: cannot be read as a Word \.docx"):
        read_docx(path)


PAGE = """<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>موقع | خبر</title>
<meta property="og:site_name" content="الجزيرة">
<meta property="article:published_time" content="2024-03-01T10:00:00Z">
<link rel="canonical" href="https://example.org/a/1"><script>var x = "<p>لا</p>";</script></head>
<body><header><nav><a href="/">الرئيسية</a></nav></header><div class="ad">إعلان</div>
<article><h1>عنوان  الخبر</h1><p>قال   الوزير<br>إن المفاوضات 😀 ستستأنف.</p>
<aside>اقرأ أيضا</aside><p>فقرة&nbsp;ثانية &amp; أخيرة</p><div hidden>مخفي</div></article>
<footer>حقوق</footer></body></html>"""


def test_html_article_element_text_without_navigation_ads_or_scripts(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    record = read_html(path)
    assert record.text == "عنوان الخبر\nقال الوزير\nإن المفاوضات 😀 ستستأنف.\nفقرة\xa0ثانية & أخيرة"
    assert record.title == "عنوان الخبر"
    assert record.meta == {"lang": "ar", "outlet": "الجزيرة", "date": "2024-03-01T10:00:00Z",
                           "url": "https://example.org/a/1"}


def test_html_without_article_uses_body_and_empty_page_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "plain.htm"
    path.write_text("<html><body><p>نص</p><footer>ذيل</footer></body></html>", encoding="utf-8")
    assert read_html(path).text == "نص"
    path.write_text("<html><body><script>x</script></body></html>", encoding="utf-8")
    with pytest.raises(InputError, match=r"plain\.htm: has no visible text"):
        read_html(path)
