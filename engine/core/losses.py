"""Each loss as a forward/backward pair; its backward is the output delta d_l{L} of the last layer.

    bce          loss = −mean(y·log(y_pred) + (1−y)·log(1−y_pred))     d_l{L} = (y_pred − y)/N
    softmax_ce   loss = −mean(log(y_pred[n, y[n]]))                    d_l{L} = (y_pred − Y)/N   (Y one-hot)
    mse          loss = mean((y_pred − y)²)                            d_l{L} = f'(l{L}) ⊙ 2(y_pred − y)/(N·T)

The cross-entropies are computed from the logits l{L} (never log(0)), and their output delta is the stable
simplified form of f'(l{L}) ⊙ d_loss, which never divides by y_pred. `d_loss` is the unsimplified gradient,
for display only. `forward(l_out, y_pred, T) -> (loss, cache)`, `backward(cache, out_act) -> d_l{L}`.
"""

from __future__ import annotations

import torch
import torch.nn.functional as F

from .spec import NetworkSpec


class Targets:
    """The data's targets in the forms the loss and its gradient need."""

    def __init__(self, spec: NetworkSpec, y: torch.Tensor):
        dt = spec.torch_dtype
        self.labels: torch.Tensor | None = None
        if spec.loss == "softmax_ce":
            self.labels = y.to(torch.int64).reshape(-1)  # (N,) class labels
            self.y = F.one_hot(self.labels, spec.outputs).to(dt)  # (N × K) one-hot Y
        elif spec.loss == "bce":
            self.y = y.to(dt).reshape(-1, 1)  # (N × 1)
            self.positive = self.y > 0.5  # (N × 1) bool, for accuracy
        else:
            self.y = y.to(dt).reshape(y.shape[0], -1)  # (N × T)

    def _part(self, cut) -> "Targets":
        """The targets of some rows (engine/core/batches.py): `cut` maps each tensor to its rows."""
        part = object.__new__(Targets)
        for name, value in vars(self).items():
            setattr(part, name, None if value is None else cut(value))
        return part

    def take(self, rows: torch.Tensor) -> "Targets":
        return self._part(lambda t: t.index_select(0, rows))  # (n, …) the given rows, in their order

    def narrow(self, start: int, n: int) -> "Targets":
        return self._part(lambda t: t[start:start + n])  # (n, …) a view of rows start … start+n−1


_COUNTS: dict = {}


def count_of(t: torch.Tensor) -> torch.Tensor:
    """N = t.shape[0] as a 0-dim tensor of t's dtype, made once per (N, dtype): `d.div_(count_of(d))` is
    `d.div_(N)` bit for bit, without wrapping the Python number in a new tensor on every call."""
    key = (t.shape[0], t.dtype)
    n = _COUNTS.get(key)
    if n is None:
        n = _COUNTS[key] = torch.tensor(key[0], dtype=t.dtype)
    return n


# ----- binary cross-entropy (sigmoid output) ------------------------------------------------------------------
def bce_forward(l_out, y_pred, T: Targets):
    # F.binary_cross_entropy_with_logits minus its Python wrapper: mean(softplus(l) − y·l), stable
    loss = torch.binary_cross_entropy_with_logits(l_out, T.y, None, None, 1)  # () = mean over (N, 1)
    return loss, (l_out, y_pred, T)


def bce_backward(cache, out_act=None):
    l_out, y_pred, T = cache
    return torch.sub(y_pred, T.y).div_(count_of(y_pred))  # (N, 1) = ((N, 1) − (N, 1)) / N: σ'(l)·d_loss, simplified


def bce_d_loss(y_pred, T: Targets):
    return -(T.y / y_pred - (1 - T.y) / (1 - y_pred)) / y_pred.shape[0]  # (N, 1), for display


def bce_per_sample(l_out, y_pred, T: Targets):
    return F.binary_cross_entropy_with_logits(l_out, T.y, reduction="none").sum(1)  # (N,)


# ----- softmax cross-entropy ----------------------------------------------------------------------------------------
def softmax_ce_forward(l_out, y_pred, T: Targets):
    loss = F.cross_entropy(l_out, T.labels)  # () = mean over N of −log softmax(l)[n, y[n]], log-sum-exp
    return loss, (l_out, y_pred, T)


def softmax_ce_backward(cache, out_act=None):
    l_out, y_pred, T = cache
    return torch.sub(y_pred, T.y).div_(count_of(y_pred))  # (N, K) = ((N, K) − (N, K)) / N: the Jacobian, simplified


def softmax_ce_d_loss(y_pred, T: Targets):
    return -(T.y / y_pred) / y_pred.shape[0]  # (N, K), for display


def softmax_ce_per_sample(l_out, y_pred, T: Targets):
    return F.cross_entropy(l_out, T.labels, reduction="none")  # (N,)


# ----- mean squared error --------------------------------------------------------------------------------------------
def mse_forward(l_out, y_pred, T: Targets):
    loss = F.mse_loss(y_pred, T.y)  # () = mean over every entry of (N, T)
    return loss, (l_out, y_pred, T)


def mse_backward(cache, out_act):
    l_out, y_pred, T = cache
    d_loss = (y_pred - T.y).mul_(2.0 / y_pred.numel())  # (N, T) = 2((N, T) − (N, T)) / (N·T)
    return out_act.backward(d_loss, (l_out, y_pred))  # (N, T) = f'(l) ⊙ d_loss


def mse_d_loss(y_pred, T: Targets):
    return (y_pred - T.y) * (2.0 / y_pred.numel())  # (N, T), for display


def mse_per_sample(l_out, y_pred, T: Targets):
    return F.mse_loss(y_pred, T.y, reduction="none").mean(1)  # (N,)


# ----- the table ------------------------------------------------------------------------------------------------------
class Loss:
    def __init__(self, name, forward, backward, d_loss, per_sample):
        self.name, self.forward, self.backward, self.d_loss, self.per_sample = \
            name, forward, backward, d_loss, per_sample


LOSSES = {
    "bce": Loss("bce", bce_forward, bce_backward, bce_d_loss, bce_per_sample),
    "softmax_ce": Loss("softmax_ce", softmax_ce_forward, softmax_ce_backward, softmax_ce_d_loss,
                       softmax_ce_per_sample),
    "mse": Loss("mse", mse_forward, mse_backward, mse_d_loss, mse_per_sample),
}


def l2_penalty(P, L: int, l2: float):
    """(l2/2)·Σ‖w‖² over the weights (not the biases)."""
    return 0.5 * l2 * sum((P[f"w{k}"] * P[f"w{k}"]).sum() for k in range(1, L + 1))  # ()
