"""The weights editor: one table per parameter w{k}, b{k}, captioned with its name, shape and meaning,
cells coloured by sign and size, editable. An edit becomes a SetParamCommand on the session's undo stack
(Undo restores it); text, NaN and inf are refused with a message beside that table and change nothing.

"Show gradients" puts d_w{k} / d_b{k} (read-only) beside each table once the current epoch's backward pass
has computed them (from `session.trace.grads`).

Public API (for the network diagram and other panes):
    table(name) -> QTableView            the view of "w1", "b2", … (or "d_w1" when gradients are shown)
    model(name) -> MatrixModel
    cell_selected = Signal(str, int, int) the learner selected a cell: (name, row, col); for a bias b{k}
                                          the row is 0 and the column is the unit
    select_cell(name, row, col)          select (and scroll to) that cell without emitting cell_selected
    message(name) -> str                 the refusal shown beside that table ("" when none)

Run as a window on its own: `python -m app.views.weights_editor [preset]`.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QSize, Signal
from PySide6.QtWidgets import (
    QAbstractItemDelegate, QAbstractItemView, QCheckBox, QHBoxLayout, QLabel, QScrollArea, QTableView, QVBoxLayout,
    QWidget,
)

from app import palette
from app.i18n import tr
from app.models.matrix_model import MatrixModel
from app.state.throttle import Throttle
from app.views.weights_tables import (  # noqa: F401 (make_table, fit_table: were defined here)
    EDIT_TRIGGERS, MAX_VISIBLE_ROWS, ParamBlock, fit_table, make_table,
)
from engine.core.spec import shape_text

RUN_REFRESHES_PER_SECOND = 2  # during a run the tables follow the snapshots this often (app/state/throttle.py)


def param_caption(spec, name: str) -> str:
    """'w1 (2×2): rows = inputs, columns = hidden units' — the name, shape and meaning of a parameter."""
    k = int(name[1:])
    L = spec.depth
    shape = shape_text(spec.param_shape(name))
    if name[0] == "w":
        return tr("{name} {shape}: rows = {rows}, columns = {cols}").format(
            name=name, shape=shape, rows=_units_text(spec, k - 1), cols=_units_text(spec, k))
    if k == L:
        what = tr("one bias per output unit")
    elif len(spec.hidden) == 1:
        what = tr("one bias per hidden unit")
    else:
        what = tr("one bias per unit of hidden layer {k}").format(k=k)
    return tr("{name} {shape}: {what}").format(name=name, shape=shape, what=what)


def _units_text(spec, k: int) -> str:
    """What the units of layer k are called: inputs (k = 0), output units (last), hidden units."""
    if k == 0:
        return tr("inputs")
    if k == spec.depth:
        return tr("output units")
    if len(spec.hidden) == 1:
        return tr("hidden units")
    return tr("units of hidden layer {k}").format(k=k)


class WeightsEditor(QWidget):
    """Tables of every parameter of the session's network; see the module docstring."""

    cell_selected = Signal(str, int, int)

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self._blocks: dict[str, ParamBlock] = {}
        self._selecting = False
        self._running = session.running

        self.show_grads = QCheckBox(tr("Show gradients"))
        self.show_grads.setToolTip(
            tr("Show d_w and d_b beside each table once the backward pass computed them"))
        self.show_grads.toggled.connect(self._on_show_grads)
        self._idle_hint = tr("Double-click a cell to type a new value (1e-3 works); Ctrl+Z undoes it.")
        self._run_hint = tr("Training: the values are refreshed twice a second, a little behind the status bar. Pause to edit them.")
        self.hint = QLabel(self._idle_hint)
        self.hint.setWordWrap(True)
        palette.style_label(self.hint, "muted")

        self._inner = QWidget()
        self._inner_layout = QVBoxLayout(self._inner)
        self._inner_layout.setContentsMargins(6, 6, 6, 6)
        self._inner_layout.setSpacing(8)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self._inner)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroll = scroll

        top = QHBoxLayout()
        top.addWidget(self.show_grads)
        top.addStretch(1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addLayout(top)
        lay.addWidget(self.hint)
        lay.addWidget(scroll, 1)

        session.network_changed.connect(self._rebuild)
        session.params_changed.connect(self._refresh)
        session.trace_changed.connect(self._refresh_grads)
        session.position_changed.connect(self._refresh_grads)
        self._run_throttle = Throttle(RUN_REFRESHES_PER_SECOND)  # snapshots shown during a run
        session.snapshot.connect(self._on_snapshot)
        session.running_changed.connect(self._on_running)
        session.about_to_run.connect(self.commit_pending_edits)
        self.setMinimumWidth(220)
        self._rebuild()
        # the shared selection: a cell picked here is picked in the diagram and inspector, and back
        self._selection = session.selection
        self.cell_selected.connect(self._selection.select_cell)
        self._selection.cell_selected.connect(self._on_shared_cell)

    def sizeHint(self):
        return QSize(400, 640)

    # ----- public API ------------------------------------------------------------------------------
    def table(self, name: str) -> QTableView:
        if name.startswith("d_"):
            return self._blocks[name[2:]].grad_view
        return self._blocks[name].view

    def model(self, name: str) -> MatrixModel:
        if name.startswith("d_"):
            return self._blocks[name[2:]].grad_model
        return self._blocks[name].model

    def names(self) -> list[str]:
        return list(self._blocks)

    def caption(self, name: str) -> str:
        return self._blocks[name].caption.text()

    def message(self, name: str) -> str:
        b = self._blocks[name]
        return b.message.text() if b.message.isVisible() or b.message.text() else ""

    def select_cell(self, name: str, row: int, col: int) -> None:
        """Select (and show) one cell, e.g. when the diagram's edge is clicked; no cell_selected."""
        view = self.table(name)
        idx = view.model().index(row, col)
        if not idx.isValid():
            return
        self._selecting = True
        try:
            view.selectionModel().setCurrentIndex(idx, QItemSelectionModel.SelectionFlag.ClearAndSelect)
            view.scrollTo(idx)
            self.scroll.ensureWidgetVisible(view)
        finally:
            self._selecting = False

    def _on_shared_cell(self, name: str, row: int, col: int) -> None:
        if name in self._blocks:
            self.select_cell(name, row, col)
        elif not name:
            for b in self._blocks.values():
                b.view.clearSelection()

    # ----- building --------------------------------------------------------------------------------
    def _rebuild(self) -> None:
        spec = self.session.spec
        shapes = {n: spec.param_shape(n) for n in spec.param_names}
        if shapes == getattr(self, "_shapes", None):
            # same tables (e.g. a new learning rate): keep the views, their selection and the scroll position
            for name, block in self._blocks.items():
                block.caption.setText(param_caption(spec, name))
                block.show_message("")
            self._refresh()
            self._refresh_grads()
            return
        self._shapes = shapes
        for b in self._blocks.values():
            b.setParent(None)
            b.deleteLater()
        self._blocks.clear()
        while self._inner_layout.count():
            self._inner_layout.takeAt(0)
        spec = self.session.spec
        for name in spec.param_names:
            block = ParamBlock(name, param_caption(spec, name), self._inner)
            block.model.edit_handler = self._handler(name)
            block.view.selectionModel().currentChanged.connect(self._cell_changed(name))
            block.set_gradients_visible(self.show_grads.isChecked())
            self._set_editable(block, not self._running)
            self._blocks[name] = block
            self._inner_layout.addWidget(block)
        self._inner_layout.addStretch(1)
        self._refresh()
        self._refresh_grads()

    def _cell_changed(self, name: str):
        def on_current(cur, _prev):
            if cur.isValid() and not self._selecting:
                self.cell_selected.emit(name, cur.row(), cur.column())
        return on_current

    def _handler(self, name: str):
        def handle(row: int, col: int, value: float) -> str | None:
            from app.state.commands import SetParamCommand

            if self.session.running:  # the task owns the trainer (the tables are read-only then)
                return tr("Pause training before editing.")
            old = self.session.params[name]
            if (old[col] if old.dim() == 1 else old[row, col]).item() == value:
                self._blocks[name].show_message("")
                return None  # Enter on an unchanged cell: no undo entry that undoes nothing, nothing unsaved
            new = old.clone()
            if new.dim() == 1:
                new[col] = value
                cell = f"{name}[{col}]"
            else:
                new[row, col] = value
                cell = f"{name}[{row}, {col}]"
            err = self.session.try_push(SetParamCommand(self.session, name, old.clone(), new,
                                                        text=tr("Edit {cell}").format(cell=cell)))
            if not err:
                self._blocks[name].show_message("")
            return err
        return handle

    # ----- refreshing ------------------------------------------------------------------------------
    def _refresh(self) -> None:
        if self._running:
            return  # the worker owns the trainer: values come from snapshots
        self._set_params(self.session.params)

    def _set_params(self, params) -> None:
        for name, b in self._blocks.items():
            if name in params:
                b.model.set_tensor(params[name])

    def _on_snapshot(self, snap) -> None:
        if not snap.params:
            return
        if self.session.running and (not self.isVisible() or not self._run_throttle.due()):
            return  # out of sight: the end of the run (or the next snapshot once shown) brings the values
        self._set_params(snap.params)

    def _on_running(self, running: bool) -> None:
        self._running = bool(running)
        for b in self._blocks.values():
            self._set_editable(b, not running)
            if running:
                b.show_message("")  # an old refusal says nothing about the values that now change
        self.hint.setText(self._run_hint if running else self._idle_hint)
        if not running:
            self._refresh()

    @staticmethod
    def _set_editable(block: "ParamBlock", on: bool) -> None:
        """Read-only during a run, but never greyed out: the values stay readable as they change."""
        block.model.editable = on
        block.view.setEditTriggers(EDIT_TRIGGERS if on else QAbstractItemView.EditTrigger.NoEditTriggers)

    def commit_pending_edits(self) -> None:
        """A value still being typed into a cell is committed now (Run is starting: it must land first)."""
        for b in self._blocks.values():
            view = b.view
            if view.state() != QAbstractItemView.State.EditingState:
                continue
            for editor in view.viewport().findChildren(QWidget):
                if editor.isVisible() and editor.parent() is view.viewport():
                    view.commitData(editor)
                    view.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)

    def _on_show_grads(self, on: bool) -> None:
        for b in self._blocks.values():
            b.set_gradients_visible(on)
        self._refresh_grads()

    def _grads_shown_now(self) -> dict:
        """Gradients the learner has reached: all of a committed epoch's, or those up to the current op."""
        s = self.session
        trace = s.trace
        if trace is None or not trace.grads:
            return {}
        if s.committed:
            return trace.grads
        reached = {st.name for st in trace.steps[: s.position + 1] if st.phase == "backward"}
        return {k: v for k, v in trace.grads.items() if k in reached}

    def _refresh_grads(self, *_):
        if not self.show_grads.isChecked():
            return
        grads = self._grads_shown_now()
        spec = self.session.spec
        for name, b in self._blocks.items():
            g = grads.get("d_" + name)
            shape = shape_text(spec.param_shape(name))
            if g is None:
                b.grad_caption.setText(tr("d_{name}: not computed yet").format(name=name))
                b.grad_caption.setToolTip(tr("Step an epoch, or step past d_{name} in the backward pass, "
                                             "to see ∂loss/∂{name}").format(name=name))
                b.grad_model.set_tensor(None)
                b.grad_view.setVisible(False)
            else:
                b.grad_caption.setText(tr("d_{name} {shape}, epoch {epoch}").format(
                    name=name, shape=shape, epoch=s_epoch(self.session)))
                b.grad_caption.setToolTip(tr("∂loss/∂{name}: the same shape as {name}").format(name=name))
                b.grad_model.set_tensor(g)
                b.grad_view.setVisible(True)


def s_epoch(session) -> int:
    return session.trace.epoch if session.trace is not None else session.epoch


def main(argv=None) -> int:  # pragma: no cover - manual look
    from app.views.standalone import run

    return run(WeightsEditor, (480, 640), argv)


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
