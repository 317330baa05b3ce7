"""Plain-text articles: every encoding Arabic newsrooms produce comes out as the exact Arabic text."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from annotator.core.errors import InputError
from annotator.core.formats.plaintext import read_txt

# Harakat (fatha, damma, kasra, shadda, sukun, tanwin), tatweel, a no-break space, curly quotes and
# guillemets: the characters a careless "clean-up" would change.
ARTICLE = (
    "الوسطاء يرفضون الشروط\n"
    "\n"
    "قالَ المتحدثُ باسمِ الحكومةِ إنَّ الوفدَ سيصلُ إلى القاهرةِ مساءَ اليومِ لبحثِ الهدنةِ.\n"
    "وأضافَ أنّ الاجتماعَ سيكونُ مغلقاً\u00a0أمامَ الصحافةِ، وأنَّ الـــــبيانَ سيصدرُ غداً.\n"
    "وقال مسؤول: “لن نقبل بأقل من انسحاب كامل” و«لا تفاوض تحت النار».\n"
)
# ISO-8859-6 has no curly quotes or guillemets; everything else above it can encode.
ARTICLE_ISO = ARTICLE.replace("“", '"').replace("”", '"').replace("«", '"').replace("»", '"')


def write(folder: Path, data: bytes, name: str = "article.txt") -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("encoding", "text"),
    [
        ("utf-8", ARTICLE),
        ("utf-8-sig", ARTICLE),
        ("utf-16", ARTICLE),  # Python writes the platform's BOM (LE here)
        ("cp1256", ARTICLE),
        ("iso8859_6", ARTICLE_ISO),
    ],
)
def test_each_supported_encoding_gives_the_exact_arabic_text(
    tmp_path: Path, encoding: str, text: str
) -> None:
    record = read_txt(write(tmp_path, text.encode(encoding)))
    assert record.text == text
    assert record.title == "الوسطاء يرفضون الشروط"
    assert record.source == "article.txt"


@pytest.mark.parametrize(
    ("bom", "codec"), [(codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")]
)
def test_utf16_with_either_byte_order_mark_is_read(tmp_path: Path, bom: bytes, codec: str) -> None:
    record = read_txt(write(tmp_path, bom + ARTICLE.encode(codec)))
    assert record.text == ARTICLE


def test_utf8_byte_order_mark_is_not_part_of_the_text(tmp_path: Path) -> None:
    record = read_txt(write(tmp_path, codecs.BOM_UTF8 + ARTICLE.encode("utf-8")))
    assert not record.text.startswith("\ufeff")
    assert record.text == ARTICLE


@pytest.mark.parametrize("ending", ["\r\n", "\r"])
@pytest.mark.parametrize("encoding", ["utf-8", "cp1256", "utf-16"])
def test_crlf_and_cr_line_endings_become_lf(tmp_path: Path, ending: str, encoding: str) -> None:
    record = read_txt(write(tmp_path, ARTICLE.replace("\n", ending).encode(encoding)))
    assert record.text == ARTICLE
    assert "\r" not in record.text


def test_nothing_but_line_endings_changes(tmp_path: Path) -> None:
    record = read_txt(write(tmp_path, ARTICLE.encode("utf-8")))
    for kept in ("\u00a0", "“", "”", "«", "»", "ـــــ", "\u064e", "\u064f", "\u0650", "\u0651", "\u064b"):
        assert record.text.count(kept) == ARTICLE.count(kept) > 0, kept


def test_title_is_the_first_non_empty_line(tmp_path: Path) -> None:
    record = read_txt(write(tmp_path, "\n  \n\u00a0\n  عنوان الخبر الرئيسي  \nالنص.\n".encode()))
    assert record.title == "عنوان الخبر الرئيسي"


def test_long_first_line_is_the_whole_title(tmp_path: Path) -> None:
    first = "كلمة " * 60
    record = read_txt(write(tmp_path, f"{first}\nبقية النص\n".encode()))
    assert record.title == first.strip()


BAD_FILES = {
    "empty": (b"", "the file is empty"),
    "only white space": (b" \n\r\n\t\n", "the file is empty"),
    "only a byte-order mark": (codecs.BOM_UTF8, "the file is empty"),
    "binary": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00", "binary"),
    "damaged UTF-8": ("قال الوزير".encode() + b"\xff\xfe\xfd" + "إن المفاوضات".encode(), "invalid byte"),
    "damaged UTF-16": (codecs.BOM_UTF16_LE + "نص".encode("utf-16-le") + b"\x00\xd8", "not valid UTF-16"),
}


@pytest.mark.parametrize("case", list(BAD_FILES))
def test_bad_file_is_refused_with_a_message_naming_it(tmp_path: Path, case: str) -> None:
    data, fragment = BAD_FILES[case]
    path = write(tmp_path, data, "bad article.txt")
    with pytest.raises(InputError, match=fragment) as info:
        read_txt(path)
    assert str(info.value).startswith(str(path))
