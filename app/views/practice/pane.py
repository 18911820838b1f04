"""The Practice pane: write your own backward pass, check it against the engine, train with it.

Composed of three parts, each passed what it needs: the row of controls (controls.PracticeControls: Check
(Ctrl+Return), Train with my code (epochs, lr), the time-out, Template, Show shapes, the busy bar and Cancel),
the editor on the left (editor.CodeEditor, prefilled with engine.checker.exercise.template for the current
network; the code is saved with the session as `session.practice_code`; after a check it draws the shape of
every sub-expression under each line, shapes_layer.py), and the results on the right (results.ResultsPanel:
the error, the verdict table, the hint, your tensor beside the expected one, the training plot). This file
keeps the editor in step with the session and runs the checks.

Checks run out of process (runner.CheckRunner: `python -m engine check … --json` in a QProcess); the engine's
reference curve trains a copy of the trainer in a Task (reference.ReferenceRun). The GUI thread never
waits for either.

    pane.set_code(text)            replace the editor's text (one undoable edit)
    pane.check()                   start a check (returns None, or why it could not start)
    pane.train(epochs=None, lr=None)
    pane.cancel()
    pane.report                    the last engine.checker.exercise.CheckReport (or None)
    signals: finished(report), busy_changed(bool)

Run alone: `python -m app.views.practice.pane [CODE.py]`.
"""

from __future__ import annotations

import time

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QSplitter, QVBoxLayout, QWidget

from app.i18n import tr

from . import wording
from .controls import DEFAULT_EPOCHS, DEFAULT_TIMEOUT, PracticeControls  # noqa: F401 - re-exported
from .editor import CodeEditor
from .results import ResultsPanel
from .runner import CheckRunner

CODE_COLUMNS = 58  # the notebook cell's longest line of code, without its comment
NARROW = 1000  # px: below this the table hides Follows from and Line (the status and the gutter show them)


