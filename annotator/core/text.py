"""Text handling shared by every layer: offset conversion between Python and Qt, and line endings.

Python indexes text by code point; Qt (QString, QTextCursor) by UTF-16 unit, where every character
outside the Basic Multilingual Plane takes two units. QTextDocument also turns each ``\\n`` into a
paragraph separator, which still occupies exactly one position, so only the astral characters shift
offsets. These two functions are the one place that conversion happens.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right


def normalise_newlines(text: str) -> str:
    """CRLF and lone CR become LF; nothing else in the text changes."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")


class Utf16Map:
    """Converts offsets in one text between code points and UTF-16 units in O(log n).

    Built once per article: positions of astral characters are kept so a conversion is a binary search
    rather than a walk over the text, which matters for 1 MB articles with thousands of spans.
    """

    def __init__(self, text: str) -> None:
        # a regular expression finds the (usually few) astral characters far faster than a Python loop
        self._astral = [m.start() for m in _ASTRAL.finditer(text)]
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


# -- Arabic-aware word boundaries ------------------------------------------------------------------

# Inside a word besides letters and digits: tatweel, and the joiners that shape Arabic letters.
# Harakat (U+064B–U+065F), shadda (U+0651) and the superscript alef (U+0670) are combining marks and
# are caught by their Unicode category.
_WORD_EXTRAS = frozenset("\u0640\u200c\u200d")


def is_word_char(ch: str) -> bool:
    """True for a character that belongs inside a word: letter, digit, combining mark, tatweel, ZWJ/ZWNJ.

    Everything else (spaces, ، ؛ ؟ « » “ ” . , quotes, dashes) separates words and is trimmed from the
    ends of a snapped selection.
    """
    return ch.isalnum() or ch in _WORD_EXTRAS or unicodedata.category(ch).startswith("M")


def snap_to_words(text: str, start: int, end: int, *, keep_proclitics: bool = False) -> tuple[int, int]:
    """Widen ``start``–``end`` to whole words, then trim separators from both ends.

    A boundary that falls inside a word moves outwards to the word's edge (so a shadda or a haraka is
    never cut off its letter); punctuation and spaces at either end are dropped. The first word's
    attached proclitics are then left out (``proclitic_length``) unless ``keep_proclitics``: dragging
    over «والولايات المتحدة» gives «الولايات المتحدة». Returns an empty range (``start == end``) when
    the selection holds no word character at all.
    """
    start, end = max(0, min(start, end)), min(len(text), max(start, end))
    while start < end and not is_word_char(text[start]):
        start += 1
    while end > start and not is_word_char(text[end - 1]):
        end -= 1
    if start == end:
        return start, start
    while start > 0 and is_word_char(text[start - 1]):
        start -= 1
    while end < len(text) and is_word_char(text[end]):
        end += 1
    if not keep_proclitics:
        start = after_proclitics(text, start)
    return start, end


def word_at(text: str, position: int) -> tuple[int, int]:
    """The word that contains ``position`` (or starts right after it); empty range when there is none."""
    if 0 <= position < len(text) and is_word_char(text[position]):
        return snap_to_words(text, position, position + 1)
    if 0 < position <= len(text) and is_word_char(text[position - 1]):
        return snap_to_words(text, position - 1, position)
    return position, position


def word_edge(text: str, position: int, *, start: bool, forward: bool) -> int | None:
    """The nearest word start (``start``) or word end strictly after (``forward``) or before ``position``.

    Moves a span boundary one word at a time; ``None`` when there is no such edge.
    """
    def is_edge(pos: int) -> bool:
        before = pos > 0 and is_word_char(text[pos - 1])
        after = pos < len(text) and is_word_char(text[pos])
        return (after and not before) if start else (before and not after)

    candidates = range(position + 1, len(text) + 1) if forward else range(position - 1, -1, -1)
    return next((pos for pos in candidates if is_edge(pos)), None)


# -- Attached proclitics ---------------------------------------------------------------------------

