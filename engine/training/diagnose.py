"""Divergence diagnosis: when any value of an epoch becomes non-finite (the loss, a parameter, or any operation
in between, such as l1 = a0 @ w1 + b1 overflowing while the loss stays finite), find the first epoch and the
first operation that produced it, and say why.

Every command asks the same question of the same trace (`explain_epoch`), so `run`, `trace` and the app give
one diagnosis: the epoch it first happens in, the operation, and the cause. When the weights were already that
large before any training from them (a session or an edit gave them), the cause is the starting weights, not
the learning rate.

A diagnosis carries a stable `code` (the kind: weights_exploding | overflow | log_zero | div_zero |
exp_overflow | propagated), its `numbers`, and `text`: an engine.text.Text whose English template lives in
engine/text/training.py (`reason` is that text rendered in English).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import torch

from engine.core.network import Network
from engine.core.trace import LINEAR, LOSS, LOSS_GRAD, UPDATE, Recorder, Step
from engine.core.update import clone_state
from engine.text import Text, render

HEALTHY_RATIO = 1e-3


@dataclass(frozen=True)
class Diagnosis:
    epoch: int  # the epoch whose computation first produced a non-finite value
    last_finite_epoch: int  # roll back here: the state after this many epochs is finite
    step: str  # the first non-finite operation, e.g. "w1" (its update), "l1", "loss", "d_loss"
    phase: str
    code: str  # weights_exploding | overflow | log_zero | div_zero | exp_overflow | propagated
    text: Text  # why, as a template code and its arguments
    numbers: dict = field(default_factory=dict)

    @property
    def reason(self) -> str:
        return render(self.text)

    def summary_text(self) -> Text:
        return Text("diverge.summary", {"epoch": self.epoch, "step": self.step, "phase": self.phase,
                                        "reason": self.text})

    def summary(self) -> str:
        return render(self.summary_text())


def _finite(t: torch.Tensor) -> bool:
    return bool(torch.isfinite(t).all())


def forward_finite(net: Network, P, X) -> bool:
    """Whether every pre-activation and activation of a forward pass with parameters P is finite."""
    ls, as_ = net.forward(P, X)
    return all(_finite(t) for t in ls) and all(_finite(t) for t in as_)


def epoch_finite(net: Network, P, X, loss) -> bool:
    """After an epoch on the fast path: its loss and the parameters it left are finite."""
    return math.isfinite(float(loss)) and all(_finite(v) for v in P.values())


def first_bad_epoch(net: Network, P, V, X, T, start_epoch: int, stop_epoch: int, steps=None):
    """Replay from a finite state at `start_epoch`; return (epoch d, params and velocity before d) for the first
    epoch d ≤ stop_epoch whose forward pass, loss or update is non-finite, or (None, …). `steps(e)`: the
    (X_b, T_b) of epoch e's mini-batch steps (default: one step on X, T)."""
    P = {k: v.clone() for k, v in P.items()}
    V = clone_state(V)  # momentum buffers or Adam's state
    for e in range(start_epoch + 1, stop_epoch + 1):
        before_p = {k: v.clone() for k, v in P.items()}
        before_v = clone_state(V)
        for Xb, Tb in ([(X, T)] if steps is None else steps(e)):
            if not forward_finite(net, P, Xb):
                return e, before_p, before_v
            loss, _ = net.epoch(P, V, Xb, Tb, need_grads=False)
            if not epoch_finite(net, P, Xb, loss):
                return e, before_p, before_v
    return None, P, V


def display_only(spec) -> set[str]:
    """Steps shown for the learner but not used by the engine's maths (the textbook d_loss of bce/softmax)."""
    return {"d_loss"} if spec.loss != "mse" else set()


