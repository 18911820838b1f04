"""Adam's update step, matrix by matrix (the inspector draws each with its shape): what m, v, m_hat, v_hat and the step
are. Arguments: p (the parameter, "w2"), shape ("(2×1)"), t (the step count), beta1, beta2, eps, lr, and the
bias corrections bc1 = 1 − β1ᵗ, bc2 = 1 − β2ᵗ as numbers.
"""

from __future__ import annotations

from . import register

ADAM = {
    "adam.title": "Adam's buffers for {p}, step t = {t}: each one {shape}, the shape of {p}",
    "adam.m": "m_{p} ← {beta1:g}·m_{p} + {one_m_beta1:g}·d_{p}: the running mean of the gradient",
    "adam.v": "v_{p} ← {beta2:g}·v_{p} + {one_m_beta2:g}·d_{p}²: the running mean of its square, entry by entry",
    "adam.m_hat": "m_hat_{p} = m_{p} / (1 − {beta1:g}^{t}) = m_{p} / {bc1:.4g}: bias-corrected, as m started at 0",
    "adam.v_hat": "v_hat_{p} = v_{p} / (1 − {beta2:g}^{t}) = v_{p} / {bc2:.4g}: bias-corrected, as v started at 0",
    "adam.step": "Δ{p} = {lr:g}·m_hat_{p} / (√v_hat_{p} + {eps:g}): what this step subtracts from {p}; about ±lr "
                 "where the gradient keeps its sign",
}

register(ADAM)
