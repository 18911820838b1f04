"""Edits never vanish: a value still being typed when Run starts lands first; the weights stay readable during
a run; adding or removing a hidden layer keeps the explicit values that still fit and says what it
re-initialised; every undo entry names its edit."""

from __future__ import annotations

import math

import pytest
import torch
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QLineEdit

from engine.core.init import init_params
from engine.core.spec import Init, Layer
from engine.io.presets import load_preset
from engine.training.trainer import Trainer

NOTEBOOK = {"w1": [[1.0, 1.0], [1.0, 1.0]], "b1": [1.0, 2.0], "w2": [[2.0], [1.0]], "b2": [1.0]}


def start_typing(qtbot, view, row, col, text) -> QLineEdit:
    """Open the cell's editor (F2) and type, without pressing Enter: the edit is still pending."""
    view.setFocus()
    view.setCurrentIndex(view.model().index(row, col))
    qtbot.keyClick(view, Qt.Key.Key_F2)
    editor = view.findChild(QLineEdit)
    assert editor is not None and editor.isVisible()
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    return editor


def shown(view, row, col) -> str:
    return view.model().index(row, col).data(Qt.ItemDataRole.DisplayRole)


@pytest.fixture
def win(make_window):
    w = make_window()
    assert w.panes.get("weights") is not None and w.panes.get("topology") is not None
    return w


def test_run_commits_the_value_being_typed_and_trains_from_it(qtbot, win):
    s, weights = win.session, win.panes.get("weights")
    start_typing(qtbot, weights.table("w1"), 0, 1, "0.25")
    with qtbot.waitSignal(s.snapshot, timeout=10000):
        win.acts.run.trigger()
    with qtbot.waitSignal(s.running_changed, timeout=10000):
        s.pause()
    assert weights.message("w1") == ""  # no "Pause training before editing" left behind
    assert win.acts.undo.text() == "&Undo Edit w1[0, 1]"
    ref = Trainer(*load_preset("notebook-xor"))
    ref.set_param("w1", torch.tensor([[1.0, 0.25], [1.0, 1.0]]))
    assert s.losses[0] == ref.step().loss  # epoch 1 started from the typed value
    win.acts.undo.trigger()  # the whole of w1 as it was before the edit
    assert shown(weights.table("w1"), 0, 1) == "1"


def test_weights_stay_readable_and_read_only_during_a_run(qtbot, win):
    s, weights = win.session, win.panes.get("weights")
    view = weights.table("w1")
    with qtbot.waitSignal(s.snapshot, timeout=10000):
        s.start_run()
    assert win.workspace.show_pane("weights")  # Run mode keeps it out of sight: View ▸ Weights brings it
    try:
        assert view.isEnabled()  # not greyed out
        assert weights.hint.text() == ("Training: the values are refreshed twice a second, a little behind the status "
                                       "bar. Pause to edit them.")
        assert not view.edit(view.model().index(0, 0), QAbstractItemView.EditTrigger.DoubleClicked, None)
        snap = s.last_snapshot
        qtbot.waitUntil(lambda: weights.model("w1").value(0, 0) != 1.0, timeout=10000)
    finally:
        with qtbot.waitSignal(s.running_changed, timeout=10000):
            s.pause()
    assert snap is not None
    assert shown(view, 0, 0) == "%.4g" % s.params["w1"][0, 0].item()
    assert weights.hint.text().startswith("Double-click a cell")


def test_adding_a_hidden_layer_keeps_the_notebooks_values_that_fit(qtbot, win):
    s, form = win.session, win.panes.get("topology")
    with qtbot.waitSignal(s.network_changed):
        qtbot.mouseClick(form.add_layer, Qt.MouseButton.LeftButton)
    assert [h.units for h in s.spec.hidden] == [2, 2]
    p = s.params
    assert p["w1"].tolist() == NOTEBOOK["w1"] and p["b1"].tolist() == NOTEBOOK["b1"]
    assert p["w3"].tolist() == NOTEBOOK["w2"] and p["b3"].tolist() == NOTEBOOK["b2"]  # the output layer
    xavier = init_params(s.spec.__class__(**{**s.spec.__dict__, "init": Init("xavier")}))
    assert torch.equal(p["w2"], xavier["w2"]) and torch.equal(p["b2"], xavier["b2"])
    assert form.layers_note.isVisible()
    assert form.layers_note.text() == ("Kept w1, b1, w3, b3. Re-initialised w2, b2 with Xavier (Glorot uniform) "
                                       "values, seed 0: their shapes changed.")
    assert win.acts.undo.text() == "&Undo Add hidden layer"
    weights = win.panes.get("weights")
    assert shown(weights.table("w3"), 0, 0) == "2"
    win.acts.undo.trigger()
    assert s.params["w2"].tolist() == NOTEBOOK["w2"] and len(s.spec.hidden) == 1
    assert not form.layers_note.isVisible()


