"""The main window's shell: panes, menus, shortcuts, undo/redo of edits, layout in QSettings."""

from __future__ import annotations

import dataclasses

import torch
from PySide6.QtCore import Qt

from app import panes, settings
from app.state.commands import SetParamCommand, SetSpecCommand
from engine.core.spec import Init, Layer


def test_window_shows_the_panes_that_exist(window):
    built = {name: where for name, _t, where, _a in panes.PANES if panes.load(where) is not None}
    assert set(window.panes) == set(built)
    for name, where in built.items():  # each one built, not the "could not be built" placeholder
        assert type(window.panes[name]).__name__ == where.split(":")[1]
    for name, dock in window.docks.items():
        assert dock.widget() is window.panes[name]
        assert dock.toggleViewAction() in window.menus.view.actions()
    assert window.center is window.panes["inspector"]  # Step mode: the inspector has the centre
    assert window.windowTitle() == "notebook-xor[*] — Backprop Tutor"
    assert not window.banner.isVisible()
    assert window.op_label.text() == "Epoch 0 · Next operation (F11) starts epoch 1; Step epoch (F10) runs it whole"


def test_view_menu_toggles_a_pane(qtbot, window):
    name, dock = next(iter(window.docks.items()))
    dock.toggleViewAction().trigger()
    assert not dock.isVisible()
    dock.toggleViewAction().trigger()
    assert dock.isVisible()


def test_toolbar_tooltips_name_the_shortcuts(window):
    tip = window.acts.step_epoch.toolTip()
    assert "Step epoch (F10)" in tip
    assert "Run (Space, F5)" in window.acts.run.toolTip()


def test_help_lists_the_keyboard_shortcuts(qtbot, window):
    dlg = window.show_shortcuts()
    qtbot.waitExposed(dlg)
    t = dlg.table
    rows = {t.item(r, 0).text(): t.item(r, 1).text() for r in range(t.rowCount())}
    assert rows["Step epoch"] == "F10"
    assert rows["Next operation"].startswith("F11")
    assert rows["Previous operation"].startswith("Shift+F11")
    assert rows["Step back an epoch"] == "Shift+F10"
    assert rows["Run / Pause"] == "Space, F5"
    assert rows["Undo"] == "Ctrl+Z" and rows["Redo"] == "Ctrl+Shift+Z, Ctrl+Y"
    dlg.close()


def test_about_goes_through_ask(window, asked):
    window.acts.about.trigger()
    assert asked.kinds() == ["about"]


def test_parameter_edit_undo_redo(qtbot, window):
    s = window.session
    old = s.trainer.params["w2"].clone()
    new = torch.tensor([[0.5], [-3.0]])
    assert s.try_push(SetParamCommand(s, "w2", old, new)) is None
    assert torch.equal(s.trainer.params["w2"], new)
    assert window.acts.undo.isEnabled() and window.acts.undo.text() == "&Undo Edit w2"
    assert window.isWindowModified()
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert torch.equal(s.trainer.params["w2"], old)
    assert not window.isWindowModified()
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert torch.equal(s.trainer.params["w2"], new)


def test_a_refused_edit_returns_the_engines_message_and_is_not_pushed(window):
    s = window.session
    before = s.trainer.params["b1"].clone()
    err = s.try_push(SetParamCommand(s, "b1", before, torch.tensor([float("nan"), 1.0])))
    assert err == "values must be finite numbers"
    assert s.undo_stack.count() == 0 and torch.equal(s.trainer.params["b1"], before)
    err = s.try_push(SetSpecCommand(s, dataclasses.replace(s.spec, inputs=3, init=Init("xavier"))))
    assert err == "the data has 2 features, so use 2 inputs"
    params = {**s.trainer.params_copy(), "w1": torch.zeros(3, 3)}
    assert s.try_push(SetSpecCommand(s, s.spec, params=params)).startswith("shape (3, 3) does not match")
    assert s.undo_stack.count() == 0 and torch.equal(s.trainer.params["b1"], before)


def test_a_spin_box_drag_is_one_undo_step(window):
    s = window.session
    lr0 = s.spec.lr
    for lr in (0.02, 0.03, 0.04):
        spec = s.spec.with_changes(lr=lr)
        assert s.try_push(SetSpecCommand(s, spec, params=s.trainer.params_copy(), merge_key="lr")) is None
    assert s.undo_stack.count() == 1 and s.spec.lr == 0.04
    s.undo_stack.undo()
    assert s.spec.lr == lr0


def test_spec_undo_brings_back_the_trained_network(window):
    s = window.session
    for _ in range(3):
        s.step_epoch()
    trained = s.trainer
    spec = s.spec.with_changes(hidden=[Layer(3, "tanh")], init=Init("xavier"))
    assert s.try_push(SetSpecCommand(s, spec)) is None
    assert s.epoch == 0 and s.trainer.params["w1"].shape == (2, 3)
    window.acts.undo.trigger()
    assert s.trainer is trained and s.epoch == 3


def test_layout_and_language_are_remembered(qtbot, make_window):
    w = make_window(restore=True)
    qtbot.waitUntil(lambda: w.laid_out)
    w.workspace.set_mode("run")
    dock = w.docks["boundary"]
    assert dock.isVisible()
    dock.hide()
    w.language.actions["ko"].trigger()
    assert settings.language() == "ko"
    w.close()
    st = settings.settings()
    assert not st.value("window/geometry").isEmpty()
    assert not st.value("workspace/run").isEmpty() and st.value("workspace/mode") == "run"
    w2 = make_window(restore=True)
    qtbot.waitUntil(lambda: w2.laid_out)
    assert w2.workspace.mode == "run" and w2.mode_actions["run"].isChecked()
    qtbot.waitUntil(lambda: not w2.docks["boundary"].isVisible())  # the mode as it was left
    assert w2.language.actions["ko"].isChecked()


def test_add_and_remove_point_commands(window):
    from app.state.commands import AddPointCommand, RemovePointCommand

    s = window.session
    s.step_epoch()
    trained, n = s.trainer, s.data.n_samples
    assert s.try_push(AddPointCommand(s, (0.5, 0.5), 1)) is None
    assert s.data.n_samples == n + 1 and s.data.X[-1].tolist() == [0.5, 0.5] and int(s.data.y[-1]) == 1
    for k, v in trained.params.items():  # the network keeps its parameters
        assert torch.equal(s.trainer.params[k], v)
    assert window.acts.undo.text() == "&Undo Add point"
    window.acts.undo.trigger()
    assert s.trainer is trained and s.data.n_samples == n and s.epoch == 1
    err = s.try_push(RemovePointCommand(s, 99))
    assert err == "99 is not a point; use 0 to 3" and s.undo_stack.count() == 1  # only the undone add
    assert s.try_push(RemovePointCommand(s, 0)) is None and s.data.n_samples == n - 1
