"""Training-health readings: start loss against chance, update/weight ratio per layer, saturated or dead
units. Each reading has a kind (`code`), a level (ok / warn / bad), its numbers, and `explanation`: an
engine.text.Text whose English template lives in engine/text/training.py (`text` is it rendered in English).

A tiny update ratio usually means a learning rate too small, but not when the units feeding the gradient are
saturated (sigmoid / tanh at their limits) or dead (ReLU 0 for every sample): then the gradient vanishes
whatever the learning rate, typically because steps that were too large pushed the units there. The reading
names that cause instead.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import torch

from engine.text import Text, render
from .diagnose import HEALTHY_RATIO, update_ratios

SATURATION_CAUSE = 0.5  # a layer at least this saturated explains a vanishing update ratio
TEST_RISE = 0.02  # the test loss "rises" once it is this much (relative) above its lowest …
TEST_RISE_EPOCHS = 5  # … at least this many epochs after it


@dataclass(frozen=True)
class Reading:
    code: str  # start_loss | update_ratio | saturated | dead | test_loss
    level: str  # ok | warn | bad
    explanation: Text
    layer: int | None = None
    numbers: dict = field(default_factory=dict)

    @property
    def text(self) -> str:
        return render(self.explanation)

    def to_dict(self) -> dict:
        """{kind, level, layer, code, args, text}: JSON-ready (non-finite numbers become null)."""
        return {"kind": self.code, "level": self.level, "layer": self.layer, **self.explanation.to_dict()}


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


def _units(trainer) -> list[Reading]:
    """Saturated sigmoid/tanh outputs and dead ReLU units, per hidden layer."""
    out = []
    ls, as_ = trainer.forward()
    for k, h in enumerate(trainer.spec.hidden, start=1):
        a, l = as_[k], ls[k - 1]
        if h.activation in ("sigmoid", "tanh"):
            lo = 0.01 if h.activation == "sigmoid" else -0.99
            frac = float(((a < lo) | (a > 0.99)).double().mean())
            lvl = "ok" if frac < 0.1 else ("warn" if frac < 0.5 else "bad")
            code = "health.saturated" if lvl == "ok" else "health.saturated.vanish"
            out.append(Reading("saturated", lvl, Text(code, {"a": f"a{k}", "fraction": f"{frac:.0%}",
                                                              "activation": h.activation}), k, {"fraction": frac}))
        elif h.activation == "relu":
            dead = int((l <= 0).all(0).sum())
            lvl = "ok" if dead == 0 else ("warn" if dead < h.units / 2 else "bad")
            code = "health.dead" if dead == 0 else "health.dead.stuck"
            out.append(Reading("dead", lvl, Text(code, {"a": f"a{k}", "dead": dead, "units": h.units}), k,
                               {"dead": dead, "units": h.units}))
    return out


def _vanishing_cause(k: int, units: dict[int, Reading]) -> Reading | None:
    """The saturated or dead layer that explains a vanishing gradient of w{k}: layer k itself (its derivative
    multiplies d_l{k}), else layer k−1 (its output multiplies d_w{k})."""
    for j in (k, k - 1):
        r = units.get(j)
        if r is None:
            continue
        if r.code == "saturated" and r.numbers["fraction"] >= SATURATION_CAUSE:
            return r
        if r.code == "dead" and r.numbers["dead"] >= r.numbers["units"] / 2:
            return r
    return None


def _ratio(name: str, r: float, spec, cause: Reading | None) -> tuple[str, Text]:
    args = {"w": name, "ratio": f"{r:.1e}" if math.isfinite(r) else str(r)}
    if not math.isfinite(r):
        return "bad", Text("health.ratio.nan", args)
    if r < HEALTHY_RATIO / 100:
        if cause is not None and cause.code == "saturated":
            return "bad", Text("health.ratio.saturated", {**args, "a": f"a{cause.layer}", "lr": f"{spec.lr:g}",
                                                          "fraction": f"{cause.numbers['fraction']:.0%}"})
        if cause is not None:
            return "bad", Text("health.ratio.dead", {**args, "a": f"a{cause.layer}", "lr": f"{spec.lr:g}",
                                                     "dead": cause.numbers["dead"], "units": cause.numbers["units"]})
        return "warn", Text("health.ratio.small", args)
    if r > HEALTHY_RATIO * 100:
        return "bad", Text("health.ratio.large", args)
    return "ok", Text("health.ratio.ok", {**args, "healthy": f"{HEALTHY_RATIO:g}"})


def readings(trainer, trace=None) -> list[Reading]:
    """Readings for the trainer's current state (`trace`: a peek of the next epoch, computed if missing)."""
    trace = trace or trainer.peek()
    out: list[Reading] = []
    chance = chance_loss(trainer)
    start = trainer.losses[0] if trainer.losses else trace.loss
    ratio = start / chance if chance > 0 else math.inf
    if not math.isfinite(start):
        out.append(Reading("start_loss", "bad", Text("health.start_loss.nan", {"loss": str(start)}), None,
                           {"loss": start}))
    else:
        args = {"loss": f"{start:.4g}", "chance": f"{chance:.4g}"}
        code, lvl = ("health.start_loss.high", "warn") if ratio > 1.5 else ("health.start_loss.ok", "ok")
        out.append(Reading("start_loss", lvl, Text(code, args), None, {"loss": start, "chance": chance}))
    units = _units(trainer)
    by_layer = {r.layer: r for r in units}
    for name, r in update_ratios(trace.steps, trainer.spec).items():
        k = int(name[1:])
        lvl, text = _ratio(name, r, trainer.spec, _vanishing_cause(k, by_layer))
        out.append(Reading("update_ratio", lvl, text, k, {"ratio": r}))
    return out + units + _test_loss(trainer)


