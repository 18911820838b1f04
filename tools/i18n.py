"""The translation catalogue: collect every `tr("…")` under app/ into resources/i18n/ko.ts, compile it to ko.qm.

    python tools/i18n.py                 extract, then compile (what `make i18n` runs)
    python tools/i18n.py extract         update resources/i18n/ko.ts from the sources
    python tools/i18n.py compile         ko.ts -> ko.qm with pyside6-lrelease
    python tools/i18n.py check           exit 1 listing strings without a finished translation, with a
                                         placeholder missing from their translation, or with the catalogue
                                         out of date with the sources

Why not pyside6-lupdate: its Python parser does collect module-level `tr("…")` calls, but files them under
an empty context (the app translates in context "app"), cannot see `tr_noop`, and says nothing about a `tr()`
whose text is not a literal, which could never be translated. This script reads the sources with `ast`:

- `tr("text")`, `tr("text", "context")`, `tr_noop(…)` likewise (app/i18n.py); implicit concatenation of
  literals is one literal. A call with any other first argument is an error naming file:line: mark the text
  where it is written (`tr_noop`) and translate it where it is shown (`translate`).
- The engine's explanation templates (`engine.text.all_templates()`) are collected too, in context
  "engine": the app shows them with `app.i18n.engine_text(text)`, the CLI in English.
- ko.ts is written in Qt Linguist's TS 2.1 format. Existing translations are kept (also their state:
  finished or type="unfinished"); a new string gets an empty unfinished translation; a string no longer in
  the sources keeps its translation with type="vanished" (Linguist's "obsolete"), so it comes back if the
  string does. Locations (file and line of every use) are refreshed.

Only the standard library is used, except for lrelease in `compile`.
"""

from __future__ import annotations

import ast
import os
import shutil
import string
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
SOURCES = os.path.join(ROOT, "app")
I18N = os.path.join(ROOT, "resources", "i18n")
LANGS = {"ko": "ko_KR"}
DEFAULT_CONTEXT = "app"
ENGINE_CONTEXT = "engine"  # the engine's explanation templates (engine/text), by code
MARKERS = ("tr", "tr_noop")


class ExtractError(Exception):
    pass


@dataclass
class Message:
    context: str
    source: str
    locations: list[tuple[str, int]] = field(default_factory=list)  # (path relative to ROOT, line)
    translation: str = ""
    kind: str = "unfinished"  # "" (finished) | unfinished | vanished | obsolete


# ----- extraction ---------------------------------------------------------------------------------
def _literal(node) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def scan_file(path: str) -> tuple[list[tuple[str, str, int]], list[str]]:
    """([(context, source, line)], [errors]) of one Python file."""
    with open(path, encoding="utf-8") as f:
        tree = ast.parse(f.read(), path)
    rel = os.path.relpath(path, ROOT)
    found, errors = [], []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in MARKERS):
            continue
        where = f"{rel}:{node.lineno}"
        args = list(node.args)
        kw = {k.arg: k.value for k in node.keywords}
        text_node = args[0] if args else kw.get("text")
        ctx_node = args[1] if len(args) > 1 else kw.get("context")
        text = _literal(text_node) if text_node is not None else None
        if text is None:
            errors.append(f"{where}: {node.func.id}() needs a string literal, not "
                          f"{ast.unparse(text_node) if text_node is not None else 'nothing'}")
            continue
        ctx = DEFAULT_CONTEXT
        if ctx_node is not None:
            ctx = _literal(ctx_node)
            if ctx is None:
                errors.append(f"{where}: the context of {node.func.id}() must be a string literal")
                continue
        if not text.strip():
            errors.append(f"{where}: {node.func.id}() of an empty string")
            continue
        try:
            placeholders(text)
        except ValueError as e:
            errors.append(f"{where}: {text!r} is not a valid format string ({e})")
            continue
        found.append((ctx, text, node.lineno))
    return found, errors


def source_files(root: str = SOURCES) -> list[str]:
    out = []
    for d, dirs, files in os.walk(root):
        dirs[:] = sorted(x for x in dirs if x != "__pycache__" and not x.startswith("."))
        out.extend(os.path.join(d, f) for f in sorted(files) if f.endswith(".py"))
    return out


