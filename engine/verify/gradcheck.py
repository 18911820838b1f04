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

Kinks (ReLU corners crossed by p ± h) are handled in engine/verify/finite_differences.py; why an error that
is not small is called suspect or wrong, in engine/verify/verdict.py.

Speed: one element costs two forward passes (from the parameter's own layer on; earlier layers are reused).
The 3-class spiral net 2→64→64→64→3 (8,707 parameters, 300 samples) takes about 4.7 s of CPU (one thread;
more wall time on a busy machine), max_elements=1000 about 1.1 s, 100 about 0.3 s. `max_elements` checks
a seeded random sample of at most that many elements per parameter instead (default None: all). `numeric` then
holds NaN for the elements not sampled; `checked` counts the elements compared with finite differences.
"""

from __future__ import annotations

import math

import torch

from engine.core.network import Network, Targets
from .finite_differences import F64, FiniteDifferences
from .reference import autograd_grads
from .reference import loss as reference_loss
from .verdict import OK_BELOW, WRONG_ABOVE, ParamCheck, elem_error, judge, rel_error  # noqa: F401  (the API)


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

    fd = FiniteDifferences(net, P, X, T, h)
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
        out[name] = judge(spec, name, manual["d_" + name], auto["d_" + name], numeric, idx, crossed, one_sided,
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
