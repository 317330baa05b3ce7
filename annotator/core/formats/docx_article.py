"""Word ``.docx`` articles through python-docx: the body's paragraphs, in order, one line each.

Main text only: page headers and footers, footnotes and comments are not part of the article (python-docx
keeps them out of ``Document.paragraphs``), and neither are tables (a newspaper article's tables are
figures, not prose). Empty paragraphs are dropped, so paragraphs are separated by one LF. The title is the
file's title property, else its first "Title" / "Heading 1" paragraph, else its first line; the author and
dates of the file's core properties become metadata.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

from annotator.core.errors import InputError
from annotator.core.model import ArticleRecord, title_from_text
from annotator.core.text import normalise_newlines

EXPECTED = "a Word .docx document (Office Open XML; re-save .doc files as .docx)"
TITLE_STYLES = ("title", "heading 1")


def read_docx(path: Path) -> ArticleRecord:
    """One article from a ``.docx``; raises InputError naming the file when it is not one or is empty."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise InputError(f"cannot be read as {EXPECTED} ({exc})", path=str(path)) from exc
    paragraphs = [p for p in document.paragraphs if p.text.strip()]
    text = normalise_newlines("\n".join(p.text for p in paragraphs))
    if not text.strip():
        raise InputError(f"has no text in its body; expected {EXPECTED} with the article's paragraphs",
                         path=str(path))
    props = document.core_properties
    styled = next((p.text.strip() for p in paragraphs
                   if p.style is not None and (p.style.name or "").lower() in TITLE_STYLES), "")
    title = (props.title or "").strip() or styled or title_from_text(text)
    meta: dict[str, Any] = {}
    if props.author:
        meta["author"] = props.author
    if props.created:
        meta["created"] = props.created.date().isoformat()
    for key in ("subject", "keywords", "category"):
        value = getattr(props, key, "")
        if value:
            meta[key] = value
    return ArticleRecord(text=text, title=title, source=path.name, meta=meta, origin=str(path))
