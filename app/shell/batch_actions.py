"""Mini-batch stepping in the window: the Step batch action (F9) and a label saying which mini-batch is on show.

Both appear only when the network trains in mini-batches (the Network form's batch size): Step batch applies
one mini-batch step (forward, backward and update on its rows) and shows its operations, whose shapes then
have the batch's rows, (32×…) for a batch of 32; Step epoch finishes the epoch. The label names the batch on
show ("Batch 3 of 10 · 32 rows") and lists its rows of X in its tooltip; the boundary plot rings them
(app/views/boundary_batch.py). It reads the Session's public API only (steps_per_epoch, batches_done, trace,
batch_rows), never its trainer.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from app.i18n import tr

MAX_ROWS_LISTED = 64


def texts() -> tuple[str, str]:
    return tr("Step &batch"), tr("Run one mini-batch step: forward, backward and update on the batch's rows")


class BatchActions:
    def __init__(self, registry, toolbar, session):
        self.session = session
        self.action = registry.add("step_batch", texts, menu="training", shortcut="F9", icon_name="step_epoch",
                                   slot=session.step_batch)
        toolbar.insertAction(registry.step_epoch, self.action)
        self.label = QLabel()
        self.label.setObjectName("batchLabel")
        self.label.setStyleSheet("padding-left: 6px; padding-right: 6px;")
        self._label_action = toolbar.insertWidget(registry.step_epoch, self.label)
        for sig in (session.network_changed, session.trace_changed, session.params_changed,
                    session.history_changed):
            sig.connect(self.refresh)
        session.running_changed.connect(lambda _r: self.refresh())
        self.refresh()

    def text(self) -> str:
        """What the label says: the mini-batch on show, or the next one ("" without mini-batches)."""
        s = self.session
        S = s.steps_per_epoch
        if S == 1:
            return ""
        if s.running:
            return tr("Batches of {k}").format(k=s.spec.batch_size)
        trace = s.trace
        if trace is not None:
            return tr("Batch {j} of {S} · {n} rows").format(j=trace.batch + 1, S=S, n=len(trace.rows))
        return tr("Next: batch {j} of {S}").format(j=s.batches_done + 1, S=S)

    def rows_text(self) -> str:
        rows = self.session.batch_rows
        if rows is None:
            return ""
        shown = ", ".join(str(int(r)) for r in rows[:MAX_ROWS_LISTED])
        more = "" if len(rows) <= MAX_ROWS_LISTED else ", …"
        return tr("Rows of X in this batch (the squares on the decision boundary): {rows}").format(rows=shown + more)

    def refresh(self) -> None:
        batched = self.session.steps_per_epoch > 1
        self.action.setVisible(batched)
        self.action.setEnabled(batched and not self.session.running)
        self._label_action.setVisible(batched)
        self.label.setText(self.text())
        self.label.setToolTip(self.rows_text())