def test_removing_a_hidden_layer_keeps_the_layers_around_it(qtbot, win):
    s, form = win.session, win.panes.get("topology")
    qtbot.mouseClick(form.add_layer, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(form._rows[1].remove, Qt.MouseButton.LeftButton)
    assert len(s.spec.hidden) == 1
    assert {k: v.tolist() for k, v in s.params.items()} == NOTEBOOK  # every value fits again
    assert not form.layers_note.isVisible()
    assert win.acts.undo.text() == "&Undo Remove hidden layer 2"
    # removing the first of two layers of different widths: only what no longer fits is re-initialised
    form._rows[0].units.setValue(3)
    assert win.acts.undo.text() == "&Undo Set units of hidden layer 1"
    qtbot.mouseClick(form.add_layer, Qt.MouseButton.LeftButton)  # 3, 3
    before = {k: v.clone() for k, v in s.params.items()}
    qtbot.mouseClick(form._rows[0].remove, Qt.MouseButton.LeftButton)  # the old layer 2 (3×3) becomes layer 1
    assert [h.units for h in s.spec.hidden] == [3]
    assert torch.equal(s.params["w2"], before["w3"]) and torch.equal(s.params["b1"], before["b2"])
    assert form.layers_note.text() == ("Kept b1, w2, b2. Re-initialised w1 with Xavier (Glorot uniform) "
                                       "values, seed 0: their shapes changed.")
    assert win.acts.undo.text() == "&Undo Remove hidden layer 1"


def test_undo_entries_name_the_edit(qtbot, win):
    s, form = win.session, win.panes.get("topology")
    form.lr.setText("0.5")
    form.lr.editingFinished.emit()
    assert s.spec.lr == 0.5
    assert win.acts.undo.text() == "&Undo Set learning rate"
    form._rows[0].act.setCurrentIndex(form._rows[0].act.findData("tanh"))
    assert win.acts.undo.text() == "&Undo Set activation of hidden layer 1"
    weights = win.panes.get("weights")
    view = weights.table("b1")
    start_typing(qtbot, view, 0, 1, "1e-3")
    qtbot.keyClick(view.findChild(QLineEdit), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.state() != QAbstractItemView.State.EditingState)  # committed (queued)
    assert math.isclose(s.params["b1"][1].item(), 1e-3, rel_tol=1e-6)
    assert win.acts.undo.text() == "&Undo Edit b1[1]"
    win.acts.undo.trigger()
    assert win.acts.undo.text() == "&Undo Set activation of hidden layer 1"
    assert win.acts.redo.text() == "&Redo Edit b1[1]"
    assert Layer(2, "tanh") == s.spec.hidden[0]


def test_enter_on_an_unchanged_cell_adds_no_undo_entry(qtbot, win):
    """Double-click (or F2) and Enter without typing: nothing changed, so no "Undo Edit w1[0, 1]" that undoes
    nothing and no unsaved change asked about on closing."""
    s, weights = win.session, win.panes.get("weights")
    view = weights.table("w1")
    editor = start_typing(qtbot, view, 0, 1, "1")  # the value it already has
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.state() != QAbstractItemView.State.EditingState)
    assert win.acts.undo.text() == "&Undo" and not win.acts.undo.isEnabled()
    assert not s.dirty
    assert weights.message("w1") == ""
    qtbot.waitUntil(lambda: view.findChild(QLineEdit) is None)  # (the closed editor is deleted later)
    editor = start_typing(qtbot, view, 0, 1, "1.5")  # a real change still lands
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.state() != QAbstractItemView.State.EditingState)
    assert win.acts.undo.text() == "&Undo Edit w1[0, 1]" and s.params["w1"][0, 1].item() == 1.5


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_the_note_on_re_initialised_parameters_is_in_sight_after_adding_a_layer(qtbot, make_window, lang):
    """At 1366×768 the note "Kept w1, b1, w3, b3. Re-initialised w2, b2 …" appeared under Add hidden layer,
    below the Network pane's fold: the learner who clicked the button did not see it."""
    from app.i18n import install_translator

    install_translator(None, lang)
    w = make_window()
    w.resize(1366, 768)
    qtbot.waitUntil(lambda: w.laid_out and w.width() == 1366)
    qtbot.wait(1)
    assert w.workspace.show_pane("topology")
    form = w.panes.get("topology")
    qtbot.mouseClick(form.add_layer, Qt.MouseButton.LeftButton)
    note = form.layers_note
    assert note.isVisible() and note.text()
    from PySide6.QtWidgets import QScrollArea

    viewport = form.findChild(QScrollArea).viewport()

    def in_sight() -> bool:
        top = note.mapTo(viewport, note.rect().topLeft()).y()
        return 0 <= top and top + note.height() <= viewport.height()

    qtbot.wait(1)  # (the form is laid out again for the new row)
    qtbot.waitUntil(in_sight)  # the whole note inside the pane, not below its fold


def test_run_commits_a_learning_rate_or_a_layer_size_being_typed_in_the_network_form(qtbot, win):
    """Typed into the Network form without Enter, then Run: the run trained with lr 0.01 while the field said
    0.5, and after the pause the form still showed 0.5 over a session at 0.01."""
    s, form = win.session, win.panes.get("topology")
    assert win.workspace.show_pane("topology")
    form.lr.setFocus()
    form.lr.selectAll()
    qtbot.keyClicks(form.lr, "0.5")
    units = form._rows[0].units
    units.lineEdit().selectAll()
    qtbot.keyClicks(units.lineEdit(), "3")  # (keyboard tracking off: the value lands on Enter or focus out)
    assert s.spec.lr == 0.01 and s.spec.hidden[0].units == 2
    with qtbot.waitSignal(s.snapshot, timeout=10000):
        win.acts.run.trigger()
    with qtbot.waitSignal(s.running_changed, timeout=10000):
        s.pause()
    assert s.spec.lr == 0.5 and s.spec.hidden[0].units == 3
    assert form.lr.text() == "0.5" and units.value() == 3


def test_run_keeps_a_wrong_value_being_typed_with_its_message(qtbot, win):
    s, form = win.session, win.panes.get("topology")
    assert win.workspace.show_pane("topology")
    form.lr.setFocus()
    form.lr.selectAll()
    qtbot.keyClicks(form.lr, "abc")
    with qtbot.waitSignal(s.snapshot, timeout=10000):
        win.acts.run.trigger()  # trains with the learning rate it has
    with qtbot.waitSignal(s.running_changed, timeout=10000):
        s.pause()
    assert s.spec.lr == 0.01 and form.lr.text() == "abc"
    assert 'must be a finite number, not "abc"' in form.error_text()
