"""Mini-batches: the engine's fast path (Trainer.train: shuffled batches of 32, the step and epoch losses
logged, divergence checks) against the bare mini-batch loop a learner would write for the same network,
measured side by side in one process, one thread: the median over interleaved rounds of the two loops' CPU
times in the same round (bench_engine._paired)."""

from __future__ import annotations

import statistics

import torch

from benchmarks.bench_engine import _paired, _spiral, ratio_of
from engine.training.trainer import Trainer

BATCH = 32
EPOCHS = 40


def bare_minibatch(spec, data):
    """The loop a learner writes: a fresh permutation each epoch, index the batch, forward, backward, update."""
    def run(epochs: int) -> float:
        t = Trainer(spec, data)
        (w1, b1, w2, b2, w3, b3, w4, b4) = (t.params[k].clone() for k in spec.param_names)
        X, labels = t.X, t.T.labels
        Y = torch.nn.functional.one_hot(labels, 3).to(X.dtype)
        N, lr = X.shape[0], spec.lr
        g = torch.Generator().manual_seed(0)
        for _ in range(epochs):
            perm = torch.randperm(N, generator=g)
            epoch_loss = 0.0
            for i in range(0, N, BATCH):
                idx = perm[i:i + BATCH]
                xb, yb, Yb = X[idx], labels[idx], Y[idx]
                n = xb.shape[0]
                a1 = torch.relu(xb @ w1 + b1)
                a2 = torch.relu(a1 @ w2 + b2)
                a3 = torch.relu(a2 @ w3 + b3)
                l4 = a3 @ w4 + b4
                y_pred = torch.softmax(l4, dim=1)
                loss = torch.nn.functional.cross_entropy(l4, yb)
                epoch_loss += loss.item() * n
                d_l4 = (y_pred - Yb) / n
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
                w1 -= lr * (xb.T @ d_l1)
                b1 -= lr * d_l1.sum(0)
        return epoch_loss / N

    return run


def engine_minibatch(spec, data):
    def run(epochs: int) -> float:
        t = Trainer(spec, data)
        for _ in t.train(epochs, every=epochs + 1):
            pass
        return t.losses[-1]

    return run


def run() -> list[tuple[str, float, float | None, str]]:
    torch.set_num_threads(1)
    spec, data = _spiral()
    spec = spec.with_changes(batch_size=BATCH)
    t = _paired({"bare": bare_minibatch(spec, data), "fast": engine_minibatch(spec, data)}, EPOCHS // 5)
    steps = -(-data.n_samples // BATCH)
    return [
        (f"spiral 2→64→64→64→3, 900 points, batch {BATCH} ({steps} steps), {EPOCHS // 5} epochs: bare (CPU s)",
         statistics.median(t["bare"]), None, ""),
        (f"spiral batch {BATCH}: fast path (Trainer.train) / bare mini-batch loop", ratio_of(t, "fast", "bare"),
         0.9, "<="),
    ]
