"""The package's layout stays as STYLE.md draws it: no import circles, imports one way, few loose modules."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

_spec = importlib.util.spec_from_file_location("import_graph", Path(__file__).with_name("import_graph.py"))
import_graph = importlib.util.module_from_spec(_spec)
sys.modules["import_graph"] = import_graph
_spec.loader.exec_module(import_graph)

# Lower layers never import higher ones: ui and cli → operations → store → core.
LAYER = {"core": 0, "store": 1, "operations": 2, "cli": 3, "ui": 3}
# The one crossing between the front ends: `annotator` with no command opens the window.
ENTRY_POINT = ("annotator.cli.main", "annotator.ui.shell.app")


def _layer(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[1] in LAYER else None


def test_no_module_imports_itself_round_a_circle() -> None:
    assert import_graph.cycles(import_graph.import_graph()) == []


def test_cycle_finder_finds_a_circle() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert import_graph.cycles(graph) == [["a", "b", "c"]]


def test_imports_run_one_way_from_front_ends_to_core() -> None:
    wrong = []
    for module, targets in import_graph.import_graph().items():
        source = _layer(module)
        for target in targets:
            goal = _layer(target)
            if (module, target) == ENTRY_POINT:
                continue
            if source and goal and source != goal and LAYER[goal] >= LAYER[source]:
                wrong.append(f"{module} imports {target}")
    assert wrong == []


def test_core_imports_neither_qt_nor_sqlite() -> None:
    offenders = []
    for name, path in import_graph.all_modules().items():
        if name.startswith("annotator.core"):
            text = path.read_text(encoding="utf-8")
            if "PySide6" in text or "import sqlite3" in text or "sqlite_utils" in text:
                offenders.append(name)
    assert offenders == []


def test_only_a_few_modules_stand_loose() -> None:
    root = import_graph.PACKAGE_ROOT
    assert len(list(root.glob("*.py"))) <= 4
    assert len(list((root / "ui").glob("*.py"))) <= 4


def test_every_package_says_what_it_owns() -> None:
    root = import_graph.PACKAGE_ROOT
    silent = [str(init.relative_to(root)) for init in root.rglob("__init__.py")
              if len(init.read_text(encoding="utf-8").strip()) < 40]
    assert silent == []
