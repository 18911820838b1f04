"""The matrix inspector on the notebook's XOR: what the learner sees for each operation of the chain rule.

Walks the operations with session.next_op, as the Next button does, and checks the captions, shapes, values
(against the engine's own step record), expansions, followed sample and notation.
"""

from __future__ import annotations

import math
import re

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt

from app.state.session import Session
from app.views.inspector import colors as C
from app.views.inspector.equation import HEAT, NUMBERS, InspectorPane
from app.views.inspector.fixtures import notebook_xor_trainer, spiral64_trainer, visible_texts
from app.views.inspector.fmt import num
from app.views.inspector.plan import COL, ROW
from engine.io.presets import PRESETS, load_preset
from engine.training.trainer import Trainer


@pytest.fixture
def xor(qtbot):
    session = Session(notebook_xor_trainer())
    pane = InspectorPane(session)
    qtbot.addWidget(pane)
    pane.resize(1200, 900)
    pane.show()
    qtbot.waitExposed(pane)
    return session, pane


def walk_to(session, name: str) -> None:
    """Press Next until the current operation is `name`."""
    for _ in range(200):
        step = session.current_step()
        if step is not None and step.name == name:
            return
        session.next_op()
    raise AssertionError(f"never reached {name}")


def flat(pane) -> list[str]:
    """The visible texts with their line breaks as spaces."""
    return [" ".join(t.split()) for t in visible_texts(pane)]


def shown_values(pane):
    return [b.canvas.values for b in pane.blocks()]


def test_empty_until_first_operation(xor):
    session, pane = xor
    texts = visible_texts(pane)
    assert any("Next operation" in t for t in texts)
    pane.start_button.click()
    assert session.current_step().name == "l1"
    assert "l1 = X @ w1 + b1" in visible_texts(pane)


def test_d_w2_shows_the_transpose_and_the_shape_check(xor):
    session, pane = xor
    walk_to(session, "d_w2")
    texts = flat(pane)  # notes wrap to the width: compare the words
    for caption in ("d_w2", "a1ᵀ", "d_l2", "(2×4)", "(4×1)", "(2×1)",
                    "a1 is (4×2); a1ᵀ is (2×4) one column per sample"):
        assert caption in texts, caption
    assert any(t.startswith("(2×4) @ (4×1) → (2×1) ✓ same shape as w2") for t in texts)
    # the numbers drawn are the engine's record, the transposed operand drawn transposed
    step = session.current_step()
    result, a1t, d_l2 = shown_values(pane)
    np.testing.assert_array_equal(result, step.result.double().numpy())
    np.testing.assert_array_equal(a1t, step.operand("a1").value.double().numpy().T)
    np.testing.assert_array_equal(d_l2, step.operand("d_l2").value.double().numpy())
    assert a1t.shape == (2, 4)
    # the inner dimension (the 4 samples) is marked in both operands and in both shape captions
    blocks = pane.blocks()
    assert blocks[1].canvas._inner == COL and blocks[2].canvas._inner == ROW
    inner = C.INNER.name()
    assert f"color:{inner}'>4<" in blocks[1].shape_label.text()
    assert f"color:{inner}'>4<" in blocks[2].shape_label.text()
    # the why from the engine (wrapped into lines)
    assert step.why in [" ".join(t.split()) for t in texts]


def test_d_w2_inner_axis_is_visibly_marked(xor):
    session, pane = xor
    walk_to(session, "d_w2")
    canvas = pane.blocks()[1].canvas
    img = canvas.grab().toImage()
    rect = canvas.cell_rect(0, 2)
    assert img.pixelColor(int(rect.center().x()), 1) == C.INNER  # the orange bar over a1ᵀ's 4 columns


