"""DiagramPane: the network as nodes by layer and one edge per weight w{k}[i, j] (unit i of layer k−1 to unit
j of layer k; biases are badges on their node, not edges). Edges are coloured by sign (blue +, red −) and
drawn wider for larger |w|. During the backward phase each layer switches to its gradient d_w{k} as soon as
the walk has computed it, so the gradients can be seen flowing back; layers not reached yet are grey.

Hovering an edge shows w{k}[i,j] and d_w{k}[i,j]; clicking it selects that cell in the shared selection
(app.state.selection.Selection), which the weights editor and the inspector follow, and the other way round.
With a sample followed, each node is filled with that sample's activation.

For 2-input data each hidden and output unit is a small picture of its activation over the input plane
(diagram_pictures, from one forward pass over a 24×24 grid; hovering one shows it larger with the data); the
followed sample is then a ring on each picture, where the sample lies. The pictures are recomputed only when
the parameters shown may have changed and the pane is visible; during a run, on the snapshots it takes.

Built by diagram_scene.build; edges of one layer pair are painted by a single item (diagram_items.EdgeLayer;
2→64→64→64→3 has 8,512 of them), grouped by pen; the legend's wording is diagram_legend.
"""

from __future__ import annotations

from PySide6.QtCore import QLineF, QPointF, Qt
from PySide6.QtGui import QBrush, QColor, QFontMetricsF, QPen
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QGraphicsEllipseItem, QGraphicsRectItem, QGraphicsSimpleTextItem, QGraphicsScene,
    QHBoxLayout, QLabel, QToolTip, QVBoxLayout, QWidget,
)

from app import palette
from app.i18n import tr
from app.state.throttle import Throttle

from . import colors as C
from .diagram_items import GRADIENTS, PENDING, WEIGHTS, DiagramView, EdgeLayer
from .diagram_legend import edge_tooltip, legend_html, picture_note, pictures_tooltip
from .diagram_pictures import PictureSet, wanted
from .diagram_scene import DiagramScene, build, layer_name
from .diagram_values import grad_values, sample_activations, sample_row, shown_params
from .fmt import num
from .picture_popup import PicturePopup
from .unit_pictures import picture_kind

AUTO = "auto"
RUN_REFRESHES_PER_SECOND = 2  # during a run the edges and pictures follow the snapshots this often (throttle.py)


