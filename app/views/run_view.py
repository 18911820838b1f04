"""RunView: the centre of Run mode, live from the training snapshots.

One row per layer: the weight matrix w_k and the bias b_k as heat maps (blue positive, red negative, faint
near zero, one colour scale per matrix), and beside them how each changed since the previous frame, the sum of
the updates −lr·d_w over the epochs in between (so the colours say where the gradients push). A headline
names the epoch and the loss. Idle, it shows the current parameters and says how to start.

Each map is an app.views.heat_tile.HeatTile: one paintEvent, its colours made once per frame (16 pyqtgraph
ImageItems and their TextItems took ~15 % of the GUI thread during a run, time taken from training).

The parameters come from `session.snapshot` (copies made by the worker); the trainer is never touched while
running. Tiles are built once per network and given new values on `session.run_frame` (about 10 a second,
in step with the status bar and the toolbar, so all of them name the same epoch).

    view.headline            QLabel: "Epoch 1,200 · loss 0.0123"
    view.images[name]        the HeatTile of parameter `name` (.image: the values drawn); view.changes[name]
                             its change
    view.frames              how many frames were drawn (tests)
"""

from __future__ import annotations

import numpy as np
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from app import palette
from app.i18n import tr
from app.views.heat_tile import HeatTile
from app.views.held_label import HeldLabel


class RunView(QWidget):
    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.images: dict[str, HeatTile] = {}
        self.changes: dict[str, HeatTile] = {}
        self._previous: dict[str, np.ndarray] | None = None
        self.frames = 0
        self.headline = QLabel()
        self.headline.setObjectName("runHeadline")
        font = self.headline.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.headline.setFont(font)
        self._headline_text = HeldLabel(self.headline, session)  # run-frame texts lay nothing out
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        palette.style_label(self.caption, "muted")
        self.tiles = QWidget()  # the heat maps, one row per layer
        self._grid = QGridLayout(self.tiles)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setSpacing(8)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(8, 6, 8, 6)
        lay.addWidget(self.headline)
        lay.addWidget(self.caption)
        lay.addWidget(self.tiles, 1)
        self.retranslate()
        session.network_changed.connect(self._build)
        session.params_changed.connect(self._on_params)
        session.running_changed.connect(self._on_running)
        session.run_frame.connect(self._on_snapshot)  # ~10 a second, in step with the status bar

    def retranslate(self) -> None:
        self.caption.setText(tr(
            "Each parameter as a heat map (blue positive, red negative) and, beside it, how it changed since "
            "the last frame: the updates −lr·d_w of the epochs in between, so the colours show where the "
            "gradients push."))
        self._build()

    # ----- building ---------------------------------------------------------------------------------
    def _build(self) -> None:
        for tile in (*self.images.values(), *self.changes.values()):
            self._grid.removeWidget(tile)
            tile.deleteLater()
        self.images.clear()
        self.changes.clear()
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
                    tile = HeatTile(title, numbers_up_to=36 if store is self.images else 0)
                    tile.setObjectName(f"{'change_' if j else ''}{name}Tile")
                    self._grid.addWidget(tile, k - 1, 2 * j + col)
                    store[name] = tile
        for c in range(4):  # weights wider than biases
            self._grid.setColumnStretch(c, 3 if c % 2 == 0 else 1)
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
        for name, tile in self.images.items():
            if name not in params:
                continue
            v = params[name]
            tile.set_values(v)
            d = v - previous[name] if previous is not None and name in previous else np.zeros_like(v)
            self.changes[name].set_values(d)
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
        self._headline_text.set_text(text)

    def _on_snapshot(self, snap) -> None:
        if not snap.params:
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
