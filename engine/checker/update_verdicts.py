"""Verdicts on the learner's parameter updates (see engine.checker.verdicts for the statuses and "follows").

The step the code took, new − p, is compared with the engine's, −lr·d_p (momentum m: −lr·(m·v + d_p)),
with the tolerance of engine.checker.verdicts plus 4 ulp of p (the rounding of p − lr·g). Then, in order: ok;
follows (the step is −lr × the learner's own d_p, or × its batch mean or sum when d_p is per-sample: the
notebook's `b1 -= lr * torch.mean(d_b1, 0)`); update_mean_of_gradient (lr × the mean of all entries of a
right-shaped d_p: the same line once d_b1 is fixed); momentum_missing; a sign or a constant factor
(lr_missing for 1/lr) against the engine's step, against the step from the learner's own d_p, or against
the step without momentum; else update_wrong. Under Adam the engine's step is Adam's from the session's m_p,
v_p and t (as torch.optim.Adam continues), and the same order gives follows, update_mean…, adam_missing (a
plain SGD step), adam_state_missing (Adam's first step, from m = v = 0, where the session has a state), a
sign or a factor against Adam's step; else update_wrong. Comparing the step, not the new value, keeps a wrong step
visible even when lr·d_p is tiny next to p.
"""

from __future__ import annotations

import torch

from engine.core.spec import shape_text as S
from engine.text import Text
from .results import F64, NotATensor, T, TensorResult, _snap, _values, formula_arg


def judge_update(judge, s, new, p0, implied, source, status) -> TensorResult:
    """The verdict on parameter update step `s`, whose new value the learner's code made `new`."""
    p = s.name
    lr, m = judge.spec.lr, judge.spec.momentum
    P0 = p0.to(F64)
    E = s.result.to(F64)
    r = TensorResult(p, "update", list(E.shape), None, "wrong", expected=_values(E))
    if isinstance(new, NotATensor):
        r.hint_code, r.numbers = "not_a_tensor", {"type": new.type_name}
        r.explain(T("checker.update.not_a_tensor", p=p, type=new.type_name))
        return r
    r.got_shape, r.got = list(new.shape), _values(new)
    dp = "d_" + p
    U = implied.get(dp)
    if new.shape != E.shape:
        r.status, r.numbers = "shape", {"expected_shape": list(E.shape), "got_shape": list(new.shape)}
        r.hint_code = "update_shape"
        args = {"p": p, "dp": dp, "want": S(E.shape), "got": S(new.shape)}
        if isinstance(U, torch.Tensor) and U.dim() == 2 and E.dim() == 1 and U.shape[0] == judge.N:
            r.hint_code = "sum_batch_axis"
            r.explain(Text("checker.update.sum_batch_axis", dict(args, per_sample=S(U.shape))))
        else:
            r.explain(Text("checker.update.shape", args))
        return r
    r.max_abs_err = float((new - E).abs().max()) if E.numel() else 0.0
    dG, dE = new - P0, E - P0
    ulp = 4 * judge.eps * P0.abs()
    v = judge.velocity.get(p)
    mv = m * v.to(F64) if (m and v is not None) else 0.0
    adam = judge.adam

    def step_of(g):
        if adam is not None:
            return adam_step(judge.spec, g, adam.m[p].to(F64), adam.v[p].to(F64), adam.t + 1)
        return -lr * (mv + g)

    if judge.close(dG, dE, ulp):
        r.status = "ok"
        return r
    src = source.get(dp)
    variants = []
    if isinstance(U, torch.Tensor) and src is not None and status.get(src) != "ok":
        if U.shape == E.shape:
            variants.append(("follows", U))
        elif U.dim() == 2 and E.dim() == 1 and U.shape[0] == judge.N and U.shape[1:] == E.shape:
            variants += [("update_mean", U.mean(0)), ("update_sum", U.sum(0))]
    for code, g in variants:
        if judge.close(dG, step_of(g), ulp):
            r.status, r.follows_from, r.hint_code = "follows", src, code
            key = {"follows": "follows", "update_mean": "mean", "update_sum": "sum"}[code]
            r.explain(T(f"checker.update.{key}", p=p, dp=dp, shape=S(E.shape)))
            r.numbers = {"N": judge.N} if code != "follows" else {}
            return r
    if (isinstance(U, torch.Tensor) and U.shape == E.shape and U.numel() > 1
            and judge.close(dG, step_of(U.mean().expand(U.shape)), ulp)):
        r.hint_code, r.numbers = "update_mean_of_gradient", {"entries": U.numel()}
        r.explain(T("checker.update.mean_of_gradient", p=p, dp=dp, entries=U.numel(), shape=S(U.shape)))
        return r
    if adam is not None:
        return _adam_mistake(judge, r, s, dG, dE, U, ulp, step_of, bool(variants) and variants[0][0] == "follows")
    plain = None  # with momentum: the step without it, −lr·d_p
    if m and isinstance(U, torch.Tensor) and U.shape == E.shape and v is not None and bool(v.abs().max() > 0):
        plain = -lr * U
        if judge.close(dG, plain, ulp):
            r.hint_code, r.numbers = "momentum_missing", {"momentum": m}
            r.explain(T("checker.update.momentum_missing", p=p, dp=dp, m=f"{m:g}"))
            return r
    refs = [("expected", dE)]
    if variants and variants[0][0] == "follows":
        refs.append(("yours", step_of(U)))
    if plain is not None:
        refs.append(("plain", plain))
    for label, ref in refs:
        k = judge.factor(dG, ref, ulp)
        if k is None:
            continue
        k = _snap(k, judge.N, lr)
        r.factor, r.numbers = k, {"k": k, "lr": lr}
        r.status = "sign" if k == -1.0 else "scale"
        if k == -1.0:
            r.hint_code, key = "update_sign", "sign"
        elif abs(abs(k) * lr - 1) < 1e-6:
            r.hint_code, key = "lr_missing", "lr_missing"
        else:
            r.hint_code, key = "update_factor", "factor"
        t = T(f"checker.update.{key}", p=p, dp=dp, k=f"{k:g}".replace("-", "−"))
        if label == "yours":
            r.numbers["relative_to"] = dp
            t = T("checker.update.relative", hint=t, dp=dp)
        elif label == "plain":
            r.numbers["momentum_missing"] = True
            t = T("checker.update.and_momentum", hint=t, p=p, dp=dp, m=f"{m:g}")
        r.explain(t)
        return r
    r.hint_code = "update_wrong"
    r.explain(T("checker.update.wrong", p=p, formula=formula_arg(s)))
    return r


