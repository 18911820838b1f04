"""When training diverges, the Diagnosis names the first bad epoch d (its loss or the parameters after it are
non-finite, and everything before is finite), the first non-finite operation of that epoch, a stable code
and a reason; rewinding to last_finite_epoch gives finite parameters. The health readings see a start loss
far from chance, a learning rate too small or too large, saturated sigmoids and dead ReLUs.
"""

from __future__ import annotations

import math
from types import SimpleNamespace

import pytest
import torch

from engine.training.diagnose import Diagnosis, diagnose, explain_epoch
from engine.training.health import chance_loss, readings
from engine.core.spec import Init, Layer, NetworkSpec
from engine.core.trace import PHASES
from engine.training.trainer import Trainer

F64 = torch.float64
CODES = {"weights_exploding", "overflow", "log_zero", "div_zero", "exp_overflow", "propagated"}


def sine(n=20, seed=0):
    g = torch.Generator().manual_seed(seed)
    x = torch.sort(torch.rand(n, generator=g, dtype=F64) * 6 - 3).values[:, None]
    return SimpleNamespace(X=x, y=torch.sin(x), task="regression", n_classes=0, n_features=1, n_targets=1)


def xor():
    X = torch.tensor([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]], dtype=F64)
    return SimpleNamespace(X=X, y=torch.tensor([0, 1, 1, 0]), task="binary", n_classes=2, n_features=2, n_targets=1)


def regression_net(act, lr, dtype="float32", **kw):
    return NetworkSpec(inputs=1, hidden=(Layer(8, act),), outputs=1, output_activation="linear", loss="mse", lr=lr,
                       dtype=dtype, **kw)


DIVERGING = {
    "linear-lr50-f32": regression_net("linear", 50.0),
    "tanh-lr50-f32": regression_net("tanh", 50.0),
    "relu-lr1000-f32": regression_net("relu", 1000.0, init=Init("he")),
    "tanh-lr50-f64": regression_net("tanh", 50.0, dtype="float64"),
    "linear-lr20-momentum-l2-f32": regression_net("linear", 20.0, momentum=0.9, l2=0.1),
}


def finite_params(t) -> bool:
    return all(bool(torch.isfinite(v).all()) for v in t.params.values())


@pytest.mark.parametrize("case", list(DIVERGING))
def test_diverging_run_is_diagnosed(case):
    spec = DIVERGING[case]
    t = Trainer(spec, sine())
    snaps = list(t.train(2000))
    last = snaps[-1]
    assert last.done and isinstance(last.diagnosis, Diagnosis) and t.diagnosis is last.diagnosis
    d = last.diagnosis
    assert d.epoch <= t.epoch and d.last_finite_epoch == d.epoch - 1
    assert d.code in CODES and d.phase in PHASES and d.step and d.reason
    assert f"epoch {d.epoch}" in d.summary() and d.step in d.summary()

    # the definition of d, checked by an independent replay on the fast path
    r = Trainer(spec, sine())
    for _ in range(d.epoch - 1):
        r.step_fast()
    assert all(math.isfinite(v) for v in r.losses) and finite_params(r)
    peek = r.peek()  # epoch d, traced
    loss_d = r.step_fast()
    assert not math.isfinite(loss_d) or not finite_params(r)

    # the step it names is the first non-finite one of epoch d's trace (d_loss of the CE losses is display-only)
    first = next(s for s in peek.steps if not bool(torch.isfinite(s.result).all()))
    assert (d.step, d.phase) == (first.name, first.phase)

    # rewinding to last_finite_epoch gives finite parameters
    t.rewind(d.last_finite_epoch)
    assert t.epoch == d.last_finite_epoch and finite_params(t) and t.diagnosis is None
    assert all(math.isfinite(v) for v in t.losses)


def test_weights_overflowing_in_the_forward_pass_are_named():
    t = Trainer(DIVERGING["linear-lr50-f32"], sine())
    d = list(t.train(100))[-1].diagnosis
    assert (d.step, d.phase, d.code) == ("l2", "forward", "overflow")
    assert "learning rate 50 is too large" in d.reason and "float32" in d.reason
    assert d.numbers["max_abs_w"] > 1e18


def test_squared_error_overflow_is_not_called_propagated():
    t = Trainer(DIVERGING["tanh-lr50-f32"], sine())
    d = list(t.train(100))[-1].diagnosis
    assert (d.step, d.phase, d.code) == ("loss", "forward", "overflow")
    assert "squared errors overflowed" in d.reason and "learning rate 50 is too large" in d.reason
    assert math.isfinite(d.numbers["max_abs_y_pred"])


def test_l2_term_overflow_is_named():
    """Huge weights that (nearly) cancel in y_pred: the data loss is finite, (l2/2)·Σ‖w‖² is not (float32)."""
    values = {"w1": [[0.5, 0.5]], "b1": [0.0, 0.0], "w2": [[1.5e19], [-1.5e19]], "b2": [0.0]}
    spec = NetworkSpec(inputs=1, hidden=(Layer(2, "tanh"),), outputs=1, output_activation="linear", loss="mse",
                       l2=0.01, init=Init("explicit", values=values))
    trace = Trainer(spec, sine()).step()
    assert not math.isfinite(trace.loss) and bool(torch.isfinite(trace.step("y_pred").result).all())
    d = explain_epoch(trace.steps, spec, trace.params_before, 1)
    assert (d.step, d.phase, d.code) == ("loss", "forward", "overflow")
    assert "L2 term" in d.reason and d.numbers["max_abs_w"] == pytest.approx(1.5e19, rel=1e-6)


