"""The hidden units' small maps under the decision boundary: each unit's activation a_k[:, j] over the same grid,
one mosaic image (one upload, one draw), for the hidden layer chosen in the combo (at most 16 units).

    maps = UnitMaps()
    maps.setup(spec, shown)            the layers of `spec` in the combo; shown only for 2-D data with hidden layers
    maps.draw(as_, grid_size, spec)    from one forward pass over the grid (as_[k]: (G·G + N, units))
    maps.layer                         the chosen layer k (1-based); signal layer_changed(k)
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app import palette
from app.i18n import tr

from .boundary_colors import SmoothImageItem, label_fill, unit_colormap

MAX_UNIT_MAPS = 16
TILE_GAP = 3
HEIGHT = 130


class UnitMaps(QWidget):
    layer_changed = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.layer = 1
        self.wanted = False  # the data and network call for maps (the plot may still hide them for room)
        self.combo = QComboBox()
        self.combo.setToolTip(tr("Which hidden layer's units the small maps show"))
        self.combo.currentIndexChanged.connect(self._on_layer)
        self.caption = QLabel()
        palette.style_label(self.caption, "muted")
        self.caption.setWordWrap(True)
        self.title = QLabel(tr("Hidden units:"))
        self.widget = pg.GraphicsLayoutWidget()
        self._vb = self.widget.addViewBox(lockAspect=True, enableMouse=False)
        self._vb.setMenuEnabled(False)
        self.image = SmoothImageItem(axisOrder="row-major")
        self.image.setColorMap(unit_colormap())
        self._vb.addItem(self.image)
        self._labels: list[pg.TextItem] = []
        self._shape = None
        em = max(1.0, self.fontMetrics().height() / 16)  # the maps grow with the font (high DPI)
        self.widget.setFixedHeight(round(HEIGHT * em))
        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addWidget(self.combo)
        top.addWidget(self.caption, 1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(3)
        lay.addLayout(top)
        lay.addWidget(self.widget)

    def setup(self, spec, shown: bool) -> None:
        keep = self.layer
        self.combo.blockSignals(True)
        self.combo.clear()
        for k, h in enumerate(spec.hidden, start=1):
            self.combo.addItem(tr("a{k} ({n} units)").format(k=k, n=h.units), k)
        self.layer = keep if 1 <= keep <= len(spec.hidden) else 1
        self.combo.setCurrentIndex(self.layer - 1)
        self.combo.blockSignals(False)
        self.wanted = bool(spec.hidden) and shown

    def _on_layer(self, i: int) -> None:
        if i >= 0:
            self.layer = self.combo.itemData(i)
            self.layer_changed.emit(self.layer)

    def draw(self, as_, grid_size: int, spec) -> None:
        if not spec.hidden or self.isHidden():
            return
        k = self.layer
        G = grid_size
        a = as_[k][: G ** 2]  # (G·G, units)
        n = min(a.shape[1], MAX_UNIT_MAPS)
        step = max(1, G // 50)  # the small maps use every other grid point: 50×50 is plenty at that size
        g = len(range(0, G, step))
        act = spec.hidden[k - 1].activation
        maps = a[:, :n].T.reshape(n, G, G)[:, ::step, ::step]  # (n, g, g)
        if act == "sigmoid":
            scaled = maps
        elif act == "tanh":
            scaled = (maps + 1) * 0.5
        else:  # relu, leaky_relu, linear: symmetric around 0 by each unit's largest |a|
            m = maps.abs().amax(dim=(1, 2), keepdim=True).clamp_min(1e-12)
            scaled = maps / (2 * m) + 0.5
        cols = min(n, 8)
        rows = math.ceil(n / cols)
        H, W = rows * g + (rows - 1) * TILE_GAP, cols * g + (cols - 1) * TILE_GAP
        mosaic = np.full((H, W), np.nan, dtype=np.float32)
        sc = scaled.numpy()
        for j in range(n):
            r, c = divmod(j, cols)
            top = (rows - 1 - r) * (g + TILE_GAP)  # row-major image: row 0 is at the bottom
            left = c * (g + TILE_GAP)
            mosaic[top:top + g, left:left + g] = sc[j]
        self.image.setImage(mosaic, autoLevels=False, levels=(0.0, 1.0))
        if len(self._labels) != n or self._shape != (rows, cols, g):
            self._place_labels(n, rows, cols, g)
        self.caption.setText(
            tr("each map: a{k}[:, j] over the same grid ({act}); red low, blue high").format(k=k, act=act)
            + (tr(" · first {m} of {n}").format(m=n, n=a.shape[1]) if a.shape[1] > n else ""))

    def apply_theme(self, t: palette.Colours) -> None:
        """The colour map and the unit labels for the light or dark set (the caller draws the maps again)."""
        self.image.setColorMap(unit_colormap())
        for label in self._labels:
            label.setColor(t.text)
            label.fill = label_fill(t)
            label.update()

    def _place_labels(self, n, rows, cols, g) -> None:
        for t in self._labels:
            self._vb.removeItem(t)
        self._labels = []
        for j in range(n):
            r, c = divmod(j, cols)
            theme = palette.current()  # the unit's number on a small box of the canvas colour
            t = pg.TextItem(f"{j}", color=theme.text, fill=label_fill(theme), anchor=(0, 0))
            t.setPos(c * (g + TILE_GAP), (rows - r) * (g + TILE_GAP) - TILE_GAP)
            self._vb.addItem(t)
            self._labels.append(t)
        self._shape = (rows, cols, g)
        H, W = rows * g + (rows - 1) * TILE_GAP, cols * g + (cols - 1) * TILE_GAP
        self._vb.setRange(xRange=(0, W), yRange=(0, H), padding=0.02)
