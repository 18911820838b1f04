"""The fast path (Network.epoch without a recorder, Trainer.step_fast, Trainer.train) and the traced path
(Trainer.step) give the very same tensors, bit for bit, epoch after epoch: recording changes nothing.
"""

from __future__ import annotations

import dataclasses
import math
from types import SimpleNamespace

import pytest
import torch

from engine.core.init import init_params
from engine.core.network import Network, Targets
from engine.core.spec import Init, Layer, NetworkSpec
from engine.core.update import AdamState
from engine.training.trainer import Trainer

EPOCHS = 50
F64 = torch.float64


def data(task, n=12, features=2, classes=3, seed=0):
    g = torch.Generator().manual_seed(seed)
    X = torch.randn(n, features, generator=g, dtype=F64)
    if task == "binary":
        y, k, t = (X[:, 0] * X[:, 1] > 0).long(), 2, 1
    elif task == "multiclass":
        y, k, t = torch.randint(0, classes, (n,), generator=g), classes, classes
    else:
        y, k, t = torch.sin(X[:, :1]) + 0.1 * X[:, 1:2], 0, 1
    return SimpleNamespace(X=X, y=y, task=task, n_classes=k, n_features=features, n_targets=t)


NOTEBOOK = NetworkSpec(init=Init("explicit", values={"w1": [[1, 1], [1, 1]], "b1": [1, 2], "w2": [[2], [1]],
                                                      "b2": [1]}), lr=0.01)
CASES = {
    "notebook-f32": (NOTEBOOK, "binary"),
    "tanh-momentum-l2-f64": (NetworkSpec(hidden=(Layer(4, "tanh"), Layer(3, "sigmoid")), lr=0.5, momentum=0.9,
                                         l2=1e-3, dtype="float64", seed=2), "binary"),
    "relu-softmax-momentum-f32": (NetworkSpec(hidden=(Layer(8, "relu"),), outputs=3, output_activation="softmax",
                                              loss="softmax_ce", lr=0.3, momentum=0.5, init=Init("he")), "multiclass"),
    "leaky-mse-l2-f64": (NetworkSpec(hidden=(Layer(5, "leaky_relu"), Layer(5, "linear")), output_activation="linear",
                                     loss="mse", lr=0.05, l2=0.01, dtype="float64", init=Init("uniform")),
                         "regression"),
    "sigmoid-mse-f32": (NetworkSpec(hidden=(Layer(3, "sigmoid"),), output_activation="sigmoid", loss="mse", lr=2.0,
                                    init=Init("uniform", low=-2, high=2)), "regression"),
    "no-hidden-softmax-f64": (NetworkSpec(hidden=(), outputs=3, output_activation="softmax", loss="softmax_ce",
                                          lr=1.0, l2=0.1, momentum=0.99, dtype="float64"), "multiclass"),
    # Adam: one step count t and the buffers m, v, updated by the same operations on both paths
    "notebook-adam-f32": (dataclasses.replace(NOTEBOOK, optimizer="adam", lr=0.05), "binary"),
    "tanh-adam-l2-f64": (NetworkSpec(hidden=(Layer(4, "tanh"), Layer(3, "sigmoid")), lr=0.05, l2=1e-3,
                                     optimizer="adam", beta1=0.8, beta2=0.99, eps=1e-6, dtype="float64", seed=2),
                         "binary"),
    "relu-softmax-adam-f32": (NetworkSpec(hidden=(Layer(8, "relu"),), outputs=3, output_activation="softmax",
                                          loss="softmax_ce", lr=0.02, optimizer="adam", init=Init("he")),
                              "multiclass"),
}


def same(a: dict, b: dict) -> bool:
    return a.keys() == b.keys() and all(torch.equal(a[k], b[k]) for k in a)


@pytest.mark.parametrize("case", list(CASES))
def test_fast_and_traced_paths_are_identical(case):
    spec, task = CASES[case]
    d = data(task)
    traced, fast, trained = Trainer(spec, d), Trainer(spec, d), Trainer(spec, d)
    # the bare network, without a Trainer
    net, T = Network(spec), Targets(spec, d.y)
    X = d.X.to(spec.torch_dtype)
    P = init_params(spec)
    V = {k: torch.zeros_like(v) for k, v in P.items()} if spec.momentum else None
    if spec.optimizer == "adam":
        V = AdamState.zeros(P)
    for e in range(1, EPOCHS + 1):
        trace = traced.step()
        loss_fast = fast.step_fast()
        loss_net, grads = net.epoch(P, V, X, T)
        assert trace.loss == loss_fast == float(loss_net), e
        assert traced.params.keys() == set(spec.param_names)
        assert same(traced.params, fast.params) and same(traced.params, P), e
        assert same(trace.params_after, P)
        assert same(trace.grads, grads), e
        if spec.momentum:
            assert same(traced.velocity, fast.velocity) and same(traced.velocity, V), e
        if spec.optimizer == "adam":
            assert traced.adam.equal(fast.adam) and traced.adam.equal(V) and V.t == e, e
        for p in spec.param_names:
            assert traced.params[p].dtype == spec.torch_dtype
    snaps = list(trained.train(EPOCHS))
    assert snaps[-1].done and snaps[-1].epoch == EPOCHS and snaps[-1].diagnosis is None
    assert same(trained.params, traced.params)
    if spec.momentum:
        assert same(trained.velocity, traced.velocity)
    if spec.optimizer == "adam":
        assert trained.adam.equal(traced.adam)
    assert list(traced.losses) == list(fast.losses) == list(trained.losses)
    assert all(math.isfinite(v) for v in traced.losses)
    assert traced.losses[-1] < traced.losses[0]  # these settings learn; a sanity check on the cases