class PracticePane(QWidget):
    finished = Signal(object)  # engine.checker.exercise.CheckReport, after a check or a training run
    busy_changed = Signal(bool)

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.report = None
        self.reference = None
        self._template = ""
        self._loading = False
        self._mode = ""  # "check" | "train" while busy
        self._t0 = 0.0
        self._pending_train = None
        self._ref_run = None
        self._start_epoch = 0
        self._network = None  # what the results were made for, but the learning rate (_network_key)
        self.runner = CheckRunner(self)
        self.runner.finished.connect(self._on_report)
        self.runner.failed.connect(self._on_failed)
        self.runner.cancelled.connect(self._on_cancelled)
        self.controls = PracticeControls()
        self.editor = CodeEditor()
        self.results = ResultsPanel()
        self._expose_parts()
        self._lay_out()
        self._connect()
        self._load_from_session()

    # ----- building -----------------------------------------------------------------------------------
    def _expose_parts(self) -> None:
        """The parts' widgets under the pane's own names (the tests, the lesson and the shots use them)."""
        c, r = self.controls, self.results
        self.check_button, self.train_button, self.template_button = c.check_button, c.train_button, \
            c.template_button
        self.epochs_spin, self.lr_spin, self.timeout_spin = c.epochs_spin, c.lr_spin, c.timeout_spin
        self.shapes_box, self.status, self.busy, self.cancel_button = c.shapes_box, c.status, c.busy, \
            c.cancel_button
        self.error_box, self.summary, self.printed, self.hint = r.error_box, r.summary, r.printed, r.hint
        self.model, self.table, self.compare, self.plot, self.tabs = r.model, r.table, r.compare, r.plot, r.tabs
        self.right = r

    def _lay_out(self) -> None:
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.editor)
        self.splitter.addWidget(self.results)
        self.splitter.setStretchFactor(0, 4)
        self.splitter.setStretchFactor(1, 5)
        self._dragged = False  # the learner moved the splitter: their widths stay
        self.splitter.splitterMoved.connect(lambda *_: setattr(self, "_dragged", True))
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.setSpacing(4)
        lay.addWidget(self.controls)
        lay.addWidget(self.splitter, 1)
        self._tick = QTimer(self)
        self._tick.setInterval(100)
        self._tick.timeout.connect(self._update_status)
        self.shortcut = QShortcut(QKeySequence("Ctrl+Return"), self)
        self.shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.shortcut.activated.connect(self.check)

    def _connect(self) -> None:
        s = self.session
        self.check_button.clicked.connect(self.check)
        self.train_button.clicked.connect(lambda: self.train())
        self.cancel_button.clicked.connect(self.cancel)
        self.template_button.clicked.connect(self.load_template)
        self.shapes_box.toggled.connect(self.editor.shapes.set_visible)
        self.editor.textChanged.connect(self._on_text_changed)
        self.editor.check_requested.connect(self.check)
        self.editor.refused.connect(self.status.setText)
        s.network_changed.connect(self._load_from_session)
        s.running_changed.connect(self._update_enabled)
        app = QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.results.set_narrow(self.width() < NARROW)  # docked between other panes
        if getattr(self, "_sized", False) and not self._dragged:
            self._share_width()

    def _share_width(self) -> None:
        """The editor's share of the width: ~48 %, and in a narrower centre (Lesson mode at 1366×768) up to
        56 % so a line of the notebook's code ("    d_w2 = torch.matmul(torch.transpose(a1, 0, 1), d_l2)")
        shows whole; for the pane's width now, until the learner drags the splitter."""
        w = max(self.splitter.width(), 400)
        ed = self.editor
        code = ed.fontMetrics().horizontalAdvance("x" * CODE_COLUMNS) + ed.gutter_width() + 24
        left = max(int(w * 0.48), min(int(w * 0.56), code))
        self.splitter.setSizes([left, w - left])

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not getattr(self, "_sized", False):  # first show: the editor gets ~48 % of the width
            self._sized = True
            self._share_width()
            h = max(self.right.height(), 200)
            self.right.setSizes([int(h * 0.58), h - int(h * 0.58)])

    # ----- the code ---------------------------------------------------------------------------------
    def _template_for_session(self) -> str:
        from engine.checker.exercise import template

        return template(self.session.trainer_copy())

    def _load_from_session(self) -> None:
        """A new network: the session's saved code, or the template for this network; results cleared.
        (practice_code is "" exactly while the editor shows the template, so nothing of theirs is lost.)"""
        s = self.session
        self.lr_spin.setValue(s.spec.lr)
        self.results.set_batches(s.spec.batch_size, s.n_train)
        if not s.running:
            self._template = self._template_for_session()
        self._loading = True
        try:
            self.editor.set_code(s.practice_code or self._template)
        finally:
            self._loading = False
        key = _network_key(s)
        if key != self._network:  # only the learning rate changed ("Use lr 1"): the results stay, their
            self._clear_results()  # captions name the lr they were made with
        self._network = key
        self._update_enabled()

    def _on_text_changed(self) -> None:
        if self._loading:
            return
        text = self.editor.toPlainText()
        code = "" if text == self._template else text
        self.session.set_practice_code(code)

    def set_code(self, text: str) -> None:
        """Replace the editor's text (one undoable edit); saved with the session like typing."""
        self.editor.set_code(text)

    def code(self) -> str:
        return self.editor.toPlainText()

    def load_template(self) -> None:
        self._template = self._template_for_session()
        self.editor.set_code(self._template)

    # ----- running ------------------------------------------------------------------------------------
    @property
    def busy_now(self) -> bool:
        return self.runner.running or self._ref_run is not None

    def check(self) -> str | None:
        """Check the editor's code once against the engine (out of process)."""
        return self._start(0, None)

    def train(self, epochs: int | None = None, lr: float | None = None) -> str | None:
        """Train `epochs` epochs (the spin box's by default) with the code, and the engine beside it."""
        if epochs is not None:
            self.epochs_spin.setValue(int(epochs))
        if lr is not None:
            self.lr_spin.setValue(float(lr))
        return self._start(self.epochs_spin.value(), self.lr_spin.value())

    def _start(self, epochs: int, lr: float | None) -> str | None:
        s = self.session
        if self.busy_now:
            return tr("A check is already running.")
        if s.running:
            msg = tr("Pause training first: your code is checked against the network's current state.")
            self._show_failure(msg)
            return msg
        lr_arg = None if lr is None or abs(lr - s.spec.lr) <= 1e-12 * max(1.0, abs(lr)) else lr
        msg = self.runner.start(self.code(), s.trainer_copy(), timeout=self.timeout_spin.value(),
                                train_epochs=epochs, lr=lr_arg)
        if msg is not None:
            self._show_failure(msg)
            return msg
        self._mode = "train" if epochs else "check"
        self._start_epoch = s.epoch
        self.reference = None
        self._pending_train = None
        if epochs:
            from .reference import start_reference

            self._ref_run = start_reference(s.trainer_copy(), epochs, lr_arg, self._on_reference)
        self._t0 = time.monotonic()
        self._tick.start()
        self._set_busy(True)
        return None

    def cancel(self) -> None:
        """Stop the running check (and the reference curve)."""
        if self.runner.running:
            self.runner.cancel()
            self.status.setText(tr("cancelling…"))
        elif self._ref_run is not None:
            self._drop_reference()
            self._finish_silently(tr("Cancelled."))

    def _drop_reference(self) -> None:
        run, self._ref_run = self._ref_run, None
        if run is not None:
            run.cancel()

    def _set_busy(self, busy: bool) -> None:
        self.controls.set_busy(busy)
        self._update_enabled()
        self._update_status()
        self.busy_changed.emit(busy)

    def _update_enabled(self, *_) -> None:
        self.controls.set_enabled(not self.busy_now and not self.session.running, self.session.running)

    def status_text(self) -> str:
        limit = self.runner.timeout
        if self._mode == "train":
            from engine.checker.exercise import time_limit

            total = time_limit(limit, self.runner.train_epochs) - 5.0
            head = tr("training {n} epochs with your code… (time-out {s} s)").format(
                n=f"{self.runner.train_epochs:,}", s=f"{total:g}")
        else:
            head = tr("checking… (time-out {s} s)").format(s=f"{limit:g}")
        return tr("{head} · {t:.1f} s").format(head=head, t=time.monotonic() - self._t0)

    def _update_status(self) -> None:
        if self.busy_now:
            if not self.runner._cancelling:
                self.status.setText(self.status_text())
        else:
            self._tick.stop()

    # ----- results --------------------------------------------------------------------------------------
    def _on_report(self, report) -> None:
        self._show_report(report)
        if self._mode == "train" and report.train is not None:
            self._pending_train = report
            self._try_show_training()
        else:
            self._drop_reference()
            self._finish(report)

    @Slot(object, object)
    def _on_reference(self, run, ref) -> None:
        from .reference import release

        release(run)
        if run is not self._ref_run:
            return  # a run that was cancelled
        self._ref_run = None
        self.reference = ref
        self._try_show_training()

    def _try_show_training(self) -> None:
        report = self._pending_train
        if report is None or self._ref_run is not None:
            return  # wait for the other half
        self._pending_train = None
        self.results.show_training(report.train, self.reference, self._start_epoch)
        self._finish(report)

    def _finish(self, report) -> None:
        self._mode = ""
        self._set_busy(False)
        self.finished.emit(report)

    def _on_failed(self, msg: str) -> None:
        self._drop_reference()
        self._show_failure(msg)
        self._finish_silently("")

    def _on_cancelled(self) -> None:
        self._drop_reference()
        self._finish_silently(tr("Cancelled."))

    def _finish_silently(self, status: str) -> None:
        self._mode = ""
        self._pending_train = None
        self._set_busy(False)
        self.status.setText(status)

    def _show_failure(self, msg: str) -> None:
        self.results.show_failure(msg)

    def _clear_results(self) -> None:
        self.report = None
        self.results.clear()
        self.editor.mark_line(None)
        self.editor.shapes.set_shapes(None)

    def show_report(self, report) -> None:
        """Show a check's report again (the pane re-made in another language keeps the verdicts)."""
        self._show_report(report)

    def _show_report(self, report) -> None:
        self.report = report
        self.results.show_report(report)
        e = report.error
        self.editor.mark_line(report.root_line or (e.line if e is not None else None))
        self.editor.shapes.set_shapes(report.shapes, report.code)
        elapsed = tr("checked in {t:.1f} s").format(t=report.elapsed) if report.elapsed else ""
        self.status.setText(elapsed)
        self.status.setToolTip(wording.isolation_text(report))

    # ----- lifetime ----------------------------------------------------------------------------------
    def shutdown(self) -> None:
        """Stop everything this pane started (at quit): the checker's processes, the reference thread."""
        self.runner.shutdown()
        self._drop_reference()
        from .reference import wait_all

        wait_all()


def _network_key(session) -> tuple:
    """The session's network and data, the learning rate aside."""
    import dataclasses

    return repr(dataclasses.replace(session.spec, lr=1.0)), id(session.data)


def main(argv=None) -> int:
    import sys

    from PySide6.QtWidgets import QApplication

    from app.state.session import Session
    from engine.io.presets import load_preset
    from engine.training.trainer import Trainer

    argv = sys.argv[1:] if argv is None else argv
    app = QApplication.instance() or QApplication(sys.argv[:1])
    s = Session(Trainer(*load_preset("notebook-xor")))
    pane = PracticePane(s)
    if argv:
        with open(argv[0], encoding="utf-8") as f:
            pane.set_code(f.read())
    pane.resize(1400, 800)
    pane.show()
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main())