def adam_step(spec, g, m, v, t: int):
    """The amount Adam's step number t adds to p for the gradient g, from the buffers m, v before it (float64;
    torch.optim.Adam's formula: m ← β1·m + (1−β1)·g, v ← β2·v + (1−β2)·g², −lr·m̂/(√v̂ + ε))."""
    from engine.core.update import adam_denominator, bias_corrections

    m1 = m + (1 - spec.beta1) * (g - m)
    v1 = spec.beta2 * v + (1 - spec.beta2) * g * g
    bc1, bc2 = bias_corrections(t, spec.beta1, spec.beta2)
    return -(spec.lr / bc1) * m1 / adam_denominator(v1, bc2, spec.eps)


def _adam_mistake(judge, r, s, dG, dE, U, ulp, step_of, follows) -> TensorResult:
    """Under Adam, the update that is neither ok nor follows: plain SGD, Adam from a zero state, a sign or a
    factor of Adam's step (the engine's, or the one from the learner's own d_p), else wrong."""
    spec, state, p = judge.spec, judge.adam, s.name
    args = {"p": p, "dp": "d_" + p}
    if isinstance(U, torch.Tensor) and U.shape == dE.shape:
        if judge.close(dG, -spec.lr * U, ulp):
            r.hint_code, r.numbers = "adam_missing", {"optimizer": "adam"}
            r.explain(T("checker.update.adam_missing", **args))
            return r
        zero = torch.zeros_like(U)
        if state.t > 0 and judge.close(dG, adam_step(spec, U, zero, zero, 1), ulp):
            r.hint_code, r.numbers = "adam_state_missing", {"t": state.t}
            r.explain(T("checker.update.adam_state_missing", t=state.t, **args))
            return r
    refs = [("expected", dE)] + ([("yours", step_of(U))] if follows else [])
    for label, ref in refs:
        k = judge.factor(dG, ref, ulp)
        if k is None:
            continue
        k = _snap(k, judge.N, spec.lr)
        r.factor, r.numbers = k, {"k": k, "lr": spec.lr}
        r.status = "sign" if k == -1.0 else "scale"
        r.hint_code = "update_sign" if k == -1.0 else "update_factor"
        t = (T("checker.update.adam_sign", **args) if k == -1.0 else
             T("checker.update.adam_factor", k=f"{k:g}".replace("-", "−"), **args))
        if label == "yours":
            r.numbers["relative_to"] = args["dp"]
            t = T("checker.update.relative", hint=t, dp=args["dp"])
        r.explain(t)
        return r
    r.hint_code = "update_wrong"
    r.explain(T("checker.update.wrong", p=p, formula=formula_arg(s)))
    return r
