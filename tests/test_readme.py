"""The README's promises: its first commands are the two make targets, and its JSONL example is exactly
what import reads and export writes."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from annotator.cli import main

README = Path(__file__).resolve().parent.parent / "README.md"


def test_readme_starts_with_the_two_make_commands() -> None:
    text = README.read_text(encoding="utf-8")
    first_block = re.search(r"```\n(.*?)```", text, re.S).group(1).splitlines()
    assert [line.split("#")[0].strip() for line in first_block] == ["make run", "make test"]


def test_readme_jsonl_example_imports_and_exports_unchanged(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    example = re.search(r"```json\n(.*?)\n```", README.read_text(encoding="utf-8"), re.S).group(1)
    source = tmp_path / "example.jsonl"
    source.write_text(example + "\n", encoding="utf-8")
    db, out = tmp_path / "p.sqlite", tmp_path / "out.jsonl"
    assert main(["--db", str(db), "import", str(source)]) == 0
    assert main(["--db", str(db), "export", "--format", "jsonl", "--out", str(out)]) == 0
    capsys.readouterr()
    assert [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()] == [
        json.loads(example)
    ]
