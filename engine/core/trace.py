"""The trace: one immutable record per operation of an epoch.

A Step says what was computed (name, phase, op kind), from what (operands with their own shapes and
whether each enters transposed or broadcast), the detached result, the formula in the notebook's names,
and for gradients the dimension-analysis reason. Views render Steps; they never recompute the maths.
"""

from __future__ import annotations

from typing import NamedTuple

import torch

from .spec import shape_text

PHASES = ("forward", "backward", "update")

# op kinds
LINEAR = "linear"  # a @ w + b: matmul, then the bias broadcast-added to every row
ACTIVATION = "activation"  # a = f(l), element-wise
SOFTMAX = "softmax"  # row-wise softmax
LOSS = "loss"
LOSS_GRAD = "loss_grad"  # d_loss = ∂loss/∂y_pred
ACT_GRAD = "act_grad"  # d_l = f'(l) ⊙ d_a
MATMUL = "matmul"  # gradient products: a1ᵀ @ d_l2, d_l2 @ w2ᵀ
BATCH_SUM = "batch_sum"  # d_b = Σ over the batch axis of d_l
UPDATE = "update"  # p ← p − lr·d_p

OP_TEXT = {
    LINEAR: "matmul + bias broadcast-add",
    ACTIVATION: "activation",
    SOFTMAX: "softmax",
    LOSS: "loss",
    LOSS_GRAD: "loss gradient",
    ACT_GRAD: "activation-derivative ⊙",
    MATMUL: "matmul",
    BATCH_SUM: "batch sum",
    UPDATE: "update",
}


class Lazy:
    """A display-only tensor computed on first use (e.g. σ'(l1) = a1·(1 − a1)), so the traced path does
    not pay for numbers nobody looks at. Its inputs are tensors that nothing mutates afterwards."""

    __slots__ = ("_fn", "_v")

    def __init__(self, fn):
        self._fn, self._v = fn, None

    def get(self) -> torch.Tensor:
        if self._v is None:
            self._v, self._fn = self._fn(), None
        return self._v


def _get(v):
    return v.get() if type(v) is Lazy else v


class Operand(NamedTuple):
    """One input of a Step. `shape` is the operand's own shape (a1 is (4×2) even where it enters as a1ᵀ)."""

    name: str
    tensor: "torch.Tensor | Lazy"
    transposed: bool = False
    broadcast: bool = False

    @property
    def value(self) -> torch.Tensor:
        return _get(self.tensor)

    @property
    def shape(self) -> tuple[int, ...]:
        return tuple(self.value.shape)

    @property
    def used_shape(self) -> tuple[int, ...]:
        """The shape as it enters the operation (transposed if marked so)."""
        return tuple(reversed(self.shape)) if self.transposed else self.shape

    @property
    def label(self) -> str:
        return self.name + ("ᵀ" if self.transposed else "")

    def to_dict(self) -> dict:
        return {
            "name": self.name,
            "shape": list(self.shape),
            "transposed": self.transposed,
            "broadcast": self.broadcast,
        }


class Step(NamedTuple):
    """One operation of one epoch, in order."""

    index: int
    name: str  # what it computes: "l1", "d_w2", "w1" (an update)
    phase: str  # forward | backward | update
    op: str  # one of the op kinds above
    layer: int  # the layer k it belongs to (0 for the loss steps)
    operands: tuple[Operand, ...]
    output: "torch.Tensor | Lazy"
    formula: str  # in the notebook's names
    why: str = ""  # dimension analysis, for every gradient
    note: str = ""  # e.g. "σ'(l2) ⊙ d_loss simplifies to (y_pred − y)/N"

    @property
    def result(self) -> torch.Tensor:
        return _get(self.output)

    @property
    def shape(self) -> tuple[int, ...]:
        return tuple(self.result.shape)

    @property
    def title(self) -> str:
        return f"{self.name} = {self.formula.split('=', 1)[-1].strip()}" if "=" in self.formula else self.formula

    def operand(self, name: str) -> Operand:
        for o in self.operands:
            if o.name == name:
                return o
        raise KeyError(name)

    def to_dict(self, values: bool = True) -> dict:
        d = {
            "index": self.index,
            "name": self.name,
            "phase": self.phase,
            "op": self.op,
            "layer": self.layer,
            "shape": list(self.shape),
            "operands": [o.to_dict() for o in self.operands],
            "formula": self.formula,
            "why": self.why,
            "note": self.note,
        }
        if values:
            d["value"] = self.result.tolist()
        return d

    def describe(self) -> str:
        """Several readable lines: formula, operands with shapes and flags, result shape, reason."""
        ops = []
        for o in self.operands:
            text = f"{o.name} {shape_text(o.shape)}"
            if o.transposed:
                text += f" used as {o.label} {shape_text(o.used_shape)}"
            if o.broadcast:
                text += f" broadcast to {shape_text(self.shape)}"
            ops.append(text)
        lines = [f"[{self.index:2d}] {self.phase:8s} {self.name} {shape_text(self.shape)}: {self.formula}"]
        lines.append(f"     {OP_TEXT[self.op]}; operands: " + ", ".join(ops))
        if self.why:
            lines.append(f"     why: {self.why}")
        if self.note:
            lines.append(f"     note: {self.note}")
        return "\n".join(lines)


class Recorder:
    """Collects Steps during a traced epoch.

    Results are stored as given: the engine never tracks gradients, and callers pass tensors that
    nothing mutates afterwards. Texts come as a zero-argument callable returning (formula, why, note),
    evaluated once per step index and cached in `texts` (set by the Network, shared across epochs).
    """

    def __init__(self) -> None:
        self.steps: list[Step] = []
        self.texts: dict[int, tuple[str, str, str]] = {}
        self.params_before: dict = {}
        self.params_after: dict = {}

    def add(self, name, phase, op, layer, operands, result, texts) -> None:
        i = len(self.steps)
        t = self.texts.get(i)
        if t is None:
            t = self.texts[i] = texts()
        self.steps.append(Step(i, name, phase, op, layer, operands, result, t[0], t[1], t[2]))
