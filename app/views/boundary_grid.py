"""Geometry of the decision-boundary plot, without Qt: the grid the network is evaluated on (covering the data
with a margin), and the data point nearest to a click measured on screen."""

from __future__ import annotations

import numpy as np
import torch

MARGIN = 0.1  # of the data's span, on each side


def _extent(X: torch.Tensor) -> list[float]:
    ext = []
    for a, b in zip(X.min(0).values.tolist(), X.max(0).values.tolist()):
        span = b - a if b > a else 1.0
        ext += [a - MARGIN * span, b + MARGIN * span]
    return ext


def grid_2d(X: torch.Tensor, G: int, dtype) -> tuple[torch.Tensor, tuple[float, float, float, float]]:
    """(G·G × 2 grid points, row i = y and column j = x; the image's extent, half a cell beyond them)."""
    x0, x1, y0, y1 = _extent(X)
    xs = torch.linspace(x0, x1, G, dtype=torch.float64)
    ys = torch.linspace(y0, y1, G, dtype=torch.float64)
    gy, gx = torch.meshgrid(ys, xs, indexing="ij")
    grid = torch.stack([gx.reshape(-1), gy.reshape(-1)], 1).to(dtype).contiguous()
    dx, dy = (x1 - x0) / (G - 1), (y1 - y0) / (G - 1)  # pixel centres sit on the grid points
    return grid, (x0 - dx / 2, x1 + dx / 2, y0 - dy / 2, y1 + dy / 2)


def grid_1d(X: torch.Tensor, y: torch.Tensor, G: int, dtype) -> tuple[torch.Tensor, tuple[float, ...]]:
    """(at least 400 x values over the data, as a column; the view's extent with 15 % room in y)."""
    x0, x1 = _extent(X)
    grid = torch.linspace(x0, x1, max(400, G), dtype=torch.float64)[:, None].to(dtype).contiguous()
    ylo, yhi = float(y.min()), float(y.max())
    span = yhi - ylo if yhi > ylo else 1.0
    return grid, (x0, x1, ylo - 0.15 * span, yhi + 0.15 * span)


def nearest_on_screen(px: np.ndarray, py: np.ndarray, x: float, y: float, view_range, view_size) -> int:
    """The index of the point (px, py) nearest to (x, y), both axes measured in pixels of the view."""
    (vx0, vx1), (vy0, vy1) = view_range
    w, h = max(view_size[0], 1.0), max(view_size[1], 1.0)
    d = ((px - x) / (vx1 - vx0) * w) ** 2 + ((py - y) / (vy1 - vy0) * h) ** 2
    return int(np.argmin(d))
