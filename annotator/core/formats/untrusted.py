"""Checks shared by every reader of files from elsewhere: JSON that cannot hurt us, text SQLite can store.

Python's ``json`` raises RecursionError on arrays nested ~1,000 deep and ValueError on integers of
4,300+ digits; a ``"\\ud800"`` escape decodes to a lone surrogate that no UTF-8 file or SQLite column
can hold (it fails later, deep inside a write). These helpers turn each into one sentence for an
``InputError`` the caller builds (naming its file and line), before anything is stored.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable, Iterator
from typing import Any

MAX_DEPTH = 32  # a record's deepest legitimate nesting is ~4 (meta → list → object); far below Python's
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
_WHOLE_NUMBER = re.compile(r"[0-9]{1,15}")  # ASCII digits only: int() also takes "1_0", " 4", "٤"

Raise = Callable[[str], Exception]


def load_json(text: str, error: Raise) -> Any:
    """``json.loads`` that raises ``error(sentence)`` for bad JSON, deep nesting or giant numbers."""
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        raise error(f"invalid JSON ({exc.msg} at column {exc.colno})") from None
    except RecursionError:
        raise error(f"the JSON is nested too deeply (more than {MAX_DEPTH} levels)") from None
    except ValueError as exc:  # int() refuses 4,300+ digit numbers, a guard against slow parsing
        raise error(f"a number in the JSON is too long ({str(exc).split(':')[0].strip()})") from None
    if _SURROGATE_ESCAPE.search(text):
        where = lone_surrogate_path(value)
        if where is not None:
            raise error(f"{where} holds a lone UTF-16 surrogate (an escape like \\ud800 with no pair), "
                        "which is not text; the file was written by a broken tool")
    if depth(value) > MAX_DEPTH:
        raise error(f"the JSON is nested too deeply (more than {MAX_DEPTH} levels)")
    return value


def depth(value: Any) -> int:
    """How deeply lists and objects nest in ``value`` (0 for a plain value), without recursion."""
    deepest, stack = 0, [(value, 0)]
    while stack:
        item, level = stack.pop()
        if isinstance(item, dict):
            item = list(item.values())
        if isinstance(item, list):
            level += 1
            deepest = max(deepest, level)
            if level > MAX_DEPTH:
                return level
            stack.extend((child, level) for child in item)
    return deepest


def has_lone_surrogate(text: str) -> bool:
    """True when ``text`` cannot be written as UTF-8 (it holds an unpaired surrogate code point)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def lone_surrogate_path(value: Any, where: str = "a value") -> str | None:
    """Where in a decoded JSON value a lone surrogate sits (``"text"``, ``"meta"."x"``…), or None."""
    stack = [(value, where)]
    while stack:
        item, at = stack.pop()
        if isinstance(item, str):
            if has_lone_surrogate(item):
                return at
        elif isinstance(item, dict):
            for key, child in item.items():
                if has_lone_surrogate(key):
                    return "a key" if at == "a value" else f"a key in {at}"
                stack.append((child, f'"{key}"' if at == "a value" else f'{at}."{key}"'))
        elif isinstance(item, list):
            stack.extend((child, f"{at}[{n}]") for n, child in enumerate(item))
    return None


def printable(text: str) -> str:
    """``text`` safe to print in a message: lone surrogates shown as ``\\udXXX`` escapes."""
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def whole_number(text: str) -> int | None:
    """A non-negative offset written in ASCII digits (at most 15 of them), or None."""
    text = text.strip()
    return int(text) if _WHOLE_NUMBER.fullmatch(text) else None


def blank(value: Any) -> bool:
    """True for a missing name: not a string, empty, or only white space."""
    return not isinstance(value, str) or not value.strip()


CSV_FIELD_LIMIT = csv.field_size_limit()  # 128 KiB: far above any label, id or quoted span


def csv_rows(content: str, error: Callable[[str, int], Exception]) -> Iterator[tuple[int, list[str]]]:
    """(line a row starts on, its fields) of CSV text, strictly: an unclosed quote or a field over
    128 KiB raises ``error(sentence, line)`` instead of swallowing the rest of the file."""
    reader = csv.reader(io.StringIO(content, newline=""), strict=True)
    ended = 0
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            text = str(exc)
            if "field larger than field limit" in text:
                reason = f"a field is longer than {CSV_FIELD_LIMIT // 1024} KiB, too long for a CSV cell"
            elif "unexpected end of data" in text:
                reason = "a quoted field is never closed (a \" is missing)"
            else:
                reason = f"is not valid CSV ({text})"
            raise error(reason, ended + 1) from None
        yield ended + 1, row
        ended = reader.line_num
