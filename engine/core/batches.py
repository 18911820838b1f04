"""Mini-batches: which rows of X each step of an epoch takes, and what an epoch's loss is.

An epoch is one pass over the N rows of the data made of S = ⌈N/k⌉ steps (k = the network's batch_size); each
step is a whole forward/backward/update (Network.epoch) on its rows. With batch_size None, or k ≥ N, there is
one step on all of X in its order: exactly the full-batch epoch. Otherwise the rows are shuffled every epoch,
deterministically from the session's seed and the epoch's number (1-based), and taken k at a time; the last
step takes the N − (S−1)·k rows left, which may be fewer:

    g = torch.Generator().manual_seed((seed * 1_000_003 + epoch) % 2**63)
    order = torch.randperm(N, generator=g)          # (N,) the rows of this epoch, in their order
    step j (0-based) takes the rows order[j·k : (j+1)·k]

Because the order depends only on (seed, epoch), a rewind, a replay or a session reopened mid-epoch finds
the same batches without keeping any random state. The exported script draws them the same way.

The loss of an epoch (what the loss history and `run` report) is the mean over the epoch's samples of the loss
each sample had in its own step, i.e. the step losses weighted by their batch sizes, Σⱼ nⱼ·lossⱼ / N, summed
in step order in float64 (Python floats). For one step it is that step's loss itself, unchanged.
"""

from __future__ import annotations

import torch

SEED_STRIDE = 1_000_003  # the epoch's generator seed: (seed · SEED_STRIDE + epoch) mod 2⁶³


def steps_per_epoch(n: int, batch_size: int | None) -> int:
    """S = ⌈N/k⌉ (1 for the whole data set)."""
    if batch_size is None or batch_size >= n:
        return 1
    return -(-n // batch_size)


def batch_sizes(n: int, batch_size: int | None) -> list[int]:
    """The rows of each step of an epoch: k, k, …, and what is left for the last."""
    s = steps_per_epoch(n, batch_size)
    if s == 1:
        return [n]
    return [batch_size] * (s - 1) + [n - (s - 1) * batch_size]


def epoch_seed(seed: int, epoch: int) -> int:
    return (seed * SEED_STRIDE + epoch) % 2**63


def epoch_order(n: int, seed: int, epoch: int) -> torch.Tensor:
    """The rows of epoch `epoch` (1-based) in the order its steps take them, (N,) int64."""
    g = torch.Generator().manual_seed(epoch_seed(seed, epoch))
    return torch.randperm(n, generator=g)


def epoch_loss(step_losses, sizes: list[int], n: int) -> float:
    """Σⱼ nⱼ·lossⱼ / N in step order; the loss itself for a single step."""
    if len(sizes) == 1:
        return float(step_losses[0])
    total = 0.0
    for loss, size in zip(step_losses, sizes):
        total += float(loss) * size
    return total / n


class EpochBatches:
    """The data of one epoch, shuffled once: step j's rows are a contiguous slice (a view, no copy)."""

    __slots__ = ("epoch", "order", "X", "T", "sizes", "starts")

    def __init__(self, X: torch.Tensor, T, seed: int, epoch: int, batch_size: int):
        n = X.shape[0]
        self.epoch = epoch
        self.order = epoch_order(n, seed, epoch)  # (N,)
        self.X = X.index_select(0, self.order)  # (N, in) the rows in this epoch's order
        self.T = T.take(self.order)
        self.sizes = batch_sizes(n, batch_size)
        self.starts = [j * batch_size for j in range(len(self.sizes))]

    def rows(self, j: int) -> torch.Tensor:
        """The rows of X in step j (indices into the data), (n_j,)."""
        s = self.starts[j]
        return self.order[s:s + self.sizes[j]]

    def step(self, j: int):
        """(X_b, T_b): step j's rows of X (n_j, in) and their targets."""
        s, n = self.starts[j], self.sizes[j]
        return self.X[s:s + n], self.T.narrow(s, n)
