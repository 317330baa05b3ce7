"""Folders given to ``import``: a sub-folder that cannot be read stops the import with a message naming
it (never skipped without a word), and an export cut short inside the folder is never read.

Running as root, ``chmod 000`` does not stop reads, so the unreadable folder is simulated where the
importer lists folders (``os.scandir``, which ``os.walk`` uses). The checks are the catalogue's
(``tests/test_bad_inputs.py``): exit 1, one line naming the folder, no traceback, the project and its WAL
byte for byte as they were.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from annotator.cli.main import main
from annotator.operations.export_staging import PARTIAL_MARK
from tests.test_bad_inputs import jsonl, pristine, project_files  # noqa: F401  (fixture)

REAL_SCANDIR = os.scandir


def corpus(folder: Path) -> None:
    """Articles in a nested corpus: in/a.txt, in/2026/b.jsonl, in/2026/march/c.txt."""
    (folder / "2026" / "march").mkdir(parents=True)
    (folder / "a.txt").write_text("خبر أول عن المفاوضات", encoding="utf-8")
    (folder / "2026" / "b.jsonl").write_bytes(jsonl({"text": "خبر ثان", "meta": {"id": "b1"}}))
    (folder / "2026" / "march" / "c.txt").write_text("خبر ثالث 𝐀 من القاهرة", encoding="utf-8")


@pytest.mark.parametrize(("unreadable", "error", "says"), [
    ("2026", errno.EACCES, "permission denied"),
    ("2026/march", errno.EACCES, "permission denied"),
    ("", errno.EACCES, "permission denied"),
    ("2026/march", errno.EIO, "input/output error"),
    ("2026", errno.ESTALE, "stale"),
])
def test_an_unreadable_folder_stops_the_import_naming_it(
        pristine: Path, tmp_path: Path, capsys, monkeypatch, unreadable: str, error: int,  # noqa: F811
        says: str) -> None:
    db = tmp_path / "project.sqlite"
    db.write_bytes(pristine.read_bytes())
    incoming = tmp_path / "in"
    incoming.mkdir()
    corpus(incoming)
    blocked = incoming / unreadable if unreadable else incoming

    def scandir(path: object = ".") -> object:
        if Path(os.fsdecode(path)) == blocked:
            kind = PermissionError if error == errno.EACCES else OSError
            raise kind(error, os.strerror(error), str(path))
        return REAL_SCANDIR(path)

    monkeypatch.setattr(os, "scandir", scandir)
    before = project_files(db)
    capsys.readouterr()

    code = main(["--db", str(db), "import", str(incoming)])

    out, err = capsys.readouterr()
    assert code == 1, f"exit {code}; stdout {out!r}; stderr {err!r}"
    assert err.startswith(f"annotator: error: {blocked}: cannot read this folder"), err
    assert says in err.lower() and "nothing was imported" in err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert project_files(db) == before


def test_the_same_corpus_imports_when_every_folder_is_readable(pristine: Path, tmp_path: Path,  # noqa: F811
                                                                capsys) -> None:
    """Control: without the simulated fault the corpus imports, all three articles."""
    db = tmp_path / "project.sqlite"
    db.write_bytes(pristine.read_bytes())
    incoming = tmp_path / "in"
    incoming.mkdir()
    corpus(incoming)
    capsys.readouterr()
    assert main(["--db", str(db), "import", str(incoming)]) == 0
    assert capsys.readouterr().out.startswith("3 article(s) added")


def test_an_export_cut_short_in_the_folder_is_not_imported(pristine: Path, tmp_path: Path,  # noqa: F811
                                                           capsys) -> None:
    """A crash left a half-written JSONL and brat folder under partial names: the import reads only
    the finished files, and says nothing is wrong."""
    db = tmp_path / "project.sqlite"
    db.write_bytes(pristine.read_bytes())
    incoming = tmp_path / "in"
    incoming.mkdir()
    (incoming / "done.jsonl").write_bytes(jsonl({"text": "خبر كامل", "meta": {"id": "d1"}}))
    partial = incoming / f".out.jsonl{PARTIAL_MARK}x1y2"
    partial.mkdir()
    (partial / "out.jsonl").write_bytes(b'{"text": "\xd8\xae\xd8\xa8')  # cut mid-record, mid-character
    brat = incoming / f".out.brat{PARTIAL_MARK}z3"
    (brat / "omar").mkdir(parents=True)
    (brat / "omar" / "p1.txt").write_text("نص", encoding="utf-8")
    (brat / "omar" / "p1.ann").write_text("T1\tactor 0 9", encoding="utf-8")  # past the end
    capsys.readouterr()
    assert main(["--db", str(db), "import", str(incoming)]) == 0, capsys.readouterr().err
    assert capsys.readouterr().out.startswith("1 article(s) added")
    assert main(["--db", str(db), "list"]) == 0
    listed = capsys.readouterr().out
    assert "d1" in listed and "p1" not in listed
