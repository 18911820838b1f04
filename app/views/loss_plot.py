"""The loss plot: the loss of every epoch, the accuracy below it (classification), the current epoch marked.

One PlotDataItem per curve, updated with setData; peak downsampling and clip-to-view keep it smooth at
10⁶ points. With a train/test split the test loss and accuracy are drawn beside them (app/views/loss_test.py).

Where the numbers come from (thread safety): always `session.losses`. When idle that is the trainer's own
array('d'); during a run it is the session's GUI-side copy, fed from the worker's chunks on the GUI thread,
so reading it never races the worker. The plot mirrors it into its own buffer, copying only the new tail
(app/views/loss_series.py). Accuracy comes from `session.accuracies` when idle (traced epochs) and
from each snapshot's accuracy during a run.

Public API:
    plot_widget                 the loss PlotWidget (Export as PNG uses it); its y title ("loss", "loss
                                (log scale)") is the plot's title row, level (plot_style.axis_title), as is
                                accuracy's
    acc_widget                  the accuracy PlotWidget (x-linked, hidden for regression)
    loss_curve, acc_curve       the PlotDataItems
    test                        the test set's curves (test.loss_curve, test.acc_curve; loss_test.py)
    epoch_line                  the line at the current epoch (value(): the epoch; app/views/epoch_line.py)
    log_y                       QCheckBox "log y"
    set_log_y(on)
    loss_data() -> np.ndarray   the losses drawn (a view of the plot's buffer)

Run mode (speed: the GUI thread shares the GIL with the training worker, so every millisecond it spends here
is taken from training): each snapshot appends the new losses and one accuracy point and calls setData; the
axes follow with as few changes as possible (app/views/loss_ranges.py).

Run on its own: `python -m app.views.loss_plot [preset] [epochs]`.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app import palette
from app.i18n import tr
from app.views.epoch_line import EpochLine
from app.views.held_label import HeldLabel
from app.views.loss_ranges import RunRanges, nice_ceiling  # noqa: F401 (nice_ceiling: was defined here)
from app.views.loss_series import EpochAxis, Series, cache_axes, fast_curve
from app.views.loss_test import TestCurves
from app.views.loss_steps import StepLosses
from app.views.plot_style import LogAxis, axis_title, series_pen, style_plot
from app.state.throttle import Throttle

_Series = Series  # (the name it had here)
# the curves' colours come from app/palette.py (a light and a dark set): see _apply_theme
# during a run the loss curve follows every snapshot, the accuracy plot less often and the readout each
# session.run_frame (in step with the status bar)
RUN_ACCURACY_PER_SECOND = 5


class LossPlot(QWidget):
    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self._loss = Series()
        self._x = EpochAxis()
        self._acc: dict[int, float] = {}  # epoch -> accuracy (traced epochs and run snapshots)
        self._acc_dirty = True
        self._acc_e = np.empty(256)  # during a run: the accuracy curve's points, appended per snapshot
        self._acc_v = np.empty(256)
        self._acc_n = 0
        self._acc_throttle = Throttle(RUN_ACCURACY_PER_SECOND)

        t = palette.current()
        self.plot_widget = pg.PlotWidget(axisItems={"left": LogAxis(orientation="left")})
        pi = self.plot_widget.getPlotItem()
        pi.showGrid(x=True, y=True, alpha=0.25)
        axis_title(pi, tr("loss"))  # horizontal, above the plot: a rotated Korean title lies on its side
        pi.setLabel("bottom", tr("epoch"))
        pi.setMenuEnabled(False)
        pi.addLegend(offset=(-10, 10))
        self.loss_curve = fast_curve(pi, name=tr("training loss"), pen=series_pen(t, "loss"))
        self.epoch_line = EpochLine(pi.getViewBox(), series_pen(t, "epoch", 1, True))  # (app/views/epoch_line.py)
        self._ranges = RunRanges(pi.getViewBox())

        self.acc_widget = pg.PlotWidget()
        ai = self.acc_widget.getPlotItem()
        ai.showGrid(x=True, y=True, alpha=0.25)
        axis_title(ai, tr("accuracy"))
        ai.setMenuEnabled(False)
        ai.setYRange(-0.15, 1.15, padding=0)  # room for the 0 and 1 labels
        ai.getAxis("left").setTicks([[(0.0, "0"), (0.5, "0.5"), (1.0, "1")]])
        # 0, 0.5 and 1 stay when the plot is short (pyqtgraph drops labels past 80 % of the axis's height)
        ai.getAxis("left").setStyle(textFillLimits=[(0, 1.0), (3, 1.0)])
        ai.getViewBox().setMouseEnabled(y=False)
        ai.getViewBox().enableAutoRange(axis="y", enable=False)
        ai.setXLink(pi)
        self.acc_curve = fast_curve(ai, pen=series_pen(t, "accuracy"), symbol=None)
        ai.addLegend(offset=(-10, -4), verSpacing=-4)  # bottom right: accuracy climbs to the top
        ai.legend.setVisible(False)
        self.test = TestCurves(pi, ai, self.acc_curve)
        self.acc_line = EpochLine(ai.getViewBox(), series_pen(t, "epoch", 1, True))
        fm = self.fontMetrics()  # sizes follow the font (high DPI, large fonts)
        title = ai.layout.rowMaximumHeight(0)  # the accuracy's title row above its plot
        most = max(120, fm.height() * 7) + title
        self._acc_heights = (most - fm.height(), most)  # least: room for its labels 0, 0.5 and 1 still
        self.acc_widget.setFixedHeight(self._acc_heights[1])
        # the two left axes the same width, so the epochs line up (their titles are above the plots)
        left = max(44, fm.horizontalAdvance("0.0001") + 10)
        pi.getAxis("left").setWidth(left)
        ai.getAxis("left").setWidth(left)
        for axis in (pi.getAxis("left"), pi.getAxis("bottom"), ai.getAxis("bottom")):
            axis.enableAutoSIPrefix(False)  # "600 (x0.001)" reads badly: show the loss itself

        cache_axes(pi)
        cache_axes(ai)
        style_plot(self.plot_widget, [pi], self._apply_theme)
        style_plot(self.acc_widget, [ai])  # (the test curves' pens: in _apply_theme)

        self.log_y = QCheckBox(tr("log y"))
        self.log_y.setToolTip(tr("Logarithmic loss axis: shows progress when the loss is already small"))
        self.log_y.toggled.connect(self.set_log_y)
        self.readout = QLabel()
        self.readout.setWordWrap(True)  # (with a test set it is long: it wraps instead of widening the window)
        self.readout.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._readout = HeldLabel(self.readout, session)  # run-frame texts lay nothing out (held_label.py)
        top = QHBoxLayout()
        top.addWidget(self.readout, 1)
        self.steps = StepLosses(self, session)  # mini-batches: the loss of every step (app/views/loss_steps.py)
        top.addWidget(self.steps.check)
        top.addWidget(self.log_y)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(2, 2, 2, 2)
        lay.setSpacing(2)
        lay.addLayout(top)
        lay.addWidget(self.plot_widget, 1)
        lay.addWidget(self.acc_widget)

        session.history_changed.connect(self._on_history)
        session.network_changed.connect(self._on_network)
        session.params_changed.connect(self._update_epoch)
        session.snapshot.connect(self._on_snapshot)
        session.run_frame.connect(self._on_frame)  # the readout, ~10 a second
        session.running_changed.connect(self._on_running)
        self._on_network()
        if self._running():  # built during a run (e.g. the language changed): run-mode ranges from here on
            self._on_running(True)

    # ----- public ---------------------------------------------------------------------------------
    def set_log_y(self, on: bool) -> None:
        if self.log_y.isChecked() != bool(on):
            self.log_y.setChecked(bool(on))
            return
        self.plot_widget.getPlotItem().setLogMode(y=bool(on))
        axis_title(self.plot_widget.getPlotItem(), tr("loss (log scale)") if on else tr("loss"))
        if self._ranges.active:  # during a run: the y range again, in the new units
            self._ranges.forget_y()
            self._follow(self._loss.view())

    def loss_data(self) -> np.ndarray:
        return self._loss.view()

    def resizeEvent(self, event) -> None:
        """In a short pane (Run mode's right column at 1366×768) the accuracy plot gives up some of its height:
        the loss plot, the one that moves, keeps at least as much room as the accuracy's."""
        super().resizeEvent(event)
        least, most = self._acc_heights
        height = max(least, min(most, int(self.height() * 0.4)))
        if self.acc_widget.height() != height:
            self.acc_widget.setFixedHeight(height)

    # ----- updates ----------------------------------------------------------------------------------
    def _running(self) -> bool:
        return self.session.running

    def _losses(self):
        s = self.session
        return s.losses

    def _x_for(self, n: int) -> np.ndarray:
        return self._x.first(n)

    def _on_network(self) -> None:
        s = self.session
        classification = s.data.task != "regression"
        self.acc_widget.setVisible(classification)
        self.plot_widget.getPlotItem().setLabel("bottom", "" if classification else tr("epoch"))
        self.acc_widget.getPlotItem().setLabel("bottom", tr("epoch") if classification else "")
        self._acc.clear()
        self._acc_dirty = True
        self._on_history()

    def _on_history(self) -> None:
        losses = self._losses()
        if self._loss.sync(losses):
            n = self._loss.n
            self.loss_curve.setData(self._x_for(n), self._loss.view())
        self._sync_test()
        if not self._running():
            self._sync_accuracy_from_trainer()
        self._update_epoch()

    def _apply_theme(self, t: palette.Colours) -> None:
        """The curves' pens for the light or dark set (style_plot calls this on every palette change)."""
        self.loss_curve.setPen(series_pen(t, "loss"))
        self.acc_curve.setPen(series_pen(t, "accuracy"))
        for line in (self.epoch_line, self.acc_line):
            line.setPen(series_pen(t, "epoch", 1, True))
        self.test.apply_theme(t)
        self._draw_accuracy()

    def _sync_test(self) -> np.ndarray:
        return self.test.sync(self.session)

    def _sync_accuracy_from_trainer(self) -> None:
        accs = self.session.accuracies
        n = len(accs)
        a = np.frombuffer(accs, dtype=np.float64, count=n) if n else np.empty(0)
        idx = np.flatnonzero(np.isfinite(a))
        vals = a[idx].copy()
        del a
        # keep run-snapshot points that are still in the history; traced epochs override them
        merged = {e: v for e, v in self._acc.items() if e <= n}
        merged.update(zip((idx + 1).tolist(), vals.tolist()))
        # epochs trained on the fast path record no accuracy: ask the engine for the current one
        e = self.session.epoch
        if e > 0 and e not in merged:
            acc = self.session.accuracy_now()
            if acc is not None:
                merged[e] = acc
        self._acc = merged
        self._draw_accuracy()

    def _draw_accuracy(self) -> None:
        if not self._acc:
            self.acc_curve.setData([], [])
            return
        e = np.fromiter(sorted(self._acc), dtype=np.float64, count=len(self._acc))
        v = np.fromiter((self._acc[int(k)] for k in e), dtype=np.float64, count=len(e))
        few = len(e) <= 200  # single traced epochs are dots; long runs are a line
        self.acc_curve.setData(e, v, symbol="o" if few else None, symbolSize=5, symbolPen=None,
                               symbolBrush=pg.mkColor(palette.current().series["accuracy"]))

    def _update_epoch(self) -> None:
        epoch = self.session.epoch
        self.epoch_line.setValue(epoch)
        self.acc_line.setValue(epoch)
        self._write_readout(epoch)

    def _write_readout(self, epoch: int) -> None:
        n = self._loss.n
        parts = [tr("epoch {e}").format(e=f"{epoch:,}")]  # (1,233: as the status bar writes it)
        if 0 < epoch <= n:
            parts.append(tr("loss {v}").format(v="%.6g" % self._loss.buf[epoch - 1]))
        acc = self._acc.get(epoch)
        if acc is not None and math.isfinite(acc):
            parts.append(tr("accuracy {v}").format(v=f"{acc:.1%}"))
        test_loss, test_acc = self.test.at(epoch) if self.test.shown else (math.nan, math.nan)
        if math.isfinite(test_loss):
            parts.append(tr("test loss {v}").format(v="%.6g" % test_loss))
        if math.isfinite(test_acc):
            parts.append(tr("test accuracy {v}").format(v=f"{test_acc:.1%}"))
        self._readout.set_text(" · ".join(parts))

    def _on_snapshot(self, snap) -> None:
        running = self._running()
        accuracy_due = not running or self._acc_throttle.due()
        if snap.accuracy is not None and math.isfinite(snap.accuracy) and accuracy_due:
            self._acc[snap.epoch] = snap.accuracy
            if running:
                self._append_accuracy(snap.epoch, snap.accuracy)
        if not running:  # the final snapshot arrives as the run ends
            self._on_history()
            return
        before = self._loss.n
        if self._loss.sync(self._losses()):
            n = self._loss.n
            new = self._loss.buf[before:n] if n >= before else self._loss.view()
            test = self._sync_test()
            self._follow(np.concatenate([new, test]) if len(test) else new)
            self.loss_curve.setData(self._x_for(n), self._loss.view())
        self.epoch_line.setValue(snap.epoch)
        if accuracy_due:  # the accuracy plot is redrawn only with a new point
            self.acc_line.setValue(snap.epoch)

    def _on_frame(self, snap) -> None:
        """During a run, the readout names the epoch of each run frame, as the status bar does (a new text lays
        the pane out again: 25 of those a second would be time taken from training)."""
        if self._running():
            self._write_readout(snap.epoch)

    def _on_running(self, running: bool) -> None:
        if running:
            # run-mode ranges (app/views/loss_ranges.py): take over the axes that were auto-ranging
            self._ranges.start()
            self._follow(np.concatenate([self._loss.view(), self.test.loss.view()]))
            self._acc_n = 0
            for e in sorted(self._acc):
                self._append_accuracy(e, self._acc[e], draw=False)
            return
        self._ranges.stop()
        self._on_history()

    def _append_accuracy(self, epoch: int, acc: float, draw: bool = True) -> None:
        n = self._acc_n
        if n and epoch <= self._acc_e[n - 1]:
            return
        if n == len(self._acc_e):
            self._acc_e = np.concatenate([self._acc_e, np.empty(n)])
            self._acc_v = np.concatenate([self._acc_v, np.empty(n)])
        self._acc_e[n], self._acc_v[n] = epoch, acc
        self._acc_n = n + 1
        if draw:  # a line while running (dots are for single traced epochs; each costs a scatter point)
            self.acc_curve.setData(self._acc_e[: self._acc_n], self._acc_v[: self._acc_n], symbol=None)

    def _follow(self, new_values: np.ndarray) -> None:
        """During a run: keep the curves in view with as few range changes as possible."""
        self._ranges.follow(self._loss.n, new_values, self.log_y.isChecked())


def main(argv=None) -> int:  # pragma: no cover - manual look
    from app.views.standalone import run

    return run(LossPlot, (640, 360), argv, train=True)


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
