"""The loss plot's mark at the current epoch: a vertical line across the whole height of a ViewBox.

A plain QGraphicsLineItem, bounded and painted by Qt itself. pyqtgraph's InfiniteLine (what it replaces) is
a Python item: every move recomputes its bounding rect through ~30 calls into Qt, and the scene asks it for
that rect and its paint again at every redraw. During a run the line moves with each snapshot (20 a second)
and the GUI thread shares the GIL with training, where each call into Qt waits for the worker to let go of
it; this line costs one call per move.

    line = EpochLine(view_box, pen)     added to the view box (its range ignores the line)
    line.setValue(epoch); line.value()  as InfiniteLine's
    line.setPen(pen)
"""

from __future__ import annotations

from PySide6.QtWidgets import QGraphicsLineItem


class EpochLine(QGraphicsLineItem):
    def __init__(self, view_box, pen):
        super().__init__()
        self._vb = view_box
        self._x = 0.0
        self._y = (0.0, 1.0)
        self.setPen(pen)
        view_box.addItem(self, ignoreBounds=True)
        view_box.sigYRangeChanged.connect(self._on_y_range)
        self._y = tuple(view_box.viewRange()[1])
        self._place()

    def value(self) -> float:
        return self._x

    def setValue(self, x) -> None:
        x = float(x)
        if x != self._x:
            self._x = x
            self._place()

    def _on_y_range(self, _vb, y_range) -> None:
        self._y = (float(y_range[0]), float(y_range[1]))
        self._place()

    def _place(self) -> None:
        y0, y1 = self._y
        self.setLine(self._x, y0, self._x, y1)


__all__ = ["EpochLine"]
