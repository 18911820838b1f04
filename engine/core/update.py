"""The update, in place: plain SGD, SGD fused into the backward pass, and momentum (as torch.optim.SGD).

    sgd:       p ← p − lr·d_p
    fused:     w ← w − lr·(a_prevᵀ @ d_l) in one addmm_, the moment w has had its last use; b ← b − lr·d_b
    momentum:  v ← m·v + d_p;  p ← p − lr·v
"""

from __future__ import annotations

import torch


def sgd(p: torch.Tensor, d_p: torch.Tensor, lr: float) -> None:
    p.add_(d_p, alpha=-lr)  # (shape of p) −= lr · (shape of p)


def fused(w: torch.Tensor, b: torch.Tensor, a_prev_t: torch.Tensor, d_l: torch.Tensor, d_b: torch.Tensor,
          lr: float) -> None:
    w.addmm_(a_prev_t, d_l, alpha=-lr)  # (in, out) −= lr · (in, N) @ (N, out): d_w is never built
    b.add_(d_b, alpha=-lr)  # (out,) −= lr · (out,)


def momentum(p: torch.Tensor, v: torch.Tensor, d_p: torch.Tensor, lr: float, m: float) -> None:
    v.mul_(m).add_(d_p)  # v ← m·v + d_p, (shape of p)
    p.add_(v, alpha=-lr)  # p ← p − lr·v
