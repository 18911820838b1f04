"""Divergence diagnosis: when the loss or a parameter becomes non-finite, find the first epoch and the
first operation that produced a non-finite value, and say why in plain words.

Reasons carry a stable `code` and their numbers, so the app can word them in any language; `reason`
is the English wording.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import torch

from engine.core.network import Network
from engine.core.trace import LINEAR, LOSS, LOSS_GRAD, UPDATE, Recorder, Step

HEALTHY_RATIO = 1e-3


@dataclass(frozen=True)
class Diagnosis:
    epoch: int  # the epoch whose computation first produced a non-finite value
    last_finite_epoch: int  # roll back here: the state after this many epochs is finite
    step: str  # the first non-finite operation, e.g. "w1" (its update), "l1", "loss", "d_loss"
    phase: str
    code: str  # weights_exploding | overflow | log_zero | div_zero | exp_overflow | propagated
    reason: str
    numbers: dict = field(default_factory=dict)

    def summary(self) -> str:
        return f"diverged in epoch {self.epoch} at {self.step} ({self.phase}): {self.reason}"


def _finite(t: torch.Tensor) -> bool:
    return bool(torch.isfinite(t).all())


def first_bad_epoch(net: Network, P, V, X, T, start_epoch: int, stop_epoch: int):
    """Replay from a finite state at `start_epoch`; return (epoch d, params and velocity before d)."""
    P = {k: v.clone() for k, v in P.items()}
    V = {k: v.clone() for k, v in V.items()} if V else None
    for e in range(start_epoch + 1, stop_epoch + 1):
        before_p = {k: v.clone() for k, v in P.items()}
        before_v = {k: v.clone() for k, v in V.items()} if V else None
        loss, _ = net.epoch(P, V, X, T)
        if not math.isfinite(float(loss)) or not all(_finite(v) for v in P.values()):
            return e, before_p, before_v
    return None, P, V


def diagnose(trainer) -> Diagnosis:
    """Diagnose a trainer whose loss or parameters just became non-finite. Changes nothing."""
    cps = [e for e in trainer.checkpoint_epochs() if e <= trainer.epoch
           and all(_finite(v) for v in trainer._checkpoints[e].params.values())]
    base = max(cps)
    cp = trainer._checkpoints[base]
    net = trainer.net
    d, P, V = first_bad_epoch(net, cp.params, cp.velocity, trainer.X, trainer.T, base, trainer.epoch)
    if d is None:  # should not happen: report the present state
        d, P, V = trainer.epoch, trainer.params_copy(), None
    rec = Recorder()
    Pc = {k: v.clone() for k, v in P.items()}
    net.epoch(Pc, {k: v.clone() for k, v in V.items()} if V else None, trainer.X, trainer.T, rec)
    return explain_epoch(rec.steps, trainer.spec, P, d, display_only={"d_loss"} if trainer.spec.loss != "mse" else set())


def explain_epoch(steps, spec, params_before, epoch: int, display_only=frozenset()) -> Diagnosis:
    """Name the first non-finite step of an epoch's trace and why it is non-finite."""
    for s in steps:
        if s.name in display_only or _finite(s.result):
            continue
        code, reason, numbers = explain_step(s, spec, params_before, steps)
        return Diagnosis(epoch, epoch - 1, s.name, s.phase, code, reason, numbers)
    return Diagnosis(epoch, epoch - 1, "?", "?", "propagated", "a value became non-finite", {})


def update_ratios(steps, spec) -> dict[str, float]:
    """lr·‖d_w‖ / ‖w‖ per weight, from a trace (healthy ≈ 1e-3)."""
    out = {}
    for s in steps:
        if s.op == UPDATE and s.name.startswith("w"):
            w, g = s.operands[0].value, s.operands[1].value
            wn = float(torch.linalg.vector_norm(w.double()))
            gn = float(torch.linalg.vector_norm(g.double()))
            out[s.name] = spec.lr * gn / wn if wn > 0 else math.inf
    return out


def explain_step(s: Step, spec, params_before, steps) -> tuple[str, str, dict]:
    """(code, English reason, numbers) for the first non-finite step `s`."""
    bad_in = [o.name for o in s.operands if not _finite(o.value)]
    maxw = max(float(v.abs().max()) for k, v in params_before.items() if k.startswith("w"))
    if s.op == UPDATE:
        ratios = update_ratios(steps, spec)
        r = ratios.get(s.name if s.name.startswith("w") else "w" + s.name[1:], math.nan)
        return "weights_exploding", (
            f"{s.name} overflowed in its update: lr·d_{s.name} is {r:.3g} times the size of "
            f"{s.name[0]}{s.name[1:]} (healthy ≈ {HEALTHY_RATIO:g}), so the weights grew each epoch until they "
            f"overflowed; the learning rate {spec.lr:g} is too large"), {"ratio": r, "lr": spec.lr, "max_abs_w": maxw}
    if s.op == LOSS and not any(o.name in bad_in for o in s.operands[:2]):
        # y_pred and y are finite: the loss itself overflowed ("loss per sample" is display-only, computed
        # from the same y_pred, so it is not an upstream cause)
        per = next((o.value for o in s.operands if o.name == "loss per sample"), None)
        if spec.l2 and per is not None and _finite(per):
            return "overflow", (
                f"the L2 term (l2/2)·Σ‖w‖² overflowed: the weights are so large (max |w| = {maxw:.3g}) that "
                f"their squares exceed the largest {spec.dtype} number; the learning rate {spec.lr:g} is too "
                "large"
            ), {"max_abs_w": maxw}
        if spec.loss == "mse":
            ymax = float(s.operands[0].value.abs().max())
            return "overflow", (
                f"the squared errors overflowed: the predictions reach |y_pred| = {ymax:.3g}, and "
                f"(y_pred − y)² exceeds the largest {spec.dtype} number; the learning rate {spec.lr:g} is too "
                "large"
            ), {"max_abs_y_pred": ymax, "max_abs_w": maxw}
    if bad_in:
        return "propagated", (f"{s.name} is non-finite because {bad_in[0]} already was"), {"operand": bad_in[0]}
    if s.op == LINEAR:
        return "overflow", (
            f"{s.name} overflowed: the weights are so large (max |w| = {maxw:.3g}) that the product "
            f"exceeds the largest {spec.dtype} number; the learning rate {spec.lr:g} is too large"), {"max_abs_w": maxw}
    if s.op == LOSS_GRAD:
        yp = s.operands[0].value
        sat = int(((yp == 0) | (yp == 1)).sum())
        return "div_zero", (
            f"d_loss divides by y_pred and by 1 − y_pred; {sat} prediction(s) are saturated at exactly 0 or 1, "
            "so a division by zero gives inf or nan. σ'(l)·d_loss simplifies to (y_pred − y)/N, which never divides"
        ), {"saturated": sat}
    if s.op == LOSS:
        yp = s.operands[0].value
        sat = int(((yp == 0) | (yp == 1)).sum())
        return "log_zero", (
            f"the loss takes log(y_pred) and log(1 − y_pred); {sat} saturated prediction(s) make that log(0) = −inf. "
            "Compute the loss from l with a stable formula (softplus), as the engine does"), {"saturated": sat}
    return "exp_overflow", (
        f"{s.name} overflowed: exp of a large pre-activation exceeds the largest {spec.dtype} number"), {}
