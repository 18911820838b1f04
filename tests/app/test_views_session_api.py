"""Views read only the Session's public API: the loss plot, the training health, the inspector, the operations
list and the run view never reach into `session.trainer` (issue 11 item 7), and show the same as before:
the accuracy of epochs trained on the fast path, the health readings of the epoch in progress, the first
operation of the next epoch before any step."""

from __future__ import annotations

import math
import sys

import pytest

from app.state.session import Session
from app.views.inspector.equation import InspectorPane
from app.views.inspector.fixtures import notebook_xor_trainer, plain, visible_texts
from app.views.inspector.health_pane import HealthPane
from app.views.inspector.timeline import TimelinePane
from app.views.loss_plot import LossPlot
from app.views.run_view import RunView


class GuardedSession(Session):
    """A Session whose `trainer` may be read by app/state (the session itself) but not by a view."""

    reads_by_views: list[str] = []

    @property
    def trainer(self):
        caller = sys._getframe(1).f_globals.get("__name__", "")
        if caller.startswith("app.views"):
            GuardedSession.reads_by_views.append(caller)
            raise AssertionError(f"{caller} reads session.trainer")
        return self._trainer

    @trainer.setter
    def trainer(self, value):
        self._trainer = value


@pytest.fixture
def session():
    GuardedSession.reads_by_views = []
    s = GuardedSession(notebook_xor_trainer())
    yield s
    assert GuardedSession.reads_by_views == []


def _show(qtbot, widget, size=(700, 500)):
    qtbot.addWidget(widget)
    widget.resize(*size)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_the_inspector_shows_the_next_epochs_first_operation_from_the_session(qtbot, session):
    insp = _show(qtbot, InspectorPane(session), (1100, 800))
    assert insp.is_previewing()
    assert insp.formula.text() == "l1 = X @ w1 + b1"
    assert "epoch 1 · operation 1 of 17" in plain(insp.header.text())
    assert session.preview() is session.preview()  # computed once for these parameters
    assert session.preview().epoch == 1 and session.epoch == 0  # nothing was trained by looking
    session.step_epoch()
    session.step_back()  # back at epoch 0 with no trace: the preview again, of the same numbers
    assert insp.is_previewing() and insp.formula.text() == "l1 = X @ w1 + b1"
    session.next_op()  # Next steps into exactly what was previewed
    assert not insp.is_previewing() and session.trace.epoch == 1 and session.position == 0


def test_the_preview_follows_an_edit_of_the_weights(qtbot, session):
    import torch

    from app.state.commands import SetParamCommand

    insp = _show(qtbot, InspectorPane(session), (1100, 800))
    before = session.preview()
    l1 = before.steps[0].result.clone()
    old = session.params["w1"].clone()
    w1 = old.clone()
    w1[0, 0] += 1.0
    assert session.try_push(SetParamCommand(session, "w1", old, w1)) is None
    after = session.preview()
    assert after is not before and not torch.equal(after.steps[0].result, l1)
    shown = insp.blocks()[0].canvas  # the result matrix drawn: the new l1
    assert insp.is_previewing() and shown.isVisible()


def test_the_health_pane_reads_the_session(qtbot, session):
    pane = _show(qtbot, HealthPane(session), (500, 500))
    qtbot.waitUntil(lambda: bool(pane.texts()))
    titles = [r.code for r in pane.readings()]
    assert titles[0] == "start_loss" and "update_ratio" in titles
    assert any("chance" in t for t in pane.texts())
    for _ in range(6):  # inside epoch 1's backward pass: the readings of that epoch in progress
        session.next_op()
    with qtbot.waitSignal(pane.refreshed, timeout=5000):
        pane.refresh()
    assert [r.code for r in pane.readings()] == titles
    assert pane.texts() == [t for t in pane.texts() if t]


