"""The Trainer's checkpoints and rewind: the state after some epochs, kept so any earlier epoch can be restored
by replaying from the nearest one (the engine is deterministic, so a replay gives the same numbers bit for bit).
At most MAX_CHECKPOINTS are kept: the newest DENSE_RECENT all (stepping back is instant), older ones thinned.

Functions of a Trainer `t` (engine/training/trainer.py lists them as its methods); the state they keep on it:
    t._checkpoints      epoch -> Checkpoint (engine/training/records.py)
"""

from __future__ import annotations

from engine.core.errors import SpecError
from engine.core.network import Params
from engine.core.update import clone_state

from .records import Checkpoint

MAX_CHECKPOINTS = 256
DENSE_RECENT = 64  # the newest checkpoints are never thinned, so stepping back is instant


def checkpoint(t) -> None:
    if t.is_finite():
        store(t, t.params_copy())


def store(t, params: Params) -> None:
    """Keep `params` (tensors nobody mutates) as the state after t.epoch epochs. Callers make sure
    they are finite (step() checks the loss; a rare non-finite parameter behind a finite loss is
    caught by diagnose(), which skips non-finite checkpoints)."""
    t._checkpoints[t.epoch] = Checkpoint(
        params, clone_state(t.velocity), len(t.losses), t.batch, clone_state(t.adam))
    if len(t._checkpoints) > MAX_CHECKPOINTS:
        thin(t)


def thin(t) -> None:
    epochs = sorted(t._checkpoints)
    old = epochs[1:-DENSE_RECENT]  # never drop the first (initial) checkpoint
    for e in old[1::2]:
        del t._checkpoints[e]


def epochs(t) -> list[int]:
    return sorted(t._checkpoints)


def rewind(t, to_epoch: int, to_batch: int = 0) -> None:
    """Restore the state after `to_epoch` epochs (0 = the start) and `to_batch` mini-batch steps of the
    next, replaying from a checkpoint."""
    if not 0 <= to_epoch <= t.epoch:
        raise SpecError("epoch", f"can rewind to 0 … {t.epoch}, not {to_epoch}")
    if not 0 <= to_batch < t.steps_per_epoch or (to_epoch == t.epoch and to_batch > t.batch):
        top = t.batch if to_epoch == t.epoch else t.steps_per_epoch - 1
        raise SpecError("batch", f"can rewind to step 0 … {top} of epoch {to_epoch + 1}, not {to_batch}")
    earlier = [e for e in t._checkpoints if e < to_epoch
               or (e == to_epoch and t._checkpoints[e].batch <= to_batch)]
    if not earlier:
        raise SpecError("epoch", f"no saved state at or before epoch {to_epoch}: this history starts at "
                        f"epoch {min(t._checkpoints)}")
    base = max(earlier)
    cp = t._checkpoints[base]
    for e in [e for e in t._checkpoints if e > to_epoch]:
        del t._checkpoints[e]
    t.params = {k: v.clone() for k, v in cp.params.items()}
    t.velocity, t.adam = clone_state(cp.velocity), clone_state(cp.adam)
    keep_l, keep_a = t.losses[:base], t.accuracies[:base]
    tail_l, tail_a = t.losses[base:to_epoch], t.accuracies[base:to_epoch]
    e, first = base, cp.batch  # replay from the state after e epochs and `first` steps of the next
    while (e, first) < (to_epoch, to_batch):
        last = t.steps_per_epoch if e < to_epoch else to_batch
        for Xb, Tb in t.epoch_steps(e + 1, first)[:last - first]:
            t.net.epoch(t.params, t.opt_state, Xb, Tb, need_grads=False)
        e, first = (e + 1, 0) if e < to_epoch else (e, last)
    t.epoch = to_epoch
    t.losses = keep_l + tail_l
    t.accuracies = keep_a + tail_a
    if t.held_out is not None:
        t.held_out.cut(to_epoch)
    S = t.steps_per_epoch
    keep = max(0, (to_epoch - t.step_start) * S + to_batch) if S > 1 else 0
    t.step_losses = t.step_losses[:keep]
    t.batch = to_batch
    t._hits = 0.0 if to_batch == 0 else None
    t.diagnosis = None
    checkpoint(t)
