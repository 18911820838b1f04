"""Refuse an oversized session file from the sizes it declares, before json.loads builds a Python object for
every number in it.

json.loads of a 57 MB file of inline points, or of a file with a million hidden layers, takes seconds and
several times the file's size in memory, only for the sizes to be refused afterwards. `precheck(text)` reads
the raw text instead, with C-speed string methods and a few regular expressions, and builds nothing but the
lengths of the lists that have a limit:

    network.hidden       at most MAX_HIDDEN_LAYERS layers
    data.X, data.y       at most MAX_N points; each row of data.X at most MAX_INPUTS features
    losses, accuracies   one entry per epoch done (as many as "epoch" says)

It raises the SessionError (field and message) that the check of the parsed document
(session_checks._check_sizes) would, in the same order. It judges nothing else: a file it cannot follow (bad
JSON, escapes or brackets inside the strings of those lists, lists nested deeper than rows) passes through
unchanged, and the full parse and validation that follow say what is wrong, as before.

How a list is measured without parsing it: only brackets, braces, quotes, backslashes and commas tell its
shape, so every other byte is deleted at once (bytes.translate), and strings, now "", go with one
bytes.replace. What is left is the list's skeleton, [,,,] (plain values: commas + 1), [[,],[,]] (rows: one
"[" each, and a row with MAX_INPUTS commas is too wide) or [{,},{,}] (flat objects: one "{" each). The
top-level, network and data objects are walked key by key, and every other value is skipped whole.
"""

from __future__ import annotations

import json
import re

from engine.core.errors import SessionError
from engine.core.spec import MAX_HIDDEN_LAYERS, MAX_INPUTS

from .datasets import MAX_N

MAX_DEPTH = 64  # deeper than this, the precheck stops following and leaves the file to the full parse

_STR = r'"[^"\\]*+(?:\\.[^"\\]*+)*+"'  # a JSON string, escapes included
_PLAIN = r'[^\[\]{}"]'  # anything but a bracket, a brace or a quote: numbers, literals, spaces, commas, colons
_FLAT = rf'(?:{_STR}|{_PLAIN}++)*+'  # the inside of a list or object with nothing nested in it
_WS = re.compile(r'[\s,:]*+')
_STRING = re.compile(_STR)
_SCALAR = re.compile(r'[^\s,:\[\]{}"]++')  # a number, true, false or null (the full parse judges which)
_NUMBERS = re.compile(rf'\[{_PLAIN}*+\]')  # [1, 2.5, null]: a list of plain values
_EMPTY = re.compile(r'\[\s*+\]')
_ROWS = re.compile(rf'\[\s*+(?:\[{_PLAIN}*+\]\s*+,?\s*+)*+\]')  # [[1, 2], [3, 4]]: a list of such lists
_SHALLOW = re.compile(rf'\[(?:\[{_FLAT}\]|\{{{_FLAT}\}}|{_STR}|{_PLAIN}++)*+\]|\{{{_FLAT}\}}')
_EPOCH = re.compile(r'(?:0|[1-9][0-9]*+)(?![0-9.eE])')


class _CannotFollow(Exception):
    """The text is not what a session file looks like here: leave it to the full parse."""


def precheck(text: str) -> None:
    """Raise SessionError when a list of `text` is longer than a session file allows; otherwise do nothing."""
    try:
        found = _Scan(text).top()
    except (_CannotFollow, RecursionError):
        return
    _refuse(found)


def _refuse(found: dict) -> None:
    """The checks of session_checks._check_sizes, in its order, on the lengths found."""
    n = found.get("network.hidden")
    if n is not None and n > MAX_HIDDEN_LAYERS:
        raise SessionError("network.hidden", f"{n} hidden layers; use 0 to {MAX_HIDDEN_LAYERS}")
    for key in ("X", "y"):
        n = found.get(f"data.{key}")
        if n is not None and n > MAX_N:
            raise SessionError(f"data.{key}", f"{n} points; at most {MAX_N}")
    wide = found.get("data.X row")
    if wide is not None:
        i, n = wide
        raise SessionError(f"data.X[{i}]", f"{n} features; a network takes at most {MAX_INPUTS} inputs")
    epoch = found.get("epoch")
    for key in ("losses", "accuracies"):
        n = found.get(key)
        if epoch is not None and n is not None and n != epoch:
            raise SessionError(key, f"has {n} entries; a session at epoch {epoch} needs {epoch}, "
                               "one per epoch done")


