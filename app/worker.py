"""Run mode off the GUI thread: a QObject moved to a QThread iterates the engine's `Trainer.train` generator.

The worker owns the Trainer while it runs (the Trainer is not thread-safe; the session keeps the GUI off it).
Snapshots come at most SNAPSHOTS_PER_SECOND (25) times a second (train's `min_interval`; the loss curve
redraws on each, above the 20 Hz that looks smooth, and every redraw fewer leaves the GIL to training longer)
and are handed over coalesced: the worker appends (snapshot, new losses) to a locked list and emits `progress`
only when that list was empty, so the GUI thread's queue never holds more than one pending update however
slow a redraw is. Cancel is a threading.Event the generator checks every epoch, so Pause and close answer
within one epoch.

Lifecycle (see Session.start_run / stop_run): thread.started → run(); at the end run() moves the worker
back to the GUI thread, emits `finished` and quits its thread; the session then joins the thread.
"""

from __future__ import annotations

import threading
import traceback
from array import array

from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal, Slot

SNAPSHOTS_PER_SECOND = 25


class TrainWorker(QObject):
    progress = Signal()  # new updates are waiting: call take()
    finished = Signal()  # run() returned; `result` is the last snapshot (done=True), `error` a message or ""

    def __init__(self, trainer, epochs: int, min_interval: float = 1.0 / SNAPSHOTS_PER_SECOND):
        super().__init__()
        self.trainer = trainer
        self.epochs = epochs
        self.min_interval = min_interval
        self._cancel = threading.Event()
        self._lock = threading.Lock()
        self._pending: list[tuple[object, array]] = []
        self.result = None
        self.error = ""

    def cancel(self) -> None:
        """Thread-safe: stop after the current epoch."""
        self._cancel.set()

    def take(self) -> list:
        """Thread-safe: the (snapshot, losses since the previous one) pairs not yet taken, oldest first."""
        with self._lock:
            out, self._pending = self._pending, []
        return out

    def _put(self, snap, chunk) -> bool:
        with self._lock:
            was_empty = not self._pending
            self._pending.append((snap, chunk))
        return was_empty

    @Slot()
    def run(self) -> None:
        trainer = self.trainer
        try:
            sent = len(trainer.losses)
            for snap in trainer.train(self.epochs, cancel=self._cancel.is_set, min_interval=self.min_interval,
                                      with_params=True):
                losses = trainer.losses
                chunk, sent = losses[sent:], len(losses)
                if snap.done:
                    self.result = snap
                    self._put(snap, chunk)
                elif self._put(snap, chunk):
                    self.progress.emit()
        except Exception as e:  # a bug, not bad input: report it rather than kill the thread silently
            self.error = f"{type(e).__name__}: {e}"
            traceback.print_exc()
        finally:
            self.trainer = None
            app = QCoreApplication.instance()
            if app is not None:
                self.moveToThread(app.thread())
            self.finished.emit()
            QThread.currentThread().quit()
