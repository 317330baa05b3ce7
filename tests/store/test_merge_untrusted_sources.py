"""A project file from someone else is untrusted input: merge reads it without writing beside it,
recomputes what it is told (hashes, offsets), and refuses a schema that is not ours — the target
project byte-identical after every refusal."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from annotator.cli.main import main
from tests.store.test_merge import build_store

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def state(db: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(db.parent.glob(db.name + "*"))}


@pytest.fixture
def target(tmp_path: Path) -> Path:
    return build_store(tmp_path, SEEDS, "home", "salma", 0)


@pytest.fixture
def source(tmp_path: Path) -> Path:
    path = build_store(tmp_path, SEEDS, "away", "omar", 30)
    for companion in (Path(f"{path}-wal"), Path(f"{path}-shm")):
        assert not companion.exists()
    return path


def tamper(path: Path, sql: str) -> None:
    conn = sqlite3.connect(path)
    conn.executescript(sql)
    conn.commit()
    conn.close()
    for companion in (Path(f"{path}-wal"), Path(f"{path}-shm")):
        companion.unlink(missing_ok=True)


def refused(target: Path, source: Path, capsys: pytest.CaptureFixture, fragment: str) -> None:
    before = state(target)
    capsys.readouterr()
    assert main(["--db", str(target), "merge", str(source)]) == 1
    err = capsys.readouterr().err
    assert fragment in err and str(source) in err and "Traceback" not in err, err
    assert state(target) == before
    assert not Path(f"{source}-wal").exists() and not Path(f"{source}-shm").exists()


def test_a_good_merge_leaves_nothing_beside_its_source(target: Path, source: Path) -> None:
    source_bytes = source.read_bytes()
    assert main(["--db", str(target), "merge", str(source)]) == 0
    assert not Path(f"{source}-wal").exists() and not Path(f"{source}-shm").exists()
    assert source.read_bytes() == source_bytes


def test_a_forged_hash_is_refused_naming_the_article(target, source, capsys) -> None:
    tamper(source, "UPDATE documents SET text = text || ' مزيف' WHERE id = 'away-0'")
    refused(target, source, capsys, "away-0")


def test_a_span_past_its_text_is_refused(target, source, capsys) -> None:
    tamper(source, 'UPDATE spans SET "end" = 10000000 WHERE id = (SELECT MIN(id) FROM spans)')
    refused(target, source, capsys, "")


def test_an_extra_trigger_is_refused_by_name(target, source, capsys) -> None:
    tamper(source, "CREATE TRIGGER sneaky AFTER INSERT ON labels BEGIN SELECT 1; END;")
    refused(target, source, capsys, "sneaky")


def test_an_extra_view_is_refused_by_name(target, source, capsys) -> None:
    tamper(source, "CREATE VIEW everything AS SELECT * FROM documents;")
    refused(target, source, capsys, "everything")


def test_refusing_a_damaged_file_writes_nothing_beside_it(target, tmp_path, capsys) -> None:
    damaged = tmp_path / "damaged.sqlite"
    damaged.write_bytes(b"SQLite format 3\x00" + b"\x5a" * 4000)
    refused(target, damaged, capsys, "")
