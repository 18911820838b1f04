"""Walking one epoch's operations: the Session's trace, the position in it, and whether its epoch is applied.

The trace is one epoch's recorded operations. While it is *in progress* (committed False) the parameters are
those before it, and reaching its last operation applies it. Once applied (committed True) it stays a record:
Next / Previous walk it without changing anything, and Next past its last operation starts the following
epoch. Step epoch applies an epoch and leaves its record at the first operation. Rewind, reset and training
on the GUI thread leave no trace. Everything here is ignored during a run; the Session's signals report it.

With mini-batches (the network's batch_size) a trace is one mini-batch step of its epoch: Step batch applies
the next one, Step epoch the rest of the epoch (the last step traced), Step back goes back one step.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from engine.training.trainer import EpochTrace


class Walk:
    def __init__(self, session):
        self._s = session
        self.trace = None  # engine.training.trainer.EpochTrace, or None
        self.position = -1
        self.committed = True  # is `trace` an epoch already applied to the parameters?
        self._preview = None  # (key, the trace the next epoch would record), computed once per state

    def preview(self) -> EpochTrace | None:
        """The trace the next epoch would record (Trainer.peek: nothing changes), computed once for the
        current parameters; None during a run or when the network cannot run an epoch."""
        if self._s.running:
            return None
        trainer = self._s.trainer

        def key():  # the same trainer, epoch and parameter tensors (an edit replaces one; training moves the
            return (id(trainer), trainer.epoch, tuple(id(v) for v in trainer.params.values()))  # epoch)

        if self._preview is None or self._preview[0] != key():
            try:
                trace = trainer.peek()
            except Exception:  # a network whose epoch fails: no preview (the views say nothing is ready)
                trace = None
            self._preview = (key(), trace)  # after the peek, which puts copies of the parameters back
        return self._preview[1]

    def forget_preview(self, *_args) -> None:
        """The parameters or the network changed: the next preview is computed afresh."""
        self._preview = None

    def step_epoch(self) -> EpochTrace | None:
        """Finish the epoch in progress (keeping the position) or run a whole traced epoch (from its start).
        With mini-batches: apply the step in progress, then the rest of its epoch; the last step is shown."""
        if self._s.running:
            return None
        trainer = self._s.trainer
        if self.trace is not None and not self.committed:
            trainer.step()
            if trainer.batch:  # mini-batches: the epoch goes on after this step
                self.trace, self.position = trainer.step_epoch(), 0
        elif trainer.steps_per_epoch > 1:
            self.trace, self.position = trainer.step_epoch(), 0
        else:
            self.trace = trainer.step()
            self.position = 0
        self.committed = True
        self._after_epoch()
        return self.trace

    def step_batch(self) -> EpochTrace | None:
        """One mini-batch step (the whole epoch without mini-batches): finish the step in progress (keeping
        the position) or run the next one traced, from its first operation."""
        if self._s.running:
            return None
        if self._s.trainer.steps_per_epoch == 1 or (self.trace is not None and not self.committed):
            return self.step_epoch()
        self.trace, self.position = self._s.trainer.step(), 0
        self.committed = True
        self._after_epoch()
        return self.trace

    def next_op(self) -> None:
        """Move to the next operation; past the last operation of an applied epoch, the next epoch begins."""
        if self._s.running:
            return
        if self.next_starts_epoch():
            self.trace = self.preview() or self._s.trainer.peek()
            self.committed = False
            self.position = 0
            self._s.trace_changed.emit()
        else:
            self.position += 1
            if self.position == len(self.trace.steps) - 1 and not self.committed:
                self._s.trainer.step()
                self.committed = True
                self._after_epoch(emit_trace=False)
        self._s.position_changed.emit(self.position)

    def prev_op(self) -> None:
        """Move to the previous operation of the same epoch (an applied epoch stays applied)."""
        if self._s.running or self.trace is None or self.position <= 0:
            return
        self.position -= 1
        self._s.position_changed.emit(self.position)

    def next_starts_epoch(self) -> int:
        """The epoch that Next operation would start (0 when it walks the epoch on show)."""
        if self._s.running:
            return 0
        if self.trace is None or (self.committed and self.position >= len(self.trace.steps) - 1):
            return self._s.trainer.epoch + 1
        return 0

    def set_position(self, index: int) -> None:
        """Jump to an operation of the current trace (clicking the timeline)."""
        if self._s.running:
            return
        if self.trace is None:
            self.trace = self.preview() or self._s.trainer.peek()
            self.committed = False
            self.position = 0
            self._s.trace_changed.emit()
            self._s.position_changed.emit(0)
        index = max(0, min(index, len(self.trace.steps) - 1))
        while self.position < index:
            self.next_op()
        while self.position > index:
            self.prev_op()

    def step_back(self) -> None:
        """Rewind one epoch, restoring that epoch's parameters exactly."""
        if self._s.running or self._s.trainer.epoch == 0 and self.trace is None:
            return
        if self.trace is not None and not self.committed:
            self._clear_trace()  # leave the epoch in progress: the parameters are already those before it
            return
        trainer = self._s.trainer
        if trainer.batch:  # mini-batches: back one step inside the epoch
            self._rewind_to(trainer.epoch, trainer.batch - 1)
            return
        if trainer.epoch == 0:
            self._clear_trace()
            return
        if trainer.steps_per_epoch > 1:  # back to the last step of the previous epoch
            self._rewind_to(trainer.epoch - 1, trainer.steps_per_epoch - 1)
            return
        self.rewind(trainer.epoch - 1)

    def _rewind_to(self, epoch: int, batch: int) -> None:
        self._s.trainer.rewind(epoch, batch)
        self._clear_trace()
        self._s.params_changed.emit()
        self._s.history_changed.emit()
        self._s.mark_dirty()

    def rewind(self, epoch: int) -> None:
        """Restore the state after `epoch` epochs (0 = the start), exactly as it was then."""
        if self._s.running:
            return
        self._s.trainer.rewind(epoch)
        self._clear_trace()
        self._s.params_changed.emit()
        self._s.history_changed.emit()
        self._s.mark_dirty()

    def reset(self) -> None:
        """Back to the spec's initial parameters, forgetting the history (not undoable: the main window
        pushes app.state.commands.ResetCommand instead)."""
        if self._s.running:
            return
        self._s.trainer.reset()
        self._clear_trace()
        self._s.params_changed.emit()
        self._s.history_changed.emit()
        self._s.mark_dirty()

    def train_now(self, epochs: int) -> None:
        """Train `epochs` epochs on the GUI thread, blocking (for --screenshot and scripts)."""
        if self._s.running or epochs <= 0:
            return
        self._clear_trace()
        last = None
        for last in self._s.trainer.train(epochs):
            pass
        self._s.params_changed.emit()
        self._s.history_changed.emit()
        self._s.mark_dirty()
        if last is not None:
            self._s.report_divergence(last.diagnosis)

    def _after_epoch(self, emit_trace: bool = True) -> None:
        if emit_trace:
            self._s.trace_changed.emit()
            self._s.position_changed.emit(self.position)
        self._s.params_changed.emit()
        self._s.history_changed.emit()
        self._s.mark_dirty()
        self._check_divergence()

    def _check_divergence(self) -> None:
        """After a traced epoch: the first time a value of an epoch is non-finite (the trainer's step diagnoses
        it, as run and trace do), report it once."""
        self._s.report_divergence(self._s.trainer.diagnosis)

    def _clear_trace(self) -> None:
        self.trace = None
        self.position = -1
        self.committed = True
        self._s.trace_changed.emit()
        self._s.position_changed.emit(-1)

    def forget(self) -> None:
        """No trace (a new Trainer): the Session emits what follows."""
        self.trace, self.position, self.committed = None, -1, True
        self._preview = None
