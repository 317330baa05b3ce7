"""Plain-text articles: encoding detection for the files Arabic newsrooms actually produce."""

from __future__ import annotations

import codecs
import re
from pathlib import Path

import charset_normalizer

from annotator.core.errors import InputError
from annotator.core.model import ArticleRecord, title_from_text
from annotator.core.text import normalise_newlines

# Legacy Arabic code pages we accept when a file is not Unicode. charset-normalizer picks between them
# by how plausible each decoding is; restricting it keeps it from "finding" e.g. a Cyrillic reading.
LEGACY_ARABIC_ENCODINGS = ["cp1256", "iso8859_6"]


def decode_article_bytes(data: bytes, path: str) -> str:
    """Decode a text file's bytes: UTF-8 (BOM optional), UTF-16 with BOM, or Windows-1256 / ISO-8859-6.

    Raises InputError naming ``path`` for empty, binary or undecodable content.
    """
    if not data.strip():
        raise InputError("the file is empty", path=path)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputError(f"starts with a UTF-16 byte-order mark but is not valid UTF-16 ({exc.reason})",
                             path=path) from exc
    if b"\x00" in data:
        raise InputError("looks like a binary file (it contains NUL bytes), not a text article; if it is "
                         "UTF-16 text without a byte-order mark, re-save it as UTF-8", path=path)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        if _mostly_utf8(data):
            line = data.count(b"\n", 0, exc.start) + 1
            raise InputError(
                f"is UTF-8 but has an invalid byte sequence at byte {exc.start} ({exc.reason}); "
                "the file is damaged or mixes encodings",
                path=path,
                line=line,
            ) from exc
    best = charset_normalizer.from_bytes(data, cp_isolation=LEGACY_ARABIC_ENCODINGS).best()
    if best is None:
        raise InputError(
            "cannot be decoded: it is not UTF-8, UTF-16 or an Arabic code page (Windows-1256, ISO-8859-6); "
            "re-save it as UTF-8",
            path=path,
        )
    return str(best)


_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xf4][\x80-\xbf]+")
_HIGH_BYTE = re.compile(rb"[\x80-\xff]")


def _mostly_utf8(data: bytes) -> bool:
    """True when most non-ASCII bytes form UTF-8 sequences: a damaged UTF-8 file, not a legacy code page.

    Arabic in Windows-1256 almost never pairs a lead byte with a continuation byte, while UTF-8 Arabic
    mis-read as Windows-1256 still *looks* Arabic to a detector, so this check must come first.
    """
    high = len(_HIGH_BYTE.findall(data))
    in_sequences = sum(len(m) for m in _UTF8_MULTIBYTE.findall(data))
    return high > 0 and in_sequences / high > 0.5


def read_txt(path: Path) -> ArticleRecord:
    """Read one ``.txt`` article; line endings become LF, everything else is kept exactly."""
    text = normalise_newlines(decode_article_bytes(path.read_bytes(), str(path)))
    if not text.strip():
        raise InputError("the file is empty", path=str(path))
    return ArticleRecord(text=text, title=title_from_text(text), source=path.name, origin=str(path))
