"""engine/core/plane.py: every layer's activation over a grid on the input plane (the diagram's per-unit
pictures), checked against the network worked out by hand with math.exp and math.tanh, point by point."""

from __future__ import annotations

import math

import pytest
import torch

from engine.core.network import Network
from engine.core.plane import plane_activations, plane_grid
from engine.core.spec import Layer, NetworkSpec

F64 = torch.float64
XOR = torch.tensor([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])

# asymmetric on purpose: swapping x1 and x2, or rows and columns, gives other numbers
W1 = [[0.5, -1.0, 0.3], [2.0, 0.25, -0.7]]  # (2 × 3)
B1 = [0.1, -0.3, 0.05]
W2 = [[1.5], [-2.0], [0.6]]  # (3 × 1)
B2 = [0.2]


def sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-z))


def by_hand(x1: float, x2: float) -> tuple[list[float], float]:
    """a1 (tanh) and y_pred (sigmoid) at one point, one scalar at a time."""
    a1 = [math.tanh(x1 * W1[0][u] + x2 * W1[1][u] + B1[u]) for u in range(3)]
    y = sigmoid(sum(a1[u] * W2[u][0] for u in range(3)) + B2[0])
    return a1, y


def test_grid_covers_the_data_with_a_ten_percent_margin():
    g = plane_grid(XOR, size=3, dtype=F64)
    assert g.size == 3
    assert g.x1.tolist() == pytest.approx([-0.1, 0.5, 1.1])
    assert g.x2.tolist() == pytest.approx([-0.1, 0.5, 1.1])
    assert g.extent == pytest.approx((-0.1, 1.1, -0.1, 1.1))
    # row i·size + j is (x1[j], x2[i]): x1 runs fastest
    assert g.points[:4].reshape(-1).tolist() == pytest.approx([-0.1, -0.1, 0.5, -0.1, 1.1, -0.1, -0.1, 0.5])
    assert g.points.dtype == F64 and g.points.shape == (9, 2)


def test_a_flat_axis_gets_a_span_of_one():
    g = plane_grid(torch.tensor([[2.0, 5.0], [4.0, 5.0]]), size=2)
    assert g.extent == pytest.approx((1.8, 4.2, 4.9, 5.1))


def test_activations_over_the_plane_equal_the_hand_computation():
    spec = NetworkSpec(inputs=2, hidden=(Layer(3, "tanh"),), outputs=1, output_activation="sigmoid",
                       loss="bce", dtype="float64")
    P = {"w1": torch.tensor(W1, dtype=F64), "b1": torch.tensor(B1, dtype=F64),
         "w2": torch.tensor(W2, dtype=F64), "b2": torch.tensor(B2, dtype=F64)}
    grid = plane_grid(XOR, size=3, dtype=F64)
    a1, y_pred = plane_activations(Network(spec), P, grid)
    assert a1.shape == (3, 3, 3) and y_pred.shape == (3, 3, 1)
    for i, x2 in enumerate([-0.1, 0.5, 1.1]):
        for j, x1 in enumerate([-0.1, 0.5, 1.1]):
            h, y = by_hand(x1, x2)
            assert a1[i, j].tolist() == pytest.approx(h, abs=1e-12), (x1, x2)
            assert float(y_pred[i, j, 0]) == pytest.approx(y, abs=1e-12), (x1, x2)


def test_softmax_output_maps_sum_to_one_at_every_point():
    spec = NetworkSpec(inputs=2, hidden=(Layer(4, "relu"), Layer(5, "relu")), outputs=3,
                       output_activation="softmax", loss="softmax_ce")
    P = {"w1": torch.randn(2, 4), "b1": torch.randn(4), "w2": torch.randn(4, 5), "b2": torch.randn(5),
         "w3": torch.randn(5, 3), "b3": torch.randn(3)}
    maps = plane_activations(Network(spec), P, plane_grid(XOR, size=6))
    assert [tuple(m.shape) for m in maps] == [(6, 6, 4), (6, 6, 5), (6, 6, 3)]
    assert torch.allclose(maps[-1].sum(-1), torch.ones(6, 6), atol=1e-6)
    assert bool((maps[0] >= 0).all())  # relu


def test_not_a_plane_is_refused():
    with pytest.raises(ValueError, match="2 inputs"):
        plane_grid(torch.zeros(5, 3))
    with pytest.raises(ValueError, match="at least 2"):
        plane_grid(XOR, size=1)
