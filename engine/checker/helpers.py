"""The helper functions bound for the learner's code in the checker (engine.checker.exercise), notebook style.

The notebook defines `sigmoid(x)` and `sigmoid_p(x)` (its derivative, taken at the pre-activation: the
notebook writes `sigmoid_p(l2)`); the same pattern is given for every activation the engine knows. Each
`<f>_p(x)` is f'(x) element by element, so `d_l1 = sigmoid_p(l1) * d_a1`. Softmax mixes the entries of a
row, so it has no element-wise derivative; `softmax_backward(y_pred, d_y_pred)` applies its Jacobian.

`HELPERS` documents them (name, call, text) for the app's code template.
"""

from __future__ import annotations

from dataclasses import dataclass

import torch

from engine.core.activations import LEAKY_SLOPE


def _t(x) -> torch.Tensor:
    return x if isinstance(x, torch.Tensor) else torch.as_tensor(x)


def sigmoid(x):
    return torch.sigmoid(_t(x))


def sigmoid_p(x):
    s = torch.sigmoid(_t(x))
    return s * (1 - s)


def tanh(x):
    return torch.tanh(_t(x))


def tanh_p(x):
    t = torch.tanh(_t(x))
    return 1 - t * t


def relu(x):
    return torch.relu(_t(x))


def relu_p(x):
    x = _t(x)
    return (x > 0).to(x.dtype if x.is_floating_point() else torch.get_default_dtype())


def leaky_relu(x):
    return torch.nn.functional.leaky_relu(_t(x), LEAKY_SLOPE)


def leaky_relu_p(x):
    x = _t(x)
    dt = x.dtype if x.is_floating_point() else torch.get_default_dtype()
    return torch.where(x > 0, torch.ones((), dtype=dt), torch.full((), LEAKY_SLOPE, dtype=dt))


def linear(x):
    return _t(x)


def linear_p(x):
    x = _t(x)
    return torch.ones_like(x, dtype=x.dtype if x.is_floating_point() else torch.get_default_dtype())


def softmax(x):
    return torch.softmax(_t(x), dim=1)


def softmax_backward(s, d_s):
    """d_l from the softmax output s = softmax(l) (N × K) and d_s = ∂loss/∂s (N × K), row by row:
    s ⊙ (d_s − Σⱼ s⊙d_s)."""
    s, d_s = _t(s), _t(d_s)
    return s * (d_s - (s * d_s).sum(1, keepdim=True))


@dataclass(frozen=True)
class Helper:
    name: str
    call: str
    text: str


HELPERS: tuple[Helper, ...] = (
    Helper("sigmoid", "sigmoid(x)", "σ(x) = 1 / (1 + e^−x), entry by entry"),
    Helper("sigmoid_p", "sigmoid_p(x)",
           "σ'(x) = σ(x)·(1 − σ(x)); the notebook's d_l2 = sigmoid_p(l2) * d_loss"),
    Helper("tanh", "tanh(x)", "tanh(x), entry by entry"),
    Helper("tanh_p", "tanh_p(x)", "tanh'(x) = 1 − tanh(x)²"),
    Helper("relu", "relu(x)", "max(x, 0), entry by entry"),
    Helper("relu_p", "relu_p(x)", "ReLU'(x): 1 where x > 0, else 0"),
    Helper("leaky_relu", "leaky_relu(x)", f"x where x > 0, else {LEAKY_SLOPE}·x"),
    Helper("leaky_relu_p", "leaky_relu_p(x)", f"1 where x > 0, else {LEAKY_SLOPE}"),
    Helper("linear", "linear(x)", "x itself (no activation)"),
    Helper("linear_p", "linear_p(x)", "1 everywhere"),
    Helper("softmax", "softmax(x)", "row-wise softmax: each row of x becomes probabilities"),
    Helper("softmax_backward", "softmax_backward(y_pred, d_y_pred)",
           "the softmax Jacobian applied row by row: y_pred ⊙ (d − Σⱼ y_pred⊙d)"),
)

FUNCTIONS = {
    "sigmoid": sigmoid, "sigmoid_p": sigmoid_p, "tanh": tanh, "tanh_p": tanh_p, "relu": relu,
    "relu_p": relu_p, "leaky_relu": leaky_relu, "leaky_relu_p": leaky_relu_p, "linear": linear,
    "linear_p": linear_p, "softmax": softmax, "softmax_backward": softmax_backward,
}
