"""The test set of a train/test split: rows the network never trains on, measured every epoch.

The Trainer trains only on the data's training rows (`data.train_index`, engine/io/split.py). Before each
epoch's update, beside that epoch's training loss, a HeldOut measures the same loss (the L2 term included,
so the two curves compare like with like) and the accuracy on the test rows with the same parameters: a
forward pass only, which reads the parameters and changes nothing, so training runs exactly as without a
test set (the fast and traced paths stay bit-identical).
"""

from __future__ import annotations

import math
from array import array

import torch

from engine.core.network import Network, Params, Targets
from engine.core.spec import NetworkSpec


def accuracy(spec: NetworkSpec, y_pred: torch.Tensor, T: Targets) -> float | None:
    """The share of rows whose predicted class is their label (None for regression)."""
    if spec.loss == "mse":
        return None
    hit = y_pred.argmax(1) == T.labels if spec.loss == "softmax_ce" else (y_pred > 0.5) == T.positive
    return int(hit.sum()) / hit.numel()


class HeldOut:
    """The test rows of one trainer and their per-epoch history (`losses[e-1]`: epoch e, NaN where unknown)."""

    def __init__(self, net: Network, X: torch.Tensor, y: torch.Tensor, losses=(), accuracies=(), epochs: int = 0):
        self.net, self.spec = net, net.spec
        self.X = X.to(net.spec.torch_dtype).contiguous()  # (N_test, in)
        self.T = Targets(net.spec, y)
        self.losses = array("d", losses)
        self.accuracies = array("d", accuracies)
        for hist in (self.losses, self.accuracies):  # a history saved without the test set: unknown epochs
            del hist[epochs:]
            hist.extend([math.nan] * (epochs - len(hist)))
        self._pending: tuple[float, float] | None = None

    @property
    def n(self) -> int:
        return int(self.X.shape[0])

    def measure(self, P: Params) -> tuple[float, float]:
        """(loss, accuracy) of parameters P on the test rows (accuracy NaN for regression)."""
        ls, as_ = self.net.forward(P, self.X)
        loss = float(self.net.loss(P, ls[-1], as_[-1], self.T))
        acc = accuracy(self.spec, as_[-1], self.T)
        return loss, math.nan if acc is None else acc

    def before_update(self, P: Params) -> None:
        """Measure the parameters an epoch starts from; `log` records it once the epoch counts."""
        self._pending = self.measure(P)

    def log(self) -> None:
        loss, acc = self._pending if self._pending is not None else (math.nan, math.nan)
        self._pending = None
        self.losses.append(loss)
        self.accuracies.append(acc)

    def cut(self, epochs: int) -> None:
        """Forget the history after `epochs` epochs (rewind)."""
        del self.losses[epochs:]
        del self.accuracies[epochs:]
