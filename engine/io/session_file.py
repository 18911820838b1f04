"""Session files: a network, its data, its parameters and its history, as versioned JSON.

    state = from_trainer(trainer, practice_code=code)   # a snapshot (copies)
    save(state, "xor.json")                             # atomic: the old file or the new one, never half
    state = load("xor.json")                            # validates everything; only ever raises SessionError
    trainer = state.to_trainer()                        # continues bit for bit where the saved one stopped

The format is described in docs/session-format.md. Numbers round-trip exactly: a float32 value upcast to a
Python float is written with repr (the shortest text that reads back as the same double), and that double
converts back to the same float32. The file is strict JSON (no NaN tokens): non-finite losses are written as
the strings "NaN", "Infinity", "-Infinity"; accuracies not computed are null.
"""

from __future__ import annotations

import contextlib
import io
import json
import math
import os
import re
import secrets
import stat
from dataclasses import dataclass, field, replace
from typing import Any, Mapping

import torch

from .datasets import MAX_N, Dataset
from .files import read_regular
from .optimizer_state import adam_from_json, adam_to_json
from engine.core.errors import DataError, EngineError, SessionError, SpecError
from engine.core.spec import MAX_HIDDEN_LAYERS, MAX_INPUTS, NetworkSpec, shape_text
from engine.core.update import AdamState
from engine.core.validate import as_float, is_int, is_number, json_text, kind

FORMAT = "backprop-tutor-session"
VERSION = 1
MAX_BYTES = 256 * 2**20  # larger files are refused before parsing

REQUIRED_KEYS = ("format", "version", "network", "data", "epoch", "params", "losses")
MAX_PRACTICE_CODE = 50_000  # characters (~1,000 lines): far more than a backward pass; highlighted on open
OPTIONAL_KEYS = ("velocity", "accuracies", "practice_code", "extra", "adam")
KEY_ORDER = ("format", "version", "network", "data", "epoch", "params", "velocity", "losses", "accuracies",
             "practice_code", "extra", "adam")
LOSS_WORDS = {"NaN": math.nan, "Infinity": math.inf, "-Infinity": -math.inf}
FLOAT32_MAX = float(torch.finfo(torch.float32).max)


@dataclass(frozen=True, eq=False)
class SessionState:
    """Everything a session file holds. `params`/`velocity` are tensors in the spec's dtype; `losses[e-1]`
    is the loss of epoch e (its forward pass, before its update); `accuracies[e-1]` is NaN where it was not
    computed. `extra` is free JSON for the app (window layout, view choices); the engine ignores it."""

    spec: NetworkSpec
    data: Dataset
    params: dict[str, torch.Tensor]
    velocity: dict[str, torch.Tensor] | None
    epoch: int
    losses: list[float]
    accuracies: list[float]
    practice_code: str = ""
    extra: dict = field(default_factory=dict)
    adam: AdamState | None = None  # Adam's m, v and t (engine/io/optimizer_state.py)

    def to_trainer(self):
        """A Trainer in exactly this state (its only checkpoint is this epoch)."""
        from engine.training.trainer import Trainer

        return Trainer(self.spec, self.data, self.params, self.velocity, self.epoch, self.losses,
                       self.accuracies, self.adam)

    def with_changes(self, **changes) -> "SessionState":
        return replace(self, **changes)


def from_trainer(trainer, practice_code: str = "", extra: Mapping | None = None) -> SessionState:
    """A snapshot of `trainer` (copies, so later training does not change it)."""
    return SessionState(
        spec=trainer.spec,
        data=trainer.data,
        params=trainer.params_copy(),
        velocity={k: v.clone() for k, v in trainer.velocity.items()} if trainer.velocity else None,
        epoch=trainer.epoch,
        losses=list(trainer.losses),
        accuracies=list(trainer.accuracies),
        practice_code=practice_code,
        extra=dict(extra or {}),
        adam=trainer.adam.clone() if trainer.adam else None,
    )


