"""DiagramPane: the network as nodes by layer and one edge per weight w{k}[i, j] (unit i of layer k−1 to unit
j of layer k; biases are badges on their node, not edges). Edges are coloured by sign (blue +, red −) and
drawn wider for larger |w|. During the backward phase each layer switches to its gradient d_w{k} as soon as
the walk has computed it, so the gradients can be seen flowing back; layers not reached yet are grey.

Hovering an edge shows w{k}[i,j] and d_w{k}[i,j]; clicking it selects that cell in the shared selection
(app.state.selection.Selection), which the weights editor and the inspector follow, and the other way round.
With a sample followed, each node is filled with that sample's activation.

Edges of one layer pair are painted by a single item (2→64→64→64→3 has 8,512 of them), grouped by pen.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QLineF, QPointF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPen, QTransform
from PySide6.QtWidgets import (
    QComboBox, QGraphicsEllipseItem, QGraphicsItem, QGraphicsLineItem, QGraphicsRectItem, QGraphicsScene,
    QGraphicsSimpleTextItem, QHBoxLayout, QLabel, QToolTip, QVBoxLayout, QWidget,
)

from app import palette
from app.i18n import tr
from app.state.throttle import Throttle

from . import colors as C
from . import notation as nt
from .diagram_items import GRADIENTS, PENDING, WEIGHTS, DiagramView, EdgeLayer
from .fmt import num


def _screen_sized(item, dx: float, dy: float) -> None:
    """Draw `item` (a text) at the interface font's size whatever the zoom that fits the diagram into the pane,
    offset by (dx, dy) pixels from its position: scaled with the scene, it was 6 px high in a small pane."""
    item.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations, True)
    item.setTransform(QTransform.fromTranslate(dx, dy))

LAYER_DX = 190.0
HEIGHT = 360.0
AUTO = "auto"
LABEL_EDGES_UP_TO = 16  # write the value on each edge when the network has at most this many
RUN_REFRESHES_PER_SECOND = 2  # during a run the edges follow the snapshots this often (app/state/throttle.py)


class DiagramPane(QWidget):
    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.selection = session.selection
        self._layers: list[EdgeLayer] = []
        self._nodes: list[list[QGraphicsEllipseItem]] = []
        self._badges: list[list[QGraphicsRectItem]] = []
        self._labels: list[QGraphicsSimpleTextItem] = []
        self._edge_texts: dict[int, list[QGraphicsSimpleTextItem]] = {}
        self._show = AUTO
        self._key = None
        self._node_key = None
        self._params_version = 0
        self._weights: dict = {}
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
        lay.addLayout(bar)
        self.legend = QLabel()
        self.legend.setWordWrap(True)
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        lay.addWidget(self.legend)
        self.scene = QGraphicsScene(self)
        self.view = DiagramView(self.scene)
        self.view.hovered.connect(self._on_hover)
        self.view.clicked.connect(self._on_click)
        self.view.left.connect(QToolTip.hideText)
        self.view.fitted.connect(self._on_fitted)
        self._min_gap = 56.0  # scene units between two units of a layer (the closest edge labels)
        lay.addWidget(self.view, 1)
        self._selected_line: QGraphicsLineItem | None = None
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
        w = self._param_values(k)
        lines = [f"w{k}[{i},{j}] = {num(w[i, j])}" if w is not None else f"w{k}[{i},{j}]"]
        g = self._grad(k, available_only=False)
        if g is not None:
            lines.append(f"d_w{k}[{i},{j}] = {num(g[i, j])}")
        else:
            lines.append(tr("d_w{k}[{i},{j}]: not computed yet (step into the backward pass)")
                         .format(k=k, i=i, j=j))
        tb = nt.textbook(f"w{k}")
        lines.append(tr("from unit {i} of layer {a} to unit {j} of layer {b} · textbook: {tb}[{i},{j}]")
                     .format(
            i=i, j=j, a=k - 1, b=k, tb=tb))
        return "\n".join(lines)

    def selected_edge(self) -> tuple[str, int, int] | None:
        cell = self.selection.cell
        return cell if cell is not None and cell[0].startswith("w") else None

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
        base_pt = self.font().pointSizeF()  # the diagram's texts follow the interface font (9 pt usually)
        self._selected_line = QGraphicsLineItem()
        halo = QColor(C.PARAM)
        halo.setAlpha(110)
        pen = QPen(halo, 11.0)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        self._selected_line.setPen(pen)
        self._selected_line.setZValue(-1)  # a halo under the edge, which keeps its own colour
        self._selected_line.hide()
        self.scene.addItem(self._selected_line)
        spec = self.session.spec
        sizes = spec.sizes
        self._layers, self._nodes, self._badges, self._edge_texts = [], [], [], {}
        centres = []
        for k, n in enumerate(sizes):
            gap = min(56.0, HEIGHT / max(n, 1))
            top = -gap * (n - 1) / 2
            centres.append(np.array([[k * LAYER_DX, top + gap * j] for j in range(n)]))
        total_edges = sum(sizes[k] * sizes[k + 1] for k in range(len(sizes) - 1))
        self._min_gap = min(min(56.0, HEIGHT / max(n, 1)) for n in sizes)
        for k in range(1, len(sizes)):
            layer = EdgeLayer(k, centres[k - 1], centres[k])
            self.scene.addItem(layer)
            self._layers.append(layer)
            if total_edges <= LABEL_EDGES_UP_TO:
                texts = []
                for i in range(sizes[k - 1]):
                    for j in range(sizes[k]):
                        t = QGraphicsSimpleTextItem()
                        t.setZValue(3)
                        f = QFont(t.font())
                        f.setPointSizeF(base_pt * 8 / 9)
                        t.setFont(f)
                        t.setBrush(QBrush(C.TEXT))
                        self.scene.addItem(t)
                        texts.append(t)
                self._edge_texts[k] = texts
        for k, n in enumerate(sizes):
            gap = min(56.0, HEIGHT / max(n, 1))
            r = max(2.0, min(15.0, gap * 0.38))
            nodes, badges = [], []
            for j in range(n):
                x, y = centres[k][j]
                e = QGraphicsEllipseItem(x - r, y - r, 2 * r, 2 * r)
                e.setBrush(QBrush(C.CANVAS))
                e.setPen(QPen(C.MUTED, 1.2))
                e.setZValue(4)
                self.scene.addItem(e)
                nodes.append(e)
                if k > 0:
                    b = QGraphicsRectItem(x + r * 0.5, y - r * 1.3, r * 0.9, r * 0.9)
                    b.setZValue(4.5)
                    b.setPen(QPen(C.MUTED, 0.6))
                    self.scene.addItem(b)
                    badges.append(b)
            self._nodes.append(nodes)
            self._badges.append(badges)
            name = "X" if k == 0 else ("y_pred" if k == len(sizes) - 1 else f"a{k}")
            label = QGraphicsSimpleTextItem(f"{name} ({n})")
            f = QFont(label.font())
            f.setPointSizeF(base_pt * 10 / 9)
            f.setBold(True)
            label.setFont(f)
            label.setBrush(QBrush(C.TEXT))
            br = label.boundingRect()
            bottom = max(float(centres[i][:, 1].max()) for i in range(len(sizes)))
            label.setPos(k * LAYER_DX, bottom + 20)
            _screen_sized(label, -br.width() / 2, 0)
            label.setToolTip(tr("textbook: {tb}").format(tb=nt.textbook(name) if k > 0 else "X = a⁽⁰⁾"))
            self.scene.addItem(label)
            self._labels.append(label)
        self._key = None
        self._refresh()
        self.view.fit()

    def _on_fitted(self, scale: float) -> None:
        """Edge values are drawn at the font's size: shown only when the units are far enough apart on screen
        for them not to cover each other (hovering an edge still tells its value)."""
        texts = [t for ts in self._edge_texts.values() for t in ts]
        if not texts:
            return
        room = self._min_gap * scale >= 3.0 * QFontMetricsF(texts[0].font()).height()
        for t in texts:
            t.setVisible(room)

    # ----- values -----------------------------------------------------------------------------------
    def _params(self) -> dict:
        tr_ = self.session.trace
        if tr_ is not None and not self.session.committed:
            return tr_.params_before
        if self.session.running:
            return self._weights
        return self.session.params

    def _param_values(self, k: int, bias: bool = False):
        t = self._params().get(f"{'b' if bias else 'w'}{k}")
        return None if t is None else t.detach().double().numpy()

    def _grad(self, k: int, available_only: bool = True, bias: bool = False):
        tr_ = self.session.trace
        if tr_ is None:
            return None
        name = f"d_{'b' if bias else 'w'}{k}"
        if available_only:
            step = next((s for s in tr_.steps if s.name == name), None)
            if step is None or self.session.position < step.index:
                return None
        g = tr_.grads.get(name)
        return None if g is None else g.detach().double().numpy()

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
                    p = layer.midpoint(i, j, 0.28)
                    br = t.boundingRect()
                    t.setPos(p.x(), p.y())
                    _screen_sized(t, -br.width() / 2, -br.height() - 1)
            self._colour_badges(layer.k, mode)
        any_grad = GRADIENTS in modes
        self.legend.setText(self._legend_html(any_grad, PENDING in modes))
        self._colour_nodes()
        self._place_selected()

    def _source_key(self, k: int, mode: str) -> tuple:
        """What layer k's edges are drawn from: changes whenever the numbers may have changed."""
        s = self.session
        if mode != WEIGHTS:
            return (mode, id(s.trace), s.position if mode == PENDING else -1)
        w = self._params().get(f"w{k}")
        return (mode, id(s.trace), s.committed, s.trainer.epoch if not s.running else -1,
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

    def _legend_html(self, grads: bool, pending: bool) -> str:
        window = self.palette().color(self.backgroundRole())  # the legend is text on the pane's window
        pos = palette.readable(QColor(*C.POSITIVE), window).name()
        neg = palette.readable(QColor(*C.NEGATIVE), window).name()
        what = tr("gradients d_w (how the loss changes with each weight)") if grads else tr("weights w")
        text = tr("Edges show {what}: <b style='color:{pos}'>blue +</b>, <b style='color:{neg}'>red −</b>, "
                  "wider or darker = larger size. {n} edges (one per weight; biases are the small squares).")
        text = text.format(what=what, pos=pos, neg=neg, n=self.edge_count())
        if pending:
            text += " " + tr("Grey: not computed yet in this backward pass.")
        cut = [layer for layer in self._layers if layer.drawn < layer.n_in * layer.n_out]
        if cut:
            text += " " + tr("Large layers show their {m} strongest edges; hover finds any edge.").format(
                m=max(layer.drawn for layer in cut))
        return text

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
        acts = None
        if n >= 0 and tr_ is not None:
            acts = []
            for k in range(len(self._nodes)):
                name = "X" if k == 0 else ("y_pred" if k == len(self._nodes) - 1 else f"a{k}")
                if k == 0:
                    v = self.session.trainer.X if not self.session.running else None
                else:
                    st = next((s for s in tr_.steps if s.name == name), None)
                    v = st.result if st is not None and st.index <= self.session.position else None
                acts.append(None if v is None or n >= v.shape[0] else v[n].detach().double().numpy())
        for k, nodes in enumerate(self._nodes):
            vals = acts[k] if acts else None
            if vals is None:
                for e in nodes:
                    e.setBrush(QBrush(C.CANVAS))
                    e.setToolTip("")
                continue
            rgbs, _a = C.rgb(vals.reshape(1, -1))
            for j, e in enumerate(nodes):
                r, g, b = (int(x) for x in rgbs[0, j])
                e.setBrush(QBrush(QColor(r, g, b)))
                e.setToolTip(tr("sample {n}: {v}").format(n=n, v=num(vals[j])))

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
        hit = self._hit(pt)
        if hit is None:
            QToolTip.hideText()
            return
        k, i, j, _d = hit
        QToolTip.showText(global_pt.toPoint(), self.edge_tooltip(f"w{k}", i, j), self.view)

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
        if cell is None:
            self._selected_line.hide()
            return
        k = int(cell[0][1:])
        if not 1 <= k <= len(self._layers):
            self._selected_line.hide()
            return
        layer = self._layers[k - 1]
        i, j = cell[1], cell[2]
        if i >= layer.n_in or j >= layer.n_out:
            self._selected_line.hide()
            return
        self._selected_line.setLine(QLineF(layer.midpoint(i, j, 0.0), layer.midpoint(i, j, 1.0)))
        self._selected_line.show()

    def _place_selected_bias(self) -> None:
        cell = self.selection.cell
        for k, badges in enumerate(self._badges):
            for j, b in enumerate(badges):
                on = cell is not None and cell[0] == f"b{k}" and cell[2] == j
                b.setPen(QPen(C.PARAM, 2.5) if on else QPen(C.MUTED, 0.6))
