"""Text handling shared by every layer: offset conversion between Python and Qt, and line endings.

Python indexes text by code point; Qt (QString, QTextCursor) by UTF-16 unit, where every character
outside the Basic Multilingual Plane takes two units. QTextDocument also turns each ``\\n`` into a
paragraph separator, which still occupies exactly one position, so only the astral characters shift
offsets. These two functions are the one place that conversion happens.
"""

from __future__ import annotations

from bisect import bisect_right


def normalise_newlines(text: str) -> str:
    """CRLF and lone CR become LF; nothing else in the text changes."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


class Utf16Map:
    """Converts offsets in one text between code points and UTF-16 units in O(log n).

    Built once per article: positions of astral characters are kept so a conversion is a binary search
    rather than a walk over the text, which matters for 1 MB articles with thousands of spans.
    """

    def __init__(self, text: str) -> None:
        self._astral = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF]
        # UTF-16 index of each astral character (its first unit)
        self._astral_utf16 = [i + n for n, i in enumerate(self._astral)]
        self.length = len(text)
        self.utf16_length = len(text) + len(self._astral)

    def to_utf16(self, offset: int) -> int:
        """Code-point offset → UTF-16 offset."""
        return offset + bisect_right(self._astral, offset - 1)

    def to_codepoint(self, utf16_offset: int) -> int:
        """UTF-16 offset → code-point offset; an offset inside a surrogate pair rounds down."""
        # Astral characters starting before this offset each took one extra unit; an offset between the
        # two halves of a pair counts that pair too, which lands on the character's start.
        return utf16_offset - bisect_right(self._astral_utf16, utf16_offset - 1)


def codepoint_to_utf16(text: str, offset: int) -> int:
    """Code-point offset into ``text`` → UTF-16 unit offset (for one-off conversions)."""
    return Utf16Map(text[:offset]).utf16_length


def utf16_to_codepoint(text: str, utf16_offset: int) -> int:
    """UTF-16 unit offset into ``text`` → code-point offset (for one-off conversions)."""
    return Utf16Map(text).to_codepoint(utf16_offset)
