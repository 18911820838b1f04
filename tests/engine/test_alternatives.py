"""The wrong alternatives of a gradient product, judged from the real shapes and values of a step."""

import pytest
import torch

from engine.core import alternatives as A
from engine.core.alternatives import Factor, alternatives, of_step
from engine.core.spec import Init, Layer, NetworkSpec
from engine.io.datasets import Dataset
from engine.io.presets import load_preset
from engine.text import render
from engine.training.trainer import Trainer


def _trace(spec, data):
    return Trainer(spec, data).step()


@pytest.fixture(scope="module")
def xor_trace():
    return _trace(*load_preset("notebook-xor"))


def _texts(alts):
    return [render(a.text) for a in alts.wrong]


def test_d_w2_on_the_notebook(xor_trace):
    alts = of_step(xor_trace.step("d_w2"))
    assert render(alts.right.text) == "a1ᵀ @ d_l2: (2×4) @ (4×1) → (2×1), the shape of w2 ✓"
    assert _texts(alts) == [
        "a1 @ d_l2: (4×2) @ (4×1), inner 2 ≠ 4: no product",
        "a1 @ d_l2ᵀ: (4×2) @ (1×4), inner 2 ≠ 1: no product",
        "d_l2 @ a1ᵀ: (4×1) @ (2×4), inner 1 ≠ 2: no product",
        "d_l2ᵀ @ a1: (1×4) @ (4×2) → (1×2), the transpose of d_w2 (2×1)",
    ]
    assert A.outcomes(alts) == [A.NO_PRODUCT, A.NO_PRODUCT, A.NO_PRODUCT, A.TRANSPOSE]
    # the transpose claim is true of the numbers, not only the shapes
    a1, d_l2 = xor_trace.step("a1").result, xor_trace.step("d_l2").result
    assert torch.equal(d_l2.T @ a1, (a1.T @ d_l2).T)


def test_d_a1_on_the_notebook(xor_trace):
    alts = of_step(xor_trace.step("d_a1"))
    assert alts.right.expr == "d_l2 @ w2ᵀ" and alts.target == "a1"
    assert _texts(alts) == [
        "d_l2 @ w2: (4×1) @ (2×1), inner 1 ≠ 2: no product",
        "d_l2ᵀ @ w2: (1×4) @ (2×1), inner 4 ≠ 2: no product",
        "w2ᵀ @ d_l2: (1×2) @ (4×1), inner 2 ≠ 4: no product",
        "w2 @ d_l2ᵀ: (2×1) @ (1×4) → (2×4), the transpose of d_a1 (4×2)",
    ]


def test_d_w1_on_the_notebook_is_square_so_the_transpose_has_the_right_shape(xor_trace):
    alts = of_step(xor_trace.step("d_w1"))
    by_expr = {a.expr: a for a in alts.wrong}
    assert by_expr["X @ d_l1ᵀ"].outcome == A.WRONG_SHAPE
    assert render(by_expr["X @ d_l1ᵀ"].text) == "X @ d_l1ᵀ: (4×2) @ (2×4) → (4×4), not (2×2): not the shape of w1"
    sq = by_expr["d_l1ᵀ @ X"]
    assert sq.outcome == A.SQUARE_TRANSPOSED and sq.shape == (2, 2)
    assert "the right shape only because it is square" in render(sq.text) and "d_w1ᵀ" in render(sq.text)


def _square_network():
    """Every matrix 2×2: two samples, 2 inputs, 2 hidden units, 2 outputs (MSE)."""
    X = torch.tensor([[0.3, -1.2], [0.8, 0.5]], dtype=torch.float64)
    y = torch.tensor([[1.0, 0.0], [0.2, 0.7]], dtype=torch.float64)
    data = Dataset(X, y, "regression", 0, {}, "square")
    spec = NetworkSpec(2, (Layer(2, "tanh"),), 2, "linear", "mse", lr=0.1, init=Init("xavier"), seed=3,
                       dtype="float64").validate()
    return _trace(spec, data)


def test_square_shapes_right_shape_wrong_values_is_found_by_the_numbers():
    tr = _square_network()
    step = tr.step("d_w2")
    alts = of_step(step)
    a1, d_l2 = tr.step("a1").result, tr.step("d_l2").result
    answer = a1.T @ d_l2
    assert torch.allclose(step.result, answer)
    assert all(a.fits and a.shape == (2, 2) for a in alts.wrong)  # every attempt multiplies
    by_expr = {a.expr: a for a in alts.wrong}
    forgot = by_expr["a1 @ d_l2"]
    assert forgot.outcome == A.WRONG_VALUES
    diff = float((a1 @ d_l2 - answer).abs().max())
    assert diff > 1e-6
    assert render(forgot.text) == (f"a1 @ d_l2: (2×2) @ (2×2) → (2×2), the right shape by accident, "
                                   f"but other numbers (off by up to {diff:.3g})")
    assert by_expr["d_l2ᵀ @ a1"].outcome == A.SQUARE_TRANSPOSED
    assert not torch.allclose(answer, answer.T)  # so "mirrored" is a real difference here


def test_a_square_weight_gives_the_right_tall_shape_with_other_numbers():
    """d_a1 = d_l2 @ w2ᵀ with w2 square (8×8) and 5 samples: d_l2 @ w2 is (5×8) too, but not d_a1."""
    g = torch.Generator().manual_seed(1)
    d_l2 = torch.randn(5, 8, generator=g, dtype=torch.float64)
    w2 = torch.randn(8, 8, generator=g, dtype=torch.float64)
    alts = alternatives("d_a1", Factor("d_l2", d_l2), False, Factor("w2", w2), True)
    forgot = alts.wrong[0]
    assert forgot.expr == "d_l2 @ w2" and forgot.outcome == A.WRONG_VALUES and forgot.shape == (5, 8)
    assert f"off by up to {float((d_l2 @ w2 - d_l2 @ w2.T).abs().max()):.3g}" in render(forgot.text)


def test_the_same_numbers_by_accident_are_called_so():
    a1 = torch.tensor([[1.0, 2.0], [2.0, 3.0]], dtype=torch.float64)  # symmetric: a1 = a1ᵀ
    d_l2 = torch.tensor([[0.5, -1.0], [0.25, 2.0]], dtype=torch.float64)
    alts = alternatives("d_w2", Factor("a1", a1), True, Factor("d_l2", d_l2), False)
    forgot = next(a for a in alts.wrong if a.expr == "a1 @ d_l2")
    assert forgot.outcome == A.SAME_VALUES
    assert "even the same numbers, by accident" in render(forgot.text)


def test_digits_shapes_carry_the_batch_of_1797():
    tr = _trace(*load_preset("digits"))
    alts = of_step(tr.step("d_w1"))
    assert alts.right.expr == "Xᵀ @ d_l1" and alts.right.shape == (64, 32)
    assert _texts(alts)[0] == "X @ d_l1: (1797×64) @ (1797×32), inner 64 ≠ 1797: no product"


def test_only_gradient_products_have_alternatives(xor_trace):
    have = [s.name for s in xor_trace.steps if of_step(s) is not None]
    assert have == ["d_w2", "d_a1", "d_w1"]
