"""What the equation view shows for one Step: its terms (result first, then operands) as 2-D arrays in the
orientation they enter the operation, the operators between them, and the captions that explain shapes.

No widgets here: a plan is plain data built from the engine's record, so tests can check it and the view
only draws it. Names are the notebook's; the view maps them to textbook symbols when asked.

Orientation rules:
  * a transposed operand is shown transposed (a1ᵀ is drawn 2×4 for an a1 of 4×2);
  * a vector (bias, bias gradient) is shown as one row, as it is added to every row;
  * a broadcast bias is shown as its row repeated over the N sample rows (the copies drawn faded);
  * a scalar is a 1×1 matrix; class labels (N,) are a column, one per sample.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np

from app.i18n import tr
from engine.core import trace as T

from .adam_plan import adam_update_plan, is_adam
from .fmt import shape as shape_text

ROW, COL = "row", "col"
MATRIX, AS_ROW, AS_COLUMN, SCALAR, BROADCAST = "matrix", "as_row", "as_column", "scalar", "broadcast"


@dataclass
class Term:
    """One matrix of the equation."""

    key: str  # the engine's name of the tensor: "a1", "d_l2", "σ'(l1)", "ℓ" (per-sample loss)
    label: str  # as written in the equation, notebook names: "a1ᵀ"
    values: np.ndarray  # 2-D, as drawn
    own_shape: tuple[int, ...]  # the tensor's own shape: (4, 2) for a1 even when drawn as a1ᵀ
    shown_shape: tuple[int, ...]  # the shape it enters the operation with: (2, 4) for a1ᵀ
    transposed: bool = False
    broadcast: bool = False  # drawn as its row repeated over the samples
    sample_axis: str | None = None  # ROW / COL: the axis that runs over the N samples
    inner_axis: str | None = None  # ROW / COL: a matmul's inner (summed) dimension
    sum_axis: str | None = None  # ROW: the axis a batch sum adds up
    note: str = ""  # one line under the shape: "a1 is (4×2); a1ᵀ is (2×4)"
    param: str | None = None  # the parameter this term is, or is the gradient / velocity of: "w2"
    role: str = "operand"  # result | operand
    suffix: str = ""  # "(new)", "(old)" for update steps
    layout: str = "matrix"  # MATRIX | AS_ROW | AS_COLUMN | SCALAR | BROADCAST



def own_index(term: Term, r: int, c: int) -> tuple[int, ...]:
    """The index of drawn cell (r, c) in the tensor's own shape: (c, r) for a transposed matrix, (c,) for a
    vector drawn as a row (also each copy of a broadcast bias), (r,) for labels drawn as a column."""
    if term.layout == SCALAR:
        return ()
    if term.layout in (AS_ROW, BROADCAST):
        return (c,)
    if term.layout == AS_COLUMN:
        return (r,)
    return (c, r) if term.transposed else (r, c)


def index_text(idx: tuple[int, ...]) -> str:
    return "" if not idx else "[" + ",".join(str(i) for i in idx) + "]"


@dataclass
class Plan:
    step: T.Step
    terms: list[Term]
    operators: list[str]  # operators[i] stands before terms[i + 1]
    tail: str = ""  # text after the last term: ")" for σ( … )
    check: str = ""  # the shape check: "(2×4) @ (4×1) → (2×1) ✓ same shape as w2"
    pick: int = 0  # the term whose cells expand into a sum (the result, or ℓ for the loss)
    n_samples: int = 0
    extra: dict = field(default_factory=dict)

    def term(self, key: str) -> Term:
        for t in self.terms:
            if t.key == key:
                return t
        raise KeyError(key)


@dataclass(frozen=True)
class Context:
    """What a plan needs besides the Step: the network, the batch size, the epoch's other steps and the
    per-sample loss terms (the engine's `data_loss_per_sample`, for the loss step) and, inside a mini-batch
    (or on a split's training rows), the data row of each sample."""

    spec: object
    n_samples: int
    steps: tuple = ()
    per_sample_loss: np.ndarray | None = None
    sample_rows: tuple | None = None  # the data row of sample n (None: sample n is row n of the data)

    def data_row(self, n: int) -> int | None:
        rows = self.sample_rows
        return rows[n] if rows is not None and 0 <= n < len(rows) else None

    def step(self, name: str):
        for s in self.steps:
            if s.name == name:
                return s
        return None


# ----- words shown for engine keys (literal tr() calls, so lupdate collects them) -------------------
def phase_text(phase: str) -> str:
    return {"forward": tr("Forward"), "backward": tr("Backward"), "update": tr("Update")}.get(phase, phase)


def op_text(op: str) -> str:
    return {
        T.LINEAR: tr("matmul + bias broadcast-add"),
        T.ACTIVATION: tr("activation"),
        T.SOFTMAX: tr("softmax"),
        T.LOSS: tr("loss"),
        T.LOSS_GRAD: tr("loss gradient"),
        T.ACT_GRAD: tr("activation-derivative ⊙"),
        T.MATMUL: tr("matmul"),
        T.BATCH_SUM: tr("batch sum"),
        T.UPDATE: tr("update"),
    }.get(op, op)


# ----- naming helpers ----------------------------------------------------------------------------------
_PARAM = re.compile(r"^(?:d_|v_|m_|m_hat_|v_hat_|Δ)?([wb]\d+)$")


def param_of(name: str) -> str | None:
    """'w2' for w2, d_w2 and v_w2 (and Adam's m_w2, m_hat_w2, v_hat_w2, Δw2); None for anything else."""
    m = _PARAM.match(name)
    return m.group(1) if m else None


def _array(t) -> np.ndarray:
    a = t.detach().to("cpu").double().numpy() if hasattr(t, "detach") else np.asarray(t, dtype=np.float64)
    return np.asarray(a, dtype=np.float64)


def _as_2d(a: np.ndarray, column: bool = False) -> np.ndarray:
    if a.ndim == 0:
        return a.reshape(1, 1)
    if a.ndim == 1:
        return a.reshape(-1, 1) if column else a.reshape(1, -1)
    return a


def _sample_axis(name: str, own: tuple[int, ...], N: int, transposed: bool) -> str | None:
    if param_of(name) is not None or len(own) == 0 or own[0] != N:
        return None
    if len(own) == 1:
        return ROW  # labels, drawn as a column
    return COL if transposed else ROW


def make_term(operand_name: str, value, N: int, *, transposed=False, broadcast=False, role="operand",
              label: str | None = None, suffix: str = "") -> Term:
    a = _array(value)
    own = tuple(a.shape)
    is_labels = a.ndim == 1 and param_of(operand_name) is None and own[0] == N
    shown = tuple(reversed(own)) if transposed else own
    values = _as_2d(a, column=is_labels)
    if transposed:
        values = values.T
    axis = _sample_axis(operand_name, own, N, transposed)
    layout = SCALAR if a.ndim == 0 else (AS_COLUMN if is_labels else AS_ROW) if a.ndim == 1 else MATRIX
    if broadcast:
        values = np.repeat(values.reshape(1, -1), N, axis=0)
        axis = ROW
        layout = BROADCAST
    return Term(
        key=operand_name,
        label=label if label is not None else operand_name + ("ᵀ" if transposed else ""),
        values=values, own_shape=own, shown_shape=shown, transposed=transposed, broadcast=broadcast,
        sample_axis=axis, param=param_of(operand_name), role=role, suffix=suffix, layout=layout,
    )


def _result(step: T.Step, N: int, label: str | None = None, suffix: str = "") -> Term:
    return make_term(step.name, step.result, N, role="result", label=label, suffix=suffix)


def _operand(step: T.Step, o: T.Operand, N: int, suffix: str = "") -> Term:
    return make_term(o.name, o.value, N, transposed=o.transposed, broadcast=o.broadcast, suffix=suffix)


def _transpose_note(t: Term) -> None:
    if t.transposed:
        t.note = tr("{name} is {own}; {name}ᵀ is {shown}").format(
            name=t.key, own=shape_text(t.own_shape), shown=shape_text(t.shown_shape))


def _dims(shape: tuple[int, ...]) -> tuple[int, int]:
    if len(shape) == 0:
        return 1, 1
    if len(shape) == 1:
        return 1, shape[0]
    return shape[0], shape[1]


# ----- one builder per op kind -------------------------------------------------------------------------
def build(step: T.Step, ctx: Context) -> Plan:
    """The plan for drawing `step`."""
    N = ctx.n_samples
    builder = _BUILDERS.get(step.op, _generic)
    plan = builder(step, ctx, N)
    plan.n_samples = N
    return plan


def _generic(step, ctx, N) -> Plan:
    terms = [_result(step, N)] + [_operand(step, o, N) for o in step.operands]
    ops = ["="] + [","] * (len(terms) - 2)
    return Plan(step, terms, ops)


def _matmul_check(left: Term, right: Term, result: Term, target: str) -> str:
    return tr("{a} @ {b} → {r} ✓ same shape as {target}").format(
        a=shape_text(left.shown_shape), b=shape_text(right.shown_shape), r=shape_text(result.own_shape),
        target=target)


def _linear(step, ctx, N) -> Plan:
    res = _result(step, N)
    a, w, b = (_operand(step, o, N) for o in step.operands)
    a.inner_axis, w.inner_axis = COL, ROW
    b.note = tr("{b} {shape} added to every one of the {n} rows").format(
        b=b.key, shape=shape_text(b.own_shape), n=N)
    inner = _dims(a.shown_shape)[1]
    check = tr("{a} @ {w} → {r}: the inner {k}s match; then + {b} {bs} on each of the {n} rows").format(
        a=shape_text(a.shown_shape), w=shape_text(w.shown_shape), r=shape_text(res.own_shape), k=inner,
        b=b.key, bs=shape_text(b.own_shape), n=N)
    return Plan(step, [res, a, w, b], ["=", "@", "+"], check=check)


def _fn_symbol(step) -> str:
    return step.args.get("f") or "f"  # the activation's symbol, from the step's explanation


def _activation(step, ctx, N) -> Plan:
    res, (op,) = _result(step, N), [_operand(step, o, N) for o in step.operands]
    f = _fn_symbol(step)
    n = int(np.prod(res.own_shape)) if res.own_shape else 1
    check = tr("{f} acts on each of the {n} entries on its own: {s} → {s}").format(
        f=f, n=n, s=shape_text(res.own_shape))
    return Plan(step, [res, op], [f"= {f}("], tail=")", check=check)


def _softmax(step, ctx, N) -> Plan:
    res, (op,) = _result(step, N), [_operand(step, o, N) for o in step.operands]
    check = tr("each row of {l} becomes probabilities that add up to 1: {s} → {s}").format(
        l=op.key, s=shape_text(res.own_shape))
    return Plan(step, [res, op], ["= softmax("], tail=tr(") row by row"), check=check)


def _loss(step, ctx, N) -> Plan:
    res = _result(step, N)
    yp, y = (_operand(step, o, N) for o in step.operands[:2])
    per_values = step.operands[2].value if len(step.operands) > 2 else ctx.per_sample_loss
    terms = [res]
    if per_values is not None:
        per = make_term("ℓ", _array(per_values).reshape(-1), N, label=tr("ℓ (loss per sample)"))
        per.sample_axis = ROW
        per.sum_axis = ROW
        per.note = tr("the mean of these {n} numbers is the loss").format(n=N)
        terms.append(per)
        ops = [tr("= mean of"), tr("from"), tr("and")]
    else:
        ops = [tr("= from"), tr("and")]
    terms += [yp, y]
    check = tr("one number ℓ per sample, then their mean: {n} samples → loss ()").format(n=N)
    return Plan(step, terms, ops, check=check, pick=1 if per_values is not None else 0)


def _loss_grad(step, ctx, N) -> Plan:
    res = _result(step, N)
    ops_terms = [_operand(step, o, N) for o in step.operands]
    check = tr("entry by entry: {s} → {s}, one derivative per prediction").format(s=shape_text(res.own_shape))
    return Plan(step, [res, *ops_terms], [tr("= from"), ","], check=check)


def _act_grad(step, ctx, N) -> Plan:
    res = _result(step, N)
    a, b = (_operand(step, o, N) for o in step.operands)
    s = shape_text(res.own_shape)
    if a.key == "y_pred":  # softmax output: y_pred ⊙ (d_loss − Σⱼ y_pred⊙d_loss)
        check = tr("row by row: {s} ⊙ {s} → {s}").format(s=s)
        return Plan(step, [res, a, b], ["=", "⊙ ("], tail="− Σⱼ y_pred⊙d_loss )", check=check)
    check = tr("entry by entry, no matmul: {s} ⊙ {s} → {s}").format(s=s)
    return Plan(step, [res, a, b], ["=", "⊙"], check=check)


def _matmul(step, ctx, N) -> Plan:
    res = _result(step, N)
    ops = [_operand(step, o, N) for o in step.operands]
    left, right = ops[0], ops[1]
    left.inner_axis, right.inner_axis = COL, ROW
    for t in ops:
        _transpose_note(t)
    target = step.name[2:] if step.name.startswith("d_") else step.name
    check = _matmul_check(left, right, res, target)
    inner = _dims(left.shown_shape)[1]
    if left.sample_axis == COL and right.sample_axis == ROW:
        check += "  " + tr("· the inner {n} is the samples: @ adds them up").format(n=inner)
        left.note = (left.note + "\n" if left.note else "") + tr("one column per sample")
        right.note = (right.note + "\n" if right.note else "") + tr("one row per sample")
    operators = ["=", "@"]
    if len(ops) > 2:  # + l2·w
        operators.append("+ l2·")
    return Plan(step, [res, *ops], operators, check=check)


def _batch_sum(step, ctx, N) -> Plan:
    res = _result(step, N)
    (d,) = [_operand(step, o, N) for o in step.operands]
    d.sum_axis = ROW
    d.note = tr("Σ over the {n} samples, axis 0").format(n=N)
    check = tr("{d} {ds} → Σ over the {n} samples, axis 0 → {r}, the shape of {b}").format(
        d=d.key, ds=shape_text(d.own_shape), n=N, r=shape_text(res.own_shape), b=step.name[2:])
    return Plan(step, [res, d], ["= Σₙ"], check=check)


def _update(step, ctx, N) -> Plan:
    if is_adam(step):  # issue 12 item 6: p ← p − lr·m_hat/(√v_hat + ε)
        return adam_update_plan(step, ctx, N, make_term, Plan, _result)
    res = _result(step, N, suffix=tr("(new)"))
    ops = [_operand(step, o, N) for o in step.operands]
    ops[0].suffix = tr("(old)")
    lr = getattr(ctx.spec, "lr", None)
    lr_text = f"{lr:g}" if lr is not None else "lr"
    if len(ops) == 3:  # momentum: p − lr·v, v = m·v + d_p
        old, grad, vel = ops
        terms = [res, old, vel, grad]
        m = getattr(ctx.spec, "momentum", 0.0)
        operators = ["←", f"− {lr_text}·", tr("where v = {m:g}·v + ").format(m=m)]
    else:
        terms = [res, *ops]
        operators = ["←", f"− {lr_text}·"]
    check = tr("every entry moves against its gradient: {s} − lr·{s} → {s}").format(
        s=shape_text(res.own_shape))
    return Plan(step, terms, operators, check=check)


_BUILDERS = {
    T.LINEAR: _linear,
    T.ACTIVATION: _activation,
    T.SOFTMAX: _softmax,
    T.LOSS: _loss,
    T.LOSS_GRAD: _loss_grad,
    T.ACT_GRAD: _act_grad,
    T.MATMUL: _matmul,
    T.BATCH_SUM: _batch_sum,
    T.UPDATE: _update,
}
