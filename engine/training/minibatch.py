"""The Trainer's mini-batch steps (engine/core/batches.py): where it is inside the epoch in progress, the loss of
every step, an epoch's loss and accuracy from its steps, and the fast path through the rest of an epoch.

Functions of a Trainer `t` (engine/training/trainer.py lists them as its methods); the state they keep on it:
    t.steps_per_epoch, t.batch_sizes    S = ⌈N/k⌉ and each step's rows
    t.batch                             steps done in the epoch in progress (epoch t.epoch + 1), 0 … S−1
    t.step_losses, t.step_start         every step's loss since epoch t.step_start
"""

from __future__ import annotations

from array import array

import torch

from engine.core.batches import EpochBatches, batch_sizes, epoch_loss, steps_per_epoch
from engine.core.errors import SpecError


def init_batches(t, batch: int, step_losses) -> None:
    """The position inside the epoch in progress and the step losses, checked against the batch size."""
    n = t.X.shape[0]
    t.steps_per_epoch = S = steps_per_epoch(n, t.spec.batch_size)
    t.batch_sizes = batch_sizes(n, t.spec.batch_size)
    t._eb: EpochBatches | None = None
    if not (isinstance(batch, int) and 0 <= batch < S):
        raise SpecError("batch", f"an epoch of this network has {S} step(s), so 0 to {S - 1} of them "
                        f"can be done, not {batch}")
    t.batch = batch  # mini-batch steps done in the epoch in progress (epoch + 1)
    steps = array("d", step_losses if step_losses is not None else ())
    if S > 1 and (len(steps) < batch or (len(steps) - batch) % S or len(steps) > t.epoch * S + batch):
        raise SpecError("step_losses", f"{len(steps)} step losses do not fit {t.epoch} epoch(s) of {S} "
                        f"steps and {batch} more")
    t.step_losses = steps if S > 1 else array("d")  # every mini-batch step's loss, in order
    # the epoch the step losses start at (later than 0 when they were not known for the first epochs)
    t.step_start = t.epoch - (len(steps) - batch) // S if S > 1 else t.epoch
    t._hits: float | None = 0.0 if batch == 0 else None  # the epoch in progress's right answers


def epoch_batches(t, epoch: int) -> EpochBatches:
    """Epoch `epoch`'s data in its shuffled order (kept while the epoch is in progress)."""
    eb = t._eb
    if eb is None or eb.epoch != epoch:
        eb = t._eb = EpochBatches(t.X, t.T, t.spec.seed, epoch, t.spec.batch_size)
    return eb


def next_rows(t) -> torch.Tensor | None:
    """The rows of X the next step takes, in its order (None: all of X, in order)."""
    if t.steps_per_epoch == 1:
        return None
    return epoch_batches(t, t.epoch + 1).rows(t.batch)


def epoch_steps(t, epoch: int, first: int = 0) -> list:
    """The (X_b, T_b) of epoch `epoch`'s steps from step `first` on: [(X, T)] for the whole data set."""
    if t.steps_per_epoch == 1:
        return [(t.X, t.T)]
    eb = EpochBatches(t.X, t.T, t.spec.seed, epoch, t.spec.batch_size)
    return [eb.step(j) for j in range(first, t.steps_per_epoch)]


def log_step(t, loss: float, y_pred: torch.Tensor | None) -> None:
    """Log one mini-batch step; at the epoch's last step, log the epoch (its loss: batches.epoch_loss)."""
    n_b = t.batch_sizes[t.batch]
    t.step_losses.append(loss)
    if t._hits is not None:
        acc = None if y_pred is None else t.accuracy_of(y_pred, epoch_batches(t, t.epoch + 1).step(
            t.batch)[1])
        t._hits = None if acc is None else t._hits + acc * n_b
    t.batch += 1
    if t.batch == t.steps_per_epoch:
        end_epoch(t, t._hits)


def end_epoch(t, hits: float | None) -> None:
    S = t.steps_per_epoch
    t.batch = 0
    t.epoch += 1
    n = t.X.shape[0]
    t._log(epoch_loss(t.step_losses[-S:], t.batch_sizes, n),
              None if hits is None else round(hits) / n)
    t._hits = 0.0


def fast_epoch(t, keep_preds: bool) -> float:
    """The rest of the epoch in progress on the fast path, its steps logged; the epoch's loss. With
    keep_preds, t._last_y_pred becomes (the steps' y_pred, the epoch's targets) when the whole epoch
    ran here."""
    net, P, V = t.net, t.params, t.opt_state
    eb = epoch_batches(t, t.epoch + 1)
    first, preds, log = t.batch, [], t.step_losses.append
    for j in range(first, t.steps_per_epoch):
        Xb, Tb = eb.step(j)
        r = net.epoch(P, V, Xb, Tb, need_grads=False)
        log(float(r.loss))
        preds.append(r.y_pred)
    end_epoch(t, None)
    t._last_y_pred = (preds, eb.T) if keep_preds and first == 0 else None
    return t.losses[-1]