def test_train_in_pieces_equals_one_run_and_stepping():
    spec, task = CASES["tanh-momentum-l2-f64"]
    d = data(task)
    one, pieces, stepped = Trainer(spec, d), Trainer(spec, d), Trainer(spec, d)
    list(one.train(EPOCHS))
    for n in (7, 13, 1, EPOCHS - 21):
        list(pieces.train(n))
    for _ in range(EPOCHS):
        stepped.step()
    assert same(one.params, pieces.params) and same(one.params, stepped.params)
    assert same(one.velocity, pieces.velocity) and same(one.velocity, stepped.velocity)
    assert list(one.losses) == list(pieces.losses) == list(stepped.losses)


# ----- mini-batches: the same, step by step -----------------------------------------------------------------
@pytest.mark.parametrize("batch_size", [1, 5, 12, 32])
@pytest.mark.parametrize("case", ["notebook-f32", "tanh-momentum-l2-f64", "relu-softmax-momentum-f32",
                                  "leaky-mse-l2-f64", "tanh-adam-l2-f64"])
def test_mini_batch_fast_and_traced_paths_are_identical(case, batch_size):
    base, task = CASES[case]
    spec = base.with_changes(batch_size=batch_size)
    d = data(task)
    traced, fast, trained, by_epoch = Trainer(spec, d), Trainer(spec, d), Trainer(spec, d), Trainer(spec, d)
    S = traced.steps_per_epoch
    assert S == -(-12 // batch_size) if batch_size < 12 else S == 1
    epochs = 6
    for e in range(1, epochs + 1):
        for j in range(S):
            rows = traced.next_rows()
            trace = traced.step()
            assert trace.epoch == e and trace.batch == j and trace.n_steps == S
            loss_fast = fast.step_fast()
            assert trace.loss == loss_fast, (e, j)
            assert same(traced.params, fast.params), (e, j)
            n_b = 12 if S == 1 else len(rows)
            assert trace.step("l1").operands[0].value.shape[0] == n_b  # the batch's rows, in every shape
            if S > 1:
                assert torch.equal(trace.rows, rows)
                assert torch.equal(trace.step("l1").operands[0].value, d.X.to(spec.torch_dtype)[rows])
        by_epoch.step_epoch()
        assert same(by_epoch.params, traced.params) and by_epoch.epoch == traced.epoch == e
        assert traced.batch == 0
    list(trained.train(epochs))
    assert same(trained.params, traced.params)
    if spec.momentum:
        assert same(trained.velocity, traced.velocity) and same(fast.velocity, traced.velocity)
    if spec.optimizer == "adam":  # one Adam step per mini-batch step
        assert trained.adam.equal(traced.adam) and fast.adam.equal(traced.adam) and traced.adam.t == epochs * S
    assert list(traced.losses) == list(fast.losses) == list(trained.losses) == list(by_epoch.losses)
    assert list(traced.step_losses) == list(fast.step_losses) == list(trained.step_losses)
    assert len(traced.step_losses) == (epochs * S if S > 1 else 0)


def test_mini_batch_train_in_pieces_from_mid_epoch_equals_one_run():
    spec = CASES["tanh-momentum-l2-f64"][0].with_changes(batch_size=5)  # 12 rows: steps of 5, 5, 2
    d = data("binary")
    one, pieces = Trainer(spec, d), Trainer(spec, d)
    list(one.train(9))
    pieces.step()  # one traced mini-batch, then the rest of that epoch and more on the fast path
    list(pieces.train(4))
    pieces.step_fast()
    pieces.step_fast()
    list(pieces.train(5))
    assert pieces.epoch == 9 and pieces.batch == 0
    assert same(one.params, pieces.params) and same(one.velocity, pieces.velocity)
    assert list(one.losses) == list(pieces.losses) and list(one.step_losses) == list(pieces.step_losses)
def test_adam_in_pieces_equals_one_run_and_stepping():
    spec, task = CASES["tanh-adam-l2-f64"]
    d = data(task)
    one, pieces, stepped = Trainer(spec, d), Trainer(spec, d), Trainer(spec, d)
    list(one.train(EPOCHS))
    for n in (7, 13, 1, EPOCHS - 21):
        list(pieces.train(n))
    for _ in range(EPOCHS):
        stepped.step()
    assert same(one.params, pieces.params) and same(one.params, stepped.params)
    assert one.adam.equal(pieces.adam) and one.adam.equal(stepped.adam) and one.adam.t == EPOCHS
    assert list(one.losses) == list(pieces.losses) == list(stepped.losses)
