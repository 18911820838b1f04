"""Colours of the decision-boundary plot: class colours, the diverging boundary map, the hidden units' map,
and an ImageItem drawn smooth."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QPainter

CLASS_COLOURS = np.array([
    (230, 97, 1), (33, 102, 172), (27, 158, 119), (117, 112, 179),
    (231, 41, 138), (102, 166, 30), (200, 150, 0), (140, 90, 40),
], dtype=np.float64)
WRONG_PEN = pg.mkPen(color=(215, 0, 0), width=2.5)
WRONG_HTML = "#d70000"


def class_colour(k: int) -> tuple[int, int, int]:
    return tuple(int(v) for v in CLASS_COLOURS[k % len(CLASS_COLOURS)])


def _pastel(rgb, amount: float = 0.55) -> np.ndarray:
    """Colours mixed towards white, so the data points stay visible on top."""
    return np.asarray(rgb, dtype=np.float64) * (1 - amount) + 255 * amount


def diverging_colormap() -> pg.ColorMap:
    """Class 0 colour (pastel) → white at the middle → class 1 colour (pastel)."""
    lo, hi = _pastel(CLASS_COLOURS[0], 0.35), _pastel(CLASS_COLOURS[1], 0.35)
    return pg.ColorMap([0.0, 0.5, 1.0], [tuple(lo.astype(int)), (255, 255, 255), tuple(hi.astype(int))])


def unit_colormap() -> pg.ColorMap:
    """For activations scaled to [0, 1] (low → middle → high)."""
    return pg.ColorMap([0.0, 0.5, 1.0], [(178, 24, 43), (247, 247, 247), (33, 102, 172)])


class SmoothImageItem(pg.ImageItem):
    """An ImageItem drawn with bilinear filtering: a 100×100 grid stretched over 500 pixels reads as a smooth
    field instead of blocks (costs well under a millisecond)."""

    def paint(self, painter, *args):
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
        super().paint(painter, *args)
