"""The Practice pane's row of controls: Check, Train with my code (epochs, lr), the time-out, Template, Show
shapes, and while a check runs "checking… (time-out 5 s)" with a busy bar and Cancel in the settings' place.

    controls = PracticeControls()
    controls.set_busy(busy)            the busy bar and Cancel instead of the settings (the row never grows)
    controls.set_enabled(idle, training_runs)
    widgets: check_button, train_button, epochs_spin, lr_spin, timeout_spin, template_button, shapes_box,
             status, busy, cancel_button
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox, QDoubleSpinBox, QHBoxLayout, QLabel, QProgressBar, QPushButton, QSizePolicy, QSpinBox,
    QToolButton, QWidget,
)

from app.i18n import tr

DEFAULT_TIMEOUT = 5.0
DEFAULT_EPOCHS = 1000


class PracticeControls(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.check_button = QPushButton(tr("Check"))
        self.check_button.setObjectName("checkButton")
        self.check_button.setToolTip(tr("<b>Check (Ctrl+Return)</b><br>Run your code once against the engine "
                                        "and name the first wrong tensor"))
        self.check_button.setDefault(True)
        self.train_button = QPushButton(tr("Train with my code"))
        self.train_button.setObjectName("trainButton")
        self.train_button.setToolTip(tr("Train with your gradients and update for the number of epochs "
                                        "beside, and plot your loss next to the engine's"))
        self.epochs_spin = QSpinBox()
        self.epochs_spin.setObjectName("practiceEpochs")
        self.epochs_spin.setRange(1, 100_000)
        self.epochs_spin.setValue(DEFAULT_EPOCHS)
        self.epochs_spin.setGroupSeparatorShown(True)
        self.epochs_spin.setSuffix(tr(" epochs"))
        self.epochs_spin.setAccessibleName(tr("Epochs to train with your code"))
        self.lr_spin = QDoubleSpinBox()
        self.lr_spin.setObjectName("practiceLr")
        self.lr_spin.setDecimals(4)
        self.lr_spin.setRange(0.0001, 100.0)
        self.lr_spin.setPrefix(tr("lr "))
        self.lr_spin.setAccessibleName(tr("Learning rate for training with your code"))
        self.timeout_spin = QDoubleSpinBox()
        self.timeout_spin.setObjectName("practiceTimeout")
        self.timeout_spin.setRange(0.5, 120.0)
        self.timeout_spin.setDecimals(1)
        self.timeout_spin.setValue(DEFAULT_TIMEOUT)
        self.timeout_spin.setPrefix(tr("time-out "))
        self.timeout_spin.setSuffix(tr(" s"))
        self.timeout_spin.setToolTip(tr("How long one run of your code may take"))
        self.template_button = QToolButton()
        self.template_button.setObjectName("templateButton")
        self.template_button.setText(tr("Template"))
        self.template_button.setToolTip(tr("Replace the code with the template for this network "
                                           "(Ctrl+Z undoes)"))
        self.shapes_box = QCheckBox(tr("Show shapes"))
        self.shapes_box.setObjectName("practiceShapes")
        self.shapes_box.setChecked(True)
        self.shapes_box.setToolTip(tr("After a check, show under each line of your code the shape of every "
                                      "tensor it computed"))
        self.status = QLabel()
        self.status.setObjectName("practiceStatus")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        # Ignored: its text ("checking… (time-out 5 s) · 1.2 s") must never widen the pane (and the window)
        self.status.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.status.setMinimumWidth(60)
        self.busy = QProgressBar()
        self.busy.setObjectName("practiceBusy")
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(120)
        self.busy.setTextVisible(False)
        self.busy.hide()
        self.cancel_button = QPushButton(tr("Cancel"))
        self.cancel_button.setObjectName("cancelButton")
        self.cancel_button.hide()
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for w in (self.check_button, self.train_button, self.epochs_spin, self.lr_spin, self.timeout_spin,
                  self.template_button, self.shapes_box):
            row.addWidget(w)
        row.addSpacing(8)
        row.addWidget(self.status, 1)
        row.addWidget(self.busy)
        row.addWidget(self.cancel_button)

    def set_busy(self, busy: bool) -> None:
        # the busy bar and Cancel take the place of the settings, so the row never grows (a wider pane
        # would push the main window wider)
        settings = (self.epochs_spin, self.lr_spin, self.timeout_spin, self.template_button)
        hide, show = (settings, (self.busy, self.cancel_button)) if busy else \
            ((self.busy, self.cancel_button), settings)
        for w in hide:  # hide first: never both at once, even for a moment
            w.setVisible(False)
        for w in show:
            w.setVisible(True)
        self.cancel_button.setEnabled(busy)

    def set_enabled(self, idle: bool, training_runs: bool) -> None:
        """Check, Train and Template only while nothing runs (no check, no training of the network)."""
        for w in (self.check_button, self.train_button, self.template_button):
            w.setEnabled(idle)
        self.check_button.setStatusTip(tr("Pause training first") if training_runs else "")