class _Scan:
    """Walks the top-level object and the network and data objects key by key; measures the lists with a
    limit and skips every other value whole."""

    MEASURED = {"network": {"hidden": "network.hidden"}, "data": {"X": "data.X", "y": "data.y"}}

    def __init__(self, text: str):
        self.text = text
        self.found: dict = {}

    # ----- the objects whose keys matter ------------------------------------------------------------
    def top(self) -> dict:
        self._object(_WS.match(self.text, 0).end(), self._top_member)
        return self.found

    def _top_member(self, key: str, pos: int) -> int:
        text = self.text
        if key in self.MEASURED and text.startswith("{", pos):
            measured = self.MEASURED[key]
            return self._object(pos, lambda k, p: self._list(p, measured[k]) if k in measured and
                                text.startswith("[", p) else self._skip(p))
        if key in ("losses", "accuracies") and text.startswith("[", pos):
            return self._list(pos, key)
        if key == "epoch" and (m := _EPOCH.match(text, pos)):
            self.found["epoch"] = int(m.group())
            return m.end()
        return self._skip(pos)

    def _object(self, pos: int, member) -> int:
        """Walk the object whose "{" is at `pos`: `member(key, position of its value)` returns the position
        after that value. Returns the position after the object's "}"."""
        text = self.text
        if not text.startswith("{", pos):
            raise _CannotFollow
        pos = _WS.match(text, pos + 1).end()
        while not text.startswith("}", pos):
            m = _STRING.match(text, pos)
            if m is None:
                raise _CannotFollow
            key = json.loads(m.group()) if "\\" in m.group() else m.group()[1:-1]
            pos = _WS.match(text, m.end()).end()  # (past the colon)
            pos = _WS.match(text, member(key, pos)).end()  # (past the comma)
            if pos >= len(text):
                raise _CannotFollow
        return pos + 1

    # ----- lists: their length, without building them -----------------------------------------------------
    def _list(self, pos: int, where: str) -> int:
        """Measure the list at `pos` (its "["), note its length under `where`; the position after it."""
        n, closes, wide = _measure(self.text, pos)
        self.found[where] = n
        if where == "data.X" and wide is not None:
            self.found["data.X row"] = wide
        return _after_nth(self.text, pos, "]", closes)

    # ----- any other value: skipped whole -----------------------------------------------------------------
    def _skip(self, pos: int, depth: int = 0) -> int:
        """The position after the JSON value at `pos`."""
        text = self.text
        for pattern in (_STRING, _SCALAR, _NUMBERS, _ROWS, _SHALLOW):
            m = pattern.match(text, pos)
            if m is not None:
                return m.end()
        if depth >= MAX_DEPTH or not text.startswith(("[", "{"), pos):
            raise _CannotFollow
        close = "]" if text[pos] == "[" else "}"
        pos = _WS.match(text, pos + 1).end()
        while not text.startswith(close, pos):
            if pos >= len(text):
                raise _CannotFollow
            pos = _WS.match(text, self._skip(pos, depth + 1)).end()
        return pos + 1


# ----- measuring a list ------------------------------------------------------------------------------------
# Only brackets, braces, quotes, backslashes and commas tell a list's shape; every other byte is deleted at
# once (bytes.translate). A string without any of those in it is then "" and goes with one bytes.replace,
# leaving the list's skeleton: [,,,] (numbers), [[,],[,]] (rows), [{,},{,}] (flat objects).
_KEEP = b'[]{}",\\'
_DELETE = bytes(c for c in range(256) if c not in _KEEP)


def _measure(text: str, pos: int) -> tuple[int, int, tuple[int, int] | None]:
    """(length, how many "]" it holds with its own, (index, features) of its first row longer than MAX_INPUTS or None)
    of the list whose "[" is at `pos`. Raises _CannotFollow for anything but a list of plain values, of
    lists of plain values, or of flat objects."""
    sk = text[pos:].encode("utf-8", "surrogatepass").translate(None, _DELETE)
    end = _end_of(sk)
    if sk.find(b'"', 0, end) >= 0:  # strings in the list: the plain ones go, then look again
        if sk.find(b"\\", 0, end) >= 0:
            raise _CannotFollow  # (escapes: leave the strings to the full parse)
        sk = sk.replace(b'""', b"")
        end = _end_of(sk)
        if sk.find(b'"', 0, end) >= 0:
            raise _CannotFollow  # a string with brackets or commas in it
    skeleton = sk[:end]
    inner = skeleton[1:-1]
    wide = None
    if inner.find(b"[") < 0 and inner.find(b"{") < 0:  # plain values: one more than the commas
        n = 0 if _EMPTY.match(text, pos) else inner.count(b",") + 1
    else:
        opener = b"[" if inner.startswith(b"[") else b"{"
        n = inner.count(opener)
        if inner.translate(None, b",") != (b"[]" if opener == b"[" else b"{}") * n:
            raise _CannotFollow  # mixed, or nested deeper
        at = inner.find(b"[" + b"," * MAX_INPUTS) if opener == b"[" else -1
        if at >= 0:
            wide = (inner.count(b"[", 0, at), inner.find(b"]", at) - at)  # (commas + 1 = features)
    return n, skeleton.count(b"]"), wide


def _end_of(sk: bytes) -> int:
    """Where the list at the start of skeleton `sk` ends (just after it): at its first "]", or, when a row
    opens before that, at the first "]]"."""
    j = sk.find(b"]")
    if j < 0:
        raise _CannotFollow
    if sk.find(b"[", 1, j) >= 0:
        j = sk.find(b"]]")
        if j < 0:
            raise _CannotFollow
        j += 1
    return j + 1


def _after_nth(text: str, pos: int, char: str, nth: int) -> int:
    """The position just after the nth `char` from `pos` on (there are at least nth): found by halving
    the span with str.count, so the cost is a couple of passes over the list, in C."""
    lo, hi, before = pos, len(text), 0  # before: occurrences in text[pos:lo]
    while hi - lo > 1:
        mid = (lo + hi) // 2
        c = text.count(char, lo, mid)
        if before + c >= nth:
            hi = mid
        else:
            lo, before = mid, before + c
    return hi
