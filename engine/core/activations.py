"""Activations as forward/backward pairs, written by hand.

    forward(l)          -> a, cache        a = f(l), element-wise; cache = (l, a)
    backward(d_a, cache) -> d_l            d_l = f'(l) ⊙ d_a, with f' written through what the forward pass has

Each backward is exactly the torch expression in `grad_code`, which the code exporter writes out, so
exported scripts reproduce the engine's numbers bit for bit. `derivative(l, a)` is f'(l) itself, for display
only; `derivative_note` is its explanation (a Text of engine/text/steps.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import torch

from engine.text import Text, render

LEAKY_SLOPE = 0.01


# ----- the pairs ---------------------------------------------------------------------------------------------
def sigmoid_forward(l):
    a = torch.sigmoid(l)  # (N, n) = σ((N, n))
    return a, (l, a)


def sigmoid_backward(d_a, cache):
    l, a = cache
    return _sigmoid_backward(d_a, a)  # (N, n) = (N, n) ⊙ (1 − a) ⊙ a, as d_a * (1 - a) * a, bit for bit


# torch's own kernel for d_a * (1 - a) * a (the one autograd uses for torch.sigmoid): one pass over the
# tensors instead of three element-wise operations, and the same numbers as that expression in that order
_sigmoid_backward = torch.ops.aten.sigmoid_backward.default


def tanh_forward(l):
    a = torch.tanh(l)  # (N, n)
    return a, (l, a)


def tanh_backward(d_a, cache):
    l, a = cache
    return d_a * (1 - a * a)  # (N, n) = (N, n) ⊙ (1 − a²)


def relu_forward(l):
    a = torch.relu(l)  # (N, n) = max(l, 0)
    return a, (l, a)


def relu_backward(d_a, cache):
    l, a = cache
    return d_a * torch.sign(a)  # (N, n) = (N, n) ⊙ [l > 0]: sign(a) is that 0/1 mask (a = max(l, 0)), and faster


def leaky_relu_forward(l):
    a = torch.nn.functional.leaky_relu(l, LEAKY_SLOPE)  # (N, n)
    return a, (l, a)


def leaky_relu_backward(d_a, cache):
    l, a = cache
    return torch.where(l > 0, d_a, d_a * LEAKY_SLOPE)  # (N, n): 1 or the slope, entry by entry


def linear_forward(l):
    return l, (l, l)  # (N, n): the identity


def linear_backward(d_a, cache):
    return d_a  # (N, n): id'(l) = 1


def softmax_forward(l):
    """Row-wise softmax (N × K): each row of l becomes probabilities that sum to 1. Its backward is only ever
    taken together with cross-entropy (engine/core/losses.py), where it simplifies."""
    a = torch.softmax(l, dim=1)  # (N, K)
    return a, (l, a)


def softmax(l: torch.Tensor) -> torch.Tensor:
    return torch.softmax(l, dim=1)


# ----- the table -----------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Activation:
    name: str  # key used in specs: "sigmoid"
    symbol: str  # "σ"
    forward: Callable  # l -> (a, cache)
    backward: Callable  # (d_a, cache) -> d_l
    derivative: Callable[[torch.Tensor, torch.Tensor], torch.Tensor]  # f'(l) from (l, a), for display
    forward_code: str  # "torch.sigmoid({l})"
    grad_code: str  # "{d} * {a} * (1 - {a})"
    derivative_note: Text  # f' in words: Text("derivative.sigmoid")

    def grad(self, d_a, l, a):
        """d_l = f'(l) ⊙ d_a (the backward with its cache spelled out)."""
        return self.backward(d_a, (l, a))

    @property
    def derivative_text(self) -> str:
        return render(self.derivative_note)


ACTIVATIONS: dict[str, Activation] = {
    "sigmoid": Activation(
        "sigmoid", "σ", sigmoid_forward, sigmoid_backward, lambda l, a: a * (1 - a),
        "torch.sigmoid({l})", "{d} * (1 - {a}) * {a}", Text("derivative.sigmoid"),
    ),
    "tanh": Activation(
        "tanh", "tanh", tanh_forward, tanh_backward, lambda l, a: 1 - a * a,
        "torch.tanh({l})", "{d} * (1 - {a} * {a})", Text("derivative.tanh"),
    ),
    "relu": Activation(
        "relu", "ReLU", relu_forward, relu_backward, lambda l, a: (l > 0).to(l.dtype),
        "torch.relu({l})", "{d} * torch.sign({a})", Text("derivative.relu"),
    ),
    "leaky_relu": Activation(
        "leaky_relu", "LReLU", leaky_relu_forward, leaky_relu_backward,
        lambda l, a: torch.where(l > 0, torch.ones_like(l), torch.full_like(l, LEAKY_SLOPE)),
        f"torch.nn.functional.leaky_relu({{l}}, {LEAKY_SLOPE})",
        f"torch.where({{l}} > 0, {{d}}, {{d}} * {LEAKY_SLOPE})", Text("derivative.leaky_relu", {"slope": LEAKY_SLOPE}),
    ),
    "linear": Activation(
        "linear", "id", linear_forward, linear_backward, lambda l, a: torch.ones_like(l),
        "{l}", "{d}", Text("derivative.linear"),
    ),
}


def get(name: str) -> Activation:
    return ACTIVATIONS[name]
