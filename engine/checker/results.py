"""What a verdict is made of, shared by engine.checker.verdicts (gradients) and update_verdicts (updates):
the TensorResult record and the small formatting helpers (the learner's values as tensors: values.py).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

import torch

from engine.core.trace import BATCH_SUM
from engine.text import Text

from .values import F64, NotATensor, as_tensor  # noqa: F401 - re-exported for the judges

MAX_VALUES = 4096  # tensors with more entries are reported without their values
ACT_HELPER = {"σ": "sigmoid", "tanh": "tanh", "ReLU": "relu", "LReLU": "leaky_relu", "id": "linear"}


@dataclass
class TensorResult:
    """One verdict. `status` and `hint_code` are stable codes; `numbers` holds what the hint mentions; the hint
    itself is `hint_text`, an engine Text (engine/text/verdicts.py) whose English is `hint`."""

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
    global_status: str | None = None  # against the engine's value alone: ok | sign | scale | shape | differs
    global_factor: float | None = None  # k with got ≈ k × the engine's value
    hint_text: dict | None = None  # the hint as an engine.text.Text: {code, args, text} (text is `hint`)
    formula_text: dict | None = None  # the engine's formula as one (text is `formula`)

    def explain(self, text: Text) -> None:
        """Set the hint: its Text (code and arguments) and its English."""
        self.hint_text = text.to_dict()
        self.hint = self.hint_text["text"]

    def to_dict(self, values: bool = True) -> dict:
        d = asdict(self)
        if not values:
            d.pop("expected")
            d.pop("got")
        return d


def base_of(name: str) -> str:
    """d_w2 → w2, d_loss → y_pred (the tensor whose shape the gradient has)."""
    return "y_pred" if name == "d_loss" else name[2:]


def formula(s) -> str:
    """The engine's formula for a step, as code where the notation is not code."""
    if s.op == BATCH_SUM:
        return f"{s.name} = {s.operands[0].name}.sum(0)"
    return s.formula


def step_formula(s) -> Text:
    """The step's formula with its remark ("(lr = 0.01)") as a Text: `s.formula`, translatable."""
    remark = s.remark_text
    return s.formula_text if remark is None else Text("checker.formula", {"formula": s.formula_text,
                                                                          "remark": remark})


def formula_arg(s):
    """The right formula as an explanation's argument: code for a batch sum, else the step's formula Text."""
    return formula(s) if s.op == BATCH_SUM else step_formula(s)


def T(code: str, **args) -> Text:
    return Text(code, args)


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
