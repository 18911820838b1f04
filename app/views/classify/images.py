"""Small images from numbers: grey digits and signed weights (blue positive, red negative, as everywhere)."""

from __future__ import annotations

import numpy as np
from PySide6.QtGui import QImage

from app.views.inspector import colors as C


def grey(pixels: np.ndarray, side: int) -> QImage:
    """A side×side image of values 0..1: 0 white paper, 1 black ink."""
    a = np.clip(255.0 - 255.0 * np.asarray(pixels, dtype=np.float64).reshape(side, side), 0, 255)
    return _image(np.ascontiguousarray(np.repeat(a.astype(np.uint8)[..., None], 3, axis=2)))


def signed(columns: np.ndarray, side: int) -> list[QImage]:
    """One side×side image per column of `columns` (side² × units), coloured on one shared scale."""
    rgb, _alpha = C.rgb(np.asarray(columns, dtype=np.float64))
    return [_image(np.ascontiguousarray(rgb[:, j].reshape(side, side, 3))) for j in range(rgb.shape[1])]


def _image(rgb: np.ndarray) -> QImage:
    h, w, _ = rgb.shape
    img = QImage(rgb.data, w, h, 3 * w, QImage.Format.Format_RGB888)
    return img.copy()  # owns its pixels (the numpy buffer may go)
