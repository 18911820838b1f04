"""The data on the decision-boundary plot: the points coloured by class (filled: trained on; hollow: the
held-out test points of a train/test split), the red rings around the misclassified ones, the ring around
the followed sample, and the legend line saying what the rings and hollow points are.

Indices: `wrong` and the points are rows of `data.X`; the followed sample is a row of the trained X (the
inspector's rows), mapped to its data row by `session.training_row`.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
import torch
from PySide6.QtWidgets import QLabel

from app import palette
from app.i18n import tr
from app.views.plot_style import device_ratio, series_pen

from .boundary_colors import class_colour, wrong_html


def cached(item) -> None:
    """Draw `item` from a pixmap Qt keeps until the item or the zoom changes. The boundary image under the
    points changes ten times a second during a run, and each time the scene paints every item over it: a
    ScatterPlotItem's paint is ~50 calls into Qt from Python, each waiting for the training thread's GIL; the
    cached pixmap is drawn by Qt alone."""
    from PySide6.QtWidgets import QGraphicsItem

    item.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)


class PointLayers:
    """Builds its ScatterPlotItems on `plot_item` (sizes in `em`, the font's scale) and the legend label."""

    def __init__(self, plot_item, em: float):
        t = palette.current()
        self.scatter = pg.ScatterPlotItem(size=9 * em, pen=pg.mkPen(*t.series["point_edge"], 200, width=1))
        self.scatter.setZValue(5)
        self.test_scatter = pg.ScatterPlotItem(size=9 * em, brush=None)  # hollow: a ring in the class colour
        self.test_scatter.setZValue(5)
        self.wrong = pg.ScatterPlotItem(size=17 * em, symbol="o", pen=series_pen(t, "wrong", 2.5), brush=None)
        self.wrong.setZValue(6)
        self.marker = pg.ScatterPlotItem(size=24 * em, symbol="o", pen=series_pen(t, "marker", 2.5), brush=None)
        self.marker.setZValue(7)
        for item in (self.scatter, self.test_scatter, self.wrong, self.marker):
            cached(item)
            plot_item.addItem(item)
        self.legend = QLabel()
        self.legend.setObjectName("boundaryLegend")
        self.legend.setWordWrap(True)
        self.legend.hide()
        self.wrong_rows = np.empty(0, dtype=np.int64)
        self.wrong_drawn = False

    def apply_theme(self, t: palette.Colours) -> None:
        self.scatter.setPen(pg.mkPen(*t.series["point_edge"], 200, width=1))
        self.wrong.setPen(series_pen(t, "wrong", 2.5))
        self.marker.setPen(series_pen(t, "marker", 2.5))

    # ----- the points -----------------------------------------------------------------------------------
    @staticmethod
    def _xy(data, mode: str) -> tuple[np.ndarray, np.ndarray]:
        X = data.X.numpy()
        return (X[:, 0], X[:, 1]) if mode == "2d" else (X[:, 0], data.y[:, 0].numpy())

    def draw_points(self, data, mode: str) -> None:
        """Training points filled by class, test points hollow (a ring of the class colour)."""
        self.wrong_drawn = False
        if mode == "none":
            self.scatter.setData([], [])
            self.test_scatter.setData([], [])
            return
        x, y = self._xy(data, mode)
        train, test = data.train_index.numpy(), data.test_index.numpy()
        if data.task == "regression":
            colours = [(60, 60, 60)] * data.n_samples
        else:
            table = [class_colour(k) for k in range(data.n_classes)]
            colours = [table[k] for k in data.y.tolist()]
        fills = {c: pg.mkBrush(*c) for c in set(colours)}
        self.scatter.setData(x=x[train], y=y[train], brush=[fills[colours[i]] for i in train])
        rings = {c: pg.mkPen(*c, width=2.5 * device_ratio()) for c in set(colours)}
        self.test_scatter.setData(x=x[test], y=y[test], pen=[rings[colours[i]] for i in test], brush=None)

    def draw_marker(self, data, mode: str, row: int | None) -> None:
        """Ring data row `row` (None: no ring)."""
        if row is None or mode == "none" or not 0 <= row < data.n_samples:
            self.marker.setData([], [])
            return
        x, y = self._xy(data, mode)
        self.marker.setData([float(x[row])], [float(y[row])])

    # ----- the misclassified ------------------------------------------------------------------------------
    def draw_wrong(self, data, mode: str, y_pred: torch.Tensor | None) -> None:
        """Ring the points whose predicted class (y_pred > 0.5, or the argmax) is not their label; y_pred holds
        a row per data point (None: nothing to ring, e.g. a regression curve)."""
        if data.task == "regression" or y_pred is None:
            self.wrong_rows = np.empty(0, dtype=np.int64)
            self.wrong.setData([], [])
            self.show_legend(data, mode)
            return
        guess = (y_pred[:, 0] > 0.5).to(torch.int64) if y_pred.shape[1] == 1 else y_pred.argmax(1)
        wrong = torch.nonzero(guess != data.y).reshape(-1).numpy()
        if np.array_equal(wrong, self.wrong_rows) and self.wrong_drawn:
            return
        self.wrong_rows = wrong
        self.wrong_drawn = True
        X = data.X.numpy()
        self.wrong.setData(X[wrong, 0], X[wrong, 1])
        self.show_legend(data, mode)

    def show_legend(self, data, mode: str) -> None:
        """What the red rings and the hollow points mean, and how many there are (hidden when neither)."""
        lines = []
        n = len(self.wrong_rows)
        if n:
            lines.append(tr("<span style='color:{c}; font-size:large'>◯</span> ringed in red: misclassified "
                            "now ({n} of {total} points)").format(c=wrong_html(), n=n, total=data.n_samples))
        if data.n_test:
            wrong_test = int(np.isin(self.wrong_rows, data.test_index.numpy()).sum())
            lines.append(tr("<span style='font-size:large'>○</span> hollow: test points, held out from training "
                            "({n} of {total}; {wrong} of them misclassified now)").format(
                                n=data.n_test, total=data.n_samples, wrong=wrong_test)
                         if data.task != "regression" else
                         tr("<span style='font-size:large'>○</span> hollow: test points, held out from training "
                            "({n} of {total})").format(n=data.n_test, total=data.n_samples))
        self.legend.setText("<br>".join(lines))
        self.legend.setVisible(mode != "none" and bool(lines))
