"""The one session object: owns the engine's Trainer (network, data, parameters, history) and the position
in the current epoch's trace. Views observe it through signals and never compute maths themselves.

For view authors
----------------
Signals
    network_changed()        spec or data replaced (a new Trainer): rebuild layer counts, table shapes …
    params_changed()         parameter values changed (edit, step, rewind, reset, end of a run)
    history_changed()        the loss history grew or was cut (read it from `session.losses`)
    trace_changed()          a new epoch trace, or none (`session.trace`)
    position_changed(int)    index of the current operation in the trace, -1 for none
    diverged(Diagnosis)      the loss or a parameter became non-finite (engine.training.diagnose.Diagnosis)
    dirty_changed(bool)      unsaved changes appeared / were saved
    path_changed(str)        the session file's path (after Save As / Open)
    running_changed(bool)    run mode started / stopped
    snapshot(Snapshot)       during run mode, at most 25 per second: epoch, loss, accuracy and a copy of the
                             parameters (`snap.params`); the last one of a run has `done=True`
    run_error(str)           the worker failed unexpectedly (message for the status bar)

Edits: build a command from app/commands.py and call `session.try_push(command)`. It returns None when the
edit was applied (and pushed onto the undo stack), or the engine's message (str) when it was refused; then
nothing changed and the view shows the message in place. Never call `apply_*` from a view directly: those
are what the commands call.

Run mode: while `session.running` is True a worker thread owns the Trainer. Views must not read
`session.trainer` then (its tensors change under them): take what they show from `snapshot` signals, and
re-read the session when `running_changed(False)` arrives (params_changed and history_changed follow too).
`session.losses` is always safe to read: during a run it is a GUI-side copy fed from the worker.

Cost during a run: the GUI thread shares the GIL with the worker, so every millisecond a view spends on a
snapshot is taken from training (benchmarks/bench_app.py measures it). Redraw only what changed, cheaply
(the loss plot: one setData, axes left alone); views that need not follow every snapshot ask an
app.throttle.Throttle (the boundary 10 times a second, the weights and the diagram twice); panes with
nothing to show during a run (the inspector, health, gradient check) say so and refresh when it stops.
"""

from __future__ import annotations

import sys
import time
from array import array
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtGui import QUndoStack

from app.i18n import tr
from engine.core.errors import EngineError

if TYPE_CHECKING:  # the engine's trainer brings torch: import it only where a Trainer is made
    from engine.training.trainer import EpochTrace, Trainer

UNDO_LIMIT = 200
RUN_FOREVER = 10**9  # "Run" without a target: until paused
RUN_SWITCH_INTERVAL = 0.001  # seconds: sys.setswitchinterval while the worker runs (see start_run)


