"""The scalar sum behind one cell of an operation's result, with the actual numbers:

    d_w2[1,0] = a1[0,1]·d_l2[0,0] + a1[1,1]·d_l2[1,0] + a1[2,1]·d_l2[2,0] + a1[3,1]·d_l2[3,0]
              = 0.9526·0.2415 + 0.9526·(−0.00588) + …
              = 0.4419

and which rows, columns and cells of each drawn matrix that cell came from. Every number is read from the
engine's record (the operands and the result); nothing is recomputed. Names are the notebook's; transposed
operands are indexed in their own shape (a1ᵀ[1,n] is written a1[n,1]), as the learner's code indexes them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from app.i18n import tr
from engine.core import trace as T

from .adam_plan import adam_expansion, is_adam
from .fmt import factor, num
from .plan import COL, ROW, Context, Plan, Term, index_text, own_index

MAX_TERMS = 8  # longer sums show their first terms, "…", and the last one


@dataclass
class Marks:
    rows: set = field(default_factory=set)
    cols: set = field(default_factory=set)
    cells: set = field(default_factory=set)


@dataclass
class Expansion:
    lhs: str  # "d_w2[1,0]"
    symbolic: str  # "a1[0,1]·d_l2[0,0] + …"
    numeric: str  # "0.9526·0.2415 + …"
    value: float  # the result cell, from the record
    extra: list[str] = field(default_factory=list)  # explanation lines
    marks: dict[int, Marks] = field(default_factory=dict)  # term index → where the cell came from
    arrow: str = "="  # "←" for updates

    @property
    def lines(self) -> list[str]:
        pad = " " * 4
        first = f"{self.lhs} {self.arrow} {self.symbolic}"
        out = [first]
        if self.numeric:
            out.append(f"{pad}= {self.numeric}")
        out.append(f"{pad}= {num(self.value)}")
        return out + self.extra

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


def name_at(term: Term, r: int, c: int) -> str:
    """'a1[2,1]' for drawn cell (0, 2)... of a1ᵀ: the name indexed in the tensor's own shape."""
    return term.key + index_text(own_index(term, r, c))


def _join(pairs: list[tuple[str, str]], sep: str = " + ") -> tuple[str, str, str | None]:
    """(symbolic, numeric, note) with long sums cut to their first terms and the last."""
    if len(pairs) > MAX_TERMS:
        shown = pairs[:3] + [("…", "…")] + pairs[-1:]
        note = tr("({n} terms; {m} not written out)").format(n=len(pairs), m=len(pairs) - 4)
    else:
        shown, note = pairs, None
    return sep.join(p[0] for p in shown), sep.join(p[1] for p in shown), note


def expand(plan: Plan, ctx: Context, r: int, c: int) -> Expansion | None:
    """The expansion of cell (r, c) of the plan's pick term (drawn coordinates), or None if out of range."""
    pick = plan.terms[plan.pick]
    if not (0 <= r < pick.values.shape[0] and 0 <= c < pick.values.shape[1]):
        return None
    fn = _BY_OP.get(plan.step.op, _generic)
    e = fn(plan, ctx, r, c)
    e.marks.setdefault(plan.pick, Marks()).cells.add((r, c))
    return e


# ----- per op kind -------------------------------------------------------------------------------------
def _generic(plan, ctx, r, c) -> Expansion:
    res = plan.terms[0]
    return Expansion(name_at(res, r, c), num(res.values[r, c]), "", float(res.values[r, c]))


