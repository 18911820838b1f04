"""The divergence banner: a closable strip at the top of the central area that says in which epoch and at
which operation training produced a non-finite value, why (the engine's diagnosis), and offers to roll
back to the last finite epoch."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QToolButton, QVBoxLayout,
)

from app.engine_wording import diagnosis_text
from app.i18n import tr


def phase_text(phase: str) -> str:
    return {"forward": tr("forward"), "backward": tr("backward"), "update": tr("update")}.get(phase, phase)


class DivergenceBanner(QFrame):
    rollback_requested = Signal(int)  # the epoch to roll back to

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("divergenceBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            "#divergenceBanner { background: #fdecea; border: 1px solid #d9534f; border-radius: 4px; }"
            "#divergenceBanner QLabel { color: #611a15; }"
        )
        self.diagnosis = None
        self.title = QLabel()
        self.title.setStyleSheet("font-weight: bold;")
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.rollback = QPushButton()
        self.rollback.clicked.connect(self._on_rollback)
        self.close_button = QToolButton()
        self.close_button.setText("×")
        self.close_button.setAutoRaise(True)
        self.close_button.setToolTip(tr("Hide this message"))
        self.close_button.clicked.connect(self.hide)
        texts = QVBoxLayout()
        texts.setSpacing(2)
        texts.addWidget(self.title)
        texts.addWidget(self.text)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(10, 6, 6, 6)
        lay.addLayout(texts, 1)
        lay.addWidget(self.rollback, 0, Qt.AlignmentFlag.AlignVCenter)
        lay.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        self.hide()

    def show_diagnosis(self, d) -> None:
        """Show engine.training.diagnose.Diagnosis `d`: epoch, operation (step, phase), reason, roll-back target."""
        self.diagnosis = d
        self.title.setText(tr("Training diverged in epoch {epoch} at {step} ({phase})").format(
            epoch=d.epoch, step=d.step, phase=phase_text(d.phase)))
        self.text.setText(diagnosis_text(d))
        k = d.last_finite_epoch
        self.rollback.setText(tr("Roll back to epoch {k}").format(k=k))
        self.rollback.setToolTip(tr("Restore the parameters after epoch {k}, the last finite state").format(k=k))
        self.show()

    def clear(self) -> None:
        self.diagnosis = None
        self.hide()

    def _on_rollback(self) -> None:
        if self.diagnosis is not None:
            self.rollback_requested.emit(self.diagnosis.last_finite_epoch)
