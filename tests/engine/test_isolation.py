"""engine/ never needs Qt: importing every engine module leaves PySide6, pyqtgraph and app out of
sys.modules (checked in a fresh interpreter), and no engine file imports them, even lazily in a function.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ENGINE = ROOT / "engine"
FORBIDDEN = ("PySide6", "pyqtgraph", "app", "shiboken6", "PyQt5", "PyQt6")


def engine_modules() -> list[str]:
    mods = []
    for path in sorted(ENGINE.rglob("*.py")):
        rel = path.relative_to(ROOT).with_suffix("")
        parts = list(rel.parts)
        if parts[-1] == "__main__":
            continue  # runs the CLI (and exits) when imported
        if parts[-1] == "__init__":
            parts = parts[:-1]
        mods.append(".".join(parts))
    return mods


def test_importing_every_engine_module_keeps_qt_out():
    mods = engine_modules()
    assert {"engine", "engine.core.network", "engine.training.trainer", "engine.cli.main", "engine.verify.gradcheck",
            "engine.verify.reference"} <= set(mods)
    code = (
        "import importlib, json, sys\n"
        f"for m in {mods!r}:\n"
        "    importlib.import_module(m)\n"
        "import engine.cli.main\n"
        "engine.cli.main.build_parser()\n"  # imports every subcommand module too
        f"bad = sorted(m for m in sys.modules if m.split('.')[0] in {FORBIDDEN!r})\n"
        "print(json.dumps(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120,
                         env={"PATH": "", "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"})
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout.strip().splitlines()[-1]) == []


def _imported_names(tree: ast.AST) -> list[tuple[int, str]]:
    """(line, top-level module) for every import in the file, wherever it is (also inside functions).
    Relative imports stay inside engine/ (`from ..x` in engine/commands/ is engine.x), so they count as engine."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, a.name.split(".")[0]) for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            found.append((node.lineno, "engine" if node.level else (node.module or "").split(".")[0]))
        elif isinstance(node, ast.Call):  # importlib.import_module("…") / __import__("…") with a literal
            f = node.func
            name = f.attr if isinstance(f, ast.Attribute) else getattr(f, "id", "")
            if name in ("import_module", "__import__") and node.args and isinstance(node.args[0], ast.Constant) \
                    and isinstance(node.args[0].value, str) and not node.args[0].value.startswith("."):
                found.append((node.lineno, node.args[0].value.split(".")[0]))
    return found


def test_no_engine_file_imports_qt_or_app():
    files = sorted(ENGINE.rglob("*.py"))
    assert len(files) >= 10
    offenders = []
    for path in files:
        rel = path.relative_to(ROOT)
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(rel))
        for line, top in _imported_names(tree):
            if top in FORBIDDEN:
                offenders.append(f"{rel}:{line} imports {top}")
    assert offenders == []


def test_the_static_check_would_catch_an_import():
    src = ("import os\nfrom PySide6 import QtCore\n"
           "def f():\n    import pyqtgraph as pg\n    from app.state.session import Session\n"
           "    from ..errors import SpecError\n"
           "    import importlib; importlib.import_module('app.views')\n")
    names = [top for _, top in _imported_names(ast.parse(src))]
    assert sorted(names) == sorted(["os", "PySide6", "pyqtgraph", "app", "engine", "importlib", "app"])
