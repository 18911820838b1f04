"""The wrong alternatives under "Why this shape": drawn for d_w2 on the notebook's XOR, in English and Korean."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from app.i18n import install_translator
from app.state.session import Session
from app.views.inspector.equation import InspectorPane
from app.views.inspector.fixtures import notebook_xor_trainer

from .test_inspector_equation import walk_to

D_W2_EN = [
    "a1ᵀ @ d_l2: (2×4) @ (4×1) → (2×1), the shape of w2 ✓",
    "a1 @ d_l2: (4×2) @ (4×1), inner 2 ≠ 4: no product",
    "a1 @ d_l2ᵀ: (4×2) @ (1×4), inner 2 ≠ 1: no product",
    "d_l2 @ a1ᵀ: (4×1) @ (2×4), inner 1 ≠ 2: no product",
    "d_l2ᵀ @ a1: (1×4) @ (4×2) → (1×2), the transpose of d_w2 (2×1)",
]
D_W2_KO = [
    "a1ᵀ @ d_l2: (2×4) @ (4×1) → (2×1), w2의 모양 ✓",
    "a1 @ d_l2: (4×2) @ (4×1), 안쪽 차원 2 ≠ 4: 곱할 수 없음",
    "a1 @ d_l2ᵀ: (4×2) @ (1×4), 안쪽 차원 2 ≠ 1: 곱할 수 없음",
    "d_l2 @ a1ᵀ: (4×1) @ (2×4), 안쪽 차원 1 ≠ 2: 곱할 수 없음",
    "d_l2ᵀ @ a1: (1×4) @ (4×2) → (1×2), d_w2 (2×1)의 전치",
]


@pytest.fixture
def xor(qtbot):
    session = Session(notebook_xor_trainer())
    pane = InspectorPane(session)
    qtbot.addWidget(pane)
    pane.resize(1200, 900)
    pane.show()
    qtbot.waitExposed(pane)
    return session, pane


def _sketched(pane):
    return [(s.attempt.expr, s.attempt.shape) for s in pane.alternatives.sketches if s.isVisibleTo(pane)]


def test_d_w2_shows_the_wrong_attempts_beside_the_right_one(xor):
    session, pane = xor
    walk_to(session, "d_w2")
    view = pane.alternatives
    assert view.isVisible() and pane.why.isVisible()
    assert view.texts() == D_W2_EN
    # each sentence has its sketch: the right product (2×1), three that do not multiply, the transpose (1×2)
    assert _sketched(pane) == [("a1ᵀ @ d_l2", (2, 1)), ("a1 @ d_l2", None), ("a1 @ d_l2ᵀ", None),
                               ("d_l2 @ a1ᵀ", None), ("d_l2ᵀ @ a1", (1, 2))]


def test_in_korean(xor):
    session, pane = xor
    assert install_translator(QApplication.instance(), "ko")
    walk_to(session, "d_w2")
    assert pane.alternatives.texts() == D_W2_KO
    walk_to(session, "d_w1")  # the particle after a shape is resolved: (2×2)와, not (2×2)과(와)
    assert "X @ d_l1ᵀ: (4×2) @ (2×4) → (4×4), w1의 모양 (2×2)와 다름" in pane.alternatives.texts()


def test_d_a1_names_w2_on_the_wrong_side(xor):
    session, pane = xor
    walk_to(session, "d_a1")
    texts = pane.alternatives.texts()
    assert texts[0] == "d_l2 @ w2ᵀ: (4×1) @ (1×2) → (4×2), the shape of a1 ✓"
    assert "d_l2 @ w2: (4×1) @ (2×1), inner 1 ≠ 2: no product" in texts
    assert "w2ᵀ @ d_l2: (1×2) @ (4×1), inner 2 ≠ 4: no product" in texts


def test_hidden_for_operations_without_a_product(xor):
    session, pane = xor
    walk_to(session, "d_b2")
    assert not pane.alternatives.isVisible()
    walk_to(session, "d_w2")
    assert pane.alternatives.isVisible()
    walk_to(session, "l1")
    assert not pane.alternatives.isVisible()


def test_textbook_names(xor):
    session, pane = xor
    walk_to(session, "d_w2")
    pane.set_notation("textbook")
    assert pane.alternatives.texts()[1] == "a⁽¹⁾ @ δ⁽²⁾: (4×2) @ (4×1), inner 2 ≠ 4: no product"
