"""Layers point down only and nothing imports in a circle, in engine/ and in app/.

Every import is read from the source with ast, wherever it is written (module level or inside a function, which
is how a cycle hides), and resolved to the module it names. Within engine the layers are
`cli > checker | io | verify > training > core`; `text/` (the explanation templates) may be imported by all
and imports no other layer; engine never imports app, Qt or pyqtgraph.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# engine subpackage -> its layer (higher may import lower, never the other way, peers never each other)
ENGINE_LAYERS = {"core": 0, "training": 1, "checker": 2, "io": 2, "verify": 2, "cli": 3}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def modules(top: str) -> dict[str, Path]:
    return {module_name(p): p for p in sorted((ROOT / top).rglob("*.py"))}


def imports_of(name: str, path: Path, known: set[str]) -> list[tuple[int, str]]:
    """(line, module) for every import in the file that resolves to a module in `known` (or a package of one)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    out = []

    def add(line: int, target: str) -> None:
        while target and target not in known:  # `from pkg.mod import name`: name may be a function
            target = target.rpartition(".")[0]
        if target:
            out.append((line, target))

    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for a in node.names:
                add(node.lineno, a.name)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                mod = ".".join(base + ([node.module] if node.module else []))
            else:
                mod = node.module or ""
            for a in node.names:  # `from . import csvdata` imports the module csvdata
                full = f"{mod}.{a.name}"
                add(node.lineno, full if full in known else mod)
        elif isinstance(node, ast.Call):
            f = node.func
            fname = f.attr if isinstance(f, ast.Attribute) else getattr(f, "id", "")
            if fname in ("import_module", "__import__") and node.args and isinstance(node.args[0], ast.Constant) \
                    and isinstance(node.args[0].value, str) and not node.args[0].value.startswith("."):
                add(node.lineno, node.args[0].value)
    return [(line, t) for line, t in out if t != name]


def graph(tops: tuple[str, ...]) -> tuple[dict[str, list[tuple[int, str]]], dict[str, Path]]:
    mods: dict[str, Path] = {}
    for top in tops:
        mods.update(modules(top))
    known = set(mods) | {"PySide6", "pyqtgraph", "shiboken6"}
    return {m: imports_of(m, p, known) for m, p in mods.items()}, mods


def layer(mod: str) -> tuple[str, int | None]:
    parts = mod.split(".")
    sub = parts[1] if len(parts) > 1 else ""
    return sub, ENGINE_LAYERS.get(sub)


def layer_violations(g) -> list[str]:
    bad = []
    for mod, deps in g.items():
        if not mod.startswith("engine"):
            continue
        sub, lv = layer(mod)
        for line, dep in deps:
            top = dep.split(".")[0]
            if top in ("app", "PySide6", "pyqtgraph", "shiboken6"):
                bad.append(f"{mod}:{line} imports {dep} (engine never imports the app or Qt)")
                continue
            if top != "engine":
                continue
            dsub, dlv = layer(dep)
            if dsub == sub or dsub == "text" or dep == "engine":
                continue
            if sub == "text":
                bad.append(f"{mod}:{line} imports {dep} (text/ imports no other layer)")
            elif lv is None:
                continue  # engine/__init__, engine/__main__: the top
            elif dlv is None or dlv >= lv:
                bad.append(f"{mod}:{line} imports {dep} ({sub} may not import {dsub})")
    return bad


def cycles(g) -> list[list[str]]:
    """Every strongly connected component with more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    found: list[list[str]] = []
    counter = [0]

    def edges(m):
        # importing a.b.c runs a/__init__ and a/b/__init__ too, but those are not cycles of our making:
        # count only the module named
        return [d for _, d in g.get(m, []) if d in g]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in edges(v):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                found.append(sorted(comp))

    for m in sorted(g):
        if m not in index:
            visit(m)
    return found


def test_engine_layers_point_down_only():
    g, mods = graph(("engine",))
    assert {"engine.core.network", "engine.training.trainer", "engine.cli.main", "engine.io.datasets"} <= set(mods)
    assert layer_violations(g) == []


def test_no_import_cycles_in_engine_or_app():
    g, mods = graph(("engine", "app"))
    assert len(mods) > 60
    assert cycles(g) == []


def test_the_checks_would_catch_a_violation_and_a_cycle():
    g = {
        "engine.core.network": [(3, "engine.training.trainer")],
        "engine.training.trainer": [(5, "engine.core.network")],
        "engine.io.datasets": [(9, "engine.verify.reference"), (10, "engine.text")],
        "engine.verify.reference": [],
        "engine.text": [(1, "engine.core.spec")],
        "engine.core.spec": [(2, "PySide6")],
    }
    assert layer_violations(g) == [
        "engine.core.network:3 imports engine.training.trainer (core may not import training)",
        "engine.io.datasets:9 imports engine.verify.reference (io may not import verify)",
        "engine.text:1 imports engine.core.spec (text/ imports no other layer)",
        "engine.core.spec:2 imports PySide6 (engine never imports the app or Qt)",
    ]
    assert cycles(g) == [["engine.core.network", "engine.training.trainer"]]


def test_imports_inside_functions_and_relative_imports_are_read(tmp_path):
    src = ("from . import csvdata\nfrom .datasets import Dataset\n"
           "def f():\n    from ..core.spec import Layer\n    import importlib; importlib.import_module('app.x')\n")
    p = tmp_path / "mod.py"
    p.write_text(src)
    known = {"engine.io.csvdata", "engine.io.datasets", "engine.core.spec", "app.x", "engine.io.mod"}
    assert imports_of("engine.io.mod", p, known) == [
        (1, "engine.io.csvdata"), (2, "engine.io.datasets"), (4, "engine.core.spec"), (5, "app.x")]
