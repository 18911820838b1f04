"""The diagram's per-unit pictures, computed: one forward pass over a 24×24 grid on the input plane
(engine.core.plane) through the parameters the diagram shows, coloured (unit_pictures) and handed to each
layer's PictureLayer. Only for 2-input data; a network with other inputs gets no pictures.

The pane decides when (its source key: the parameters may have changed) and whether (it is visible); this
computes nothing when the key has not changed, so stepping through an epoch's operations costs nothing, and a
run computes only on the snapshots the pane takes (twice a second).

    pics = PictureSet()
    pics.setup(spec, data, scene.pictures)     after each scene build
    pics.draw(params, key)                     True when it recomputed
    pics.enlarged(k, j, params, px)            (a larger QImage of unit j of layer k with the data on it, caption)
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPen

from app.i18n import tr
from app.views.boundary_colors import class_colour
from engine.core.network import Network
from engine.core.plane import plane_activations, plane_grid

from .diagram_scene import layer_name
from .unit_pictures import GRID, PictureLayer, colour_tables, picture_colours, picture_kind

ENLARGED_GRID = 64  # points a side of the enlarged picture (computed on hover, for that layer)


def wanted(data) -> bool:
    """Pictures need a plane: exactly 2 inputs."""
    return data is not None and data.n_features == 2


class PictureSet:
    def __init__(self):
        self.layers: dict[int, PictureLayer] = {}
        self.key = None
        self.computations = 0  # forward passes done (tests and the benchmark read it)
        self._net: Network | None = None
        self._spec = None
        self._data = None
        self._grid = None
        self._tables: dict[int, object] = {}  # k → each unit's colours

    def setup(self, spec, data, layers: dict[int, PictureLayer]) -> None:
        self.layers = layers
        self.key = None
        self._spec, self._data = spec, data
        if layers:
            self._net = Network(spec)
            self._grid = plane_grid(data.X, GRID, spec.torch_dtype)
            self._tables = {k: colour_tables(picture_kind(k, spec), item.n) for k, item in layers.items()}

    @property
    def extent(self) -> tuple[float, float, float, float]:
        return self._grid.extent

    def draw(self, params: dict, key) -> bool:
        if not self.layers or key == self.key or not params:
            return False
        self.key = key
        maps = plane_activations(self._net, params, self._grid)  # [(G, G, units) for each layer]
        self.computations += 1
        acts = self._spec.activations
        for k, item in self.layers.items():
            m = maps[k - 1].permute(2, 0, 1)  # (units, G, G)
            item.set_pictures(picture_colours(m, acts[k - 1], self._tables[k]))
        return True

    def sample_point(self, k: int, j: int, x1: float, x2: float) -> QPointF:
        """Where the input (x1, x2) is on unit j's picture (the pictures' pixel centres are the grid points)."""
        a0, a1, b0, b1 = self._grid.extent
        G = self._grid.size
        fx = ((x1 - a0) / (a1 - a0) * (G - 1) + 0.5) / G
        fy = ((x2 - b0) / (b1 - b0) * (G - 1) + 0.5) / G
        return self.layers[k].point_on(j, min(max(fx, 0.0), 1.0), min(max(fy, 0.0), 1.0))

    def caption(self, k: int, j: int) -> str:
        name = layer_name(k, self._spec.depth)
        return tr("activation of {name}[{j}] over (x1, x2): x1 to the right, x2 up").format(name=name, j=j)

    def enlarged(self, k: int, j: int, params: dict, px: int = 160) -> QImage:
        """Unit j of layer k over a finer grid, px × px, with the data points on it."""
        grid = plane_grid(self._data.X, ENLARGED_GRID, self._spec.torch_dtype)
        maps = plane_activations(self._net, params, grid)[k - 1][:, :, j : j + 1].permute(2, 0, 1)
        rgba = picture_colours(maps, self._spec.activations[k - 1], self._tables[k][j : j + 1])
        G = ENLARGED_GRID
        small = QImage(np.ascontiguousarray(rgba[0]).data, G, G, 4 * G, QImage.Format.Format_RGBA8888).copy()
        out = QImage(px, px, QImage.Format.Format_RGBA8888)
        out.fill(QColor(0, 0, 0, 0))
        p = QPainter(out)
        p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        p.drawImage(QRectF(0, 0, px, px), small)
        self._draw_points(p, grid.extent, G, px)
        p.end()
        return out

    def _draw_points(self, p: QPainter, extent, G: int, px: int) -> None:
        data = self._data
        a0, a1, b0, b1 = extent
        X = data.X.double().numpy()
        fx = ((X[:, 0] - a0) / (a1 - a0) * (G - 1) + 0.5) / G * px
        fy = px - ((X[:, 1] - b0) / (b1 - b0) * (G - 1) + 0.5) / G * px
        labels = data.y.reshape(-1).tolist() if data.task != "regression" else None
        r = 3.0 if len(X) <= 50 else 2.0 if len(X) <= 400 else 1.2  # the picture stays visible between them
        p.setPen(QPen(QColor(40, 40, 40, 160), 0.6))
        for i in range(len(X)):
            c = QColor(*class_colour(int(labels[i]))) if labels is not None else QColor(90, 90, 90)
            p.setBrush(c)
            p.drawEllipse(QPointF(fx[i], fy[i]), r, r)
        p.setBrush(Qt.BrushStyle.NoBrush)