def _matmul(plan: Plan, ctx: Context, i: int, j: int) -> Expansion:
    res, left, right = plan.terms[0], plan.terms[1], plan.terms[2]
    K = left.values.shape[1]
    pairs = [(f"{name_at(left, i, k)}·{name_at(right, k, j)}",
              f"{factor(left.values[i, k])}·{factor(right.values[k, j])}") for k in range(K)]
    sym, numeric, note = _join(pairs)
    marks = {1: Marks(rows={i}), 2: Marks(cols={j})}
    if len(plan.terms) > 3:  # + l2·w
        w = plan.terms[3]
        l2 = getattr(ctx.spec, "l2", 0.0)
        sym += f" + l2·{name_at(w, i, j)}"
        numeric += f" + {l2:g}·{factor(w.values[i, j])}"
        marks[3] = Marks(cells={(i, j)})
    extra = [note] if note else []
    if left.sample_axis == COL and right.sample_axis == ROW:
        extra.append(tr("Each product pairs sample n's {a} (column n of {a}ᵀ) with the same sample's {d} "
                        "(row n): the transpose lines the {n} samples up; @ adds them.")
                     .format(a=left.key, d=right.key, n=K))
    elif right.transposed and ctx.data_row(i) is not None:  # inside a mini-batch: which data row it is
        extra.append(tr("Row {i} of {d} (sample {i}: row {row} of the data) times row {j} of {w} (the weights "
                        "from unit {j}): the error flows back along the weights it came through.")
                     .format(i=i, d=left.key, j=j, w=right.key, row=ctx.data_row(i)))
    elif right.transposed:
        extra.append(tr("Row {i} of {d} (sample {i}) times row {j} of {w} (the weights from unit {j}): "
                        "the error flows back along the weights it came through.")
                     .format(i=i, d=left.key, j=j, w=right.key))
    return Expansion(name_at(res, i, j), sym, numeric, float(res.values[i, j]), extra, marks)


def _linear(plan: Plan, ctx: Context, i: int, j: int) -> Expansion:
    res, a, w, b = plan.terms
    K = a.values.shape[1]
    pairs = [(f"{name_at(a, i, k)}·{name_at(w, k, j)}", f"{factor(a.values[i, k])}·{factor(w.values[k, j])}")
             for k in range(K)]
    sym, numeric, note = _join(pairs)
    sym += f" + {name_at(b, i, j)}"
    numeric += f" + {factor(b.values[i, j])}"
    extra = [note] if note else []
    extra.append(tr("The same {b}[{j}] is added in every row: that is the broadcast.").format(b=b.key, j=j))
    marks = {1: Marks(rows={i}), 2: Marks(cols={j}), 3: Marks(cells={(i, j)})}
    return Expansion(name_at(res, i, j), sym, numeric, float(res.values[i, j]), extra, marks)


def _activation(plan: Plan, ctx: Context, i: int, j: int) -> Expansion:
    res, l = plan.terms[0], plan.terms[1]
    f = plan.operators[0].removeprefix("=").strip().rstrip("(").strip() or "f"
    return Expansion(name_at(res, i, j), f"{f}({name_at(l, i, j)})", f"{f}({num(l.values[i, j])})",
                     float(res.values[i, j]), [], {1: Marks(cells={(i, j)})})


def _softmax(plan: Plan, ctx: Context, n: int, k: int) -> Expansion:
    res, l = plan.terms[0], plan.terms[1]
    K = l.values.shape[1]
    den = [(f"exp({name_at(l, n, j)})", f"exp({num(l.values[n, j])})") for j in range(K)]
    dsym, dnum, note = _join(den)
    sym = f"exp({name_at(l, n, k)}) / ({dsym})"
    numeric = f"exp({num(l.values[n, k])}) / ({dnum})"
    return Expansion(name_at(res, n, k), sym, numeric, float(res.values[n, k]), [note] if note else [],
                     {1: Marks(rows={n}, cells={(n, k)})})


def _per_sample_text(ctx: Context, yp: Term, y: Term, n: int) -> str:
    """'−log(1 − 0.9659)' — sample n's loss term with its numbers substituted (no arithmetic done)."""
    loss = getattr(ctx.spec, "loss", "bce")
    if loss == "bce":
        p, t = yp.values[n, 0], y.values[n, 0]
        if t == 1:
            return f"−log({num(p)})"
        if t == 0:
            return f"−log(1 − {num(p)})"
        return f"−({num(t)}·log({num(p)}) + (1 − {num(t)})·log(1 − {num(p)}))"
    if loss == "softmax_ce":
        cls = int(y.values[n, 0])
        return f"−log(y_pred[{n},{cls}]) = −log({num(yp.values[n, cls])})"
    K = yp.values.shape[1]
    sq = " + ".join(f"({num(yp.values[n, k])} − {factor(y.values[n, k])})²" for k in range(min(K, 3)))
    return sq if K == 1 else f"({sq}{' + …' if K > 3 else ''}) / {K}"


