"""Aliasing in the learner's code: a gradient that was right when assigned and changed in place later.

Runs in the child, during the checked run only (sys.settrace line events in the learner's own code).
"""

from __future__ import annotations

import torch

from .values import as_tensor


class Aliasing:
    """Line tracing of the checked run: a d_<name> tensor that a later line changes in place (its version
    counter moves while the name still holds the same object) is remembered with its value when assigned,
    the line that assigned it and the first line that changed it (the cs231n idiom
    `d_a2[a2 <= 0] = 0; d_l2 = d_a2` masks d_a2 itself)."""

    def __init__(self, ns: dict, names: list[str], filename: str):
        self.ns, self.names, self.filename = ns, names, filename
        self.seen: dict[str, list] = {}  # name -> [tensor, version, value when assigned, line]
        self.changed: dict[str, int] = {}
        self.via: dict[str, str] = {}  # name -> another tracked name bound to the same tensor then
        self.prev: int | None = None

    def global_trace(self, frame, event, arg):
        return self.local_trace if frame.f_code.co_filename == self.filename else None

    def local_trace(self, frame, event, arg):
        if event in ("line", "return"):
            self.observe()
            self.prev = frame.f_lineno if event == "line" else self.prev
        return self.local_trace

    def observe(self) -> None:
        for name in self.names:
            v = self.ns.get(name)
            if not isinstance(v, torch.Tensor):
                continue
            rec = self.seen.get(name)
            if rec is None or rec[0] is not v:
                if v.numel() <= 10**6:
                    self.seen[name] = [v, v._version, v.detach().clone(), self.prev]
                self.changed.pop(name, None)
            elif v._version != rec[1]:
                rec[1] = v._version
                if name not in self.changed:
                    self.changed[name] = self.prev
                    other = [n for n in self.names if n != name and self.ns.get(n) is v]
                    if other:
                        self.via[name] = other[0]

    def report(self) -> dict:
        out = {}
        for name, line in self.changed.items():
            v, _, value, assigned = self.seen[name]
            if line is not None and assigned is not None and self.ns.get(name) is v:
                t = as_tensor(value)
                if isinstance(t, torch.Tensor):
                    via = self.via.get(name) or next(
                        (n for n in self.names if n != name and self.ns.get(n) is v), None)
                    out[name] = {"value": t, "line": int(assigned), "changed_line": int(line), "via": via}
        return out
