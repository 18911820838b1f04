"""Forward, backward and update by hand, in the notebook's convention.

    X (N × in) · w{k} (in × out) · b{k} (out,) · l{k} = a{k-1} @ w{k} + b{k} · a{k} = f(l{k}) · a0 = X
    the last activation is y_pred; gradients d_<name> have the shape of <name>.

`Network.epoch` is the single implementation of one epoch. Given a `Recorder` it also records every
operation as a Step; without one (the fast path) it runs the very same tensor operations, so both paths
give identical tensors. The engine never uses autograd: no tensor here has requires_grad.
"""

from __future__ import annotations

import torch
import torch.nn.functional as F

from . import activations as acts
from .spec import NetworkSpec, shape_text as S
from .trace import (
    ACT_GRAD, ACTIVATION, BATCH_SUM, LINEAR, LOSS, LOSS_GRAD, MATMUL, SOFTMAX, UPDATE, Lazy, Operand, Recorder,
)

Params = dict[str, torch.Tensor]


class Targets:
    """The data's targets in the forms the loss and its gradient need."""

    def __init__(self, spec: NetworkSpec, y: torch.Tensor):
        dt = spec.torch_dtype
        self.labels: torch.Tensor | None = None
        if spec.loss == "softmax_ce":
            self.labels = y.to(torch.int64).reshape(-1)  # (N,) class labels
            self.y = F.one_hot(self.labels, spec.outputs).to(dt)  # (N × K) one-hot Y
        elif spec.loss == "bce":
            self.y = y.to(dt).reshape(-1, 1)  # (N × 1)
            self.positive = self.y > 0.5  # (N × 1) bool, for accuracy
        else:
            self.y = y.to(dt).reshape(y.shape[0], -1)  # (N × T)