# ----- writing ------------------------------------------------------------------------------------
def to_document(state: SessionState) -> dict:
    """The JSON document (plain dicts, lists, numbers, text) for `state`, keys in file order."""
    return {
        "format": FORMAT,
        "version": VERSION,
        "network": state.spec.to_dict(),
        "data": state.data.to_dict(),
        "epoch": state.epoch,
        "params": {k: _tensor_list(v) for k, v in state.params.items()},
        "velocity": (None if state.velocity is None
                     else {k: _tensor_list(v) for k, v in state.velocity.items()}),
        "losses": [_loss_out(x) for x in state.losses],
        "accuracies": [None if not _finite_number(x) else float(x) for x in state.accuracies],
        "practice_code": state.practice_code,
        "extra": state.extra,
        "adam": adam_to_json(state.adam, _tensor_list),  # Adam's m, v and t; null for SGD
    }


def dumps(state: SessionState) -> str:
    """The file's text (validated first, like save)."""
    doc = _checked_document(state)
    buf = io.StringIO()
    _write(buf, doc)
    return buf.getvalue()


def save(state: SessionState, path) -> None:
    """Write `state` to `path` atomically: a temporary file in the same folder, flushed and fsynced, then
    renamed over `path`. On any failure `path` is untouched and the temporary file removed.
    Raises SessionError if the state would not load back (e.g. non-finite parameters) or on I/O errors."""
    doc = _checked_document(state)
    try:
        path = os.fspath(path)
    except TypeError:
        raise SessionError("file", f"give a file path, not {type(path).__name__}") from None
    if not isinstance(path, str) or not path:
        raise SessionError("file", "give a file path")
    if os.path.isdir(path):
        raise SessionError("file", f"{path} is a folder; give a file name")
    folder = os.path.dirname(os.path.abspath(path))
    tmp = os.path.join(folder, f".{os.path.basename(path)}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
    except OSError as e:
        raise SessionError("file", f"cannot write in {folder}: {e.strerror or e}") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            _write(f, doc)
            f.flush()
            os.fsync(f.fileno())
        with contextlib.suppress(OSError):  # keep an existing file's permissions
            os.chmod(tmp, stat.S_IMODE(os.stat(path).st_mode))
        os.replace(tmp, path)
    except BaseException as e:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(e, OSError):
            raise SessionError("file", f"cannot write {path}: {e.strerror or e}") from None
        raise
    _fsync_folder(folder)
    remove_stale_temporaries(path)


def remove_stale_temporaries(path: str) -> list[str]:
    """Delete the temporary files an earlier save of `path` left when its process was killed mid-write:
    only names of our own pattern (.NAME.json.<pid>.<8 hex>.tmp) whose process no longer runs. Returns the
    paths removed. (Not on Windows, where asking whether a pid runs is not a harmless signal.)"""
    if os.name == "nt":
        return []
    folder, base = os.path.split(os.path.abspath(path))
    pattern = re.compile(rf"\.{re.escape(base)}\.(\d+)\.[0-9a-f]{{8}}\.tmp")
    removed = []
    try:
        names = os.listdir(folder)
    except OSError:
        return []
    for name in names:
        m = pattern.fullmatch(name)
        if m is None or _running(int(m.group(1))):
            continue
        victim = os.path.join(folder, name)
        with contextlib.suppress(OSError):
            if os.path.isfile(victim) and not os.path.islink(victim):
                os.unlink(victim)
                removed.append(victim)
    return removed


def _running(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, OSError):
        return True  # someone else's process, or a pid we cannot ask about: leave its file alone
    return True


def _checked_document(state: SessionState) -> dict:
    if not isinstance(state, SessionState):
        raise SessionError("state", f"expected a SessionState, not {type(state).__name__}")
    if not isinstance(state.extra, dict):
        raise SessionError("extra", "must be a dict of JSON data")
    try:
        json.dumps(state.extra, allow_nan=False)
    except (TypeError, ValueError, RecursionError) as e:
        raise SessionError("extra", f"must hold only JSON data (text, numbers, lists, dicts): {e}") from None
    try:
        doc = to_document(state)
    except (AttributeError, TypeError, ValueError) as e:
        raise SessionError("state", f"cannot be written: {e}") from None
    from_document(doc)  # never write a file that load would refuse
    return doc


def _write(f, doc: dict) -> None:
    """Top-level keys one per line; the entries of network, data, params and velocity one per line."""
    f.write("{\n")
    items = list(doc.items())
    for i, (key, value) in enumerate(items):
        f.write(f"  {json.dumps(key)}: ")
        if isinstance(value, dict) and value and key in ("network", "data", "params", "velocity"):
            f.write("{\n")
            sub = list(value.items())
            for j, (k, v) in enumerate(sub):
                f.write(f"    {json.dumps(k)}: ")
                json.dump(v, f, ensure_ascii=False, allow_nan=False)
                f.write(",\n" if j < len(sub) - 1 else "\n")
            f.write("  }")
        else:
            json.dump(value, f, ensure_ascii=False, allow_nan=False)
        f.write(",\n" if i < len(items) - 1 else "\n")
    f.write("}\n")


def _fsync_folder(folder: str) -> None:
    """Make the rename itself durable (POSIX); a no-op where folders cannot be opened."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _tensor_list(t: torch.Tensor) -> list:
    return t.detach().cpu().tolist()  # float32 → the exactly equal Python float


def _loss_out(x):
    x = float(x)
    if math.isfinite(x):
        return x
    return "NaN" if math.isnan(x) else ("Infinity" if x > 0 else "-Infinity")


# ----- reading ------------------------------------------------------------------------------------
def load(path) -> SessionState:
    """Read and validate a session file. Raises SessionError (never anything else) whose field names
    what is wrong: "file", "line 3, column 5" (JSON syntax), "version", "params.w2", "losses[7]", …"""
    try:
        p = os.fspath(path)
        if not isinstance(p, str):
            p = os.fsdecode(p)
    except (TypeError, ValueError):
        raise SessionError("file", f"give a file path, not {type(path).__name__}") from None
    if not p:
        raise SessionError("file", "give a file path")
    return loads(read_regular(p, MAX_BYTES, SessionError, "a session file"))  # (the bytes go once decoded)


def loads(text: str | bytes) -> SessionState:
    """Parse and validate a session document given as text or UTF-8 bytes (see load)."""
    if isinstance(text, (bytes, bytearray, memoryview)):
        raw = bytes(text)
        if len(raw) > MAX_BYTES:
            raise SessionError("file", f"larger than {MAX_BYTES // 2**20} MB; not a session file")
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as e:
            line = raw.count(b"\n", 0, e.start) + 1
            col = e.start - (raw.rfind(b"\n", 0, e.start) + 1) + 1
            raise SessionError(
                "file", f"not UTF-8 text: byte 0x{raw[e.start]:02x} at line {line}, column {col}; "
                "save the file as UTF-8"
            ) from None
        del raw  # only the text is needed from here: the file's bytes are freed before parsing
    if not isinstance(text, str):
        raise SessionError("file", f"give text or bytes, not {type(text).__name__}")
    text = text.removeprefix("\ufeff")
    if not text or text.isspace():  # (no stripped copy of a large text)
        raise SessionError("file", "the file is empty; a session file is a JSON object")
    try:
        try:
            doc = json.loads(text, object_pairs_hook=_no_duplicates)
        except ValueError as e:  # an integer too long for int(): read them all as _parse_int does
            if isinstance(e, json.JSONDecodeError):
                raise
            doc = json.loads(text, parse_int=_parse_int, object_pairs_hook=_no_duplicates)
    except json.JSONDecodeError as e:
        raise SessionError(f"line {e.lineno}, column {e.colno}", f"not valid JSON ({e.msg})") from None
    except RecursionError:
        raise SessionError("file", "nested too deeply to be a session file") from None
    return from_document(doc)


def from_document(doc: Any) -> SessionState:
    """Validate a parsed JSON document and build the state; SessionError names the first problem."""
    try:
        return _from_document(doc)
    except SessionError:
        raise
    except EngineError as e:  # a SpecError or DataError that escaped its wrapping
        raise SessionError(e.field, e.message) from None
    except RecursionError:
        raise SessionError("file", "nested too deeply to be a session file") from None
    except Exception as e:  # a safety net: loading raises nothing but SessionError
        raise SessionError("file", f"cannot be read as a session (unexpected {type(e).__name__}: {e})"
                           ) from None


def _from_document(doc: Any) -> SessionState:
    if not isinstance(doc, dict):
        raise SessionError("file", f"a session file is a JSON object {{…}}, not {_kind(doc)}")
    if "format" not in doc:
        raise SessionError("format", f"missing: this JSON is not a Backprop Tutor session (\"{FORMAT}\")")
    if doc["format"] != FORMAT:
        raise SessionError("format", f"{_short(doc['format'])} is not a Backprop Tutor session (\"{FORMAT}\")")
    version = doc.get("version")
    if "version" not in doc:
        raise SessionError("version", f"missing; this Backprop Tutor reads version {VERSION}")
    if not _is_int(version):
        raise SessionError("version", f"must be a whole number, not {_short(version)}")
    if version > VERSION:
        raise SessionError("version", f"version {version} is newer than this Backprop Tutor reads "
                           f"({VERSION}); open it with a newer Backprop Tutor")
    if version < 1:
        raise SessionError("version", f"unknown version {version}; "
                           f"this Backprop Tutor reads version {VERSION}")
    for key in REQUIRED_KEYS:
        if key not in doc:
            raise SessionError(key, "missing; a session file needs " + ", ".join(REQUIRED_KEYS))
    unknown = sorted(set(doc) - set(REQUIRED_KEYS) - set(OPTIONAL_KEYS))
    if unknown:
        raise SessionError(_short_key(unknown[0]), "unknown key; a version 1 session has "
                           + ", ".join(KEY_ORDER) + " (put app data under extra)")
    _check_sizes(doc)
    _check_json(doc)

    # network and data
    if not isinstance(doc["network"], dict):
        raise SessionError("network", f"must be an object, not {_kind(doc['network'])}")
    try:
        spec = NetworkSpec.from_dict(doc["network"])
    except SpecError as e:
        raise SessionError(f"network.{e.field}", e.message) from None
    if not isinstance(doc["data"], dict):
        raise SessionError("data", f"must be an object, not {_kind(doc['data'])}")
    try:
        data = Dataset.from_dict(doc["data"])
    except DataError as e:
        raise SessionError(f"data.{e.field}", e.message) from None
    try:
        spec.check_data(data)
    except SpecError as e:
        raise SessionError(f"network.{e.field}", f"does not fit the data: {e.message}") from None

    # state
    epoch = doc["epoch"]
    if not _is_int(epoch) or epoch < 0:
        raise SessionError("epoch", f"must be a whole number 0 or more (epochs done), not {_short(epoch)}")
    params = _param_set("params", doc["params"], spec)
    velocity = doc.get("velocity")
    if velocity is not None:
        if not spec.momentum:
            raise SessionError("velocity", "this network has no momentum (momentum 0); use null")
        velocity = _param_set("velocity", velocity, spec)
    elif spec.momentum and epoch > 0:
        raise SessionError("velocity", f"missing; with momentum {spec.momentum:g} a session after epoch 0 "
                           "needs its momentum buffers to continue exactly")
    losses = _history("losses", doc["losses"], epoch, _loss_in)
    accuracies = (_history("accuracies", doc["accuracies"], epoch, _accuracy_in)
                  if doc.get("accuracies") is not None else [math.nan] * epoch)
    practice_code = doc.get("practice_code", "")
    if not isinstance(practice_code, str):
        raise SessionError("practice_code", f"must be text, not {_kind(practice_code)}")
    if len(practice_code) > MAX_PRACTICE_CODE:
        raise SessionError("practice_code", f"is {len(practice_code):,} characters long; practice code is "
                           f"limited to {MAX_PRACTICE_CODE:,} characters (about 1,000 lines)")
    extra = doc.get("extra", {})
    if not isinstance(extra, dict):
        raise SessionError("extra", f"must be an object, not {_kind(extra)}")
    adam = adam_from_json(doc.get("adam"), spec, epoch, _param_set)
    return SessionState(spec, data, params, velocity, epoch, losses, accuracies, practice_code, extra, adam)


def _param_set(where: str, value, spec: NetworkSpec) -> dict[str, torch.Tensor]:
    names = spec.param_names
    if not isinstance(value, dict):
        raise SessionError(where, f"must be an object {{name: numbers}} with {', '.join(names)}, "
                           f"not {_kind(value)}")
    for name in names:
        if name not in value:
            raise SessionError(f"{where}.{name}", f"missing; this network has {', '.join(names)}")
    extra = sorted(set(value) - set(names))
    if extra:
        raise SessionError(f"{where}.{_short_key(extra[0])}",
                           f"this network has no such parameter; it has {', '.join(names)}")
    return {name: _tensor(f"{where}.{name}", value[name], spec.param_shape(name), spec) for name in names}


def _tensor(where: str, value, shape: tuple[int, ...], spec: NetworkSpec) -> torch.Tensor:
    got = _shape_of(where, value, 0)
    if got != shape:
        what = "a single number" if got == () else f"shape {shape_text(got)}"
        raise SessionError(where, f"{what} does not match the network's {shape_text(shape)}")
    flat = value if len(shape) == 1 else [v for row in value for v in row]
    limit = FLOAT32_MAX if spec.dtype == "float32" else math.inf
    floats = []
    for i, v in enumerate(flat):
        f = _as_float(v)
        if f is None:
            raise SessionError(_index(where, i, shape), f"{_short(v)} is not a number")
        if not math.isfinite(f):
            raise SessionError(_index(where, i, shape), f"{_short(v)} is not a finite number")
        if abs(f) > limit:
            raise SessionError(_index(where, i, shape), f"{_short(v)} is too large for {spec.dtype}")
        floats.append(f)
    return torch.tensor(floats, dtype=torch.float64).reshape(shape).to(spec.torch_dtype).contiguous()


def _shape_of(where: str, v, depth: int) -> tuple[int, ...]:
    if _is_number(v) and depth == 0:
        return ()  # reported as "a single number does not match (2,)"
    if not isinstance(v, list):
        if depth > 0 and not isinstance(v, dict):
            return ()  # an entry; the value check says what is wrong with it
        raise SessionError(where, f"must be a list of numbers, not {_kind(v)}")
    if depth >= 2:
        raise SessionError(where, "nested too deeply; a parameter is a list (bias) "
                           "or a list of rows (weight)")
    if not v:
        return (0,)
    first = _shape_of(f"{where}[0]", v[0], depth + 1)
    for i, x in enumerate(v[1:], start=1):
        s = _shape_of(f"{where}[{i}]", x, depth + 1)
        if s != first:
            raise SessionError(f"{where}[{i}]", f"is {_shape_words(s)}; {where}[0] is {_shape_words(first)}")
    return (len(v), *first)


def _shape_words(s: tuple[int, ...]) -> str:
    if s == ():
        return "a single number"
    if len(s) == 1:
        return f"a list of {s[0]} number{'s' if s[0] != 1 else ''}"
    return f"a list of shape {shape_text(s)}"


def _index(where: str, i: int, shape) -> str:
    return f"{where}[{i}]" if len(shape) == 1 else f"{where}[{i // shape[1]}][{i % shape[1]}]"


def _history(where: str, value, epoch: int, convert) -> list[float]:
    if not isinstance(value, list):
        raise SessionError(where, f"must be a list with one entry per epoch done, not {_kind(value)}")
    if len(value) != epoch:
        raise SessionError(where, f"has {len(value)} entries; a session at epoch {epoch} needs {epoch}, "
                           "one per epoch done")
    if convert is _loss_in and all(type(v) is float for v in value):
        return value  # the usual case, at C speed: every loss written as a float (non-finite ones are text)
    return [convert(f"{where}[{i}]", v) for i, v in enumerate(value)]


def _loss_in(where: str, v) -> float:
    if isinstance(v, str) and v in LOSS_WORDS:
        return LOSS_WORDS[v]
    f = _as_float(v)
    if f is None:
        raise SessionError(where, f"{_short(v)} is not a number (non-finite losses are "
                           "\"NaN\", \"Infinity\" or \"-Infinity\")")
    return f


def _accuracy_in(where: str, v) -> float:
    if v is None:
        return math.nan
    f = _as_float(v)
    if f is None:
        raise SessionError(where, f"{_short(v)} is not a number (use null where not computed)")
    if math.isnan(f):
        return math.nan
    if not 0 <= f <= 1:
        raise SessionError(where, f"{_short(v)} is not a fraction from 0 to 1")
    return f


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
    for key in ("losses", "accuracies"):
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
        elif key not in ("losses", "accuracies", "params", "velocity"):
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


def _utf8(s: str) -> bool:
    try:
        s.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


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


# ----- small helpers --------------------------------------------------------------------------------
_is_int, _is_number, _as_float, _kind, _short = is_int, is_number, as_float, kind, json_text


def _finite_number(v) -> bool:
    return _is_number(v) and math.isfinite(v)


def _short_key(k: str, limit: int = 40) -> str:
    """A key for a field path: shortened, lone surrogates and control characters escaped."""
    k = k if len(k) <= limit else k[: limit - 1] + "…"
    if k.isprintable() and _utf8(k):
        return k
    return json.dumps(k)[1:-1]
