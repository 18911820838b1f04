"""Training state: parameters, momentum buffers or Adam's state, the epoch counter, the loss history and checkpoints.

`Trainer.step()` runs one traced step (for stepping in the GUI): the whole epoch, or with a batch_size one
mini-batch (engine/core/batches.py; `step_epoch()` finishes the epoch); `Trainer.train()` is a generator of small
immutable snapshots over the fast path, with cancel, for a worker thread. Rewind restores the nearest
checkpoint and replays: the engine is deterministic, so a replay gives the same numbers bit for bit,
and memory stays bounded however long training runs.
"""

from __future__ import annotations

import math
from array import array
from typing import Callable, Iterator

import torch

from engine.core.errors import SpecError
from engine.core.init import init_params
from engine.core.network import Network, Params, Targets
from engine.core.spec import NetworkSpec
from engine.core.trace import Recorder
from engine.core.update import AdamState, clone_state

from . import checkpoints, minibatch
from .checkpoints import DENSE_RECENT, MAX_CHECKPOINTS  # noqa: F401  (their limits, imported from here)
from .diagnose import diagnose, diagnose_trace, forward_finite
from .held_out import HeldOut
from .records import Checkpoint, EpochTrace, Snapshot  # noqa: F401  (the records, imported from here)

RUN_CHECKPOINT_EVERY = 100
HALF = torch.tensor(0.5)  # the decision threshold, as a tensor: comparing with a Python 0.5 wraps it anew each time