def test_d_a1_transposes_w2(xor):
    session, pane = xor
    walk_to(session, "d_a1")
    texts = flat(pane)  # notes wrap to the width: compare the words
    for caption in ("w2ᵀ", "(1×2)", "(4×1)", "(4×2)", "w2 is (2×1); w2ᵀ is (1×2)"):
        assert caption in texts, caption
    assert any(t.startswith("(4×1) @ (1×2) → (4×2) ✓ same shape as a1") for t in texts)
    step = session.current_step()
    np.testing.assert_array_equal(shown_values(pane)[2], step.operand("w2").value.double().numpy().T)


def test_l1_shows_b1_broadcast_over_the_rows(xor):
    session, pane = xor
    walk_to(session, "l1")
    texts = flat(pane)  # notes wrap to the width: compare the words
    assert "b1 (2,) added to every one of the 4 rows" in texts
    assert "(2,)" in texts
    step = session.current_step()
    b1 = step.operand("b1").value.double().numpy()
    shown = shown_values(pane)[3]
    assert shown.shape == (4, 2)
    for row in shown:
        np.testing.assert_array_equal(row, b1)
    pane.select_cell(2, 1)
    text = pane.expansion_text()
    assert text.startswith("l1[2,1] = X[2,0]·w1[0,1] + X[2,1]·w1[1,1] + b1[1]")
    assert "The same b1[1] is added in every row" in text


def test_d_b1_shows_the_batch_sum(xor):
    session, pane = xor
    walk_to(session, "d_b1")
    texts = flat(pane)  # notes wrap to the width: compare the words
    assert "Σ over the 4 samples, axis 0" in texts
    assert any(t.startswith("d_l1 (4×2) → Σ over the 4 samples, axis 0 → (2,)") for t in texts)
    pane.select_cell(0, 1)
    assert pane.expansion_text().startswith("d_b1[1] = d_l1[0,1] + d_l1[1,1] + d_l1[2,1] + d_l1[3,1]")
    assert pane.blocks()[1].canvas.marks()[1] == {1}  # column 1 of d_l1 outlined
    _check_evaluates(pane, session.current_step().result.reshape(-1)[1].item())


def test_d_w2_expansion_matches_the_issue(xor):
    session, pane = xor
    walk_to(session, "d_w2")
    pane.select_cell(1, 0)
    lines = pane.expansion_text().split("\n")
    assert lines[0] == ("d_w2[1,0] = a1[0,1]·d_l2[0,0] + a1[1,1]·d_l2[1,0] + a1[2,1]·d_l2[2,0] "
                        "+ a1[3,1]·d_l2[3,0]")
    assert lines[2].strip() == "= 0.4419"
    rows, cols, _cells = pane.blocks()[1].canvas.marks()
    assert rows == {1}  # row 1 of a1ᵀ …
    assert pane.blocks()[2].canvas.marks()[1] == {0}  # … times column 0 of d_l2


_NUM = r"[0-9.]+(?:e[-+]?[0-9]+)?"


def _evaluate(expr: str) -> float:
    expr = expr.replace("−", "-").replace("·", "*").replace("²", "**2")
    assert re.fullmatch(rf"(?:{_NUM}|[-+*/() ]|σ|exp|log|tanh|ReLU|LReLU|id)+", expr), expr
    expr = expr.replace("σ", "sig")
    env = {"sig": lambda x: 1 / (1 + math.exp(-x)), "exp": math.exp, "log": math.log, "tanh": math.tanh,
           "ReLU": lambda x: max(x, 0.0), "LReLU": lambda x: x if x > 0 else 0.01 * x, "id": lambda x: x,
           "__builtins__": {}}
    return float(eval(expr, env))  # noqa: S307 - the pattern above admits numbers and arithmetic only


def _check_evaluates(pane, value: float) -> None:
    lines = pane.expansion_text().split("\n")
    numeric = lines[1].strip()
    assert numeric.startswith("= ")
    got = _evaluate(numeric[2:])
    assert got == pytest.approx(value, rel=5e-3, abs=2e-5), pane.expansion_text()


