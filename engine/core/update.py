"""The update, in place: plain SGD, SGD fused into the backward pass, momentum (as torch.optim.SGD) and Adam
(as torch.optim.Adam, amsgrad off).

    sgd:       p ← p − lr·d_p
    fused:     w ← w − lr·(a_prevᵀ @ d_l) in one addmm_, the moment w has had its last use; b ← b − lr·d_b
    momentum:  v ← m·v + d_p;  p ← p − lr·v
    adam:      t ← t + 1 (once per epoch, for every parameter)
               m_p ← β1·m_p + (1−β1)·d_p;  v_p ← β2·v_p + (1−β2)·d_p²
               m_hat_p = m_p/(1−β1ᵗ);  v_hat_p = v_p/(1−β2ᵗ);  p ← p − lr·m_hat_p/(√v_hat_p + ε)

Adam's operations are torch.optim.Adam's own (its single-tensor loop, which it uses on the CPU: lerp_,
addcmul_, sqrt, addcdiv_), in its order, so one Adam step here gives the very tensors torch.optim.Adam gives
for the same gradient (tests/engine/test_adam.py). L2 is the engine's l2 (d_w gains l2·w before the update),
which is Adam's own weight_decay (coupled: it is added to the gradient) applied to the weights only.
"""

from __future__ import annotations

import torch

Params = dict[str, torch.Tensor]


def sgd(p: torch.Tensor, d_p: torch.Tensor, lr: float) -> None:
    p.add_(d_p, alpha=-lr)  # (shape of p) −= lr · (shape of p)


def fused(w: torch.Tensor, b: torch.Tensor, a_prev_t: torch.Tensor, d_l: torch.Tensor, d_b: torch.Tensor,
          lr: float) -> None:
    w.addmm_(a_prev_t, d_l, alpha=-lr)  # (in, out) −= lr · (in, N) @ (N, out): d_w is never built
    b.add_(d_b, alpha=-lr)  # (out,) −= lr · (out,)


def momentum(p: torch.Tensor, v: torch.Tensor, d_p: torch.Tensor, lr: float, m: float) -> None:
    v.mul_(m).add_(d_p)  # v ← m·v + d_p, (shape of p)
    p.add_(v, alpha=-lr)  # p ← p − lr·v


class AdamState:
    """Adam's state between epochs: the moment buffers m[p], v[p] (each the shape of p) and the step count t
    (the number of Adam steps taken; the next one is t + 1)."""

    __slots__ = ("m", "v", "t")

    def __init__(self, m: Params, v: Params, t: int = 0):
        self.m, self.v, self.t = m, v, t

    @classmethod
    def zeros(cls, params: Params) -> "AdamState":
        """The state before the first step: m = v = 0, t = 0 (as torch.optim.Adam starts)."""
        return cls({k: torch.zeros_like(p) for k, p in params.items()},
                   {k: torch.zeros_like(p) for k, p in params.items()}, 0)

    def clone(self) -> "AdamState":
        return AdamState({k: x.clone() for k, x in self.m.items()}, {k: x.clone() for k, x in self.v.items()},
                         self.t)

    def to(self, dtype) -> "AdamState":
        return AdamState({k: x.to(dtype).clone() for k, x in self.m.items()},
                         {k: x.to(dtype).clone() for k, x in self.v.items()}, self.t)

    def equal(self, other: "AdamState") -> bool:
        """Bit for bit the same state."""
        return (self.t == other.t and self.m.keys() == other.m.keys() == self.v.keys() == other.v.keys()
                and all(torch.equal(self.m[k], other.m[k]) and torch.equal(self.v[k], other.v[k])
                        for k in self.m))

    def __repr__(self) -> str:
        return f"AdamState(t={self.t}, params={list(self.m)})"


def bias_corrections(t: int, beta1: float, beta2: float) -> tuple[float, float]:
    """(1 − β1ᵗ, 1 − β2ᵗ): m_hat = m / the first, v_hat = v / the second (Python floats, as torch.optim.Adam)."""
    return 1 - beta1 ** t, 1 - beta2 ** t


def adam_denominator(v: torch.Tensor, bc2: float, eps: float) -> torch.Tensor:
    """√v_hat + ε, computed as torch.optim.Adam does: √v / √(1 − β2ᵗ) + ε."""
    return (v.sqrt() / bc2 ** 0.5).add_(eps)  # (shape of p)


def adam(p: torch.Tensor, d_p: torch.Tensor, m: torch.Tensor, v: torch.Tensor, t: int, lr: float,
         beta1: float, beta2: float, eps: float) -> None:
    """Adam step number t (1, 2, …) for parameter p, in place on p, m and v."""
    m.lerp_(d_p, 1 - beta1)  # m ← β1·m + (1−β1)·d_p, (shape of p)
    v.mul_(beta2).addcmul_(d_p, d_p, value=1 - beta2)  # v ← β2·v + (1−β2)·d_p ⊙ d_p, (shape of p)
    bc1, bc2 = bias_corrections(t, beta1, beta2)  # m_hat = m/bc1, v_hat = v/bc2
    denom = adam_denominator(v, bc2, eps)  # √v_hat + ε, (shape of p)
    p.addcdiv_(m, denom, value=-(lr / bc1))  # p ← p − lr·m_hat/(√v_hat + ε), (shape of p)


def adam_step_term(m: torch.Tensor, v: torch.Tensor, t: int, lr: float, beta1: float, beta2: float,
                   eps: float) -> torch.Tensor:
    """The amount step t subtracted from p: lr·m_hat/(√v_hat + ε) from the buffers after the step (display only)."""
    bc1, bc2 = bias_corrections(t, beta1, beta2)
    return torch.addcdiv(torch.zeros_like(m), m, adam_denominator(v, bc2, eps), value=lr / bc1)


def clone_state(V):
    """A copy of an optimizer state as Network.epoch takes it: None, momentum buffers {p: v_p}, or AdamState."""
    if V is None:
        return None
    return V.clone() if isinstance(V, AdamState) else {k: x.clone() for k, x in V.items()}
