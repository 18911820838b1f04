"""Training with the learner's code beside the engine's reference: two loss curves over the same epochs,
log y, and where the learner's diverged a vertical line with "NaN at epoch 312" and, below the plot, the
reason in words ("NaN at epoch 312: d_loss divides by y_pred …").

    plot.show_training(train_result, reference, start_epoch)
    plot.learner_curve, plot.reference_curve, plot.divergence_line, plot.divergence_label, plot.summary
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from app import palette
from app.i18n import tr
from app.views.plot_style import LogAxis, axis_title, series_pen, style_plot

from . import wording

FLOOR = 1e-12  # log scale: a loss of exactly 0 is drawn here


def _y(losses) -> np.ndarray:
    y = np.array([math.nan if v is None else float(v) for v in losses], dtype=np.float64)
    y[~np.isfinite(y)] = np.nan
    return np.maximum(y, FLOOR, where=np.isfinite(y), out=y)


def _fmt(x) -> str:
    return "—" if x is None or not math.isfinite(x) else f"{x:.4g}"


class TrainPlot(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("practiceTrainPlot")
        t = palette.current()  # colours: app/palette.py, set again on a palette change (_apply_theme)
        self.plot_widget = pg.PlotWidget(axisItems={"left": LogAxis(orientation="left")})
        pi = self.plot_widget.getPlotItem()
        pi.showGrid(x=True, y=True, alpha=0.25)
        axis_title(pi, tr("loss (log scale)"))  # horizontal: a rotated Korean title lies on its side
        pi.setLabel("bottom", tr("epoch"))
        pi.setMenuEnabled(False)
        pi.setLogMode(x=False, y=True)
        pi.addLegend(offset=(-10, 4), colCount=2)  # one row: the plot is short at 1366×768
        self.learner_curve = pi.plot(name=tr("your code"), pen=series_pen(t, "learner"))
        self.reference_curve = pi.plot(name=tr("engine (reference)"), pen=series_pen(t, "reference", dash=True))
        self.divergence_line = pg.InfiniteLine(pos=0, angle=90, movable=False, pen=series_pen(t, "diverge"),
                                               label="", labelOpts={"position": 0.9,
                                                                    "anchors": [(0, 0.5), (0, 0.5)]})
        pi.addItem(self.divergence_line, ignoreBounds=True)
        self.divergence_line.hide()
        self.divergence_label = QLabel()
        self.divergence_label.setObjectName("divergenceLabel")
        self.divergence_label.setWordWrap(True)
        self.divergence_label.setTextFormat(Qt.TextFormat.PlainText)
        palette.style_label(self.divergence_label, "error", "font-weight: bold;")
        self.divergence_label.hide()
        self.summary = QLabel(tr("Press “Train with my code” to train with your gradients and compare the "
                                 "loss with the engine's."))
        self.summary.setObjectName("trainSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(2, 2, 2, 2)
        lay.addWidget(self.plot_widget, 1)
        lay.addWidget(self.divergence_label)
        lay.addWidget(self.summary)
        self.diverged_at: int | None = None
        style_plot(self.plot_widget, [pi], self._apply_theme)

    def _apply_theme(self, t: palette.Colours) -> None:
        self.learner_curve.setPen(series_pen(t, "learner"))
        self.reference_curve.setPen(series_pen(t, "reference", dash=True))
        self.divergence_line.setPen(series_pen(t, "diverge"))
        label = self.divergence_line.label  # "NaN at epoch 312" on a box of the canvas colour
        fill = QColor(t.canvas)
        fill.setAlpha(220)
        label.fill = pg.mkBrush(fill)
        label.setColor(palette.readable(QColor(*t.series["diverge"]), t.canvas))

    def clear(self) -> None:
        """No curves, and a caption that says so (never the previous run's numbers under an empty plot)."""
        self.learner_curve.setData([], [])
        self.reference_curve.setData([], [])
        self.divergence_line.hide()
        self.divergence_label.hide()
        self.diverged_at = None
        self.summary.setText(tr("Press “Train with my code” to plot your loss beside the engine's."))

    def show_training(self, train, reference, start_epoch: int = 0) -> None:
        """train: engine.checker.exercise.TrainResult (or None); reference: reference.Reference (or None)."""
        self.clear()
        lines = []
        if reference is not None and reference.losses:
            y = _y(reference.losses)
            x = np.arange(start_epoch + 1, start_epoch + 1 + len(y))
            self.reference_curve.setData(x, y, connect="finite")
            acc = "" if reference.accuracy is None else \
                tr(", accuracy {acc:.0%}").format(acc=reference.accuracy)
            lines.append(tr("Engine with lr {lr}: {n} epochs, loss {first} → {last}{acc}").format(
                lr=f"{reference.lr:g}", n=len(y), first=_fmt(reference.losses[0]),
                last=_fmt(reference.losses[-1]), acc=acc))
        if train is not None:
            y = _y(train.loss)
            x = np.arange(start_epoch + 1, start_epoch + 1 + len(y))
            self.learner_curve.setData(x, y, connect="finite")
            if train.loss:
                lines.insert(0, tr("Your code: {n} epochs, loss {first} → {last}").format(
                    n=train.epochs_run, first=_fmt(train.loss[0]), last=_fmt(train.loss[-1])))
            if train.diverged_at is not None:
                e = start_epoch + train.diverged_at
                self.diverged_at = e
                self.divergence_line.setPos(e)
                self.divergence_line.show()  # first: a hidden label ignores setFormat
                self.divergence_line.label.show()
                self.divergence_line.label.setFormat(tr("NaN at epoch {epoch}").format(epoch=e))
                self.divergence_label.setText(wording.divergence_text(e, train.diagnosis))
                self.divergence_label.show()
            elif train.error is not None:
                e = train.error
                where = tr(" (line {line})").format(line=e.line) if e.line else ""
                self.divergence_label.setText(tr("Stopped in epoch {epoch}{where}: {message}").format(
                    epoch=start_epoch + (e.epoch or 0), where=where, message=wording.error_message(e)))
                self.divergence_label.show()
            if train.engine_updated:
                rule = getattr(train, "engine_rule", "sgd")
                text = (tr("Updated by the engine from your gradients, by Adam from the session's m, v and t: "
                           "{names}") if rule == "adam" else
                        tr("Updated by the engine from your gradients, with momentum from the session's "
                           "buffers: {names}") if rule == "momentum" else
                        tr("Updated by the engine from your gradients: {names}"))
                lines.append(text.format(names=", ".join(train.engine_updated)))
            if train.not_updated:
                lines.append(tr("Never updated: {names}").format(names=", ".join(train.not_updated)))
        self.summary.setText("\n".join(lines))
        self.plot_widget.getPlotItem().enableAutoRange()