def extract(root: str = SOURCES) -> dict[tuple[str, str], Message]:
    """Every marked string under `root`, in order of first use; ExtractError listing every bad call."""
    messages: dict[tuple[str, str], Message] = {}
    errors: list[str] = []
    for path in source_files(root):
        found, errs = scan_file(path)
        errors += errs
        rel = os.path.relpath(path, ROOT)
        for ctx, text, line in sorted(found, key=lambda t: t[2]):
            m = messages.setdefault((ctx, text), Message(ctx, text))
            m.locations.append((rel, line))
    if errors:
        raise ExtractError("\n".join(errors))
    if root == SOURCES:
        for code, text in engine_templates().items():
            m = messages.setdefault((ENGINE_CONTEXT, text), Message(ENGINE_CONTEXT, text))
            m.locations.append((f"engine/text ({code})", 0))
    return messages


def engine_templates() -> dict[str, str]:
    """The engine's explanation templates (engine/text), translated in context "engine"."""
    sys.path.insert(0, ROOT)
    try:
        from engine.text import all_templates
    finally:
        sys.path.pop(0)
    return all_templates()


def placeholders(text: str) -> set[str]:
    """The {names} of a str.format template ("{m:g}" -> "m"; "{{" is a brace)."""
    return {name.split(".")[0].split("[")[0] for _lit, name, _spec, _conv in string.Formatter().parse(text)
            if name is not None}


# ----- the TS file ----------------------------------------------------------------------------------
def ts_path(lang: str = "ko") -> str:
    return os.path.join(I18N, f"{lang}.ts")


def qm_path(lang: str = "ko") -> str:
    return os.path.join(I18N, f"{lang}.qm")


def read_ts(path: str) -> dict[tuple[str, str], Message]:
    if not os.path.exists(path):
        return {}
    out = {}
    for c in ET.parse(path).getroot().iter("context"):
        ctx = c.findtext("name") or ""
        for m in c.iter("message"):
            src = m.findtext("source") or ""
            t = m.find("translation")
            msg = Message(ctx, src, translation=(t.text or "") if t is not None else "",
                          kind=(t.get("type", "") if t is not None else "unfinished"))
            base = os.path.dirname(os.path.abspath(path))
            msg.locations = [(os.path.relpath(os.path.join(base, loc.get("filename", "")), ROOT),
                              int(loc.get("line", "0") or 0)) for loc in m.iter("location")]
            out[(ctx, src)] = msg
    return out


def _esc(s: str) -> str:
    return (s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;").replace("'", "&apos;"))


def write_ts(path: str, messages: list[Message], lang: str = "ko") -> None:
    """TS 2.1 as lupdate writes it: contexts in order, messages in order, locations relative to the file."""
    base = os.path.dirname(path)
    lines = ['<?xml version="1.0" encoding="utf-8"?>', "<!DOCTYPE TS>",
             f'<TS version="2.1" language="{LANGS.get(lang, lang)}" sourcelanguage="en">']
    contexts: dict[str, list[Message]] = {}
    for m in messages:
        contexts.setdefault(m.context, []).append(m)
    for ctx, msgs in contexts.items():
        lines += ["<context>", f"    <name>{_esc(ctx)}</name>"]
        for m in msgs:
            lines.append("    <message>")
            if m.kind not in ("vanished", "obsolete"):
                for file, line in m.locations:
                    rel = os.path.relpath(os.path.join(ROOT, file), base).replace(os.sep, "/")
                    lines.append(f'        <location filename="{_esc(rel)}" line="{line}"/>')
            lines.append(f"        <source>{_esc(m.source)}</source>")
            kind = f' type="{m.kind}"' if m.kind else ""
            lines.append(f"        <translation{kind}>{_esc(m.translation)}</translation>")
            lines.append("    </message>")
        lines.append("</context>")
    lines.append("</TS>")
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(lines) + "\n")
    os.replace(tmp, path)


