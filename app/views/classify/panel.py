"""NonPlanarPanel: where the inputs are not a plane, what takes the decision boundary's place.

A classifier on other inputs gets its confusion matrix and the grid of misclassified samples; when the
inputs are a square image (the 8×8 digits: 64 inputs) the misclassified samples are drawn as images and a
third tab shows each hidden unit's first-layer weights, or the gradient d_w1, as an image. The panel
hides itself for 2-D data and 1-D regression (the boundary plot draws those); where it shows, the pane is
titled "Classification" (BoundaryPlot.title), no boundary being drawn.

With a train/test split the matrix and the misclassified samples are those of the training rows or of the
test rows (a choice above the tabs), never of both counted together; the summary gives both accuracies.
They count the parameters now: after an epoch's update the summary says so, and a line under it gives the
numbers the status bar and the loss plot show for that epoch (its forward pass, before the update).

It reads the Session's public API only: the data, the parameters (params_changed), the epoch trace (for
d_w1) and, during a run, the snapshots' parameters (at most RUN_REDRAWS_PER_SECOND times a second).
"""

from __future__ import annotations

import math

import numpy as np
import torch
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QScrollArea, QTabWidget, QVBoxLayout, QWidget

from app import palette
from app.i18n import tr
from app.state.throttle import Throttle
from engine.core.network import Network
from engine.io.digits import is_image
from engine.training.confusion import answers, split_confusion

from .confusion_view import ConfusionView
from .misclassified import MAX_SHOWN, MisclassifiedGrid
from .unit_images import GRADIENT, WEIGHTS, UnitImages

RUN_REDRAWS_PER_SECOND = 4


def _scroll(w: QWidget) -> QScrollArea:
    s = QScrollArea()
    s.setWidgetResizable(True)
    s.setWidget(w)
    return s