def test_every_cell_of_every_operation_expands_to_its_value(xor):
    session, pane = xor
    session.next_op()
    seen = set()
    for _ in range(len(session.trace.steps)):
        step = session.current_step()
        plan = pane.plan()
        pick = plan.terms[plan.pick]
        for r in range(pick.values.shape[0]):
            for c in range(pick.values.shape[1]):
                pane.select_cell(r, c)
                value = plan.terms[0].values[0, 0] if step.op == "loss" else pick.values[r, c]
                _check_evaluates(pane, value)
        seen.add(step.op)
        session.next_op()
    assert seen == {"linear", "activation", "loss", "loss_grad", "act_grad", "batch_sum", "matmul", "update"}


@pytest.mark.parametrize("name", list(PRESETS))
def test_every_preset_walks_and_expands(name, qtbot):
    session = Session(Trainer(*load_preset(name)))
    pane = InspectorPane(session)
    qtbot.addWidget(pane)
    pane.show()
    session.next_op()
    for _ in range(len(session.trace.steps)):
        step, plan = session.current_step(), pane.plan()
        pick = plan.terms[plan.pick]
        r, c = pick.values.shape[0] - 1, pick.values.shape[1] - 1
        pane.select_cell(r, c)
        value = plan.terms[0].values[0, 0] if step.op == "loss" else pick.values[r, c]
        assert pane.expansion_text().startswith(("loss", step.name))
        numeric = pane.expansion_text().split("\n")[1]
        if "…" not in numeric:
            _check_evaluates(pane, value)
        session.next_op()


def test_loss_and_d_loss_show_each_sample(xor):
    session, pane = xor
    walk_to(session, "loss")
    text = pane.expansion_text()
    assert "each sample: ℓ = −(y·log(y_pred) + (1−y)·log(1−y_pred))" in text
    assert "sample 0: ℓ₀ = −log(1 − 0.9659) = 3.378" in text
    assert "sample 3: ℓ₃ = −log(1 − 0.9799) = 3.907" in text
    walk_to(session, "d_loss")
    text = pane.expansion_text()
    assert "d_loss[3,0] = −(0/0.9799 − (1−0)/(1−0.9799)) / 4 = 12.44" in text
    walk_to(session, "d_l2")
    text = pane.expansion_text()
    assert "simplifies to (y_pred − y)/4 = (0.9659 − 0)/4 = 0.2415" in text


def test_hovering_a_cell_expands_it(xor, qtbot):
    session, pane = xor
    walk_to(session, "d_w2")
    canvas = pane.blocks()[0].canvas
    target = canvas.cell_rect(1, 0).center().toPoint()
    # move from elsewhere first: Qt sends no move event when the cursor already sits at the target
    # (an earlier test may have left it there)
    qtbot.mouseMove(canvas, target + QPoint(3, 3))
    qtbot.mouseMove(canvas, target)
    qtbot.waitUntil(lambda: pane.expansion_text().startswith("d_w2[1,0]"))
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=canvas.cell_rect(0, 0).center().toPoint())
    assert canvas.selected() == (0, 0)


def test_following_sample_2_highlights_its_row_everywhere(xor, qtbot):
    session, pane = xor
    pane.sample_spin.setValue(2)  # the learner picks sample 2
    assert session.selection.sample == 2
    session.next_op()
    with_axis = 0
    for _ in range(len(session.trace.steps)):
        for blk in pane.blocks():
            t = blk.term
            if t.sample_axis is None:
                assert blk.canvas.highlighted_sample() is None, t.label
            else:
                with_axis += 1
                axis = COL if t.transposed else ROW
                assert blk.canvas.highlighted_sample() == (axis, 2), t.label
        session.next_op()
    assert with_axis >= 20  # X, l1, a1, y_pred, y, d_loss, d_l2, a1ᵀ, d_a1, σ'(l1), …
    # and it is drawn: the row marker of l1's row 2 is in the sample colour
    walk_to(session, "l1")
    canvas = pane.blocks()[0].canvas
    img = canvas.grab().toImage()
    assert img.pixelColor(1, int(canvas.cell_rect(2, 0).center().y())) == C.SAMPLE
    assert pane.expansion_text().startswith("l1[2,")  # the expansion follows the sample too


