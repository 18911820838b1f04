"""The status bar's readout: the epoch on show (and whether it is in progress), its loss and accuracy, the
training rate and, for Run to epoch, a progress bar. It answers the Session only.

    status = StatusReadout(window.statusBar(), session)
    status.epoch_label, status.loss_label, status.acc_label, status.rate_label, status.progress
    status.refresh()                  after anything that moves the epoch on show
    status.retranslate()

During a run it follows `session.run_frame` (about 10 snapshots a second, the last one always: a label's new
text lays out the status bar again, and 25 of those a second are time taken from training), in step with the
toolbar's label and the run view, so all of them name the same epoch.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel, QProgressBar, QStatusBar

from app.i18n import tr
from app.views.held_label import HeldLabel


class StatusReadout(QObject):
    def __init__(self, bar: QStatusBar, session):
        super().__init__(bar)
        self.bar = bar
        self.session = session
        self.epoch_label, self.loss_label, self.acc_label, self.rate_label = (QLabel() for _ in range(4))
        for lab, name in ((self.epoch_label, "epoch"), (self.loss_label, "loss"), (self.acc_label, "accuracy"),
                          (self.rate_label, "rate")):
            lab.setObjectName(f"{name}Status")
            lab.setMinimumWidth(lab.fontMetrics().horizontalAdvance("Accuracy 100.0 %") + 12)
            bar.addPermanentWidget(lab)
        # during a run each new text would lay the window out again: the labels keep their size (held_label.py)
        self._epoch, self._loss, self._acc, self._rate = (
            HeldLabel(lab, session) for lab in (self.epoch_label, self.loss_label, self.acc_label, self.rate_label))
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(220)
        self.progress.hide()
        bar.addPermanentWidget(self.progress)
        self.retranslate()
        session.position_changed.connect(self.refresh)  # the shown epoch (in progress or not) moves with it
        session.history_changed.connect(self.refresh)
        session.params_changed.connect(self.refresh)
        session.network_changed.connect(self.refresh)
        session.running_changed.connect(self._on_running_changed)
        session.run_frame.connect(self._on_snapshot)

    def retranslate(self) -> None:
        self.progress.setFormat(tr("epoch %v of %m"))
        self.refresh()

    def refresh(self, *_args) -> None:
        s = self.session
        epoch, loss, acc = s.shown_epoch, s.shown_loss, s.shown_accuracy
        text = tr("Epoch {epoch}").format(epoch=f"{epoch:,}")
        if s.epoch_in_progress:
            text = tr("{epoch} (in progress)").format(epoch=text)
        self._epoch.set_text(text)
        self._loss.set_text(tr("Loss {loss}").format(loss="—" if loss is None else f"{loss:.6g}"))
        self._acc.set_text(tr("Accuracy {acc}").format(acc="—" if acc is None else f"{100 * acc:.1f} %"))
        self.acc_label.setVisible(s.data.task != "regression")
        rate = s.epochs_per_second if s.running else 0.0
        self._rate.set_text(tr("{rate} epochs/s").format(rate=f"{rate:,.0f}") if rate else "")

    def _on_running_changed(self, running: bool) -> None:
        s = self.session
        if running and s.run_target is not None:
            self.progress.setRange(s.run_start_epoch, s.run_target)
            self.progress.setValue(s.run_start_epoch)
            self.progress.show()
        elif not running:
            self.progress.hide()
        self.refresh()

    def _on_snapshot(self, snap) -> None:
        if self.progress.isVisible():
            self.progress.setValue(min(snap.epoch, self.progress.maximum()))
        self.refresh()


__all__ = ["StatusReadout"]
