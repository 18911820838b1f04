"""Stepping in the main window: Step epoch, Next/Previous operation, Step back — checked against the engine."""

from __future__ import annotations

import torch
from PySide6.QtCore import Qt

from engine.io.presets import load_preset
from engine.training.trainer import Trainer


def fresh() -> Trainer:
    return Trainer(*load_preset("notebook-xor"))


def click(qtbot, window, action):
    button = window.toolbar.widgetForAction(action)
    assert button.isVisible() and button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_step_epoch_adds_the_engines_loss_point(qtbot, window):
    s = window.session
    ref = fresh()
    expected = [ref.step().loss for _ in range(3)]
    for i in range(3):
        click(qtbot, window, window.acts.step_epoch)
        assert s.epoch == i + 1
    assert list(s.losses) == expected  # bit for bit, the engine's numbers
    assert window.epoch_label.text() == "Epoch 3"
    assert window.loss_label.text() == f"Loss {expected[-1]:.6g}"
    for name, value in ref.params.items():
        assert torch.equal(s.trainer.params[name], value)
    # the epoch is applied and its record is on show from its first operation, ready to walk with F11
    assert window.op_label.text() == f"Epoch 3 · forward · {ref.peek().steps[0].title}"
    loss_pane = window.panes.get("loss")
    if loss_pane is not None and hasattr(loss_pane, "loss_data"):
        assert list(loss_pane.loss_data()) == expected


def test_f10_steps_an_epoch(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_F10)
    assert window.session.epoch == 1


def test_next_operation_walks_the_trace_in_order_and_previous_walks_back(qtbot, window):
    s = window.session
    ref = fresh()
    start = ref.params_copy()
    steps = ref.peek().steps
    names = [st.name for st in steps]
    assert names[:6] == ["l1", "a1", "l2", "y_pred", "loss", "d_loss"]
    seen = []
    for i, st in enumerate(steps):
        click(qtbot, window, window.acts.next_op)
        seen.append(s.current_step().name)
        last = i == len(steps) - 1
        assert window.op_label.text() == f"Epoch 1 · {st.phase} · {st.title}" + (
            " · next: epoch 2 starts" if last else "")
        if not last:  # inside the epoch the parameters are still the ones before it
            assert s.epoch == 0
            for k, v in start.items():
                assert torch.equal(s.trainer.params[k], v)
    assert seen == names
    assert s.epoch == 1  # past the last update, the epoch is applied
    ref.step()
    for k, v in ref.params.items():
        assert torch.equal(s.trainer.params[k], v)
    assert window.op_label.text().endswith("· next: epoch 2 starts")  # said before it happens
    back = []
    for _ in range(len(steps) - 1):
        click(qtbot, window, window.acts.prev_op)
        back.append(s.current_step().name)
        assert s.epoch == 1  # an applied epoch stays applied: Previous walks its record
        for k, v in ref.params.items():
            assert torch.equal(s.trainer.params[k], v)
    assert back == names[-2::-1]
    assert window.op_label.text() == f"Epoch 1 · forward · {steps[0].title}"


def test_after_step_epoch_next_and_previous_walk_that_epoch(qtbot, window):
    s = window.session
    ref = fresh()
    steps = ref.peek().steps
    ref.step()
    qtbot.keyClick(window, Qt.Key.Key_F10)
    assert s.current_step().name == steps[0].name and s.trace.epoch == 1
    for st in steps[1:]:
        qtbot.keyClick(window, Qt.Key.Key_F11)
        assert (s.trace.epoch, s.current_step().name, s.current_step().phase) == (1, st.name, st.phase)
        assert s.epoch == 1  # walking the record changes nothing
    for k, v in ref.params.items():
        assert torch.equal(s.trainer.params[k], v)
    assert window.panes.get("timeline").notice.text() == "Next ▶ starts epoch 2."
    qtbot.keyClick(window, Qt.Key.Key_F11)  # only now does epoch 2 begin
    assert s.trace.epoch == 2 and s.position == 0 and s.epoch == 1
    assert window.epoch_label.text() == "Epoch 2 (in progress)"


def test_step_back_restores_the_previous_epochs_parameters_exactly(qtbot, window):
    s = window.session
    for _ in range(4):
        click(qtbot, window, window.acts.step_epoch)
    ref = fresh()
    for _ in range(3):
        ref.step()
    click(qtbot, window, window.acts.step_back)
    assert s.epoch == 3
    assert window.epoch_label.text() == "Epoch 3"
    for k, v in ref.params.items():
        assert torch.equal(s.trainer.params[k], v)
    assert list(s.losses) == list(ref.losses)


def test_reset_is_undoable(qtbot, window):
    s = window.session
    for _ in range(2):
        click(qtbot, window, window.acts.step_epoch)
    trained = s.trainer.params_copy()
    click(qtbot, window, window.acts.reset)
    assert s.epoch == 0 and window.epoch_label.text() == "Epoch 0"
    window.acts.undo.trigger()
    assert s.epoch == 2
    for k, v in trained.items():
        assert torch.equal(s.trainer.params[k], v)
