"""Verdicts: the learner's tensors against the engine's trace, one per gradient and per updated parameter.

Statuses (stable codes): ok · follows · sign · scale · shape · wrong · not_finite · missing.

Tolerance. Values are compared in float64; an entry matches when |got − ref| ≤ rtol·(|ref| + max|ref|)
(+ for updates 4 ulp of the parameter, the rounding of p − lr·g), rtol = 1e-3 for float32 networks and 1e-6
for float64. The learner computes in another order than the engine (e.g. σ'(l2)·d_loss instead of the
stable (y_pred − y)/N), so equal formulas differ by rounding only; real mistakes differ by whole factors.

"follows". Every backward Step of the trace has exactly one gradient operand (its upstream, a d_… name), and
the Step's op says how the result is made from it:

    act_grad    d_l{k} = f'(l{k}) ⊙ U            (softmax output: y_pred ⊙ (U − Σⱼ y_pred⊙U))
    batch_sum   d_b{k} = U.sum(0)
    matmul      d_w{k} = a{k-1}ᵀ @ U (+ l2·w{k})   d_a{k} = U @ w{k+1}ᵀ
    update      p_new = p − lr·U                  (momentum m: p − lr·(m·v + U); Adam: its step from the
                                                   session's m, v, t with the gradient U)

U is the learner's own tensor for the upstream name when they defined it; when they did not (e.g. they
wrote d_l1 = sigmoid_p(l1) * (d_l2 @ w2.T) without naming d_a1), U is the value implied by applying the
same rule to *its* upstream, recursively, down to the engine's value where the learner defined nothing. A
tensor `follows` when it is not ok but equals that rule applied to U (nan and inf in the same places count
as equal): the line is right and the error comes from upstream; `follows_from` names the nearest tensor
the learner defined on that chain. Updates also follow when they subtract lr × the batch mean (or sum)
of a per-sample d_b (the notebook's `b1 -= lr * torch.mean(d_b1, 0)`); the hint says so.

Order of tests for a tensor with the right shape: ok → follows → not_finite → sign/scale against the
expected value → sign/scale against the rule applied to U → specific mistakes (a missing activation
derivative, the activation instead of its derivative, a transposed square matrix, the L2 term) → wrong.
"""

from __future__ import annotations

import torch

from engine.core.spec import shape_text as S
from engine.core.trace import ACT_GRAD, BATCH_SUM, LOSS_GRAD, MATMUL
from engine.core.update import AdamState
from .update_verdicts import judge_update
from engine.text import Text
from .results import (ACT_HELPER, F64, NotATensor, T, TensorResult, _snap, _values, as_tensor,  # noqa: F401
                      base_of, formula_arg, step_formula)

__all__ = ["Judge", "NotATensor", "TensorResult", "as_tensor"]


