"""Run mode's work: iterate the engine's `Trainer.train` generator off the GUI thread, as an app.state.task
Task function.

The task owns the Trainer while it runs (the Trainer is not thread-safe; the session keeps the GUI off it).
Snapshots come at most SNAPSHOTS_PER_SECOND (20) times a second (train's `min_interval`; the loss curve
redraws on each, ~23 times a second with the axes' own redraws: smooth, and every redraw fewer leaves the GIL
to training longer: at 25 a second, run / headless measured a median 0.60 against 0.655 at 20, same machine,
interleaved, 4 pairs)
and are reported as (snapshot, losses since the previous one): the Task coalesces them, so the GUI thread's
queue never holds more than one pending update however slow a redraw is. Cancel is checked every epoch, so
Pause and close answer within one epoch. The result is the last (snapshot with done=True, its losses).
"""

from __future__ import annotations

from array import array

SNAPSHOTS_PER_SECOND = 20


def training(trainer, epochs: int, min_interval: float = 1.0 / SNAPSHOTS_PER_SECOND):
    """The function a Task runs: `epochs` epochs of `trainer` (fewer when cancelled)."""

    def run(state):
        sent = len(trainer.losses)
        for snap in trainer.train(epochs, cancel=state.cancelled, min_interval=min_interval, with_params=True):
            losses = trainer.losses
            chunk, sent = losses[sent:], len(losses)
            if snap.done:
                return snap, chunk
            state.report((snap, chunk))
        return None, array("d", trainer.losses[sent:])

    return run
