"""MisclassifiedGrid: every sample the network gets wrong, drawn as its image, captioned "true → answer"."""

from __future__ import annotations

import numpy as np
from PySide6.QtGui import QColor

from .images import grey
from .tiles import TileGrid

MAX_SHOWN = 120  # more would not help the learner; the count says how many there are
FRAME = QColor(215, 48, 39)


class MisclassifiedGrid(TileGrid):
    def __init__(self, parent=None):
        super().__init__(tile=36, parent=parent)
        self.indices: list[int] = []

    def set_samples(self, X: np.ndarray, labels: np.ndarray, predicted: np.ndarray, wrong: np.ndarray,
                    side: int) -> None:
        """X (N × side²) in 0..1; wrong: indices of the misclassified samples."""
        self.indices = [int(i) for i in wrong[:MAX_SHOWN]]
        self.set_tiles([(grey(X[i], side), f"{int(labels[i])} → {int(predicted[i])}", FRAME)
                        for i in self.indices])
