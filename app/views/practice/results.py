"""The Practice pane's results, beside the editor: a Python error (line, message, hint), the summary, what the
code printed, the verdict table, the selected row's hint, and two tabs: the selected tensor beside the
expected one, and the training plot (your loss curve beside the engine's, divergence marked).

    results = ResultsPanel()              a vertical QSplitter: the verdicts above, the tabs below
    results.show_report(report)           an engine.checker.exercise.CheckReport
    results.show_failure(text)            why a check could not run (in the error box)
    results.clear()
    results.set_batches(k, n)             say the check is full batch while the session steps batches of k
    widgets: error_box, summary, batch_note, printed, model, table, hint, compare, plot, tabs
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView, QFrame, QHeaderView, QLabel, QSplitter, QTableView, QTabWidget, QVBoxLayout, QWidget,
)

from app import palette
from app.i18n import tr

from engine.checker.printed import escape_controls

from . import wording
from .compare import TensorCompare
from .train_plot import TrainPlot
from .verdict_model import FOLLOWS, HINT, LINE, RESULT_ROLE, VerdictModel



def _prompt() -> str:
    return tr("Write your backward pass on the left and press Check.")


class ResultsPanel(QSplitter):
    def __init__(self, parent=None):
        super().__init__(Qt.Orientation.Vertical, parent)
        self.report = None
        self.error_box = QLabel()
        self.error_box.setObjectName("practiceError")
        self.error_box.setWordWrap(True)
        self.error_box.setTextFormat(Qt.TextFormat.RichText)
        self.error_box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error_box.hide()
        self.summary = QLabel(_prompt())
        self.summary.setObjectName("practiceSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.batch_note = QLabel()  # the session steps mini-batches: the check does not (set_batches)
        self.batch_note.setObjectName("practiceBatchNote")
        self.batch_note.setWordWrap(True)
        self.batch_note.hide()
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
        ul.addWidget(self.batch_note)
        ul.addWidget(self.printed)
        ul.addWidget(self.table, 1)
        ul.addWidget(self.hint)
        self.setChildrenCollapsible(False)
        self.addWidget(upper)
        self.addWidget(self.tabs)
        self.setStretchFactor(0, 3)
        self.setStretchFactor(1, 2)
        self.table.selectionModel().currentRowChanged.connect(self._on_row)

    # ----- look ---------------------------------------------------------------------------------------
    def _apply_theme(self) -> None:
        """The error box, hint, printed output and summary in the light or dark set (app/palette.py)."""
        bg, border, fg = palette.box_style("error")
        self.error_box.setStyleSheet(f"#practiceError {{ background: {bg}; border: 1px solid {border}; "
                                     f"border-radius: 4px; padding: 6px; color: {fg}; }}")
        bg, _border, fg = palette.box_style("hint")
        self.hint.setStyleSheet(f"#practiceHint {{ background: {bg}; color: {fg}; padding: 4px; }}")
        self.printed.setStyleSheet(f"color: {palette.label_colour('muted').name()}; font-family: monospace;")
        self.batch_note.setStyleSheet(f"color: {palette.label_colour('muted').name()};")
        self._set_summary_kind(self._summary_kind)

    def _set_summary_kind(self, kind: str) -> None:
        """The summary in bold green ("success"), bold red ("error") or plain ("")."""
        self._summary_kind = kind
        self.summary.setStyleSheet(f"color: {palette.label_colour(kind).name()}; font-weight: bold;" if kind
                                   else "")

    def set_narrow(self, narrow: bool) -> None:
        """Docked between other panes: the columns the status repeats go (Follows from, Line)."""
        for col in (FOLLOWS, LINE):
            self.table.setColumnHidden(col, narrow)

    def set_batches(self, batch_size: int | None, n_train: int) -> None:
        """A line under the summary while the session trains in mini-batches of `batch_size` (< `n_train`):
        the learner's cell is the notebook's full-batch loop, so the check, their training and the engine's
        curve beside it use every training row, and their numbers differ from a stepped batch's."""
        batches = batch_size is not None and batch_size < n_train
        self.batch_note.setText(tr("Checked and trained as in the notebook: all {n} training rows at once, not "
                                   "mini-batches of {k}.").format(n=n_train, k=batch_size) if batches else "")
        self.batch_note.setVisible(batches)

    # ----- content ------------------------------------------------------------------------------------
    def show_failure(self, msg: str) -> None:
        self.error_box.setText(_esc(msg))
        self.error_box.show()

    def clear(self) -> None:
        self.report = None
        self.model.clear()
        self.compare.show_result(None)
        self.plot.clear()
        self.error_box.hide()
        self.hint.hide()
        self.printed.hide()
        self.summary.setText(_prompt())
        self._set_summary_kind("")

    def show_report(self, report) -> None:
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
        self._show_summary(report)
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

    def _show_summary(self, report) -> None:
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
        elif report.error is not None:
            self.summary.setText(tr("Your code stopped with an error."))
            self._set_summary_kind("error")
        else:
            self.summary.setText("")

    def show_training(self, train, reference, start_epoch: int) -> None:
        self.plot.show_training(train, reference, start_epoch)
        self.tabs.setCurrentWidget(self.plot)

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


def _esc(text: str) -> str:
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", "<br>"))
