"""One epoch by hand, composed of the forward/backward pairs, in the notebook's convention.

    X (N × in) · w{k} (in × out) · b{k} (out,) · l{k} = a{k-1} @ w{k} + b{k} · a{k} = f(l{k}) · a0 = X
    the last activation is y_pred; gradients d_<name> have the shape of <name>.

The pairs: engine/core/linear.py (l = a_prev @ w + b), activations.py (a = f(l)), losses.py (the loss and
its output delta d_l{L}), update.py (SGD, fused SGD, momentum, Adam). `Network.epoch` is the single
implementation of one epoch; an observer (engine/core/trace.py) sees each pair's inputs and outputs: a
Recorder writes them down as Steps, the fast path's NO_RECORD ignores them, and both paths run the very
same tensor operations, so they give identical tensors. Nothing here has requires_grad, and a Network
keeps no state of its own but the cached step texts.
"""

from __future__ import annotations

import torch

from . import activations as acts, linear, losses, update
from .losses import Targets  # noqa: F401  (the data's targets, as the loss needs them)
from .spec import NetworkSpec
from .step import LayerNames
from .trace import NO_RECORD, StepText

Params = dict[str, torch.Tensor]


class EpochResult:
    """What an epoch returns: its loss (before the update), the gradients, and its predictions y_pred (before
    the update). Unpacks as (loss, grads)."""

    __slots__ = ("loss", "grads", "y_pred")

    def __init__(self, loss: torch.Tensor, grads: Params, y_pred: torch.Tensor):
        self.loss, self.grads, self.y_pred = loss, grads, y_pred

    def __iter__(self):
        return iter((self.loss, self.grads))

    def __getitem__(self, i):
        return (self.loss, self.grads)[i]


