"""The decision-boundary plot: what the network answers everywhere around the data.

2-D inputs: the model's output over a G×G grid (G ≥ 100) covering the data with a 10 % margin — binary:
P(class 1) on a diverging map around 0.5; K classes: the class colours blended by probability — with the
data points on top, coloured by class, misclassified ones ringed in red. Below, small maps of each
hidden unit's activation over the same grid (one layer, chosen in a combo; at most 16 units).
1-D regression: the fitted curve over the data.

Click adds a point of the class chosen in the combo (for regression: at the clicked x with target y);
Shift-click removes the nearest point. Both are AddPointCommand / RemovePointCommand (undoable).

Speed: the grid tensor is built once per data change and reused; one forward pass gives the output and
every hidden activation; each image is updated with setImage(autoLevels=False). The unit maps are one
mosaic ImageItem (one upload, one draw). While training runs, the params come from the snapshots and the
trainer is never touched (the plot keeps its own stateless engine Network); the plot follows them at most
RUN_REDRAWS_PER_SECOND times a second (the loss curve shows every snapshot; the GUI thread shares the GIL with
the worker, so fewer redraws mean faster training), and redraws from the trainer when the run stops.

Public API:
    plot_widget                      the main PlotWidget
    image                            the boundary ImageItem (image shape (G, G) or (G, G, 3))
    scatter, wrong                   data points, misclassified rings (ScatterPlotItems)
    curve                            the fitted curve (1-D regression)
    units_widget                     the hidden-unit maps (GraphicsLayoutWidget)
    class_combo                      the class a click adds
    highlight_sample(index | None)   ring one data point ("follow one sample")
    set_grid_size(n)                 n ≥ 100
    refresh(params=None)             recompute and redraw (params: a dict of tensors; default the session's)
    misclassified() -> np.ndarray    indices of the points the network gets wrong now
    point_clicked = Signal(float, float, bool)   every click on the plot: (x, y, shift)

Run on its own: `python -m app.views.boundary_plot [preset] [epochs]`.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
import torch
from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app.i18n import tr
from app.state.throttle import Throttle
from engine.core.network import Network

MIN_GRID = 100
RUN_REDRAWS_PER_SECOND = 10
MAX_UNIT_MAPS = 16
TILE_GAP = 3
CLASS_COLOURS = np.array([
    (230, 97, 1), (33, 102, 172), (27, 158, 119), (117, 112, 179),
    (231, 41, 138), (102, 166, 30), (200, 150, 0), (140, 90, 40),
], dtype=np.float64)
WRONG_PEN = pg.mkPen(color=(215, 0, 0), width=2.5)


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


class BoundaryPlot(QWidget):
    point_clicked = Signal(float, float, bool)

    def __init__(self, session, parent=None, grid: int = MIN_GRID):
        super().__init__(parent)
        self.session = session
        self.grid_size = max(MIN_GRID, int(grid))
        self._highlight: int | None = None
        self._net: Network | None = None
        self._grid: torch.Tensor | None = None
        self._X: torch.Tensor | None = None
        self._extent = (0.0, 1.0, 0.0, 1.0)
        self._mode = "none"  # "2d" | "curve" | "none"
        self._wrong = np.empty(0, dtype=np.int64)
        self._unit_layer = 1
        self._last_params = None
        self._rect_dirty = True
        self._rgb = False
        self._wrong_drawn = False
        self._inputs: torch.Tensor | None = None
        self._run_throttle = Throttle(RUN_REDRAWS_PER_SECOND)  # redraws from snapshots during a run

        self.plot_widget = pg.PlotWidget(background="w")
        pi = self.plot_widget.getPlotItem()
        pi.setMenuEnabled(False)
        pi.hideButtons()
        pi.getViewBox().setAspectLocked(False)
        for side in ("left", "bottom"):
            pi.getAxis(side).enableAutoSIPrefix(False)
        self.image = SmoothImageItem(axisOrder="row-major")
        self.image.setZValue(-10)
        pi.addItem(self.image)
        self._cmap = diverging_colormap()
        self.curve = pg.PlotDataItem(pen=pg.mkPen(color=(33, 102, 172), width=2.5))
        pi.addItem(self.curve)
        self.scatter = pg.ScatterPlotItem(size=9, pen=pg.mkPen(40, 40, 40, 200, width=1))
        self.scatter.setZValue(5)
        pi.addItem(self.scatter)
        self.wrong = pg.ScatterPlotItem(size=17, symbol="o", pen=WRONG_PEN, brush=None)
        self.wrong.setZValue(6)
        pi.addItem(self.wrong)
        self.marker = pg.ScatterPlotItem(size=24, symbol="o", pen=pg.mkPen(0, 0, 0, width=2.5), brush=None)
        self.marker.setZValue(7)
        pi.addItem(self.marker)
        self.plot_widget.scene().sigMouseClicked.connect(self._on_click)

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.hide()
        self.nan_note = QLabel(tr("The network's output is not a number here: training diverged (see the "
                                  "loss plot). Roll back or lower the learning rate."))
        self.nan_note.setWordWrap(True)
        self.nan_note.setStyleSheet("color: #b2182b;")
        self.nan_note.hide()
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b2182b;")
        self.error.hide()

        self.class_combo = QComboBox()
        self.class_combo.setToolTip(tr("The class a click adds"))
        self._class_label = QLabel(tr("Click adds:"))
        self.hint = QLabel(tr("Shift-click removes the nearest point"))
        self.hint.setStyleSheet("color: #666;")
        self.hint.setWordWrap(True)
        self.unit_combo = QComboBox()
        self.unit_combo.setToolTip(tr("Which hidden layer's units the small maps show"))
        self.unit_combo.currentIndexChanged.connect(self._on_unit_layer)

        self.units_widget = pg.GraphicsLayoutWidget()
        self.units_widget.setBackground("w")
        self._units_vb = self.units_widget.addViewBox(lockAspect=True, enableMouse=False)
        self._units_vb.setMenuEnabled(False)
        self.units_image = SmoothImageItem(axisOrder="row-major")
        self.units_image.setColorMap(unit_colormap())
        self._units_vb.addItem(self.units_image)
        self._unit_labels: list[pg.TextItem] = []
        self.units_widget.setFixedHeight(130)
        self._units_caption = QLabel()
        self._units_caption.setStyleSheet("color: #666;")
        self._units_caption.setWordWrap(True)

        top = QHBoxLayout()
        top.addWidget(self._class_label)
        top.addWidget(self.class_combo)
        top.addWidget(self.hint, 1)
        units_top = QHBoxLayout()
        units_top.addWidget(QLabel(tr("Hidden units:")))
        units_top.addWidget(self.unit_combo)
        units_top.addWidget(self._units_caption, 1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(2, 2, 2, 2)
        lay.setSpacing(3)
        lay.addLayout(top)
        lay.addWidget(self.plot_widget, 1)
        lay.addWidget(self.message)
        lay.addWidget(self.nan_note)
        lay.addWidget(self.error)
        lay.addLayout(units_top)
        lay.addWidget(self.units_widget)
        self._units_row = [units_top.itemAt(i).widget() for i in range(units_top.count())]

        session.network_changed.connect(self._on_network)
        session.params_changed.connect(self._on_params)
        if hasattr(session, "snapshot"):
            session.snapshot.connect(self._on_snapshot)
        self._on_network()
        # the shared selection: the sample the inspector follows is ringed here

        session.selection.sample_changed.connect(self._on_shared_sample)

    # ----- public ---------------------------------------------------------------------------------
    def set_grid_size(self, n: int) -> None:
        self.grid_size = max(MIN_GRID, int(n))
        self._build_grid()
        self.refresh()

    def highlight_sample(self, index: int | None) -> None:
        self._highlight = index
        self._draw_marker()

    def misclassified(self) -> np.ndarray:
        return self._wrong.copy()

    def refresh(self, params=None) -> None:
        """Recompute the output over the grid (and the misclassified points) and redraw."""
        if params is None:
            if getattr(self.session, "running", False):
                return  # the worker owns the trainer; snapshots bring the params
            params = self.session.params
        self._last_params = params
        if self._mode == "2d":
            self._draw_2d(params)
        elif self._mode == "curve":
            self._draw_curve(params)

    # ----- building ---------------------------------------------------------------------------------
    def _on_network(self) -> None:
        s = self.session
        spec, data = s.spec, s.data
        self._net = Network(spec)
        self._X = data.X.to(spec.torch_dtype)
        if data.n_features == 2:
            self._mode = "2d"
        elif data.n_features == 1 and data.task == "regression":
            self._mode = "curve"
        else:
            self._mode = "none"
        self._setup_classes()
        self._setup_unit_layers()
        self._build_grid()
        self._draw_points()
        self._wrong_drawn = False
        self._rgb = data.task == "multiclass" and spec.outputs > 2
        if self._rgb:
            self.image.setLookupTable(None)
        else:
            self.image.setColorMap(self._cmap)
        self.image.setVisible(self._mode == "2d")
        self.curve.setVisible(self._mode == "curve")
        self.plot_widget.setVisible(self._mode != "none")
        if self._mode == "none":
            self.message.setText(tr("The decision boundary is drawn for data with 2 inputs (or a 1-input "
                                    "regression); this data has {f} inputs.").format(f=data.n_features))
        self.message.setVisible(self._mode == "none")
        self.error.hide()
        pi = self.plot_widget.getPlotItem()
        pi.setLabel("bottom", "x1" if self._mode == "2d" else "x")
        pi.setLabel("left", "x2" if self._mode == "2d" else "y")
        self._set_range()
        self.refresh()

    def _setup_classes(self) -> None:
        data = self.session.data
        keep = self.class_combo.currentIndex()
        self.class_combo.blockSignals(True)
        self.class_combo.clear()
        if data.task != "regression":
            for k in range(data.n_classes):
                pm = QPixmap(12, 12)
                pm.fill(QColor(*class_colour(k)))
                name = data.class_names[k] if data.class_names else str(k)
                self.class_combo.addItem(QIcon(pm), tr("class {name}").format(name=name), k)
            self.class_combo.setCurrentIndex(keep if 0 <= keep < data.n_classes else 0)
        self.class_combo.blockSignals(False)
        clf = data.task != "regression"
        self.class_combo.setVisible(clf and self._mode != "none")
        self._class_label.setVisible(clf and self._mode != "none")
        self.hint.setText(tr("Click adds a point at (x, y) · Shift-click removes the nearest") if not clf
                          else tr("Shift-click removes the nearest point"))
        self.hint.setVisible(self._mode != "none")

    def _setup_unit_layers(self) -> None:
        spec = self.session.spec
        keep = self._unit_layer
        self.unit_combo.blockSignals(True)
        self.unit_combo.clear()
        for k, h in enumerate(spec.hidden, start=1):
            self.unit_combo.addItem(tr("a{k} ({n} units)").format(k=k, n=h.units), k)
        self._unit_layer = keep if 1 <= keep <= len(spec.hidden) else 1
        self.unit_combo.setCurrentIndex(self._unit_layer - 1)
        self.unit_combo.blockSignals(False)
        show = bool(spec.hidden) and self._mode == "2d"
        self.units_widget.setVisible(show)
        for w in self._units_row:
            w.setVisible(show)

    def _build_grid(self) -> None:
        """The grid points (G·G × 2, in the network's dtype), covering the data with a 10 % margin."""
        X = self.session.data.X
        if self._mode == "none":
            self._grid = None
            return
        G = self.grid_size
        dt = self.session.spec.torch_dtype
        lo = X.min(0).values.tolist()
        hi = X.max(0).values.tolist()
        ext = []
        for a, b in zip(lo, hi):
            span = b - a if b > a else 1.0
            ext += [a - 0.1 * span, b + 0.1 * span]
        if self._mode == "2d":
            x0, x1, y0, y1 = ext
            xs = torch.linspace(x0, x1, G, dtype=torch.float64)
            ys = torch.linspace(y0, y1, G, dtype=torch.float64)
            gy, gx = torch.meshgrid(ys, xs, indexing="ij")  # row i = y, column j = x
            self._grid = torch.stack([gx.reshape(-1), gy.reshape(-1)], 1).to(dt).contiguous()
            self._inputs = torch.cat([self._grid, self._X]).contiguous()  # grid rows, then the data
            # pixel centres sit on the grid points: the image spans half a cell beyond them
            dx, dy = (x1 - x0) / (G - 1), (y1 - y0) / (G - 1)
            self._extent = (x0 - dx / 2, x1 + dx / 2, y0 - dy / 2, y1 + dy / 2)
            self._rect_dirty = True  # setRect scales by the image's size: apply it after setImage
        else:
            x0, x1 = ext
            n = max(400, G)
            self._grid = torch.linspace(x0, x1, n, dtype=torch.float64)[:, None].to(dt).contiguous()
            y = self.session.data.y[:, 0]
            ylo, yhi = float(y.min()), float(y.max())
            span = yhi - ylo if yhi > ylo else 1.0
            self._extent = (x0, x1, ylo - 0.15 * span, yhi + 0.15 * span)

    def _set_range(self) -> None:
        if self._mode == "none":
            return
        x0, x1, y0, y1 = self._extent
        self.plot_widget.getPlotItem().getViewBox().setRange(xRange=(x0, x1), yRange=(y0, y1), padding=0)

    def _draw_points(self) -> None:
        data = self.session.data
        if self._mode == "none":
            self.scatter.setData([], [])
            return
        X = data.X.numpy()
        if self._mode == "2d":
            x, y = X[:, 0], X[:, 1]
        else:
            x, y = X[:, 0], data.y[:, 0].numpy()
        if data.task == "regression":
            brushes = pg.mkBrush(60, 60, 60, 200)
        else:
            table = [pg.mkBrush(*class_colour(k)) for k in range(data.n_classes)]
            brushes = [table[k] for k in data.y.tolist()]
        self.scatter.setData(x=x, y=y, brush=brushes)
        self._draw_marker()

    def _draw_marker(self) -> None:
        i = self._highlight
        data = self.session.data
        if i is None or self._mode == "none" or not 0 <= i < data.n_samples:
            self.marker.setData([], [])
            return
        X = data.X
        y = float(X[i, 1]) if self._mode == "2d" else float(data.y[i, 0])
        self.marker.setData([float(X[i, 0])], [y])

    # ----- drawing ----------------------------------------------------------------------------------
    def _forward(self, params, X):
        return self._net.forward(params, X)

    def _draw_2d(self, params) -> None:
        G = self.grid_size
        GG = G * G
        data = self.session.data
        # one forward pass over the grid and, below it, the data points (for the misclassified marks)
        ls, as_ = self._forward(params, self._inputs)
        out = as_[-1][:GG]  # (G·G, outputs)
        finite = bool(torch.isfinite(out).all())
        if finite != self.nan_note.isHidden():
            self.nan_note.setVisible(not finite)
        if data.task == "regression":
            v = out[:, 0].reshape(G, G).numpy()
            lo, hi = float(data.y.min()), float(data.y.max())
            img = (v - lo) / (hi - lo) if hi > lo else v * 0 + 0.5
            self.image.setImage(img, autoLevels=False, levels=(0.0, 1.0))
        elif out.shape[1] == 1 or data.n_classes == 2:
            p = out[:, -1] if out.shape[1] > 1 else out[:, 0]
            img = p.reshape(G, G).numpy()
            self.image.setImage(img, autoLevels=False, levels=(0.0, 1.0))
        else:
            K = out.shape[1]
            palette = _pastel(CLASS_COLOURS[np.arange(K) % len(CLASS_COLOURS)], 0.45)  # (K, 3)
            colours = torch.from_numpy(palette).to(out.dtype)
            rgb = (out.clamp(0, 1) @ colours).reshape(G, G, 3)  # probability-weighted class colours
            if not finite:  # not a number: no colour (the float maps above show NaN as blank by themselves)
                rgb = torch.where(torch.isfinite(rgb), rgb, torch.full_like(rgb, 255.0))
            img = rgb.clamp_(0, 255).to(torch.uint8).numpy()
            self.image.setImage(img, autoLevels=False, levels=(0, 255))
        if self._rect_dirty:
            x0, x1, y0, y1 = self._extent
            self.image.setRect(QRectF(x0, y0, x1 - x0, y1 - y0))
            self._rect_dirty = False
        self._draw_units(as_)
        self._draw_wrong(as_[-1][GG:])

    def _draw_curve(self, params) -> None:
        y = self._net.predict(params, self._grid)[:, 0].numpy()
        self.curve.setData(self._grid[:, 0].numpy(), y)
        self._wrong = np.empty(0, dtype=np.int64)
        self.wrong.setData([], [])

    def _draw_wrong(self, y_pred) -> None:
        """Ring the points whose predicted class (y_pred > 0.5, or the argmax) is not their label."""
        data = self.session.data
        if data.task == "regression":
            self._wrong = np.empty(0, dtype=np.int64)
            self.wrong.setData([], [])
            return
        if y_pred.shape[1] == 1:
            guess = (y_pred[:, 0] > 0.5).to(torch.int64)
        else:
            guess = y_pred.argmax(1)
        wrong = torch.nonzero(guess != data.y).reshape(-1).numpy()
        if np.array_equal(wrong, self._wrong) and self._wrong_drawn:
            return
        self._wrong = wrong
        self._wrong_drawn = True
        X = data.X.numpy()
        self.wrong.setData(X[wrong, 0], X[wrong, 1])

    def _draw_units(self, as_) -> None:
        spec = self.session.spec
        if not spec.hidden or self.units_widget.isHidden():
            return
        k = self._unit_layer
        a = as_[k][: self.grid_size ** 2]  # (G·G, units)
        n = min(a.shape[1], MAX_UNIT_MAPS)
        G = self.grid_size
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
        self.units_image.setImage(mosaic, autoLevels=False, levels=(0.0, 1.0))
        if len(self._unit_labels) != n or self._units_shape != (rows, cols, g):
            self._place_unit_labels(n, rows, cols, g, k)
        self._units_caption.setText(
            tr("each map: a{k}[:, j] over the same grid ({act}); red low, blue high").format(k=k, act=act)
            + (tr(" · first {m} of {n}").format(m=n, n=a.shape[1]) if a.shape[1] > n else ""))

    _units_shape = None

    def _place_unit_labels(self, n, rows, cols, g, k) -> None:
        for t in self._unit_labels:
            self._units_vb.removeItem(t)
        self._unit_labels = []
        for j in range(n):
            r, c = divmod(j, cols)
            t = pg.TextItem(f"{j}", color=(30, 30, 30), anchor=(0, 0))
            t.setPos(c * (g + TILE_GAP), (rows - r) * (g + TILE_GAP) - TILE_GAP)
            self._units_vb.addItem(t)
            self._unit_labels.append(t)
        self._units_shape = (rows, cols, g)
        H, W = rows * g + (rows - 1) * TILE_GAP, cols * g + (cols - 1) * TILE_GAP
        self._units_vb.setRange(xRange=(0, W), yRange=(0, H), padding=0.02)

    # ----- events -----------------------------------------------------------------------------------
    def _on_shared_sample(self, index: int) -> None:
        self.highlight_sample(None if index < 0 else index)

    def _on_params(self) -> None:
        self.refresh()

    def _on_snapshot(self, snap) -> None:
        if not snap.params:
            return
        if getattr(self.session, "running", False) and not self._run_throttle.due():
            return  # the next snapshot (or the end of the run) brings newer params anyway
        self.refresh(snap.params)

    def _on_unit_layer(self, i: int) -> None:
        if i >= 0:
            self._unit_layer = self.unit_combo.itemData(i)
            if self._last_params is not None and self._mode == "2d":
                self._draw_2d(self._last_params)

    def _on_click(self, ev) -> None:
        if self._mode == "none" or ev.button() != Qt.MouseButton.LeftButton or ev.double():
            return  # (a double-click's first click has already added its point)
        vb = self.plot_widget.getPlotItem().getViewBox()
        if not vb.sceneBoundingRect().contains(ev.scenePos()):
            return
        p = vb.mapSceneToView(ev.scenePos())
        x, y = float(p.x()), float(p.y())
        shift = bool(ev.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        ev.accept()
        self.point_clicked.emit(x, y, shift)
        if shift:
            self.remove_nearest(x, y)
        else:
            self.add_point(x, y)

    def add_point(self, x: float, y: float) -> str | None:
        """Add a point at (x, y) (of the selected class; for 1-D regression, x with target y)."""
        from app.state.commands import AddPointCommand

        data = self.session.data
        if self._mode == "curve":
            cmd = AddPointCommand(self.session, [x], [y])
        else:
            k = self.class_combo.currentData()
            cmd = AddPointCommand(self.session, [x, y], 0 if k is None else int(k))
        return self._push(cmd) if data is not None else None

    def remove_nearest(self, x: float, y: float) -> str | None:
        """Remove the data point nearest to (x, y), measured on screen (both axes in pixels)."""
        from app.state.commands import RemovePointCommand

        data = self.session.data
        X = data.X.numpy()
        px, py = (X[:, 0], X[:, 1]) if self._mode == "2d" else (X[:, 0], data.y[:, 0].numpy())
        vb = self.plot_widget.getPlotItem().getViewBox()
        (vx0, vx1), (vy0, vy1) = vb.viewRange()
        w, h = max(vb.width(), 1.0), max(vb.height(), 1.0)
        d = ((px - x) / (vx1 - vx0) * w) ** 2 + ((py - y) / (vy1 - vy0) * h) ** 2
        return self._push(RemovePointCommand(self.session, int(np.argmin(d))))

    def _push(self, cmd) -> str | None:
        err = self.session.try_push(cmd)
        self.error.setText(err or "")
        self.error.setVisible(bool(err))
        return err


def main(argv=None) -> int:  # pragma: no cover - manual look
    from app.views.standalone import run

    return run(BoundaryPlot, (560, 640), argv, train=True)


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
