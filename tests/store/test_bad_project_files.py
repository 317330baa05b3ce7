"""Bad project files: each is refused with one clear sentence (store and CLI) and left byte for byte.

Read-only cases run in a subprocess without the capabilities that let root ignore file permissions
(so they behave as for any user); the full disk is a subprocess whose file-size limit (RLIMIT_FSIZE)
stops SQLite's writes half-way, as a full disk would.
"""

from __future__ import annotations

import ctypes
import os
import re
import resource
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from annotator.cli.main import main
from annotator.core.errors import ProjectFileError
from annotator.core.model import AnnotationSet, ArticleRecord, SpanRef
from annotator.store import Project, schema
from annotator.store.schema import SCHEMA_VERSION

# Subprocesses run in other folders: they must import this checkout's annotator, not an installed one.
CHECKOUT_ENV = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}

ARTICLE = "قال وزير الخارجية إن المفاوضات ستستأنف في القاهرة الأسبوع المقبل.\n" * 40


def make_project(path: Path) -> Path:
    """A small real project with an article and a span, checkpointed into the main file."""
    with Project.open(path) as project:
        project.import_articles([
            ArticleRecord(text=ARTICLE, title="خبر", annotations=(
                AnnotationSet("salma", (SpanRef(4, 8, "actor"),)),))
        ])
    return path


def garble(path: Path, start: int, end: int) -> None:
    data = bytearray(path.read_bytes())
    data[start:end] = b"\x5a" * (min(end, len(data)) - start)
    path.write_bytes(bytes(data))


def not_sqlite(folder: Path) -> Path:
    path = folder / "notes.sqlite"
    path.write_text("these are my notes, not a project\n" * 20, encoding="utf-8")
    return path


def damaged_pages(folder: Path) -> Path:
    path = make_project(folder / "damaged.sqlite")
    garble(path, 4096, 16384)  # b-tree pages after the header page: only a full page check notices
    return path


def damaged_header(folder: Path) -> Path:
    path = make_project(folder / "header.sqlite")
    garble(path, 100, 200)
    return path


def other_program(folder: Path) -> Path:
    path = folder / "browser-history.sqlite"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE visits (url TEXT, at TEXT)")
        conn.execute("INSERT INTO visits VALUES ('https://example.org', '2026-01-01')")
    conn.close()
    return path


def newer_schema(folder: Path) -> Path:
    path = make_project(folder / "newer.sqlite")
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    return path


BAD_FILES: dict[str, tuple[Callable[[Path], Path], str]] = {
    "not sqlite": (not_sqlite, "is not an annotator project (it is not an SQLite database)"),
    "damaged pages": (damaged_pages, "damaged"),
    "damaged header": (damaged_header, "damaged"),
    "another program's database": (other_program, "another program, not an annotator project"),
    "newer schema": (newer_schema, "newer version of annotator"),
}


def garble_table(path: Path, table: str) -> None:
    """Overwrite the middle of ``table``'s root page (its b-tree) with junk."""
    with sqlite3.connect(path) as conn:
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0]
    conn.close()
    start = (root - 1) * page_size
    garble(path, start + 8, start + page_size)


@pytest.mark.parametrize("table", ["spans", "statuses", "labels"])
def test_a_large_project_still_has_the_tables_of_the_work_checked_at_open(tmp_path: Path, monkeypatch,
                                                                         table: str) -> None:
    # a project past FULL_CHECK_MAX_BYTES skips only the text tables' pages: damage to the work is refused
    monkeypatch.setattr(schema, "FULL_CHECK_MAX_BYTES", 0)
    path = make_project(tmp_path / "large.sqlite")
    garble_table(path, table)
    before = path.read_bytes()
    with pytest.raises(ProjectFileError, match="damaged"):
        Project.open(path)
    assert path.read_bytes() == before