def _history(arr, n: int) -> torch.Tensor:
    """The first n values of an array('d') as a float64 tensor (a copy: the array must stay free to grow)."""
    if n == 0:
        return torch.empty(0, dtype=torch.float64)
    view = torch.frombuffer(arr, dtype=torch.float64, count=n)
    out = view.clone()
    del view
    return out


def _test_loss(trainer) -> list[Reading]:
    """With a test set: does the test loss follow the training loss, or rise while it falls (overfitting)?
    Compares the latest epoch with the one of the lowest test loss so far."""
    held = trainer.held_out
    if held is None:
        return []
    n = min(len(held.losses), len(trainer.losses))
    test, train = _history(held.losses, n), _history(trainer.losses, n)
    ok = torch.isfinite(test) & torch.isfinite(train)
    epochs = torch.nonzero(ok).reshape(-1)
    if not len(epochs):  # nothing measured yet: the current parameters, on both parts
        test_now, _ = held.measure(trainer.params)
        train_now = trainer.current_loss()
        args = {"test": f"{test_now:.4g}", "train": f"{train_now:.4g}", "n": held.n}
        return [Reading("test_loss", "ok", Text("health.test.ok", args), None, {"test": test_now})]
    last = int(epochs[-1])
    best = int(epochs[torch.argmin(test[epochs])])
    t_now, t_best, l_now, l_best = (float(v) for v in (test[last], test[best], train[last], train[best]))
    numbers = {"test": t_now, "train": l_now, "best_epoch": best + 1, "best": t_best}
    rising = last - best >= TEST_RISE_EPOCHS and t_now > t_best * (1 + TEST_RISE) + 1e-12 and l_now < l_best
    if rising:
        args = {"best": f"{t_best:.4g}", "epoch": best + 1, "test": f"{t_now:.4g}", "train_then": f"{l_best:.4g}",
                "train": f"{l_now:.4g}", "n_train": int(trainer.X.shape[0])}
        return [Reading("test_loss", "warn", Text("health.test.overfit", args), None, numbers)]
    args = {"test": f"{t_now:.4g}", "train": f"{l_now:.4g}", "n": held.n}
    return [Reading("test_loss", "ok", Text("health.test.ok", args), None, numbers)]


def finite(t: torch.Tensor) -> bool:
    return bool(torch.isfinite(t).all())
