"""The engine's hand-written gradients are right: they equal torch.autograd's (engine.verify.reference) and centred
finite differences, for every hidden activation × every valid (output, loss) pair × 0–3 hidden layers, with
random shapes and values; the update is p − lr·grad (and momentum / L2 do what they say); and
engine.verify.gradcheck says "ok" on preset-like networks and "wrong" on a planted bug.
"""

from __future__ import annotations

import dataclasses
from types import SimpleNamespace

import pytest
import torch
from hypothesis import given, settings, strategies as st

import engine.core.activations as acts
from engine.io.datasets import make_dataset
from engine.verify.gradcheck import OK_BELOW, ParamCheck, gradcheck, rel_error
from engine.core.network import Network, Targets
from engine.verify.reference import autograd_grads
from engine.core.spec import HIDDEN_ACTIVATIONS, Init, Layer, NetworkSpec
from engine.training.trainer import Trainer

F64 = torch.float64
PAIRS = [("sigmoid", "bce"), ("softmax", "softmax_ce"), ("linear", "mse"), ("sigmoid", "mse")]
GRID = [((), out, loss) for out, loss in PAIRS] + [
    ((act,) * depth, out, loss) for depth in (1, 2, 3) for act in HIDDEN_ACTIVATIONS for out, loss in PAIRS
]


def dataset(X, y, task, n_classes=0):
    X = torch.as_tensor(X, dtype=F64)
    y = torch.as_tensor(y)
    n_targets = y.shape[1] if task == "regression" else (1 if task == "binary" else n_classes)
    return SimpleNamespace(X=X, y=y, task=task, n_classes=n_classes, n_features=X.shape[1], n_targets=n_targets)


def random_case(seed, hidden_acts, out, loss, momentum=0.0, l2=0.0, scale=1.0):
    """A random float64 network (shapes and values from `seed`) with matching random data."""
    g = torch.Generator().manual_seed(seed)

    def r(lo, hi):
        return int(torch.randint(lo, hi + 1, (1,), generator=g))

    inputs, n = r(1, 4), r(1, 6)
    hidden = tuple(Layer(r(1, 5), a) for a in hidden_acts)
    outputs = {"bce": 1, "softmax_ce": r(2, 4), "mse": r(1, 3)}[loss]
    spec = NetworkSpec(inputs=inputs, hidden=hidden, outputs=outputs, output_activation=out, loss=loss,
                       lr=0.05, momentum=momentum, l2=l2, dtype="float64").validate()
    P = {k: torch.randn(spec.param_shape(k), generator=g, dtype=F64) * scale for k in spec.param_names}
    X = torch.randn(n, inputs, generator=g, dtype=F64)
    if loss == "bce":
        data = dataset(X, torch.randint(0, 2, (n,), generator=g), "binary", 2)
    elif loss == "softmax_ce":
        data = dataset(X, torch.randint(0, outputs, (n,), generator=g), "multiclass", outputs)
    else:
        data = dataset(X, torch.randn(n, outputs, generator=g, dtype=F64), "regression")
    return spec, P, data


def manual_grads(spec, P, data):
    net = Network(spec)
    Pc = {k: v.clone() for k, v in P.items()}
    V = {k: torch.zeros_like(v) for k, v in P.items()} if spec.momentum else None
    loss, grads = net.epoch(Pc, V, data.X, Targets(spec, data.y))
    return float(loss), grads, Pc


def assert_matches_autograd(spec, P, data):
    _, grads, _ = manual_grads(spec, P, data)
    ref = autograd_grads(spec, P, data.X, data.y)
    assert set(grads) == set(ref) == {"d_" + k for k in spec.param_names}
    for k, g in grads.items():
        assert g.shape == ref[k].shape == P[k[2:]].shape, k
        assert g.dtype == F64
        # norm-wise relative error ≤ 1e-6; gradients below 1e-12 are rounding noise next to terms of size ~1
        assert float((g - ref[k]).norm()) <= 1e-6 * (float(g.norm()) + float(ref[k].norm())) + 1e-12, (k, g, ref[k])
        torch.testing.assert_close(g, ref[k], rtol=1e-6, atol=1e-9)


