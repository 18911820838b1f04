"""`make screenshots` runs every docs/screenshots*.py, and no two picture scripts write a picture of the same
name into the same folder (the inspector's and Practice's own shots.py overwrote the README's
docs/inspector-*.png and docs/practice.png)."""

from __future__ import annotations

import ast
import importlib
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
IMAGES, DOCS = "docs/images", "docs"
WILD = "\0"  # where a name has a {field}


def _runner_names(module: str, monkeypatch) -> list[str]:
    """The names a docs/shot_runner.py script writes: {stem}-en.png and {stem}-ko.png for each of its stems."""
    mod = importlib.import_module(module)
    stems: list[str] = []
    monkeypatch.setattr(mod, "run", lambda argv, shots: stems.extend(s for s, _take in shots) or 0)
    assert mod.main([]) == 0
    return [f"{s}-{lang}.png" for s in stems for lang in ("en", "ko")]


def _literal_names(path: Path) -> list[str]:
    """Every .png name written in a script's code (not its docstrings), a {field} as WILD."""
    out = []
    tree = ast.parse(path.read_text(encoding="utf-8"))
    parts = {id(v) for n in ast.walk(tree) if isinstance(n, ast.JoinedStr) for v in n.values}
    for node in ast.walk(tree):
        if id(node) in parts:  # a piece of an f-string, read with it
            continue
        if isinstance(node, ast.JoinedStr):
            text = "".join(v.value if isinstance(v, ast.Constant) else WILD for v in node.values)
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            text = node.value
        else:
            continue
        if text.endswith(".png") and "\n" not in text:
            out.append(text)
    return out


def _clash(a: str, b: str) -> bool:
    """Could names a and b be the same file? (a {field} stands for any text)"""
    pattern = lambda n: re.compile(".+".join(re.escape(p) for p in n.split(WILD)) + r"\Z")  # noqa: E731
    prefix = lambda n: n.split(WILD)[0]  # noqa: E731
    if WILD not in a and WILD not in b:
        return a == b
    if WILD in a and WILD in b:  # two patterns: the same start can name the same file
        return prefix(a).startswith(prefix(b)) or prefix(b).startswith(prefix(a))
    name, pat = (a, b) if WILD in b else (b, a)
    return bool(pattern(pat).match(name))


def test_no_two_screenshot_scripts_write_the_same_file(monkeypatch):
    import docs.screenshots as main_shots
    import docs.screenshots_theme as theme

    writes: dict[str, dict[str, list[str]]] = {IMAGES: {}, DOCS: {}}
    for module in ("docs.screenshots_adam", "docs.screenshots_batch", "docs.screenshots_beyond",
                   "docs.screenshots_shapes", "docs.screenshots_split", "docs.screenshots_units"):
        writes[IMAGES][module] = _runner_names(module, monkeypatch)
    writes[IMAGES]["docs.screenshots"] = [f"{k}-{lang}.png" for k in main_shots.SHOTS for lang in ("en", "ko")]
    writes[IMAGES]["docs.screenshots_theme"] = [n for n, *_ in theme.DARK_SHOTS + theme.SCALED_SHOTS]
    for path in ("docs/screenshots_panes.py", "app/views/inspector/shots.py", "app/views/practice/shots.py"):
        writes[DOCS][path] = _literal_names(ROOT / path)  # (their default folder: docs/)
    assert len(writes[DOCS]["docs/screenshots_panes.py"]) >= 6 and len(writes[IMAGES]["docs.screenshots"]) == 10
    for folder, by_script in writes.items():
        scripts = sorted(by_script)
        for i, one in enumerate(scripts):
            for other in scripts[i + 1:]:
                same = [(a, b) for a in by_script[one] for b in by_script[other] if _clash(a, b)]
                assert not same, (folder, one, other, same)


def test_make_screenshots_runs_every_screenshot_script():
    text = (ROOT / "Makefile").read_text(encoding="utf-8")
    target = text.split("\nscreenshots:", 1)[1].split("\n\n", 1)[0]
    run = set(re.findall(r"-m (docs\.screenshots\w*)", target))
    scripts = {f"docs.{p.stem}" for p in (ROOT / "docs").glob("screenshots*.py")}
    assert run == scripts, (sorted(scripts - run), sorted(run - scripts))
