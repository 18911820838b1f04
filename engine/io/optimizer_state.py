"""Adam's state in a session file: the moment buffers m and v of every parameter and the step count t.

    "adam": {"t": 12, "m": {"w1": [[…]], "b1": […], …}, "v": {"w1": [[…]], …}}

Written only for an Adam network (`network.optimizer` is "adam"); absent or null otherwise. The numbers round-trip
exactly as the parameters do (engine/io/session_file.py writes and reads them), so a loaded session continues
bit for bit. Reading checks: t a whole number from 0 to the update steps done (one per epoch, or one per mini-batch
step); m and v
with the network's parameter names and shapes, finite; v never negative (a running mean of squares).
"""

from __future__ import annotations

from typing import Callable


from engine.core.errors import SessionError
from engine.core.update import AdamState
from engine.core.validate import is_int, json_text, kind

KEYS = ("t", "m", "v")


def adam_to_json(state: AdamState | None, tensor_list: Callable) -> dict | None:
    """The "adam" entry for `state` (None: no Adam state)."""
    if state is None:
        return None
    return {"t": state.t, "m": {k: tensor_list(x) for k, x in state.m.items()},
            "v": {k: tensor_list(x) for k, x in state.v.items()}}


def adam_from_json(value, spec, epoch: int, param_set: Callable, steps: int | None = None) -> AdamState | None:
    """The AdamState of an "adam" entry (None for an SGD network). `param_set(where, value, spec)` reads a set of
    tensors with the network's names and shapes (the session file's own reader, with its messages). `steps`: the
    update steps done (default `epoch`; with mini-batches epoch·S + batch)."""
    steps = epoch if steps is None else steps
    if spec.optimizer != "adam":
        if value is not None:
            raise SessionError("adam", f"this network trains with {spec.optimizer} (network.optimizer); use null")
        return None
    if value is None:
        if steps > 0:
            raise SessionError("adam", "missing; an Adam session after its first step needs its moment buffers m, v "
                               "and step count t to continue exactly")
        return None  # the Trainer starts Adam at m = v = 0, t = 0
    if not isinstance(value, dict):
        raise SessionError("adam", f"must be an object {{t, m, v}}, not {kind(value)}")
    for key in KEYS:
        if key not in value:
            raise SessionError(f"adam.{key}", "missing; Adam's state is t (steps taken), m and v (per parameter)")
    extra = sorted(set(value) - set(KEYS))
    if extra:
        raise SessionError(f"adam.{extra[0][:40]}", "unknown key; Adam's state has t, m and v")
    t = value["t"]
    if not is_int(t) or not 0 <= t <= steps:
        what = "epochs" if steps == epoch else "update steps"
        raise SessionError("adam.t", f"must be a whole number from 0 to the {what} done ({steps}), "
                           f"not {json_text(t)}")
    m = param_set("adam.m", value["m"], spec)
    v = param_set("adam.v", value["v"], spec)
    for name, x in v.items():
        if bool((x < 0).any()):
            raise SessionError(f"adam.v.{name}", "has a negative entry; v is a running mean of squared "
                               "gradients, never below 0")
    return AdamState(m, v, t)


def equal(a: AdamState | None, b: AdamState | None) -> bool:
    """Both absent, or the same state bit for bit (for tests and round trips)."""
    if a is None or b is None:
        return a is b
    return a.equal(b)


__all__ = ["adam_to_json", "adam_from_json", "equal"]
