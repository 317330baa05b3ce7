"""What Prodigy's records say beyond text and spans: who answered, how, and whether it was a yes/no.

Prodigy (``db-out``) writes each answer with ``"answer": "accept" | "reject" | "ignore"``, the
``_view_id`` of the interface it was given in, and, in a named multi-user session (``?session=alex``),
``_session_id`` / ``_annotator_id`` formed as ``<dataset>-<session>`` (``ner_news-alex``, Prodigy's
"Multi-user sessions"). An unnamed session's id is a time stamp (``2024-03-11_15-15-44``), not a person.
``ner.teach`` asks a binary question about one suggested span (view ``ner``): an accepted answer says
that span is right, not that the article is fully coded, so it is work in progress; a span may carry
its own ``answer`` (review recipes), and a rejected span is not imported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

BINARY_VIEWS = frozenset({"ner", "binary", "classification"})
_TIMESTAMP = re.compile(r"\d{4}-\d{2}-\d{2}_\d{2}-\d{2}-\d{2}$")


def session_annotator(obj: dict[str, Any], dataset: str | None = None) -> str | None:
    """The person a Prodigy record names: the session part of ``_annotator_id`` or ``_session_id``.

    The dataset name may itself hold dashes: when ``dataset`` (the file's name, as ``db-out`` users
    name it) begins the id it is cut off whole; otherwise the id is cut at its last dash. A time stamp
    names a session, not a person, and gives None.
    """
    for key in ("_annotator_id", "_session_id"):
        value = obj.get(key)
        if not isinstance(value, str) or not value.strip():
            continue
        value = value.strip()
        if _TIMESTAMP.search(value):
            return None
        if dataset and value.startswith(f"{dataset}-") and len(value) > len(dataset) + 1:
            return value[len(dataset) + 1:]
        return value.rsplit("-", 1)[-1] or value
    return None


def is_binary(obj: dict[str, Any]) -> bool:
    """True for a yes/no answer about suggested spans (``ner.teach``), not a complete manual coding."""
    spans = obj.get("spans")
    return obj.get("_view_id") in BINARY_VIEWS or (
        isinstance(spans, list) and any(isinstance(s, dict) and "answer" in s for s in spans))


def span_rejected(item: dict[str, Any]) -> bool:
    """A span with its own answer other than accept (rejected or ignored in review) is not imported."""
    return "answer" in item and item["answer"] != "accept"


@dataclass
class ProdigyCounts:
    """Records and spans a file's answers left out, for the import summary."""

    skipped: dict[str, int] = field(default_factory=dict)  # record answer → count
    rejected_spans: int = 0
    binary: int = 0

    def notes(self, name: str) -> list[str]:
        notes = []
        if self.skipped:
            parts = ", ".join(f"{n} {answer}" for answer, n in sorted(self.skipped.items()))
            notes.append(f"{name}: {sum(self.skipped.values())} Prodigy record(s) skipped ({parts})")
        if self.rejected_spans:
            notes.append(f"{name}: {self.rejected_spans} span(s) answered reject not imported")
        if self.binary:
            notes.append(f"{name}: {self.binary} binary answer(s) (ner.teach) imported as 'in progress'")
        return notes
