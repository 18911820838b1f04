"""The engine's own loss curve for the epochs the learner trains, computed off the GUI thread.

`ReferenceRun(trainer, epochs, lr)` copies the trainer's state on the calling (GUI) thread — a new
engine.training.trainer.Trainer with the same spec (lr replaced), data, parameters and momentum buffers — and trains
the copy on the fast path in an app.state.task Task (the app's one idiom for background work); the
Reference arrives on the GUI thread. The session's own
trainer is never touched. `cancel()` stops it within one epoch; `wait()` joins it.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Reference:
    start_epoch: int  # the session's epoch the curve starts from
    lr: float
    losses: list[float]  # losses[i] is the loss of epoch start_epoch + i + 1 (before its update)
    diverged_at: int | None  # relative epoch (1-based) where the engine itself diverged, if it did
    accuracy: float | None  # after the last epoch


class ReferenceRun:
    """One reference curve: the copy, and the app.state.task Task that trains it."""

    def __init__(self, trainer, epochs: int, lr: float | None = None):
        from app.state.task import Task
        from engine.training.trainer import Trainer

        spec = trainer.spec if lr is None or lr == trainer.spec.lr else trainer.spec.with_changes(lr=lr)
        if spec.batch_size is not None:  # the learner's loop is the notebook's: all of X in every epoch
            spec = spec.with_changes(batch_size=None)
        self.copy = Trainer(spec, trainer.data, params=trainer.params_copy(),
                            velocity=trainer.velocity, adam=trainer.adam)
        self.start_epoch = trainer.epoch
        self.epochs = int(epochs)
        self.lr = spec.lr
        self.task = Task(self._train, name="reference")

    def cancel(self) -> None:
        self.task.cancel()

    def wait(self) -> None:
        self.task.wait()

    def _train(self, state):
        t = self.copy
        last = None
        for last in t.train(self.epochs, cancel=state.cancelled, every=self.epochs + 1):
            pass
        if state.cancelled():
            return None
        diverged = None if last is None or last.diagnosis is None else len(t.losses)
        return Reference(self.start_epoch, self.lr, list(t.losses), diverged,
                         None if last is None else last.accuracy)


_LIVE: set = set()  # runs still going: kept alive here (never parented to a widget that may go first)


def start_reference(trainer, epochs: int, lr: float | None, slot) -> ReferenceRun:
    """Start a ReferenceRun. `slot(run, reference)` is called on the GUI thread when it ends (reference
    None when cancelled) and must call `release(run)`."""
    run = ReferenceRun(trainer, epochs, lr)
    _LIVE.add(run)
    run.task.finished.connect(lambda task: slot(run, None if task.cancelled or task.error else task.result))
    run.task.start()
    return run


def release(run: ReferenceRun) -> None:
    """Join a run that has ended and let it go."""
    run.wait()
    _LIVE.discard(run)


def wait_all() -> None:
    """Cancel and join every reference run (at quit)."""
    for run in list(_LIVE):
        run.cancel()
        run.wait()
        _LIVE.discard(run)
