"""An independent autograd reference of the engine's network, used only for checking.

This is the one module in engine/ that uses autograd (`requires_grad`): it sets it on float64 *copies* of
the parameters, never on the engine's own tensors, and nothing in training calls it. The engine proper
(network.py) computes every gradient by hand; gradcheck and the tests compare those hand-made gradients
with the ones autograd finds here.

It is written independently of network.py on purpose: the layers use `F.linear` (nn.Linear's convention,
weight (out × in), so it is given w{k}ᵀ), the activations come from torch / torch.nn.functional, and the
losses are written from their definitions, in stable forms with accurate slopes:

    bce         −mean(y·logσ(l) + (1−y)·logσ(−l))       = −mean(y·log y_pred + (1−y)·log(1 − y_pred))
    softmax_ce  mean(logsumexp(l) − l[n, y[n]])         = −mean(log softmax(l)[n, y[n]])
    mse         mean((y_pred − y)²)                     over every entry
    + 0.5·l2·Σₖ ‖w{k}‖²                                 (weights only, never biases)
"""

from __future__ import annotations

from typing import Mapping

import torch
import torch.nn.functional as F

from engine.core.spec import NetworkSpec

F64 = torch.float64
LEAKY_SLOPE = 0.01  # the same slope as engine.core.activations, written out here on purpose

_HIDDEN = {
    "sigmoid": torch.sigmoid,
    "tanh": torch.tanh,
    "relu": F.relu,
    "leaky_relu": lambda l: F.leaky_relu(l, LEAKY_SLOPE),
    "linear": lambda l: l,
}


def _targets(spec: NetworkSpec, targets) -> torch.Tensor:
    """Class labels (N,) for softmax_ce, else float64 targets (N × out). Accepts engine.core.network.Targets
    or the dataset's raw y."""
    if hasattr(targets, "y") and not isinstance(targets, torch.Tensor):  # engine.core.network.Targets
        if spec.loss == "softmax_ce":
            return targets.labels.detach().to(torch.int64).reshape(-1)
        return targets.y.detach().to(F64).reshape(targets.y.shape[0], -1)
    y = torch.as_tensor(targets).detach()
    if spec.loss == "softmax_ce":
        return y.to(torch.int64).reshape(-1)
    return y.to(F64).reshape(y.shape[0], -1)


def forward(spec: NetworkSpec, params: Mapping[str, torch.Tensor], X: torch.Tensor):
    """(l_out, y_pred): the last pre-activation and the prediction, through torch.nn.functional ops."""
    a = X
    L = spec.depth
    l = a
    for k in range(1, L + 1):
        l = F.linear(a, params[f"w{k}"].t(), params[f"b{k}"])  # (N, out)
        if k < L:
            a = _HIDDEN[spec.hidden[k - 1].activation](l)
        elif spec.output_activation == "softmax":
            a = F.softmax(l, dim=1)
        elif spec.output_activation == "sigmoid":
            a = torch.sigmoid(l)
        else:
            a = l
    return l, a


def loss(spec: NetworkSpec, params: Mapping[str, torch.Tensor], X: torch.Tensor, targets) -> torch.Tensor:
    """The training loss (data loss + the L2 term) as a 0-d tensor."""
    l_out, y_pred = forward(spec, params, X)
    t = _targets(spec, targets)
    if spec.loss == "bce":
        # logsigmoid, not softplus: F.softplus turns linear above l = 20; its slope 1 there is off by e^-20
        t = t.to(l_out.dtype)
        data = -(t * F.logsigmoid(l_out) + (1 - t) * F.logsigmoid(-l_out)).mean()
    elif spec.loss == "softmax_ce":
        data = (torch.logsumexp(l_out, dim=1) - l_out.gather(1, t.reshape(-1, 1)).reshape(-1)).mean()
    else:
        data = ((y_pred - t.to(y_pred.dtype)) ** 2).mean()
    if spec.l2:
        data = data + 0.5 * spec.l2 * sum((params[f"w{k}"] ** 2).sum() for k in range(1, spec.depth + 1))
    return data


def autograd_grads(spec: NetworkSpec, params: Mapping[str, torch.Tensor], X: torch.Tensor, targets
                   ) -> dict[str, torch.Tensor]:
    """{"d_w1": …, "d_b1": …, …}: ∂loss/∂p by torch.autograd, in float64, on copies.

    `params` and `X` are copied to float64 (the caller's tensors are left untouched and never get
    requires_grad); `targets` is engine.core.network.Targets or the raw labels/targets y.
    """
    P = {k: params[k].detach().to(F64).clone().requires_grad_(True) for k in spec.param_names}
    X64 = X.detach().to(F64)
    with torch.enable_grad():
        value = loss(spec, P, X64, targets)
        grads = torch.autograd.grad(value, [P[k] for k in spec.param_names])
    return {f"d_{k}": g.detach() for k, g in zip(spec.param_names, grads)}
