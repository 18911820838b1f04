"""Writing a session file: the JSON document of a SessionState, written atomically (a temporary file in
the same folder, fsynced, renamed over the old one); never a file that reading would refuse."""

from __future__ import annotations

import contextlib
import io
import json
import math
import os
import re
import secrets
import stat

import torch

from engine.core.errors import SessionError

from .optimizer_state import adam_to_json
from .session_read import from_document
from .session_state import FORMAT, VERSION, SessionState, _finite_number

def to_document(state: SessionState) -> dict:
    """The JSON document (plain dicts, lists, numbers, text) for `state`, keys in file order."""
    doc = {
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
        "batch": state.batch,
        "step_losses": [_loss_out(x) for x in state.step_losses],
        "practice_code": state.practice_code,
        "extra": state.extra,
        "adam": adam_to_json(state.adam, _tensor_list),  # Adam's m, v and t; null for SGD
    }
    if state.data.n_test:  # a train/test split: its history too (files without one are as they always were)
        e = state.epoch  # (a history shorter than the epochs done: the missing epochs are unknown)
        tl, ta = list(state.test_losses)[:e], list(state.test_accuracies)[:e]
        doc["test_losses"] = [_loss_out(x) for x in tl] + ["NaN"] * (e - len(tl))
        doc["test_accuracies"] = [None if not _finite_number(x) else float(x) for x in ta] + [None] * (e - len(ta))
    return doc


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
