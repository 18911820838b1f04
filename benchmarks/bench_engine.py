"""Engine speed, measured side by side in one process, one thread: ratios against the bare loop a
learner would write for the same network. Each figure is the best of interleaved repeats (CPU time)."""

from __future__ import annotations

import time

import numpy as np
import torch

from engine.io.datasets import make_dataset
from engine.core.network import Network, Targets
from engine.core.spec import Init, Layer, NetworkSpec
from engine.training.trainer import Trainer

NOTEBOOK = {"w1": [[1, 1], [1, 1]], "b1": [1, 2], "w2": [[2], [1]], "b2": [1]}
EPOCHS = 10_000


def _notebook_spec() -> NetworkSpec:
    return NetworkSpec(init=Init("explicit", values=NOTEBOOK), lr=0.01, epochs=EPOCHS).validate()


def bare_notebook(epochs: int) -> float:
    """The corrected notebook loop, as a learner writes it."""
    X = torch.tensor([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=torch.float32)
    y = torch.tensor([[0], [1], [1], [0]], dtype=torch.float32)
    w1, b1 = torch.tensor(NOTEBOOK["w1"], dtype=torch.float32), torch.tensor(NOTEBOOK["b1"], dtype=torch.float32)
    w2, b2 = torch.tensor(NOTEBOOK["w2"], dtype=torch.float32), torch.tensor(NOTEBOOK["b2"], dtype=torch.float32)
    lr, N = 0.01, 4
    for _ in range(epochs):
        l1 = X @ w1 + b1
        a1 = torch.sigmoid(l1)
        l2 = a1 @ w2 + b2
        y_pred = torch.sigmoid(l2)
        loss = -(y * torch.log(y_pred) + (1 - y) * torch.log(1 - y_pred)).mean()
        d_l2 = (y_pred - y) / N
        d_b2 = d_l2.sum(0)
        d_w2 = a1.T @ d_l2
        d_a1 = d_l2 @ w2.T
        d_l1 = d_a1 * a1 * (1 - a1)
        d_b1 = d_l1.sum(0)
        d_w1 = X.T @ d_l1
        w1 -= lr * d_w1
        b1 -= lr * d_b1
        w2 -= lr * d_w2
        b2 -= lr * d_b2
    return float(loss)


def numpy_notebook(epochs: int) -> float:
    X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=np.float32)
    y = np.array([[0], [1], [1], [0]], dtype=np.float32)
    w1, b1 = np.array(NOTEBOOK["w1"], np.float32), np.array(NOTEBOOK["b1"], np.float32)
    w2, b2 = np.array(NOTEBOOK["w2"], np.float32), np.array(NOTEBOOK["b2"], np.float32)
    lr, N = np.float32(0.01), 4
    for _ in range(epochs):
        a1 = 1 / (1 + np.exp(-(X @ w1 + b1)))
        y_pred = 1 / (1 + np.exp(-(a1 @ w2 + b2)))
        loss = -(y * np.log(y_pred) + (1 - y) * np.log(1 - y_pred)).mean()
        d_l2 = (y_pred - y) / N
        d_l1 = (d_l2 @ w2.T) * a1 * (1 - a1)
        w2 -= lr * (a1.T @ d_l2)
        b2 -= lr * d_l2.sum(0)
        w1 -= lr * (X.T @ d_l1)
        b1 -= lr * d_l1.sum(0)
    return float(loss)


