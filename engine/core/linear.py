"""The linear layer as a forward/backward pair, in the notebook's names.

    forward:   l = a_prev @ w + b                  b is broadcast-added to every one of the N rows
    backward:  d_a_prev = d_l @ wᵀ                 each sample's error flows back along the weights it came through
               d_w      = a_prevᵀ @ d_l            sums over the N samples
               d_b      = Σₙ d_l                   the adjoint of the broadcast: a sum over the batch axis

Shapes: a_prev (N, in) · w (in, out) · b (out,) · l and d_l (N, out).
"""

from __future__ import annotations

import torch


def forward(a_prev: torch.Tensor, w: torch.Tensor, b: torch.Tensor):
    l = torch.addmm(b, a_prev, w)  # (N, out) = (N, in) @ (in, out) + (out,) broadcast over the rows
    return l, (a_prev, w)


def backward(d_l: torch.Tensor, cache, need_d_w: bool = True, need_d_a_prev: bool = True, a_prev_t=None):
    """(d_a_prev, d_w, d_b); d_w or d_a_prev is None when not asked for (the first layer has no d_a0, and the
    fused update needs no d_w). `a_prev_t` is a_prevᵀ when the caller keeps it (the data's, made once)."""
    a_prev, w = cache
    d_b = d_l.sum(0)  # (out,) = Σₙ (N, out)
    d_w = None
    if need_d_w:
        if a_prev_t is None:
            a_prev_t = a_prev.t()  # (in, N)
        d_w = torch.mm(a_prev_t, d_l)  # (in, out) = (in, N) @ (N, out)
    d_a_prev = torch.mm(d_l, w.t()) if need_d_a_prev else None  # (N, in) = (N, out) @ (out, in)
    return d_a_prev, d_w, d_b
