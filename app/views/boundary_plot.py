"""The decision-boundary plot: what the network answers everywhere around the data.

2-D inputs: the model's output over a G×G grid (G ≥ 100) covering the data with a 10 % margin — binary:
P(class 1) on a diverging map around 0.5; K classes: the class colours blended by probability — with the
data points on top, coloured by class (test points of a train/test split hollow), misclassified ones ringed
in red (app/views/boundary_points.py; the image: boundary_image.py). Below, small maps of each
hidden unit's activation over the same grid (one layer, chosen in a combo; at most 16 units).
1-D regression: the fitted curve over the data.

Click adds a point of the class chosen in the combo (for regression: at the clicked x with target y);
Shift-click removes the nearest point. Both are AddPointCommand / RemovePointCommand (undoable;
app/views/boundary_edit.py).

Speed: the grid tensor is built once per data change and reused; one forward pass gives the output and
every hidden activation; each image is updated with setImage(autoLevels=False). The unit maps are one
mosaic ImageItem (one upload, one draw). While training runs, the params come from the snapshots and the
trainer is never touched (the plot keeps its own stateless engine Network); the plot follows
`session.run_frame` (about 10 a second, the last snapshot always, in step with the status bar and the run
view, so all of them show the same epoch; the loss curve shows every snapshot; the GUI thread shares the GIL
with the worker, so fewer redraws mean faster training), and redraws from the trainer when the run stops.

Public API:
    plot_widget                      the main PlotWidget
    image                            the boundary ImageItem (image shape (G, G) or (G, G, 3))
    scatter, test_scatter, wrong     training points, hollow test points, misclassified rings (ScatterPlotItems)
    curve                            the fitted curve (1-D regression)
    units_widget                     the hidden-unit maps (GraphicsLayoutWidget)
    class_combo                      the class a click adds
    highlight_sample(index | None)   ring one sample ("follow one sample": a row of the trained X)
    set_grid_size(n)                 n ≥ 100
    refresh(params=None)             recompute and redraw (params: a dict of tensors; default the session's)
    misclassified() -> np.ndarray    indices of the points the network gets wrong now
    point_clicked = Signal(float, float, bool)   every click on the plot: (x, y, shift)

Run on its own: `python -m app.views.boundary_plot [preset] [epochs]`.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
import torch
from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from app import palette
from app.i18n import tr

from app.views.plot_style import axis_title, series_pen, style_plot
from engine.core.network import Network

from .boundary_colors import (  # noqa: F401 (class_colour: imported from here by other views)
    CLASS_COLOURS, SmoothImageItem, class_colour, diverging_colormap,
)
from .boundary_batch import BatchRings
from .boundary_edit import PointEditor
from .boundary_grid import grid_1d, grid_2d
from .boundary_image import output_image
from .boundary_points import PointLayers
from .boundary_units import UnitMaps

MIN_GRID = 100
UNITS_NEED = 420  # px of height below which the unit maps give their room to the boundary


class BoundaryPlot(QWidget):
    point_clicked = Signal(float, float, bool)
    title_changed = Signal(str)  # the dock's: "Decision boundary", "Fit" (1-D regression), "Classification"

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
        self._last_params = None
        self._rect_dirty = True
        self._rgb = False
        self._inputs: torch.Tensor | None = None

        t = palette.current()
        em = max(1.0, QFontMetricsF(self.font()).height() / 16)  # marker sizes follow the font (high DPI)
        self.plot_widget = pg.PlotWidget()
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
        self.curve = pg.PlotDataItem(pen=series_pen(t, "curve", 2.5))
        pi.addItem(self.curve)
        self.points = PointLayers(pi, em)
        p = self.points
        self.scatter, self.test_scatter, self.wrong, self.marker = p.scatter, p.test_scatter, p.wrong, p.marker
        self.plot_widget.scene().sigMouseClicked.connect(self._on_click)

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.hide()
        self.nan_note = QLabel(tr("The network's output is not a number here: training diverged (see the "
                                  "loss plot). Roll back or lower the learning rate."))
        self.nan_note.setWordWrap(True)
        palette.style_label(self.nan_note, "error")
        self.nan_note.hide()
        self.editor = PointEditor(session)
        self.error, self.class_combo, self.hint = self.editor.error, self.editor.class_combo, self.editor.hint
        self.legend = self.points.legend
        self.units = UnitMaps()
        self.units.layer_changed.connect(self._on_unit_layer)
        self.units_widget, self.units_image, self.unit_combo = self.units.widget, self.units.image, self.units.combo

        lay = QVBoxLayout(self)
        lay.setContentsMargins(2, 2, 2, 2)
        lay.setSpacing(3)
        lay.addLayout(self.editor.bar)
        lay.addWidget(self.plot_widget, 1)
        lay.addWidget(self.legend)
        lay.addWidget(self.message)
        from app.views.classify.panel import NonPlanarPanel  # issue 12 item 7 (hook): not a plane → confusion

        self.non_planar = NonPlanarPanel(session)
        lay.addWidget(self.non_planar, 1)
        lay.addWidget(self.nan_note)
        lay.addWidget(self.error)
        lay.addWidget(self.units)

        session.network_changed.connect(self._on_network)
        session.params_changed.connect(self._on_params)
        session.run_frame.connect(self._on_snapshot)  # ~10 a second and the run's last snapshot
        self._on_network()
        # the shared selection: the sample the inspector follows is ringed here
        session.selection.sample_changed.connect(self._on_shared_sample)
        session.trace_changed.connect(self._draw_marker)  # a new mini-batch: the followed row is another point
        self.batch_rings = BatchRings(self, session)  # the rows of the mini-batch on show (boundary_batch.py)
        style_plot(self.plot_widget, [self.plot_widget.getPlotItem()], self._apply_theme)
        style_plot(self.units_widget, [])

    def _apply_theme(self, t: palette.Colours) -> None:
        """Pens, colour maps and the unit labels for the light or dark set; the maps are drawn again."""
        self.curve.setPen(series_pen(t, "curve", 2.5))
        self.points.apply_theme(t)
        self._cmap = diverging_colormap()
        if not self._rgb:
            self.image.setColorMap(self._cmap)
        self.units.apply_theme(t)
        if self._last_params is not None and not self.session.running:
            self.refresh(self._last_params)

    # ----- public ---------------------------------------------------------------------------------
    def set_grid_size(self, n: int) -> None:
        self.grid_size = max(MIN_GRID, int(n))
        self._build_grid()
        self.refresh()

    def highlight_sample(self, index: int | None) -> None:
        self._highlight = index
        self._draw_marker()

    def misclassified(self) -> np.ndarray:
        return self.points.wrong_rows.copy()

    def refresh(self, params=None) -> None:
        """Recompute the output over the grid (and the misclassified points) and redraw."""
        if params is None:
            if self.session.running:
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
        self._rgb = data.task == "multiclass" and spec.outputs > 2
        if self._rgb:
            self.image.setLookupTable(None)
        else:
            self.image.setColorMap(self._cmap)
        self.image.setVisible(self._mode == "2d")
        self.curve.setVisible(self._mode == "curve")
        self.plot_widget.setVisible(self._mode != "none")
        # nothing to draw: the message, unless the confusion panel takes the place (the pane then titled so)
        alone = self._mode == "none" and not self.non_planar.applies()
        if alone:
            self.message.setText(tr("The decision boundary is drawn for data with 2 inputs (or a 1-input "
                                    "regression); this data has {f} inputs.").format(f=data.n_features))
        self.message.setVisible(alone)
        self.error.hide()
        pi = self.plot_widget.getPlotItem()
        pi.setLabel("bottom", "x1" if self._mode == "2d" else "x")
        # the y title level in the row above the plot (as the loss pane's): turned on its side it read
        # differently from every other title, and Korean lies on its side
        axis_title(pi, "x2" if self._mode == "2d" else tr("y: the network's fit over x, with the data"))
        self.title_changed.emit(self.title())
        self._set_range()
        self.refresh()

    def _setup_classes(self) -> None:
        self.editor.setup(self._mode)

    def _setup_unit_layers(self) -> None:
        self.units.setup(self.session.spec, self._mode == "2d")
        self._fit_units(redraw=False)  # _on_network redraws once the grid is built

    def title(self) -> str:
        """The pane's title for its data: a fit for a 1-D regression, the classifier's answers where the
        inputs are not a plane (the confusion panel), else a decision boundary."""
        if self._mode == "curve":
            return tr("Fit")
        if self._mode == "none" and self.non_planar.applies():
            return tr("Classification")
        return tr("Decision boundary")

    def resizeEvent(self, e) -> None:
        super().resizeEvent(e)
        self._fit_units()

    def _fit_units(self, redraw: bool = True) -> None:
        """The unit maps only when there is room: the boundary itself is never squeezed for them."""
        show = self.units.wanted and self.height() >= UNITS_NEED
        if show == self.units.isHidden():
            self.units.setVisible(show)
            if redraw and show and self._last_params is not None and self._mode == "2d":
                self._draw_2d(self._last_params)

    def _build_grid(self) -> None:
        """The grid points (G·G × 2, in the network's dtype), covering the data with a 10 % margin."""
        X = self.session.data.X
        if self._mode == "none":
            self._grid = None
            return
        dt = self.session.spec.torch_dtype
        if self._mode == "2d":
            self._grid, self._extent = grid_2d(X, self.grid_size, dt)
            self._inputs = torch.cat([self._grid, self._X]).contiguous()  # grid rows, then the data
            self._rect_dirty = True  # setRect scales by the image's size: apply it after setImage
        else:
            self._grid, self._extent = grid_1d(X, self.session.data.y[:, 0], self.grid_size, dt)

    def _set_range(self) -> None:
        if self._mode == "none":
            return
        x0, x1, y0, y1 = self._extent
        self.plot_widget.getPlotItem().getViewBox().setRange(xRange=(x0, x1), yRange=(y0, y1), padding=0)

    def _draw_points(self) -> None:
        self.points.draw_points(self.session.data, self._mode)
        self._draw_marker()

    def _draw_marker(self) -> None:
        i, s = self._highlight, self.session
        row = s.training_row(i) if i is not None and 0 <= i < s.n_train else None
        self.points.draw_marker(s.data, self._mode, row)

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
        img, levels = output_image(out, data, G, finite)
        self.image.setImage(img, autoLevels=False, levels=levels)
        if self._rect_dirty:
            x0, x1, y0, y1 = self._extent
            self.image.setRect(QRectF(x0, y0, x1 - x0, y1 - y0))
            self._rect_dirty = False
        self.units.draw(as_, self.grid_size, self.session.spec)
        self.points.draw_wrong(data, self._mode, as_[-1][GG:])

    def _draw_curve(self, params) -> None:
        y = self._net.predict(params, self._grid)[:, 0].numpy()
        self.curve.setData(self._grid[:, 0].numpy(), y)
        self.points.draw_wrong(self.session.data, self._mode, None)

    # ----- events -----------------------------------------------------------------------------------
    def _on_shared_sample(self, index: int) -> None:
        self.highlight_sample(None if index < 0 else index)

    def _on_params(self) -> None:
        self.refresh()

    def _on_snapshot(self, snap) -> None:
        """A run frame: draw the snapshot's parameters (copies made by the worker)."""
        if snap.params:
            self.refresh(snap.params)

    def _on_unit_layer(self, _k: int) -> None:
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
        return self.editor.add_point(self._mode, x, y)

    def remove_nearest(self, x: float, y: float) -> str | None:
        """Remove the data point nearest to (x, y), measured on screen (both axes in pixels)."""
        return self.editor.remove_nearest(self._mode, self.plot_widget.getPlotItem().getViewBox(), x, y)


def main(argv=None) -> int:  # pragma: no cover - manual look
    from app.views.standalone import run

    return run(BoundaryPlot, (560, 640), argv, train=True)


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
