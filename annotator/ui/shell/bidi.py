"""Left-to-right text inside right-to-left sentences: a path or a message from the core (English, with
paths, line numbers and brackets) kept whole and in its own order in the Arabic interface."""

from __future__ import annotations


def left_to_right(text: str) -> str:
    """``text`` in a left-to-right isolate (LRI…PDI): in an Arabic sentence "/tmp/a.jsonl, line 2: …"
    still reads so, instead of losing its leading "/" and closing bracket to the sentence's other end."""
    return f"\u2066{text}\u2069"
