"""What a verdict is made of, shared by engine.checker.verdicts (gradients) and update_verdicts (updates):
the TensorResult record, the learner's value as a tensor, and the small formatting helpers.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

import torch

from engine.core.trace import BATCH_SUM

MAX_VALUES = 4096  # tensors with more entries are reported without their values
MAX_COMPARE = 10**7  # larger tensors are not even converted (the network's own are far smaller)
F64 = torch.float64
ACT_HELPER = {"σ": "sigmoid", "tanh": "tanh", "ReLU": "relu", "LReLU": "leaky_relu", "id": "linear"}


@dataclass
class TensorResult:
    """One verdict. `status` and `hint_code` are stable codes; `numbers` holds what the hint mentions."""

    name: str
    kind: str  # gradient | update
    expected_shape: list[int]
    got_shape: list[int] | None
    status: str
    factor: float | None = None
    max_abs_err: float | None = None
    follows_from: str | None = None
    hint: str = ""
    hint_code: str | None = None
    numbers: dict = field(default_factory=dict)
    expected: list | None = None
    got: list | None = None
    line: int | None = None  # the line of the learner's code that last assigned it
    formula: str = ""  # the engine's formula for it

    def to_dict(self, values: bool = True) -> dict:
        d = asdict(self)
        if not values:
            d.pop("expected")
            d.pop("got")
        return d


class NotATensor:
    """A learner value that is not a tensor (and cannot become one)."""

    def __init__(self, type_name: str):
        self.type_name = type_name


def as_tensor(v):
    """The learner's value as a detached float64 tensor, or NotATensor."""
    if isinstance(v, torch.Tensor):
        if v.numel() > MAX_COMPARE:
            return NotATensor(f"tensor of shape {tuple(v.shape)}, too large to compare")
        t = v.detach()
        if t.layout != torch.strided:
            t = t.to_dense()
        if t.is_complex():
            return NotATensor("complex tensor")
        return t.to(F64).as_subclass(torch.Tensor).clone()
    if isinstance(v, (bool, int, float, list, tuple)) or type(v).__module__ == "numpy":
        try:
            return torch.as_tensor(v, dtype=F64).clone()
        except (TypeError, ValueError, RuntimeError):
            pass
    return NotATensor(type(v).__name__)


def base_of(name: str) -> str:
    """d_w2 → w2, d_loss → y_pred (the tensor whose shape the gradient has)."""
    return "y_pred" if name == "d_loss" else name[2:]


def formula(s) -> str:
    """The engine's formula for a step, as code where the notation is not code."""
    if s.op == BATCH_SUM:
        return f"{s.name} = {s.operands[0].name}.sum(0)"
    return s.formula


def _values(t: torch.Tensor | None):
    if t is None or t.numel() > MAX_VALUES:
        return None
    return t.tolist()


def _snap(k: float, N: int, lr: float) -> float:
    cands = [1.0, float(N), 1.0 / N, 2.0, 0.5, 2.0 / N, N / 2.0, 1.0 / lr, lr]
    for c in cands:
        for s in (1.0, -1.0):
            if abs(k - s * c) <= 1e-3 * abs(c):
                return s * c
    return float(f"{k:.6g}")
