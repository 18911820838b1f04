"""UnitImages: the first layer of a network on image inputs, one picture per hidden unit.

Column j of w1 (side² weights) multiplies the input image pixel by pixel, so it is drawn as a side×side
image: blue where a dark pixel pushes unit j up, red where it pushes it down (one shared scale for all
units). The same for d_w1, the gradient the current epoch computed: where the update will move w1.
"""

from __future__ import annotations

import numpy as np

from .images import signed
from .tiles import TileGrid

WEIGHTS, GRADIENT = "w1", "d_w1"


class UnitImages(TileGrid):
    def __init__(self, parent=None):
        super().__init__(tile=44, parent=parent)
        self.values: np.ndarray | None = None
        self.name = WEIGHTS

    def set_matrix(self, w: np.ndarray, side: int, name: str = WEIGHTS) -> None:
        """w: (side² × units), w1 or d_w1; one tile per column."""
        self.values = np.asarray(w, dtype=np.float64)
        self.name = name
        self.set_tiles([(img, str(j), None) for j, img in enumerate(signed(self.values, side))])  # column j
