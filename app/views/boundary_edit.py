"""Editing the data on the decision-boundary plot: a click adds a point of the class chosen in the combo (for
a 1-D regression: at the clicked x with target y), Shift-click removes the nearest point (measured on screen).
Both are undoable commands (AddPointCommand / RemovePointCommand); a refusal is shown under the plot."""

from __future__ import annotations

from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel

from app import palette
from app.i18n import tr

from .boundary_colors import class_colour
from .boundary_grid import nearest_on_screen


class PointEditor:
    """The class combo, its hint and the error label (laid out by the plot: `bar`, `error`)."""

    def __init__(self, session):
        self.session = session
        self.class_combo = QComboBox()
        self.class_combo.setToolTip(tr("The class a click adds"))
        self.class_label = QLabel(tr("Click adds:"))
        self.hint = QLabel(tr("Shift-click removes the nearest point"))
        palette.style_label(self.hint, "muted")
        self.hint.setWordWrap(True)
        self.bar = QHBoxLayout()
        self.bar.addWidget(self.class_label)
        self.bar.addWidget(self.class_combo)
        self.bar.addWidget(self.hint, 1)
        self.error = QLabel()
        self.error.setWordWrap(True)
        palette.style_label(self.error, "error")
        self.error.hide()

    def setup(self, mode: str) -> None:
        """The classes of the session's data in the combo (keeping the choice), for plot mode `mode`."""
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
        self.class_combo.setVisible(clf and mode != "none")
        self.class_label.setVisible(clf and mode != "none")
        self.hint.setText(tr("Click adds a point at (x, y) · Shift-click removes the nearest") if not clf
                          else tr("Shift-click removes the nearest point"))
        self.hint.setVisible(mode != "none")

    def add_point(self, mode: str, x: float, y: float) -> str | None:
        from app.state.commands import AddPointCommand

        if mode == "curve":
            cmd = AddPointCommand(self.session, [x], [y])
        else:
            k = self.class_combo.currentData()
            cmd = AddPointCommand(self.session, [x, y], 0 if k is None else int(k))
        return self._push(cmd)

    def remove_nearest(self, mode: str, view_box, x: float, y: float) -> str | None:
        from app.state.commands import RemovePointCommand

        data = self.session.data
        X = data.X.numpy()
        px, py = (X[:, 0], X[:, 1]) if mode == "2d" else (X[:, 0], data.y[:, 0].numpy())
        i = nearest_on_screen(px, py, x, y, view_box.viewRange(), (view_box.width(), view_box.height()))
        return self._push(RemovePointCommand(self.session, i))

    def _push(self, cmd) -> str | None:
        err = self.session.try_push(cmd)
        self.error.setText(err or "")
        self.error.setVisible(bool(err))
        return err