class Network:
    """The maths of one network description. Stateless: parameters are passed in."""

    def __init__(self, spec: NetworkSpec):
        self.spec = spec
        self.L = spec.depth
        self.hidden_acts = [acts.get(h.activation) for h in spec.hidden]
        out = spec.output_activation
        self.out_act = None if out == "softmax" else acts.get(out)
        self._texts: dict[int, dict] = {}  # N -> step index -> (formula, why, note)
        self._xt: tuple | None = None  # (X, Xᵀ): the data's transpose, made once per X
        # precomputed per layer, so the hot loop builds no strings: (w, b, d_w, d_b, forward f)
        self._layers = [
            (f"w{k}", f"b{k}", f"d_w{k}", f"d_b{k}",
             self.hidden_acts[k - 1].forward if k < self.L else (acts.softmax if out == "softmax" else self.out_act.forward))
            for k in range(1, self.L + 1)
        ]

    # ----- names -----------------------------------------------------------------------------
    def a_name(self, k: int) -> str:
        """Name of layer k's activation: X for k = 0, y_pred for the last layer."""
        return "X" if k == 0 else ("y_pred" if k == self.L else f"a{k}")

    def d_a_name(self, k: int) -> str:
        return "d_loss" if k == self.L else f"d_a{k}"

    # ----- forward only (plots, gradient check) ----------------------------------------------
    def predict(self, P: Params, X: torch.Tensor) -> torch.Tensor:
        return self.forward(P, X)[1][-1]

    def forward(self, P: Params, X: torch.Tensor) -> tuple[list[torch.Tensor], list[torch.Tensor]]:
        """Returns (l, a): l[k-1] = l{k}; a[0] = X, a[k] = a{k}, a[L] = y_pred."""
        ls, as_ = [], [X]
        a = X
        for k in range(1, self.L + 1):
            l = torch.addmm(P[f"b{k}"], a, P[f"w{k}"])  # (N, out) = (N, in) @ (in, out) + (out,)
            a = self._act(k, l)
            ls.append(l)
            as_.append(a)
        return ls, as_

    def _act(self, k: int, l: torch.Tensor) -> torch.Tensor:
        if k < self.L:
            return self.hidden_acts[k - 1].forward(l)
        return acts.softmax(l) if self.out_act is None else self.out_act.forward(l)

    def loss(self, P: Params, l_out: torch.Tensor, y_pred: torch.Tensor, T: Targets) -> torch.Tensor:
        spec = self.spec
        if spec.loss == "bce":
            # F.binary_cross_entropy_with_logits(l_out, T.y), minus its Python wrapper: stable, no log(0)
            loss = torch.binary_cross_entropy_with_logits(l_out, T.y, None, None, 1)
        elif spec.loss == "softmax_ce":
            loss = F.cross_entropy(l_out, T.labels)  # stable log-sum-exp
        else:
            loss = F.mse_loss(y_pred, T.y)
        if spec.l2:
            loss = loss + 0.5 * spec.l2 * sum((P[f"w{k}"] * P[f"w{k}"]).sum() for k in range(1, self.L + 1))
        return loss

    def data_loss_per_sample(self, l_out, y_pred, T: Targets) -> torch.Tensor:
        """Each sample's loss term (N,), for display; their mean is the data loss."""
        spec = self.spec
        if spec.loss == "bce":
            return F.binary_cross_entropy_with_logits(l_out, T.y, reduction="none").sum(1)
        if spec.loss == "softmax_ce":
            return F.cross_entropy(l_out, T.labels, reduction="none")
        return F.mse_loss(y_pred, T.y, reduction="none").mean(1)

    # ----- one epoch ---------------------------------------------------------------------------
    def epoch(
        self,
        P: Params,
        V: Params | None,
        X: torch.Tensor,
        T: Targets,
        rec: Recorder | None = None,
        need_grads: bool = True,
    ) -> tuple[torch.Tensor, Params]:
        """Forward, backward and update, in place on P (and V, the momentum buffers).

        Returns (loss before the update, gradients). With `rec`, every operation is recorded.
        Plain SGD (no momentum, no L2) updates each weight with one fused `w.addmm_(a_prevᵀ, d_l, alpha=−lr)`,
        i.e. w ← w − lr·(a_prevᵀ @ d_l), right after w's last use in the backward pass; d_w itself is then
        only computed when asked for (`need_grads`, or a recorder), and both paths update identically.
        """
        spec, L = self.spec, self.L
        fused = not spec.momentum and not spec.l2
        need_d_w = need_grads or rec is not None or not fused
        neg_lr = -spec.lr
        N = X.shape[0]
        P0 = P
        if rec is not None:  # the values before the update, kept for the record
            P0 = rec.params_before = {k: v.clone() for k, v in P.items()}
            rec.texts = self._texts.setdefault(N, {})

        # forward ------------------------------------------------------------------------------
        ls, as_ = [], [X]
        a = X
        for k, (wn, bn, _, _, f) in enumerate(self._layers, start=1):
            l = torch.addmm(P[bn], a, P[wn])  # (N, out) = (N, in) @ (in, out) + (out,) broadcast over rows
            a_new = f(l)
            ls.append(l)
            as_.append(a_new)
            if rec is not None:
                self._rec_forward(rec, k, P0, a, l, a_new)
            a = a_new
        y_pred = a
        self.last_y_pred = y_pred  # this epoch's predictions (before its update), for accuracy
        loss = self.loss(P, ls[-1], y_pred, T)
        if rec is not None:
            self._rec_loss(rec, P0, ls[-1], y_pred, T, loss)

        # backward -----------------------------------------------------------------------------
        grads: Params = {}
        d_l = self._output_delta(ls[-1], y_pred, T, N)  # (N, out)
        if rec is not None:
            self._rec_output_delta(rec, ls[-1], y_pred, T, N, d_l)
        l2 = spec.l2
        if self._xt is None or self._xt[0] is not X:
            self._xt = (X, X.t())
        xt = self._xt[1]
        for k in range(L, 0, -1):
            wn, _, dwn, dbn, _ = self._layers[k - 1]
            a_prev, w = as_[k - 1], P[wn]
            a_prev_t = xt if k == 1 else a_prev.t()  # (in, N)
            d_b = d_l.sum(0)  # (out,): the adjoint of the broadcast of b{k}
            grads[dbn] = d_b
            if need_d_w:
                d_w = torch.mm(a_prev_t, d_l)  # (in, out) = (in, N) @ (N, out): sums over the N samples
                if l2:
                    d_w = d_w.add(w, alpha=l2)
                grads[dwn] = d_w
                if rec is not None:
                    self._rec_param_grads(rec, k, P0, a_prev, d_l, d_b, d_w, N)
            d_l_prev = None
            if k > 1:
                d_a = torch.mm(d_l, w.t())  # (N, in) = (N, out) @ (out, in)
                act = self.hidden_acts[k - 2]
                d_l_prev = act.grad(d_a, ls[k - 2], as_[k - 1])  # (N, in): f'(l) ⊙ d_a
                if rec is not None:
                    self._rec_hidden_grads(rec, k, P0, d_l, d_a, act, ls[k - 2], as_[k - 1], d_l_prev)
            if fused:  # w{k} is not needed any more in this epoch: update it now, fused
                w.addmm_(a_prev_t, d_l, alpha=neg_lr)  # w ← w − lr·(a_prevᵀ @ d_l)
                P[self._layers[k - 1][1]].add_(d_b, alpha=neg_lr)  # b ← b − lr·d_b
            d_l = d_l_prev

        # update (SGD; momentum as torch.optim.SGD: v ← m·v + d_p; p ← p − lr·v) -----------------
        m = spec.momentum
        if fused:  # already updated in the backward loop; record what was done
            if rec is not None:
                for k, (wn, bn, dwn, dbn, _) in enumerate(self._layers, start=1):
                    for p, g in ((wn, grads[dwn]), (bn, grads[dbn])):
                        self._rec_update(rec, k, p, P0[p], g, None, P[p].clone())
            return loss, grads
        for k, (wn, bn, dwn, dbn, _) in enumerate(self._layers, start=1):
            for p, g in ((wn, grads[dwn]), (bn, grads[dbn])):
                if m:
                    v = V[p]
                    v.mul_(m).add_(g)
                    P[p].add_(v, alpha=neg_lr)
                else:
                    P[p].add_(g, alpha=neg_lr)
                if rec is not None:
                    self._rec_update(rec, k, p, P0[p], g, V[p].clone() if m else None, P[p].clone())
        return loss, grads

    def _output_delta(self, l_out, y_pred, T: Targets, N: int) -> torch.Tensor:
        """d_l of the last layer, in the stable simplified form where one exists."""
        loss = self.spec.loss
        if loss in ("bce", "softmax_ce"):
            return (y_pred - T.y).div_(N)  # σ'(l)·d_loss = (y_pred − y)/N, no division by y_pred
        d_loss = (y_pred - T.y).mul_(2.0 / y_pred.numel())  # MSE: 2(y_pred − y)/(N·T)
        return self.out_act.grad(d_loss, l_out, y_pred)

    # ----- recording (traced path only) --------------------------------------------------------
    # Texts depend only on the network and N, so each rec.add gets them as a lambda that the Recorder
    # evaluates once per (network, N, step index) and caches.
    def _rec_forward(self, rec, k, P0, a_prev, l, a_new) -> None:
        N = l.shape[0]
        ap = self.a_name(k - 1)
        w, b = P0[f"w{k}"], P0[f"b{k}"]
        rec.add(
            f"l{k}", "forward", LINEAR, k,
            (Operand(ap, a_prev), Operand(f"w{k}", w), Operand(f"b{k}", b, broadcast=True)), l,
            lambda: (f"l{k} = {ap} @ w{k} + b{k}", "",
                     f"{ap} {S(a_prev.shape)} @ w{k} {S(w.shape)} → {S(l.shape)}; "
                     f"b{k} {S(b.shape)} is added to every one of the {N} rows"),
        )
        name = self.a_name(k)
        if k == self.L and self.out_act is None:
            rec.add(name, "forward", SOFTMAX, k, (Operand(f"l{k}", l),), a_new,
                    lambda: (f"{name} = softmax(l{k})", "", "each row is exp(l) divided by its row sum"))
        else:
            act = self.hidden_acts[k - 1] if k < self.L else self.out_act
            rec.add(name, "forward", ACTIVATION, k, (Operand(f"l{k}", l),), a_new,
                    lambda: (f"{name} = {act.symbol}(l{k})", "", "applied to every entry on its own"))

    def _rec_loss(self, rec, P0, l_out, y_pred, T: Targets, loss) -> None:
        spec, L = self.spec, self.L
        per = Lazy(lambda: self.data_loss_per_sample(l_out, y_pred, T))
        ylab = T.labels if spec.loss == "softmax_ce" else T.y
        ops = (Operand("y_pred", y_pred), Operand("y", ylab), Operand("loss per sample", per))

        def texts():
            if spec.loss == "bce":
                formula = "loss = −mean(y·log(y_pred) + (1−y)·log(1−y_pred))"
                note = f"computed stably from l{L}: mean(softplus(l{L}) − y·l{L}), never log(0)"
            elif spec.loss == "softmax_ce":
                formula = "loss = −mean(log(y_pred[n, y[n]]))"
                note = f"computed stably from l{L} with log-sum-exp, never log(0)"
            else:
                formula = "loss = mean((y_pred − y)²)"
                note = "the mean runs over every entry"
            if spec.l2:
                formula += " + (l2/2)·Σ‖w‖²"
            return formula, "", note

        rec.add("loss", "forward", LOSS, 0, ops, loss, texts)

    def _rec_output_delta(self, rec, l_out, y_pred, T: Targets, N, d_l) -> None:
        spec, L = self.spec, self.L
        yp = S(y_pred.shape)
        why_loss = (f"d_loss has the shape of y_pred {yp}: one derivative per prediction; "
                    f"the 1/{N} of the mean is in every entry")
        if spec.loss == "bce":
            d_loss = Lazy(lambda: -(T.y / y_pred - (1 - T.y) / (1 - y_pred)) / N)
            rec.add("d_loss", "backward", LOSS_GRAD, L, (Operand("y_pred", y_pred), Operand("y", T.y)), d_loss,
                    lambda: (f"d_loss = −(y/y_pred − (1−y)/(1−y_pred)) / {N}", why_loss,
                             "the minus sign and the 1/N come from loss = −mean(…)"))
            sp = Lazy(lambda: y_pred * (1 - y_pred))
            rec.add(f"d_l{L}", "backward", ACT_GRAD, L, (Operand(f"σ'(l{L})", sp), Operand("d_loss", d_loss)), d_l,
                    lambda: (f"d_l{L} = σ'(l{L}) ⊙ d_loss", self._why_act(L, yp),
                             f"σ'(l{L})·d_loss simplifies to (y_pred − y)/{N}; the engine uses that stable form, "
                             "which never divides by y_pred"))
        elif spec.loss == "softmax_ce":
            d_loss = Lazy(lambda: -(T.y / y_pred) / N)
            rec.add("d_loss", "backward", LOSS_GRAD, L, (Operand("y_pred", y_pred), Operand("Y", T.y)), d_loss,
                    lambda: (f"d_loss = −(Y / y_pred) / {N}   (Y: one-hot labels)", why_loss,
                             "only each sample's true class gets a non-zero entry"))
            rec.add(f"d_l{L}", "backward", ACT_GRAD, L, (Operand("y_pred", y_pred), Operand("d_loss", d_loss)), d_l,
                    lambda: (f"d_l{L} = y_pred ⊙ (d_loss − Σⱼ y_pred⊙d_loss)", self._why_act(L, yp, softmax=True),
                             f"the softmax Jacobian times d_loss simplifies to (y_pred − Y)/{N}; "
                             "the engine uses that stable form"))
        else:
            d_loss = Lazy(lambda: (y_pred - T.y) * (2.0 / y_pred.numel()))
            rec.add("d_loss", "backward", LOSS_GRAD, L, (Operand("y_pred", y_pred), Operand("y", T.y)), d_loss,
                    lambda: (f"d_loss = 2·(y_pred − y) / {y_pred.numel()}", why_loss, ""))
            act = self.out_act
            rec.add(f"d_l{L}", "backward", ACT_GRAD, L,
                    (Operand(f"{act.symbol}'(l{L})", Lazy(lambda: act.derivative(l_out, y_pred))), Operand("d_loss", d_loss)),
                    d_l, lambda: (f"d_l{L} = {act.symbol}'(l{L}) ⊙ d_loss", self._why_act(L, yp), act.derivative_text))

    def _why_act(self, k, shape_text, softmax=False) -> str:
        up = self.d_a_name(k)
        if softmax:
            return (f"d_l{k} has the shape of l{k} {shape_text}; softmax mixes the entries of each row, so each "
                    f"row of {up} is multiplied by that row's softmax Jacobian")
        return (f"d_l{k} has the shape of l{k} {shape_text}; the activation acts on each entry alone, so its "
                f"derivative multiplies {up} entry by entry (⊙), no matmul")

    def _rec_param_grads(self, rec, k, P0, a_prev, d_l, d_b, d_w, N) -> None:
        ap = self.a_name(k - 1)
        w, b = P0[f"w{k}"], P0[f"b{k}"]
        rec.add(f"d_b{k}", "backward", BATCH_SUM, k, (Operand(f"d_l{k}", d_l),), d_b,
                lambda: (f"d_b{k} = Σₙ d_l{k}[n, :]   (sum over axis 0)",
                         f"b{k} {S(b.shape)} was broadcast to all {N} rows in the forward pass, so d_b{k} adds up "
                         f"the {N} rows of d_l{k} {S(d_l.shape)}: Σ over the {N} samples, axis 0 → {S(b.shape)}",
                         ""))
        l2 = self.spec.l2
        ops = (Operand(ap, a_prev, transposed=True), Operand(f"d_l{k}", d_l)) + ((Operand(f"w{k}", w),) if l2 else ())
        rec.add(f"d_w{k}", "backward", MATMUL, k, ops, d_w,
                lambda: (f"d_w{k} = {ap}ᵀ @ d_l{k}" + (f" + l2·w{k}" if l2 else ""),
                         f"d_w{k} must be {S(w.shape)} like w{k}; {ap} is {S(a_prev.shape)} and d_l{k} is "
                         f"{S(d_l.shape)}; {ap}ᵀ @ d_l{k}, {S(a_prev.T.shape)} @ {S(d_l.shape)}, is the product "
                         f"with that shape; it sums over the {N} samples",
                         ""))

    def _rec_hidden_grads(self, rec, k, P0, d_l, d_a, act, l_prev, a_prev, d_l_prev) -> None:
        w = P0[f"w{k}"]
        j = k - 1
        rec.add(f"d_a{j}", "backward", MATMUL, j, (Operand(f"d_l{k}", d_l), Operand(f"w{k}", w, transposed=True)),
                d_a, lambda: (f"d_a{j} = d_l{k} @ w{k}ᵀ",
                              f"d_a{j} must be {S(a_prev.shape)} like a{j}; d_l{k} is {S(d_l.shape)} and w{k} is "
                              f"{S(w.shape)}; d_l{k} @ w{k}ᵀ, {S(d_l.shape)} @ {S(w.T.shape)}, is the product with "
                              "that shape: each sample's error flows back along the weights it came through", ""))
        rec.add(f"d_l{j}", "backward", ACT_GRAD, j,
                (Operand(f"{act.symbol}'(l{j})", Lazy(lambda: act.derivative(l_prev, a_prev))), Operand(f"d_a{j}", d_a)),
                d_l_prev, lambda: (f"d_l{j} = {act.symbol}'(l{j}) ⊙ d_a{j}", self._why_act(j, S(l_prev.shape)),
                                   act.derivative_text))

    def _rec_update(self, rec, k, p, old, g, v, new) -> None:
        lr, m = self.spec.lr, self.spec.momentum
        if v is None:
            rec.add(p, "update", UPDATE, k, (Operand(p, old), Operand("d_" + p, g)), new,
                    lambda: (f"{p} ← {p} − lr·d_{p}   (lr = {lr:g})", "",
                             f"a step of size lr against the gradient; d_{p} has the shape of {p} {S(old.shape)}"
                             + (f"; done as one fused {p}.addmm_({self.a_name(k - 1)}ᵀ, d_l{k}, alpha=−lr)"
                                if p[0] == "w" else "")))
        else:
            rec.add(p, "update", UPDATE, k, (Operand(p, old), Operand("d_" + p, g), Operand("v_" + p, v)), new,
                    lambda: (f"v_{p} ← {m:g}·v_{p} + d_{p};  {p} ← {p} − lr·v_{p}   (lr = {lr:g})", "",
                             "momentum keeps a running sum of past gradients"))
        rec.params_after[p] = new
