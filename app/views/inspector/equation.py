"""InspectorPane: the equation of the current operation, drawn from the engine's Step record.

    d_w2   =   a1ᵀ   @   d_l2          each a matrix with its numbers (or a heat map when large),
    (2×1)      (2×4)     (4×1)          captioned with its name and shape; the inner 4 marked in both
    (2×4) @ (4×1) → (2×1) ✓ same shape as w2

Below: the expansion of one result cell (hover or click a cell) with the actual numbers, the engine's
"why this shape" and its note. A toolbar switches notebook names ↔ textbook symbols, numbers ↔ heat map,
and follows one sample through every matrix that has a sample axis (shared with other panes through
`app.state.selection.Selection`). Widgets are created once and reused; each operation only changes numbers.

Its parts, built here and given what they need: the toolbar (toolbar.py: InspectorToolbar), the words
around the equation (step_texts.py: StepTexts), the matrices (slot.py: MatrixBlock, sized by fitting.py),
the wrong alternatives (alternatives.py); the cell interactions are equation_cells.py.

Run alone: `python -m app.views.inspector [preset]`.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QApplication, QFrame, QGridLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget,
)

from app.i18n import tr
from engine.core import trace as T

from . import notation as nt
from .adam_view import AdamView  # issue 12 item 6 (hook)
from .alternatives import AlternativesView  # issue 12 item 4 (hook)
from .captions import NOTE_WIDTH, WRAP, shape_html, shape_plain, wrap
from .equation_cells import CellsMixin
from .fitting import AUTO, HEAT, NUMBERS, fit_equation
from .expansion import Expansion
from .plan import COL, ROW, Context, Plan, Term, build
from .qt_util import fill_base, set_shown, set_text
from .slot import MatrixBlock
from .step_texts import StepTexts
from .toolbar import InspectorToolbar

N_SLOTS = 5
PROSE = "the error flows back along the weights it came through: d_w2"  # Auto draws numbers while no axis of the equation is longer than this


class InspectorPane(CellsMixin, QWidget):
    """The central matrix inspector. See the module docstring."""

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.selection = session.selection
        self._mode = nt.NOTEBOOK
        self._display = AUTO
        self._ctx: Context | None = None
        self._ctx_trace = None
        self._sample_rows: list[int] | None = None  # the data row of each sample row on show (None: 0 … N−1)
        self._plan: Plan | None = None
        self._cell: tuple[int, int] | None = None  # selected cell of the pick term
        self._hover: tuple[int, int] | None = None
        self._expansion: Expansion | None = None
        self._sample = self.selection.sample
        self._wrap = WRAP  # characters per explanation line, from the visible width (see resizeEvent)
        self._preview = None  # before the first operation: the trace the next epoch would record
        self._build_ui()
        session.trace_changed.connect(self._on_trace)
        session.position_changed.connect(self._on_position)
        session.network_changed.connect(self._on_network)
        session.params_changed.connect(self._on_params)
        session.running_changed.connect(self._on_running)
        self.selection.cell_selected.connect(self._on_cell_selected)
        self.selection.sample_changed.connect(self._on_sample)
        self._on_network()

    # ----- construction ---------------------------------------------------------------------------
    def _build_ui(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(4, 4, 4, 4)
        self.toolbar = InspectorToolbar()
        self.toolbar.notation_chosen.connect(self.set_notation)
        self.toolbar.display_chosen.connect(self.set_display)
        self.toolbar.sample_chosen.connect(self._on_spin)
        tb = self.toolbar
        self.notation_box, self.display_box, self.sample_spin = tb.notation_box, tb.display_box, tb.sample_spin
        outer.addWidget(self.toolbar)

        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        content = QWidget()
        fill_base(content)
        col = QVBoxLayout(content)
        col.setContentsMargins(8, 6, 8, 8)
        col.setSpacing(6)
        self.texts = StepTexts(self.font(), self)
        t = self.texts
        self.header, self.formula, self.check, self.hint = t.header, t.formula, t.check, t.hint
        self.expansion, self.why_title, self.why, self.note = t.expansion, t.why_title, t.why, t.note
        col.addWidget(self.header)
        col.addWidget(self.formula)

        self.equation = QWidget()
        grid = QGridLayout(self.equation)
        grid.setContentsMargins(0, 4, 0, 4)
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(2)
        self._blocks: list[MatrixBlock] = []
        self._ops: list[QLabel] = []
        of = QFont(self.font())
        of.setPointSizeF(of.pointSizeF() * 1.7)
        for i in range(N_SLOTS):
            blk = MatrixBlock(self.equation)
            blk.canvas.cell_hovered.connect(lambda r, c, i=i: self._on_hover(i, r, c))
            blk.canvas.cell_clicked.connect(lambda r, c, i=i: self._on_click(i, r, c))
            blk.canvas.tooltip_fn = lambda r, c, i=i: self._cell_tooltip(i, r, c)
            self._blocks.append(blk)
            centre = Qt.AlignmentFlag.AlignHCenter
            grid.addWidget(blk.box, 0, 2 * i, centre | Qt.AlignmentFlag.AlignVCenter)
            grid.addWidget(blk.origin_label, 1, 2 * i, centre | Qt.AlignmentFlag.AlignBottom)
            grid.addWidget(blk.origin, 2, 2 * i, centre | Qt.AlignmentFlag.AlignTop)
            op = QLabel(self.equation)
            op.setFont(of)
            op.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self._ops.append(op)
            grid.addWidget(op, 0, 2 * i + 1, Qt.AlignmentFlag.AlignCenter)
        grid.setColumnStretch(2 * N_SLOTS, 1)
        col.addWidget(self.equation)
        self.adam_view = AdamView()  # issue 12 item 6 (hook): Adam's m, v, m̂, v̂ and step under an update
        col.addWidget(self.adam_view)
        col.addWidget(self.check)
        col.addWidget(self.hint)
        col.addWidget(self.expansion)
        col.addWidget(self.why_title)
        col.addWidget(self.why)
        self.alternatives = AlternativesView()  # issue 12 item 4 (hook): the wrong attempts, under the why
        col.addWidget(self.alternatives)
        col.addWidget(self.note)

        self._running_text = tr("Training… The operations of an epoch show here again when you pause "
                                "(Space or F5).")
        self.empty = QLabel(tr("Ready: below is the first operation of the next epoch. Press “Next "
                               "operation” (F11) to walk through the epoch one matrix operation at a time: "
                               "forward, backward and update."))
        self.empty.setWordWrap(True)
        self._idle_text = self.empty.text()
        self.start_button = QPushButton(tr("Show the first operation"))
        self.start_button.clicked.connect(self.session.next_op)
        col.insertWidget(0, self.empty)
        col.insertWidget(1, self.start_button, 0, Qt.AlignmentFlag.AlignLeft)
        col.addStretch(1)
        self.scroll.setWidget(content)
        outer.addWidget(self.scroll, 1)
        self._step_widgets = [self.header, self.formula, self.equation, self.check, self.hint, self.expansion,
                              self.why_title, self.why, self.note]

    # ----- public API ----------------------------------------------------------------------------
    def set_notation(self, mode: str) -> None:
        """NOTEBOOK (l1, a1, d_w2) or TEXTBOOK (z⁽¹⁾, a⁽¹⁾, ∂L/∂W⁽²⁾)."""
        if mode not in nt.MODES or mode == self._mode:
            return
        self._mode = mode
        self.toolbar.show_notation(mode)
        if self._plan is not None:
            self._caption_all()
            self._show_texts()
            self._update_expansion()

    def notation(self) -> str:
        return self._mode

    def set_display(self, display: str) -> None:
        """AUTO, NUMBERS or HEAT."""
        if display == self._display or display not in (AUTO, NUMBERS, HEAT):
            return
        self._display = display
        self.toolbar.show_display(display)
        if self._plan is not None:
            self._layout_canvases()

    def display(self) -> str:
        return self._display

    def follow_sample(self, index: int | None) -> None:
        self.selection.set_sample(index)

    def select_cell(self, r: int, c: int) -> None:
        """Expand cell (r, c) of the result (as drawn)."""
        self._on_click(self._plan.pick if self._plan else 0, r, c)

    def plan(self) -> Plan | None:
        return self._plan

    def blocks(self) -> list[MatrixBlock]:
        """The visible matrices, result first."""
        return [b for b in self._blocks[: len(self._plan.terms)]] if self._plan else []

    def expansion_text(self) -> str:
        """The expansion shown (plain text, in the current notation)."""
        return nt.translate(self._expansion.text, self._mode) if self._expansion else ""

    def resizeEvent(self, e) -> None:
        super().resizeEvent(e)
        # explanations are wrapped here rather than by QLabel (whose word wrap costs a layout pass per step)
        fm = self.fontMetrics()  # a real sentence's width per letter: averageCharWidth is too narrow for prose
        per_char = max(fm.averageCharWidth(), fm.horizontalAdvance(PROSE) / len(PROSE), 1)
        chars = max(50, int((self.scroll.viewport().width() - 48) / per_char))
        if chars != self._wrap:
            self._wrap = chars
            if self._plan is not None:
                self._layout_canvases()
                self._show_texts()
                self._update_expansion()

    # ----- session --------------------------------------------------------------------------------
    def _on_network(self) -> None:
        self.toolbar.show_sample(self._sample, self.session.n_train)
        self._ctx, self._ctx_trace = None, None
        self._on_position(self.session.position)

    def _on_trace(self) -> None:
        self._ctx, self._ctx_trace = None, None

    def _on_running(self, running: bool) -> None:
        """Run mode: the worker owns the trainer and there is no trace to show; say so (and refresh when the
        run stops)."""
        self._ctx, self._ctx_trace = None, None
        self._sample_rows = None  # (the batches move on during a run: no row to name)
        self._show_sample_row()
        self._on_position(self.session.position)

    def is_showing_running(self) -> bool:
        """True while the pane shows its run-mode note instead of an operation (tests)."""
        return self.session.current_step() is None and self.empty.text() == self._running_text

    def _trace(self):
        return self._preview if self._preview is not None else self.session.trace

    def is_previewing(self) -> bool:
        """True while the pane shows the next epoch's first operation, before any was stepped to."""
        return self._preview is not None and self._plan is not None

    def _on_params(self) -> None:
        if self._preview is not None:
            self._preview = None
            self._on_position(self.session.position)

    def _context(self) -> Context:
        tr_ = self._trace()
        if self._ctx is None or self._ctx_trace is not tr_:
            rows = getattr(tr_, "rows", None)  # a mini-batch: N is its rows
            n = self.session.n_train if rows is None else len(rows)
            self._sample_rows = self.session.sample_rows(tr_)
            rows = None if self._sample_rows is None else tuple(self._sample_rows)
            self._ctx = Context(self.session.spec, n, tr_.steps, sample_rows=rows)
            self._ctx_trace = tr_
        return self._ctx

    def _on_position(self, _pos: int = -1) -> None:
        step = self.session.current_step()
        running = self.session.running
        self._preview = None
        if step is None and not running:  # never blank: the first operation, ready to step into
            self._preview = self.session.preview()  # None for a network that cannot run an epoch
            step = self._preview.steps[0] if self._preview is not None and self._preview.steps else None
            set_text(self.empty, self._idle_text)
            set_shown(self.empty, step is not None)
            set_shown(self.start_button, step is not None)
            if step is not None:
                self._ctx, self._ctx_trace = None, None
                self._show_step(step)
                return
        if step is None:
            self._plan = None
            self._expansion = None
            for w in self._step_widgets:
                set_shown(w, False)
            for b in self._blocks:
                b.set_visible(False)
            for o in self._ops:
                set_text(o, "")
            set_text(self.empty, self._running_text if running else self._idle_text)
            set_shown(self.empty, True)
            set_shown(self.start_button, not running)
            self.alternatives.show_step(None)  # issue 12 item 4 (hook)
            self.adam_view.show_step(None)  # issue 12 item 6 (hook)
            return
        set_shown(self.empty, False)
        set_shown(self.start_button, False)
        self._show_step(step)

    # ----- one step ---------------------------------------------------------------------------------
    def _show_step(self, step) -> None:
        ctx = self._context()
        if step.op == T.LOSS and len(step.operands) < 3:
            ctx = self._with_per_sample(ctx)
        plan = build(step, ctx)
        self._plan = plan
        n_terms = len(plan.terms)
        for i, blk in enumerate(self._blocks):
            if i < n_terms:
                t = plan.terms[i]
                blk.term = t
                cv = blk.canvas
                cv.set_values(t.values, ghost=t.broadcast)
                cv.set_axes(t.inner_axis, t.sum_axis, t.sample_axis)
                cv.set_sample_rows(self._sample_rows)  # a mini-batch's rows: labelled with their data rows
                cv.set_sample(self._sample if self._sample >= 0 else None)
                cv.set_param_cells(())
                if t.transposed:
                    o = blk.origin
                    o.set_values(t.values.T)
                    o.set_axes(None, None, ROW if t.sample_axis == COL else None)
                    o.set_sample_rows(self._sample_rows)
                    o.set_sample(self._sample if self._sample >= 0 else None)
            blk.term = plan.terms[i] if i < n_terms else None
        for i, op in enumerate(self._ops):
            if i < n_terms - 1:
                text = plan.operators[i] if i < len(plan.operators) else ""
                set_text(op, text)
            elif i == n_terms - 1 and plan.tail:
                set_text(op, plan.tail)
            else:
                set_text(op, "")
        self._show_sample_row()
        self._caption_all()  # first: the captions' widths count when the matrices are fitted
        self._layout_canvases()
        self._show_texts()
        for w in self._step_widgets:
            set_shown(w, True)
        set_shown(self.why_title, step.why_text is not None)
        set_shown(self.why, step.why_text is not None)
        set_shown(self.note, step.note_text is not None)
        self._hover = None
        self._cell = self._default_cell(plan)
        if self.selection.cell is not None:
            self._mark_param(*self.selection.cell)
        self._update_expansion()

    def _with_per_sample(self, ctx: Context) -> Context:
        per = self.session.per_sample_loss()
        if per is None:
            return ctx
        return Context(ctx.spec, ctx.n_samples, ctx.steps, per.detach().double().numpy(), ctx.sample_rows)

    def _layout_canvases(self) -> None:
        # room for the vertical scroll bar even while hidden (a tall step brings it): the pane's own width,
        # not its viewport's, which is wider or narrower depending on whether the bar was shown just before
        bar = self.scroll.style().pixelMetric(self.scroll.style().PixelMetric.PM_ScrollBarExtent)
        room = self.scroll.width() - 2 * self.scroll.frameWidth() - bar - 24
        fit_equation(self._blocks[: len(self._plan.terms)], self._ops, self._plan, self._display, room,
                     lambda: self.equation.minimumSizeHint().width())
        # the fitted sizes placed now, not at the next turn of the event loop: a cell is where it is drawn
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)

    def _name(self, label: str) -> str:
        return nt.symbol(label, self._mode)

    def _caption_all(self) -> None:
        notes: list[str] = []
        for blk in self._blocks[: len(self._plan.terms)]:
            t: Term = blk.term
            name = self._name(t.label) + (" " + t.suffix if t.suffix else "")
            set_text(blk.name_label, name)
            alt = nt.symbol(t.label, nt.other(self._mode))
            tip = tr("notebook: {nb}   ·   textbook: {tb}").format(
                nb=t.label, tb=nt.textbook(t.label)) if (alt != t.label or self._mode == nt.TEXTBOOK) \
                else t.label
            blk.name_label.setToolTip(tip)
            set_text(blk.shape_label, shape_html(t))
            notes.append(wrap(nt.translate(t.note, self._mode), NOTE_WIDTH) if t.note else "")
            if t.transposed:
                set_text(blk.origin_label, wrap(tr("{name} {shape}, as the forward pass made it;\n"
                                                   "the transpose turns its rows into columns:").format(
                    name=self._name(t.key), shape=shape_plain(t.own_shape)), NOTE_WIDTH))
        lines = max((n.count("\n") + 1 for n in notes if n), default=0)
        for blk, note in zip(self._blocks, notes):  # the same number of lines under every matrix
            pad = lines - (note.count("\n") + 1 if note else 0)
            set_text(blk.note_label, note + "\n " * pad if note else "\n".join([" "] * lines))
        for i, blk in enumerate(self._blocks):
            blk.set_visible(i < len(self._plan.terms))

    def _show_texts(self) -> None:
        trace = self._trace()
        self.texts.show(self._plan, trace.epoch, len(trace.steps), self._mode, self._wrap, self._name)
        self.alternatives.show_step(self._plan.step, self._mode, self._wrap)  # issue 12 item 4 (hook)
        self.adam_view.show_step(self._plan.step, self._mode, self._wrap)  # issue 12 item 6 (hook)


__all__ = ["InspectorPane", "AUTO", "NUMBERS", "HEAT"]
