"""Activations and their derivatives, written by hand.

Each derivative is expressed through what the forward pass already has (the activation `a` and the
pre-activation `l`), as the learner would write it. `grad` computes d_l = f'(l) ⊙ d_a with exactly the
torch expression in `grad_code`, which the code exporter writes out, so exported scripts reproduce the
engine's numbers bit for bit.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import torch

LEAKY_SLOPE = 0.01


@dataclass(frozen=True)
class Activation:
    name: str  # key used in specs: "sigmoid"
    symbol: str  # "σ"
    forward: Callable[[torch.Tensor], torch.Tensor]
    derivative: Callable[[torch.Tensor, torch.Tensor], torch.Tensor]  # f'(l) from (l, a), for display
    grad: Callable[[torch.Tensor, torch.Tensor, torch.Tensor], torch.Tensor]  # d_l from (d_a, l, a)
    forward_code: str  # "torch.sigmoid({l})"
    grad_code: str  # "{d} * {a} * (1 - {a})"
    derivative_text: str  # "σ'(l) = σ(l)·(1 − σ(l)) = a·(1 − a)"


def _sigmoid_grad(d, l, a):
    return d * a * torch.rsub(a, 1)  # d * a * (1 - a); torch.rsub skips Python's operator wrapper


def _tanh_grad(d, l, a):
    return d * (1 - a * a)


def _relu_grad(d, l, a):
    return d * torch.sign(a)  # sign(a) is the 0/1 mask of l > 0 (a = max(l, 0)), and much faster to build


def _leaky_grad(d, l, a):
    return torch.where(l > 0, d, d * LEAKY_SLOPE)


def _linear_grad(d, l, a):
    return d


ACTIVATIONS: dict[str, Activation] = {
    "sigmoid": Activation(
        "sigmoid", "σ", torch.sigmoid,
        lambda l, a: a * (1 - a), _sigmoid_grad,
        "torch.sigmoid({l})", "{d} * {a} * (1 - {a})",
        "σ'(l) = σ(l)·(1 − σ(l)) = a·(1 − a)",
    ),
    "tanh": Activation(
        "tanh", "tanh", torch.tanh,
        lambda l, a: 1 - a * a, _tanh_grad,
        "torch.tanh({l})", "{d} * (1 - {a} * {a})",
        "tanh'(l) = 1 − tanh(l)² = 1 − a²",
    ),
    "relu": Activation(
        "relu", "ReLU", torch.relu,
        lambda l, a: (l > 0).to(l.dtype), _relu_grad,
        "torch.relu({l})", "{d} * torch.sign({a})",
        "ReLU'(l) = 1 where l > 0, else 0 (that is sign(a), as a = max(l, 0))",
    ),
    "leaky_relu": Activation(
        "leaky_relu", "LReLU", lambda l: torch.nn.functional.leaky_relu(l, LEAKY_SLOPE),
        lambda l, a: torch.where(l > 0, torch.ones_like(l), torch.full_like(l, LEAKY_SLOPE)), _leaky_grad,
        f"torch.nn.functional.leaky_relu({{l}}, {LEAKY_SLOPE})",
        f"torch.where({{l}} > 0, {{d}}, {{d}} * {LEAKY_SLOPE})",
        f"LReLU'(l) = 1 where l > 0, else {LEAKY_SLOPE}",
    ),
    "linear": Activation(
        "linear", "id", lambda l: l,
        lambda l, a: torch.ones_like(l), _linear_grad,
        "{l}", "{d}",
        "id'(l) = 1",
    ),
}


def softmax(l: torch.Tensor) -> torch.Tensor:
    """Row-wise softmax (N × K): each row of l becomes probabilities that sum to 1."""
    return torch.softmax(l, dim=1)


def get(name: str) -> Activation:
    return ACTIVATIONS[name]
