"""The loss plot's auto-range measures the whole curve, so a still curve keeps a still range.

pyqtgraph measures what a curve draws, and with clip-to-view and auto-downsampling that depends on the range
itself: after a Run the loss plot could flip between two ranges at every paint, ~35 times a second, and the
GUI's timers never got their turn (app/views/loss_series.py WholeCurve).
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtWidgets import QApplication

from app.views.loss_series import fast_curve


def _plot(qtbot, n, width):
    w = pg.PlotWidget()
    qtbot.addWidget(w)
    curve = fast_curve(w.getPlotItem())
    x = np.arange(1, n + 1, dtype=float)
    y = 1 / np.sqrt(x)
    curve.setData(x, y)
    w.resize(width, 300)
    w.show()
    for _ in range(3):  # laid out and painted once, as a window is before a run's last frame
        QApplication.processEvents()
    return w, curve, x, y


def test_the_auto_range_bounds_are_the_whole_curves_whatever_is_in_view(qtbot):
    w, curve, x, y = _plot(qtbot, 50_000, 400)
    vb = w.getPlotItem().getViewBox()
    vb.setXRange(100, 200, padding=0)  # zoomed in: only ~100 epochs are drawn
    w.viewport().repaint()
    assert curve.dataBounds(0) == (1.0, 50_000.0)
    assert curve.dataBounds(1) == pytest.approx((y.min(), y.max()))
    w.getPlotItem().setLogMode(y=True)
    w.viewport().repaint()
    assert curve.dataBounds(0) == (1.0, 50_000.0)
    assert curve.dataBounds(1) == pytest.approx((np.log10(y.min()), np.log10(y.max())))


def test_an_empty_curve_has_no_bounds(qtbot):
    w = pg.PlotWidget()
    qtbot.addWidget(w)
    curve = fast_curve(w.getPlotItem())
    assert curve.dataBounds(0) == (None, None)
    curve.setData([], [])
    assert curve.dataBounds(1) == (None, None)


# lengths and widths at which pyqtgraph's own bounds flipped the range at every paint (found by a scan)
@pytest.mark.parametrize("width,n", [(640, 24985), (517, 36949), (640, 32961)])
def test_a_still_curve_keeps_a_still_auto_range(qtbot, width, n):
    w, _curve, _x, _y = _plot(qtbot, n, width)
    vb = w.getPlotItem().getViewBox()
    changes = []
    vb.sigRangeChanged.connect(lambda _vb, r, *_: changes.append(tuple(r[0])))
    for _ in range(10):
        w.viewport().repaint()
    assert changes == [], f"the range changed {len(changes)} times: {changes[:4]}"