def diagnose(trainer) -> Diagnosis:
    """Diagnose a trainer in which a non-finite value appeared at or before its current epoch. Changes nothing."""
    cps = [e for e in trainer.checkpoint_epochs() if e <= trainer.epoch
           and all(_finite(v) for v in trainer._checkpoints[e].params.values())]
    base = max(cps)
    cp = trainer._checkpoints[base]
    net = trainer.net
    steps = getattr(trainer, "epoch_steps", None)  # mini-batches: each epoch's (X_b, T_b), from a step on
    first = {base + 1: cp.batch} if steps is not None and getattr(cp, "batch", 0) else {}
    each = None if steps is None else (lambda e: steps(e, first.get(e, 0)))
    V0 = cp.adam if cp.adam is not None else cp.velocity
    d, P, V = first_bad_epoch(net, cp.params, V0, trainer.X, trainer.T, base, trainer.epoch, each)
    if d is None:  # nothing non-finite up to now: the next epoch is the one (its forward pass overflows)
        d, P, V = trainer.epoch + 1, trainer.params_copy(), trainer.opt_state
        first = {d: trainer.batch}
        each = None if steps is None else (lambda e: steps(e, first.get(e, 0)))
    Pc = {k: v.clone() for k, v in P.items()}
    Vc = clone_state(V)
    # trace the first bad step of d (its only step, without mini-batches)
    for j, (Xb, Tb) in enumerate([(trainer.X, trainer.T)] if each is None else each(d)):
        rec, before = Recorder(), {k: v.clone() for k, v in Pc.items()}
        net.epoch(Pc, Vc, Xb, Tb, rec)
        if not all(_finite(s.result) for s in rec.steps if s.name not in display_only(trainer.spec)):
            break
    return explain_epoch(rec.steps, trainer.spec, before, d, display_only(trainer.spec),
                         start=d - 1 == trainer.start_epoch and j == 0)


def diagnose_trace(trainer, et) -> Diagnosis | None:
    """The diagnosis of one traced epoch (an engine.training.trainer.EpochTrace), or None if all is finite."""
    # Where can a non-finite value hide? Only in a pre-activation l{k}: σ, tanh and ReLU turn ±inf into
    # finite values. Anywhere else it reaches the loss or the parameters after the update: a NaN stays NaN,
    # an inf in d_a or d_w becomes inf or NaN (0·inf) in every gradient and update downstream of it. So the
    # l{k}, the loss and the updated parameters are checked, and cheaply (stepping stays fast): the loss is
    # already a float, and one sum of the rest is finite whenever they all are (a NaN or ±inf anywhere makes
    # it NaN or ±inf). Only when that sum is not finite, which finite but huge values can also cause, is each
    # value tested; and only when one of them is not finite is the epoch's every step looked at.
    checked = [s.output for s in et.steps if s.op == LINEAR]
    checked += et.params_after.values()
    if math.isfinite(et.loss) and (not checked or math.isfinite(_sum(checked))):
        return None
    if math.isfinite(et.loss) and all(_finite(t) for t in checked):
        return None
    hidden = display_only(trainer.spec)
    return explain_epoch(et.steps, trainer.spec, et.params_before, et.epoch, hidden,
                         start=et.epoch - 1 == trainer.start_epoch)


def _sum(tensors) -> float:
    """The sum of every entry of `tensors`, in one reduction: NaN or ±inf when any entry is (or it overflows)."""
    return float(torch.cat([t if t.dim() == 1 else t.reshape(-1) for t in tensors]).sum())  # (biases are 1-D)


def explain_epoch(steps, spec, params_before, epoch: int, display_only=frozenset(), start: bool = False
                  ) -> Diagnosis:
    """Name the first non-finite step of an epoch's trace and why it is non-finite. `start`: the parameters
    before this epoch are the ones training started from (no update of ours made them)."""
    for s in steps:
        if s.name in display_only or _finite(s.result):
            continue
        code, text, numbers = explain(s, spec, params_before, steps, epoch if start else None)
        return Diagnosis(epoch, epoch - 1, s.name, s.phase, code, text, numbers)
    return Diagnosis(epoch, epoch - 1, "?", "?", "propagated", Text("diverge.unknown"), {})


