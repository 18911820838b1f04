"""HealthPane: the engine's training-health readings (engine.training.health.readings), one line each, coloured by
level: the start loss against chance, the update/weight ratio of each layer, saturated or dead units.

Refreshed when the parameters change while the pane is visible (coalesced to once per event-loop turn, and
never during a run, when the worker owns the trainer), or with the Refresh button.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.engine_wording import level_text, reading_text, reading_title
from app.i18n import tr

from . import colors as C

MAX_ROWS = 24
ICON = {"ok": "●", "warn": "▲", "bad": "■"}


def _title(code: str) -> str:
    return reading_title(code)


class HealthPane(QWidget):
    refreshed = Signal()

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self._readings: list = []
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        bar = QHBoxLayout()
        self.title = QLabel(tr("Training health"))
        self.refresh_button = QPushButton(tr("Refresh"))
        self.refresh_button.clicked.connect(self.refresh)
        bar.addWidget(self.title, 1)
        bar.addWidget(self.refresh_button)
        lay.addLayout(bar)
        self._rows: list[QLabel] = []
        for _ in range(MAX_ROWS):
            lab = QLabel()
            lab.setTextFormat(Qt.TextFormat.RichText)
            lab.setWordWrap(True)
            lab.hide()
            lay.addWidget(lab)
            self._rows.append(lab)
        lay.addStretch(1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.refresh)
        self._stale = True
        session.params_changed.connect(self._on_change)
        session.network_changed.connect(self._on_change)
        session.running_changed.connect(self._on_running_changed)

    # ----- public ----------------------------------------------------------------------------------
    def readings(self) -> list:
        return list(self._readings)

    def texts(self) -> list[str]:
        """The readings as shown (in the interface language)."""
        spec = self.session.spec
        return [reading_text(r, spec) for r in self._readings]

    def refresh(self) -> None:
        if self.session.running:
            return
        s = self.session
        self._readings = s.health_readings()
        self._stale = False
        spec = s.spec
        for i, lab in enumerate(self._rows):
            if i < len(self._readings):
                r = self._readings[i]
                colour = C.LEVEL.get(r.level, C.WARN).name()
                title = _title(r.code)
                lab.setText(f"<span style='color:{colour}; font-size:large'>{ICON.get(r.level, '●')}</span> "
                            f"<b>{html.escape(title)}</b> · <span style='color:{colour}'>"
                            f"{html.escape(reading_text(r, spec))}</span>")
                lab.setToolTip(tr("level: {level}").format(level=level_text(r.level)))
                lab.show()
            else:
                lab.hide()
        self.refreshed.emit()

    # ----- internals ---------------------------------------------------------------------------------
    def _on_running_changed(self, running: bool) -> None:
        if not running:
            self._on_change()

    def _on_change(self) -> None:
        self._stale = True
        if self.isVisible():
            self._timer.start()

    def showEvent(self, e) -> None:
        super().showEvent(e)
        if self._stale:
            self._timer.start()
