"""What the child hands back, and how the parent reads it without trusting it.

The child (engine.checker.sandbox.main) writes `result.pt` with torch.save: plain data only,

    {"version": 1,
     "error":   None | {type, line, message, hint, code, numbers, text, col, target, hint_text, message_text},
     "got":     {d_name: float64 tensor | "type name"},           # the learner's gradients
     "changed": {param: float64 tensor | "type name"},            # parameters their code changed
     "aliased": {d_name: {"value": tensor, "line": int, "changed_line": int}},   # see learner.Aliasing
     "train":   None | {epochs_run, diverged_at, loss: [float], diagnosis, error, …},
     "shapes":  None | the shape of every sub-expression of the checked run (engine.checker.shape_notes)}

The parent reads it with `torch.load(weights_only=True)` (no code runs while reading: only tensors and plain
containers are accepted) and then `validate` keeps what has the expected form and refuses the rest: a file
that is too large, not a dict, nested too deeply, or with a tensor that is not a plain float64 tensor of at
most MAX_COMPARE entries raises Unreadable ("your code's results could not be read"). Nothing in the file
is a verdict: the parent judges the tensors itself (engine.checker.judging). An explanation the child
worded (an error's hint_text and message_text, a diagnosis's explanation: {code, args}) is kept only when its
code is an engine template that its arguments fill in; its English ("hint", "message", "reason") is then
rendered here from that template, never taken from the child.
"""

from __future__ import annotations

import os

import torch

from engine.text import Text, render

from . import shape_notes
from .values import F64, MAX_COMPARE

MAX_FILE = 48 * 2**20
MAX_TEXT = 4000


class Unreadable(Exception):
    """The child's result is missing or not of the expected form."""


def write(path: str, raw: dict) -> None:
    torch.save(raw, path + ".part")
    os.replace(path + ".part", path)


def read(path: str, grad_names: list[str], param_names: list[str]) -> dict:
    """The validated result (see the module doc), or Unreadable."""
    try:
        size = os.path.getsize(path)
    except OSError:
        raise Unreadable("no result") from None
    if size > MAX_FILE:
        raise Unreadable("result too large")
    try:
        raw = torch.load(path, weights_only=True, map_location="cpu")
    except Exception as e:  # noqa: BLE001 - any failure to read is the same answer; RecursionError too
        raise Unreadable(type(e).__name__) from None
    try:
        return validate(raw, grad_names, param_names)
    except (TypeError, ValueError, KeyError, AttributeError, RecursionError) as e:
        raise Unreadable(str(e)[:200]) from None


def validate(raw, grad_names, param_names) -> dict:
    if not isinstance(raw, dict) or raw.get("version") != 1:
        raise ValueError("not a result")
    out = {"error": _error(raw.get("error")), "got": {}, "changed": {}, "aliased": {},
           "train": _train(raw.get("train")), "shapes": shape_notes.validate(raw.get("shapes"))}
    for key, names in (("got", grad_names), ("changed", param_names)):
        d = _dict(raw.get(key, {}))
        for name in names:
            if name in d:
                out[key][name] = _value(d[name])
    for name, a in _dict(raw.get("aliased", {})).items():
        if name in grad_names:
            a = _dict(a)
            via = a.get("via")
            out["aliased"][name] = {"value": _tensor(a["value"]), "line": _int(a["line"]),
                                    "changed_line": _int(a["changed_line"]),
                                    "via": via if via in grad_names or via is None else None}
    return out


def _dict(v) -> dict:
    if not isinstance(v, dict) or not all(isinstance(k, str) for k in v):
        raise TypeError("not a dict of names")
    return v


def _tensor(t) -> torch.Tensor:
    if type(t) is not torch.Tensor or t.dtype != F64 or t.layout != torch.strided or t.dim() > 4:
        raise TypeError("not a plain float64 tensor")
    if t.numel() > MAX_COMPARE:
        raise ValueError("tensor too large")
    return t.detach().clone()


def _value(v):
    if isinstance(v, str):
        return v[:200]  # a NotATensor's type name
    return _tensor(v)


def _int(v, optional: bool = False):
    if v is None and optional:
        return None
    if type(v) is not int:
        raise TypeError("not an int")
    return v


def _text(v, optional: bool = True):
    if v is None and optional:
        return None
    if not isinstance(v, str):
        raise TypeError("not text")
    return v[:MAX_TEXT]


def _plain(v, depth: int = 0, limit: int = 3):
    """Numbers, text, and short lists and dicts of them (an explanation's numbers)."""
    if v is None or type(v) in (bool, int, float, str):
        return v[:MAX_TEXT] if isinstance(v, str) else v
    if depth < limit and isinstance(v, (list, tuple)) and len(v) <= 64:
        return [_plain(x, depth + 1, limit) for x in v]
    if depth < limit and isinstance(v, dict) and len(v) <= 64:
        return {str(k)[:100]: _plain(x, depth + 1, limit) for k, x in v.items()}
    raise TypeError("not plain data")


def _explanation(v) -> dict | None:
    """An engine Text's {code, args, text} from the child's {code, args}, or None when it is not one."""
    if v is None:
        return None
    try:
        return Text.from_dict(_plain(_dict(v), limit=7)).to_dict()
    except (TypeError, ValueError):
        return None


def _error(e):
    if e is None:
        return None
    e = _dict(e)
    out = {"type": _text(e["type"], False), "line": _int(e.get("line"), True),
           "message": _text(e.get("message", ""), False), "hint": _text(e.get("hint", ""), False),
           "code": _text(e.get("code", "exception"), False), "numbers": _plain(_dict(e.get("numbers", {}))),
           "text": _text(e.get("text")), "col": _int(e.get("col"), True), "target": _text(e.get("target"))}
    for key in ("hint", "message"):
        out[key + "_text"] = t = _explanation(e.get(key + "_text"))
        if t is not None:
            out[key] = t["text"][:MAX_TEXT]
    if "epoch" in e:
        out["epoch"] = _int(e["epoch"], True)
    return out


def _train(t):
    if t is None:
        return None
    t = _dict(t)
    loss = t.get("loss", [])
    if not isinstance(loss, list) or len(loss) > 10**7 or not all(type(x) is float for x in loss):
        raise TypeError("loss not a list of numbers")
    return {"epochs_run": _int(t["epochs_run"]), "diverged_at": _int(t.get("diverged_at"), True),
            "loss": list(loss), "diagnosis": _diagnosis(t.get("diagnosis")),
            "error": _error(t.get("error")), "time_limit": t.get("time_limit") if type(t.get("time_limit"))
            is float else None,
            "engine_updated": [_text(x, False) for x in t.get("engine_updated", [])][:64],
            "not_updated": [_text(x, False) for x in t.get("not_updated", [])][:64]}


def _diagnosis(d):
    """Why training with the learner's code diverged: plain numbers, and its explanation re-rendered here."""
    if d is None:
        return None
    d = dict(_dict(d))
    explanation = _explanation(d.pop("explanation", None))
    out = _plain(d)
    out["explanation"] = explanation
    if explanation is not None:
        text = Text.from_dict(explanation)
        out["reason"] = explanation["text"]
        out["summary"] = render(Text("diverge.summary", {"epoch": out.get("epoch"), "step": out.get("step"),
                                                         "phase": out.get("phase"), "reason": text}))
    return out