def merge(sources: dict, old: dict) -> tuple[list[Message], dict]:
    """The catalogue for `sources`, keeping the translations of `old`. (messages, counts)."""
    out, counts = [], {"new": 0, "kept": 0, "vanished": 0}
    for key, m in sources.items():
        prev = old.get(key)
        if prev is not None:
            m.translation = prev.translation
            m.kind = "unfinished" if prev.kind in ("vanished", "obsolete") and not prev.translation else (
                "" if prev.kind in ("vanished", "obsolete") else prev.kind)
            counts["kept"] += 1
        else:
            counts["new"] += 1
        out.append(m)
    for key, prev in old.items():
        if key not in sources and prev.translation:  # untranslated vanished strings are dropped
            prev.kind = "vanished"
            prev.locations = []
            out.append(prev)
            counts["vanished"] += 1
    return out, counts


def update(lang: str = "ko") -> dict:
    os.makedirs(I18N, exist_ok=True)
    path = ts_path(lang)
    messages, counts = merge(extract(), read_ts(path))
    write_ts(path, messages, lang)
    counts["strings"] = sum(m.kind != "vanished" for m in messages)
    counts["translated"] = sum(m.kind == "" and bool(m.translation) for m in messages)
    return counts


# ----- compiling ----------------------------------------------------------------------------------
def lrelease() -> str:
    here = os.path.dirname(sys.executable)
    for cand in (os.path.join(here, "pyside6-lrelease"), shutil.which("pyside6-lrelease"),
                 shutil.which("lrelease")):
        if cand and os.path.exists(cand):
            return cand
    raise ExtractError("pyside6-lrelease not found (it comes with PySide6-Essentials)")


def compile_qm(ts: str, qm: str) -> None:
    r = subprocess.run([lrelease(), "-silent", ts, "-qm", qm], capture_output=True, text=True)
    if r.returncode != 0 or not os.path.exists(qm):
        raise ExtractError(f"lrelease failed on {ts}:\n{r.stdout}{r.stderr}")


# ----- checking -----------------------------------------------------------------------------------
def problems(lang: str = "ko") -> list[str]:
    """Strings of the sources without a finished, non-empty translation, or whose translation lacks one of
    their placeholders, or drops the menu accelerator (&X)."""
    catalogue = read_ts(ts_path(lang))
    out = []
    for key, m in extract().items():
        t = catalogue.get(key)
        where = f"{m.locations[0][0]}:{m.locations[0][1]}"
        if t is None:
            out.append(f"{where}: not in {lang}.ts (run `make i18n`): {m.source!r}")
        elif t.kind != "" or not t.translation.strip():
            out.append(f"{where}: no finished translation: {m.source!r}")
        else:
            try:
                missing = placeholders(m.source) - placeholders(t.translation)
                extra = placeholders(t.translation) - placeholders(m.source)
            except ValueError as e:
                out.append(f"{where}: the translation of {m.source!r} is not a valid format string ({e})")
                continue
            if missing or extra:
                out.append(f"{where}: placeholders {sorted(missing)} missing / {sorted(extra)} unknown in the "
                           f"translation of {m.source!r}")
            if _accel(m.source) and not _accel(t.translation):
                out.append(f"{where}: the translation of {m.source!r} has no &-accelerator")
    return out


def _accel(text: str) -> bool:
    s = text.replace("&&", "")
    i = s.find("&")
    return 0 <= i < len(s) - 1 and s[i + 1].isalnum() and not s[i:].startswith(("&amp;", "&nbsp;", "&lt;", "&gt;"))


def main(argv: list[str]) -> int:
    cmd = argv[0] if argv else "all"
    try:
        if cmd in ("all", "extract"):
            c = update()
            print(f"{os.path.relpath(ts_path(), ROOT)}: {c['strings']} strings, {c['translated']} translated "
                  f"({c['new']} new, {c['vanished']} vanished)")
        if cmd in ("all", "compile"):
            compile_qm(ts_path(), qm_path())
            print(f"{os.path.relpath(qm_path(), ROOT)} compiled")
        if cmd == "check":
            found = problems()
            for p in found:
                print(p)
            return 1 if found else 0
        if cmd not in ("all", "extract", "compile", "check"):
            print(__doc__)
            return 2
    except ExtractError as e:
        print(f"tools/i18n.py: {e}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
