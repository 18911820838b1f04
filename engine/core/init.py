"""Parameter initialisation, seeded with a torch.Generator (never the global RNG), reproducible.

Random values are drawn in float64 and then cast, so float32 and float64 runs start from the same numbers
(up to rounding).
"""

from __future__ import annotations

import math

import torch

from .spec import NetworkSpec


def init_params(spec: NetworkSpec) -> dict[str, torch.Tensor]:
    """w1, b1, w2, b2, … in that order, shapes (in × out) and (out,), dtype of the spec."""
    init, dt = spec.init, spec.torch_dtype
    gen = torch.Generator().manual_seed(spec.seed)
    out: dict[str, torch.Tensor] = {}
    for k in range(1, spec.depth + 1):
        fan_in, fan_out = spec.sizes[k - 1], spec.sizes[k]
        wname, bname = f"w{k}", f"b{k}"
        if init.kind == "explicit":
            w = torch.tensor(init.values[wname], dtype=torch.float64)
            b = torch.tensor(init.values[bname], dtype=torch.float64)
        elif init.kind == "xavier":
            bound = math.sqrt(6.0 / (fan_in + fan_out))
            w = (torch.rand(fan_in, fan_out, generator=gen, dtype=torch.float64) * 2 - 1) * bound
            b = torch.zeros(fan_out, dtype=torch.float64)
        elif init.kind == "he":
            w = torch.randn(fan_in, fan_out, generator=gen, dtype=torch.float64) * math.sqrt(2.0 / fan_in)
            b = torch.zeros(fan_out, dtype=torch.float64)
        elif init.kind == "uniform":
            span = init.high - init.low
            w = torch.rand(fan_in, fan_out, generator=gen, dtype=torch.float64) * span + init.low
            b = torch.rand(fan_out, generator=gen, dtype=torch.float64) * span + init.low
        else:  # constant
            w = torch.full((fan_in, fan_out), init.value, dtype=torch.float64)
            b = torch.full((fan_out,), init.value, dtype=torch.float64)
        out[wname] = w.to(dt).contiguous()
        out[bname] = b.to(dt).contiguous()
    return out