def test_diagnose_changes_nothing():
    t = Trainer(DIVERGING["tanh-lr50-f64"], sine())
    d0 = list(t.train(2000))[-1].diagnosis
    params, epoch, losses = t.params_copy(), t.epoch, list(t.losses)
    d1 = diagnose(t)
    assert d1 == d0
    assert t.epoch == epoch and len(t.losses) == len(losses)
    assert all(a == b or (math.isnan(a) and math.isnan(b)) for a, b in zip(t.losses, losses))
    for k in params:
        torch.testing.assert_close(t.params[k], params[k], rtol=0, atol=0, equal_nan=True)


def test_explain_epoch_reports_a_division_by_zero_in_the_textbook_d_loss():
    """The notebook's d_loss = y/y_pred − (1−y)/(1−y_pred) divides by zero once y_pred saturates at 1."""
    values = {"w1": [[40.0, 40.0], [40.0, 40.0]], "b1": [40.0, 40.0], "w2": [[40.0], [40.0]], "b2": [40.0]}
    spec = NetworkSpec(init=Init("explicit", values=values))
    t = Trainer(spec, xor())
    trace = t.step()
    assert math.isfinite(trace.loss) and finite_params(t)  # the engine's stable form is fine
    d = explain_epoch(trace.steps, spec, trace.params_before, 1)
    assert (d.step, d.code) == ("d_loss", "div_zero")
    assert "(y_pred − y)/N" in d.reason and d.numbers["saturated"] == 4


# ----- health --------------------------------------------------------------------------------------
def by_code(rs, code, layer=None):
    return [r for r in rs if r.code == code and (layer is None or r.layer == layer)]


def test_start_loss_against_chance_on_xor():
    t = Trainer(NetworkSpec(seed=0), xor())
    assert math.isclose(chance_loss(t), math.log(2), rel_tol=1e-12)
    epoch, params = t.epoch, t.params_copy()
    rs = readings(t)
    assert t.epoch == epoch and len(t.losses) == 0  # readings peek, they do not step
    assert all(torch.equal(t.params[k], params[k]) for k in params)
    (start,) = by_code(rs, "start_loss")
    assert start.level == "ok" and "chance 0.6931" in start.text
    assert math.isclose(start.numbers["chance"], math.log(2))

    nb = Trainer(NetworkSpec(init=Init("explicit", values={"w1": [[1, 1], [1, 1]], "b1": [1, 2], "w2": [[2], [1]],
                                                           "b2": [1]})), xor())
    nb.step()
    (start,) = by_code(readings(nb), "start_loss")
    assert start.level == "warn" and "confident wrong guesses" in start.text
    assert start.numbers["loss"] == nb.losses[0] and start.numbers["loss"] > 1.5 * math.log(2)


def test_chance_loss_for_k_classes_and_regression():
    X = torch.zeros(6, 2, dtype=F64)
    three = SimpleNamespace(X=X, y=torch.tensor([0, 1, 2, 0, 1, 2]), task="multiclass", n_classes=3, n_features=2,
                            n_targets=3)
    t = Trainer(NetworkSpec(outputs=3, output_activation="softmax", loss="softmax_ce"), three)
    assert math.isclose(chance_loss(t), math.log(3), rel_tol=1e-12)
    s = sine()
    t = Trainer(regression_net("tanh", 0.01, dtype="float64"), s)
    assert math.isclose(chance_loss(t), float(s.y.var(unbiased=False)), rel_tol=1e-12)


@pytest.mark.parametrize("lr,level,phrase", [(1e-6, "warn", "too small"), (1e4, "bad", "too large"),
                                             (0.5, "ok", "healthy")])
def test_update_ratio_reading(lr, level, phrase):
    t = Trainer(NetworkSpec(hidden=(Layer(4, "tanh"),), lr=lr, seed=1), xor())
    rs = by_code(readings(t), "update_ratio")
    assert [r.layer for r in rs] == [1, 2]
    for r in rs:
        assert r.level == level and phrase in r.text, r.text
        assert r.text.startswith(f"w{r.layer}: ratio")


def test_saturated_sigmoids_are_detected():
    values = {"w1": [[50.0, -50.0], [50.0, -50.0]], "b1": [-25.0, 25.0], "w2": [[1.0], [1.0]], "b2": [0.0]}
    t = Trainer(NetworkSpec(init=Init("explicit", values=values)), xor())
    (r,) = by_code(readings(t), "saturated", 1)
    assert r.level == "bad" and r.numbers["fraction"] == 1.0
    assert "100% of sigmoid outputs saturated" in r.text and "gradients vanish" in r.text
    healthy = Trainer(NetworkSpec(seed=0), xor())
    (r,) = by_code(readings(healthy), "saturated", 1)
    assert r.level == "ok" and r.numbers["fraction"] == 0.0


def test_dead_relus_are_detected():
    values = {"w1": [[-1.0, -2.0, 1.0], [-1.0, -2.0, 1.0]], "b1": [-0.5, -0.1, 0.5], "w2": [[1.0], [1.0], [1.0]],
              "b2": [0.0]}
    t = Trainer(NetworkSpec(hidden=(Layer(3, "relu"),), init=Init("explicit", values=values)), xor())
    (r,) = by_code(readings(t), "dead", 1)
    assert r.numbers == {"dead": 2, "units": 3} and r.level == "bad"
    assert "2 of 3 ReLU units dead" in r.text and "no longer learn" in r.text
    values["b1"] = [-0.5, 0.5, 0.5]
    t = Trainer(NetworkSpec(hidden=(Layer(3, "relu"),), init=Init("explicit", values=values)), xor())
    (r,) = by_code(readings(t), "dead", 1)
    assert r.numbers["dead"] == 1 and r.level == "warn"
