"""Centred finite differences of the engine's own forward and loss, for the gradient check
(engine/verify/gradcheck.py): one element of one parameter at a time, (loss(p + h) − loss(p − h)) / (2h),
from the perturbed parameter's layer on (earlier layers are reused). Also the scales the verdict
(engine/verify/verdict.py) needs: the size of the numbers the loss is made of, Σ|terms| of every gradient
entry, and the saturated sigmoid / tanh units on a gradient's path.

Kinks. ReLU and leaky ReLU have a corner at 0. If p ± h moves some pre-activation across 0, the centred
difference averages the slopes on both sides and is not the derivative. This is common, not rare: with zero
initial biases, every sample at the origin (XOR's (0, 0), the spiral's centre) has pre-activations exactly 0.
Such crossings are detected exactly (the sign of every ReLU-like pre-activation is compared between the p + h
and the p − h forward). When p sits on the kink and one side is smooth for two steps, that side's second-order
one-sided difference is used: it is the slope the engine means (ReLU'(0) = 0, the slope where l stays ≤ 0).
Elements with a kink on both sides are left out of the finite-difference comparison (autograd, exact there,
still checks them). `why` says how many elements and which layers, even when ok.
"""

from __future__ import annotations

import math

import torch

from engine.core.network import Network, Params, Targets

F64 = torch.float64
KINKED = ("relu", "leaky_relu")  # activations with a corner at 0
SATURATED = 1e-8  # sigmoid / tanh outputs this close to their limits have derivatives with few correct digits


class FiniteDifferences:
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