HARMLESS = ("so small that finite differences cannot resolve it", "change with the step", "saturated units",
            "nearly cancel")  # gradcheck's reasons for a "suspect" that is no bug


def assert_matches_finite_differences(spec, P, data):
    checks = gradcheck(Trainer(spec, data, params=P))
    for name, c in checks.items():
        assert c.autograd_error <= 1e-6 or "nearly cancel" in c.why, (name, c.why)
        # ok, or — for a gradient tiny next to the loss's rounding, or a sharply curved loss — finite
        # differences that cannot confirm it (gradcheck finds this out by redoing them with step 10·h)
        fd_too_coarse = any(reason in c.why for reason in HARMLESS)
        assert c.verdict == "ok" or (c.verdict == "suspect" and fd_too_coarse), (name, c.verdict, c.why)
        assert c.numeric_error <= 1e-6 or fd_too_coarse, (name, c.numeric_error, c.why)


# ----- every activation × every (output, loss) × depth 0–3 ------------------------------------------
@pytest.mark.parametrize("hidden_acts,out,loss", GRID,
                         ids=[f"{len(h)}x{h[0] if h else '-'}-{o}-{lo}" for h, o, lo in GRID])
@settings(max_examples=3, deadline=None)
@given(seed=st.integers(0, 2**31 - 1))
def test_manual_equals_autograd_and_finite_differences(hidden_acts, out, loss, seed):
    spec, P, data = random_case(seed, hidden_acts, out, loss)
    assert_matches_autograd(spec, P, data)
    assert_matches_finite_differences(spec, P, data)


@settings(max_examples=40, deadline=None)
@given(
    seed=st.integers(0, 2**31 - 1),
    hidden_acts=st.lists(st.sampled_from(HIDDEN_ACTIVATIONS), max_size=3),
    pair=st.sampled_from(PAIRS),
    momentum=st.sampled_from([0.0, 0.5, 0.9]),
    l2=st.sampled_from([0.0, 1e-3, 0.3]),
    scale=st.sampled_from([0.1, 1.0, 3.0]),
)
def test_mixed_layers_with_momentum_and_l2(seed, hidden_acts, pair, momentum, l2, scale):
    spec, P, data = random_case(seed, tuple(hidden_acts), *pair, momentum=momentum, l2=l2, scale=scale)
    assert_matches_autograd(spec, P, data)
    assert_matches_finite_differences(spec, P, data)


# ----- the update ------------------------------------------------------------------------------------
@settings(max_examples=30, deadline=None)
@given(seed=st.integers(0, 2**31 - 1), hidden_acts=st.lists(st.sampled_from(HIDDEN_ACTIVATIONS), max_size=3),
       pair=st.sampled_from(PAIRS), l2=st.sampled_from([0.0, 0.1]), lr=st.sampled_from([1e-3, 0.1, 2.0]))
def test_update_without_momentum_is_p_minus_lr_grad(seed, hidden_acts, pair, l2, lr):
    spec, P, data = random_case(seed, tuple(hidden_acts), *pair, l2=l2)
    spec = spec.with_changes(lr=lr)
    _, grads, after = manual_grads(spec, P, data)
    ref = autograd_grads(spec, P, data.X, data.y)
    for k in spec.param_names:
        g = grads["d_" + k]
        if k[0] == "b" or l2:
            assert torch.equal(after[k], torch.add(P[k], g, alpha=-lr))  # p − lr·grad, bit for bit
            # p + (−lr)·g rounds once, p − (lr·g) twice: a few ulps of p apart where they nearly cancel
            torch.testing.assert_close(after[k], P[k] - lr * g, rtol=1e-13, atol=1e-15)
        else:  # plain SGD fuses the weight update into one addmm_: w − lr·(a_prevᵀ @ d_l), rounded once
            torch.testing.assert_close(after[k], P[k] - lr * g, rtol=1e-13, atol=1e-15)
        torch.testing.assert_close(after[k], P[k] - lr * ref["d_" + k], rtol=1e-9, atol=1e-12)


