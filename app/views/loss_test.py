"""The test set's curves in the loss pane (issue 12 item 2): with a train/test split, the loss on the held-out
points beside the training loss, and their accuracy beside the training accuracy, dashed in the palette's
"test" colour, each named in its plot's legend. Without a test set nothing of this is drawn.

Where the numbers come from: `session.test_losses` / `session.test_accuracies` (None without a test set),
which, like `session.losses`, are always safe to read (during a run a GUI-side copy fed from the snapshots).
"""

from __future__ import annotations

import math

import numpy as np

from app import palette
from app.i18n import tr
from app.views.loss_series import EpochAxis, Series, fast_curve
from app.views.plot_style import series_pen


class TestCurves:
    """The test loss on `loss_item`, the test accuracy on `acc_item` (pyqtgraph PlotItems with legends);
    `acc_curve` is the training accuracy curve, named in the accuracy legend while a test curve is beside it."""

    __test__ = False  # (not a pytest test class, whatever its name)

    def __init__(self, loss_item, acc_item, acc_curve):
        t = palette.current()
        self._loss_item, self._acc_item, self._train_acc = loss_item, acc_item, acc_curve
        self.loss_curve = fast_curve(loss_item, pen=series_pen(t, "test", dash=True))
        self.acc_curve = fast_curve(acc_item, pen=series_pen(t, "test", dash=True))
        self.loss = Series()
        self.acc = Series()
        self._x = EpochAxis()
        self.shown = False

    def apply_theme(self, t: palette.Colours) -> None:
        for c in (self.loss_curve, self.acc_curve):
            c.setPen(series_pen(t, "test", dash=True))

    def sync(self, session) -> np.ndarray:
        """Mirror the session's test history; returns the test losses new since the last call (for the
        run-mode y range)."""
        losses, accs = session.test_losses, session.test_accuracies
        self._show(losses is not None)
        if losses is None:
            return np.empty(0)
        before = self.loss.n
        if self.loss.sync(losses):
            self.loss_curve.setData(self._x.first(self.loss.n), self.loss.view())
        if accs is not None and session.data.task != "regression" and self.acc.sync(accs):
            self.acc_curve.setData(self._x.first(self.acc.n), self.acc.view())
        n = self.loss.n
        return self.loss.buf[before:n] if n >= before else self.loss.view()

    def at(self, epoch: int) -> tuple[float, float]:
        """(test loss, test accuracy) of an epoch, NaN where unknown."""
        loss = self.loss.buf[epoch - 1] if 0 < epoch <= self.loss.n else math.nan
        acc = self.acc.buf[epoch - 1] if 0 < epoch <= self.acc.n else math.nan
        return float(loss), float(acc)

    def _show(self, on: bool) -> None:
        if on == self.shown:
            return
        self.shown = on
        legends = (self._loss_item.legend, self._acc_item.legend)
        if on:
            legends[0].addItem(self.loss_curve, tr("test loss"))
            legends[1].addItem(self._train_acc, tr("training accuracy"))
            legends[1].addItem(self.acc_curve, tr("test accuracy"))
        else:
            legends[0].removeItem(self.loss_curve)
            legends[1].removeItem(self._train_acc)
            legends[1].removeItem(self.acc_curve)
            for s, c in ((self.loss, self.loss_curve), (self.acc, self.acc_curve)):
                s.clear()
                c.setData([], [])
        legends[1].setVisible(on)
