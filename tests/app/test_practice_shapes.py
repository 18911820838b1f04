"""Shapes under the learner's own code in the Practice pane, as the learner sees them after a check.

The first test presses Check (one `python -m engine check` process); the others show a report made
in-process (engine.checker.exercise.check_code with isolate=False: the same data the CLI hands over)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor

from app.views.practice.pane import PracticePane
from engine.checker.exercise import check_code

LESSONS = Path(__file__).resolve().parents[2] / "resources" / "lessons"
CELL = (LESSONS / "notebook_cell.py").read_text(encoding="utf-8")
CHECK_TIMEOUT_MS = 40_000
D_W2 = 6  # the cell's line `d_w2 = torch.matmul(torch.transpose(a1, 0, 1), d_l2)`


@pytest.fixture
def pane(qtbot, session):
    p = PracticePane(session)
    qtbot.addWidget(p)
    p.resize(1366, 700)
    p.show()
    qtbot.waitExposed(p)
    yield p
    p.shutdown()


def block_height(pane, line: int) -> float:
    ed = pane.editor
    return ed.blockBoundingRect(ed.document().findBlockByNumber(line - 1)).height()


def painted(pane) -> list:
    """The labels the editor painted, (rect, text, tooltip), after a repaint of its viewport."""
    pane.editor.viewport().repaint()
    return list(pane.editor.shapes._hits)


def test_after_checking_the_notebooks_cell_the_shapes_are_under_the_d_w2_line(qtbot, pane):
    pane.set_code(CELL)
    plain = block_height(pane, D_W2)
    assert pane.editor.shapes.labels(D_W2) == []
    with qtbot.waitSignal(pane.finished, timeout=CHECK_TIMEOUT_MS):
        qtbot.mouseClick(pane.check_button, Qt.MouseButton.LeftButton)
    assert pane.shapes_box.isChecked()  # on by default
    # under matmul (2×1), transpose (2×4), a1 (4×2) and d_l2 (4×1), left to right
    assert pane.editor.shapes.labels(D_W2) == [("2×1", "op"), ("2×4", "op"), ("4×2", "name"), ("4×1", "name")]
    assert pane.editor.shapes.labels(5) == [("4×1", "name")]  # d_b2 = d_l2: (4×1) where b2 is (1,)
    assert block_height(pane, D_W2) > plain  # the line made room for its labels
    hits = painted(pane)
    labels = {tip: rect for rect, _text, tip in hits}
    assert "torch.transpose(a1, 0, 1) is (2×4)" in labels
    assert "a1 is (4×2)" in labels
    # drawn below the d_w2 line's text, under "transpose": the tooltip there says what it is
    ed = pane.editor
    block = ed.document().findBlockByNumber(D_W2 - 1)
    geo = ed.blockBoundingGeometry(block).translated(ed.contentOffset())
    line = block.layout().lineAt(0)
    rect = labels["torch.transpose(a1, 0, 1) is (2×4)"]
    assert rect.top() >= geo.top() + line.height() - 1
    start = block.text().index("transpose")
    left = geo.left() + block.layout().position().x()
    x0, x1 = left + line.cursorToX(start)[0], left + line.cursorToX(start + len("transpose"))[0]
    assert x0 < rect.center().x() < x1
    assert ed.shapes.label_at(rect.center().toPoint())[1] == "torch.transpose(a1, 0, 1) is (2×4)"
    # the verdicts are those of the check without shapes
    assert pane.summary.text().startswith("Root mistake: d_loss (line 3).")


def test_show_shapes_toggles_them_and_an_edited_line_loses_its_own(qtbot, pane):
    pane.set_code(CELL)
    plain = block_height(pane, D_W2)
    pane.show_report(check_code(CELL, pane.session.trainer, isolate=False))
    assert pane.editor.shapes.labels(D_W2) and block_height(pane, D_W2) > plain
    pane.shapes_box.setChecked(False)
    assert pane.editor.shapes.labels(D_W2) == [] and block_height(pane, D_W2) == plain
    assert painted(pane) == []
    pane.shapes_box.setChecked(True)
    assert pane.editor.shapes.labels(D_W2)
    # typing in line 6 makes its shapes out of date: they go; line 9 keeps its own
    ed = pane.editor
    cursor = ed.textCursor()
    cursor.setPosition(ed.document().findBlockByNumber(D_W2 - 1).position() + 4)
    ed.setTextCursor(cursor)
    qtbot.keyClicks(ed, "x")
    assert pane.editor.shapes.labels(D_W2) == [] and block_height(pane, D_W2) == plain
    assert pane.editor.shapes.labels(9)[0] == ("4×2", "op")
    assert pane.session.practice_code == ed.toPlainText()  # the labels are not part of the code


def test_a_shape_error_marks_the_operator_and_both_operand_shapes_in_red(qtbot, pane):
    from app import palette

    code = ("d_loss = -(y/y_pred - (1-y)/(1-y_pred)) / N\nd_l2 = sigmoid_p(l2) * d_loss\n"
            "d_a1 = d_l2 @ w2\n")
    pane.set_code(code)
    pane.show_report(check_code(code, pane.session.trainer, isolate=False))
    assert pane.editor.marked_line == 3
    assert pane.editor.shapes.labels(3) == [("4×1", "error"), ("2×1", "error"), ("(4×1) @ (2×1)", "failure")]
    hits = painted(pane)
    failure = next(h for h in hits if h[1] == "(4×1) @ (2×1)")
    assert failure[2] == "d_l2 @ w2 failed: d_l2 (4×1), w2 (2×1)"
    # painted in the error colour
    img = pane.editor.viewport().grab().toImage()
    r = failure[0].toRect()
    red = palette.readable(QColor(palette.current().error),
                           pane.editor.palette().color(pane.editor.palette().ColorRole.Base))
    pixels = [img.pixelColor(QPoint(x, y)) for x in range(r.left(), r.right()) for y in range(r.top(), r.bottom())]
    assert any(abs(c.red() - red.red()) + abs(c.green() - red.green()) + abs(c.blue() - red.blue()) < 40
               for c in pixels)
    # a new network clears them with the other results
    from engine.io.presets import load_preset
    from engine.training.trainer import Trainer

    pane.session.open_trainer(Trainer(*load_preset("spiral")), "")
    assert pane.editor.shapes.labels(3) == []


def test_labels_that_do_not_fit_in_three_rows_are_counted_and_named_in_a_tooltip(qtbot, pane):
    from engine.checker.shape_notes import Note, Shapes

    code = "x = y\n"
    pane.set_code(code)
    notes = [Note(1, 4, 5, 4, 5, f"y{k}", None, (k + 1, 2), "name") for k in range(6)]
    pane.editor.shapes.set_shapes(Shapes(notes), code)
    labels = pane.editor.shapes.labels(1)
    assert labels[:3] == [("1×2", "name"), ("2×2", "name"), ("3×2", "name")]  # one row each, all under y
    assert labels[3] == ("+3", "more")
    hits = painted(pane)
    assert hits[-1][2] == "y3 is (4×2)\ny4 is (5×2)\ny5 is (6×2)"