def autograd_notebook(epochs: int) -> float:
    X = torch.tensor([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=torch.float32)
    y = torch.tensor([[0], [1], [1], [0]], dtype=torch.float32)
    ps = [torch.tensor(NOTEBOOK[k], dtype=torch.float32, requires_grad=True) for k in ("w1", "b1", "w2", "b2")]
    opt = torch.optim.SGD(ps, lr=0.01)
    w1, b1, w2, b2 = ps
    for _ in range(epochs):
        y_pred = torch.sigmoid(torch.sigmoid(X @ w1 + b1) @ w2 + b2)
        loss = torch.nn.functional.binary_cross_entropy(y_pred, y)
        opt.zero_grad()
        loss.backward()
        opt.step()
    return loss.item()


def _engine_loop(spec, data, traced: bool):
    def run(epochs: int) -> float:
        t = Trainer(spec, data)
        if traced:
            for _ in range(epochs):
                t.step()
            return t.losses[-1]
        net, P, V, X, T = t.net, t.params, t.velocity, t.X, t.T
        for _ in range(epochs):
            loss = net.epoch(P, V, X, T, need_grads=False).loss  # as Trainer.train runs it
        return float(loss)

    return run


def _spiral():
    data = make_dataset("spiral", n=900, classes=3, seed=0)
    spec = NetworkSpec(inputs=2, hidden=(Layer(64, "relu"),) * 3, outputs=3, output_activation="softmax",
                       loss="softmax_ce", lr=0.5, init=Init("he"), seed=0).validate()
    return spec, data


def bare_spiral(spec, data):
    def run(epochs: int) -> float:
        t = Trainer(spec, data)
        (w1, b1, w2, b2, w3, b3, w4, b4) = (t.params[k].clone() for k in spec.param_names)
        X, labels = t.X, t.T.labels
        Y = torch.nn.functional.one_hot(labels, 3).to(X.dtype)
        N, lr = X.shape[0], spec.lr
        for _ in range(epochs):
            a1 = torch.relu(X @ w1 + b1)
            a2 = torch.relu(a1 @ w2 + b2)
            a3 = torch.relu(a2 @ w3 + b3)
            l4 = a3 @ w4 + b4
            y_pred = torch.softmax(l4, dim=1)
            loss = torch.nn.functional.cross_entropy(l4, labels)
            d_l4 = (y_pred - Y) / N
            d_a3 = d_l4 @ w4.T
            d_l3 = d_a3 * (a3 > 0)
            d_a2 = d_l3 @ w3.T
            d_l2 = d_a2 * (a2 > 0)
            d_a1 = d_l2 @ w2.T
            d_l1 = d_a1 * (a1 > 0)
            w4 -= lr * (a3.T @ d_l4)
            b4 -= lr * d_l4.sum(0)
            w3 -= lr * (a2.T @ d_l3)
            b3 -= lr * d_l3.sum(0)
            w2 -= lr * (a1.T @ d_l2)
            b2 -= lr * d_l2.sum(0)
            w1 -= lr * (X.T @ d_l1)
            b1 -= lr * d_l1.sum(0)
        return float(loss)

    return run


def _median_times(fns: dict, epochs: int, repeats: int = 5) -> dict[str, float]:
    """Best-of-`repeats` CPU seconds of each function, runs interleaved.

    With torch on one thread, process CPU time is the work done; other processes on the shared cores can
    only add to it (cache and core contention), never take from it, so the minimum is the steadiest
    estimate of each loop's own cost, and interleaving exposes all loops to the same conditions."""
    times: dict[str, list[float]] = {k: [] for k in fns}
    for _ in range(repeats):
        for name, fn in fns.items():
            t0 = time.process_time()
            fn(epochs)
            times[name].append(time.process_time() - t0)
    return {k: min(v) for k, v in times.items()}


def run() -> list[tuple[str, float, float, str]]:
    """(label, measured ratio, target, comparison '<=' or '>=') rows."""
    torch.set_num_threads(1)
    spec = _notebook_spec()
    data = make_dataset("xor")
    t = _median_times({
        "bare": bare_notebook,
        "fast": _engine_loop(spec, data, traced=False),
        "traced": _engine_loop(spec, data, traced=True),
        "autograd": autograd_notebook,
        "numpy": numpy_notebook,
    }, EPOCHS)
    rows = [
        ("notebook-xor 10k epochs: bare torch loop (CPU s)", t["bare"], None, ""),
        ("fast path / bare loop", t["fast"] / t["bare"], 0.8, "<="),
        ("traced path / bare loop", t["traced"] / t["bare"], 2.0, "<="),
        ("autograd + optim.SGD / fast path", t["autograd"] / t["fast"], 4.0, ">="),
        ("numpy loop / bare loop (floor for tiny nets)", t["numpy"] / t["bare"], None, ""),
    ]
    sspec, sdata = _spiral()
    ts = _median_times({"bare": bare_spiral(sspec, sdata), "fast": _engine_loop(sspec, sdata, traced=False)}, 300)
    rows += [
        ("spiral 2→64→64→64→3, 900 points, 300 epochs: bare loop (CPU s)", ts["bare"], None, ""),
        ("spiral fast path / bare loop", ts["fast"] / ts["bare"], 0.9, "<="),
    ]
    return rows
