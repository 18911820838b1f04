"""MatrixModel: the table model every matrix pane uses (weights editor, inspector, practice)."""

from __future__ import annotations

import pytest
import torch
from PySide6.QtCore import Qt

from app.models.matrix_model import HIGHLIGHT_ROLE, MatrixModel

D, E, TIP, BG, FONT = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole, Qt.ItemDataRole.ToolTipRole,
                       Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.FontRole)


@pytest.fixture
def w1():
    return torch.tensor([[1.0, -2.0], [0.123456789, 3e-4], [0.0, 5.0]], dtype=torch.float64)


def test_modeltester_matrix_vector_empty_and_after_changes(qtmodeltester, w1):
    m = MatrixModel(w1, name="w1", editable=True)
    qtmodeltester.check(m)
    m.set_tensor(w1 * 2)  # same shape: dataChanged
    m.set_tensor(torch.zeros(2, 5))  # new shape: reset
    m.set_highlight_rows([1])
    m.set_highlight_cells([(0, 4)])
    qtmodeltester.check(m)
    qtmodeltester.check(MatrixModel(torch.tensor([1.0, 2.0, 3.0]), name="b1"))
    qtmodeltester.check(MatrixModel())


def test_display_edit_tooltip_headers(w1):
    m = MatrixModel(w1, name="w1", editable=True)
    assert (m.rowCount(), m.columnCount()) == (3, 2)
    assert m.data(m.index(1, 0), D) == "0.1235"
    assert m.data(m.index(1, 1), D) == "0.0003"
    assert m.data(m.index(1, 0), E) == "0.123456789"  # exact, as text the editor can parse back
    assert m.data(m.index(1, 0), TIP) == "w1[1, 0] = 0.123456789"
    assert m.headerData(0, Qt.Orientation.Horizontal) == "0"
    assert m.headerData(2, Qt.Orientation.Vertical) == "2"
    m.set_names(["x1", "x2", "x3"], ["h1", "h2"])
    assert m.headerData(2, Qt.Orientation.Vertical) == "x3"
    assert m.headerData(1, Qt.Orientation.Horizontal) == "h2"


def test_float32_edit_text_is_the_shortest_exact_repr():
    m = MatrixModel(torch.tensor([[0.1]], dtype=torch.float32), name="w")
    assert m.data(m.index(0, 0), E) == "0.1"
    assert float(torch.tensor(float(m.data(m.index(0, 0), E)), dtype=torch.float32)) == float(
        torch.tensor(0.1, dtype=torch.float32))


def test_vector_is_one_row_named_by_index():
    m = MatrixModel(torch.tensor([1.0, 2.0]), name="b1")
    assert (m.rowCount(), m.columnCount()) == (1, 2)
    assert m.data(m.index(0, 1), TIP) == "b1[1] = 2.0"
    assert m.is_vector


def test_background_diverges_by_sign_and_grows_with_size(w1):
    m = MatrixModel(w1, name="w1")
    pos_big = m.data(m.index(2, 1), BG).color()  # 5.0, the largest
    pos_small = m.data(m.index(1, 1), BG).color()  # 3e-4
    neg = m.data(m.index(0, 1), BG).color()  # -2
    assert pos_big.blue() > pos_big.red() and neg.red() > neg.blue()
    # opaque, blended onto the palette's Base (white here): a larger |v| is further from it
    assert pos_big.alpha() == pos_small.alpha() == 255
    assert pos_big.lightness() < pos_small.lightness()


@pytest.mark.parametrize("text", ["abc", "nan", "inf", "-inf", "", "1e999"])
def test_set_data_refuses_text_nan_inf_with_a_message(qtbot, w1, text):
    m = MatrixModel(w1, name="w1", editable=True)
    with qtbot.waitSignal(m.error) as sig:
        assert m.setData(m.index(0, 0), text, E) is False
    msg = sig.args[0]
    assert msg.startswith("w1[0, 0]: ")
    assert ("number" in msg) or ("NaN" in msg) or ("Infinity" in msg)
    assert m.value(0, 0) == 1.0


def test_set_data_accepts_scientific_notation(qtbot, w1):
    m = MatrixModel(w1, name="w1", editable=True)
    with qtbot.waitSignal(m.value_edited) as sig:
        assert m.setData(m.index(0, 1), " 1e-3 ", E)
    assert sig.args == [0, 1, 0.001]
    assert m.value(0, 1) == 0.001
    assert m.data(m.index(0, 1), D) == "0.001"


def test_edit_handler_decides_and_can_refuse(qtbot, w1):
    m = MatrixModel(w1, name="w1", editable=True)
    seen = []
    m.edit_handler = lambda r, c, v: seen.append((r, c, v)) or "pause training first"
    with qtbot.waitSignal(m.error) as sig:
        assert not m.setData(m.index(2, 0), "2.5", E)
    assert seen == [(2, 0, 2.5)]
    assert sig.args[0] == "w1[2, 0]: pause training first"
    assert m.value(2, 0) == 0.0  # the handler owns the change: the model does not write it


def test_not_editable_refuses_and_has_no_edit_flag(w1):
    m = MatrixModel(w1, name="w1")
    assert not (m.flags(m.index(0, 0)) & Qt.ItemFlag.ItemIsEditable)
    assert m.setData(m.index(0, 0), "2", E) is False


def test_highlight_rows_and_cells_are_bold_and_flagged(w1):
    m = MatrixModel(w1, name="w1")
    m.set_highlight_rows([1])
    m.set_highlight_cells([(2, 0)])
    assert m.data(m.index(1, 0), HIGHLIGHT_ROLE) and m.data(m.index(1, 1), HIGHLIGHT_ROLE)
    assert m.data(m.index(2, 0), HIGHLIGHT_ROLE) and not m.data(m.index(2, 1), HIGHLIGHT_ROLE)
    assert m.data(m.index(1, 0), FONT).bold()
    assert m.data(m.index(0, 0), FONT) is None
    m.clear_highlight()
    assert not m.data(m.index(1, 0), HIGHLIGHT_ROLE)


def test_model_keeps_a_copy(w1):
    m = MatrixModel(w1, name="w1")
    w1[0, 0] = 99.0  # e.g. a training thread changing the tensor in place
    assert m.value(0, 0) == 1.0
