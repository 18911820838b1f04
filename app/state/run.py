"""Run mode for one Session: train its Trainer off the GUI thread (an app.state.task Task running
app.state.worker.training) and show the task's snapshots through the session's signals.

While running, the task owns the Trainer; the session answers `epoch` and `losses` from the snapshots
(`losses` is a GUI-side copy fed from the task's chunks), so views never touch tensors that change under them.
"""

from __future__ import annotations

import sys
import time
from array import array

RUN_FOREVER = 10**9  # "Run" without a target: until paused
RUN_SWITCH_INTERVAL = 0.001  # seconds: sys.setswitchinterval while the task runs (see start)
RUN_FRAMES_PER_SECOND = 10  # session.run_frame: the readouts that need not follow every snapshot, in step


class RunMode:
    def __init__(self, session):
        self._session = session
        self.task = None
        self._stopping = False
        self.losses: array | None = None  # the GUI-side copy of the loss history during a run
        self.test_losses: array | None = None  # … and of the test history, with a test set (from snapshots)
        self.test_accuracies: array | None = None
        self.start_epoch = 0
        self.target: int | None = None  # the epoch a "Run to epoch N" stops at (None: until paused)
        self.last_snapshot = None
        self.epochs_per_second = 0.0
        self._rate_mark: tuple[float, int] | None = None
        self._switch_interval = sys.getswitchinterval()
        from app.state.throttle import Throttle

        self._frames = Throttle(RUN_FRAMES_PER_SECOND)

    @property
    def running(self) -> bool:
        return self.task is not None

    def start(self, to_epoch: int | None) -> bool:
        s = self._session
        trainer = s.trainer
        epochs = RUN_FOREVER if to_epoch is None else to_epoch - trainer.epoch
        if self.running or epochs <= 0:
            return False
        from app.state.task import Task
        from app.state.worker import training

        self.start_epoch = trainer.epoch
        self.target = to_epoch
        self.last_snapshot = None
        self.epochs_per_second = 0.0
        self._rate_mark = (time.monotonic(), trainer.epoch)
        self._frames.reset()
        self._stopping = False
        self.losses = array("d", trainer.losses)
        if trainer.held_out is not None:
            self.test_losses = array("d", trainer.held_out.losses)
            self.test_accuracies = array("d", trainer.held_out.accuracies)
        task = Task(training(trainer, epochs), name="train")  # owned here: gone when the run is
        task.progress.connect(self._on_progress)
        task.finished.connect(self._on_finished)
        self.task = task
        # The task and the GUI share the GIL. Every time the GUI thread calls into Qt it lets the GIL go and
        # then waits up to a switch interval (5 ms by default) to get it back from the worker; a redraw makes
        # hundreds of such calls. A shorter interval while running keeps redraws (and Pause) prompt.
        self._switch_interval = sys.getswitchinterval()
        sys.setswitchinterval(RUN_SWITCH_INTERVAL)
        # the trace goes now that `running` is True: views answer with their run-mode note at once instead of
        # first computing the next epoch's preview that the run would make stale (~20 ms at every Run)
        s._clear_trace()
        s.running_changed.emit(True)
        task.start()
        return True

    def pause(self) -> None:
        if self.task is not None:
            self._stopping = True
            self.task.cancel()

    def stop(self) -> None:
        """Stop the task and wait for it (blocking, but one epoch is short): for closing the window."""
        task = self.task
        if task is None:
            return
        self._stopping = True
        task.cancel()
        task.progress.disconnect(self._on_progress)
        task.finished.disconnect(self._on_finished)
        task.wait()
        self._finish(task)

    def _on_progress(self) -> None:
        task = self.task
        if task is None:
            return
        updates = task.take()
        for snap, chunk in updates:
            self.losses.extend(chunk)
            self._extend_test(snap)
        if self._stopping or not updates:
            return  # after Pause, only the final snapshot is shown
        self._show(updates[-1][0])

    def _on_finished(self, task) -> None:
        if task is not self.task:
            return
        task.wait()
        self._finish(task)

    def _finish(self, task) -> None:
        s = self._session
        for _snap, chunk in task.take():
            self.losses.extend(chunk)
        snap = None
        if task.result is not None:
            snap, chunk = task.result
            self.losses.extend(chunk)
        self.task = None
        sys.setswitchinterval(self._switch_interval)
        self.losses = self.test_losses = self.test_accuracies = None  # (the trainer's own history from here)
        self._stopping = False
        if snap is not None:
            self._show(snap)
        s.running_changed.emit(False)
        s.params_changed.emit()
        s.history_changed.emit()
        if s.trainer.epoch != self.start_epoch:
            s.mark_dirty()
        _return_freed_memory()  # the run's GUI-side copy of the losses and the plots' old buffers
        if task.error:
            s.run_error.emit(task.error)
        if snap is not None:
            s.report_divergence(snap.diagnosis)

    def _extend_test(self, snap) -> None:
        if self.test_losses is not None and snap is not None and snap.test_losses is not None:
            self.test_losses.extend(snap.test_losses)
            self.test_accuracies.extend(snap.test_accuracies)

    def _show(self, snap) -> None:
        now = time.monotonic()
        t0, e0 = self._rate_mark or (now, snap.epoch)
        if now - t0 >= 0.25:
            rate = (snap.epoch - e0) / (now - t0)
            self.epochs_per_second = rate if not self.epochs_per_second else 0.5 * (self.epochs_per_second + rate)
            self._rate_mark = (now, snap.epoch)
        self.last_snapshot = snap
        self._session.snapshot.emit(snap)
        if snap.done or self._frames.due():  # one cadence for every readout, so they name the same epoch
            self._session.run_frame.emit(snap)


def _return_freed_memory() -> None:
    """Give freed heap memory back to the system. glibc keeps it for reuse unless asked: after a run of 10⁶
    epochs that is ~10 MB (the session's copy of the losses, the plots' outgrown buffers) that the process
    would otherwise hold for good. Elsewhere (no malloc_trim) nothing happens."""
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        trim = getattr(ctypes.CDLL(None), "malloc_trim", None)
        if trim is not None:
            trim(0)
    except OSError:
        pass