def _loss(plan: Plan, ctx: Context, n: int, _c: int) -> Expansion:
    res = plan.terms[0]
    if plan.pick == 0:
        return _generic(plan, ctx, 0, 0)
    per, yp, y = plan.terms[1], plan.terms[2], plan.terms[3]
    N = per.values.shape[0]
    pairs = [(f"ℓ{_sub(i)}", num(per.values[i, 0])) for i in range(N)]
    sym, numeric, note = _join(pairs)
    extra = [note] if note else []
    formula = _loss_formula(ctx)
    extra.append(tr("each sample: ℓ = {formula}").format(formula=formula))
    rows = list(range(min(N, MAX_TERMS)))
    if n not in rows:
        rows = rows[:MAX_TERMS - 1] + [n]
    for i in rows:
        mark = "▶ " if i == n else "   "
        args = dict(mark=mark, i=i, sub=_sub(i), expr=_per_sample_text(ctx, yp, y, i), v=num(per.values[i, 0]))
        row = ctx.data_row(i)  # inside a mini-batch: the data row sample i is
        extra.append(tr("{mark}sample {i}: ℓ{sub} = {expr} = {v}").format(**args) if row is None else
                     tr("{mark}sample {i} (row {row}): ℓ{sub} = {expr} = {v}").format(row=row, **args))
    marks = {1: Marks(rows={n}), 2: Marks(rows={n}), 3: Marks(rows={n}), 0: Marks(cells={(0, 0)})}
    return Expansion("loss", f"({sym}) / {N}", f"({numeric}) / {N}", float(res.values[0, 0]), extra, marks)


def _loss_formula(ctx: Context) -> str:
    loss = getattr(ctx.spec, "loss", "bce")
    if loss == "bce":
        return "−(y·log(y_pred) + (1−y)·log(1−y_pred))"
    if loss == "softmax_ce":
        return "−log(y_pred[n, y[n]])"
    return tr("mean over the outputs of (y_pred − y)²")


_SUBS = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")


def _sub(i: int) -> str:
    return str(i).translate(_SUBS)


def _loss_grad_text(ctx: Context, res, yp: Term, y: Term, n: int, k: int) -> tuple[str, str]:
    loss = getattr(ctx.spec, "loss", "bce")
    N = yp.values.shape[0]
    p, t = name_at(yp, n, k), name_at(y, n, k)
    P, Y = factor(yp.values[n, k]), factor(y.values[n, k])
    if loss == "bce":
        return (f"−({t}/{p} − (1−{t})/(1−{p})) / {N}", f"−({Y}/{P} − (1−{Y})/(1−{P})) / {N}")
    if loss == "softmax_ce":
        return f"−({t}/{p}) / {N}", f"−({Y}/{P}) / {N}"
    m = yp.values.size
    return f"2·({p} − {t}) / {m}", f"2·({P} − {Y}) / {m}"


def _loss_grad(plan: Plan, ctx: Context, n: int, k: int) -> Expansion:
    res, yp, y = plan.terms[0], plan.terms[1], plan.terms[2]
    sym, numeric = _loss_grad_text(ctx, res, yp, y, n, k)
    extra = []
    N = res.values.shape[0]
    rows = list(range(min(N, MAX_TERMS)))
    if n not in rows:
        rows = rows[:MAX_TERMS - 1] + [n]
    if res.values.shape[1] == 1:
        extra.append(tr("every sample:"))
        for i in rows:
            mark = "▶ " if i == n else "   "
            extra.append(f"{mark}{name_at(res, i, 0)} = {_loss_grad_text(ctx, res, yp, y, i, 0)[1]} "
                         f"= {num(res.values[i, 0])}")
    marks = {1: Marks(cells={(n, k)}), 2: Marks(cells={(n, k)})}
    return Expansion(name_at(res, n, k), sym, numeric, float(res.values[n, k]), extra, marks)


def _targets(ctx: Context):
    """(y_pred, y) of the epoch as 2-D arrays, for the simplified output delta."""
    yp_step, dl_step = ctx.step("y_pred"), ctx.step("d_loss")
    if yp_step is None or dl_step is None or len(dl_step.operands) < 2:
        return None
    return (yp_step.result.detach().double().numpy().reshape(yp_step.result.shape[0], -1),
            dl_step.operands[1].value.detach().double().numpy().reshape(yp_step.result.shape[0], -1),
            dl_step.operands[1].name)