def update_ratios(steps, spec) -> dict[str, float]:
    """lr·‖d_w‖ / ‖w‖ per weight, from a trace (healthy ≈ 1e-3); with Adam ‖Δw‖ / ‖w‖, its actual step."""
    out = {}
    for s in steps:
        if s.op == UPDATE and s.name.startswith("w"):
            w, g = s.operands[0].value, s.operands[1].value
            wn = float(torch.linalg.vector_norm(w.double()))
            step = next((o.value for o in s.operands if o.name == "Δ" + s.name), None)  # Adam's step
            gn = float(torch.linalg.vector_norm((g if step is None else step).double()))
            out[s.name] = (spec.lr if step is None else 1.0) * gn / wn if wn > 0 else math.inf
    return out


def _g(x: float) -> str:
    return f"{x:.3g}"


def explain(s: Step, spec, params_before, steps, start_epoch: int | None = None) -> tuple[str, Text, dict]:
    """(code, Text, numbers) for the first non-finite step `s`. `start_epoch`: the epoch number when the
    parameters before it are the starting ones (then large weights are blamed on the start, not on lr)."""
    bad_in = [o.name for o in s.operands if not _finite(o.value)]
    maxw = max(float(v.abs().max()) for k, v in params_before.items() if k.startswith("w"))
    cause = (Text("cause.start", {"epoch": start_epoch}) if start_epoch is not None
             else Text("cause.lr", {"lr": f"{spec.lr:g}"}))
    if s.op == UPDATE:
        ratios = update_ratios(steps, spec)
        r = ratios.get(s.name if s.name.startswith("w") else "w" + s.name[1:], math.nan)
        return "weights_exploding", Text("diverge.weights_exploding", {
            "step": s.name, "ratio": _g(r), "healthy": f"{HEALTHY_RATIO:g}", "lr": f"{spec.lr:g}"}), \
            {"ratio": r, "lr": spec.lr, "max_abs_w": maxw}
    if s.op == LOSS and not any(o.name in bad_in for o in s.operands[:2]):
        # y_pred and y are finite: the loss itself overflowed ("loss per sample" is display-only, computed
        # from the same y_pred, so it is not an upstream cause)
        per = next((o.value for o in s.operands if o.name == "loss per sample"), None)
        if spec.l2 and per is not None and _finite(per):
            return "overflow", Text("diverge.l2_overflow", {"max_w": _g(maxw), "dtype": spec.dtype,
                                                            "cause": cause}), {"max_abs_w": maxw}
        if spec.loss == "mse":
            ymax = float(s.operands[0].value.abs().max())
            return "overflow", Text("diverge.mse_overflow", {"max_y": _g(ymax), "dtype": spec.dtype,
                                                             "cause": cause}), \
                {"max_abs_y_pred": ymax, "max_abs_w": maxw}
    if bad_in:
        return "propagated", Text("diverge.propagated", {"step": s.name, "operand": bad_in[0]}), \
            {"operand": bad_in[0]}
    if s.op == LINEAR:
        return "overflow", Text("diverge.linear_overflow", {"step": s.name, "max_w": _g(maxw), "dtype": spec.dtype,
                                                            "cause": cause}), \
            {"max_abs_w": maxw, **({"start": True} if start_epoch is not None else {})}
    if s.op in (LOSS_GRAD, LOSS):
        yp = s.operands[0].value
        sat = int(((yp == 0) | (yp == 1)).sum())
        code = "div_zero" if s.op == LOSS_GRAD else "log_zero"
        return code, Text(f"diverge.{code}", {"saturated": sat}), {"saturated": sat}
    return "exp_overflow", Text("diverge.exp_overflow", {"step": s.name, "dtype": spec.dtype}), {}