CONJUNCTIONS = "وف"  # proclitic conjunctions, written attached to the next word
PREPOSITIONS = "بلك"  # proclitic prepositions, after an optional conjunction
PROCLITICS = frozenset({*CONJUNCTIONS, *PREPOSITIONS, *(c + p for c in CONJUNCTIONS for p in PREPOSITIONS)})
MIN_CLITIC_LETTERS = 3  # a shorter word is never taken to carry a proclitic (see is_proclitic)
ARTICLE = "ال"
HAMZA_ALEFS = "أإآ"


def letter_count(text: str) -> int:
    """The letters and digits of ``text``: word characters other than marks, tatweel and joiners."""
    return sum(1 for ch in text if ch.isalnum())


def is_proclitic(prefix: str, word: str) -> bool:
    """Whether ``prefix``, written attached before ``word``, is proclitics to leave out of ``word``.

    The one rule for suggestions and word snapping: ``prefix`` is a conjunction و or ف, a preposition
    ب ل or ك, or a conjunction then a preposition («وب», «فل», «ول», «وك»…), and ``word`` has at least
    ``MIN_CLITIC_LETTERS`` letters. A word of one or two letters glued to و ف ب ل ك is far more often
    another word than that word with a clitic (a «رد» in «ورد», «برد», «فرد»). An empty prefix is
    always fine. ``prefix`` holds letters only (no harakat).
    """
    return not prefix or (prefix in PROCLITICS and letter_count(word) >= MIN_CLITIC_LETTERS)


def after_proclitics(text: str, start: int) -> int:
    """``start``, the first character of a word in ``text``, moved past the word's attached proclitics."""
    end = start
    while end < len(text) and is_word_char(text[end]):
        end += 1
    return start + proclitic_length(text[start:end])


def proclitic_length(word: str) -> int:
    """How many leading code points of ``word`` (one whole word, as written) are proclitics to leave out.

    ``is_proclitic`` decides what may be a proclitic; but a word alone, without a tagged string to
    compare with, needs one more sign that its first letters are a clitic, since countless words begin
    with و ف ب ل ك (وزير، فلسطين، بريطانيا، لبنان، كتاب). Only two signs are read, and need no
    dictionary: what follows is the article ال and a word of two letters or more («والولايات»,
    «بالتعاون»; not «والد», «والي»), or a hamza on alef («وإيران», «لأول», «وآخرون»). ل + ال,
    written لل, leaves out the first lam only («للولايات» → «لولايات», as a suggestion there covers
    it). Harakat on the clitic letters go with them. 0 when
    the word keeps its first letter.
    """
    letters = [i for i, ch in enumerate(word) if ch.isalnum()]
    best = 0
    for n in (1, 2):  # proclitic letters: one, or a conjunction and a preposition
        if len(letters) <= n:
            break
        prefix = "".join(word[i] for i in letters[:n])
        rest = word[letters[n]:]
        if not is_proclitic(prefix, rest):
            continue
        article_word = letter_count(rest) >= len(ARTICLE) + 2
        sign = ((rest.startswith(ARTICLE) and article_word) or rest[0] in HAMZA_ALEFS
                or (prefix.endswith("ل") and rest[0] == "ل" and article_word))
        if sign:
            best = letters[n]
    return best


def context_words(text: str, start: int, end: int, words: int = 3, *, reach: int = 200) -> tuple[str, str]:
    """Up to ``words`` words of ``text`` right before ``start`` and right after ``end``, in the same line.

    What tells apart spans of the same string (272 × «المصالح»): the words around each. Looks at most
    ``reach`` characters either side, so a line without spaces costs no more than a short one. The
    separators next to the span are kept («بين إيران و» before «الولايات»: the و is attached), so
    ``before + span + after`` reads as the text does.
    """
    low = max(text.rfind("\n", 0, start) + 1, start - reach)
    newline = text.find("\n", end, end + reach)
    high = min(len(text), end + reach) if newline < 0 else newline
    i = start
    for _ in range(words):
        while i > low and not is_word_char(text[i - 1]):
            i -= 1
        if i == low:
            break
        while i > low and is_word_char(text[i - 1]):
            i -= 1
    j = end
    for _ in range(words):
        while j < high and not is_word_char(text[j]):
            j += 1
        if j == high:
            break
        while j < high and is_word_char(text[j]):
            j += 1
    return text[i:start].lstrip(), text[end:j].rstrip()