def _act_grad(plan: Plan, ctx: Context, i: int, j: int) -> Expansion:
    res, a, b = plan.terms[0], plan.terms[1], plan.terms[2]
    extra: list[str] = []
    if a.key == "y_pred":  # softmax: y_pred ⊙ (d_loss − Σⱼ y_pred⊙d_loss), row i
        K = a.values.shape[1]
        inner = [(f"{name_at(a, i, m)}·{name_at(b, i, m)}",
                  f"{factor(a.values[i, m])}·{factor(b.values[i, m])}") for m in range(K)]
        isym, inum, note = _join(inner)
        sym = f"{name_at(a, i, j)}·({name_at(b, i, j)} − ({isym}))"
        numeric = f"{factor(a.values[i, j])}·({factor(b.values[i, j])} − ({inum}))"
        marks = {1: Marks(rows={i}), 2: Marks(rows={i})}
        if note:
            extra.append(note)
    else:
        sym = f"{name_at(a, i, j)}·{name_at(b, i, j)}"
        numeric = f"{factor(a.values[i, j])}·{factor(b.values[i, j])}"
        marks = {1: Marks(cells={(i, j)}), 2: Marks(cells={(i, j)})}
    step = plan.step
    if step.code.startswith("step.output_delta."):  # the stable simplified form of f'(l)·d_loss
        tgt = _targets(ctx)
        if tgt is not None:
            yp, y, yname = tgt
            N = yp.shape[0]
            extra.append(tr("which simplifies to (y_pred − {y})/{N} = ({p} − {t})/{N} = {v}: the form the "
                            "engine computes, which never divides by y_pred").format(
                y=yname, N=N, p=num(yp[i, j]), t=factor(y[i, j]), v=num(res.values[i, j])))
    return Expansion(name_at(res, i, j), sym, numeric, float(res.values[i, j]), extra, marks)


def _batch_sum(plan: Plan, ctx: Context, _r: int, j: int) -> Expansion:
    res, d = plan.terms[0], plan.terms[1]
    N = d.values.shape[0]
    pairs = [(name_at(d, n, j), factor(d.values[n, j])) for n in range(N)]
    sym, numeric, note = _join(pairs)
    extra = [note] if note else []
    extra.append(tr("Column {j} of {d}, added up over the {n} samples (axis 0).").format(j=j, d=d.key, n=N))
    return Expansion(name_at(res, 0, j), sym, numeric, float(res.values[0, j]), extra, {1: Marks(cols={j})})


def _update(plan: Plan, ctx: Context, i: int, j: int) -> Expansion:
    if is_adam(plan.step):  # issue 12 item 6
        return adam_expansion(plan, ctx, i, j, name_at, Marks, Expansion)
    res, old, step_term = plan.terms[0], plan.terms[1], plan.terms[2]
    lr = getattr(ctx.spec, "lr", 0.0)
    sym = f"{name_at(old, i, j)} − lr·{name_at(step_term, i, j)}"
    numeric = f"{factor(old.values[i, j])} − {lr:g}·{factor(step_term.values[i, j])}"
    marks = {1: Marks(cells={(i, j)}), 2: Marks(cells={(i, j)})}
    extra = []
    if len(plan.terms) > 3:
        marks[3] = Marks(cells={(i, j)})
        extra.append(tr("{v} = momentum·(previous {v}) + {g}; {g} = {gv}").format(
            v=name_at(step_term, i, j), g=name_at(plan.terms[3], i, j), gv=num(plan.terms[3].values[i, j])))
    return Expansion(name_at(res, i, j), sym, numeric, float(res.values[i, j]), extra, marks, arrow="←")


_BY_OP = {
    T.MATMUL: _matmul,
    T.LINEAR: _linear,
    T.ACTIVATION: _activation,
    T.SOFTMAX: _softmax,
    T.LOSS: _loss,
    T.LOSS_GRAD: _loss_grad,
    T.ACT_GRAD: _act_grad,
    T.BATCH_SUM: _batch_sum,
    T.UPDATE: _update,
}

__all__ = ["Expansion", "Marks", "expand", "name_at"]
