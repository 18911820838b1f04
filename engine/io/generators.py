"""The seeded point makers behind engine.io.datasets.make_dataset: each returns (X, y) as tensors.

Every maker draws from the torch.Generator it is given (never the global RNG), so the same parameters give
bit-identical points.
"""

from __future__ import annotations

import math

import torch

F64 = torch.float64
_CORNERS = ((0.0, 0.0), (0.0, 1.0), (1.0, 0.0), (1.0, 1.0))
GATES = {"xor": (0, 1, 1, 0), "and": (0, 0, 0, 1), "or": (0, 1, 1, 1)}


def _jitter(X: torch.Tensor, noise: float, g: torch.Generator) -> torch.Tensor:
    r = torch.randn(X.shape, generator=g, dtype=F64)  # always drawn, so later draws do not depend on noise
    return X + noise * r if noise > 0 else X


def gate(name: str, n: int, noise: float, g: torch.Generator):
    idx = [i % 4 for i in range(n)]
    X = torch.tensor([_CORNERS[i] for i in idx], dtype=F64)
    y = torch.tensor([GATES[name][i] for i in idx], dtype=torch.int64)
    return _jitter(X, noise, g), y


def _split(n: int, k: int) -> list[int]:
    return [n // k + (c < n % k) for c in range(k)]


def _circle(n: int, noise: float, g: torch.Generator, k: int):
    n_out = n - n // 2
    u, t = torch.rand(n, generator=g, dtype=F64), torch.rand(n, generator=g, dtype=F64) * (2 * math.pi)
    r = torch.cat([torch.sqrt(0.25 + 0.75 * u[:n_out]), 0.5 * torch.sqrt(u[n_out:])])
    X = torch.stack([r * torch.cos(t), r * torch.sin(t)], dim=1)
    y = torch.cat([torch.zeros(n_out, dtype=torch.int64), torch.ones(n - n_out, dtype=torch.int64)])
    return _jitter(X, noise, g), y


def _moons(n: int, noise: float, g: torch.Generator, k: int):
    n_out = n // 2
    a, b = torch.linspace(0, math.pi, n_out, dtype=F64), torch.linspace(0, math.pi, n - n_out, dtype=F64)
    X = torch.cat([
        torch.stack([torch.cos(a), torch.sin(a)], dim=1),
        torch.stack([1 - torch.cos(b), 0.5 - torch.sin(b)], dim=1),
    ])
    y = torch.cat([torch.zeros(n_out, dtype=torch.int64), torch.ones(n - n_out, dtype=torch.int64)])
    return _jitter(X, noise, g), y


def _spiral(n: int, noise: float, g: torch.Generator, k: int):
    xs, ys = [], []
    for c, m in enumerate(_split(n, k)):
        r = torch.linspace(0.0, 1.0, m, dtype=F64)
        t = torch.linspace(c * 4.0, (c + 1) * 4.0, m, dtype=F64)
        t = t + torch.randn(m, generator=g, dtype=F64) * noise
        xs.append(torch.stack([r * torch.sin(t), r * torch.cos(t)], dim=1))
        ys.append(torch.full((m,), c, dtype=torch.int64))
    return torch.cat(xs), torch.cat(ys)


def _blobs(n: int, noise: float, g: torch.Generator, k: int):
    xs, ys = [], []
    for c, m in enumerate(_split(n, k)):
        a = 2 * math.pi * c / k
        centre = torch.tensor([2 * math.cos(a), 2 * math.sin(a)], dtype=F64)
        xs.append(centre + (0.5 + noise) * torch.randn(m, 2, generator=g, dtype=F64))
        ys.append(torch.full((m,), c, dtype=torch.int64))
    return torch.cat(xs), torch.cat(ys)


def _sine(n: int, noise: float, g: torch.Generator, k: int):
    x = torch.sort(torch.rand(n, generator=g, dtype=F64) * 6 - 3).values
    y = torch.sin(x) + noise * torch.randn(n, generator=g, dtype=F64)
    return x[:, None], y[:, None]


MAKERS = {"circle": _circle, "moons": _moons, "spiral": _spiral, "blobs": _blobs, "sine": _sine}
