"""Engine speed, measured side by side in one process, one thread: ratios against the bare loop a
learner would write for the same network. Each ratio is the median over interleaved rounds of the two loops'
CPU times in the same round (see _paired)."""

from __future__ import annotations

import statistics
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


def _paired(fns: dict, epochs: int, rounds: int = 15) -> dict[str, list[float]]:
    """CPU seconds of each function in each of `rounds` rounds; within a round the functions run one right
    after the other (in a rotating order), so each round compares them under the same machine state.

    With torch on one thread, process CPU time is the work done, but on this shared virtual machine the CPU
    time of the very same loop drifts by up to 40 % over minutes (seen on the bare loop, the machine
    otherwise idle), so a ratio of two best-of-N times can pair one loop's good minute with the other's bad
    one. The ratio of two loops is therefore taken round by round, and its median over the rounds reported
    (ratio_of); a round is a few tenths of a second."""
    times: dict[str, list[float]] = {k: [] for k in fns}
    names = list(fns)
    for r in range(rounds):
        order = names[r % len(names):] + names[:r % len(names)]
        for name in order:
            t0 = time.process_time()
            fns[name](epochs)
            times[name].append(time.process_time() - t0)
    return times


def ratio_of(times: dict[str, list[float]], a: str, b: str) -> float:
    """The median over the rounds of a's time / b's time in the same round."""
    return statistics.median(x / y for x, y in zip(times[a], times[b]))


def run() -> list[tuple[str, float, float, str]]:
    """(label, measured ratio, target, comparison '<=' or '>=') rows."""
    torch.set_num_threads(1)
    spec = _notebook_spec()
    data = make_dataset("xor")
    t = _paired({
        "bare": bare_notebook,
        "fast": _engine_loop(spec, data, traced=False),
        "traced": _engine_loop(spec, data, traced=True),
        "autograd": autograd_notebook,
        "numpy": numpy_notebook,
    }, EPOCHS // 5)
    rows = [
        (f"notebook-xor {EPOCHS // 5} epochs: bare torch loop (CPU s, median of rounds)",
         statistics.median(t["bare"]), None, ""),
        ("fast path / bare loop", ratio_of(t, "fast", "bare"), 0.8, "<="),
        ("traced path / bare loop", ratio_of(t, "traced", "bare"), 2.0, "<="),
        ("autograd + optim.SGD / fast path", ratio_of(t, "autograd", "fast"), 4.0, ">="),
        ("numpy loop / bare loop (floor for tiny nets)", ratio_of(t, "numpy", "bare"), None, ""),
    ]
    sspec, sdata = _spiral()
    ts = _paired({"bare": bare_spiral(sspec, sdata), "fast": _engine_loop(sspec, sdata, traced=False)}, 60)
    rows += [
        ("spiral 2→64→64→64→3, 900 points, 60 epochs: bare loop (CPU s, median of rounds)",
         statistics.median(ts["bare"]), None, ""),
        ("spiral fast path / bare loop", ratio_of(ts, "fast", "bare"), 0.9, "<="),
    ]
    return rows
