"""Checks of a parsed session document that cost nothing before reading its numbers: declared sizes, that
every text is UTF-8 and every number finite, no repeated key, no over-long integer."""

from __future__ import annotations

import math
from typing import Any

from engine.core.errors import SessionError
from engine.core.spec import MAX_HIDDEN_LAYERS, MAX_INPUTS
from engine.core.validate import is_int

from .datasets import MAX_N
from .session_state import _short, _short_key, _utf8

MAX_STEP_LOSSES = 50_000_000  # mini-batch step losses (400 MB as floats): refused before reading any

def _check_sizes(doc: dict) -> None:
    """Refuse what is too large from the sizes the file declares (list lengths), before reading any element:
    a million hidden layers or points, or a history longer than its epoch, costs nothing to refuse."""
    net, data = doc["network"], doc["data"]
    if isinstance(net, dict) and isinstance(net.get("hidden"), list) and len(net["hidden"]) > MAX_HIDDEN_LAYERS:
        raise SessionError("network.hidden", f"{len(net['hidden'])} hidden layers; use 0 to {MAX_HIDDEN_LAYERS}")
    if isinstance(data, dict):
        for key in ("X", "y"):
            v = data.get(key)
            if isinstance(v, list) and len(v) > MAX_N:
                raise SessionError(f"data.{key}", f"{len(v)} points; at most {MAX_N}")
        X = data.get("X")
        if isinstance(X, list):
            for i, row in enumerate(X):
                if isinstance(row, list) and len(row) > MAX_INPUTS:
                    raise SessionError(f"data.X[{i}]", f"{len(row)} features; a network takes at most "
                                       f"{MAX_INPUTS} inputs")
    epoch = doc["epoch"]
    steps = doc.get("step_losses")
    if isinstance(steps, list) and len(steps) > MAX_STEP_LOSSES:
        raise SessionError("step_losses", f"{len(steps)} entries; at most {MAX_STEP_LOSSES:,}")
    for key in ("losses", "accuracies", "test_losses", "test_accuracies"):
        v = doc.get(key)
        if is_int(epoch) and epoch >= 0 and isinstance(v, list) and len(v) != epoch:
            raise SessionError(key, f"has {len(v)} entries; a session at epoch {epoch} needs {epoch}, "
                               "one per epoch done")


def _check_json(doc: dict) -> None:
    """Every text must be writable as UTF-8 (no lone surrogates from \\ud800 escapes), and no number
    outside the history and the parameters (which have their own messages) may be NaN or infinite, so
    that whatever loads can be saved again as strict JSON."""
    stack: list[tuple[str, Any]] = []
    for key, value in doc.items():
        if not _utf8(key):
            raise SessionError("file", "a key contains an invalid character (a lone UTF-16 surrogate)")
        if key == "data" and isinstance(value, dict):  # the points: checked number by number when read
            stack.extend((f"data.{_short_key(k)}", x) for k, x in value.items() if k not in ("X", "y"))
        elif key not in ("losses", "accuracies", "params", "velocity", "step_losses", "test_losses",
                         "test_accuracies"):
            stack.append((_short_key(key), value))
    while stack:
        where, v = stack.pop()
        if isinstance(v, dict):
            for k, x in v.items():
                if not _utf8(k):
                    raise SessionError(where, "a key contains an invalid character (a lone UTF-16 surrogate)")
                stack.append((f"{where}.{_short_key(k)}", x))
        elif isinstance(v, list):
            # numbers are checked in place (a path is made only for a bad one): a long list of numbers in
            # `extra` costs no memory beyond itself
            for i, x in enumerate(v):
                if type(x) is float:
                    if not math.isfinite(x):
                        raise SessionError(f"{where}[{i}]", f"{_short(x)} is not a finite number")
                elif x is not None and type(x) not in (int, bool):
                    stack.append((f"{where}[{i}]", x))
        elif isinstance(v, str):
            if not _utf8(v):
                raise SessionError(where, "contains an invalid character (a lone UTF-16 surrogate)")
        elif isinstance(v, float) and not math.isfinite(v):
            raise SessionError(where, f"{_short(v)} is not a finite number")


def _no_duplicates(pairs):
    out = dict(pairs)  # (at C speed; only an object with a repeated key takes the loop below)
    if len(out) == len(pairs):
        return out
    out = {}
    for k, v in pairs:
        if k in out:
            raise SessionError("file", f"the key {_short(k)} appears twice in one object")
        out[k] = v
    return out


def _parse_int(s: str):
    # Very long integers would hit Python's int-parsing limit; as floats they become inf and are refused.
    return int(s) if len(s) <= 40 else float(s)
