"""The one session object: owns the engine's Trainer (network, data, parameters, history) and the position
in the current epoch's trace. Views observe it through signals and never compute maths themselves.

The signals, the position in the trace and the rules for run mode are described for view authors in
app/state/__init__.py.
"""

from __future__ import annotations

import math
from array import array
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from app.i18n import tr
from app.state.readings import Readings
from app.state.run import RunMode
from app.state.selection import Selection
from app.state.stepping import Walk
from engine.core.errors import EngineError

if TYPE_CHECKING:  # the engine's trainer brings torch: import it only where a Trainer is made
    from engine.training.trainer import EpochTrace, Trainer

UNDO_LIMIT = 200


class Session(Readings, QObject):
    network_changed = Signal()  # spec or data replaced: views rebuild (layer count, table shapes …)
    params_changed = Signal()  # parameter values changed (edit, step, rewind, reset)
    history_changed = Signal()  # the loss history grew or was cut
    trace_changed = Signal()  # a new epoch trace (or none)
    position_changed = Signal(int)  # index of the current operation in the trace, -1 for none
    diverged = Signal(object)  # engine.training.diagnose.Diagnosis
    dirty_changed = Signal(bool)
    path_changed = Signal(str)
    about_to_run = Signal()  # run mode is starting: views commit pending edits now (they still apply)
    running_changed = Signal(bool)  # run mode on / off
    snapshot = Signal(object)  # engine.training.trainer.Snapshot, during run mode
    run_frame = Signal(object)  # the same, at most RUN_FRAMES_PER_SECOND (and the last): for the readouts
    run_error = Signal(str)

    def __init__(self, trainer: Trainer, parent: QObject | None = None):
        super().__init__(parent)
        self.trainer = trainer
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setUndoLimit(UNDO_LIMIT)
        self._walk = Walk(self)  # the trace on show and the position in it
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
        self.selection = Selection(self)  # the cell and the sample the learner points at, shared by views
        self.network_changed.connect(self.selection.clear)
        self._run = RunMode(self)
        self.params_changed.connect(self._walk.forget_preview)  # first: before any view asks for the preview
        self.network_changed.connect(self._walk.forget_preview)
        self._progress_accuracy: tuple = (None, None)  # (trace in progress, its accuracy), computed once

    # ----- read-only views ----------------------------------------------------------------------
    @property
    def spec(self):
        return self.trainer.spec

    @property
    def data(self):
        return self.trainer.data

    @property
    def params(self) -> dict:
        """The current parameters {w1: tensor, …}: read, never modify (edits go through commands). Not
        during a run (take `snapshot` params then)."""
        return self.trainer.params

    @property
    def inputs(self):
        """The inputs the network trains on, X (N × features: a split's training rows). Read, never modify;
        not during a run."""
        return self.trainer.X

    def params_copy(self) -> dict:
        return self.trainer.params_copy()

    def trainer_copy(self):
        """A new Trainer in the session's state (parameters, optimizer state and history copied): what the
        checker and Practice's reference curve work on, off the GUI thread or in a child process; views never
        get the session's own. Not during a run."""
        return self.trainer.copy()

    @property
    def epoch(self) -> int:
        """Epochs completed (during a run: as of the latest snapshot)."""
        if self.running:
            snap = self._run.last_snapshot
            return snap.epoch if snap is not None else self._run.start_epoch
        return self.trainer.epoch

    @property
    def losses(self) -> array:
        """The loss of every epoch so far (losses[e-1] is epoch e's); safe to read during a run."""
        run_losses = self._run.losses
        return run_losses if run_losses is not None else self.trainer.losses

    @property
    def running(self) -> bool:
        return self._run.running

    @property
    def dirty(self) -> bool:
        return self._dirty

    def preview(self):
        """The trace the next epoch would record (engine.training.trainer.EpochTrace), computed once for the
        current parameters without changing them: what the inspector and the operations list show before
        the first operation. None during a run, or when the network cannot run an epoch."""
        return self._walk.preview()

    def current_step(self):
        if self.trace is None or not 0 <= self.position < len(self.trace.steps):
            return None
        return self.trace.steps[self.position]

    # ----- edits through the undo stack ---------------------------------------------------------
    def try_push(self, command) -> str | None:
        """Apply `command` (an app.state.commands.SessionCommand) and push it onto the undo stack.

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
        self._walk.forget()
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

    def report_divergence(self, diagnosis) -> None:
        """Emit `diverged` for a diagnosis of the trainer's (stepping, run and trace diagnose alike), once."""
        if diagnosis is not None and diagnosis is not self._reported_diagnosis:
            self._reported_diagnosis = diagnosis
            self.diverged.emit(diagnosis)

    def mark_dirty(self) -> None:
        self._trained = True
        self._set_dirty(True)

    def mark_saved(self, path: str) -> None:
        self.path = path
        self._trained = False
        self.undo_stack.setClean()
        self._set_dirty(False)
        self.path_changed.emit(path)

    # ----- stepping (app/state/stepping.py; ignored during a run) -------------------------------------
    @property
    def trace(self):
        """The epoch whose operations are on show (engine.training.trainer.EpochTrace), or None."""
        return self._walk.trace

    @property
    def position(self) -> int:
        return self._walk.position

    @property
    def committed(self) -> bool:
        """Is the trace's epoch applied to the parameters (a record), or still in progress?"""
        return self._walk.committed

    def step_epoch(self) -> EpochTrace | None:
        return self._walk.step_epoch()

    def step_batch(self) -> EpochTrace | None:
        """One mini-batch step (app/state/stepping.py); Step epoch without mini-batches."""
        return self._walk.step_batch()

    @property
    def batch_rows(self):
        """The rows of X in the mini-batch on show (a tensor of data row indices, in the batch's order), or
        None: no trace, or the whole data set in each step."""
        trace = self.trace
        if trace is None or self.running or trace.rows is None:
            return None
        if self.data.n_test:  # the trainer's rows are the training rows: map them back to rows of the data
            return self.data.train_index[trace.rows]
        return trace.rows

    def next_op(self) -> None:
        return self._walk.next_op()

    def prev_op(self) -> None:
        return self._walk.prev_op()

    def next_starts_epoch(self) -> int:
        return self._walk.next_starts_epoch()

    def set_position(self, index: int) -> None:
        return self._walk.set_position(index)

    def step_back(self) -> None:
        return self._walk.step_back()

    def rewind(self, epoch: int) -> None:
        return self._walk.rewind(epoch)

    def reset(self) -> None:
        return self._walk.reset()

    def train_now(self, epochs: int) -> None:
        return self._walk.train_now(epochs)

    def _clear_trace(self) -> None:
        return self._walk._clear_trace()

    @property
    def shown_epoch(self) -> int:
        """The epoch every view names: the one whose operations are on show, else the last one completed."""
        if self.trace is not None and not self.running:
            return self.trace.epoch
        return self.epoch

    @property
    def epoch_in_progress(self) -> bool:
        """True while walking an epoch that is not applied yet (the parameters are those before it)."""
        return self.trace is not None and not self.committed and not self.running

    @property
    def shown_loss(self) -> float | None:
        """The loss of the shown epoch's forward pass (None before any)."""
        if self.running and self.last_snapshot is not None:
            return self.last_snapshot.loss
        if self.epoch_in_progress:
            return self.trace.loss
        losses = self.losses
        return losses[-1] if losses else None

    @property
    def shown_accuracy(self) -> float | None:
        """The accuracy of the shown epoch's forward pass (None for regression, before any epoch, or when
        not known during a run)."""
        if self.data.task == "regression":
            return None
        if self.running:
            snap = self.last_snapshot
            return None if snap is None else snap.accuracy
        if self.epoch_in_progress:  # the parameters are those before the epoch: its forward pass's accuracy
            trace, acc = self._progress_accuracy
            if trace is not self.trace:
                acc = self.trainer.accuracy()
                self._progress_accuracy = (self.trace, acc)
            return acc
        if not self.trainer.losses:
            return None
        accs = self.trainer.accuracies
        return accs[-1] if accs and not math.isnan(accs[-1]) else self.trainer.accuracy()

    # ----- run mode (app.state.run) ---------------------------------------------------------------------
    def start_run(self, to_epoch: int | None = None) -> bool:
        """Train off the GUI thread until paused, or until epoch `to_epoch`. False if nothing to do."""
        if self.running or (to_epoch is not None and to_epoch <= self.trainer.epoch):
            return False
        self.about_to_run.emit()  # a value still being typed into a cell lands before the task takes over
        return self._run.start(to_epoch)  # (it clears the trace once `running` is True: see RunMode.start)

    def pause(self) -> None:
        """Ask the task to stop after the current epoch; running_changed(False) follows."""
        self._run.pause()

    def stop_run(self) -> None:
        """Stop the task and wait for it (blocking, but one epoch is short): for closing the window."""
        self._run.stop()

    @property
    def last_snapshot(self):
        """The latest snapshot of the run (also after it, until the next run starts)."""
        return self._run.last_snapshot

    @property
    def epochs_per_second(self) -> float:
        return self._run.epochs_per_second

    @property
    def run_start_epoch(self) -> int:
        return self._run.start_epoch

    @property
    def run_target(self) -> int | None:
        return self._run.target


def _silencer(stack: QUndoStack):
    def silence(*_args) -> None:
        try:
            stack.blockSignals(True)
        except RuntimeError:  # already gone
            pass
    return silence


__all__ = ["Session", "EngineError"]
