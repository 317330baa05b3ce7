"""The README's promises: its first commands are the two make targets, and its JSONL example is exactly
what import reads and export writes."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from annotator.cli.main import main

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


def test_readme_command_line_section_names_only_real_commands_and_options() -> None:
    """Every command and --option in the README's command list exists, and every command is listed."""
    from annotator.cli.main import build_parser

    section = README.read_text(encoding="utf-8").split("## Command line\n", 1)[1]
    block = re.search(r"```\n(.*?)```", section, re.S).group(1)
    parser = build_parser()
    commands = next(a for a in parser._actions if a.dest == "command").choices
    listed = set()
    for line in block.splitlines():
        if not line.startswith("annotator "):
            continue
        words = re.findall(r"(?<![\w-])(--[a-z-]+|[a-z]+(?:-[a-z]+)*)", line.split("  ")[0])
        command = next((w for w in words[1:] if w in commands), None)
        options = {o for a in (commands[command] if command else parser)._actions for o in a.option_strings}
        options |= {o for a in parser._actions for o in a.option_strings}  # global ones go before it
        unknown = {w for w in words if w.startswith("--")} - options
        assert not unknown, f"{line}: no such option {unknown}"
        listed.add(command)
    assert set(commands) <= listed
