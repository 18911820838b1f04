"""The loss plot's data side: a growing series mirrored from the engine's array('d') by copying only the new
values, and the drawing helpers shared by its curves (app/views/loss_plot.py, loss_test.py).

Why a mirror: pyqtgraph keeps whatever array it is given, and an array('d') that is exporting a buffer cannot
grow (BufferError), so the plot keeps its own numpy buffer (capacity doubling) and copies only the new tail
each update through a short-lived `np.frombuffer` view that is dropped at once. History cut (rewind, reset, a
new network) is noticed by the array object or its values changing and costs one full copy.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QGraphicsItem

# Peak downsampling to one min/max pair per pixel column: the same envelope as pyqtgraph's default of ~5
# samples per pixel, but a 2-pixel pen strokes 5 times fewer vertices (a repaint of 10⁴+ epochs drops from
# ~6 ms to ~1.5 ms: most of the run-mode redraw cost).
CURVE_OPTIONS = {"autoDownsampleFactor": 1.0}


def cache_axes(plot_item) -> None:
    """Draw each axis (and its grid lines) once into a pixmap, redrawn only when the range or size changes:
    the curve's redraws then do not repaint the grid and tick labels every frame."""
    for name in ("left", "bottom", "right", "top"):
        axis = plot_item.getAxis(name) if name in plot_item.axes else None
        if axis is not None:
            axis.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)


class WholeCurve(pg.PlotDataItem):
    """A curve that auto-ranges to all of its data, not to what it draws.

    pyqtgraph measures the drawn data, and clip-to-view and auto-downsampling derive that from the current
    range: the range then depends on itself. The last drawn epoch moves with the downsampling step, so the
    auto-range can flip between two ranges at every paint, for good (seen after a Run ended: the loss plot
    changed its range and repainted ~35 times a second, and the GUI's own timers never got a turn)."""

    def dataBounds(self, ax, frac=1.0, orthoRange=None):
        if frac < 1.0 or orthoRange is not None:
            return super().dataBounds(ax, frac, orthoRange)
        if self._getDisplayDataset() is None:  # (also maps the data: log y)
            return (None, None)
        rect = self._datasetMapped.dataRect()  # the whole data in view units, cached until setData
        if rect is None:
            return (None, None)
        return (rect.left(), rect.right()) if ax == 0 else (rect.top(), rect.bottom())


def fast_curve(plot_item, **opts) -> WholeCurve:
    """A curve added to `plot_item` (options as PlotItem.plot's) that stays smooth at 10⁶ points (peak
    downsampling, clip-to-view) and auto-ranges to its whole data (WholeCurve)."""
    curve = WholeCurve(**{**CURVE_OPTIONS, **opts})
    plot_item.addItem(curve)
    curve.setDownsampling(auto=True, method="peak")
    curve.setClipToView(True)
    return curve


class Series:
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

    def clear(self) -> None:
        self.n, self.source_id = 0, None

    def _reserve(self, n: int) -> None:
        if n > len(self.buf):
            cap = len(self.buf)
            while cap < n:
                cap *= 2
            new = np.empty(cap)
            new[: self.n] = self.buf[: self.n]
            self.buf = new


class EpochAxis:
    """x = 1, 2, … N for a curve of N epochs: whole numbers (pyqtgraph skips the finite scan of an integer x);
    32 bits (up to 2·10⁹ epochs) keep the x of 10⁶ epochs at 4 MB, grown by a quarter at a time."""

    def __init__(self):
        self._x = np.arange(1, 1025, dtype=np.int32)

    def first(self, n: int) -> np.ndarray:
        if n > len(self._x):
            cap = len(self._x)
            while cap < n:
                cap += cap // 4
            self._x = np.arange(1, cap + 1, dtype=np.int32)
        return self._x[:n]
