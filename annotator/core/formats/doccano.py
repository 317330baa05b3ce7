"""doccano's exports: the zip of one ``{username}.jsonl`` per project member, or one such file.

doccano (``backend/data_export/celery_tasks.py``) writes, for a project without collaborative
annotation, one file per member named by the username, each holding every example with that member's
labels, zipped; with collaborative annotation one ``all.jsonl`` whose labels are nobody's in
particular. A line is ``{"id", "text", "label": [[start, end, "LABEL"], …]}`` for sequence labelling or
``{"id", "text", "entities": [{"id", "label", "start_offset", "end_offset"}], "relations": […]}`` for
relation projects; offsets are code points. The annotator is the file's name (``all.jsonl`` takes
``--annotator``); records are parsed as JSONL records are (``core.formats.jsonl.parse_record``).
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path, PurePosixPath

from annotator.core.errors import InputError
from annotator.core.formats.jsonl import parse_record
from annotator.core.formats.untrusted import load_json
from annotator.core.model import ArticleRecord

EXPECTED = "doccano's export (a zip of {username}.jsonl files, one JSON object per line)"
COLLABORATIVE = "all"  # the file name doccano gives an export of shared (collaborative) annotation
MAX_MEMBER_BYTES = 2 * 1024**3


def annotator_from_name(name: str, default: str | None) -> str | None:
    """The member a doccano file belongs to: its name without ``.jsonl``, except the shared ``all``."""
    stem = PurePosixPath(name).stem
    return default if stem == COLLABORATIVE or not stem.strip() else stem


def read_doccano_lines(lines: Iterator[bytes], where: str, annotator: str | None) -> Iterator[ArticleRecord]:
    """The records of one doccano JSONL file; InputError names ``where`` and the line."""
    for number, raw in enumerate(lines, start=1):
        try:
            line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
        except UnicodeDecodeError as exc:
            raise InputError(f"is not valid UTF-8 ({exc.reason}); expected {EXPECTED}", path=where,
                             line=number) from exc
        if not line.strip():
            continue

        def error(message: str, n: int = number) -> InputError:
            return InputError(f"{message}; expected {EXPECTED}", path=where, line=n)

        obj = load_json(line, error)
        if not isinstance(obj, dict):
            raise error("is not a JSON object")
        yield parse_record(obj, f"{where}, line {number}", annotator, error)


def read_doccano(path: Path, annotator: str | None = None) -> Iterator[ArticleRecord]:
    """Every record of a doccano export zip (or of one doccano ``.jsonl``), each member's as its own."""
    if path.suffix.lower() != ".zip":
        with path.open("rb") as handle:
            yield from read_doccano_lines(iter(handle), str(path), annotator_from_name(path.name, annotator))
        return
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        raise InputError(f"is not a zip archive ({exc}); expected {EXPECTED}", path=str(path)) from exc
    with archive:
        members = [m for m in archive.infolist() if not m.is_dir()]
        jsonl = [m for m in members if m.filename.lower().endswith(".jsonl")]
        if not jsonl:
            names = ", ".join(m.filename for m in members[:5]) or "nothing"
            raise InputError(f"holds no .jsonl file ({names}); export the doccano project as JSONL; "
                             f"expected {EXPECTED}", path=str(path))
        for member in jsonl:
            where = f"{path} ▸ {member.filename}"
            if member.file_size > MAX_MEMBER_BYTES:
                raise InputError(f"is {member.file_size} bytes once unpacked, more than doccano writes",
                                 path=where)
            who = annotator_from_name(member.filename, annotator)
            with archive.open(member) as handle:
                yield from read_doccano_lines(iter(handle), where, who)