class Network:
    """The maths of one network description. Stateless: parameters are passed in and updated in place."""

    def __init__(self, spec: NetworkSpec):
        self.spec = spec
        self.L = spec.depth
        self.hidden_acts = [acts.get(h.activation) for h in spec.hidden]
        out = spec.output_activation
        self.out_act = None if out == "softmax" else acts.get(out)
        self.loss_fn = losses.LOSSES[spec.loss]
        # per layer k, built once so the hot loop builds no strings: (w, b, d_w, d_b, the activation's forward)
        self._layers = [(f"w{k}", f"b{k}", f"d_w{k}", f"d_b{k}", self._forward_of(k)) for k in range(1, self.L + 1)]
        self.names = [LayerNames(f"w{k}", f"b{k}", f"d_w{k}", f"d_b{k}", f"l{k}", f"d_l{k}", self.a_name(k - 1),
                                 self.a_name(k), f"d_a{k - 1}", self._f_prime(k)) for k in range(1, self.L + 1)]
        self._texts: dict[int, dict[int, StepText]] = {}  # N -> step index -> its explanation
        self._xt: tuple | None = None  # (X, Xᵀ): the data's transpose, made once per X

    # ----- names ----------------------------------------------------------------------------------------------
    def a_name(self, k: int) -> str:
        """Name of layer k's activation: X for k = 0, y_pred for the last layer."""
        return "X" if k == 0 else ("y_pred" if k == self.L else f"a{k}")

    def d_a_name(self, k: int) -> str:
        return "d_loss" if k == self.L else f"d_a{k}"

    def act(self, k: int):
        """Layer k's activation (None for a softmax output)."""
        return self.hidden_acts[k - 1] if k < self.L else self.out_act

    def _f_prime(self, k: int) -> str:
        act = self.act(k)
        return "" if act is None else f"{act.symbol}'(l{k})"

    def _forward_of(self, k: int):
        act = self.act(k)
        return acts.softmax_forward if act is None else act.forward

    def activate(self, k: int, l: torch.Tensor) -> torch.Tensor:
        """a{k} = f(l{k}) alone (engine/verify/gradcheck.py replays single layers)."""
        return self._layers[k - 1][4](l)[0]

    _act = activate

    def texts_for(self, N: int) -> dict[int, StepText]:
        """The step texts of a batch of N rows, shared by the traced epochs (see trace.Recorder)."""
        return self._texts.setdefault(N, {})

    # ----- forward: once, for the epoch and for predictions ------------------------------------------------------
    def _forward(self, P: Params, X: torch.Tensor, obs=NO_RECORD):
        """(ls, as_, caches): l{k} = ls[k-1]; a0 = X = as_[0], a{k} = as_[k], y_pred = as_[L]."""
        ls, as_, caches = [], [X], []
        a = X
        for k, (wn, bn, _, _, f) in enumerate(self._layers, start=1):
            l, lin_cache = linear.forward(a, P[wn], P[bn])  # (N, out) = (N, in) @ (in, out) + (out,)
            obs.linear(k, a, P[wn], P[bn], l)
            a, act_cache = f(l)  # (N, out) = f((N, out))
            obs.activation(k, l, a)
            ls.append(l)
            as_.append(a)
            caches.append((lin_cache, act_cache))
        return ls, as_, caches

    def forward(self, P: Params, X: torch.Tensor) -> tuple[list[torch.Tensor], list[torch.Tensor]]:
        """(l, a): l[k-1] = l{k}; a[0] = X, a[k] = a{k}, a[L] = y_pred."""
        ls, as_, _ = self._forward(P, X)
        return ls, as_

    def predict(self, P: Params, X: torch.Tensor) -> torch.Tensor:
        return self._forward(P, X)[1][-1]

    def loss(self, P: Params, l_out: torch.Tensor, y_pred: torch.Tensor, T: Targets) -> torch.Tensor:
        loss, _ = self.loss_fn.forward(l_out, y_pred, T)  # ()
        if self.spec.l2:
            loss = loss + losses.l2_penalty(P, self.L, self.spec.l2)  # () + (l2/2)·Σ‖w‖²
        return loss

    def data_loss_per_sample(self, l_out, y_pred, T: Targets) -> torch.Tensor:
        """Each sample's loss term (N,), for display; their mean is the data loss."""
        return self.loss_fn.per_sample(l_out, y_pred, T)

    # ----- one epoch ------------------------------------------------------------------------------------------------
    def epoch(self, P: Params, V: Params | None, X: torch.Tensor, T: Targets, rec=None,
              need_grads: bool = True) -> EpochResult:
        """Forward, backward and update, in place on P (and V: the momentum buffers, or Adam's AdamState).

        Returns (loss before the update, gradients), with `.y_pred`. `rec` (a trace.Recorder) observes every
        pair. Plain SGD (no momentum, no L2) updates each layer with one fused `w.addmm_(a_prevᵀ, d_l,
        alpha=−lr)`, i.e. w ← w − lr·(a_prevᵀ @ d_l), right after w's last use in the backward pass; d_w
        itself is then only computed when asked for (`need_grads`; a recorder's trace.Grads computes it on first
        use). Both paths update identically.
        """
        spec, L, N = self.spec, self.L, X.shape[0]
        obs = NO_RECORD if rec is None else rec
        fused = not spec.momentum and not spec.l2 and spec.optimizer == "sgd"
        need_d_w = need_grads or not fused  # (a recorder holds an unbuilt d_w as a Lazy: trace.Grads)
        obs.begin(self, P, N)

        # forward: l{k} = a{k-1} @ w{k} + b{k}, a{k} = f(l{k}), …, y_pred; then the loss
        ls, as_, caches = self._forward(P, X, obs)
        l_out, y_pred = ls[-1], as_[-1]  # (N, outputs)
        loss, loss_cache = self.loss_fn.forward(l_out, y_pred, T)  # ()
        if spec.l2:
            loss = loss + losses.l2_penalty(P, L, spec.l2)  # () + (l2/2)·Σ‖w‖²
        obs.loss(l_out, y_pred, T, loss)

        # backward: the output delta, then each layer from the last: d_b{k}, d_w{k}, d_a{k-1}, d_l{k-1}
        d_l = self.loss_fn.backward(loss_cache, self.out_act)  # (N, outputs) = d_l{L}
        obs.output_delta(l_out, y_pred, T, d_l)
        if self._xt is None or self._xt[0] is not X:
            self._xt = (X, X.t())  # (in, N): Xᵀ, made once per data
        grads: Params = {}
        for k in range(L, 0, -1):
            wn, bn, dwn, dbn, _ = self._layers[k - 1]
            (lin_cache, _), a_prev = caches[k - 1], as_[k - 1]
            a_prev_t = self._xt[1] if k == 1 else a_prev.t()  # (in, N)
            d_a_prev, d_w, d_b = linear.backward(d_l, lin_cache, need_d_w, k > 1, a_prev_t)
            if d_w is not None:
                if spec.l2:
                    d_w = d_w.add(P[wn], alpha=spec.l2)  # (in, out) + l2·w{k}
                grads[dwn] = d_w
            grads[dbn] = d_b
            obs.linear_backward(k, a_prev, d_l, d_w, d_b, d_a_prev)
            if fused:  # w{k} has had its last use in this epoch: update it now, fused
                update.fused(P[wn], P[bn], a_prev_t, d_l, d_b, spec.lr)
            if k > 1:
                l_prev, a_k = ls[k - 2], as_[k - 1]
                d_l = self.hidden_acts[k - 2].backward(d_a_prev, caches[k - 2][1])  # (N, in) = f'(l) ⊙ d_a
                obs.activation_backward(k - 1, d_a_prev, l_prev, a_k, d_l)

        # update (when not fused above): SGD, or momentum as torch.optim.SGD (v ← m·v + d_p; p ← p − lr·v),
        # or Adam as torch.optim.Adam (one step count t for all parameters)
        if spec.optimizer == "adam":
            if V is None:  # no state given (a gradient check, a replay): Adam's first step, from m = v = 0
                V = update.AdamState.zeros(P)
            V.t += 1
            for wn, bn, dwn, dbn, _ in self._layers:
                for p, d_p in ((wn, grads[dwn]), (bn, grads[dbn])):
                    update.adam(P[p], d_p, V.m[p], V.v[p], V.t, spec.lr, spec.beta1, spec.beta2, spec.eps)
        elif not fused:
            for wn, bn, dwn, dbn, _ in self._layers:
                for p, d_p in ((wn, grads[dwn]), (bn, grads[dbn])):
                    if spec.momentum:
                        update.momentum(P[p], V[p], d_p, spec.lr, spec.momentum)
                    else:
                        update.sgd(P[p], d_p, spec.lr)
        obs.updates(P, V, grads, fused)
        return EpochResult(loss, grads, y_pred)