def test_momentum_update_matches_torch_sgd_over_epochs():
    """v ← m·v + d_p; p ← p − lr·v, as torch.optim.SGD(momentum=m), with the L2 term inside d_p."""
    spec, P, data = random_case(7, ("tanh", "relu"), "softmax", "softmax_ce", momentum=0.9, l2=0.01)
    net, T = Network(spec), Targets(spec, data.y)
    mine = {k: v.clone() for k, v in P.items()}
    V = {k: torch.zeros_like(v) for k, v in P.items()}
    theirs = {k: v.clone().requires_grad_(True) for k, v in P.items()}
    opt = torch.optim.SGD([theirs[k] for k in spec.param_names], lr=spec.lr, momentum=0.9)
    from engine.verify.reference import loss as ref_loss

    for _ in range(5):
        net.epoch(mine, V, data.X, T)
        opt.zero_grad()
        ref_loss(spec, theirs, data.X, data.y).backward()
        opt.step()
    for k in spec.param_names:
        torch.testing.assert_close(mine[k], theirs[k].detach(), rtol=1e-10, atol=1e-12)


def test_l2_adds_l2_times_w_to_weight_gradients_only():
    spec, P, data = random_case(3, ("sigmoid",), "sigmoid", "bce")
    _, plain, _ = manual_grads(spec, P, data)
    _, reg, _ = manual_grads(spec.with_changes(l2=0.25), P, data)
    for k in spec.param_names:
        extra = 0.25 * P[k] if k.startswith("w") else torch.zeros_like(P[k])
        torch.testing.assert_close(reg["d_" + k], plain["d_" + k] + extra, rtol=1e-12, atol=1e-15)


def test_reference_leaves_callers_tensors_alone():
    spec, P, data = random_case(5, ("tanh",), "linear", "mse")
    before = {k: v.clone() for k, v in P.items()}
    autograd_grads(spec, P, data.X, data.y)
    for k, v in P.items():
        assert not v.requires_grad and torch.equal(v, before[k])


# ----- engine.verify.gradcheck -----------------------------------------------------------------------------
def xor_data():
    return make_dataset("xor")


NOTEBOOK = NetworkSpec(init=Init("explicit", values={"w1": [[1, 1], [1, 1]], "b1": [1, 2], "w2": [[2], [1]],
                                                      "b2": [1]}), lr=0.01)

# name: (spec, data, max_elements); the spiral's first point of every arm is the origin, so with zero biases
# its pre-activations are exactly 0 (kinks)
PRESETS = {
    "notebook": (NOTEBOOK, xor_data, None),
    "tanh-xor": (NetworkSpec(hidden=(Layer(4, "tanh"),), lr=0.5, seed=3), xor_data, None),
    "relu-xor-zero-bias": (NetworkSpec(hidden=(Layer(4, "relu"),), init=Init("he"), lr=0.1), xor_data, None),
    "relu-circle": (NetworkSpec(hidden=(Layer(8, "relu"), Layer(8, "relu")), init=Init("he"), lr=0.1),
                    lambda: make_dataset("circle"), None),
    "leaky-moons-momentum": (NetworkSpec(hidden=(Layer(16, "leaky_relu"),), init=Init("he"), lr=0.1, momentum=0.9),
                             lambda: make_dataset("moons"), None),
    "tanh-sine-l2": (NetworkSpec(inputs=1, hidden=(Layer(16, "tanh"),), output_activation="linear", loss="mse",
                                 lr=0.1, l2=1e-3), lambda: make_dataset("sine"), None),
    "spiral-64x3": (NetworkSpec(hidden=(Layer(64, "relu"),) * 3, outputs=3, output_activation="softmax",
                                loss="softmax_ce", init=Init("he"), lr=1.0, l2=1e-3),
                    lambda: make_dataset("spiral"), 100),
}