class DiagramPane(QWidget):
    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.selection = session.selection
        self._parts = DiagramScene()  # the scene's items (diagram_scene.build), as the names below
        self._layers: list[EdgeLayer] = []
        self._nodes: list[list[QGraphicsEllipseItem]] = []
        self._badges: list[list[QGraphicsRectItem]] = []
        self._edge_texts: dict[int, list[QGraphicsSimpleTextItem]] = {}
        self._show = AUTO
        self._key = None
        self._node_key = None
        self._params_version = 0
        self._weights: dict = {}
        self._min_gap = 56.0  # scene units between two units of a layer (the closest edge labels)
        self.pictures = PictureSet()
        self.popup = PicturePopup(self)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        bar = QHBoxLayout()
        self.show_box = QComboBox()
        # a long item ("Auto: gradients once the backward pass computes them") must not widen the window
        self.show_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.show_box.setMinimumContentsLength(14)
        self.show_box.addItem(tr("Auto: gradients once the backward pass computes them"), AUTO)
        self.show_box.addItem(tr("Weights w"), WEIGHTS)
        self.show_box.addItem(tr("Gradients d_w"), GRADIENTS)
        self.show_box.currentIndexChanged.connect(lambda _i: self.set_show(self.show_box.currentData()))
        bar.addWidget(QLabel(tr("Edges:")))
        bar.addWidget(self.show_box, 1)
        self.pictures_box = QCheckBox(tr("Unit pictures"))
        self.pictures_box.setChecked(True)
        self.pictures_box.setToolTip(tr("Draw each hidden and output unit as its activation over the input "
                                        "plane (for data with 2 inputs)"))
        self.pictures_box.toggled.connect(lambda _on: self._rebuild())
        bar.addWidget(self.pictures_box)
        lay.addLayout(bar)
        self.legend = QLabel()
        self.legend.setWordWrap(True)
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        lay.addWidget(self.legend)
        self.scene = QGraphicsScene(self)
        self.view = DiagramView(self.scene)
        self.view.hovered.connect(self._on_hover)
        self.view.clicked.connect(self._on_click)
        self.view.left.connect(self._on_left)
        self.view.fitted.connect(self._on_fitted)
        lay.addWidget(self.view, 1)
        session.network_changed.connect(self._rebuild)
        session.params_changed.connect(self._on_params)
        session.trace_changed.connect(self._refresh)
        session.position_changed.connect(self._on_position)
        self._run_throttle = Throttle(RUN_REFRESHES_PER_SECOND)  # snapshots shown during a run
        session.snapshot.connect(self._on_snapshot)
        self.selection.cell_selected.connect(self._on_cell_selected)
        self.selection.sample_changed.connect(lambda _n: self._colour_nodes())
        self._rebuild()
        palette.follow(self, self._rebuild)  # the other colour set: build the scene again

    # ----- public API (tests) --------------------------------------------------------------------
    def edge_count(self) -> int:
        return sum(layer.n_in * layer.n_out for layer in self._layers)

    def edges(self) -> list[tuple[str, int, int]]:
        return [(f"w{layer.k}", i, j)
                for layer in self._layers for i in range(layer.n_in) for j in range(layer.n_out)]

    def edge_point(self, name: str, i: int, j: int) -> QPointF:
        """A point on the edge in view (viewport) coordinates, for clicking it."""
        layer = self._layers[int(name[1:]) - 1]
        return self.view.mapFromScene(layer.midpoint(i, j, 0.5))

    def edge_tooltip(self, name: str, i: int, j: int) -> str:
        k = int(name[1:])
        return edge_tooltip(k, i, j, self._param_values(k), self._grad(k, available_only=False))

    def selected_edge(self) -> tuple[str, int, int] | None:
        cell = self.selection.cell
        return cell if cell is not None and cell[0].startswith("w") else None

    def picture_units(self) -> list[tuple[str, int]]:
        """(layer name, unit) of every unit drawn as a picture: empty unless the data has 2 inputs."""
        L = self.session.spec.depth
        return [(layer_name(k, L), j) for k, item in sorted(self.pictures.layers.items()) for j in range(item.n)]

    def picture(self, k: int, j: int):
        """Unit j of layer k's picture (a QImage, 24×24), None before it is computed."""
        item = self.pictures.layers.get(k)
        return None if item is None else item.image(j)

    def picture_point(self, k: int, j: int) -> QPointF:
        """The centre of a unit's picture in view coordinates, for hovering it."""
        return self.view.mapFromScene(self.pictures.layers[k].rects[j].center())

    def layer_mode(self, k: int) -> str:
        return self._layers[k - 1].mode

    def set_show(self, show: str) -> None:
        if show != self._show:
            self._show = show
            i = self.show_box.findData(show)
            if self.show_box.currentIndex() != i:
                self.show_box.setCurrentIndex(i)
            self._key = None
            self._refresh()

    # ----- building ----------------------------------------------------------------------------------
    def _rebuild(self) -> None:
        self.scene.clear()  # deletes the old items, the selection line too
        self.view.setBackgroundBrush(QBrush(C.CANVAS))
        self._node_key = None
        self.popup.hide_unit()
        data = self.session.data
        plane = wanted(data) and self.session.spec.inputs == 2
        self.pictures_box.setVisible(plane)
        with_pictures = plane and self.pictures_box.isChecked()
        base_pt = self.font().pointSizeF()  # the diagram's texts follow the interface font (9 pt usually)
        d = build(self.scene, self.session.spec.sizes, base_pt, with_pictures)
        self._parts, self._layers, self._nodes, self._badges = d, d.layers, d.nodes, d.badges
        self._edge_texts, self._selected_line, self._min_gap = d.edge_texts, d.selected_line, d.min_gap
        self.pictures.setup(self.session.spec, data, d.pictures)
        self._key = None
        self._refresh()
        self.view.fit()

    def _on_fitted(self, scale: float) -> None:
        self._parts.fit_texts(scale)

    # ----- values -----------------------------------------------------------------------------------
    def _params(self) -> dict:
        return shown_params(self.session, self._weights)

    def _param_values(self, k: int, bias: bool = False):
        t = self._params().get(f"{'b' if bias else 'w'}{k}")
        return None if t is None else t.detach().double().numpy()

    def _grad(self, k: int, available_only: bool = True, bias: bool = False):
        return grad_values(self.session, k, available_only, bias)

    def _modes(self) -> tuple:
        tr_ = self.session.trace
        pos = self.session.position
        phase = tr_.steps[pos].phase if tr_ is not None and pos >= 0 else None
        out = []
        for layer in self._layers:
            k = layer.k
            if self._show == WEIGHTS or (self._show == AUTO and phase in (None, "forward")):
                out.append(WEIGHTS)
            elif self._grad(k, available_only=self._show == AUTO) is not None:
                out.append(GRADIENTS)
            else:
                out.append(PENDING)
        return tuple(out)

    def _on_position(self, _pos: int) -> None:
        key = (id(self.session.trace), self._modes())
        if key != self._key:
            self._refresh()
        else:
            self._colour_nodes()

    def _on_params(self) -> None:
        self._params_version += 1
        self._refresh()

    def _on_snapshot(self, snap) -> None:
        if getattr(snap, "params", None):
            if self.session.running and (not self.isVisible() or not self._run_throttle.due()):
                return  # out of sight (Run mode hides it): the end of the run, or the next snapshot, redraws
            self._weights = snap.params
            self._key = None
            self._refresh()

    def _refresh(self, *_args) -> None:
        if not self._layers:
            return
        modes = self._modes()
        self._key = (id(self.session.trace), modes)
        placed = False
        for layer, mode in zip(self._layers, modes):
            source = self._source_key(layer.k, mode)
            if source == layer.source:
                continue  # unchanged: repainting thousands of edges is the expensive part
            layer.source = source
            values = self._param_values(layer.k) if mode == WEIGHTS else (
                self._grad(layer.k, available_only=self._show == AUTO) if mode == GRADIENTS else None)
            layer.set_values(values, mode)
            texts = self._edge_texts.get(layer.k)
            if texts:
                for e, t in enumerate(texts):
                    i, j = divmod(e, layer.n_out)
                    if values is None:
                        t.setText("")
                        continue
                    t.setText(num(values[i, j]))
                placed = True
            self._colour_badges(layer.k, mode)
        if placed:  # new values, new widths: each placed where it covers no other (diagram_scene)
            self._parts.fit_texts(self.view.transform().m11())
        self._draw_pictures()
        cut = [layer.drawn for layer in self._layers if layer.drawn < layer.n_in * layer.n_out]
        self.legend.setText(legend_html(self.palette().color(self.backgroundRole()), GRADIENTS in modes,
                                        PENDING in modes, self.edge_count(), max(cut) if cut else None,
                                        bool(self.pictures.layers)))
        self.legend.setToolTip(pictures_tooltip() if self.pictures.layers else "")
        self._colour_nodes()
        self._place_selected()

    def _draw_pictures(self) -> None:
        """Each unit's activation over the plane, from the parameters shown (the trace's before-update values
        inside an epoch), when they may have changed since the last time and the pane is on screen."""
        if not self.pictures.layers or not self.isVisible():
            return
        s = self.session
        key = (id(s.trace), s.committed, s.epoch if not s.running else -1,
               id(self._weights) if s.running else 0, self._params_version)
        self.pictures.draw(self._params(), key)

    def showEvent(self, e) -> None:
        super().showEvent(e)
        self._draw_pictures()  # skipped while hidden (a tab behind another)

    def hideEvent(self, e) -> None:
        self.popup.hide_unit()  # no leave event comes when a mode switch hides the pane under the pointer
        super().hideEvent(e)

    def _source_key(self, k: int, mode: str) -> tuple:
        """What layer k's edges are drawn from: changes whenever the numbers may have changed."""
        s = self.session
        if mode != WEIGHTS:
            return (mode, id(s.trace), s.position if mode == PENDING else -1)
        w = self._params().get(f"w{k}")
        return (mode, id(s.trace), s.committed, s.epoch if not s.running else -1,
                id(w), id(self._weights), self._params_version)

    def _colour_badges(self, k: int, mode: str) -> None:
        b = self._param_values(k, bias=True) if mode == WEIGHTS else self._grad(
            k, available_only=self._show == AUTO, bias=True)
        badges = self._badges[k]
        if b is None:
            for it in badges:
                it.setBrush(QBrush(C.PENDING))
                it.setToolTip("")
            return
        rgbs, _a = C.rgb(b.reshape(1, -1))
        name = f"b{k}" if mode == WEIGHTS else f"d_b{k}"
        for j, it in enumerate(badges):
            r, g, bb = (int(x) for x in rgbs[0, j])
            it.setBrush(QBrush(QColor(r, g, bb)))
            it.setToolTip(f"{name}[{j}] = {num(b[j])}  "
                          + tr("(a bias: added to unit {j}, not an edge)").format(j=j))

    def _colour_nodes(self) -> None:
        n = self.selection.sample
        tr_ = self.session.trace
        # which activations are known at this position decides the colours: skip when that has not changed
        known = -1 if tr_ is None or n < 0 else sum(
            1 for s in tr_.steps if s.index <= self.session.position and s.op in ("activation", "softmax"))
        key = (n, id(tr_), known, id(self._nodes))
        if key == self._node_key:
            return
        self._node_key = key
        L = len(self._nodes) - 1
        acts = sample_activations(self.session, n, [layer_name(k, L) for k in range(L + 1)])
        x = acts[0] if acts else None  # the sample's inputs: where it lies on each picture
        row = sample_row(self.session, n)  # inside a mini-batch: the data row it is, as the inspector says
        for k, nodes in enumerate(self._nodes):
            vals = acts[k] if acts else None
            pictured = k in self.pictures.layers
            if vals is None or (pictured and x is None):
                for e in nodes:
                    e.setBrush(QBrush(C.CANVAS))
                    e.setToolTip("")
                    e.setVisible(not pictured)
                continue
            rgbs, _a = C.rgb(vals.reshape(1, -1))
            for j, e in enumerate(nodes):
                r, g, b = (int(v) for v in rgbs[0, j])
                e.setBrush(QBrush(QColor(r, g, b)))
                e.setToolTip(tr("sample {n}: {v}").format(n=n, v=num(vals[j])) if row is None else
                             tr("sample {n} (row {row}): {v}").format(n=n, row=row, v=num(vals[j])))
                if pictured:  # a ring on the picture where the sample lies
                    e.setPos(self.pictures.sample_point(k, j, float(x[0]), float(x[1])))
                    e.show()

    # ----- interaction --------------------------------------------------------------------------------
    def _hit(self, pt: QPointF):
        tol = 6.0 / max(self.view.transform().m11(), 1e-6)
        best = None
        for layer in self._layers:
            h = layer.nearest(pt, tol)
            if h is not None and (best is None or h[2] < best[3]):
                best = (layer.k, h[0], h[1], h[2])
        return best

    def _on_hover(self, pt: QPointF, global_pt) -> None:
        unit = next(((k, j) for k, item in self.pictures.layers.items()
                     if (j := item.unit_at(pt)) is not None), None)
        if unit is not None:
            QToolTip.hideText()
            if unit != self.popup.unit:
                self.show_picture(*unit, global_pt.toPoint())
            return
        self.popup.hide_unit()
        hit = self._hit(pt)
        if hit is None:
            QToolTip.hideText()
            return
        k, i, j, _d = hit
        QToolTip.showText(global_pt.toPoint(), self.edge_tooltip(f"w{k}", i, j), self.view)

    def show_picture(self, k: int, j: int, at) -> None:
        """Unit j of layer k's picture, larger, with the data on it (computed now, for this unit only)."""
        params = self._params()
        if not params:
            return
        kind = picture_kind(k, self.session.spec)
        em = max(1.0, QFontMetricsF(self.font()).height() / 16)  # larger with the font (high DPI)
        image = self.pictures.enlarged(k, j, params, round(160 * em))
        note = picture_note(kind, self.session.spec.activations[k - 1])
        self.popup.show_unit((k, j), image, self.pictures.caption(k, j), note, at)

    def _on_left(self) -> None:
        QToolTip.hideText()
        self.popup.hide_unit()

    def _on_click(self, pt: QPointF) -> None:
        hit = self._hit(pt)
        if hit is not None:
            k, i, j, _d = hit
            self.selection.select_cell(f"w{k}", i, j)

    def _on_cell_selected(self, name: str, row: int, col: int) -> None:
        self._place_selected()

    def _place_selected(self) -> None:
        self._place_selected_bias()
        cell = self.selected_edge()
        k = int(cell[0][1:]) if cell is not None else 0
        layer = self._layers[k - 1] if 1 <= k <= len(self._layers) else None
        if layer is None or cell[1] >= layer.n_in or cell[2] >= layer.n_out:
            self._selected_line.hide()
            return
        i, j = cell[1], cell[2]
        self._selected_line.setLine(QLineF(layer.midpoint(i, j, 0.0), layer.midpoint(i, j, 1.0)))
        self._selected_line.show()

    def _place_selected_bias(self) -> None:
        cell = self.selection.cell
        for k, badges in enumerate(self._badges):
            for j, b in enumerate(badges):
                on = cell is not None and cell[0] == f"b{k}" and cell[2] == j
                b.setPen(QPen(C.PARAM, 2.5) if on else QPen(C.MUTED, 0.6))
