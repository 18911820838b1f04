"""Every unit's activation over the input plane, for 2-input networks (the network diagram's per-unit pictures,
as TensorFlow Playground draws on its neurons).

    grid = plane_grid(X, size=24)                  size × size points covering the data with a 10 % margin
    maps = plane_activations(net, params, grid)    maps[k - 1]: a{k} over the plane, (size, size, units of layer k)

Row i of a map is the i-th x2 value from the bottom (grid.x2[i]), column j the j-th x1 value (grid.x1[j]), so
maps[k - 1][i, j, u] = a{k}[u] at (x1[j], x2[i]). One batched forward pass (engine.core.network.Network.forward)
gives every layer at once: the grid's size² points are the rows of the batch, (size², 2) @ w1 (2, units), …
"""

from __future__ import annotations

from dataclasses import dataclass

import torch

from .network import Network, Params

MARGIN = 0.1  # of the data's span on each side, as the decision-boundary plot


@dataclass(frozen=True)
class PlaneGrid:
    x1: torch.Tensor  # (size,) float64, left to right
    x2: torch.Tensor  # (size,) float64, bottom to top
    points: torch.Tensor  # (size², 2) in the network's dtype: row i·size + j is (x1[j], x2[i])
    extent: tuple[float, float, float, float]  # (x1 lo, x1 hi, x2 lo, x2 hi): the first and last grid points

    @property
    def size(self) -> int:
        return len(self.x1)


def _span(lo: float, hi: float) -> tuple[float, float]:
    s = hi - lo if hi > lo else 1.0
    return lo - MARGIN * s, hi + MARGIN * s


def plane_grid(X: torch.Tensor, size: int = 24, dtype=torch.float32) -> PlaneGrid:
    """A size × size grid over the 2-D data X (N × 2), its span widened by 10 % on each side."""
    if X.dim() != 2 or X.shape[1] != 2:
        raise ValueError(f"the plane needs 2 inputs; X is {tuple(X.shape)}")
    if size < 2:
        raise ValueError(f"a grid needs at least 2 points a side, not {size}")
    lo, hi = X.min(0).values.tolist(), X.max(0).values.tolist()
    (a0, a1), (b0, b1) = _span(lo[0], hi[0]), _span(lo[1], hi[1])
    x1 = torch.linspace(a0, a1, size, dtype=torch.float64)
    x2 = torch.linspace(b0, b1, size, dtype=torch.float64)
    g2, g1 = torch.meshgrid(x2, x1, indexing="ij")  # (size, size): row i = x2[i], column j = x1[j]
    points = torch.stack([g1.reshape(-1), g2.reshape(-1)], 1).to(dtype).contiguous()  # (size², 2)
    return PlaneGrid(x1, x2, points, (a0, a1, b0, b1))


def plane_activations(net: Network, params: Params, grid: PlaneGrid) -> list[torch.Tensor]:
    """a1, …, a{L} = y_pred over the grid: [(size, size, units of layer k) for k = 1 … L], one forward pass."""
    _ls, as_ = net.forward(params, grid.points)  # as_[k]: (size², units)
    n = grid.size
    return [a.reshape(n, n, a.shape[1]) for a in as_[1:]]