class Trainer:
    """Owns one network's parameters and training history. Not thread-safe: one owner at a time."""

    def __init__(self, spec: NetworkSpec, data, params: Params | None = None, velocity: Params | None = None,
                 epoch: int = 0, losses=(), accuracies=(), *, test_losses=(), test_accuracies=(),
                 batch: int = 0, step_losses=None, adam: AdamState | None = None):
        spec.validate()
        spec.check_data(data)
        self.spec, self.data = spec, data
        self.net = Network(spec)
        dt = spec.torch_dtype
        test_rows = getattr(data, "test_index", None)  # a train/test split (engine/io/split.py)
        self.held_out: HeldOut | None = None
        if test_rows is not None and test_rows.numel():
            rows = data.train_index
            self.held_out = HeldOut(self.net, data.X[test_rows], data.y[test_rows], test_losses, test_accuracies,
                                    len(losses))
            self.X, self.y = data.X[rows].to(dt).contiguous(), data.y[rows]
        else:
            self.X, self.y = data.X.to(dt).contiguous(), data.y
        self.T = Targets(spec, self.y)  # self.y: the labels or targets of the rows trained on
        if params is None:
            params = init_params(spec)
        else:
            for k in spec.param_names:
                if k not in params:
                    raise SpecError(k, f"missing; this network needs {', '.join(spec.param_names)}")
                if tuple(params[k].shape) != spec.param_shape(k):
                    raise SpecError(k, f"shape {tuple(params[k].shape)} does not match the network's "
                                    f"{spec.param_shape(k)}")
            params = {k: params[k].to(dt).clone().contiguous() for k in spec.param_names}
        self.params: Params = params
        if spec.momentum:
            self.velocity = (
                {k: velocity[k].to(dt).clone() for k in spec.param_names} if velocity
                else {k: torch.zeros_like(v) for k, v in params.items()}
            )
        else:
            self.velocity = None
        # Adam's moment buffers m, v and step count t (given ones continue a saved run exactly)
        self.adam = ((adam.to(dt) if adam else AdamState.zeros(params)) if spec.optimizer == "adam" else None)
        self.epoch = epoch
        self.losses = array("d", losses)  # losses[e-1] is the loss of epoch e
        self.accuracies = array("d", accuracies)  # NaN where not computed
        self._checkpoints: dict[int, Checkpoint] = {}
        self._after: tuple = (None, ())  # the last traced step's params_after and the parameters it left
        self.diagnosis = None  # engine.training.diagnose.Diagnosis once a value became non-finite
        self.start_epoch = epoch  # the parameters after this epoch were given (not made by our updates)
        self._test_sent = 0  # test history already handed out in snapshots (train())
        self._init_batches(batch, step_losses)
        self._checkpoint()

    # ----- queries ----------------------------------------------------------------------------
    @property
    def task(self) -> str:
        return self.data.task

    def predict(self, X: torch.Tensor | None = None) -> torch.Tensor:
        X = self.X if X is None else X.to(self.spec.torch_dtype)
        return self.net.predict(self.params, X)

    def forward(self):
        return self.net.forward(self.params, self.X)

    def current_loss(self) -> float:
        ls, as_ = self.net.forward(self.params, self.X)
        return float(self.net.loss(self.params, ls[-1], as_[-1], self.T))

    def accuracy_of(self, y_pred: torch.Tensor, T: Targets | None = None) -> float | None:
        """The fraction of rows y_pred gets right (of T's targets; default all of the data's)."""
        if self.task == "regression":
            return None
        T = self.T if T is None else T
        if self.spec.loss == "softmax_ce":
            hit = torch.eq(y_pred.argmax(1), T.labels)
        else:
            hit = torch.gt(y_pred, HALF).eq_(T.positive)  # (N, 1): y_pred > 0.5 where the target is 1
        return int(torch.count_nonzero(hit)) / hit.numel()

    def accuracy(self) -> float | None:
        return self.accuracy_of(self.predict())

    def params_copy(self) -> Params:
        return {k: v.clone() for k, v in self.params.items()}

    def copy(self) -> "Trainer":
        """A new Trainer in this one's state, sharing no tensor or history with it (its only checkpoint is
        this epoch): what session_state's from_trainer(t).to_trainer() gives, without turning the histories
        into lists (~40 ms at 2·10⁵ epochs that way)."""
        h = self.held_out
        return Trainer(self.spec, self.data, self.params, self.velocity, self.epoch, self.losses, self.accuracies,
                       test_losses=h.losses if h else (), test_accuracies=h.accuracies if h else (),
                       batch=self.batch, step_losses=self.step_losses,
                       adam=self.adam)  # (the constructor copies the parameters, buffers and histories)

    @property
    def opt_state(self):
        """What the update changes besides the parameters: Adam's state, the momentum buffers, or None."""
        return self.adam if self.adam is not None else self.velocity

    def is_finite(self) -> bool:
        return all(bool(torch.isfinite(v).all()) for v in self.params.values())

    # ----- stepping ---------------------------------------------------------------------------
    def step(self) -> EpochTrace:
        """One traced step: forward, backward, update, every operation recorded (the whole epoch, or with a
        batch_size the next mini-batch of the epoch in progress)."""
        rec = Recorder(self._unchanged_after())
        number, batch, rows = self.epoch + 1, self.batch, self.next_rows()
        loss_t, grads, y_pred = self._epoch(rec)
        loss = float(loss_t)
        if self.steps_per_epoch == 1:
            self._log(loss, self.accuracy_of(y_pred))
        else:
            self._log_step(loss, y_pred)
        after = rec.params_after  # clones made by the update records: nothing mutates them
        self._after = (after, [(k, p, p._version) for k, p in self.params.items()])
        et = EpochTrace(number, tuple(rec.steps), loss, grads, rec.params_before, after, batch,
                        self.steps_per_epoch, rows)
        diagnosis = diagnose_trace(self, et)
        if diagnosis is None:
            if math.isfinite(loss) and self.batch == 0:
                self._store_checkpoint(after)
        elif self.diagnosis is None:  # the first epoch with a non-finite value: the one to explain
            self.diagnosis = diagnosis
        return et

    def _unchanged_after(self) -> Params | None:
        """The last traced step's params_after if the parameters are still the very tensors it left, unchanged
        since (so they are the next step's params_before, without copying them again); else None."""
        after, seen = self._after
        P = self.params
        if after is None or len(seen) != len(P):
            return None
        for k, p, version in seen:
            if P.get(k) is not p or p._version != version:
                return None
        return after

    def peek(self) -> EpochTrace:
        """The trace the next epoch would record, without changing any state: the epoch runs on copies of the
        parameters and the optimizer's state, so whoever holds the trainer's own tensors sees no change."""
        saved = self.params, self.velocity, self.adam, self.epoch
        batch, rows = self.batch, self.next_rows()
        self.params, self.velocity, self.adam = self.params_copy(), clone_state(self.velocity), clone_state(self.adam)
        try:
            rec = Recorder()
            loss_t, grads, _ = self._epoch(rec)  # (advances self.epoch; restored below)
        finally:
            self.params, self.velocity, self.adam, self.epoch = saved
        return EpochTrace(saved[3] + 1, tuple(rec.steps), float(loss_t), grads, rec.params_before,
                          rec.params_after, batch, self.steps_per_epoch, rows)

    def step_fast(self) -> float:
        """One step on the fast path (an epoch, or a mini-batch); its loss."""
        loss_t, _, y_pred = self._epoch(None)
        loss = float(loss_t)
        if self.steps_per_epoch == 1:
            self._log(loss, math.nan)
        else:
            self._log_step(loss, y_pred)
        return loss

    def step_epoch(self) -> EpochTrace:
        """Finish the epoch in progress (or run a whole one): its steps but the last on the fast path, the last
        traced (its trace is returned). The same as step() for the whole data set."""
        while self.batch < self.steps_per_epoch - 1:
            self.step_fast()
        return self.step()

    def _epoch(self, rec):
        """The next step (the epoch, or its next mini-batch): (loss, grads, y_pred). A whole epoch advances
        self.epoch; a mini-batch leaves the counting to _log_step. The test rows are measured with the
        parameters the epoch starts from."""
        if self.held_out is not None and self.batch == 0:
            self.held_out.before_update(self.params)
        if self.steps_per_epoch == 1:
            r = self.net.epoch(self.params, self.opt_state, self.X, self.T, rec, need_grads=False)
            self.epoch += 1
        else:
            Xb, Tb = self._batches(self.epoch + 1).step(self.batch)
            r = self.net.epoch(self.params, self.opt_state, Xb, Tb, rec, need_grads=False)
        return r.loss, (r.grads if rec is None else rec.grads), r.y_pred

    def _log(self, loss: float, acc) -> None:
        self.losses.append(loss)
        self.accuracies.append(math.nan if acc is None else acc)
        if self.held_out is not None:
            self.held_out.log()

    # ----- mini-batches: engine/training/minibatch.py (functions of the trainer, listed here) ------------------
    _init_batches = minibatch.init_batches
    _batches = minibatch.epoch_batches
    next_rows = minibatch.next_rows
    epoch_steps = minibatch.epoch_steps
    _log_step = minibatch.log_step
    _end_epoch = minibatch.end_epoch
    _fast_epoch = minibatch.fast_epoch

    # ----- training ---------------------------------------------------------------------------
    def train(
        self,
        epochs: int,
        cancel: Callable[[], bool] | None = None,
        every: int = 1,
        min_interval: float = 0.0,
        with_params: bool = False,
        clock: Callable[[], float] | None = None,
    ) -> Iterator[Snapshot]:
        """Run up to `epochs` epochs on the fast path, yielding a Snapshot every `every` epochs (and no
        more often than `min_interval` seconds), and always a last one with done=True.

        Stops early when `cancel()` returns True, or when the loss or a parameter becomes non-finite:
        then the last snapshot carries the Diagnosis (see engine.training.diagnose).
        """
        import time

        clock = clock or time.monotonic
        self._last_y_pred = None
        last_yield = -math.inf
        end = self.epoch + epochs
        net, P, V, X, T = self.net, self.params, self.opt_state, self.X, self.T
        losses = self.losses
        acc_nan = math.nan
        held = self.held_out
        self._test_sent = len(held.losses) if held is not None else 0
        check_forward = True  # the first epoch from here: its forward pass may already overflow
        while self.epoch < end:
            if cancel is not None and cancel():
                break
            bad = check_forward and not forward_finite(net, P, X)
            check_forward = False
            if held is not None and self.batch == 0:
                held.before_update(P)
            if self.steps_per_epoch > 1:  # mini-batches: the rest of the epoch in progress
                loss = self._fast_epoch(keep_preds=True)
            else:
                r = net.epoch(P, V, X, T, need_grads=False)
                loss = float(r.loss)
                self._last_y_pred = r.y_pred  # this epoch's predictions (before its update), for accuracy
                self.epoch += 1
                losses.append(loss)
                self.accuracies.append(acc_nan)
                if held is not None:
                    held.log()
            bad = bad or not math.isfinite(loss)
            if not bad and (self.epoch % RUN_CHECKPOINT_EVERY == 0 or self.epoch == end):
                # parameters, and the next forward pass (an operation can overflow while the loss stays finite)
                bad = not self.is_finite() or not forward_finite(net, P, X)
                if not bad:
                    self._store_checkpoint(self.params_copy())  # finiteness just checked
            if bad:
                self._stop_diverged(diagnose(self))
                yield self._snapshot(True, with_params, self.diagnosis)
                return
            if self.epoch % every == 0 and self.epoch < end:
                now = clock()
                if now - last_yield >= min_interval:
                    last_yield = now
                    yield self._snapshot(False, with_params)
        yield self._snapshot(True, with_params)

    def _stop_diverged(self, diagnosis) -> None:
        """Stop at the epoch the first non-finite value appeared in (found by replaying, it may be earlier than
        the epoch where it was noticed), with the diagnosis. An epoch not yet run (its forward pass overflows)
        is run now, so its loss is in the history like any diverged epoch's."""
        if diagnosis.epoch < self.epoch:
            self.rewind(diagnosis.epoch)
        elif diagnosis.epoch > self.epoch:
            self.step_fast()
        self._last_y_pred = None  # the epoch the history now ends at was not the last one this call ran
        self.diagnosis = diagnosis

    def _snapshot(self, done: bool, with_params: bool, diagnosis=None) -> Snapshot:
        """The state after the last epoch; its accuracy is that epoch's (from the same forward pass as its
        loss), and is written into the history so the accuracy curve has a point per snapshot."""
        acc = None
        y_pred = self._last_y_pred  # only an epoch this train() call ran
        if self.losses and y_pred is not None and math.isfinite(self.losses[-1]):
            # (mini-batches: every step's predictions, against the epoch's targets in their order)
            acc = self.accuracy_of(torch.cat(y_pred[0]), y_pred[1]) if isinstance(y_pred, tuple) \
                else self.accuracy_of(y_pred)
            if acc is not None:
                self.accuracies[-1] = acc
        loss = self.losses[-1] if self.losses else math.nan
        test = {}
        if self.held_out is not None:
            sent, self._test_sent = self._test_sent, len(self.held_out.losses)
            test = dict(test_losses=tuple(self.held_out.losses[sent:]),
                        test_accuracies=tuple(self.held_out.accuracies[sent:]))
        return Snapshot(self.epoch, loss, acc, self.params_copy() if with_params else None, diagnosis, done,
                        **test)

    # ----- checkpoints and rewind: engine/training/checkpoints.py (functions of the trainer, listed here) ------
    _checkpoint = checkpoints.checkpoint
    _store_checkpoint = checkpoints.store
    checkpoint_epochs = checkpoints.epochs
    rewind = checkpoints.rewind

    def reset(self) -> None:
        """Back to the initial parameters of the spec (epoch 0), forgetting the history."""
        self.params = init_params(self.spec)
        self.velocity = {k: torch.zeros_like(v) for k, v in self.params.items()} if self.spec.momentum else None
        self.adam = AdamState.zeros(self.params) if self.spec.optimizer == "adam" else None
        self.epoch = self.start_epoch = 0
        self.losses, self.accuracies = array("d"), array("d")
        if self.held_out is not None:
            self.held_out.cut(0)
        self.batch, self.step_losses, self.step_start, self._hits = 0, array("d"), 0, 0.0
        self._checkpoints.clear()
        self.diagnosis = None
        self._checkpoint()

    def set_param(self, name: str, value: torch.Tensor) -> None:
        """Replace one parameter (same shape); later history restarts from here."""
        if name not in self.params:
            raise SpecError(name, f"no such parameter; this network has {', '.join(self.params)}")
        value = torch.as_tensor(value, dtype=self.spec.torch_dtype)
        if tuple(value.shape) != tuple(self.params[name].shape):
            raise SpecError(name, f"shape {tuple(value.shape)} does not match {tuple(self.params[name].shape)}")
        if not bool(torch.isfinite(value).all()):
            raise SpecError(name, "values must be finite numbers")
        self.params[name] = value.clone().contiguous()
        self.start_epoch = self.epoch
        self.diagnosis = None
        self._checkpoints = {e: c for e, c in self._checkpoints.items() if e < self.epoch}
        self._checkpoint()
