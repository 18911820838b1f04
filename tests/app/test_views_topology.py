"""The topology form as the learner uses it: layers, loss and output, training numbers, data, CSV, undo."""

from __future__ import annotations

import pytest
import torch
from PySide6.QtCore import Qt

from app.state.session import Session
from app.views.topology_form import TopologyForm
from app.views.weights_editor import WeightsEditor
from engine.io.presets import load_preset
from engine.training.trainer import Trainer


@pytest.fixture
def session(qtbot):
    s = Session(Trainer(*load_preset("notebook-xor")))
    yield s
    s.stop_run()


@pytest.fixture
def form(qtbot, session):
    w = TopologyForm(session)
    qtbot.addWidget(w)
    w.resize(340, 800)
    w.show()
    qtbot.waitExposed(w)
    return w


def choose(combo, key):
    combo.setCurrentIndex(combo.findData(key))


def type_line(qtbot, edit, text):
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)


def test_form_shows_the_session(form, session):
    assert form.inputs.text().startswith("2 (from the data")
    assert len(form._rows) == 1 and form._rows[0].units.value() == 2
    assert form.out_act.currentData() == "sigmoid" and form.loss.currentData() == "bce"
    assert form.lr.text() == "0.01"
    assert form.outputs.text().startswith("1")
    assert form.init_kind.currentData() == "explicit"


def test_adding_a_hidden_layer_rebuilds_the_network_and_the_weight_tables(qtbot, form, session):
    editor = WeightsEditor(session)
    qtbot.addWidget(editor)
    with qtbot.waitSignal(session.network_changed):
        qtbot.mouseClick(form.add_layer, Qt.MouseButton.LeftButton)
    assert [h.units for h in session.spec.hidden] == [2, 2]
    assert session.trainer.params["w2"].shape == (2, 2)
    assert editor.names() == ["w1", "b1", "w2", "b2", "w3", "b3"]
    assert editor.caption("w3") == "w3 (2×1): rows = units of hidden layer 2, columns = output units"
    assert len(form._rows) == 2
    # the notebook's explicit values that still fit are kept; w2 and b2 start from Xavier values
    assert session.spec.init.kind == "explicit"
    assert session.params["w3"].tolist() == [[2.0], [1.0]] and session.params["w1"].tolist() == [[1.0, 1.0]] * 2
    # units of the new layer, then remove it again; Undo walks back
    form._rows[1].units.setValue(5)
    assert session.spec.hidden[1].units == 5
    assert editor.table("w3").model().rowCount() == 5
    qtbot.mouseClick(form._rows[0].remove, Qt.MouseButton.LeftButton)
    assert [h.units for h in session.spec.hidden] == [5]
    session.undo_stack.undo()
    assert [h.units for h in session.spec.hidden] == [2, 5]
    assert len(form._rows) == 2 and form._rows[1].units.value() == 5
    session.undo_stack.undo()
    session.undo_stack.undo()
    assert [h.units for h in session.spec.hidden] == [2]
    assert editor.names() == ["w1", "b1", "w2", "b2"]
    assert session.trainer.params["w1"].tolist() == [[1.0, 1.0], [1.0, 1.0]]


def test_bce_with_softmax_output_is_refused_in_place_and_the_old_network_keeps_running(form, session):
    old = session.spec
    choose(form.out_act, "softmax")  # loss is still binary cross-entropy
    msg = form.error_text("output")
    assert "binary cross-entropy needs a sigmoid output, not softmax" in msg
    assert form._errors["output"].isVisible()
    assert session.spec is old and session.undo_stack.count() == 0
    assert form.out_act.currentData() == "softmax"  # what the learner chose stays, to be fixed
    session.step_epoch()  # the last valid network still trains
    assert session.epoch == 1
    choose(form.loss, "softmax_ce")  # the second half of the fix: now valid
    assert form.error_text() == ""
    spec = session.spec
    assert (spec.output_activation, spec.loss, spec.outputs) == ("softmax", "softmax_ce", 2)
    assert form.outputs.text().startswith("2")


@pytest.mark.parametrize("text, words", [
    ("abc", 'must be a finite number, not "abc"'),
    ("0", "must be greater than 0"),
    ("-1e-3", "must be greater than 0"),
])
def test_bad_learning_rate_shows_the_engines_message(qtbot, form, session, text, words):
    old = session.spec
    type_line(qtbot, form.lr, text)
    assert words in form.error_text("lr")
    assert session.spec is old
    type_line(qtbot, form.lr, "1e-3")
    assert session.spec.lr == 0.001
    assert form.error_text("lr") == ""