class Session(QObject):
    network_changed = Signal()  # spec or data replaced: views rebuild (layer count, table shapes …)
    params_changed = Signal()  # parameter values changed (edit, step, rewind, reset)
    history_changed = Signal()  # the loss history grew or was cut
    trace_changed = Signal()  # a new epoch trace (or none)
    position_changed = Signal(int)  # index of the current operation in the trace, -1 for none
    diverged = Signal(object)  # engine.training.diagnose.Diagnosis
    dirty_changed = Signal(bool)
    path_changed = Signal(str)
    running_changed = Signal(bool)  # run mode on / off
    snapshot = Signal(object)  # engine.training.trainer.Snapshot, during run mode
    run_error = Signal(str)

    def __init__(self, trainer: Trainer, parent: QObject | None = None):
        super().__init__(parent)
        self.trainer = trainer
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setUndoLimit(UNDO_LIMIT)
        self.trace: EpochTrace | None = None
        self.position = -1
        self.committed = True  # is `trace` an epoch already applied to the parameters?
        self.path = ""
        self.source_name = ""  # what this session came from when it has no file yet (a preset's name)
        self.practice_code = ""  # the learner's own backward code, saved with the session
        self._dirty = False
        self._trained = False  # stepped / ran / rewound since the last save (not on the undo stack)
        self._reported_diagnosis = None  # the trainer's diagnosis last emitted as diverged (emitted once)
        self.undo_stack.cleanChanged.connect(self._on_clean_changed)
        # QUndoStack's destructor clears itself and emits canUndoChanged & co.; by then this session and the
        # windows observing it may be half gone, so silence the stack when the session goes (destroyed is
        # emitted before the children are deleted).
        self.destroyed.connect(_silencer(self.undo_stack))
        # run mode
        self._worker = None
        self._thread = None
        self._stopping = False
        self._run_losses: array | None = None
        self.run_start_epoch = 0
        self.run_target: int | None = None  # the epoch a "Run to epoch N" stops at (None: until paused)
        self.last_snapshot = None
        self.epochs_per_second = 0.0
        self._rate_mark: tuple[float, int] | None = None
        self._switch_interval = sys.getswitchinterval()

    # ----- read-only views ----------------------------------------------------------------------
    @property
    def spec(self):
        return self.trainer.spec

    @property
    def data(self):
        return self.trainer.data

    @property
    def epoch(self) -> int:
        """Epochs completed (during a run: as of the latest snapshot)."""
        if self.running and self.last_snapshot is not None:
            return self.last_snapshot.epoch
        if self.running:
            return self.run_start_epoch
        return self.trainer.epoch

    @property
    def losses(self) -> array:
        """The loss of every epoch so far (losses[e-1] is epoch e's); safe to read during a run."""
        return self._run_losses if self._run_losses is not None else self.trainer.losses

    @property
    def running(self) -> bool:
        return self._thread is not None

    @property
    def dirty(self) -> bool:
        return self._dirty

    def current_step(self):
        if self.trace is None or not 0 <= self.position < len(self.trace.steps):
            return None
        return self.trace.steps[self.position]

    # ----- edits through the undo stack ---------------------------------------------------------
    def try_push(self, command) -> str | None:
        """Apply `command` (an app.commands.SessionCommand) and push it onto the undo stack.

        Returns None on success, or the engine's message when it refused the edit (nothing changed and
        nothing was pushed). Refused during run mode, too.
        """
        if self.running:
            return tr("Pause training before editing.")
        try:
            command.apply_first()
        except EngineError as e:
            from app.engine_wording import error_text

            return error_text(e)
        self.undo_stack.push(command)  # its first redo() is a no-op: it has just been applied
        return None

    # ----- state replacement (used by undo commands, file open, presets) -------------------------
    def replace_trainer(self, trainer: Trainer) -> None:
        self._check_idle()
        self.trainer = trainer
        self.trace, self.position, self.committed = None, -1, True
        self.network_changed.emit()  # first: views rebuild for the new shapes before anything else
        self.trace_changed.emit()
        self.position_changed.emit(-1)
        self.params_changed.emit()
        self.history_changed.emit()

    def open_trainer(self, trainer: Trainer, path: str = "", source_name: str = "",
                     practice_code: str = "") -> None:
        """Start afresh on `trainer` (a file just opened, a preset): empty undo stack, nothing unsaved."""
        self._check_idle()
        self.undo_stack.clear()
        self.practice_code = practice_code
        self.source_name = source_name
        self.replace_trainer(trainer)
        self.mark_saved(path)

    def apply_spec(self, spec, data=None, params=None) -> None:
        """Rebuild the trainer for a new spec (and data). Raises EngineError, changing nothing."""
        from engine.training.trainer import Trainer

        data = self.data if data is None else data
        self.replace_trainer(Trainer(spec, data, params=params))

    def apply_param(self, name: str, value) -> None:
        """Set one parameter's values (raises EngineError, changing nothing)."""
        self._check_idle()
        self.trainer.set_param(name, value)
        self._clear_trace()
        self.params_changed.emit()

    def set_practice_code(self, code: str) -> None:
        if code != self.practice_code:
            self.practice_code = code
            self.mark_dirty()

    def _check_idle(self) -> None:
        if self.running:
            raise EngineError("training", tr("pause training before changing the network"))

    # ----- dirty state ----------------------------------------------------------------------------
    def _on_clean_changed(self, clean: bool) -> None:
        self._set_dirty(self._trained or not clean)

    def _set_dirty(self, dirty: bool) -> None:
        if dirty != self._dirty:
            self._dirty = dirty
            self.dirty_changed.emit(dirty)

    def mark_dirty(self) -> None:
        self._trained = True
        self._set_dirty(True)

    def mark_saved(self, path: str) -> None:
        self.path = path
        self._trained = False
        self.undo_stack.setClean()
        self._set_dirty(False)
        self.path_changed.emit(path)

    # ----- stepping (ignored during a run) ------------------------------------------------------
    def step_epoch(self) -> EpochTrace | None:
        """Finish the epoch in progress (if operation-stepping) or run a whole traced epoch."""
        if self.running:
            return None
        if self.trace is not None and not self.committed:
            self.trainer.step()
            self.committed = True
            self.position = len(self.trace.steps) - 1
        else:
            self.trace = self.trainer.step()
            self.committed = True
            self.position = len(self.trace.steps) - 1
        self._after_epoch()
        return self.trace

    def next_op(self) -> None:
        """Move to the next operation; past the last update, the epoch is applied and the next begins."""
        if self.running:
            return
        if self.trace is None or (self.committed and self.position >= len(self.trace.steps) - 1):
            self.trace = self.trainer.peek()
            self.committed = False
            self.position = 0
            self.trace_changed.emit()
        elif self.position < len(self.trace.steps) - 1:
            self.position += 1
            if self.position == len(self.trace.steps) - 1 and not self.committed:
                self.trainer.step()
                self.committed = True
                self._after_epoch(emit_trace=False)
        self.position_changed.emit(self.position)

    def prev_op(self) -> None:
        if self.running or self.trace is None or self.position <= 0:
            return
        if self.committed and self.position == len(self.trace.steps) - 1:
            # stepping back into the epoch un-applies it: the parameters return to before the epoch
            self.trainer.rewind(self.trainer.epoch - 1)
            self.committed = False
            self.params_changed.emit()
            self.history_changed.emit()
        self.position -= 1
        self.position_changed.emit(self.position)

    def set_position(self, index: int) -> None:
        """Jump to an operation of the current trace (clicking the timeline)."""
        if self.running:
            return
        if self.trace is None:
            self.trace = self.trainer.peek()
            self.committed = False
            self.position = 0
            self.trace_changed.emit()
            self.position_changed.emit(0)
        index = max(0, min(index, len(self.trace.steps) - 1))
        while self.position < index:
            self.next_op()
        while self.position > index:
            self.prev_op()

    def step_back(self) -> None:
        """Rewind one epoch, restoring that epoch's parameters exactly."""
        if self.running or self.trainer.epoch == 0 and self.trace is None:
            return
        if self.trace is not None and not self.committed:
            self._clear_trace()  # leave the epoch in progress: the parameters are already those before it
            return
        if self.trainer.epoch == 0:
            self._clear_trace()
            return
        self.rewind(self.trainer.epoch - 1)

    def rewind(self, epoch: int) -> None:
        """Restore the state after `epoch` epochs (0 = the start), exactly as it was then."""
        if self.running:
            return
        self.trainer.rewind(epoch)
        self._clear_trace()
        self.params_changed.emit()
        self.history_changed.emit()
        self.mark_dirty()

    def reset(self) -> None:
        """Back to the spec's initial parameters, forgetting the history (not undoable: the main window
        pushes app.commands.ResetCommand instead)."""
        if self.running:
            return
        self.trainer.reset()
        self._clear_trace()
        self.params_changed.emit()
        self.history_changed.emit()
        self.mark_dirty()

    def train_now(self, epochs: int) -> None:
        """Train `epochs` epochs on the GUI thread, blocking (for --screenshot and scripts)."""
        if self.running or epochs <= 0:
            return
        self._clear_trace()
        last = None
        for last in self.trainer.train(epochs):
            pass
        self.params_changed.emit()
        self.history_changed.emit()
        self.mark_dirty()
        if last is not None and last.diagnosis is not None:
            self._reported_diagnosis = last.diagnosis
            self.diverged.emit(last.diagnosis)

    def _after_epoch(self, emit_trace: bool = True) -> None:
        if emit_trace:
            self.trace_changed.emit()
            self.position_changed.emit(self.position)
        self.params_changed.emit()
        self.history_changed.emit()
        self.mark_dirty()
        self._check_divergence()

    def _check_divergence(self) -> None:
        """After a traced epoch: the first time a value of an epoch is non-finite (the trainer's step diagnoses
        it, as run and trace do), report it once."""
        d = self.trainer.diagnosis
        if d is not None and d is not self._reported_diagnosis:
            self._reported_diagnosis = d
            self.diverged.emit(d)

    def _clear_trace(self) -> None:
        self.trace = None
        self.position = -1
        self.committed = True
        self.trace_changed.emit()
        self.position_changed.emit(-1)

    # ----- run mode -----------------------------------------------------------------------------
    def start_run(self, to_epoch: int | None = None) -> bool:
        """Train off the GUI thread until paused, or until epoch `to_epoch`. False if nothing to do."""
        if self.running:
            return False
        epochs = RUN_FOREVER if to_epoch is None else to_epoch - self.trainer.epoch
        if epochs <= 0:
            return False
        from PySide6.QtCore import QThread

        from app.worker import TrainWorker

        self._clear_trace()
        self.run_start_epoch = self.trainer.epoch
        self.run_target = to_epoch
        self.last_snapshot = None
        self.epochs_per_second = 0.0
        self._rate_mark = (time.monotonic(), self.trainer.epoch)
        self._stopping = False
        self._run_losses = array("d", self.trainer.losses)
        thread = QThread()
        thread.setObjectName("backprop-tutor-train")
        worker = TrainWorker(self.trainer, epochs)
        worker.moveToThread(thread)
        thread.started.connect(worker.run)
        worker.progress.connect(self._on_worker_progress)
        worker.finished.connect(self._on_worker_finished)
        self._thread, self._worker = thread, worker
        # The worker and the GUI share the GIL. Every time the GUI thread calls into Qt it lets the GIL go and
        # then waits up to a switch interval (5 ms by default) to get it back from the worker; a redraw makes
        # hundreds of such calls. A shorter interval while running keeps redraws (and Pause) prompt.
        self._switch_interval = sys.getswitchinterval()
        sys.setswitchinterval(RUN_SWITCH_INTERVAL)
        self.running_changed.emit(True)
        thread.start()
        return True

    def pause(self) -> None:
        """Ask the worker to stop after the current epoch; running_changed(False) follows."""
        if self._worker is not None:
            self._stopping = True
            self._worker.cancel()

    def stop_run(self) -> None:
        """Stop the worker and wait for it (blocking, but one epoch is short): for closing the window."""
        worker, thread = self._worker, self._thread
        if worker is None:
            return
        self._stopping = True
        worker.cancel()
        worker.progress.disconnect(self._on_worker_progress)
        worker.finished.disconnect(self._on_worker_finished)
        thread.wait()
        self._finish_run(worker)

    @Slot()
    def _on_worker_progress(self) -> None:
        worker = self._worker
        if worker is None:
            return
        updates = worker.take()
        if not updates:
            return
        for _snap, chunk in updates:
            self._run_losses.extend(chunk)
        live = [snap for snap, _chunk in updates if not snap.done]  # the final one is shown on finish
        if self._stopping or not live:
            return  # after Pause, only the final snapshot is shown
        self._show_snapshot(live[-1])

    @Slot()
    def _on_worker_finished(self) -> None:
        worker = self._worker
        if worker is None:
            return
        self._thread.wait()
        self._finish_run(worker)

    def _finish_run(self, worker) -> None:
        for _snap, chunk in worker.take():
            self._run_losses.extend(chunk)
        thread = self._thread
        self._worker = self._thread = None
        sys.setswitchinterval(self._switch_interval)
        self._run_losses = None
        self._stopping = False
        thread.started.disconnect(worker.run)
        snap, error = worker.result, worker.error
        if snap is not None:
            self._show_snapshot(snap)
        self.running_changed.emit(False)
        self.params_changed.emit()
        self.history_changed.emit()
        if self.trainer.epoch != self.run_start_epoch:
            self.mark_dirty()
        _return_freed_memory()  # the run's GUI-side copy of the losses and the plots' old buffers
        if error:
            self.run_error.emit(error)
        if snap is not None and snap.diagnosis is not None:
            self._reported_diagnosis = snap.diagnosis
            self.diverged.emit(snap.diagnosis)

    def _show_snapshot(self, snap) -> None:
        now = time.monotonic()
        t0, e0 = self._rate_mark or (now, snap.epoch)
        if now - t0 >= 0.25:
            rate = (snap.epoch - e0) / (now - t0)
            self.epochs_per_second = rate if not self.epochs_per_second else 0.5 * (self.epochs_per_second + rate)
            self._rate_mark = (now, snap.epoch)
        self.last_snapshot = snap
        self.snapshot.emit(snap)


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


def _silencer(stack: QUndoStack):
    def silence(*_args) -> None:
        try:
            stack.blockSignals(True)
        except RuntimeError:  # already gone
            pass
    return silence


__all__ = ["Session", "EngineError"]