class Judge:
    """Compares the learner's tensors with an epoch's trace (`steps`, recorded before any update)."""

    def __init__(self, steps, spec, N: int, state=None):
        """`state`: the session's optimizer state before this epoch (momentum buffers {p: v_p}, an AdamState,
        or None)."""
        self.steps, self.spec, self.N = steps, spec, N
        self.rtol = 1e-3 if spec.dtype == "float32" else 1e-6
        self.eps = torch.finfo(spec.torch_dtype).eps
        self.adam = state if isinstance(state, AdamState) else None
        self.velocity = {} if self.adam is not None else (state or {})
        self.L = spec.depth
        self.by_name = {s.name: s for s in steps if s.phase != "update"}

    # ----- comparisons ----------------------------------------------------------------------------
    def close(self, G, R, extra=None) -> bool:
        if G.shape != R.shape:
            return False
        fr, fg = torch.isfinite(R), torch.isfinite(G)
        if not torch.equal(fr, fg):
            return False
        if not bool(fr.all()):
            bad = ~fr
            if not torch.equal(torch.nan_to_num(G[bad], nan=0.5), torch.nan_to_num(R[bad], nan=0.5)):
                return False
        if not bool(fr.any()):
            return True
        g, r = G[fr], R[fr]
        scale = float(r.abs().max())
        tol = self.rtol * (r.abs() + scale) + 1e-30
        if extra is not None:
            tol = tol + extra[fr]
        return bool(((g - r).abs() <= tol).all())

    def factor(self, G, R, extra=None) -> float | None:
        """k ≠ 1 with G ≈ k·R, or None."""
        if G.shape != R.shape or not bool(torch.isfinite(G).all()) or not bool(torch.isfinite(R).all()):
            return None
        rr = float((R * R).sum())
        if rr == 0.0:
            return None
        k = float((G * R).sum()) / rr
        if k == 0.0 or not torch.isfinite(torch.tensor(k)) or abs(k - 1) <= self.rtol:
            return None
        return k if self.close(G, k * R, None if extra is None else extra * abs(k)) else None

    # ----- the backward rules ---------------------------------------------------------------------------
    def apply(self, s, U):
        """The step's rule applied to the upstream U (float64), or None where it cannot be applied."""
        if U is None or isinstance(U, NotATensor):
            return None
        try:
            if s.op == ACT_GRAD:
                v = s.operands[0].value.to(F64)
                if s.operands[0].name == "y_pred":  # softmax output
                    return v * (U - (v * U).sum(1, keepdim=True))
                out = v * U
            elif s.op == BATCH_SUM:
                out = U.sum(0)
            elif s.op == MATMUL and s.name.startswith("d_w"):
                out = s.operands[0].value.to(F64).t() @ U
                if len(s.operands) > 2:
                    out = out + self.spec.l2 * s.operands[2].value.to(F64)
            elif s.op == MATMUL:
                out = U @ s.operands[1].value.to(F64).t()
            else:
                return None
        except RuntimeError:
            return None
        return out if out.shape == s.result.shape else None

    @staticmethod
    def upstream(s) -> str | None:
        return next((o.name for o in s.operands if o.name.startswith("d_")), None)

    # ----- the run over the trace ------------------------------------------------------------------------
    def judge(self, got: dict, changed: dict, params_before: dict, lines: dict,
              aliased: dict | None = None) -> list[TensorResult]:
        """`got`: learner gradients by name (float64 tensors or NotATensor); `changed`: parameters the
        learner's code changed (their new values); `params_before`: the values before the code ran;
        `aliased`: {name: {value, line, changed_line}} for tensors a later line changed in place."""
        aliased = aliased or {}
        implied, source, status, out = {}, {}, {}, []
        for s in self.steps:
            if s.phase != "backward":
                continue
            E = s.result.to(F64)
            up = self.upstream(s)
            U = implied.get(up) if up else None
            F = self.apply(s, U)
            G = got.get(s.name)
            if G is None:
                implied[s.name] = F if F is not None else E
                source[s.name] = source.get(up) if up else None
                status[s.name] = "missing"
                r = TensorResult(s.name, "gradient", list(E.shape), None, "missing", expected=_values(E))
            else:
                src = source.get(up) if up else None
                upstream_bad = src is not None and status.get(src) not in ("ok", None)
                r = self._one(s, E, G, F, src, U, upstream_bad)
                implied[s.name] = G if not isinstance(G, NotATensor) else E
                a = aliased.get(s.name)
                if a is not None and r.status not in ("ok", "follows"):
                    if self._right_when_assigned(s, E, a["value"], F):
                        r = self._aliased(s, r, a)
                        implied[s.name] = a["value"]
                source[s.name] = s.name
                status[s.name] = r.status
            r.formula, r.formula_text = s.formula, step_formula(s).to_dict()
            r.line = r.line or lines.get(s.name)
            out.append(r)
        for s in self.steps:
            if s.phase == "update" and s.name in changed:
                r = judge_update(self, s, changed[s.name], params_before[s.name], implied, source, status)
                r.formula, r.formula_text = s.formula, step_formula(s).to_dict()
                r.line = lines.get(s.name)
                out.append(r)
        return out

    def _one(self, s, E, G, F, src, U, upstream_bad: bool = False) -> TensorResult:
        name = s.name
        r = TensorResult(name, "gradient", list(E.shape), None, "wrong", expected=_values(E))
        if isinstance(G, NotATensor):
            r.hint_code, r.numbers = "not_a_tensor", {"type": G.type_name}
            r.explain(T("checker.grad.not_a_tensor", name=name, type=G.type_name))
            return r
        r.got_shape, r.got = list(G.shape), _values(G)
        if G.shape != E.shape:
            return self._shape(s, r, E, G, F, U)
        diff = (G - E).abs()
        r.max_abs_err = float(diff.max()) if diff.numel() else 0.0
        close_e = self.close(G, E)
        close_f = F is not None and self.close(G, F)
        if close_e and (not upstream_bad or F is None or close_f):
            r.status = r.global_status = "ok"
            return r
        kE = None if close_e else self.factor(G, E)
        r.global_factor = None if kE is None else _snap(kE, self.N, self.spec.lr)
        r.global_status = ("ok" if close_e else "differs" if kE is None else
                           "sign" if r.global_factor == -1.0 else "scale")
        if upstream_bad and close_f:
            r.status, r.follows_from, r.hint_code = "follows", src, "follows"
            r.explain(T("checker.grad.follows", name=name, src=src))
            return r
        if not bool(torch.isfinite(G).all()):
            return self._not_finite(s, r, G, U)
        # the local verdict: the line against the right rule applied to the learner's own inputs, so
        # that it names this line's mistake and stays the same while they fix the lines upstream
        if F is not None:
            k = self.factor(G, F)
            if k is not None:
                return self._scale(s, r, k, src)
            if not self.close(F, E):
                return self._wrong(s, r, F, G, U)
        if kE is not None:
            return self._scale(s, r, kE, None)
        return self._wrong(s, r, E, G, U)

    def _right_when_assigned(self, s, E, V, F) -> bool:
        return V.shape == E.shape and (self.close(V, E) or (F is not None and self.close(V, F)))

    def _aliased(self, s, r, a) -> TensorResult:
        name = s.name
        r.status, r.hint_code, r.factor = "aliased", "aliased", None
        r.numbers = {"line": a["line"], "changed_line": a["changed_line"], "via": a.get("via")}
        r.line = a["line"]
        args = {"name": name, "line": a["line"], "changed_line": a["changed_line"]}
        r.explain(Text("checker.aliased_via", dict(args, via=a["via"])) if a.get("via")
                  else Text("checker.aliased", args))
        return r

    def _scale(self, s, r, k, relative_to) -> TensorResult:
        name, N = s.name, self.N
        k = _snap(k, N, self.spec.lr)
        r.factor = k
        kt = f"{k:g}".replace("-", "−")
        r.status = "sign" if k == -1.0 else "scale"
        r.numbers = {"k": k, "N": N}
        codes = {-1.0: "sign", float(N): "mean_missing", -float(N): "sign_mean_missing",
                 1.0 / N: "mean_extra", -1.0 / N: "sign_mean_extra"}
        code = codes.get(k, "factor")
        if code == "mean_extra" and s.op == BATCH_SUM:
            code = "mean_instead_of_sum"
        r.hint_code = code
        args = {"name": name, "k": kt, "N": N, "formula": formula_arg(s)}
        if relative_to:
            r.numbers["relative_to"] = relative_to
            local = code if code in ("sign", "mean_instead_of_sum", "mean_extra") else "factor"
            r.explain(Text(f"checker.local.{local}", dict(args, up=relative_to)))
        else:
            r.explain(Text(f"checker.grad.{code}", args))
        return r

    def _not_finite(self, s, r, G, U) -> TensorResult:
        r.status = "not_finite"
        n = int((~torch.isfinite(G)).sum())
        r.numbers = {"count": n}
        up = self.upstream(s)
        if isinstance(U, torch.Tensor) and not bool(torch.isfinite(U).all()):
            r.hint_code, r.numbers["operand"] = "propagated", up
            if up == "d_loss" and self.spec.loss in ("bce", "softmax_ce"):
                r.hint_code = "use_simplified"
            r.explain(T(f"checker.grad.{r.hint_code}", name=r.name, count=n, up=up, l=f"l{s.layer}"))
            return r
        if s.op == LOSS_GRAD:
            yp = s.operands[0].value
            sat = int(((yp == 0) | (yp == 1)).sum())
            if sat:
                r.hint_code, r.numbers["saturated"] = "div_zero", sat
                r.explain(T("checker.grad.div_zero", saturated=sat))
                return r
        r.hint_code = "not_finite"
        r.explain(T("checker.grad.not_finite", name=r.name, count=n, formula=formula_arg(s)))
        return r

    def _wrong(self, s, r, E, G, U) -> TensorResult:
        name = s.name
        right = formula_arg(s)
        r.status, r.hint_code = "wrong", "wrong"
        r.explain(T("checker.grad.wrong", name=name, formula=right))
        if G.numel() and not bool((G != 0).any()):
            r.hint_code = "zero"
            r.explain(T("checker.grad.zero", name=name, formula=right))
            return r
        up = self.upstream(s)
        Uv = U if isinstance(U, torch.Tensor) else None
        if s.op == ACT_GRAD and Uv is not None and Uv.shape == G.shape:
            sym = s.operands[0].name.split("'")[0]
            args = {"name": name, "up": up, "helper": ACT_HELPER.get(sym, sym), "l": f"l{s.layer}"}
            if self.close(G, Uv):
                r.hint_code = "act_derivative_missing"
                r.explain(Text("checker.grad.act_derivative_missing", args))
                return r
            a_step = self.by_name.get("y_pred" if s.layer == self.L else f"a{s.layer}")
            a = a_step.result.to(F64) if a_step is not None else None
            if a is not None and a.shape == G.shape and self.close(G, a * Uv):
                r.hint_code = "activation_not_derivative"
                r.explain(Text("checker.grad.activation_not_derivative", args))
                return r
        if G.dim() == 2 and G.shape[0] == G.shape[1] and G.shape[0] > 1:
            F = self.apply(s, Uv) if Uv is not None else None
            if self.close(G.t(), E) or (F is not None and self.close(G.t(), F)):
                r.hint_code = "transpose"
                r.explain(T("checker.grad.transpose", name=name, formula=right))
                return r
        if s.op == MATMUL and len(s.operands) > 2 and Uv is not None:
            bare = s.operands[0].value.to(F64).t() @ Uv if s.name.startswith("d_w") else None
            if bare is not None and bare.shape == G.shape and self.close(G, bare):
                r.hint_code, r.numbers = "l2_missing", {"l2": self.spec.l2}
                r.explain(T("checker.grad.l2_missing", name=name, base=base_of(name), l2=f"{self.spec.l2:g}",
                            formula=right))
        return r

    def _shape(self, s, r, E, G, F, U) -> TensorResult:
        name = s.name
        r.status = "shape"
        r.numbers = {"expected_shape": list(E.shape), "got_shape": list(G.shape), "N": self.N}
        up = self.upstream(s)
        args = {"name": name, "base": base_of(name), "want": S(E.shape), "got": S(G.shape)}
        if G.dim() == 2 and E.dim() == 2 and tuple(G.shape) == tuple(reversed(E.shape)):
            r.hint_code = "transpose"
            r.explain(Text("checker.grad.transpose_shape", dict(args, formula=formula_arg(s))))
            return r
        if G.numel() == E.numel() and (self.close(G.reshape(E.shape), E)
                                       or (F is not None and self.close(G.reshape(E.shape), F))):
            r.hint_code = "reshape"
            r.explain(Text("checker.grad.reshape_sum" if s.op == BATCH_SUM else "checker.grad.reshape",
                           dict(args, up=up)))
            return r
        if s.op == BATCH_SUM and G.dim() >= 1 and G.shape[0] == self.N:
            r.hint_code = "sum_batch_axis"
            if isinstance(U, torch.Tensor) and U.shape == G.shape and self.close(G, U):
                r.numbers["per_sample_of"] = up
            r.explain(Text("checker.grad.sum_batch_axis", dict(args, N=self.N, up=up)))
            return r
        r.hint_code = "shape"
        why = s.why_text
        r.explain(Text("checker.grad.shape_why", dict(args, why=why)) if why is not None
                  else Text("checker.grad.shape", args))
        return r
