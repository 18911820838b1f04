"""The engine's own loss curve for the epochs the learner trains, computed off the GUI thread.

`ReferenceRun(trainer, epochs, lr)` copies the trainer's state on the calling (GUI) thread — a new
engine.training.trainer.Trainer with the same spec (lr replaced), data, parameters and momentum buffers — and trains
the copy on the fast path in a QThread; `done(Reference)` arrives on the GUI thread. The session's own
trainer is never touched. `cancel()` stops it within one epoch; `wait()` joins it.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

from PySide6.QtCore import QThread, Signal


@dataclass(frozen=True)
class Reference:
    start_epoch: int  # the session's epoch the curve starts from
    lr: float
    losses: list[float]  # losses[i] is the loss of epoch start_epoch + i + 1 (before its update)
    diverged_at: int | None  # relative epoch (1-based) where the engine itself diverged, if it did
    accuracy: float | None  # after the last epoch


class ReferenceRun(QThread):
    done = Signal(object, object)  # (this run, Reference or None when cancelled)

    def __init__(self, trainer, epochs: int, lr: float | None = None, parent=None):
        super().__init__(parent)
        from engine.training.trainer import Trainer

        spec = trainer.spec if lr is None or lr == trainer.spec.lr else trainer.spec.with_changes(lr=lr)
        self.copy = Trainer(spec, trainer.data, params=trainer.params_copy(),
                            velocity=trainer.velocity)
        self.start_epoch = trainer.epoch
        self.epochs = int(epochs)
        self.lr = spec.lr
        self._cancel = threading.Event()
        self.setObjectName("backprop-tutor-reference")

    def cancel(self) -> None:
        self._cancel.set()

    def run(self) -> None:
        t = self.copy
        last = None
        for last in t.train(self.epochs, cancel=self._cancel.is_set, every=self.epochs + 1):
            pass
        if self._cancel.is_set():
            self.done.emit(self, None)
            return
        diverged = None if last is None or last.diagnosis is None else len(t.losses)
        self.done.emit(self, Reference(self.start_epoch, self.lr, list(t.losses), diverged,
                                       None if last is None else last.accuracy))


_LIVE: set = set()  # runs still going: kept alive here (never parented to a widget that may go first)


def start_reference(trainer, epochs: int, lr: float | None, slot) -> ReferenceRun:
    """Start a ReferenceRun. `slot(run, reference)` — a bound method of a QObject of the GUI thread, so the
    call is queued there — receives it (reference None when cancelled) and must call `release(run)`."""
    run = ReferenceRun(trainer, epochs, lr)
    _LIVE.add(run)
    run.done.connect(slot)
    run.start()
    return run


def release(run: ReferenceRun) -> None:
    """Join a run that has emitted `done` (its thread is ending) and let it go."""
    run.wait()
    _LIVE.discard(run)
    run.deleteLater()


def wait_all() -> None:
    """Cancel and join every reference run (at quit)."""
    for run in list(_LIVE):
        run.cancel()
        run.wait()
        _LIVE.discard(run)
