"""RunView: the centre of Run mode, live from the training snapshots.

One row per layer: the weight matrix w_k and the bias b_k as heat maps (blue positive, red negative, white
zero, one colour scale per matrix), and beside them how each changed since the previous frame, the sum of
the updates −lr·d_w over the epochs in between (so the colours say where the gradients push). A headline
names the epoch and the loss. Idle, it shows the current parameters and says how to start.

The parameters come from `session.snapshot` (copies made by the worker); the trainer is never touched while
running. Images are built once per network and updated with setImage, at most REDRAWS_PER_SECOND times a
second.

    view.headline            QLabel: "Epoch 1,200 · loss 0.0123"
    view.images[name]        the ImageItem of parameter `name`; view.changes[name] its change
    view.frames              how many frames were drawn (tests)
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from app.i18n import tr
from app.state.throttle import Throttle

REDRAWS_PER_SECOND = 10
NUMBERS_UP_TO = 36  # cells: a matrix this small shows its numbers on the colours
CMAP = pg.ColorMap([0.0, 0.5, 1.0], [(178, 24, 43), (247, 247, 247), (33, 102, 172)])
LUT = CMAP.getLookupTable(0.0, 1.0, 256)


def _as_2d(values: np.ndarray) -> np.ndarray:
    return values.reshape(1, -1) if values.ndim == 1 else values


class RunView(QWidget):
    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.images: dict[str, pg.ImageItem] = {}
        self.changes: dict[str, pg.ImageItem] = {}
        self.numbers: dict[str, list[pg.TextItem]] = {}  # the value of each cell of a small parameter
        self._previous: dict[str, np.ndarray] | None = None
        self._throttle = Throttle(REDRAWS_PER_SECOND)
        self.frames = 0
        self.headline = QLabel()
        self.headline.setObjectName("runHeadline")
        font = self.headline.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.headline.setFont(font)
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        self.caption.setStyleSheet("color: #444;")
        self.graphics = pg.GraphicsLayoutWidget()
        self.graphics.setBackground("w")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(8, 6, 8, 6)
        lay.addWidget(self.headline)
        lay.addWidget(self.caption)
        lay.addWidget(self.graphics, 1)
        self.retranslate()
        session.network_changed.connect(self._build)
        session.params_changed.connect(self._on_params)
        session.running_changed.connect(self._on_running)
        session.snapshot.connect(self._on_snapshot)
        self._build()

    def retranslate(self) -> None:
        self.caption.setText(tr(
            "Each parameter as a heat map (blue positive, red negative) and, beside it, how it changed since "
            "the last frame: the updates −lr·d_w of the epochs in between, so the colours show where the "
            "gradients push."))
        self._build()

    # ----- building ---------------------------------------------------------------------------------
    def _build(self) -> None:
        g = self.graphics
        g.clear()
        self.images.clear()
        self.changes.clear()
        self.numbers.clear()
        self._previous = None
        params = self._params_now()
        depth = self.session.spec.depth
        for k in range(1, depth + 1):
            for col, name in enumerate((f"w{k}", f"b{k}")):
                if name not in params:
                    continue
                shape = tuple(params[name].shape)
                shown = "(" + "×".join(str(s) for s in shape) + ("," if len(shape) == 1 else "") + ")"
                for j, (store, title) in enumerate(((self.images, f"{name} {shown}"),
                                                    (self.changes, tr("change of {name}").format(name=name)))):
                    vb = g.addViewBox(row=2 * (k - 1) + 1, col=2 * j + col)
                    vb.setAspectLocked(True)
                    vb.invertY(True)
                    vb.setMouseEnabled(False, False)
                    vb.setMenuEnabled(False)
                    img = pg.ImageItem(axisOrder="row-major")
                    img.setLookupTable(LUT)
                    vb.addItem(img)
                    store[name] = img
                    rows, cols = (1, shape[0]) if len(shape) == 1 else shape
                    if store is self.images and rows * cols <= NUMBERS_UP_TO:
                        texts = []
                        for r in range(rows):
                            for c in range(cols):
                                t = pg.TextItem("", color=(20, 20, 20), anchor=(0.5, 0.5))
                                t.setPos(c + 0.5, r + 0.5)
                                vb.addItem(t)
                                texts.append(t)
                        self.numbers[name] = texts
                    g.addLabel(title, row=2 * (k - 1), col=2 * j + col, size="9pt")
        self._draw(params, None, self.session.epoch, None)

    def _params_now(self) -> dict[str, np.ndarray]:
        if self.session.running and self.session.last_snapshot is not None \
                and self.session.last_snapshot.params:
            src = self.session.last_snapshot.params
        elif self.session.running:
            return {}
        else:
            src = self.session.params
        return {n: t.detach().double().cpu().numpy() for n, t in src.items()}

    # ----- drawing ----------------------------------------------------------------------------------
    def _draw(self, params: dict[str, np.ndarray], previous, epoch: int, loss) -> None:
        for name, img in self.images.items():
            if name not in params:
                continue
            v = _as_2d(params[name])
            m = float(np.max(np.abs(v))) or 1.0
            img.setImage(v, levels=(-m, m), autoLevels=False)
            for t, x in zip(self.numbers.get(name, ()), v.flat):
                t.setText(f"{x:.3g}")
            d = _as_2d(params[name] - previous[name]) if previous is not None and name in previous \
                else np.zeros_like(v)
            dm = float(np.max(np.abs(d))) or 1.0
            self.changes[name].setImage(d, levels=(-dm, dm), autoLevels=False)
        self.frames += 1
        self._headline(epoch, loss)

    def _headline(self, epoch: int, loss) -> None:
        if loss is None:
            losses = self.session.losses
            loss = losses[-1] if len(losses) and not self.session.running else None
        text = tr("Epoch {epoch}").format(epoch=f"{epoch:,}")
        if loss is not None:
            text += " · " + tr("loss {loss}").format(loss=f"{loss:.6g}")
        if not self.session.running:
            text += " · " + tr("press Run (Space) to train and watch the parameters move")
        self.headline.setText(text)

    def _on_snapshot(self, snap) -> None:
        if not snap.params or not (snap.done or self._throttle.due()):
            return
        params = {n: t.detach().double().cpu().numpy() for n, t in snap.params.items()}
        self._draw(params, self._previous, snap.epoch, snap.loss)
        self._previous = params

    def _on_params(self) -> None:
        if not self.session.running:
            params = self._params_now()
            self._draw(params, self._previous, self.session.epoch, None)
            self._previous = params

    def _on_running(self, running: bool) -> None:
        if running:
            self._previous = self._params_now() or None
        else:
            self._on_params()


__all__ = ["RunView"]
