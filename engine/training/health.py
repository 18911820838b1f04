"""Training-health readings: start loss against chance, update/weight ratio per layer, saturated or dead
units. Each reading has a stable code, a level (ok / warn / bad), its numbers and an English line.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import torch

from .diagnose import HEALTHY_RATIO, update_ratios


@dataclass(frozen=True)
class Reading:
    code: str  # start_loss | update_ratio | saturated | dead
    level: str  # ok | warn | bad
    text: str
    layer: int | None = None
    numbers: dict = field(default_factory=dict)


def chance_loss(trainer) -> float:
    """The loss of always predicting the class frequencies (ln 2 for balanced binary, ln K for K classes);
    for MSE, the variance of the targets (predicting their mean)."""
    spec, T = trainer.spec, trainer.T
    if spec.loss == "mse":
        return float(T.y.double().var(unbiased=False).mean())
    if spec.loss == "bce":
        p = float(T.y.double().mean())
        probs = [p, 1 - p]
    else:
        probs = T.y.double().mean(0).tolist()
    return -sum(q * math.log(q) for q in probs if q > 0)


def readings(trainer, trace=None) -> list[Reading]:
    """Readings for the trainer's current state (`trace`: a peek of the next epoch, computed if missing)."""
    trace = trace or trainer.peek()
    out: list[Reading] = []
    chance = chance_loss(trainer)
    start = trainer.losses[0] if trainer.losses else trace.loss
    ratio = start / chance if chance > 0 else math.inf
    if not math.isfinite(start):
        out.append(Reading("start_loss", "bad", f"start loss {start}: not a number", None, {"loss": start}))
    elif ratio > 1.5:
        out.append(Reading("start_loss", "warn", f"start loss {start:.4g} vs chance {chance:.4g}: the initial "
                           "weights make confident wrong guesses; smaller initial weights would start near chance",
                           None, {"loss": start, "chance": chance}))
    else:
        out.append(Reading("start_loss", "ok", f"start loss {start:.4g} vs chance {chance:.4g}: a sensible start",
                           None, {"loss": start, "chance": chance}))
    for name, r in update_ratios(trace.steps, trainer.spec).items():
        k = int(name[1:])
        if not math.isfinite(r):
            lvl, txt = "bad", f"ratio {r}: the weights or gradients are not finite"
        elif r < HEALTHY_RATIO / 100:
            lvl, txt = "warn", f"ratio {r:.1e}: learning rate likely too small"
        elif r > HEALTHY_RATIO * 100:
            lvl, txt = "bad", f"ratio {r:.1e}: learning rate likely too large"
        else:
            lvl, txt = "ok", f"ratio {r:.1e}: healthy (≈ {HEALTHY_RATIO:g})"
        out.append(Reading("update_ratio", lvl, f"{name}: {txt}", k, {"ratio": r}))
    ls, as_ = trainer.forward()
    for k, h in enumerate(trainer.spec.hidden, start=1):
        a, l = as_[k], ls[k - 1]
        if h.activation in ("sigmoid", "tanh"):
            lo = 0.01 if h.activation == "sigmoid" else -0.99
            frac = float(((a < lo) | (a > 0.99)).double().mean())
            lvl = "ok" if frac < 0.1 else ("warn" if frac < 0.5 else "bad")
            out.append(Reading("saturated", lvl, f"a{k}: {frac:.0%} of {h.activation} outputs saturated"
                               + ("" if lvl == "ok" else ": their gradients vanish"), k, {"fraction": frac}))
        elif h.activation == "relu":
            dead = int((l <= 0).all(0).sum())
            lvl = "ok" if dead == 0 else ("warn" if dead < h.units / 2 else "bad")
            out.append(Reading("dead", lvl, f"a{k}: {dead} of {h.units} ReLU units dead (0 for every sample)"
                               + ("" if dead == 0 else ": they no longer learn"), k, {"dead": dead, "units": h.units}))
    return out


def finite(t: torch.Tensor) -> bool:
    return bool(torch.isfinite(t).all())