def assert_all_ok(trainer, max_elements):
    spec = trainer.spec
    before = trainer.params_copy()
    checks = gradcheck(trainer, max_elements=max_elements)
    assert list(checks) == spec.param_names
    for name, c in checks.items():
        assert isinstance(c, ParamCheck) and c.name == name and c.grad_name == "d_" + name
        assert c.verdict == "ok", (trainer.epoch, name, c.rel_error, c.why)
        assert c.rel_error < OK_BELOW and c.autograd_error < 1e-12
        assert c.manual.dtype == c.autograd.dtype == c.numeric.dtype == F64
        assert c.manual.shape == c.numeric.shape == trainer.params[name].shape
        assert c.checked + c.kinked == min(c.manual.numel(), max_elements or c.manual.numel())
        assert (c.why == "") == (c.kinked == c.one_sided == 0)
    for k, v in trainer.params.items():  # gradcheck changed nothing
        assert torch.equal(v, before[k]) and v.dtype == spec.torch_dtype


@pytest.mark.parametrize("dtype", ["float64", "float32"])
@pytest.mark.parametrize("preset", list(PRESETS))
def test_gradcheck_ok_on_preset_like_networks(preset, dtype):
    spec, data, max_elements = PRESETS[preset]
    trainer = Trainer(spec.with_changes(dtype=dtype), data())
    assert_all_ok(trainer, max_elements)  # epoch 0
    for _ in range(3):
        trainer.step_fast()
    assert_all_ok(trainer, max_elements)


def test_gradcheck_ok_on_the_apps_presets():
    presets = pytest.importorskip("engine.io.presets")
    for name in presets.PRESETS:
        spec, data = presets.load_preset(name)
        trainer = Trainer(spec.with_changes(dtype="float64"), data)
        assert_all_ok(trainer, 100)


def test_kinks_are_named_and_checked_one_sided():
    # zero biases and the sample (0, 0): l1 is exactly 0 there, so b1 ± h crosses the ReLU corner
    trainer = Trainer(PRESETS["relu-xor-zero-bias"][0].with_changes(dtype="float64"), xor_data())
    assert trainer.X[0].tolist() == [0.0, 0.0] and bool((trainer.forward()[0][0][0] == 0).all())
    c = gradcheck(trainer)["b1"]
    assert c.verdict == "ok" and c.one_sided == 4 and c.kinked == 0 and c.checked == 4
    assert "4 of 4 element(s) of b1 sit at a kink" in c.why and "l1 (relu)" in c.why and "one-sided" in c.why
    assert rel_error(c.manual, c.numeric) < 1e-8  # the one-sided slope is the one the engine takes
    # the centred difference there really is the average of the two slopes, not the derivative
    x = trainer.params_copy()
    net, T = Network(trainer.spec), Targets(trainer.spec, trainer.data.y)

    def loss(b1):
        P = x | {"b1": b1}
        ls, as_ = net.forward(P, trainer.X)
        return float(net.loss(P, ls[-1], as_[-1], T))

    b1 = x["b1"]
    e = torch.zeros_like(b1)
    e[0] = 1e-5
    centred = (loss(b1 + e) - loss(b1 - e)) / 2e-5
    assert abs(centred - float(c.manual[0])) > 1e-3 * abs(float(c.manual[0]))


def test_kinks_on_both_sides_are_left_to_autograd():
    """Two samples whose pre-activations sit 0.4·h on either side of 0: no smooth side for b1[0]."""
    values = {"w1": [[1.0]], "b1": [0.0], "w2": [[1.0]], "b2": [0.0]}
    spec = NetworkSpec(inputs=1, hidden=(Layer(1, "relu"),), outputs=1, output_activation="linear", loss="mse",
                       dtype="float64", init=Init("explicit", values=values))
    data = SimpleNamespace(X=torch.tensor([[4e-6], [-4e-6]], dtype=F64), y=torch.tensor([[1.0], [1.0]], dtype=F64),
                           task="regression", n_classes=0, n_features=1, n_targets=1)
    c = gradcheck(Trainer(spec, data))["b1"]
    assert c.verdict == "ok" and c.kinked == 1 and c.checked == 0 and c.autograd_error < 1e-15
    assert "1 had a kink on both sides and were compared with autograd only" in c.why


