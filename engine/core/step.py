"""A Step: one immutable record per operation of an epoch.

A Step says what was computed (name, phase, op kind), from what (operands with their own shapes and whether
each enters transposed or broadcast), and the detached result. Its explanation is data: `step.text` is a
StepText, a code and its arguments (names, shapes as text, numbers), never a finished sentence. The templates
of a code live once in engine/text/steps.py:

    code            the formula in the notebook's names        "{l} = {a} @ {w} + {b}"
    code.remark     a bracketed remark after the formula       "(sum over axis 0)", "(lr = {lr:g})"
    code.why        the dimension argument (every gradient)    "{d_w} must be {w_shape} like {w}; …"
    code.note       a note                                      "{a} {a_shape} @ {w} {w_shape} → …"

`step.code` / `step.args` are the code and its arguments; `step.formula_text`, `remark_text`, `why_text`,
`note_text` the engine.text.Text of each part (None where the code has no such template), which the app
translates with app.i18n.engine_text. `step.formula` (formula and remark), `step.title` (the formula
alone), `step.why` and `step.note` are their English renderings, made on first use and cached with the
StepText, which the Network shares between the epochs of one batch size (so the traced path builds no
strings). Views render Steps; they never recompute the maths.
"""

from __future__ import annotations

from typing import Any, Mapping, NamedTuple

import torch

from engine.text import Text, render
from engine.text.steps import STEPS

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

PARTS = ("formula", "remark", "why", "note")


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


class LayerNames(NamedTuple):
    """Every name layer k's steps use, made once per network (a trace builds no strings)."""

    w: str  # w{k}
    b: str  # b{k}
    d_w: str
    d_b: str
    l: str  # l{k}
    d_l: str  # d_l{k}
    a_prev: str  # a{k-1}: X for k = 1
    a: str  # a{k}: y_pred for the last layer
    d_a_prev: str  # d_a{k-1}
    f_prime: str  # f'(l{k}) as shown: "σ'(l1)" ("" for a softmax output)


class StepText:
    """A step's explanation: a template code and its arguments; each part's English made once, on first use."""

    __slots__ = ("code", "args", "_en")

    def __init__(self, code: str, args: Mapping[str, Any]):
        if code not in STEPS:
            raise KeyError(f"no step template {code!r}")
        self.code, self.args, self._en = code, args, {}

    def text(self, part: str) -> Text | None:
        """The Text of one part ("formula", "remark", "why", "note"), None where the code has none."""
        key = self.code if part == "formula" else f"{self.code}.{part}"
        return Text(key, self.args) if key in STEPS else None

    def english(self, part: str) -> str:
        s = self._en.get(part)
        if s is None:
            s = self._en[part] = render(self.text(part))
        return s

    def __repr__(self) -> str:
        return f"StepText({self.code!r}, {dict(self.args)!r})"


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
        return {"name": self.name, "shape": list(self.shape), "transposed": self.transposed,
                "broadcast": self.broadcast}


class Step(NamedTuple):
    """One operation of one epoch, in order."""

    index: int
    name: str  # what it computes: "l1", "d_w2", "w1" (an update)
    phase: str  # forward | backward | update
    op: str  # one of the op kinds above
    layer: int  # the layer k it belongs to (0 for the loss steps)
    operands: tuple[Operand, ...]
    output: "torch.Tensor | Lazy"
    text: StepText  # the explanation: code and args

    @property
    def result(self) -> torch.Tensor:
        return _get(self.output)

    @property
    def shape(self) -> tuple[int, ...]:
        return tuple(self.result.shape)

    # ----- the explanation: code and arguments, each part as a Text, and in English ---------------------
    @property
    def code(self) -> str:
        return self.text.code

    @property
    def args(self) -> Mapping[str, Any]:
        return self.text.args

    @property
    def formula_text(self) -> Text:
        return self.text.text("formula")

    @property
    def remark_text(self) -> Text | None:
        return self.text.text("remark")

    @property
    def why_text(self) -> Text | None:
        return self.text.text("why")

    @property
    def note_text(self) -> Text | None:
        return self.text.text("note")

    @property
    def title(self) -> str:
        """The formula without its remark: "w1 ← w1 − lr·d_w1", "d_b1 = Σₙ d_l1[n, :]"."""
        return self.text.english("formula")

    @property
    def formula(self) -> str:
        """The formula in the notebook's names, with its remark: "d_b1 = Σₙ d_l1[n, :]   (sum over axis 0)"."""
        remark = self.text.english("remark")
        return f"{self.title}   {remark}" if remark else self.title

    @property
    def why(self) -> str:
        """Why the result has its shape (every gradient); "" for the others."""
        return self.text.english("why")

    @property
    def note(self) -> str:
        return self.text.english("note")

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
            "code": self.code,
            "args": {k: (v.to_dict() if isinstance(v, Text) else v) for k, v in self.args.items()},
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
