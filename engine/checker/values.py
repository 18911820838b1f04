"""The learner's values as plain float64 tensors (in the child, before they are handed back)."""

from __future__ import annotations

import torch

F64 = torch.float64
MAX_COMPARE = 2 * 10**6  # larger tensors are not handed back (the network's own are far smaller)


class NotATensor:
    """A learner value that is not a tensor (and cannot become one)."""

    def __init__(self, type_name: str):
        self.type_name = type_name


def as_tensor(v):
    """The learner's value as a detached, plain, contiguous float64 tensor, or NotATensor."""
    if isinstance(v, torch.Tensor):
        if v.numel() > MAX_COMPARE:
            return NotATensor(f"tensor of shape {tuple(v.shape)}, too large to compare")
        t = v.detach()
        if t.layout != torch.strided:
            t = t.to_dense()
        if t.is_complex():
            return NotATensor("complex tensor")
        return t.as_subclass(torch.Tensor).to(F64).contiguous().clone()
    if isinstance(v, (bool, int, float, list, tuple)) or type(v).__module__ == "numpy":
        try:
            t = torch.as_tensor(v, dtype=F64).clone()
        except (TypeError, ValueError, RuntimeError, OverflowError, RecursionError):
            t = None
        if t is not None and t.numel() <= MAX_COMPARE:
            return t
    return NotATensor(type(v).__name__)
