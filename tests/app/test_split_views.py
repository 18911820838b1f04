"""The train/test split as the learner sees it (issue 12 item 2): the test fraction in the Data section, the
test loss and accuracy beside the training ones in the loss pane, hollow test points on the boundary, and the
health pane's word when the test loss rises while the training loss falls."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt

from app.state.session import Session
from app.views.boundary_plot import BoundaryPlot
from app.views.inspector.fixtures import visible_texts
from app.views.inspector.health_pane import HealthPane
from app.views.loss_plot import LossPlot
from app.views.topology_form import TopologyForm
from engine.io.presets import load_preset
from engine.training.trainer import Trainer


def split_session(preset="moons", fraction=0.3, seed=1, **changes) -> Session:
    spec, data = load_preset(preset)
    if changes:
        spec = spec.with_changes(**changes)
    return Session(Trainer(spec, data.with_split(fraction, seed)))


@pytest.fixture
def sessions(qtbot):
    made = []

    def make(*args, **kw):
        s = split_session(*args, **kw)
        made.append(s)
        return s

    yield make
    for s in made:
        s.stop_run()


def shown(qtbot, w, size):
    qtbot.addWidget(w)
    w.resize(*size)
    w.show()
    qtbot.waitExposed(w)
    return w


def legend_names(plot_item) -> list[str]:
    return [label.text for _sample, label in plot_item.legend.items]


# ----- the Data section ------------------------------------------------------------------------------------
def test_test_fraction_in_the_data_section_splits_the_data_and_undoes(qtbot, session):
    form = shown(qtbot, TopologyForm(session), (340, 900))
    assert form.test_fraction.value() == 0 and form.test_fraction.text() == "none"
    assert not form.split_seed.isVisible() and session.data.n_test == 0
    form.test_fraction.setValue(0.25)
    assert session.data.n_test == 1 and session.data.test_fraction == 0.25
    assert session.trainer.X.shape[0] == 3  # trains on the other three
    assert form.split_seed.isVisible()
    assert "3 points to train on; 1 held out for testing" in form.split_note.text()
    assert session.undo_stack.undoText() == "Set test split"
    form.split_seed.setValue(2)
    assert session.data.split_seed == 2
    session.undo_stack.undo()  # the seed and the fraction were one edit of the split (merged)
    assert session.data.n_test == 0 and form.test_fraction.value() == 0


def test_a_fraction_that_leaves_no_test_point_is_refused_in_place(qtbot, session):
    form = shown(qtbot, TopologyForm(session), (340, 900))
    data = session.data
    form.test_fraction.setValue(0.1)  # 0.4 of XOR's four points
    assert "no test point" in form.error_text("data")
    assert form._errors["data"].isVisible()
    assert session.data is data and session.data.n_test == 0  # nothing changed …
    assert form.test_fraction.value() == 0.1  # … and what the learner typed stays, to be fixed
    form.test_fraction.setValue(0.25)
    assert session.data.n_test == 1 and form.error_text("data") == ""


def test_new_data_from_a_generator_keeps_the_split(qtbot, session):
    form = shown(qtbot, TopologyForm(session), (340, 900))
    form.test_fraction.setValue(0.25)
    form.generator.setCurrentIndex(form.generator.findData("moons"))
    assert session.data.name == "moons" and session.data.n_test == 50


# ----- the loss pane -----------------------------------------------------------------------------------------
def test_loss_pane_draws_the_test_loss_and_accuracy_beside_the_training_ones(qtbot, sessions):
    s = sessions()
    plot = shown(qtbot, LossPlot(s), (640, 400))
    for _ in range(3):
        s.step_epoch()
    s.train_now(50)
    held = s.trainer.held_out
    x, y = plot.test.loss_curve.getOriginalDataset()
    assert list(x) == list(range(1, 54)) and np.array_equal(y, np.asarray(held.losses))
    assert np.array_equal(plot.test.acc_curve.getOriginalDataset()[1], np.asarray(held.accuracies))
    assert legend_names(plot.plot_widget.getPlotItem()) == ["training loss", "test loss"]
    assert legend_names(plot.acc_widget.getPlotItem()) == ["training accuracy", "test accuracy"]
    assert plot.acc_widget.getPlotItem().legend.isVisible()
    assert f"test loss {held.losses[-1]:.6g}" in plot.readout.text()
    assert f"test accuracy {held.accuracies[-1]:.1%}" in plot.readout.text()
    assert plot.minimumSizeHint().width() < 400  # the longer readout wraps; it never widens the window
    # the test loss is not the training loss
    assert not np.array_equal(y, plot.loss_curve.getOriginalDataset()[1])


def test_loss_pane_follows_the_test_loss_through_a_run_and_a_rewind(qtbot, sessions):
    s = sessions()
    plot = shown(qtbot, LossPlot(s), (640, 400))
    with qtbot.waitSignal(s.running_changed, timeout=20000, check_params_cb=lambda r: r is False):
        assert s.start_run(to_epoch=300)
    held = s.trainer.held_out
    assert len(held.losses) == 300
    assert np.array_equal(plot.test.loss_curve.getOriginalDataset()[1], np.asarray(held.losses))
    s.step_back()
    assert len(plot.test.loss_curve.getOriginalDataset()[1]) == 299


def test_no_test_curves_without_a_split(qtbot, session):
    plot = shown(qtbot, LossPlot(session), (640, 400))
    session.train_now(10)
    assert plot.test.loss_curve.getOriginalDataset()[1] is None
    assert legend_names(plot.plot_widget.getPlotItem()) == ["training loss"]
    assert not plot.acc_widget.getPlotItem().legend.isVisible()
    assert "test" not in plot.readout.text()


# ----- the decision boundary ---------------------------------------------------------------------------------
def test_test_points_are_drawn_hollow_and_named_in_the_legend(qtbot, sessions):
    s = sessions()
    plot = shown(qtbot, BoundaryPlot(s), (560, 640))
    data = s.data
    tx, ty = plot.test_scatter.getData()
    X = data.X.numpy()
    assert np.array_equal(tx, X[data.test_index.numpy(), 0]) and np.array_equal(ty, X[data.test_index.numpy(), 1])
    assert len(plot.scatter.getData()[0]) == 140 and len(tx) == 60
    for spot in plot.test_scatter.points():  # hollow: no fill, a ring in the point's class colour
        assert spot.brush().style() == Qt.BrushStyle.NoBrush
        assert spot.pen().color().alpha() == 255 and spot.pen().widthF() > 1
    for spot in plot.scatter.points():
        assert spot.brush().style() == Qt.BrushStyle.SolidPattern
    assert plot.legend.isVisible()
    assert "hollow: test points, held out from training (60 of 200;" in plot.legend.text()


def test_the_followed_sample_is_a_training_row(qtbot, sessions):
    s = sessions("notebook-xor", 0.25, 0)
    plot = shown(qtbot, BoundaryPlot(s), (560, 640))
    train = s.data.train_index.tolist()
    s.selection.set_sample(2)  # row 2 of the X the network trains on
    (mx,), (my,) = plot.marker.getData()
    assert [mx, my] == s.data.X[train[2]].tolist()


# ----- health ------------------------------------------------------------------------------------------------
def test_health_says_the_test_loss_rises_while_the_training_loss_falls(qtbot, sessions):
    s = sessions("notebook-xor", 0.25, 0, lr=1.0)  # three XOR points cannot teach the fourth
    s.train_now(1500)
    pane = shown(qtbot, HealthPane(s), (800, 400))
    with qtbot.waitSignal(pane.refreshed):
        qtbot.mouseClick(pane.refresh_button, Qt.MouseButton.LeftButton)
    line = next(t for t in visible_texts(pane) if t.startswith("▲ Test loss"))
    assert "the test loss rose from" in line and "while the training loss fell" in line
    assert "(overfitting)" in line and "its 3 training points" in line
    assert {r.code: r.level for r in pane.readings()}["test_loss"] == "warn"


# ----- the inspector -----------------------------------------------------------------------------------------
def test_inspector_shows_the_training_rows_only(qtbot, sessions):
    from app.views.inspector.equation import InspectorPane

    s = sessions("notebook-xor", 0.25, 0)
    pane = shown(qtbot, InspectorPane(s), (1200, 900))
    assert pane.sample_spin.maximum() == 2  # rows 0 … 2 of the three training points
    s.next_op()  # l1 = X @ w1 + b1 on the 3 training rows
    texts = " ".join(" ".join(t.split()) for t in visible_texts(pane))
    assert "(3×2)" in texts and "(4×2)" not in texts
    b1 = next(b for b in pane.blocks() if b.term.label.startswith("b1"))
    assert b1.canvas.values.shape[0] == 3  # the bias drawn broadcast over the 3 rows
    while s.current_step().name != "d_b2":  # … to d_b2, the batch sum over the same 3 rows
        s.next_op()
    texts = " ".join(" ".join(t.split()) for t in visible_texts(pane))
    assert "Σ over the 3 samples" in texts
