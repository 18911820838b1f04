"""The wrong alternatives of a gradient product: what the learner's likely other attempts would give.

For every gradient of a product (d_w{k} = a{k-1}ᵀ @ d_l{k}, d_a{k-1} = d_l{k} @ w{k}ᵀ) the right product
has two factors, each used as itself or transposed. The attempts a learner makes instead move the
transpose or the order:

    forgot the transpose        a1 @ d_l2          d_l2 @ w2
    transpose on the other one  a1 @ d_l2ᵀ         d_l2ᵀ @ w2
    order swapped               d_l2 @ a1ᵀ         w2ᵀ @ d_l2
    swapped and transposed      d_l2ᵀ @ a1         w2 @ d_l2ᵀ

Each attempt is judged from the real shapes and, where the shape comes out right, the real values:
no product (which inner dimensions clash), a wrong shape (which, and whether it is the transpose of the
answer), or the right shape by accident (a square case), with the answer's numbers transposed or simply
different, or even the same numbers (say so: then only the shapes of other data would tell). Every
outcome is an explanation code (engine/text/alternatives.py) with its arguments; no Qt, no sentences.
"""

from __future__ import annotations

from typing import NamedTuple, Sequence

import torch

from engine.text import Text

from .spec import shape_text as S
from .trace import MATMUL, Step

# outcomes, from worst to closest
NO_PRODUCT = "no_product"  # the inner dimensions differ
WRONG_SHAPE = "wrong_shape"  # a product, of another shape
TRANSPOSE = "transpose"  # the answer's transpose, a different shape
SQUARE_TRANSPOSED = "square_transposed"  # right shape (square), but the answer's numbers transposed
WRONG_VALUES = "wrong_values"  # right shape by accident, other numbers
SAME_VALUES = "same_values"  # right shape and, here, the same numbers (by accident)
RIGHT = "right"

# the attempts: (swap the order?, is the first factor transposed?, the second?) from the right product's
# (first_t, second_t); for a1ᵀ @ d_l2: a1 @ d_l2, a1 @ d_l2ᵀ, d_l2 @ a1ᵀ, d_l2ᵀ @ a1
_ATTEMPTS = (
    lambda ft, st: (False, False, False),  # forgot the transpose
    lambda ft, st: (False, not ft, not st),  # the transpose on the other factor
    lambda ft, st: (True, ft, st),  # the order swapped
    lambda ft, st: (True, not ft, not st),  # swapped and transposed: the answer's transpose
)


class Factor(NamedTuple):
    """One factor of the product: its name and value (its own shape, as the forward pass made it)."""

    name: str
    value: torch.Tensor

    def used(self, transposed: bool) -> tuple[str, torch.Tensor]:
        return (self.name + "ᵀ", self.value.T) if transposed else (self.name, self.value)


class Attempt(NamedTuple):
    """One way of multiplying the two factors, and what it gives."""

    expr: str  # "a1 @ d_l2", in the notebook's names
    left: tuple[int, ...]  # the shapes as they enter the product
    right: tuple[int, ...]
    outcome: str
    shape: tuple[int, ...] | None  # the result's shape (None: no product)
    text: Text

    @property
    def fits(self) -> bool:
        return self.shape is not None


class Alternatives(NamedTuple):
    """The right product first, then the wrong attempts, for the gradient `name`."""

    name: str  # d_w2
    target: str  # w2: the tensor the gradient must match
    right: Attempt
    wrong: tuple[Attempt, ...]


def of_step(step: Step) -> Alternatives | None:
    """The alternatives of a recorded gradient product, or None for any other operation."""
    if step.op != MATMUL or len(step.operands) < 2 or not step.name.startswith("d_"):
        return None
    a, b = step.operands[0], step.operands[1]
    return alternatives(step.name, Factor(a.name, a.value), a.transposed, Factor(b.name, b.value), b.transposed)


def alternatives(name: str, first: Factor, first_t: bool, second: Factor, second_t: bool) -> Alternatives:
    """`name` = first(ᵀ if first_t) @ second(ᵀ if second_t); judge the attempts that move the transposes
    or swap the order against it."""
    target = name[2:] if name.startswith("d_") else name
    fn, fv = first.used(first_t)
    sn, sv = second.used(second_t)
    answer = fv @ sv
    right = Attempt(f"{fn} @ {sn}", tuple(fv.shape), tuple(sv.shape), RIGHT, tuple(answer.shape),
                    Text("alt.right", {"expr": f"{fn} @ {sn}", "left": S(fv.shape), "right": S(sv.shape),
                                       "shape": S(answer.shape), "target": target}))
    seen = {right.expr}
    wrong = []
    for attempt in _ATTEMPTS:
        swap, t1, t2 = attempt(first_t, second_t)
        (pn, pv), (qn, qv) = (second.used(t2), first.used(t1)) if swap else (first.used(t1), second.used(t2))
        expr = f"{pn} @ {qn}"
        if expr in seen:
            continue
        seen.add(expr)
        wrong.append(judge(expr, pv, qv, answer, name, target))
    return Alternatives(name, target, right, tuple(wrong))


def judge(expr: str, left: torch.Tensor, right: torch.Tensor, answer: torch.Tensor, name: str,
          target: str) -> Attempt:
    """What `left @ right` gives, compared with the right `answer` of gradient `name`."""
    ls, rs = tuple(left.shape), tuple(right.shape)
    args = {"expr": expr, "left": S(ls), "right": S(rs), "name": name, "target": target,
            "want": S(answer.shape)}
    if ls[-1] != rs[0]:
        return Attempt(expr, ls, rs, NO_PRODUCT, None,
                       Text("alt.no_product", {**args, "inner_left": ls[-1], "inner_right": rs[0]}))
    shape = (ls[0], rs[1])
    args["shape"] = S(shape)
    if shape != tuple(answer.shape):  # judged by shape alone: the (maybe N×N) product is never formed
        if shape == tuple(answer.T.shape):
            return Attempt(expr, ls, rs, TRANSPOSE, shape, Text("alt.transpose", args))
        return Attempt(expr, ls, rs, WRONG_SHAPE, shape, Text("alt.wrong_shape", args))
    got = left @ right
    if _close(got, answer, ls[-1]):
        return Attempt(expr, ls, rs, SAME_VALUES, shape, Text("alt.same_values", args))
    if shape[0] == shape[1] and _close(got, answer.T, ls[-1]):
        return Attempt(expr, ls, rs, SQUARE_TRANSPOSED, shape, Text("alt.square_transposed", args))
    diff = float((got - answer).abs().max())
    return Attempt(expr, ls, rs, WRONG_VALUES, shape, Text("alt.wrong_values", {**args, "diff": f"{diff:.3g}"}))


def _close(a: torch.Tensor, b: torch.Tensor, inner: int) -> bool:
    """Equal up to the rounding of a sum of `inner` products, relative to the larger of the two."""
    eps = torch.finfo(a.dtype).eps
    scale = max(float(a.abs().max()), float(b.abs().max()), 1e-300)
    return bool(((a - b).abs() <= 4 * (inner + 1) * eps * scale).all())


def outcomes(alts: Alternatives) -> Sequence[str]:
    """The outcomes of the wrong attempts, in order (tests and the CLI)."""
    return [a.outcome for a in alts.wrong]
