"""The loss plot: the loss of every epoch, the accuracy below it (classification), the current epoch marked.

One PlotDataItem per curve, updated with setData; peak downsampling and clip-to-view keep it smooth at
10⁶ points.

Where the numbers come from (thread safety): always `session.losses`. When idle that is the trainer's own
array('d'); during a run it is the session's GUI-side copy, fed from the worker's chunks on the GUI thread,
so reading it never races the worker. The plot keeps its own numpy buffer (capacity doubling) and copies
only the new tail each update through a short-lived `np.frombuffer` view: the view is dropped at once,
because an array('d') that is exporting a buffer cannot grow (BufferError) and pyqtgraph keeps whatever
array it is given. History cut (rewind, reset, a new network) is noticed by the array object or its values
changing and costs one full copy. Accuracy comes from `trainer.accuracies` when idle (traced epochs) and
from each snapshot's accuracy during a run.

Public API:
    plot_widget                 the loss PlotWidget (Export as PNG uses it)
    acc_widget                  the accuracy PlotWidget (x-linked, hidden for regression)
    loss_curve, acc_curve       the PlotDataItems; test_curve when the session has test losses
    epoch_line                  the InfiniteLine at the current epoch
    log_y                       QCheckBox "log y"
    set_log_y(on)
    loss_data() -> np.ndarray   the losses drawn (a view of the plot's buffer)

Run mode (speed: the GUI thread shares the GIL with the training worker, so every millisecond it spends here
is taken from training): each snapshot appends the new losses and one accuracy point and calls setData; the
view does not auto-range every frame (that re-lays out both axes and repaints their grids each time): the x
range jumps ahead to the next 1-2-5 step when the curve reaches its end and the y range only widens when the
curve leaves it, so the axes are redrawn a few times a minute, not 25 times a second. When the run stops,
auto-range comes back. A range the learner sets by hand during the run is left alone.

Run on its own: `python -m app.views.loss_plot [preset] [epochs]`.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QGraphicsItem, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app import palette
from app.i18n import tr
from app.views.loss_steps import StepLosses
from app.views.plot_style import series_pen, style_plot
from app.state.throttle import Throttle

# the curves' colours come from app/palette.py (a light and a dark set): see _apply_theme
# Peak downsampling to one min/max pair per pixel column: the same envelope as pyqtgraph's default of ~5
# samples per pixel, but a 2-pixel pen strokes 5 times fewer vertices (a repaint of 10⁴+ epochs drops from
# ~6 ms to ~1.5 ms: most of the run-mode redraw cost).
CURVE_OPTIONS = {"autoDownsampleFactor": 1.0}
# during a run the loss curve follows every snapshot, the accuracy plot and the readout less often
RUN_ACCURACY_PER_SECOND = 5
RUN_READOUT_PER_SECOND = 10


def cache_axes(plot_item) -> None:
    """Draw each axis (and its grid lines) once into a pixmap, redrawn only when the range or size changes:
    the curve's redraws then do not repaint the grid and tick labels every frame."""
    for name in ("left", "bottom", "right", "top"):
        axis = plot_item.getAxis(name) if name in plot_item.axes else None
        if axis is not None:
            axis.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)


class _Series:
    """A growing float64 series mirrored from an array('d') by copying only new values."""

    def __init__(self):
        self.buf = np.empty(1024)
        self.n = 0
        self.source_id = None

    def view(self) -> np.ndarray:
        return self.buf[: self.n]

    def sync(self, arr) -> bool:
        """Mirror `arr` (array('d') or sequence); True when the values shown changed."""
        n = len(arr)  # read the length once; only [0, n) is touched
        same = id(arr) == self.source_id and n >= self.n
        if same and self.n:
            last = arr[self.n - 1]
            mine = self.buf[self.n - 1]
            same = last == mine or (math.isnan(last) and math.isnan(mine))
        start = self.n if same else 0
        if same and n == self.n:
            return False
        self._reserve(n)
        if n > start:
            if hasattr(arr, "buffer_info") or isinstance(arr, (bytes, bytearray, memoryview)):
                src = np.frombuffer(arr, dtype=np.float64, count=n)
                self.buf[start:n] = src[start:n]
                del src  # release the export at once: the array must stay free to grow
            else:
                self.buf[start:n] = np.asarray(arr[start:n], dtype=np.float64)
        self.n = n
        self.source_id = id(arr)
        return True

    def _reserve(self, n: int) -> None:
        if n > len(self.buf):
            cap = len(self.buf)
            while cap < n:
                cap *= 2
            new = np.empty(cap)
            new[: self.n] = self.buf[: self.n]
            self.buf = new


def nice_ceiling(x: float) -> float:
    """The smallest of 1, 2, 5, 10, 20, 50 … that is ≥ x (x > 0)."""
    if not x > 0 or not math.isfinite(x):
        return 1.0
    e = 10.0 ** math.floor(math.log10(x))
    for m in (1.0, 2.0, 5.0, 10.0):
        if m * e >= x * (1 - 1e-12):
            return m * e
    return 10.0 * e


