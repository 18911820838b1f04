"""Mini-batches in the app: the Network form's batch size, Step batch, the inspector's shapes with the
batch's rows, the batch's rows on the boundary plot, the loss of every step on the loss plot."""

from __future__ import annotations

import pytest

from app.state.session import Session
from engine.io.presets import load_preset
from engine.training.trainer import Trainer


@pytest.fixture
def spiral_window(qtbot):
    from app.shell.main_window import MainWindow

    spec, data = load_preset("spiral")
    session = Session(Trainer(spec, data))
    w = MainWindow(session, restore=False)
    w.confirm_close = False
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


def find_form(w):
    from app.views.topology_form import TopologyForm

    forms = w.findChildren(TopologyForm)
    assert forms, "the Network form is built"
    return forms[0]


def test_a_batch_of_32_on_the_spiral_shows_32_rows_in_the_inspector(spiral_window, qtbot):
    w = spiral_window
    s = w.session
    form = find_form(w)
    form.batch_size.setText("32")
    form.batch_size.editingFinished.emit()
    assert s.spec.batch_size == 32 and s.trainer.steps_per_epoch == 10  # 300 rows: 9 × 32 + 12
    assert form.error_text() == ""
    step_batch = w.registry.get("step_batch")
    assert step_batch.isVisible() and step_batch.isEnabled()
    step_batch.trigger()
    assert s.trace is not None and s.trace.batch == 0 and s.trainer.batch == 1
    # the inspector shows the first operation, l1 = X @ w1 + b1, with the batch's 32 rows in every shape
    from app.views.inspector.equation import InspectorPane

    pane = w.findChildren(InspectorPane)[0]
    qtbot.waitUntil(lambda: pane.plan() is not None)
    assert w.batch_actions.label.text() == "Batch 1 of 10 · 32 rows"
    rows = ", ".join(str(int(r)) for r in s.trace.rows)
    assert w.batch_actions.label.toolTip().endswith(": " + rows)
    seen = " ".join(t for t in _texts(pane)).replace("<br>", " ")  # (wrapped to the pane's width)
    assert "(32×2)" in seen and "(32×32)" in seen and "on each of the 32 rows" in seen, seen
    # the boundary plot rings the batch's rows
    from app.views.boundary_plot import BoundaryPlot

    plot = w.findChildren(BoundaryPlot)[0]
    assert plot.batch_rings.rows() == [int(r) for r in s.trace.rows] and len(plot.batch_rings.rows()) == 32
    assert len(plot.batch_rings.item.data) == 32
    # following the batch's row 5 rings that data point on the boundary plot, not the data set's row 5
    s.selection.set_sample(5)
    row = int(s.trace.rows[5])
    x, y = plot.points.marker.getData()
    assert (float(x[0]), float(y[0])) == (float(s.data.X[row, 0]), float(s.data.X[row, 1])) and row != 5


def _texts(pane) -> list[str]:
    """Every text the inspector pane draws in its labels (shapes in the captions)."""
    from PySide6.QtWidgets import QLabel

    return [lab.text() for lab in pane.findChildren(QLabel) if lab.isVisible()]


def test_step_epoch_finishes_the_epoch_and_step_back_goes_back_one_step(spiral_window):
    w = spiral_window
    s = w.session
    find_form(w).batch_size.setText("32")
    find_form(w).batch_size.editingFinished.emit()
    w.registry.get("step_batch").trigger()
    w.registry.get("step_batch").trigger()
    assert (s.trainer.epoch, s.trainer.batch) == (0, 2)
    w.acts.step_epoch.trigger()
    assert (s.trainer.epoch, s.trainer.batch) == (1, 0)
    assert s.trace.batch == 9 and len(s.trace.rows) == 12  # the epoch's last step, on the 12 rows left
    assert len(s.losses) == 1 and len(s.trainer.step_losses) == 10
    w.acts.step_back.trigger()
    assert (s.trainer.epoch, s.trainer.batch) == (0, 9) and len(s.losses) == 0
    # the loss plot draws every step's loss
    from app.views.loss_plot import LossPlot

    lp = w.findChildren(LossPlot)[0]
    w.acts.step_epoch.trigger()
    x, y = lp.steps.curve.getData()
    assert len(y) == 10 and x[-1] == pytest.approx(1.0) and lp.steps.check.isVisible()


def test_a_bad_batch_size_is_refused_where_it_was_typed(spiral_window):
    w = spiral_window
    form = find_form(w)
    form.batch_size.setText("0")
    form.batch_size.editingFinished.emit()
    assert w.session.spec.batch_size is None
    assert "out of range" in form.error_text("batch_size")
    assert not w.registry.get("step_batch").isVisible()


def test_run_to_an_epoch_from_inside_one_trains_the_same_as_the_engine(spiral_window, qtbot):
    w = spiral_window
    s = w.session
    find_form(w).batch_size.setText("32")
    find_form(w).batch_size.editingFinished.emit()
    w.registry.get("step_batch").trigger()  # one traced step: the run finishes this epoch, then 4 more
    assert (s.trainer.epoch, s.trainer.batch) == (0, 1)
    with qtbot.waitSignal(s.running_changed, timeout=10000, check_params_cb=lambda r: not r):
        assert s.start_run(to_epoch=5)
    assert (s.trainer.epoch, s.trainer.batch) == (5, 0) and len(s.losses) == 5
    ref = Trainer(s.spec, s.data)
    list(ref.train(5))
    assert list(ref.losses) == list(s.losses) and list(ref.step_losses) == list(s.trainer.step_losses)
    assert not w.batch_actions.label.text().startswith("Batches")  # the run is over: the next batch is named
    assert w.batch_actions.label.text() == "Next: batch 1 of 10"


class _NoTrainerForBatchActions(Session):
    """A Session whose `trainer` the batch actions (app/shell/batch_actions.py) may not read."""

    @property
    def trainer(self):
        import sys

        caller = sys._getframe(1).f_globals.get("__name__", "")
        if caller == "app.shell.batch_actions":
            raise AssertionError("app.shell.batch_actions reads session.trainer")
        return self._trainer

    @trainer.setter
    def trainer(self, value):
        self._trainer = value


def test_the_batch_label_reads_the_sessions_public_api_only(qtbot):
    """Step batch and its label answer from the Session (steps_per_epoch, batches_done, the trace) and never
    reach into its trainer, as views and the shell do."""
    from app.shell.main_window import MainWindow

    spec, data = load_preset("spiral")
    session = _NoTrainerForBatchActions(Trainer(spec.with_changes(batch_size=32), data))
    w = MainWindow(session, restore=False)
    w.confirm_close = False
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    label = w.batch_actions.label
    assert session.steps_per_epoch == 10 and session.batches_done == 0
    assert label.text() == "Next: batch 1 of 10"
    w.registry.get("step_batch").trigger()
    assert label.text() == "Batch 1 of 10 · 32 rows" and session.batches_done == 1
    w.registry.get("step_batch").trigger()
    assert label.text() == "Batch 2 of 10 · 32 rows"
