"""What an Adam update step records besides p and d_p: the moment buffers after the step and the display-only
values derived from them, each the shape of p.

    m_p    m ← β1·m + (1−β1)·d_p           the running mean of the gradient
    v_p    v ← β2·v + (1−β2)·d_p²          the running mean of its square
    m_hat_p   m / (1 − β1ᵗ)                   bias-corrected (m and v start at 0)
    v_hat_p   v / (1 − β2ᵗ)
    Δp     lr·m_hat / (√v_hat + ε)                what the step subtracted from p
    t      the step count, a 0-dim tensor (it changes every epoch, so it is a value, not text)

m_hat, v_hat and Δp are Lazy: computed when a view looks, from copies of m and v nothing mutates, with Adam's own
operations (engine/core/update.py), so the traced path pays for two copies per parameter only.
"""

from __future__ import annotations

import torch

from . import update
from .step import Lazy, Operand

ADAM_PREFIXES = ("m_", "v_", "m_hat_", "v_hat_", "Δ")


def adam_operands(spec, p: str, m: torch.Tensor, v: torch.Tensor, t: int) -> tuple[Operand, ...]:
    """(m_p, v_p, m_hat_p, v_hat_p, Δp, t) for parameter p after step t, from copies m, v of its buffers."""
    bc1, bc2 = update.bias_corrections(t, spec.beta1, spec.beta2)
    return (
        Operand("m_" + p, m),
        Operand("v_" + p, v),
        Operand("m_hat_" + p, Lazy(lambda: m / bc1)),
        Operand("v_hat_" + p, Lazy(lambda: v / bc2)),
        Operand("Δ" + p, Lazy(lambda: update.adam_step_term(m, v, t, spec.lr, spec.beta1, spec.beta2,
                                                             spec.eps))),
        Operand("t", torch.tensor(t)),
    )