def test_a_large_projects_damaged_article_text_is_refused_when_read(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(schema, "FULL_CHECK_MAX_BYTES", 0)
    path = make_project(tmp_path / "large.sqlite")
    garble_table(path, "documents")
    before = path.read_bytes()
    project = Project.open(path)  # opens at once: the text pages are not read at open
    try:
        with pytest.raises(ProjectFileError, match="damaged"):
            project.documents()
    finally:
        project.close()
    assert path.read_bytes() == before


@pytest.mark.parametrize("case", list(BAD_FILES))
def test_store_refuses_bad_project_file_unchanged(tmp_path: Path, case: str) -> None:
    build, fragment = BAD_FILES[case]
    path = build(tmp_path)
    before = path.read_bytes()
    with pytest.raises(ProjectFileError, match=re.escape(fragment)) as info:
        Project.open(path)
    assert str(path) in str(info.value)
    assert path.read_bytes() == before


@pytest.mark.parametrize("case", list(BAD_FILES))
def test_cli_reports_bad_project_file_with_exit_1(tmp_path: Path, case: str, capsys) -> None:
    build, fragment = BAD_FILES[case]
    path = build(tmp_path)
    before = path.read_bytes()
    assert main(["--db", str(path), "list"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("annotator: error: ") and fragment in err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert path.read_bytes() == before


# -- read-only file / folder: needs an unprivileged process --------------------------------------------


@pytest.fixture
def shared_dir(tmp_path: Path) -> Iterator[Path]:
    """tmp_path, with write permission given back afterwards so pytest can clean it up."""
    yield tmp_path
    for p in [tmp_path, *tmp_path.rglob("*")]:
        p.chmod(0o755 if p.is_dir() else 0o644)


# prctl(PR_CAPBSET_DROP, cap): after exec the process lacks the capability, even as root.
PR_CAPBSET_DROP = 24
CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH, CAP_FOWNER = 1, 2, 3


def run_unprivileged(args: list[str], cwd: Path) -> subprocess.CompletedProcess:
    """Run Python so that file permissions bind it (root keeps its uid but loses the override)."""

    def drop_permission_override() -> None:
        if os.geteuid() == 0:
            libc = ctypes.CDLL(None, use_errno=True)
            for cap in (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH, CAP_FOWNER):
                if libc.prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) != 0:
                    raise OSError(ctypes.get_errno(), "cannot drop capability")

    return subprocess.run([sys.executable, *args], cwd=cwd, preexec_fn=drop_permission_override,
                          capture_output=True, text=True, timeout=60, env=CHECKOUT_ENV)


STORE_SNIPPET = """
import sys
from annotator.core.errors import ProjectFileError
from annotator.store import Project
from annotator.core.model import ArticleRecord
text = open(sys.argv[2], encoding="utf-8").read() if len(sys.argv) > 2 else "نص جديد"
try:
    with Project.open(sys.argv[1]) as project:
        project.import_articles([ArticleRecord(text=text, title="new")])
    print("saved")
except ProjectFileError as exc:  # its subclasses too (read-only, not saved): one family for the CLI
    print("ProjectFileError", type(exc).__name__, exc)
except Exception as exc:
    print(type(exc).__name__, exc)
"""


def make_read_only(case: str, folder: Path) -> Path:
    """Return the project path for the read-only case, with permissions set, readable by everybody."""
    if case == "file":
        path = make_project(folder / "project.sqlite")
        path.chmod(0o444)
    else:
        sub = folder / "readonly-folder"
        sub.mkdir()
        path = make_project(sub / "project.sqlite")
        path.chmod(0o666)  # the file itself is writable: only the folder forbids the -wal/-shm files
        sub.chmod(0o555)
    return path


@pytest.mark.parametrize("case", ["file", "folder"])
def test_changing_a_read_only_project_is_refused_by_store_and_cli(shared_dir: Path, case: str) -> None:
    path = make_read_only(case, shared_dir)
    before = path.read_bytes()
    article = shared_dir / "article.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    article.chmod(0o644)

    store = run_unprivileged(["-c", STORE_SNIPPET, str(path)], shared_dir)
    assert store.stdout.startswith("ProjectFileError"), store.stdout + store.stderr
    assert "read-only" in store.stdout and str(path) in store.stdout

    cli = run_unprivileged(["-m", "annotator", "--db", str(path), "import", str(article)], shared_dir)
    assert cli.returncode == 1, cli.stderr
    assert cli.stderr.startswith(f"annotator: error: {path}") and "read-only" in cli.stderr
    assert "Traceback" not in cli.stderr
    assert path.read_bytes() == before
    assert sorted(p.name for p in path.parent.iterdir() if p.name.startswith(path.name)) == [path.name]


@pytest.mark.parametrize("case", ["file", "folder"])
def test_read_only_project_is_read_by_list_export_search_and_agreement(shared_dir: Path, case: str) -> None:
    """Reading needs no write: a read-only project (or medium) still lists, exports, searches and
    reports agreement, leaving the file byte for byte and nothing beside it."""
    path = make_read_only(case, shared_dir)
    before = path.read_bytes()
    out = shared_dir / "out"
    out.mkdir()
    out.chmod(0o777)
    reads = {
        "list": (["list", "--json"], "salma"),
        "export": (["export", "--format", "jsonl", "--out", str(out / "work.jsonl")], "wrote 1 line"),
        "search": (["search", "وزير"], "match(es) in 1 article(s)"),
        "agreement": (["agreement"], "agreement"),
    }
    for command, (args, expected) in reads.items():
        run = run_unprivileged(["-m", "annotator", "--db", str(path), *args], shared_dir)
        assert run.returncode == 0, (command, run.stderr)
        assert expected in run.stdout, (command, run.stdout)
        assert "Traceback" not in run.stderr
    assert '"text": "قال وزير' in (out / "work.jsonl").read_text(encoding="utf-8")
    assert path.read_bytes() == before
    assert sorted(p.name for p in path.parent.iterdir() if p.name.startswith(path.name)) == [path.name]


# -- full disk ----------------------------------------------------------------------------------------


def run_with_small_disk(args: list[str], cwd: Path, limit: int = 200_000) -> subprocess.CompletedProcess:
    def limit_file_size() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit then fails with EFBIG
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return subprocess.run([sys.executable, *args], cwd=cwd, preexec_fn=limit_file_size,
                          capture_output=True, text=True, timeout=60, env=CHECKOUT_ENV)


def test_full_disk_during_import_is_reported_and_project_unchanged(tmp_path: Path) -> None:
    path = make_project(tmp_path / "project.sqlite")
    before = path.read_bytes()
    big = tmp_path / "big.txt"
    big.write_text("خبر عاجل من القاهرة " * 60_000, encoding="utf-8")  # ~2 MB, far past the limit

    cli = run_with_small_disk(["-m", "annotator", "--db", str(path), "import", str(big)], tmp_path)
    assert cli.returncode == 1
    assert cli.stderr.startswith(f"annotator: error: {path}: the change could not be saved: the disk")
    assert "Traceback" not in cli.stderr

    store = run_with_small_disk(["-c", STORE_SNIPPET, str(path), str(big)], tmp_path)
    assert store.stdout.startswith("ProjectFileError") and "the disk" in store.stdout

    assert path.read_bytes() == before
    with Project.open(path) as project:  # and the project still opens with its old content
        assert project.document_count() == 1
        assert [s.ref for s in project.spans()] == [SpanRef(4, 8, "actor")]


def test_really_full_disk_is_reported_and_project_unchanged(tiny_disk: Path, tmp_path: Path,
                                                            capsys) -> None:
    path = make_project(tiny_disk / "project.sqlite")
    before = path.read_bytes()
    big = tmp_path / "big.txt"
    big.write_text("خبر عاجل من القاهرة " * 60_000, encoding="utf-8")  # ~2 MB on a 1 MB disk
    assert main(["--db", str(path), "import", str(big)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"annotator: error: {path}: the change could not be saved: the disk is full")
    assert path.read_bytes() == before
    with Project.open(path) as project:
        assert project.document_count() == 1
