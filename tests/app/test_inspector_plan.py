"""The inspector's plain-Python parts: notation mapping, number formats, and what a plan shows."""

from __future__ import annotations

import pytest

from app.views.inspector import notation as nt
from app.views.inspector.fixtures import notebook_xor_trainer
from app.views.inspector.fmt import cell, factor, num, shape
from app.views.inspector.plan import BROADCAST, COL, ROW, Context, build, own_index, param_of


@pytest.mark.parametrize("name, symbol", [
    ("l1", "z⁽¹⁾"), ("a1", "a⁽¹⁾"), ("y_pred", "ŷ"), ("w2", "W⁽²⁾"), ("b1", "b⁽¹⁾"), ("loss", "L"),
    ("d_loss", "∂L/∂ŷ"), ("d_l2", "δ⁽²⁾"), ("d_a1", "∂L/∂a⁽¹⁾"), ("d_w2", "∂L/∂W⁽²⁾"), ("d_b1", "∂L/∂b⁽¹⁾"),
    ("a1ᵀ", "a⁽¹⁾ᵀ"), ("w2ᵀ", "W⁽²⁾ᵀ"), ("X", "X"), ("σ'(l1)", "σ'(z⁽¹⁾)"), ("l12", "z⁽¹²⁾"),
])
def test_textbook_symbols(name, symbol):
    assert nt.textbook(name) == symbol
    assert nt.symbol(name, nt.NOTEBOOK) == name


def test_translate_formulas_keeps_the_l2_strength():
    assert nt.translate("d_w1 = Xᵀ @ d_l1 + l2·w1", nt.TEXTBOOK) == "∂L/∂W⁽¹⁾ = Xᵀ @ δ⁽¹⁾ + l2·W⁽¹⁾"
    assert nt.translate("loss + (l2/2)·Σ‖w‖²", nt.TEXTBOOK) == "L + (l2/2)·Σ‖w‖²"
    assert nt.translate("d_l2 = σ'(l2) ⊙ d_loss", nt.TEXTBOOK) == "δ⁽²⁾ = σ'(z⁽²⁾) ⊙ ∂L/∂ŷ"
    assert nt.translate("d_w2 = a1ᵀ @ d_l2", nt.NOTEBOOK) == "d_w2 = a1ᵀ @ d_l2"


def test_number_formats():
    assert num(0.44187) == "0.4419" and num(-0.2415) == "−0.2415" and num(0) == "0"
    assert factor(-0.5) == "(−0.5)" and factor(2.0) == "2"
    assert cell(-0.0001234) == "−1.2e-04".replace("-", "−") and len(cell(-0.001234)) <= 9
    assert shape((4, 2)) == "(4×2)" and shape((2,)) == "(2,)" and shape(()) == "()"


def test_plans_follow_the_engine_record():
    t = notebook_xor_trainer()
    trace = t.peek()
    ctx = Context(t.spec, 4, trace.steps)
    d_w2 = build(trace.step("d_w2"), ctx)
    res, a1t, d_l2 = d_w2.terms
    assert (a1t.label, a1t.own_shape, a1t.shown_shape, a1t.transposed) == ("a1ᵀ", (4, 2), (2, 4), True)
    assert (a1t.sample_axis, a1t.inner_axis, d_l2.sample_axis, d_l2.inner_axis) == (COL, COL, ROW, ROW)
    assert own_index(a1t, 1, 3) == (3, 1)  # a1ᵀ[1,3] is a1[3,1]
    assert res.param == "w2" and res.sample_axis is None
    assert d_w2.check.startswith("(2×4) @ (4×1) → (2×1) ✓ same shape as w2")
    l1 = build(trace.step("l1"), ctx)
    b1 = l1.terms[3]
    assert b1.layout == BROADCAST and b1.values.shape == (4, 2) and own_index(b1, 3, 1) == (1,)
    d_b1 = build(trace.step("d_b1"), ctx)
    assert d_b1.terms[0].values.shape == (1, 2) and d_b1.terms[1].sum_axis == ROW
    assert [param_of(n) for n in ("w1", "d_b2", "v_w1", "a1", "d_l1")] == ["w1", "b2", "w1", None, None]