def test_the_loss_plot_gets_the_accuracy_of_fast_path_epochs_from_the_session(qtbot, session):
    plot = _show(qtbot, LossPlot(session), (600, 400))
    assert session.start_run(300)
    qtbot.waitUntil(lambda: not session.running, timeout=20_000)
    session.rewind(150)  # an epoch between two snapshots of the run: no accuracy was recorded for it
    assert session.epoch == 150 and math.isnan(session.accuracies[-1])
    acc = session.accuracy_now()  # the engine's, for the parameters now
    assert acc is not None and 0.0 <= acc <= 1.0
    assert plain(plot.readout.text()) == f"epoch 150 · loss {session.losses[-1]:.6g} · accuracy {acc:.1%}"


def test_the_run_view_reads_the_session_when_idle(qtbot, session):
    view = _show(qtbot, RunView(session), (700, 500))
    w1 = session.params["w1"]
    assert view.images["w1"].image.shape == tuple(w1.shape)
    assert view.headline.text().startswith("Epoch 0")
    session.step_epoch()
    assert view.headline.text().startswith("Epoch 1 · loss ")


def test_the_operations_list_reads_the_session(qtbot, session):
    tl = _show(qtbot, TimelinePane(session), (380, 640))
    insp = _show(qtbot, InspectorPane(session), (1100, 800))
    assert tl.item_for(0).text(0) == "l1 = X @ w1 + b1" and tl.item_for(0).font(0).bold()
    session.next_op()
    assert "l1 = X @ w1 + b1" in visible_texts(insp)
    assert plain(tl.title.text()) == "Epoch 1: operation 1 of 17 (in progress)"


def test_the_diagram_reads_the_session(qtbot, session):
    """Its unit pictures' key, its edges' key and the followed sample's inputs come from the Session."""
    from app.views.inspector.diagram import DiagramPane
    from app.views.inspector.diagram_values import sample_activations

    pane = _show(qtbot, DiagramPane(session), (700, 420))
    session.step_epoch()  # an epoch recorded: edges, badges and pictures redrawn from it
    session.set_position(0)
    pane._draw_pictures()  # (drawn when shown and the parameters changed: here, at once)
    acts = sample_activations(session, 1, ["X", "a1", "y_pred"])
    assert acts is not None and acts[0].tolist() == session.inputs[1].double().tolist()


def test_the_classification_panel_reads_the_session(qtbot):
    """Digits: the confusion matrix counts the session's parameters, and d_w1 of the next epoch comes from
    the session's preview (nothing trained)."""
    import numpy as np

    from app.views.classify.panel import NonPlanarPanel
    from engine.io.presets import load_preset
    from engine.training.trainer import Trainer

    GuardedSession.reads_by_views = []
    session = GuardedSession(Trainer(*load_preset("digits")))
    panel = _show(qtbot, NonPlanarPanel(session), (600, 600))
    assert "of 1797 right" in panel.summary.text()
    panel.units_box.setCurrentIndex(panel.units_box.findData("d_w1"))
    expected = session.preview().grads["d_w1"].double().numpy()
    assert panel.units.name == "d_w1" and np.array_equal(panel.units.values, expected)
    assert session.epoch == 0
    assert GuardedSession.reads_by_views == []


def test_practice_and_export_work_on_copies_of_the_sessions_trainer(qtbot, session):
    """Practice's template, check, training and reference curve, and the export's script, get a copy
    (Session.trainer_copy), never the session's own trainer; the session is left as it was."""
    from app.views.export_dialog import ExportDialog
    from app.views.practice.pane import PracticePane

    before = {k: v.clone() for k, v in session.params.items()}
    pane = _show(qtbot, PracticePane(session), (1200, 700))
    assert "d_loss" in pane.code()  # the template, written for this network
    with qtbot.waitSignal(pane.finished, timeout=40_000):
        assert pane.train(5) is None  # the learner's code (the template) and the engine's reference curve
    dialog = ExportDialog(session)
    qtbot.addWidget(dialog)
    assert "import torch" in dialog.preview.toPlainText()
    pane.shutdown()
    assert session.epoch == 0 and all(session.params[k].equal(v) for k, v in before.items())