class NonPlanarPanel(QWidget):
    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self._net: Network | None = None
        self._side: int | None = None
        self._throttle = Throttle(RUN_REDRAWS_PER_SECOND)

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.basis = QLabel()  # after an epoch's update: the status bar's number for it, measured before it
        self.basis.setWordWrap(True)
        palette.style_label(self.basis, "muted")
        self.rows_box = QComboBox()  # with a split: which rows the matrix and the misclassified tab count
        self.rows_box.currentIndexChanged.connect(lambda _i: self.refresh())
        self.rows_label = QLabel(tr("Count:"))
        self.rows_caption = QLabel()  # whose counts the matrix and the misclassified tab show
        self.rows_caption.setWordWrap(True)
        rows_line = QHBoxLayout()
        rows_line.addWidget(self.rows_label)
        rows_line.addWidget(self.rows_box)
        rows_line.addWidget(self.rows_caption, 1)
        self._rows_line = (self.rows_label, self.rows_box, self.rows_caption)
        self.tabs = QTabWidget()
        self.confusion = ConfusionView()
        conf_page = QWidget()
        cl = QVBoxLayout(conf_page)
        cl.setContentsMargins(2, 2, 2, 2)
        # (the matrix's own titles name its rows and columns: the caption, one line, says how to read it)
        self.confusion_caption = QLabel(tr("Diagonal: right answers; every other cell: a mix-up."))
        self.confusion_caption.setWordWrap(True)
        cl.addWidget(self.confusion_caption)
        cl.addWidget(self.confusion, 1)
        self.tabs.addTab(conf_page, tr("Confusion matrix"))

        self.wrong_grid = MisclassifiedGrid()
        wrong_page = QWidget()
        wl = QVBoxLayout(wrong_page)
        wl.setContentsMargins(2, 2, 2, 2)
        self.wrong_caption = QLabel()
        self.wrong_caption.setWordWrap(True)
        wl.addWidget(self.wrong_caption)
        wl.addWidget(_scroll(self.wrong_grid), 1)
        self.tabs.addTab(wrong_page, tr("Misclassified"))

        self.units = UnitImages()
        self.units_box = QComboBox()
        self.units_box.addItem(tr("weights w1"), WEIGHTS)
        self.units_box.addItem(tr("gradient d_w1 (this epoch)"), GRADIENT)
        self.units_box.currentIndexChanged.connect(lambda _i: self._draw_units())
        units_page = QWidget()
        ul = QVBoxLayout(units_page)
        ul.setContentsMargins(2, 2, 2, 2)
        top = QHBoxLayout()
        top.addWidget(QLabel(tr("Show:")))
        top.addWidget(self.units_box)
        top.addStretch(1)
        ul.addLayout(top)
        self.units_caption = QLabel()
        self.units_caption.setWordWrap(True)
        ul.addWidget(self.units_caption)
        ul.addWidget(_scroll(self.units), 1)
        self._units_page = units_page
        self.tabs.addTab(units_page, tr("First-layer weights"))

        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.summary)
        lay.addWidget(self.basis)
        lay.addLayout(rows_line)
        lay.addWidget(self.tabs, 1)

        session.network_changed.connect(self._on_network)
        session.params_changed.connect(self.refresh)
        if hasattr(session, "trace_changed"):  # (an epoch begun or applied: the summary names another)
            session.trace_changed.connect(lambda: self.refresh() if self._params() is not None else
                                          self._draw_units())
        if hasattr(session, "snapshot"):
            session.snapshot.connect(self._on_snapshot)
        self._on_network()

    # ----- public ---------------------------------------------------------------------------------
    def applies(self) -> bool:
        """True when the data is a classification whose inputs are not 2-D (the boundary cannot be drawn)."""
        data = self.session.data
        return data.task != "regression" and data.n_features != 2

    def refresh(self, params=None, snap=None) -> None:
        """Count the answers of `params` (default: the session's, or the last snapshot's during a run; `snap`:
        the snapshot they come from)."""
        if not self.applies():
            return
        if params is None and getattr(self.session, "running", False):
            snap = getattr(self.session, "last_snapshot", None)
        params = params or self._params()
        if params is None:
            return
        data = self.session.data
        y_pred = self._net.predict(params, data.X.to(self.session.spec.torch_dtype))
        train, test = split_confusion(y_pred, data.y, data.n_classes, data.train_index, data.test_index)
        c = test if test is not None and self.rows_box.currentData() == "test" else train
        names = list(data.class_names) if data.class_names else [str(k) for k in range(data.n_classes)]
        self.confusion.set_counts(c.counts.numpy(), names)
        n_wrong = len(c.wrong)
        after, before, test_before = self._basis(snap)
        text = (tr("Training accuracy {acc:.1f} %: {right} of {n} right, {wrong} misclassified.") if after is None
                else tr("After epoch {e}'s update, training accuracy {acc:.1f} %: {right} of {n} right, {wrong} "
                        "misclassified.")).format(acc=100 * train.accuracy, right=train.correct, n=train.total,
                                                   wrong=len(train.wrong), e=after)
        self._show_basis(after, (before, train.accuracy), (test_before, None if test is None else test.accuracy))
        if test is not None:
            text += " " + tr("Test accuracy {acc:.1f} %: {right} of {n} right, on rows it never trains on.").format(
                acc=100 * test.accuracy, right=test.correct, n=test.total)
            self.rows_caption.setText(tr("rows never trained on") if c is test else
                                      tr("the test rows are counted apart"))
        self.summary.setText(text)
        if self._side:
            self.wrong_grid.set_samples(data.X.numpy(), data.y.numpy(), answers(y_pred).numpy(), c.wrong.numpy(),
                                        self._side)
            shown = min(n_wrong, MAX_SHOWN)
            self.wrong_caption.setText(
                tr("Each image the network gets wrong, captioned true → answer ({shown} of {wrong} shown).")
                .format(shown=shown, wrong=n_wrong) if n_wrong else tr("Every sample is classified right."))
        else:
            self.wrong_grid.set_tiles([])
            self.wrong_caption.setText(tr("Misclassified rows of the data: {rows}").format(
                rows=", ".join(str(int(i)) for i in c.wrong[:MAX_SHOWN]) or "–"))
        self._draw_units(params)

    def _basis(self, snap) -> tuple[int | None, float | None, float | None]:
        """(e, accuracy, test accuracy): the parameters counted are those after epoch e's update (None: they
        are not, mid-epoch or before any epoch), and the accuracies the status bar and the loss plot give
        epoch e, from its forward pass before that update (None where unknown)."""
        s = self.session
        if snap is not None:
            e, acc = snap.epoch, snap.accuracy
        elif s.running or s.epoch_in_progress or s.batches_done or s.epoch == 0:
            return None, None, None  # (in progress: these are its forward pass's parameters, as the status bar's)
        else:
            e, acc = s.epoch, s.accuracies[s.epoch - 1] if len(s.accuracies) >= s.epoch else None
        tests = s.test_accuracies
        test = tests[e - 1] if tests is not None and 0 < e <= len(tests) else None
        known = [None if v is None or math.isnan(v) else v for v in (acc, test)]
        return (e if e > 0 else None), known[0], known[1]

    def _show_basis(self, e: int | None, train: tuple, test: tuple) -> None:
        """The line under the summary: the status bar's (train) and the loss plot's (test) accuracy of epoch e,
        each given as (theirs, the panel's); shown only where one of theirs reads differently from the panel's."""
        def pct(v):
            return None if v is None else f"{100 * v:.1f}"

        known = [p for p in (train, test) if None not in p]
        text = ""
        if e is not None and train[0] is not None and any(pct(a) != pct(b) for a, b in known):
            text = (tr("The status bar and the loss plot give epoch {e} before its update: {acc} %.")
                    if pct(test[0]) is None or test[1] is None else
                    tr("The status bar and the loss plot give epoch {e} before its update: {acc} % (test "
                       "{test} %).")).format(e=e, acc=pct(train[0]), test=pct(test[0]))
        self.basis.setText(text)
        self.basis.setVisible(bool(text))

    # ----- events ---------------------------------------------------------------------------------
    def _on_network(self) -> None:
        s = self.session
        self._net = Network(s.spec)
        self._side = is_image(s.data.n_features)
        self._fill_rows_box(s.data)
        on = self.applies()
        self.setVisible(on)
        i = self.tabs.indexOf(self._units_page)
        self.tabs.setTabVisible(i, bool(self._side) and bool(s.spec.hidden))
        if on:
            self.refresh()

    def _fill_rows_box(self, data) -> None:
        """The choice of rows, shown only with a split (kept on the test rows when it still applies)."""
        split = data.n_test > 0
        keep = self.rows_box.currentData()
        self.rows_box.blockSignals(True)
        self.rows_box.clear()
        if split:
            self.rows_box.addItem(tr("training rows ({n})").format(n=data.n_samples - data.n_test), "train")
            self.rows_box.addItem(tr("test rows ({n})").format(n=data.n_test), "test")
            self.rows_box.setCurrentIndex(max(0, self.rows_box.findData(keep)))
        self.rows_box.blockSignals(False)
        for w in self._rows_line:
            w.setVisible(split)

    def _on_snapshot(self, snap) -> None:
        if snap.params and self.applies() and (not getattr(self.session, "running", False) or self._throttle.due()):
            self.refresh(snap.params, snap)

    def _params(self):
        """The session's parameters; during a run the latest snapshot's (the worker owns the trainer)."""
        s = self.session
        if getattr(s, "running", False):
            snap = getattr(s, "last_snapshot", None)
            return snap.params if snap is not None and snap.params else None
        return s.params

    def _gradient(self) -> torch.Tensor | None:
        """d_w1 of the epoch in progress (the trace the inspector shows), or of the next epoch (the session's
        preview: computed once for the current parameters, changing nothing)."""
        s = self.session
        if getattr(s, "running", False):
            return None
        if s.trace is not None and "d_w1" in s.trace.grads:
            return s.trace.grads["d_w1"]
        preview = s.preview()
        return preview.grads["d_w1"] if preview is not None and "d_w1" in preview.grads else None

    def _draw_units(self, params=None) -> None:
        if not self._side or not self.session.spec.hidden or not self.applies():
            return
        which = self.units_box.currentData()
        if which == GRADIENT:
            g = self._gradient()
            if g is None:
                self.units_caption.setText(tr("The gradient is shown when training pauses."))
                self.units.set_tiles([])
                return
            self.units.set_matrix(g.double().numpy(), self._side, GRADIENT)
            self.units_caption.setText(tr(
                "Column j of d_w1, drawn {s}×{s}: where the next update pushes unit j's weights "
                "(the update subtracts lr·d_w1, so red pixels will grow, blue ones shrink).").format(s=self._side))
        else:
            params = params or self._params()
            if params is None:
                return
            w = params["w1"]
            self.units.set_matrix(w.double().numpy(), self._side, WEIGHTS)
            self.units_caption.setText(tr(
                "Column j of w1, drawn {s}×{s}: the {n} weights hidden unit j gives the pixels. Blue pixels "
                "raise its input l1[:, j] where the image has ink, red ones lower it.").format(
                    s=self._side, n=self._side * self._side))
