"""The loss plot's axes during a run (speed: the GUI thread shares the GIL with the training worker, so every
millisecond it spends redrawing is taken from training).

The view does not auto-range every frame (that re-lays out both axes and repaints their grids each time): the
x range jumps ahead to the next 1-2-5 step when the curve reaches its end and the y range only widens when
the curve leaves it, so the axes are redrawn a few times a minute, not 20 times a second. When the run stops,
auto-range comes back. A range the learner sets by hand during the run is left alone.
"""

from __future__ import annotations

import math

import numpy as np


def nice_ceiling(x: float) -> float:
    """The smallest of 1, 2, 5, 10, 20, 50 … that is ≥ x (x > 0)."""
    if not x > 0 or not math.isfinite(x):
        return 1.0
    e = 10.0 ** math.floor(math.log10(x))
    for m in (1.0, 2.0, 5.0, 10.0):
        if m * e >= x * (1 - 1e-12):
            return m * e
    return 10.0 * e


class RunRanges:
    """Steers one ViewBox's ranges while a run lasts (`start` … `stop`)."""

    def __init__(self, view_box):
        self.vb = view_box
        self.managed: list[bool] | None = None  # during a run: [manage x, manage y]
        self._x = 0.0  # the right end of the x range set during the run
        self._y: tuple[float, float] | None = None  # the data's y extent (finite values) seen so far
        self._yr: tuple[float, float] | None = None  # the y range set during the run (axis units)
        view_box.sigRangeChangedManually.connect(self.on_manual_range)

    @property
    def active(self) -> bool:
        return self.managed is not None

    def start(self) -> None:
        """Take over the axes that were auto-ranging."""
        auto = self.vb.autoRangeEnabled()
        self.managed = [bool(auto[0]), bool(auto[1])]
        self.vb.disableAutoRange()
        self._x, self._y, self._yr = 0.0, None, None

    def stop(self) -> None:
        """Give the axes this run steered back to auto-range."""
        managed, self.managed = self.managed, None
        if managed:
            for axis, on in zip(("x", "y"), managed):
                if on:
                    self.vb.enableAutoRange(axis=axis)

    def forget_y(self) -> None:
        """The y units changed (log scale switched): measure the y range again."""
        self._y = self._yr = None

    def follow(self, n: int, new_values: np.ndarray, log: bool) -> None:
        """A curve of n epochs whose newest values are `new_values`: keep it in view with as few range
        changes as possible."""
        managed = self.managed
        if not managed:
            return
        if managed[0] and n >= self._x:
            self._x = nice_ceiling(max(n * 1.2, 10))
            self.vb.setXRange(0, self._x, padding=0.02)
        if not managed[1] or not len(new_values):
            return
        v = new_values[np.isfinite(new_values)]
        if log:
            v = v[v > 0]
        if not len(v):
            return
        lo, hi = float(v.min()), float(v.max())
        if self._y is not None:
            lo, hi = min(lo, self._y[0]), max(hi, self._y[1])
        self._y = (lo, hi)
        a, b = (math.log10(lo), math.log10(hi)) if log else (lo, hi)
        shown = self._yr
        if shown is not None and shown[0] <= a and b <= shown[1]:
            return  # still inside: leave the axes alone
        span = (b - a) or abs(b) or 1.0
        # a margin on the side the loss moves to (down), so the next frames fit without a change
        self._yr = (a - 0.25 * span, b + 0.05 * span)
        self.vb.setYRange(*self._yr, padding=0)

    def on_manual_range(self, mask=None, *_args) -> None:
        """The learner zoomed or panned during a run: stop steering the axes they touched."""
        if self.managed is not None:
            if not isinstance(mask, (list, tuple)) or len(mask) != 2:
                mask = (True, True)
            self.managed = [on and not touched for on, touched in zip(self.managed, mask)]
