"""The verdict of a gradient check (engine/verify/gradcheck.py) on one parameter: ok, suspect or wrong, and why.

When the error is not small, `why` says why in plain words; harmless causes make the verdict "suspect", never
"wrong". Manual against autograd: both are exact up to rounding, so a difference beyond rounding is a bug in
the backward. Rounding is estimated from Σ|terms| of each gradient entry (the backward pass with absolute
values): where the terms nearly cancel (confident right answers, samples pulling both ways) float64 keeps few
digits of the sum, and the two, adding in different orders, agree only that far. Manual (≈ autograd) against
finite differences:
  * gradients so small that rounding the loss dominates: the loss is computed from numbers of size |l|
    (log-sum-exp(l) − l_y), so its rounding is ~eps·|l| even where the loss itself is tiny; and whenever the
    worst elements redone with step 10·h agree better, rounding is what separated them;
  * the two steps h and 10·h disagree with each other as much as with the manual gradient: the loss curves
    too sharply for finite differences;
  * saturated sigmoid / tanh units on the path: a·(1 − a) and 1 − a² keep few digits there (autograd
    computes them the same way), so the finite differences of the exact function differ slightly.
Only a disagreement that none of these explains, and that stays put with the larger step, is "wrong".
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import torch

from engine.text import Text, render
from .finite_differences import F64, SATURATED

OK_BELOW = 1e-7
WRONG_ABOVE = 1e-2
EPS64 = torch.finfo(F64).eps
ROUNDING = 64  # manual and autograd may differ by up to ROUNDING·eps·Σ|terms| (see abs_grads)
RECHECK = 32  # when finite differences disagree, this many of the worst elements are redone with step 10·h


@dataclass(frozen=True)
class ParamCheck:
    """The check of one parameter's gradient d_<name>."""

    name: str  # the parameter, "w1"; the gradients are d_w1
    manual: torch.Tensor
    autograd: torch.Tensor
    numeric: torch.Tensor  # NaN where not sampled (max_elements); kinked elements: their two-slope difference
    rel_error: float  # norm-wise, max of manual vs autograd and manual vs numeric
    verdict: str  # ok | suspect | wrong
    findings: tuple[Text, ...]  # why (suspect / wrong); which elements a kink or their size kept from the check
    elem_error: float = math.nan  # worst element-wise |a−b| / max(|a|+|b|, 1e-12), both comparisons
    autograd_error: float = math.nan  # rel(manual, autograd)
    numeric_error: float = math.nan  # rel(manual, numeric) over the checked elements
    checked: int = 0  # elements compared with finite differences
    kinked: int = 0  # elements with a ReLU kink on both sides: not compared with finite differences (see why)
    one_sided: int = 0  # elements at a kink compared with a one-sided difference (counted in checked)
    unmeasurable: int = 0  # elements so large that p ± h == p: compared with autograd only

    @property
    def grad_name(self) -> str:
        return "d_" + self.name

    @property
    def why(self) -> str:
        """The findings in English, joined with "; " ("" when there is nothing to say)."""
        return "; ".join(render(t) for t in self.findings)


def rel_error(a: torch.Tensor, b: torch.Tensor) -> float:
    """‖a − b‖₂ / max(‖a‖₂ + ‖b‖₂, 1e-12)."""
    a, b = a.to(F64), b.to(F64)
    num = float(torch.linalg.vector_norm(a - b))
    den = float(torch.linalg.vector_norm(a)) + float(torch.linalg.vector_norm(b))
    return num / max(den, 1e-12)


def elem_error(a: torch.Tensor, b: torch.Tensor) -> float:
    """The worst element-wise relative error |aᵢ − bᵢ| / max(|aᵢ| + |bᵢ|, 1e-12)."""
    if a.numel() == 0:
        return 0.0
    a, b = a.to(F64), b.to(F64)
    return float(((a - b).abs() / (a.abs() + b.abs()).clamp_min(1e-12)).max())


# ----- the verdict ---------------------------------------------------------------------------------
def _f(x: float, spec: str = ".1e") -> str:
    return format(x, spec)


def _joined(parts: list[Text]) -> Text:
    out = parts[0]
    for p in parts[1:]:
        out = Text("gradcheck.and", {"first": out, "second": p})
    return out


