"""The Practice pane: write your own backward pass, check it against the engine, train with it.

Left, the editor (prefilled with engine.checker.exercise.template for the current network; the code is saved with
the session as `session.practice_code`). Above it: Check (Ctrl+Return), Train with my code (epochs, lr),
the time-out, and while a check runs "checking… (time-out 5 s)" with a busy bar and Cancel. Right: a Python
error (line, message, hint), the verdict table, the selected row's hint, and two tabs: the selected tensor
beside the expected one, and the training plot (your loss curve beside the engine's, divergence marked).

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

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView, QDoubleSpinBox, QFrame, QHBoxLayout, QHeaderView, QLabel, QProgressBar, QPushButton,
    QApplication, QSizePolicy, QSpinBox, QSplitter, QTableView, QTabWidget, QToolButton, QVBoxLayout, QWidget,
)

from app import palette
from app.i18n import tr

from engine.checker.printed import escape_controls

from . import wording
from .compare import TensorCompare
from .editor import CodeEditor
from .runner import CheckRunner
from .train_plot import TrainPlot
from .verdict_model import FOLLOWS, HINT, LINE, RESULT_ROLE, VerdictModel

DEFAULT_TIMEOUT = 5.0
DEFAULT_EPOCHS = 1000
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
        self._build()
        self._connect()
        self._load_from_session()

    # ----- building -----------------------------------------------------------------------------------
    def _apply_theme(self) -> None:
        """The error box, hint, printed output and summary in the light or dark set (app/palette.py)."""
        bg, border, fg = palette.box_style("error")
        self.error_box.setStyleSheet(f"#practiceError {{ background: {bg}; border: 1px solid {border}; "
                                     f"border-radius: 4px; padding: 6px; color: {fg}; }}")
        bg, _border, fg = palette.box_style("hint")
        self.hint.setStyleSheet(f"#practiceHint {{ background: {bg}; color: {fg}; padding: 4px; }}")
        self.printed.setStyleSheet(f"color: {palette.label_colour('muted').name()}; font-family: monospace;")
        self._set_summary_kind(self._summary_kind)

    def _set_summary_kind(self, kind: str) -> None:
        """The summary in bold green ("success"), bold red ("error") or plain ("")."""
        self._summary_kind = kind
        self.summary.setStyleSheet(f"color: {palette.label_colour(kind).name()}; font-weight: bold;" if kind
                                   else "")

    def _build(self) -> None:
        self.check_button = QPushButton(tr("Check"))
        self.check_button.setObjectName("checkButton")
        self.check_button.setToolTip(tr("<b>Check (Ctrl+Return)</b><br>Run your code once against the engine "
                                        "and name the first wrong tensor"))
        self.check_button.setDefault(True)
        self.train_button = QPushButton(tr("Train with my code"))
        self.train_button.setObjectName("trainButton")
        self.train_button.setToolTip(tr("Train with your gradients and update for the number of epochs "
                                        "beside, and plot your loss next to the engine's"))
        self.epochs_spin = QSpinBox()
        self.epochs_spin.setObjectName("practiceEpochs")
        self.epochs_spin.setRange(1, 100_000)
        self.epochs_spin.setValue(DEFAULT_EPOCHS)
        self.epochs_spin.setGroupSeparatorShown(True)
        self.epochs_spin.setSuffix(tr(" epochs"))
        self.epochs_spin.setAccessibleName(tr("Epochs to train with your code"))
        self.lr_spin = QDoubleSpinBox()
        self.lr_spin.setObjectName("practiceLr")
        self.lr_spin.setDecimals(4)
        self.lr_spin.setRange(0.0001, 100.0)
        self.lr_spin.setPrefix(tr("lr "))
        self.lr_spin.setAccessibleName(tr("Learning rate for training with your code"))
        self.timeout_spin = QDoubleSpinBox()
        self.timeout_spin.setObjectName("practiceTimeout")
        self.timeout_spin.setRange(0.5, 120.0)
        self.timeout_spin.setDecimals(1)
        self.timeout_spin.setValue(DEFAULT_TIMEOUT)
        self.timeout_spin.setPrefix(tr("time-out "))
        self.timeout_spin.setSuffix(tr(" s"))
        self.timeout_spin.setToolTip(tr("How long one run of your code may take"))
        self.template_button = QToolButton()
        self.template_button.setObjectName("templateButton")
        self.template_button.setText(tr("Template"))
        self.template_button.setToolTip(tr("Replace the code with the template for this network "
                                           "(Ctrl+Z undoes)"))
        self.status = QLabel()
        self.status.setObjectName("practiceStatus")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        # Ignored: its text ("checking… (time-out 5 s) · 1.2 s") must never widen the pane (and the window)
        self.status.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.status.setMinimumWidth(60)
        self.busy = QProgressBar()
        self.busy.setObjectName("practiceBusy")
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(120)
        self.busy.setTextVisible(False)
        self.busy.hide()
        self.cancel_button = QPushButton(tr("Cancel"))
        self.cancel_button.setObjectName("cancelButton")
        self.cancel_button.hide()
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        for w in (self.check_button, self.train_button, self.epochs_spin, self.lr_spin, self.timeout_spin,
                  self.template_button):
            top.addWidget(w)
        top.addSpacing(8)
        top.addWidget(self.status, 1)
        top.addWidget(self.busy)
        top.addWidget(self.cancel_button)

        self.editor = CodeEditor()

        # right: error, summary, table, hint, tabs
        self.error_box = QLabel()
        self.error_box.setObjectName("practiceError")
        self.error_box.setWordWrap(True)
        self.error_box.setTextFormat(Qt.TextFormat.RichText)
        self.error_box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error_box.hide()
        self.summary = QLabel(tr("Write your backward pass on the left and press Check."))
        self.summary.setObjectName("practiceSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.printed = QLabel()
        self.printed.setObjectName("practicePrinted")
        self.printed.setTextFormat(Qt.TextFormat.PlainText)
        self.printed.setWordWrap(True)
        self.printed.hide()
        self.model = VerdictModel(self)
        self.table = QTableView()
        self.table.setObjectName("verdictTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(False)
        hh = self.table.horizontalHeader()
        hh.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        hh.setSectionResizeMode(HINT, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        self.hint = QLabel()
        self.hint.setObjectName("practiceHint")
        self.hint.setWordWrap(True)
        self.hint.setTextFormat(Qt.TextFormat.PlainText)
        self.hint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hint.setFrameShape(QFrame.Shape.StyledPanel)
        self.hint.hide()
        self._summary_kind = ""
        self._apply_theme()
        palette.follow(self, self._apply_theme)
        self.compare = TensorCompare()
        self.plot = TrainPlot()
        self.tabs = QTabWidget()
        self.tabs.setObjectName("practiceTabs")
        self.tabs.addTab(self.compare, tr("Your tensor and the expected one"))
        self.tabs.addTab(self.plot, tr("Training"))

        upper = QWidget()
        ul = QVBoxLayout(upper)
        ul.setContentsMargins(0, 0, 0, 0)
        ul.setSpacing(4)
        ul.addWidget(self.error_box)
        ul.addWidget(self.summary)
        ul.addWidget(self.printed)
        ul.addWidget(self.table, 1)
        ul.addWidget(self.hint)
        self.right = QSplitter(Qt.Orientation.Vertical)
        self.right.setChildrenCollapsible(False)
        self.right.addWidget(upper)
        self.right.addWidget(self.tabs)
        self.right.setStretchFactor(0, 3)
        self.right.setStretchFactor(1, 2)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.editor)
        self.splitter.addWidget(self.right)
        self.splitter.setStretchFactor(0, 4)
        self.splitter.setStretchFactor(1, 5)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.setSpacing(4)
        lay.addLayout(top)
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
        self.editor.textChanged.connect(self._on_text_changed)
        self.editor.check_requested.connect(self.check)
        self.editor.refused.connect(self.status.setText)
        self.table.selectionModel().currentRowChanged.connect(self._on_row)
        s.network_changed.connect(self._load_from_session)
        s.running_changed.connect(self._update_enabled)
        app = QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        narrow = self.width() < NARROW  # docked between other panes: the columns the status repeats go
        for col in (FOLLOWS, LINE):
            self.table.setColumnHidden(col, narrow)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not getattr(self, "_sized", False):  # first show: the editor gets ~48 % of the width
            self._sized = True
            w = max(self.splitter.width(), 400)
            self.splitter.setSizes([int(w * 0.48), w - int(w * 0.48)])
            h = max(self.right.height(), 200)
            self.right.setSizes([int(h * 0.58), h - int(h * 0.58)])

    # ----- the code ---------------------------------------------------------------------------------
    def _template_for_session(self) -> str:
        from engine.checker.exercise import template

        return template(self.session.trainer)

    def _load_from_session(self) -> None:
        """A new network: the session's saved code, or the template for this network; results cleared.
        (practice_code is "" exactly while the editor shows the template, so nothing of theirs is lost.)"""
        s = self.session
        self.lr_spin.setValue(s.spec.lr)
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
        msg = self.runner.start(self.code(), s.trainer, timeout=self.timeout_spin.value(),
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

            self._ref_run = start_reference(s.trainer, epochs, lr_arg, self._on_reference)
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
        # the busy bar and Cancel take the place of the settings, so the row never grows (a wider pane
        # would push the main window wider)
        settings = (self.epochs_spin, self.lr_spin, self.timeout_spin, self.template_button)
        hide, show = (settings, (self.busy, self.cancel_button)) if busy else \
            ((self.busy, self.cancel_button), settings)
        for w in hide:  # hide first: never both at once, even for a moment
            w.setVisible(False)
        for w in show:
            w.setVisible(True)
        self.cancel_button.setEnabled(busy)
        self._update_enabled()
        self._update_status()
        self.busy_changed.emit(busy)

    def _update_enabled(self, *_) -> None:
        idle = not self.busy_now and not self.session.running
        for w in (self.check_button, self.train_button, self.template_button):
            w.setEnabled(idle)
        tip = "" if not self.session.running else tr("Pause training first")
        self.check_button.setStatusTip(tip)

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
        self.plot.show_training(report.train, self.reference, self._start_epoch)
        self.tabs.setCurrentWidget(self.plot)
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
        self.error_box.setText(_esc(msg))
        self.error_box.show()

    def _clear_results(self) -> None:
        self.report = None
        self.model.clear()
        self.compare.show_result(None)
        self.plot.clear()
        self.error_box.hide()
        self.hint.hide()
        self.printed.hide()
        self.editor.mark_line(None)
        self.summary.setText(tr("Write your backward pass on the left and press Check."))
        self.summary.setStyleSheet("")

    def show_report(self, report) -> None:
        """Show a check's report again (the pane re-made in another language keeps the verdicts)."""
        self._show_report(report)

    def _show_report(self, report) -> None:
        self.report = report
        self.model.set_results(report.results, report.root)
        e = report.error
        if e is not None:
            parts = [f"<b>{_esc(escape_controls(wording.error_title(e)))}</b>"]
            if e.text and e.text.strip():
                parts.append(f"<code>{_esc(escape_controls(e.text.strip()))}</code>")
            hint = wording.error_hint(e)
            if hint:
                parts.append(_esc(escape_controls(hint)))
            self.error_box.setText("<br>".join(parts))
            self.error_box.show()
        else:
            self.error_box.hide()
        if report.ok:
            self.summary.setText(tr("✓ Every tensor your code defines is right."))
            self._set_summary_kind("success")
        elif report.root:
            line = tr(" (line {line})").format(line=report.root_line) if report.root_line else ""
            follows = sum(1 for r in report.results if r.status == "follows")
            text = tr("Root mistake: {name}{line}.").format(name=report.root, line=line)
            if follows:
                text += " " + tr("{n} tensor(s) marked “follows” are computed right from it: fix {name} "
                                 "first.").format(n=follows, name=report.root)
            self.summary.setText(text)
            self._set_summary_kind("error")
        elif e is not None:
            self.summary.setText(tr("Your code stopped with an error."))
            self._set_summary_kind("error")
        else:
            self.summary.setText("")
        out = escape_controls(report.stdout).strip()  # a terminal escape or bidi override shows as \x1b
        if out:
            lines = out.splitlines()
            more = len(lines) - 8
            shown = "\n".join(lines[:8])
            if more > 0:
                shown += "\n" + tr("… ({n} more lines)").format(n=more)
            self.printed.setText(tr("Your code printed:") + "\n" + shown)
            self.printed.show()
        else:
            self.printed.hide()
        line = report.root_line or (e.line if e is not None else None)
        self.editor.mark_line(line)
        row = self.model.row_of(report.root) if report.root else -1
        if row < 0 and report.results:
            row = next((i for i, r in enumerate(report.results) if r.status not in ("ok", "missing")), -1)
        if row >= 0:
            self.table.selectionModel().setCurrentIndex(
                self.model.index(row, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows)
            self.table.scrollTo(self.model.index(row, 0))
        else:
            self._on_row(self.model.index(-1, -1))
        if report.train is None:
            self.tabs.setCurrentWidget(self.compare)
        elapsed = tr("checked in {t:.1f} s").format(t=report.elapsed) if report.elapsed else ""
        self.status.setText(elapsed)
        self.status.setToolTip(wording.isolation_text(report))

    def _on_row(self, current, *_):
        if not current.isValid():
            self.compare.show_result(None)
            self.hint.hide()
            return
        r = self.model.data(self.model.index(current.row(), 0), RESULT_ROLE)
        self.compare.show_result(r)
        hint = wording.hint_line(r) if r is not None else ""
        if hint:
            self.hint.setText(hint)
            self.hint.show()
        else:
            self.hint.setText("")
            self.hint.hide()
        if self.report is None or self.report.train is None:
            self.tabs.setCurrentWidget(self.compare)

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


def _esc(text: str) -> str:
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", "<br>"))


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