def test_new_learning_rate_keeps_the_current_weights(qtbot, form, session):
    session.step_epoch()
    before = {k: v.clone() for k, v in session.trainer.params.items()}
    type_line(qtbot, form.lr, "0.5")
    assert session.spec.lr == 0.5
    assert all(torch.equal(before[k], session.trainer.params[k]) for k in before)


def test_momentum_one_is_refused(qtbot, form, session):
    type_line(qtbot, form.momentum, "1")
    assert "momentum 1.0 must be at least 0 and below 1" in form.error_text("momentum")
    assert session.spec.momentum == 0


def test_reinitialise_starts_again_from_the_seed(qtbot, form, session):
    choose(form.init_kind, "xavier")
    start = {k: v.clone() for k, v in session.trainer.params.items()}
    for _ in range(3):
        session.step_epoch()
    assert session.epoch == 3
    qtbot.mouseClick(form.reinit, Qt.MouseButton.LeftButton)
    assert session.epoch == 0
    assert all(torch.equal(start[k], session.trainer.params[k]) for k in start)
    form.init_seed.setValue(7)  # another seed, other numbers
    assert session.spec.seed == 7
    assert not torch.equal(start["w1"], session.trainer.params["w1"])


def test_uniform_range_fields_and_their_message(qtbot, form, session):
    choose(form.init_kind, "uniform")
    assert form.init_a.isVisible() and form.init_b.isVisible() and not form.init_value.isVisible()
    type_line(qtbot, form.init_a, "2")  # a=2 > b=1
    assert "uniform(a, b) needs a < b" in form.error_text("init")
    type_line(qtbot, form.init_a, "-0.5")
    assert session.spec.init.kind == "uniform" and session.spec.init.low == -0.5


def test_choosing_a_generator_fits_the_network_to_the_task(form, session):
    choose(form.generator, "spiral")
    assert session.data.task == "multiclass" and session.data.n_samples == 300
    spec = session.spec
    assert (spec.output_activation, spec.loss, spec.outputs) == ("softmax", "softmax_ce", 3)
    assert form.classes.isVisible()
    form.classes.setValue(4)
    assert session.data.n_classes == 4 and session.spec.outputs == 4
    choose(form.generator, "sine")
    assert session.spec.inputs == 1 and session.spec.loss == "mse"
    assert not form.classes.isVisible()
    form.n.setValue(40)
    assert session.data.n_samples == 40


def test_import_csv_through_the_dialog_layer(qtbot, form, session, asked, tmp_path):
    path = tmp_path / "points.csv"
    path.write_text("a,b,c,label\n0,0,1,0\n1,0,0,1\n0,1,1,1\n1,1,0,0\n")
    asked.answers["open"] = str(path)
    qtbot.mouseClick(form.import_csv, Qt.MouseButton.LeftButton)
    assert asked.kinds()[-1] == "open"
    assert session.data.n_features == 3 and session.spec.inputs == 3
    assert form.generator.currentText() == "CSV: points" and form.generator.currentData() is None
    assert not form.n.isEnabled()


def test_a_bad_csv_is_explained_and_changes_nothing(qtbot, form, session, asked, tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("x\n1\n2\n")
    asked.answers["open"] = str(path)
    data = session.data
    qtbot.mouseClick(form.import_csv, Qt.MouseButton.LeftButton)
    assert "only 1 column" in form.error_text("data")
    assert session.data is data


def test_a_spin_box_drag_is_one_undo_step(form, session):
    spin = form._rows[0].units
    for _ in range(3):
        spin.stepUp()  # what holding the arrow (or dragging) does: one valueChanged per step
    assert session.spec.hidden[0].units == 5
    assert session.undo_stack.count() == 1
    session.undo_stack.undo()
    assert session.spec.hidden[0].units == 2 and form._rows[0].units.value() == 2


def test_the_form_is_read_only_while_training_runs(qtbot, session, form):
    with qtbot.waitSignal(session.running_changed):
        session.start_run()
    assert not form.lr.isEnabled() and not form.add_layer.isEnabled()
    with qtbot.waitSignal(session.running_changed):
        session.pause()
    assert form.lr.isEnabled()
