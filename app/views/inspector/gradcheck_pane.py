"""GradcheckPane: for each parameter, the engine's hand-made gradient (manual) against autograd and against
finite differences, the relative error and the engine's verdict (ok / suspect / wrong) in green / amber / red,
with the engine's reason under the table when a verdict is not ok.

"Run check" checks the current parameters (finite differences on a sample of 64 elements per parameter
unless "every element" is ticked; autograd always covers every element). Small networks are checked at once
(and again whenever the
parameters change while the pane is visible); larger ones run as an app.state.task Task (the app's one idiom
for background work) on a copy of the state, so the window stays responsive.
"""

from __future__ import annotations

import html
from types import SimpleNamespace

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QHBoxLayout, QHeaderView, QLabel, QPushButton, QTableWidget,
    QTableWidgetItem, QVBoxLayout, QWidget,
)

from app.engine_wording import gradcheck_why, verdict_text
from app import palette
from app.i18n import tr
from app.state.task import Task

from . import colors as C
from .fmt import num

INSTANT_UP_TO = 400  # parameters; larger networks are checked off the GUI thread
SAMPLE_ELEMENTS = 64  # finite differences on a seeded sample of this many elements per parameter, unless
# "every element" is ticked


def _columns() -> list[str]:
    return [tr("Gradient"), tr("manual (engine)"), tr("autograd"), tr("finite differences"),
            tr("relative error"), tr("verdict")]


def _values_text(t) -> str:
    flat = t.detach().reshape(-1).tolist()
    shown = ", ".join(num(v) for v in flat[:3])
    return f"[{shown}{', …' if len(flat) > 3 else ''}]"


def _check(state, max_elements: int | None):
    """The Task's function: the engine's gradient check of a copy of the state."""
    def run(_task_state):
        from engine.verify.gradcheck import gradcheck

        return gradcheck(state, max_elements=max_elements)
    return run


class GradcheckPane(QWidget):
    finished = Signal()  # a check's results are on screen

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self._generation = 0
        self._busy = False
        self._results: dict = {}
        self._task: Task | None = None
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        bar = QHBoxLayout()
        self.run_button = QPushButton(tr("Run check"))
        self.run_button.setToolTip(tr("Compare the engine's gradients with autograd and with finite "
                                      "differences at the current parameters"))
        self.run_button.clicked.connect(self.run_check)
        self.status = QLabel(tr("Press “Run check” to test the hand-written gradients."))
        self.status.setWordWrap(True)
        self.every_box = QCheckBox(tr("every element"))
        self.every_box.setToolTip(tr("Finite differences for every element of every parameter (slow for "
                                     "large networks); otherwise a sample of {n} elements per parameter")
                                  .format(n=SAMPLE_ELEMENTS))
        bar.addWidget(self.run_button)
        bar.addWidget(self.every_box)
        bar.addWidget(self.status, 1)
        lay.addLayout(bar)
        columns = _columns()
        self.table = QTableWidget(0, len(columns))
        self.table.setHorizontalHeaderLabels(columns)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        lay.addWidget(self.table, 1)
        self.why = QLabel()
        self.why.setWordWrap(True)
        lay.addWidget(self.why)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._auto)
        session.params_changed.connect(self._stale)
        session.network_changed.connect(self._stale)
        session.running_changed.connect(self._on_running_changed)

    # ----- public --------------------------------------------------------------------------------
    def verdicts(self) -> dict[str, str]:
        """{"d_w1": "ok", …} as shown (in the interface language)."""
        t = self.table
        return {t.item(r, 0).text(): t.item(r, 5).text() for r in range(t.rowCount())}

    def is_busy(self) -> bool:
        return self._busy

    def run_check(self) -> None:
        """Check the current parameters (at once when small, else on a pool thread); `finished` follows."""
        s = self.session
        if s.running:
            return
        self._generation += 1
        state = SimpleNamespace(spec=s.spec, X=s.data.X.to(s.spec.torch_dtype).clone(), data=s.data,
                                params={k: v.detach().clone() for k, v in s.params.items()})
        n_params = sum(v.numel() for v in state.params.values())
        self._busy = True
        self.run_button.setEnabled(False)
        sample = None if self.every_box.isChecked() else SAMPLE_ELEMENTS
        if self._task is not None:
            self._task.cancel()  # its result is ignored (an older generation)
        task = Task(_check(state, sample), name="gradcheck")
        generation = self._generation
        task.finished.connect(lambda t: self._on_finished(t, generation))
        self._task = task
        if n_params <= INSTANT_UP_TO:
            task.run_here()
        else:
            self.status.setText(tr("Checking {n} parameters …").format(n=n_params))
            task.start()

    # ----- internals ---------------------------------------------------------------------------------
    def _on_running_changed(self, running: bool) -> None:
        self.run_button.setEnabled(not running)

    def _stale(self) -> None:
        if self._results:
            self.status.setText(tr("The parameters changed since the last check."))
        if self.isVisible():
            self._timer.start()

    def showEvent(self, e) -> None:
        super().showEvent(e)
        if not self._results:
            self._timer.start()

    def _auto(self) -> None:
        s = self.session
        if not s.running and sum(v.numel() for v in s.params.values()) <= INSTANT_UP_TO:
            self.run_check()

    def _on_finished(self, task: Task, generation: int) -> None:
        task.wait()
        if task is self._task:
            self._task = None
        if task.error:
            self._on_failed(task.error, generation)
        else:
            self._on_done(task.result, generation)

    def wait(self) -> None:
        """Join a check still running (closing the window)."""
        if self._task is not None:
            self._task.wait()

    def _on_failed(self, message: str, generation: int) -> None:
        if generation != self._generation:
            return
        self._busy = False
        self.run_button.setEnabled(True)
        self.status.setText(tr("The check could not run: {m}").format(m=message))
        self.finished.emit()

    def _on_done(self, results: dict, generation: int) -> None:
        if generation != self._generation:
            return  # an older check finished after a newer one started
        self._busy = False
        self.run_button.setEnabled(True)
        self._results = results
        self.table.setRowCount(len(results))
        reasons = []
        for r, c in enumerate(results.values()):
            colour = C.LEVEL.get(c.verdict, C.WARN)
            cells = [c.grad_name, _values_text(c.manual), _values_text(c.autograd), _values_text(c.numeric),
                     f"{c.rel_error:.1e}", verdict_text(c.verdict)]
            for col, text in enumerate(cells):
                it = QTableWidgetItem(text)
                if col == 5:
                    it.setForeground(QBrush(palette.best_text(colour)))  # black or white, whichever reads
                    it.setBackground(QBrush(colour))
                    it.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                    if c.findings:
                        it.setToolTip(gradcheck_why(c))  # the engine's findings
                self.table.setItem(r, col, it)
            why = gradcheck_why(c)
            if why:
                reasons.append(f"<b style='color:{colour.name()}'>{c.grad_name} {html.escape(verdict_text(c.verdict))}"
                               f"</b>: {html.escape(why)}")
        n_ok = sum(c.verdict == "ok" for c in results.values())
        text = tr("{ok} of {n} gradients agree (relative error below 1e-7 is ok, above 1e-2 wrong).").format(
            ok=n_ok, n=len(results))
        checked = sum(c.checked for c in results.values())
        total = sum(c.manual.numel() for c in results.values())
        if checked < total:
            text += " " + tr("Finite differences on {c} of {t} elements (a sample).").format(
                c=checked, t=total)
        self.status.setText(text)
        self.why.setText("<br>".join(reasons))
        self.why.setVisible(bool(reasons))
        self.finished.emit()
