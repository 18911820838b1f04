"""Reading a session file: parse, migrate an older version, validate everything, build the SessionState.
Raises SessionError and nothing else, naming the field ("params.w2", "losses[7]", "line 3, column 5", …)."""

from __future__ import annotations

import json
import math
import os
from typing import Any

import torch

from engine.core.batches import steps_per_epoch
from engine.core.errors import DataError, EngineError, SessionError, SpecError
from engine.core.spec import NetworkSpec, shape_text

from .datasets import Dataset
from .files import read_regular
from .optimizer_state import adam_from_json
from .session_precheck import precheck
from .session_checks import _check_json, _check_sizes, _no_duplicates, _parse_int
from .session_state import (
    FLOAT32_MAX, FORMAT, KEY_ORDER, LOSS_WORDS, MAX_BYTES, MAX_PRACTICE_CODE, OPTIONAL_KEYS, REQUIRED_KEYS,
    V2_KEYS, VERSION, SessionState, _as_float, _is_int, _is_number, _kind, _short, _short_key,
)

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
    precheck(text)  # oversized lists are refused from their lengths, before json.loads builds them
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
                           f"this Backprop Tutor reads versions 1 to {VERSION}")
    if version == 1:
        doc = migrate(doc)
    for key in REQUIRED_KEYS:
        if key not in doc:
            raise SessionError(key, "missing; a session file needs " + ", ".join(REQUIRED_KEYS))
    unknown = sorted(set(doc) - set(REQUIRED_KEYS) - set(OPTIONAL_KEYS))
    if unknown:
        raise SessionError(_short_key(unknown[0]), f"unknown key; a version {VERSION} session has "
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
    elif spec.momentum and (epoch > 0 or doc.get("batch")):
        raise SessionError("velocity", f"missing; with momentum {spec.momentum:g} a session after epoch 0 "
                           "needs its momentum buffers to continue exactly")
    losses = _history("losses", doc["losses"], epoch, _loss_in)
    batch, step_losses = _batch_state(doc, epoch, steps_per_epoch(data.n_samples - data.n_test, spec.batch_size), spec)
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
    test = {}
    for key, convert in (("test_losses", _loss_in), ("test_accuracies", _accuracy_in)):
        if doc.get(key) is not None:
            if not data.n_test:
                raise SessionError(key, "this data has no test set (data.test_fraction is 0); use null")
            test[key] = _history(key, doc[key], epoch, convert)
    S = steps_per_epoch(data.n_samples - data.n_test, spec.batch_size)
    adam = adam_from_json(doc.get("adam"), spec, epoch, _param_set, epoch * S + batch)
    return SessionState(spec, data, params, velocity, epoch, losses, accuracies, practice_code, extra, batch,
                        step_losses, adam=adam, **test)


def migrate(doc: dict) -> dict:
    """A version 1 document as version 2: the whole data set in each step (network.batch_size null), at an
    epoch's start (batch 0), no step losses. Refuses what only version 2 can say."""
    for key in V2_KEYS:
        if key in doc:
            raise SessionError(key, "arrived in version 2, but this file says version 1")
    network = doc.get("network")
    if isinstance(network, dict):
        if "batch_size" in network:
            raise SessionError("network.batch_size", "arrived in version 2, but this file says version 1")
        network = {**network, "batch_size": None}
    return {**doc, "version": 2, "network": network, "batch": 0, "step_losses": []}


def _batch_state(doc: dict, epoch: int, S: int, spec) -> tuple[int, list[float]]:
    """(batch, step_losses): the mini-batch steps done in the epoch in progress and every step's loss."""
    batch = doc.get("batch", 0)
    if not _is_int(batch) or not 0 <= batch < S:
        raise SessionError("batch", f"must be a whole number from 0 to {S - 1} (the steps done in epoch "
                           f"{epoch + 1}, of its {S}), not {_short(batch)}")
    value = doc.get("step_losses", [])
    if not isinstance(value, list):
        raise SessionError("step_losses", f"must be a list with one loss per mini-batch step, not {_kind(value)}")
    n = len(value)
    if S == 1 and n:
        raise SessionError("step_losses", "this network takes the whole data set in each epoch's one step "
                           "(batch_size null or at least N); use []")
    if n < batch or (n - batch) % S or n > epoch * S + batch:
        raise SessionError("step_losses", f"has {n} entries; a session {batch} step(s) into epoch {epoch + 1} "
                           f"needs {epoch * S + batch}, one per step done ({S} an epoch), or the last {batch} "
                           f"plus whole epochs of them")
    if all(type(v) is float for v in value):
        return batch, value
    return batch, [_loss_in(f"step_losses[{i}]", v) for i, v in enumerate(value)]


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
