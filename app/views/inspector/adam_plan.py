"""Adam's update step in the equation view: the plan (what is drawn) and the expansion of one cell.

    w2 (new)  ←  w2 (old)  −  Δw2          Δw2 = lr·m_hat_w2 / (√v_hat_w2 + ε), each (2×1), entry by entry

The moment buffers themselves (m, v, m_hat, v_hat and the step Δ) are drawn under the equation by
app/views/inspector/adam_view.py. Every number comes from the engine's record (engine/core/adam_trace.py).
"""

from __future__ import annotations

import math

from app.i18n import tr

from .fmt import factor, num, shape as shape_text


def is_adam(step) -> bool:
    return step.code == "step.update.adam"


def operand(step, prefix: str):
    """The step's operand named prefix + its parameter ("m_", "v_hat_", "Δ"), or "t"."""
    name = "t" if prefix == "t" else prefix + step.name
    return next(o for o in step.operands if o.name == name)


def adam_update_plan(step, ctx, N, make_term, Plan, result):
    """The Plan of an Adam update step (the caller passes plan.py's builders, which import nothing here)."""
    spec = ctx.spec
    res = result(step, N, suffix=tr("(new)"))
    old = make_term(step.name, step.operands[0].value, N, suffix=tr("(old)"))
    delta = make_term("Δ" + step.name, operand(step, "Δ").value, N)
    m_hat = make_term("m_hat_" + step.name, operand(step, "m_hat_").value, N)
    v_hat = make_term("v_hat_" + step.name, operand(step, "v_hat_").value, N)
    for t in (delta, m_hat, v_hat):
        t.param = step.name
    delta.note = "Δ{p} = lr·m_hat_{p} / (√v_hat_{p} + ε)".format(p=step.name)
    lr = getattr(spec, "lr", math.nan)
    check = tr("entry by entry, no matmul: m_hat and v_hat have the shape of {p} {s}, so every entry of {p} gets "
               "a step of its own, about lr = {lr:g} in size").format(p=step.name, s=shape_text(res.own_shape),
                                                                      lr=lr)
    extra = {"m_hat": m_hat, "v_hat": v_hat, "t": int(operand(step, "t").value)}
    return Plan(step, [res, old, delta], ["←", "−"], check=check, extra=extra)


def adam_expansion(plan, ctx, i: int, j: int, name_at, Marks, Expansion):
    """w2[i,j] ← w2[i,j] − lr·m_hat_w2[i,j] / (√v_hat_w2[i,j] + ε), with the numbers."""
    res, old, delta = plan.terms[:3]
    m_hat, v_hat = plan.extra["m_hat"], plan.extra["v_hat"]
    spec = ctx.spec
    lr, eps = getattr(spec, "lr", math.nan), getattr(spec, "eps", math.nan)
    sym = f"{name_at(old, i, j)} − lr·{name_at(m_hat, i, j)} / (√{name_at(v_hat, i, j)} + ε)"
    numeric = (f"{factor(old.values[i, j])} − {lr:g}·{factor(m_hat.values[i, j])} / "
               f"(√{factor(v_hat.values[i, j])} + {eps:g})")
    extra = [tr("step t = {t}: m_hat = m / (1 − β1ᵗ) and v_hat = v / (1 − β2ᵗ); this entry moves by −{d}").format(
        t=plan.extra["t"], d=num(float(delta.values[i, j])))]
    marks = {1: Marks(cells={(i, j)}), 2: Marks(cells={(i, j)})}
    return Expansion(name_at(res, i, j), sym, numeric, float(res.values[i, j]), extra, marks, arrow="←")
