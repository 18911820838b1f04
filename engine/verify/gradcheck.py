"""Gradient check: the engine's hand-made gradients against autograd and against finite differences.

For each parameter p of a trainer's *current* state, three gradients ∂loss/∂p are computed on float64
copies (the trainer is not changed; a float32 trainer is checked in float64, where the comparison is
meaningful):

    manual    the engine's own backward (Network.epoch on throw-away copies)
    autograd  engine.verify.reference: the same network written with torch.nn.functional, differentiated by autograd
    numeric   centred finite differences of the engine's own forward + loss, one element at a time:
              (loss(p + h) − loss(p − h)) / (2h)

Error measure. `rel_error` is the norm-wise relative error per parameter,

    rel(a, b) = ‖a − b‖₂ / max(‖a‖₂ + ‖b‖₂, 1e-12),

the larger of rel(manual, autograd) and rel(manual, numeric). cs231n's thresholds (relative error below 1e-7:
ok; above 1e-2: wrong; between: suspect) are stated for the element-wise error |a−b| / max(|a|, |b|). Taken
element by element they misfire on entries that are tiny (a gradient entry of 1e-13 is pure finite-difference
rounding, and its element-wise error is ~1 although nothing is wrong). The norm-wise error weighs each entry
by its share of the whole gradient, so such entries cannot raise a false alarm, yet it is never larger than
the worst element-wise error (|aᵢ−bᵢ| ≤ r·(|aᵢ|+|bᵢ|) for all i gives ‖a−b‖ ≤ r·(‖a‖+‖b‖)); so whatever
cs231n would call ok is ok here, and real bugs (a wrong sign, a missing 1/N, a transposed product, a wrong
derivative) still give errors of 0.1 to 1, far above 1e-2. In float64 with h = 1e-5 a correct gradient gives
about 1e-9 against finite differences and 1e-15 against autograd. The worst element-wise error is reported as
`elem_error`, for information.

Kinks. ReLU and leaky ReLU have a corner at 0. If p ± h moves some pre-activation across 0, the centred
difference averages the slopes on both sides and is not the derivative. This is common, not rare: with zero
initial biases, every sample at the origin (XOR's (0, 0), the spiral's centre) has pre-activations exactly 0.
Such crossings are detected exactly (the sign of every ReLU-like pre-activation is compared between the p + h
and the p − h forward). When p sits on the kink and one side is smooth for two steps, that side's second-order
one-sided difference is used: it is the slope the engine means (ReLU'(0) = 0, the slope where l stays ≤ 0).
Elements with a kink on both sides are left out of the finite-difference comparison (autograd, exact there,
still checks them). `why` says how many elements and which layers, even when ok.

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

Speed: one element costs two forward passes (from the parameter's own layer on; earlier layers are reused).
The 3-class spiral net 2→64→64→64→3 (8,707 parameters, 300 samples) takes about 4.7 s of CPU (one thread;
more wall time on a busy machine), max_elements=1000 about 1.1 s, 100 about 0.3 s. `max_elements` checks
a seeded random sample of at most that many elements per parameter instead (default None: all). `numeric` then
holds NaN for the elements not sampled; `checked` counts the elements compared with finite differences.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import torch

from engine.core.network import Network, Params, Targets
from engine.text import Text, render
from .reference import autograd_grads
from .reference import loss as reference_loss

OK_BELOW = 1e-7
WRONG_ABOVE = 1e-2
F64 = torch.float64
KINKED = ("relu", "leaky_relu")  # activations with a corner at 0
EPS64 = torch.finfo(F64).eps
SATURATED = 1e-8  # sigmoid / tanh outputs this close to their limits have derivatives with few correct digits
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


def gradcheck(trainer, h: float = 1e-5, max_elements: int | None = None, seed: int = 0
              ) -> dict[str, ParamCheck]:
    """Check every parameter's gradient at the trainer's current state; {"w1": ParamCheck, …} in order.

    `h`: the finite-difference step. `max_elements`: check at most this many elements of each parameter by
    finite differences (a random sample drawn with `seed`); None checks all. The trainer is not changed.
    """
    if not (isinstance(h, (int, float)) and math.isfinite(h) and h > 0):
        raise ValueError(f"h must be a positive finite number, not {h!r}")
    if max_elements is not None and max_elements < 1:
        raise ValueError(f"max_elements must be at least 1 or None, not {max_elements!r}")
    spec = trainer.spec.with_changes(dtype="float64")
    net = Network(spec)
    rows = getattr(trainer.data, "train_index", None)  # the rows trained on (not a test split's)
    X = (trainer.data.X if rows is None else trainer.data.X[rows]).to(F64)  # not the trainer's float32 copy
    T = Targets(spec, trainer.data.y if rows is None else trainer.data.y[rows])
    P = {k: v.detach().to(F64).clone() for k, v in trainer.params.items()}

    # manual: the engine's own backward, on throw-away copies (the update they receive is discarded)
    Pm = {k: v.clone() for k, v in P.items()}
    Vm = {k: torch.zeros_like(v) for k, v in P.items()} if spec.momentum else None
    loss_manual, manual = net.epoch(Pm, Vm, X, T)
    loss_manual = float(loss_manual)
    auto = autograd_grads(spec, P, X, T)
    loss_ref = float(reference_loss(spec, P, X, T))

    fd = _FiniteDifferences(net, P, X, T, h)
    gen = torch.Generator().manual_seed(seed)
    finite_state = all(bool(torch.isfinite(v).all()) for v in P.values()) and math.isfinite(loss_manual)
    out: dict[str, ParamCheck] = {}
    for name in spec.param_names:
        n = P[name].numel()
        if max_elements is None or n <= max_elements:
            idx = torch.arange(n)
        else:
            idx = torch.randperm(n, generator=gen)[:max_elements].sort().values
        numeric = torch.full((n,), math.nan, dtype=F64)
        crossed = one_sided = torch.zeros(idx.numel(), dtype=torch.bool)
        kinks = {}
        if finite_state:
            numeric[idx], crossed, one_sided, kinks = fd.gradient(name, idx)
        numeric = numeric.reshape(P[name].shape)
        out[name] = _judge(spec, name, manual["d_" + name], auto["d_" + name], numeric, idx, crossed, one_sided,
                           kinks, loss_manual, loss_ref, h, finite_state, fd)
    return out


def summary(checks: dict[str, ParamCheck]) -> str:
    """One line per parameter: name, verdict, error, and the reason when not ok."""
    lines = []
    for c in checks.values():
        line = f"{c.grad_name:6s} {c.verdict:7s} rel {c.rel_error:.2e} (autograd {c.autograd_error:.1e}, " \
               f"numeric {c.numeric_error:.1e} over {c.checked} element(s))"
        if c.why:
            line += f": {c.why}"
        lines.append(line)
    return "\n".join(lines)


# ----- the verdict ---------------------------------------------------------------------------------
def _f(x: float, spec: str = ".1e") -> str:
    return format(x, spec)


def _joined(parts: list[Text]) -> Text:
    out = parts[0]
    for p in parts[1:]:
        out = Text("gradcheck.and", {"first": out, "second": p})
    return out


def _judge(spec, name, m, a, numeric, idx, crossed, one_sided, kinks, loss_manual, loss_ref, h, finite_state,
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


class _FiniteDifferences:
    """Centred differences of the engine's own forward and loss, from the perturbed parameter's layer on.

    For ReLU-like layers it also notes which pre-activations changed sign between loss(p + h) and
    loss(p − h): those differences straddle a kink and are not the derivative.
    """

    def __init__(self, net: Network, P: Params, X: torch.Tensor, T: Targets, h: float):
        self.net, self.P, self.T, self.h = net, P, T, h
        self.ls, self.acts = net.forward(P, X)  # a0 = X, a1, …: the inputs of each layer, reused
        self._abs = None
        hidden = enumerate(net.spec.hidden, start=1)
        self.kinked_layers = {k for k, layer in hidden if layer.activation in KINKED}

    def _loss(self, k: int):
        net, P = self.net, self.P
        a = self.acts[k - 1]
        signs = {}
        l = a
        for j in range(k, net.L + 1):
            l = torch.addmm(P[f"b{j}"], a, P[f"w{j}"])  # (N, out), as Network.forward
            if j in self.kinked_layers:
                signs[j] = l > 0
            a = net._act(j, l)
        return float(net.loss(P, l, a, self.T)), signs

    def loss_terms(self) -> float:
        """The size of the numbers the loss is computed from, which its rounding is proportional to: the
        cross-entropies are log-sum-exp(l) − l_y (softplus(l) − y·l), differences of numbers of size |l|, so a
        confident right answer's tiny loss carries an error of about eps·|l|; MSE squares y_pred − y."""
        spec, y_pred, y = self.net.spec, self.acts[-1], self.T.y
        if spec.loss == "mse":
            return float((2 * (y_pred - y).abs() * (y_pred.abs() + y.abs())).mean())
        return float(self.ls[-1].abs().amax(1).mean())

    def abs_grads(self) -> dict[str, torch.Tensor]:
        """The backward pass with every factor replaced by its absolute value (y_pred − y by |y_pred| + |y|):
        Σ|terms| of each gradient entry, the scale its rounding error is proportional to."""
        if self._abs is None:
            net, P, T = self.net, self.P, self.T
            spec, L, N = net.spec, net.L, self.acts[0].shape[0]
            y_pred, y = self.acts[L], T.y
            size = y_pred.abs() + y.abs()
            if spec.loss == "mse":
                d_l = size * (2.0 / y_pred.numel())
                if spec.output_activation != "linear":
                    d_l = d_l * net.out_act.derivative(self.ls[L - 1], y_pred).abs()
            else:
                d_l = size / N
            out = {}
            for k in range(L, 0, -1):
                w = P[f"w{k}"]
                out[f"d_b{k}"] = d_l.sum(0)
                out[f"d_w{k}"] = self.acts[k - 1].abs().t() @ d_l + spec.l2 * w.abs()
                if k > 1:
                    act = net.hidden_acts[k - 2]
                    d_l = (d_l @ w.abs().t()) * act.derivative(self.ls[k - 2], self.acts[k - 1]).abs()
            self._abs = out
        return self._abs

    def saturated(self, k: int) -> list[tuple[str, str, int]]:
        """[(a{j}, activation, count)] for the sigmoid / tanh layers j ≥ k whose derivative the gradient of
        layer k's parameters goes through, counting the outputs within SATURATED of 0, 1 or ±1."""
        net, out = self.net, []
        layers = [(j, layer.activation) for j, layer in enumerate(net.spec.hidden, start=1) if j >= k]
        if net.spec.loss == "mse":  # (bce and softmax_ce use the simplified output delta, no σ')
            layers.append((net.L, net.spec.output_activation))
        for j, act in layers:
            a = self.acts[j]
            if act == "sigmoid":
                n = int(((a < SATURATED) | (a > 1 - SATURATED)).sum())
            elif act == "tanh":
                n = int((a.abs() > 1 - SATURATED).sum())
            else:
                continue
            if n:
                out.append((net.a_name(j), act, n))
        return out

    def gradient(self, name: str, idx: torch.Tensor, h: float | None = None):
        """(numeric gradient at idx, bool mask of the elements left without one, bool mask of those taken
        one-sided, {layer k: (elements whose ± h crossed a kink in l{k}, distinct pre-activations that did)}).

        Where p ± h crosses a ReLU kink the centred difference averages two slopes. If p sits on the kink
        and one side of it is smooth over two steps (the sign of every pre-activation as at p), that side's
        second-order one-sided difference (∓3·L(p) ± 4·L(p ± h) ∓ L(p ± 2h)) / 2h is the derivative the
        engine means (ReLU'(0) = 0 is the slope on the side where l stays ≤ 0); otherwise the element has none.
        """
        k = int(name[1:])
        flat = self.P[name].view(-1)
        h = self.h if h is None else h
        values, crossed, one_sided = [], [], []
        elements: dict[int, int] = {}
        moved: dict[int, torch.Tensor] = {}
        base = None
        for i in idx.tolist():
            x = float(flat[i])
            xp, xm = x + h, x - h
            flat[i] = xp
            lp, sp = self._loss(k)
            flat[i] = xm
            lm, sm = self._loss(k)
            flat[i] = x  # restore exactly
            if xp == xm:  # x is so large that x ± h rounds back to x: no difference to measure
                values.append(math.nan)
                crossed.append(True)
                one_sided.append(False)
                continue
            value = (lp - lm) / (xp - xm)  # the step actually taken, after rounding
            hit = False
            for j in sp:
                flip = sp[j] != sm[j]
                if bool(flip.any()):
                    hit = True
                    elements[j] = elements.get(j, 0) + 1
                    moved[j] = flip if j not in moved else (moved[j] | flip)
            side = False
            if hit:
                base = base or self._loss(k)
                l0, s0 = base
                for sign, l1, s1 in ((1, lp, sp), (-1, lm, sm)):
                    if all(torch.equal(s1[j], s0[j]) for j in s0):
                        flat[i] = x + 2 * sign * h
                        l2, s2 = self._loss(k)
                        flat[i] = x
                        if all(torch.equal(s2[j], s0[j]) for j in s0):
                            value, side, hit = sign * (-3 * l0 + 4 * l1 - l2) / (2 * h), True, False
                            break
            values.append(value)
            crossed.append(hit)
            one_sided.append(side)
        kinks = {j: (elements[j], int(moved[j].sum())) for j in elements}
        return (torch.tensor(values, dtype=F64), torch.tensor(crossed, dtype=torch.bool),
                torch.tensor(one_sided, dtype=torch.bool), kinks)