def judge(spec, name, m, a, numeric, idx, crossed, one_sided, kinks, loss_manual, loss_ref, h, finite_state,
          fd) -> ParamCheck:
    g = f"d_{name}"
    values = fd.P[name].reshape(-1)[idx]
    big = (values + h == values) & (values - h == values)  # p ± h rounds to p: no finite difference
    use = idx[~crossed]  # elements with a finite-difference derivative (centred, or one-sided at a kink)
    flat_m, flat_n = m.reshape(-1)[use], numeric.reshape(-1)[use]
    e_auto = rel_error(m, a)
    e_num = rel_error(flat_m, flat_n)
    err = max(e_auto, e_num)
    worst = max(elem_error(m, a), elem_error(flat_m, flat_n))
    n_big = int(big.sum()) if finite_state else 0
    kw = dict(elem_error=worst, autograd_error=e_auto, numeric_error=e_num, checked=int(use.numel()),
              kinked=int(crossed.sum()) - n_big, one_sided=int(one_sided.sum()), unmeasurable=n_big)

    def result(verdict, *whys):  # (any kink or size note goes last)
        found = tuple(w for w in (*whys, *notes) if w)
        return ParamCheck(name, m, a, numeric, err, verdict, found, **kw)

    notes: list[Text] = []
    if kinks:
        where = _joined([Text("gradcheck.kink.where", {"count": n_pre, "k": k,
                                                       "activation": spec.hidden[k - 1].activation})
                         for k, (_, n_pre) in sorted(kinks.items())])
        n_side, n_none = int(one_sided.sum()), int(crossed.sum()) - n_big
        notes.append(Text("gradcheck.kink", {"count": n_side + n_none, "total": idx.numel(), "name": name,
                                             "h": f"{h:g}", "where": where}))
        if n_side:
            notes.append(Text("gradcheck.kink.one_sided", {"count": n_side}))
        if n_none:
            notes.append(Text("gradcheck.kink.autograd_only", {"count": n_none}))
    if n_big:
        notes.append(Text("gradcheck.unmeasurable", {"count": n_big, "total": idx.numel(), "name": name,
                                                     "value": _f(float(values[big].abs().max()), ".3g"),
                                                     "h": f"{h:g}"}))
    if not finite_state or not math.isfinite(err):
        return result("suspect", Text("gradcheck.not_finite"))
    if err < OK_BELOW:
        return result("ok")

    # 1. manual against autograd: both exact up to rounding, so only rounding may separate them. A gradient
    # is a sum of products; where its terms nearly cancel (y_pred − y of confident right answers, samples
    # pulling both ways), float64 keeps few of its digits, and manual and autograd, which add in different
    # orders, agree only to about eps·Σ|terms| / |sum|.
    cancel = ROUNDING * EPS64 * float(torch.linalg.vector_norm(fd.abs_grads()["d_" + name])) / max(
        float(torch.linalg.vector_norm(m)) + float(torch.linalg.vector_norm(a)), 1e-300)
    cancel_text = None
    if e_auto >= OK_BELOW:
        if e_auto > cancel:
            args = {"g": g, "error": _f(e_auto), "allows": f"{max(cancel, 1e-16):.0e}"}
            why = Text("gradcheck.backward_wrong" if e_auto > WRONG_ABOVE else "gradcheck.backward_off", args)
            too = Text("gradcheck.numeric_too", {"error": _f(e_num)}) if e_num >= OK_BELOW else None
            return result("wrong" if e_auto > WRONG_ABOVE else "suspect", why, too)
        digits = max(0, round(-math.log10(cancel)))
        cancel_text = Text("gradcheck.cancel", {"g": g, "digits": digits, "error": f"{e_auto:.0e}"})
        if e_num < OK_BELOW:
            return result("suspect", cancel_text)

    # 2. manual (≈ autograd) against finite differences of the engine's own forward. Are those reliable here?
    agree = None if cancel_text else Text("gradcheck.agree", {"error": f"{e_auto:.0e}"})
    size = float(torch.linalg.vector_norm(flat_m))
    scale = abs(loss_manual) + fd.loss_terms()
    noise = 64 * EPS64 * scale / h  # the rounding of one difference
    if float(torch.linalg.vector_norm(flat_m - flat_n)) <= noise * math.sqrt(use.numel()):
        return result("suspect", Text("gradcheck.too_small", {
            "g": g, "size": _f(size), "h": f"{h:g}", "scale": _f(scale, ".3g"), "noise": f"{noise:.0e}"}),
            agree, cancel_text)
    # Redo the worst elements with step 10·h: rounding noise (~eps·|terms of the loss|/h) shrinks 10×,
    # curvature error (~h²·f‴) grows 100×; a real disagreement stays put.
    worst_i = torch.topk((flat_m - flat_n).abs(), min(RECHECK, use.numel())).indices
    n10, crossed10, _, _ = fd.gradient(name, use[worst_i], 10 * h)
    keep = ~crossed10
    m_w, n_w, n10 = flat_m[worst_i][keep], flat_n[worst_i][keep], n10[keep]
    gap, gap10, spread = rel_error(m_w, n_w), rel_error(m_w, n10), rel_error(n_w, n10)
    if keep.any() and gap10 <= gap / 3:
        return result("suspect", Text("gradcheck.too_small.recheck", {
            "g": g, "size": _f(size), "h": f"{h:g}", "error": f"{gap10:.0e}"}), agree, cancel_text)
    if not keep.any() or spread >= gap / 10:
        return result("suspect", Text("gradcheck.curvature", {
            "g": g, "spread": f"{spread:.0e}", "error": f"{e_num:.0e}"}), agree, cancel_text)
    saturated = fd.saturated(int(name[1:]))
    if saturated:
        where = _joined([Text("gradcheck.saturated.where", {"count": n, "activation": act, "a": a_})
                         for a_, act, n in saturated])
        return result("suspect", Text("gradcheck.saturated", {
            "where": where, "limit": f"{SATURATED:g}", "error": f"{e_num:.0e}"}), agree, cancel_text)
    why = Text("gradcheck.numeric_wrong", {"g": g, "error": _f(e_num), "agree": f"{e_auto:.0e}"})
    differs = None
    if not math.isclose(loss_manual, loss_ref, rel_tol=1e-9, abs_tol=1e-12):
        differs = Text("gradcheck.loss_differs", {"loss": repr(loss_manual), "reference": repr(loss_ref)})
    return result("wrong" if e_num > WRONG_ABOVE else "suspect", why, differs)