def test_sample_from_another_pane_is_followed(xor):
    session, pane = xor
    walk_to(session, "a1")
    session.selection.set_sample(3)
    assert pane.sample_spin.value() == 3
    assert pane.blocks()[0].canvas.highlighted_sample() == (ROW, 3)
    session.selection.set_sample(-1)
    assert pane.blocks()[0].canvas.highlighted_sample() is None


def test_notation_toggle_changes_captions(xor):
    session, pane = xor
    walk_to(session, "d_w2")
    pane.notation_box.setCurrentIndex(1)
    texts = visible_texts(pane)
    for caption in ("∂L/∂W⁽²⁾", "a⁽¹⁾ᵀ", "δ⁽²⁾", "∂L/∂W⁽²⁾ = a⁽¹⁾ᵀ @ δ⁽²⁾"):
        assert caption in texts, caption
    assert "d_w2" not in texts
    assert "notebook: d_w2" in pane.blocks()[0].name_label.toolTip()
    assert pane.expansion_text().startswith("∂L/∂W⁽²⁾[0,0] = a⁽¹⁾[0,0]·δ⁽²⁾[0,0]")
    pane.notation_box.setCurrentIndex(0)
    texts = visible_texts(pane)
    assert "d_w2" in texts and "a1ᵀ" in texts
    assert "textbook: ∂L/∂W⁽²⁾" in pane.blocks()[0].name_label.toolTip()


def test_selection_from_elsewhere_expands_that_cell(xor):
    session, pane = xor
    walk_to(session, "d_w2")
    session.selection.select_cell("w2", 1, 0)
    assert pane.expansion_text().startswith("d_w2[1,0]")
    walk_to(session, "d_a1")  # w2ᵀ: the same weight, drawn transposed
    assert pane.blocks()[2].canvas._param_cells == {(0, 1)}
    pane.blocks()[2].canvas.cell_clicked.emit(0, 0)  # clicking w2ᵀ[0,0] selects w2[0,0]
    assert session.selection.cell == ("w2", 0, 0)


def test_update_step(xor):
    session, pane = xor
    walk_to(session, "w2")
    texts = visible_texts(pane)
    assert "w2 (new)" in texts and "w2 (old)" in texts and "d_w2" in texts
    pane.select_cell(1, 0)
    assert pane.expansion_text().startswith("w2[1,0] ← w2[1,0] − lr·d_w2[1,0]")


def test_large_network_uses_a_heat_map_and_still_expands(qtbot):
    session = Session(spiral64_trainer())
    pane = InspectorPane(session)
    qtbot.addWidget(pane)
    pane.resize(1300, 900)
    pane.show()
    walk_to(session, "d_w2")
    blocks = pane.blocks()
    assert [b.canvas.values.shape for b in blocks] == [(64, 64), (64, 300), (300, 64)]
    assert all(b.canvas.is_heat_map() for b in blocks)
    assert "(64×300)" in visible_texts(pane)
    assert all(b.scroll.width() <= 700 and b.scroll.height() <= 500 for b in blocks)
    pane.select_cell(5, 7)
    text = pane.expansion_text()
    assert text.startswith("d_w2[5,7] = a1[0,5]·d_l2[0,7] + a1[1,5]·d_l2[1,7]")
    assert "(300 terms; 296 not written out)" in text
    assert text.split("\n")[2].strip() == "= " + num(session.current_step().result[5, 7].item())
    pane.set_display(NUMBERS)  # every number, scrolling
    assert not blocks[1].canvas.is_heat_map()
    assert blocks[1].canvas.width() > blocks[1].scroll.width()
    assert blocks[1].scroll.horizontalScrollBar().maximum() > 0
    pane.set_display(HEAT)
    assert blocks[1].canvas.is_heat_map()
