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

Run on its own: `python -m app.views.loss_plot [preset] [epochs]`.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app.i18n import tr

LOSS_PEN = pg.mkPen(color=(33, 102, 172), width=2)
TEST_PEN = pg.mkPen(color=(230, 97, 1), width=2, style=Qt.PenStyle.DashLine)
ACC_PEN = pg.mkPen(color=(27, 120, 55), width=2)
EPOCH_PEN = pg.mkPen(color=(120, 120, 120), width=1, style=Qt.PenStyle.DashLine)


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


class LossPlot(QWidget):
    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self._loss = _Series()
        self._test = _Series()
        self._x = np.arange(1, 1025, dtype=np.int64)  # whole epochs: pyqtgraph skips the finite scan of x
        self._acc: dict[int, float] = {}  # epoch -> accuracy (traced epochs and run snapshots)
        self._acc_dirty = True

        self.plot_widget = pg.PlotWidget(background="w")
        pi = self.plot_widget.getPlotItem()
        pi.showGrid(x=True, y=True, alpha=0.25)
        pi.setLabel("left", tr("loss"))
        pi.setLabel("bottom", tr("epoch"))
        pi.setMenuEnabled(False)
        pi.addLegend(offset=(-10, 10))
        self.loss_curve = pi.plot(name=tr("training loss"), pen=LOSS_PEN)
        self.test_curve = None
        self.epoch_line = pg.InfiniteLine(pos=0, angle=90, movable=False, pen=EPOCH_PEN)
        pi.addItem(self.epoch_line, ignoreBounds=True)

        self.acc_widget = pg.PlotWidget(background="w")
        ai = self.acc_widget.getPlotItem()
        ai.showGrid(x=True, y=True, alpha=0.25)
        ai.setLabel("left", tr("accuracy"))
        ai.setMenuEnabled(False)
        ai.setYRange(-0.15, 1.15, padding=0)  # room for the 0 and 1 labels
        ai.getAxis("left").setTicks([[(0.0, "0"), (0.5, "0.5"), (1.0, "1")]])
        ai.getViewBox().setMouseEnabled(y=False)
        ai.getViewBox().enableAutoRange(axis="y", enable=False)
        ai.setXLink(pi)
        self.acc_curve = ai.plot(pen=ACC_PEN, symbol=None)
        self.acc_line = pg.InfiniteLine(pos=0, angle=90, movable=False, pen=EPOCH_PEN)
        ai.addItem(self.acc_line, ignoreBounds=True)
        self.acc_widget.setFixedHeight(120)
        # the two left axes the same width, so the epochs line up
        pi.getAxis("left").setWidth(52)
        ai.getAxis("left").setWidth(52)
        for axis in (pi.getAxis("left"), pi.getAxis("bottom"), ai.getAxis("bottom")):
            axis.enableAutoSIPrefix(False)  # "600 (x0.001)" reads badly: show the loss itself

        for c in (self.loss_curve, self.acc_curve):
            c.setDownsampling(auto=True, method="peak")
            c.setClipToView(True)

        self.log_y = QCheckBox(tr("log y"))
        self.log_y.setToolTip(tr("Logarithmic loss axis: shows progress when the loss is already small"))
        self.log_y.toggled.connect(self.set_log_y)
        self.readout = QLabel()
        self.readout.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        top = QHBoxLayout()
        top.addWidget(self.readout, 1)
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
        if hasattr(session, "snapshot"):
            session.snapshot.connect(self._on_snapshot)
        if hasattr(session, "running_changed"):
            session.running_changed.connect(self._on_running)
        self._on_network()

    # ----- public ---------------------------------------------------------------------------------
    def set_log_y(self, on: bool) -> None:
        if self.log_y.isChecked() != bool(on):
            self.log_y.setChecked(bool(on))
            return
        self.plot_widget.getPlotItem().setLogMode(y=bool(on))
        self.plot_widget.getPlotItem().setLabel("left", tr("loss (log scale)") if on else tr("loss"))

    def loss_data(self) -> np.ndarray:
        return self._loss.view()

    # ----- updates ----------------------------------------------------------------------------------
    def _running(self) -> bool:
        return bool(getattr(self.session, "running", False))

    def _losses(self):
        s = self.session
        return s.losses if hasattr(s, "losses") else s.trainer.losses

    def _x_for(self, n: int) -> np.ndarray:
        if n > len(self._x):
            cap = len(self._x)
            while cap < n:
                cap *= 2
            self._x = np.arange(1, cap + 1, dtype=np.int64)
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

    def _sync_test(self) -> None:
        test = getattr(self.session, "test_losses", None)  # a test split does not exist yet
        if test is None:
            if self.test_curve is not None:
                self.test_curve.setData([], [])
            return
        if self.test_curve is None:
            self.test_curve = self.plot_widget.getPlotItem().plot(name=tr("test loss"), pen=TEST_PEN)
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
                               symbolBrush=ACC_PEN.color())

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
        if snap.accuracy is not None and math.isfinite(snap.accuracy):
            self._acc[snap.epoch] = snap.accuracy
            self._draw_accuracy()
        self._on_history()
        self.epoch_line.setValue(snap.epoch)
        self.acc_line.setValue(snap.epoch)

    def _on_running(self, running: bool) -> None:
        if not running:
            self._on_history()


def main(argv=None) -> int:  # pragma: no cover - manual look
    import sys

    from PySide6.QtWidgets import QApplication

    from app.session import Session
    from engine.presets import load_preset
    from engine.trainer import Trainer

    argv = sys.argv[1:] if argv is None else argv
    app = QApplication.instance() or QApplication([])
    spec, data = load_preset(argv[0] if argv else "notebook-xor")
    s = Session(Trainer(spec, data))
    w = LossPlot(s)
    if len(argv) > 1:
        s.train_now(int(argv[1]))
    w.resize(640, 360)
    w.show()
    return app.exec()


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
