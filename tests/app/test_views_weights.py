"""The weights editor as the learner uses it: captions, typing into a cell, Undo, refusals, gradients."""

from __future__ import annotations

import pytest
import torch
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QLineEdit

from app.state.session import Session
from app.views.weights_editor import WeightsEditor
from engine.io.presets import load_preset
from engine.training.trainer import Trainer


def new_session(preset: str = "notebook-xor") -> Session:
    return Session(Trainer(*load_preset(preset)))


@pytest.fixture
def session(qtbot):
    s = new_session()
    yield s
    s.stop_run()


@pytest.fixture
def editor(qtbot, session):
    w = WeightsEditor(session)
    qtbot.addWidget(w)
    w.resize(460, 640)
    w.show()
    qtbot.waitExposed(w)
    return w


def type_into_cell(qtbot, view, row, col, text):
    """Select the cell, open its editor (F2, as the learner would), type, press Enter."""
    idx = view.model().index(row, col)
    view.setFocus()
    view.setCurrentIndex(idx)
    qtbot.keyClick(view, Qt.Key.Key_F2)
    editor = view.findChild(QLineEdit)
    assert editor is not None and editor.isVisible()
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not any(e.isVisible() for e in view.findChildren(QLineEdit)))


def shown(view, row, col) -> str:
    return view.model().index(row, col).data(Qt.ItemDataRole.DisplayRole)


def test_one_table_per_parameter_with_name_shape_and_meaning(editor):
    assert editor.names() == ["w1", "b1", "w2", "b2"]
    assert editor.caption("w1") == "w1 (2×2): rows = inputs, columns = hidden units"
    assert editor.caption("b1") == "b1 (2,): one bias per hidden unit"
    assert editor.caption("w2") == "w2 (2×1): rows = hidden units, columns = output units"
    assert editor.caption("b2") == "b2 (1,): one bias per output unit"
    # the notebook's starting values, as the learner typed them
    assert [shown(editor.table("w1"), r, c) for r in range(2) for c in range(2)] == ["1", "1", "1", "1"]
    assert [shown(editor.table("b1"), 0, c) for c in range(2)] == ["1", "2"]


def test_typing_a_value_changes_the_engine_and_undo_restores_it(qtbot, editor, session):
    view = editor.table("w1")
    type_into_cell(qtbot, view, 0, 1, "0.5")
    assert session.trainer.params["w1"][0, 1].item() == 0.5
    assert shown(view, 0, 1) == "0.5"
    assert session.undo_stack.count() == 1
    session.undo_stack.undo()
    assert session.trainer.params["w1"][0, 1].item() == 1.0
    assert shown(view, 0, 1) == "1"
    session.undo_stack.redo()
    assert shown(view, 0, 1) == "0.5"


def test_scientific_notation_in_a_bias(qtbot, editor, session):
    type_into_cell(qtbot, editor.table("b1"), 0, 1, "-2.5e-3")
    assert session.trainer.params["b1"][1].item() == pytest.approx(-2.5e-3)
    assert shown(editor.table("b1"), 0, 1) == "-0.0025"


@pytest.mark.parametrize("text, words", [("abc", "is not a number"), ("nan", "NaN is not allowed"),
                                         ("inf", "Infinity is not allowed")])
def test_bad_cell_value_shows_the_message_and_changes_nothing(qtbot, editor, session, text, words):
    before = {k: v.clone() for k, v in session.trainer.params.items()}
    view = editor.table("w2")
    type_into_cell(qtbot, view, 1, 0, text)
    assert words in editor.message("w2")
    assert editor.message("w2").startswith("w2[1, 0]: ")
    assert all(torch.equal(before[k], session.trainer.params[k]) for k in before)
    assert session.undo_stack.count() == 0
    assert shown(view, 1, 0) == "1"
    assert editor.message("w1") == ""
    # a good value afterwards clears the message
    type_into_cell(qtbot, view, 1, 0, "3")
    assert editor.message("w2") == ""
    assert session.trainer.params["w2"][1, 0].item() == 3.0


def test_tables_refresh_after_a_step_and_rebuild_for_a_new_network(qtbot, editor, session):
    session.step_epoch()
    w1 = session.trainer.params["w1"]
    assert shown(editor.table("w1"), 0, 0) == "%.4g" % w1[0, 0].item()
    from app.state.commands import SetSpecCommand
    from engine.core.spec import Init, Layer

    spec = session.spec.with_changes(hidden=(Layer(3, "tanh"), Layer(2, "relu")), init=Init("xavier"))
    assert session.try_push(SetSpecCommand(session, spec)) is None
    assert editor.names() == ["w1", "b1", "w2", "b2", "w3", "b3"]
    assert editor.caption("w2") == ("w2 (3×2): rows = units of hidden layer 1, "
                                    "columns = units of hidden layer 2")
    assert editor.table("w2").model().rowCount() == 3


def test_show_gradients_beside_the_weights_after_a_backward_pass(qtbot, editor, session):
    editor.show_grads.setChecked(True)
    assert not editor.table("d_w1").isVisible()  # nothing computed yet
    trace = session.step_epoch()
    view = editor.table("d_w1")
    assert view.isVisible()
    g = trace.grads["d_w1"]
    assert view.model().rowCount() == 2 and view.model().columnCount() == 2
    assert shown(view, 1, 0) == "%.4g" % g[1, 0].item()
    assert not (view.model().flags(view.model().index(0, 0)) & Qt.ItemFlag.ItemIsEditable)


def test_gradients_appear_only_once_the_operation_stepping_reaches_them(qtbot, editor, session):
    editor.show_grads.setChecked(True)
    session.next_op()  # l1: forward, nothing backward yet
    assert not editor.table("d_w2").isVisible()
    names = [s.name for s in session.trace.steps]
    session.set_position(names.index("d_w2"))
    assert editor.table("d_w2").isVisible()
    assert not editor.table("d_w1").isVisible()


def test_cell_selection_signal_and_select_cell(qtbot, editor):
    view = editor.table("w1")
    with qtbot.waitSignal(editor.cell_selected) as sig:
        view.setCurrentIndex(view.model().index(1, 0))
    assert sig.args == ["w1", 1, 0]
    with qtbot.assertNotEmitted(editor.cell_selected):
        editor.select_cell("b1", 0, 1)
    assert editor.table("b1").currentIndex().column() == 1


def test_editing_is_refused_while_training_runs(qtbot):
    s = new_session("xor-tanh")
    w = WeightsEditor(s)
    qtbot.addWidget(w)
    s.start_run()
    try:
        assert w.table("w1").isEnabled()  # readable (never greyed out), but read-only
        assert w.table("w1").editTriggers() == QAbstractItemView.EditTrigger.NoEditTriggers
        assert w.model("w1").setData(w.model("w1").index(0, 0), "0.5") is False
    finally:
        with qtbot.waitSignal(s.running_changed):
            s.pause()
    assert w.table("w1").isEnabled()
    assert shown(w.table("w1"), 0, 0) == "%.4g" % s.trainer.params["w1"][0, 0].item()