class LossPlot(QWidget):
    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self._loss = _Series()
        self._test = _Series()
        # whole epochs: pyqtgraph skips the finite scan of an integer x; 32 bits (up to 2·10⁹ epochs) keep
        # the x of 10⁶ epochs at 4 MB, and it grows by a quarter at a time (every element of it is written)
        self._x = np.arange(1, 1025, dtype=np.int32)
        self._acc: dict[int, float] = {}  # epoch -> accuracy (traced epochs and run snapshots)
        self._acc_dirty = True
        self._acc_e = np.empty(256)  # during a run: the accuracy curve's points, appended per snapshot
        self._acc_v = np.empty(256)
        self._acc_n = 0
        self._run_ranges: list[bool] | None = None  # during a run: [manage x, manage y] (see module doc)
        self._run_x = 0.0  # the right end of the x range set during a run
        self._run_y: tuple[float, float] | None = None  # the data's y extent (finite values) seen so far
        self._run_yr: tuple[float, float] | None = None  # the y range set during a run (axis units)
        self._acc_throttle = Throttle(RUN_ACCURACY_PER_SECOND)
        self._readout_throttle = Throttle(RUN_READOUT_PER_SECOND)

        t = palette.current()
        self.plot_widget = pg.PlotWidget()
        pi = self.plot_widget.getPlotItem()
        pi.showGrid(x=True, y=True, alpha=0.25)
        pi.setLabel("left", tr("loss"))
        pi.setLabel("bottom", tr("epoch"))
        pi.setMenuEnabled(False)
        pi.addLegend(offset=(-10, 10))
        self.loss_curve = pi.plot(name=tr("training loss"), pen=series_pen(t, "loss"), **CURVE_OPTIONS)
        self.test_curve = None
        self.epoch_line = pg.InfiniteLine(pos=0, angle=90, movable=False, pen=series_pen(t, "epoch", 1, True))
        pi.addItem(self.epoch_line, ignoreBounds=True)
        pi.getViewBox().sigRangeChangedManually.connect(self._on_manual_range)

        self.acc_widget = pg.PlotWidget()
        ai = self.acc_widget.getPlotItem()
        ai.showGrid(x=True, y=True, alpha=0.25)
        ai.setLabel("left", tr("accuracy"))
        ai.setMenuEnabled(False)
        ai.setYRange(-0.15, 1.15, padding=0)  # room for the 0 and 1 labels
        ai.getAxis("left").setTicks([[(0.0, "0"), (0.5, "0.5"), (1.0, "1")]])
        ai.getViewBox().setMouseEnabled(y=False)
        ai.getViewBox().enableAutoRange(axis="y", enable=False)
        ai.setXLink(pi)
        self.acc_curve = ai.plot(pen=series_pen(t, "accuracy"), symbol=None, **CURVE_OPTIONS)
        self.acc_line = pg.InfiniteLine(pos=0, angle=90, movable=False, pen=series_pen(t, "epoch", 1, True))
        ai.addItem(self.acc_line, ignoreBounds=True)
        fm = self.fontMetrics()  # sizes follow the font (high DPI, large fonts)
        self.acc_widget.setFixedHeight(max(120, fm.height() * 7))
        # the two left axes the same width, so the epochs line up
        left = max(52, fm.horizontalAdvance("0.0001") + fm.height() + 8)
        pi.getAxis("left").setWidth(left)
        ai.getAxis("left").setWidth(left)
        for axis in (pi.getAxis("left"), pi.getAxis("bottom"), ai.getAxis("bottom")):
            axis.enableAutoSIPrefix(False)  # "600 (x0.001)" reads badly: show the loss itself

        for c in (self.loss_curve, self.acc_curve):
            c.setDownsampling(auto=True, method="peak")
            c.setClipToView(True)
        cache_axes(pi)
        cache_axes(ai)
        style_plot(self.plot_widget, [pi], self._apply_theme)
        style_plot(self.acc_widget, [ai])

        self.log_y = QCheckBox(tr("log y"))
        self.log_y.setToolTip(tr("Logarithmic loss axis: shows progress when the loss is already small"))
        self.log_y.toggled.connect(self.set_log_y)
        self.readout = QLabel()
        self.readout.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
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
        self.plot_widget.getPlotItem().setLabel("left", tr("loss (log scale)") if on else tr("loss"))
        if self._run_ranges is not None:  # during a run: the y range again, in the new units
            self._run_y = self._run_yr = None
            self._follow(self._loss.view())

    def loss_data(self) -> np.ndarray:
        return self._loss.view()

    # ----- updates ----------------------------------------------------------------------------------
    def _running(self) -> bool:
        return self.session.running

    def _losses(self):
        s = self.session
        return s.losses

    def _x_for(self, n: int) -> np.ndarray:
        if n > len(self._x):
            cap = len(self._x)
            while cap < n:
                cap += cap // 4
            self._x = np.arange(1, cap + 1, dtype=np.int32)
        return self._x[:n]

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
        if self.test_curve is not None:
            self.test_curve.setPen(series_pen(t, "test", dash=True))
        self._draw_accuracy()

    def _sync_test(self) -> None:
        test = getattr(self.session, "test_losses", None)  # a test split does not exist yet
        if test is None:
            if self.test_curve is not None:
                self.test_curve.setData([], [])
            return
        if self.test_curve is None:
            self.test_curve = self.plot_widget.getPlotItem().plot(name=tr("test loss"), pen=series_pen(palette.current(), "test", dash=True),
                                                                  **CURVE_OPTIONS)
            self.test_curve.setDownsampling(auto=True, method="peak")
            self.test_curve.setClipToView(True)
        if self._test.sync(test):
            self.test_curve.setData(self._x_for(self._test.n), self._test.view())

    def _sync_accuracy_from_trainer(self) -> None:
        tr_ = self.session.trainer
        accs = tr_.accuracies
        n = len(accs)
        a = np.frombuffer(accs, dtype=np.float64, count=n) if n else np.empty(0)
        idx = np.flatnonzero(np.isfinite(a))
        vals = a[idx].copy()
        del a
        # keep run-snapshot points that are still in the history; traced epochs override them
        merged = {e: v for e, v in self._acc.items() if e <= n}
        merged.update(zip((idx + 1).tolist(), vals.tolist()))
        # epochs trained on the fast path record no accuracy: ask the engine for the current one
        e = tr_.epoch
        if e > 0 and e not in merged and self.session.data.task != "regression" and tr_.is_finite():
            acc = tr_.accuracy()
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
        s = self.session
        epoch = s.epoch
        self.epoch_line.setValue(epoch)
        self.acc_line.setValue(epoch)
        n = self._loss.n
        parts = [tr("epoch {e}").format(e=epoch)]
        if 0 < epoch <= n:
            parts.append(tr("loss {v}").format(v="%.6g" % self._loss.buf[epoch - 1]))
        acc = self._acc.get(epoch)
        if acc is not None and math.isfinite(acc):
            parts.append(tr("accuracy {v}").format(v=f"{acc:.1%}"))
        self.readout.setText(" · ".join(parts))

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
            self._follow(self._loss.buf[before:n] if n >= before else self._loss.view())
            self.loss_curve.setData(self._x_for(n), self._loss.view())
        self.epoch_line.setValue(snap.epoch)
        if accuracy_due:
            self.acc_line.setValue(snap.epoch)
        if self._readout_throttle.due():
            self._update_epoch()

    def _on_running(self, running: bool) -> None:
        vb = self.plot_widget.getPlotItem().getViewBox()
        if running:
            # run-mode ranges (module doc): take over the axes that were auto-ranging
            auto = vb.autoRangeEnabled()
            self._run_ranges = [bool(auto[0]), bool(auto[1])]
            vb.disableAutoRange()
            self._run_x, self._run_y, self._run_yr = 0.0, None, None
            self._follow(self._loss.view())
            self._acc_n = 0
            for e in sorted(self._acc):
                self._append_accuracy(e, self._acc[e], draw=False)
            return
        managed, self._run_ranges = self._run_ranges, None
        if managed:
            for axis, on in zip(("x", "y"), managed):
                if on:
                    vb.enableAutoRange(axis=axis)
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
        """During a run: keep the curve in view with as few range changes as possible (module doc)."""
        managed = self._run_ranges
        if not managed:
            return
        n = self._loss.n
        vb = self.plot_widget.getPlotItem().getViewBox()
        if managed[0] and n >= self._run_x:
            self._run_x = nice_ceiling(max(n * 1.2, 10))
            vb.setXRange(0, self._run_x, padding=0.02)
        if not managed[1] or not len(new_values):
            return
        log = self.log_y.isChecked()
        v = new_values[np.isfinite(new_values)]
        if log:
            v = v[v > 0]
        if not len(v):
            return
        lo, hi = float(v.min()), float(v.max())
        if self._run_y is not None:
            lo, hi = min(lo, self._run_y[0]), max(hi, self._run_y[1])
        self._run_y = (lo, hi)
        a, b = (math.log10(lo), math.log10(hi)) if log else (lo, hi)
        shown = self._run_yr
        if shown is not None and shown[0] <= a and b <= shown[1]:
            return  # still inside: leave the axes alone
        span = (b - a) or abs(b) or 1.0
        # a margin on the side the loss moves to (down), so the next frames fit without a change
        self._run_yr = (a - 0.25 * span, b + 0.05 * span)
        vb.setYRange(*self._run_yr, padding=0)

    def _on_manual_range(self, mask=None, *_args) -> None:
        """The learner zoomed or panned during a run: stop steering the axes they touched."""
        if self._run_ranges is not None:
            if not isinstance(mask, (list, tuple)) or len(mask) != 2:
                mask = (True, True)
            self._run_ranges = [on and not touched for on, touched in zip(self._run_ranges, mask)]


def main(argv=None) -> int:  # pragma: no cover - manual look
    from app.views.standalone import run

    return run(LossPlot, (640, 360), argv, train=True)


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
