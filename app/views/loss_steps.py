"""The loss of every mini-batch step on the loss plot, beside the loss of every epoch.

With mini-batches (the network's batch size) an epoch is S steps, each with its own loss on its own rows:
noisier than the epoch's loss, which is their mean over the epoch's samples (engine/core/batches.py). The
"per step" box shows them as a thin curve, step j of epoch e at x = e − 1 + j/S (the last step of an epoch
at e, where the epoch's own point is). The steps' losses live in the trainer, which belongs to the training
worker during a run: the curve is drawn when idle and waits for the run to stop.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtWidgets import QCheckBox

from app import palette
from app.i18n import tr
from app.views.loss_series import fast_curve
from app.views.plot_style import series_pen


class StepLosses:
    def __init__(self, plot, session):
        self.session = session
        pi = plot.plot_widget.getPlotItem()
        self.curve = fast_curve(pi, pen=series_pen(palette.current(), "loss", 1), autoDownsampleFactor=5.0)
        self.curve.setOpacity(0.55)
        self.curve.setZValue(-1)
        self.check = QCheckBox(tr("per step"))
        self.check.setToolTip(tr("With mini-batches: the loss of every step (its batch's), beside the loss of "
                                 "every epoch"))
        self.check.setChecked(True)
        self.check.toggled.connect(lambda _on: self.refresh())
        for sig in (session.history_changed, session.network_changed):
            sig.connect(self.refresh)
        session.running_changed.connect(lambda _r: self.refresh())
        self.refresh()

    def data(self) -> tuple[np.ndarray, np.ndarray]:
        """(x, loss) of every step logged: x in epochs."""
        return self.session.step_losses()

    def refresh(self) -> None:
        batched = self.session.steps_per_epoch > 1
        self.check.setVisible(batched)
        show = batched and self.check.isChecked()
        self.curve.setVisible(show)
        if self.session.running:
            return  # what is drawn stays; the trainer belongs to the training worker until the run stops
        x, y = self.data() if show else (np.empty(0), np.empty(0))
        self.curve.setData(x, y)
