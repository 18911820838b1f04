"""The Session's read-only views of the training history, for the views (which never read the trainer):
the test set's history, the rows trained on, accuracy, each sample's loss, the mini-batch steps' losses
and the training-health readings.

A part of app.state.session.Session (its base class), kept apart so the session file stays readable. It reads
the Session's `trainer`, `data`, `spec`, `running`, `trace`, `committed`, `preview()` and the run mode's
GUI-side copies (`_run`).
"""

from __future__ import annotations

from array import array

import numpy as np


class Readings:
    @property
    def test_losses(self) -> array | None:
        """With a train/test split, the test loss of every epoch (like `losses`, on the held-out points;
        NaN where unknown), else None; safe to read during a run."""
        held = self.trainer.held_out
        if held is None:
            return None
        run_losses = self._run.test_losses
        return run_losses if run_losses is not None else held.losses

    @property
    def test_accuracies(self) -> array | None:
        """With a train/test split, the test accuracy of every epoch (NaN for regression), else None."""
        held = self.trainer.held_out
        if held is None:
            return None
        run_accs = self._run.test_accuracies
        return run_accs if run_accs is not None else held.accuracies

    @property
    def n_train(self) -> int:
        """The rows the network trains on: every data point, or those outside the test set."""
        return self.data.n_samples - self.data.n_test

    def training_row(self, index: int) -> int | None:
        """The data point (row of `data.X`) that row `index` of the matrices on show is (the followed sample):
        a row of the trained X, or with a mini-batch on show a row of its batch (None past the batch's end)."""
        trace = self.trace
        rows = None if trace is None or self.running else trace.rows
        if rows is not None:
            if not 0 <= index < len(rows):
                return None
            index = int(rows[index])
        return int(self.data.train_index[index])

    def sample_rows(self, trace=None) -> list[int] | None:
        """The data row (row of `data.X`) of each row of `trace`'s per-sample matrices (default: the trace on
        show): a mini-batch's rows, or a split's training rows; None when they are rows 0 … N−1 of the data."""
        trace = self.trace if trace is None else trace
        rows = getattr(trace, "rows", None)
        if rows is None and not self.data.n_test:
            return None
        index = self.data.train_index
        return (index if rows is None else index[rows]).tolist()

    def per_sample_loss(self):
        """Each sample's term of the shown epoch's data loss, a tensor (N,); None without a trace."""
        trace = self.trace
        if trace is None or self.running:
            return None
        forward = {st.name: st for st in trace.steps if st.phase == "forward"}
        logits, y_pred = forward.get(f"l{self.spec.depth}"), forward.get("y_pred")
        if logits is None or y_pred is None:
            return None
        T = self.trainer.T if trace.rows is None else self.trainer.T.take(trace.rows)  # a mini-batch's rows
        return self.trainer.net.data_loss_per_sample(logits.result, y_pred.result, T)

    @property
    def accuracies(self) -> array:
        """The accuracy of every epoch so far (NaN where not computed: epochs trained between snapshots).
        Not during a run (snapshots carry their accuracy then)."""
        return self.trainer.accuracies

    def accuracy_now(self) -> float | None:
        """The accuracy of the current parameters on the data; None for a regression, for parameters that
        are not finite, and during a run."""
        t = self.trainer
        if self.running or self.data.task == "regression" or not t.is_finite():
            return None
        return t.accuracy()

    def health_readings(self) -> list:
        """engine.training.health readings for the state on show (with the epoch in progress, if any)."""
        from engine.training.health import readings

        if self.running:
            return []
        trace = self.trace if self.trace is not None and not self.committed else self.preview()
        return readings(self.trainer, trace)

    @property
    def steps_per_epoch(self) -> int:
        """The steps of an epoch: ⌈N/batch_size⌉ with mini-batches, else 1."""
        return self.trainer.steps_per_epoch

    @property
    def batches_done(self) -> int | None:
        """Mini-batch steps done in the epoch in progress (0 … steps_per_epoch − 1: the next step takes batch
        batches_done + 1); None during a run (the task owns the trainer)."""
        return None if self.running else self.trainer.batch

    def step_losses(self) -> tuple[np.ndarray, np.ndarray]:
        """(x, loss) of every mini-batch step logged, x in epochs (step j of epoch e at e − 1 + (j+1)/S);
        empty without mini-batches. A copy (the trainer's array keeps growing); not during a run."""
        t = self.trainer
        S, n = t.steps_per_epoch, len(t.step_losses)
        if S == 1 or not n or self.running:
            return np.empty(0), np.empty(0)
        y = np.frombuffer(t.step_losses, dtype=np.float64, count=n).copy()
        x = t.step_start + np.arange(1, n + 1, dtype=np.float64) / S
        return x, y
