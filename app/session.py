"""The one session object: owns the engine's Trainer (network, data, parameters, history) and the position
in the current epoch's trace. Views observe it through signals and never compute maths themselves.

Edits arrive here through QUndoCommands (app/commands.py); the `apply_*` methods are what those commands
call, and they leave the old state intact when the engine refuses the change.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from engine.errors import EngineError
from engine.trainer import EpochTrace, Trainer


class Session(QObject):
    network_changed = Signal()  # spec or data replaced: views rebuild (layer count, table shapes …)
    params_changed = Signal()  # parameter values changed (edit, step, rewind, reset)
    history_changed = Signal()  # the loss history grew or was cut
    trace_changed = Signal()  # a new epoch trace (or none)
    position_changed = Signal(int)  # index of the current operation in the trace, -1 for none
    diverged = Signal(object)  # engine.diagnose.Diagnosis
    dirty_changed = Signal(bool)
    path_changed = Signal(str)

    def __init__(self, trainer: Trainer, parent: QObject | None = None):
        super().__init__(parent)
        self.trainer = trainer
        self.undo_stack = QUndoStack(self)
        self.trace: EpochTrace | None = None
        self.position = -1
        self.committed = True  # is `trace` an epoch already applied to the parameters?
        self.path = ""
        self.practice_code = ""  # the learner's own backward code, saved with the session
        self._dirty = False
        self.undo_stack.cleanChanged.connect(lambda clean: self._set_dirty(not clean))

    # ----- read-only views ----------------------------------------------------------------------
    @property
    def spec(self):
        return self.trainer.spec

    @property
    def data(self):
        return self.trainer.data

    @property
    def epoch(self) -> int:
        return self.trainer.epoch

    @property
    def dirty(self) -> bool:
        return self._dirty

    def current_step(self):
        if self.trace is None or not 0 <= self.position < len(self.trace.steps):
            return None
        return self.trace.steps[self.position]

    # ----- state replacement (used by undo commands, file open, presets) -------------------------
    def replace_trainer(self, trainer: Trainer) -> None:
        self.trainer = trainer
        self._clear_trace()
        self.network_changed.emit()
        self.params_changed.emit()
        self.history_changed.emit()

    def apply_spec(self, spec, data=None, params=None) -> None:
        """Rebuild the trainer for a new spec (and data). Raises EngineError, changing nothing."""
        data = self.data if data is None else data
        self.replace_trainer(Trainer(spec, data, params=params))

    def apply_param(self, name: str, value) -> None:
        """Set one parameter's values (raises EngineError, changing nothing)."""
        self.trainer.set_param(name, value)
        self._clear_trace()
        self.params_changed.emit()

    def _set_dirty(self, dirty: bool) -> None:
        if dirty != self._dirty:
            self._dirty = dirty
            self.dirty_changed.emit(dirty)

    def mark_dirty(self) -> None:
        self._set_dirty(True)

    def mark_saved(self, path: str) -> None:
        self.path = path
        self.undo_stack.setClean()
        self._set_dirty(False)
        self.path_changed.emit(path)

    # ----- stepping -----------------------------------------------------------------------------
    def step_epoch(self) -> EpochTrace:
        """Finish the epoch in progress (if operation-stepping) or run a whole traced epoch."""
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
        if self.trace is None or self.position <= 0:
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
        if self.trace is None:
            self.trace = self.trainer.peek()
            self.committed = False
            self.trace_changed.emit()
        index = max(0, min(index, len(self.trace.steps) - 1))
        while self.position < index:
            self.next_op()
        while self.position > index:
            self.prev_op()

    def step_back(self) -> None:
        """Rewind one epoch, restoring that epoch's parameters exactly."""
        if self.trainer.epoch == 0:
            return
        if self.trace is not None and not self.committed:
            self._clear_trace()
            return
        self.trainer.rewind(self.trainer.epoch - 1)
        self._clear_trace()
        self.params_changed.emit()
        self.history_changed.emit()

    def rewind(self, epoch: int) -> None:
        self.trainer.rewind(epoch)
        self._clear_trace()
        self.params_changed.emit()
        self.history_changed.emit()

    def reset(self) -> None:
        self.trainer.reset()
        self._clear_trace()
        self.params_changed.emit()
        self.history_changed.emit()

    def _after_epoch(self, emit_trace: bool = True) -> None:
        if emit_trace:
            self.trace_changed.emit()
            self.position_changed.emit(self.position)
        self.params_changed.emit()
        self.history_changed.emit()
        self._set_dirty(True)

    def _clear_trace(self) -> None:
        self.trace = None
        self.position = -1
        self.committed = True
        self.trace_changed.emit()
        self.position_changed.emit(-1)


__all__ = ["Session", "EngineError"]