def test_gradcheck_catches_a_wrong_activation_derivative(monkeypatch):
    sig = acts.ACTIVATIONS["sigmoid"]
    monkeypatch.setitem(acts.ACTIVATIONS, "sigmoid", dataclasses.replace(sig, backward=lambda d, cache: d * cache[1]))  # no (1 − a)
    trainer = Trainer(NOTEBOOK, xor_data())
    checks = gradcheck(trainer)
    for name in ("w1", "b1"):
        assert checks[name].verdict == "wrong", checks[name]
        assert "differs from autograd" in checks[name].why and f"d_{name}" in checks[name].why
        assert checks[name].numeric_error > 1e-2  # finite differences see it too
    for name in ("w2", "b2"):  # the output layer does not use the hidden derivative
        assert checks[name].verdict == "ok"


def test_gradcheck_calls_fd_noise_suspect_not_wrong():
    """Saturated sigmoid output under MSE toward an unreachable target: loss ≈ 1, gradient ≈ 1e-12."""
    spec = NetworkSpec(inputs=1, hidden=(), outputs=1, output_activation="sigmoid", loss="mse", dtype="float64",
                       init=Init("explicit", values={"w1": [[0.0]], "b1": [28.0]}))
    trainer = Trainer(spec, dataset([[0.5], [1.0]], [[2.0], [2.0]], "regression"))
    c = gradcheck(trainer)["b1"]
    assert c.autograd_error < 1e-12
    assert c.verdict == "suspect", c
    assert "so small that finite differences cannot resolve it" in c.why


def test_gradcheck_samples_elements_with_max_elements():
    spec, data, _ = PRESETS["spiral-64x3"]
    trainer = Trainer(spec.with_changes(hidden=(Layer(16, "tanh"),) * 2), data())  # w2: 256 elements
    checks = gradcheck(trainer, max_elements=10, seed=4)
    w2 = checks["w2"]
    assert w2.checked == 10 and int(torch.isfinite(w2.numeric).sum()) == 10
    assert checks["b2"].checked == 10 and checks["w3"].checked == 10
    assert all(c.verdict == "ok" for c in checks.values())
    with pytest.raises(ValueError):
        gradcheck(trainer, max_elements=0)
    with pytest.raises(ValueError):
        gradcheck(trainer, h=0.0)


@pytest.mark.parametrize("seed,hidden_acts,pair,kw,name,phrase", [
    # y_pred − Y of confident right answers and samples pulling both ways: d_b2 ≈ 6e-10 from terms ≈ 0.2
    (1839854529, ("relu",), ("softmax", "softmax_ce"), dict(l2=0.3, scale=3.0), "b2", "nearly cancel"),
    # the L2 term makes the loss 28.9; d_b3 ≈ 6e-12 moves it by less than its rounding
    (400470329, ("relu", "linear", "linear"), ("sigmoid", "mse"), dict(l2=0.3, scale=3.0), "b3",
     "so small that finite differences cannot resolve it"),
    # confident right answers: log-loss ≈ 1e-15, computed as a difference of numbers of size |l| ≈ 35–120
    (388842434, ("sigmoid", "linear", "linear"), ("sigmoid", "bce"), dict(scale=3.0), "b2",
     "so small that finite differences cannot resolve it"),
])
def test_gradcheck_calls_rounding_suspect_not_wrong(seed, hidden_acts, pair, kw, name, phrase):
    spec, P, data = random_case(seed, hidden_acts, *pair, **kw)
    c = gradcheck(Trainer(spec, data, params=P))[name]
    assert c.verdict == "suspect" and phrase in c.why, (c.verdict, c.why)


def test_gradcheck_on_non_finite_parameters_says_so():
    spec, _, data = random_case(1, ("tanh",), "linear", "mse")
    trainer = Trainer(spec, data)
    trainer.params["w1"][0, 0] = float("nan")  # (set_param refuses non-finite values, as it should)
    for c in gradcheck(trainer).values():
        assert c.verdict == "suspect" and "not finite" in c.why
