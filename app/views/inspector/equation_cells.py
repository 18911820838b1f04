"""The cell interactions of the equation view, as a mixin of InspectorPane: which result cell is expanded
(hover, click, the shared selection, the followed sample), the marks it puts on the operands, the
expansion text, cell tooltips, and following one sample."""

from __future__ import annotations

from app.i18n import tr
from engine.core import trace as T

from . import colors as C
from . import notation as nt
from .captions import esc, param_cells, wrap, wrap_sum
from .expansion import Expansion, expand
from .fmt import num
from .plan import ROW, Context, Plan, own_index
from .qt_util import set_text


class CellsMixin:
    # ----- cells --------------------------------------------------------------------------------------
    def _default_cell(self, plan: Plan) -> tuple[int, int]:
        pick = plan.terms[plan.pick]
        rows, cols = pick.values.shape
        r, c = self._cell if self._cell is not None else (0, 0)
        sel = self.selection.cell
        if sel is not None and pick.param == sel[0]:
            cells = param_cells(pick, sel[1], sel[2])
            if cells:
                return cells[0]
        if self._sample >= 0 and pick.sample_axis == ROW and self._sample < rows:
            return self._sample, min(c, cols - 1)
        return min(r, rows - 1), min(c, cols - 1)

    def _update_expansion(self) -> None:
        plan = self._plan
        if plan is None:
            return
        r, c = self._hover or self._cell or (0, 0)
        e = expand(plan, self._ctx_for(plan), r, c)
        self._expansion = e
        for i, blk in enumerate(self._blocks[: len(plan.terms)]):
            m = e.marks.get(i) if e else None
            if m is None:
                blk.canvas.set_marks()
            else:
                blk.canvas.set_marks(m.rows, m.cols, m.cells if i != plan.pick else ())
            blk.canvas.set_selected(self._cell if i == plan.pick else None)
            if blk.term is not None and blk.term.transposed:
                if m is None:
                    blk.origin.set_marks()
                else:  # row r of a1ᵀ is column r of a1
                    blk.origin.set_marks(m.cols, m.rows, {(c, r) for r, c in m.cells})
        set_text(self.expansion, self._expansion_html(e) if e else "")

    def _ctx_for(self, plan: Plan) -> Context:
        ctx = self._context()
        if plan.step.op == T.LOSS and len(plan.step.operands) < 3:
            ctx = self._with_per_sample(ctx)
        return ctx

    def _expansion_html(self, e: Expansion) -> str:
        tx = lambda s: esc(nt.translate(s, self._mode))  # noqa: E731
        lines = e.lines
        n_main = 3 if e.numeric else 2
        mono = "font-family: 'DejaVu Sans Mono', monospace;"
        out = [f"<div style=\"{mono} white-space: pre-wrap;\">"]
        width = max(40, int(self._wrap * 0.85))  # monospace characters are wider
        lhs = nt.translate(e.lhs, self._mode)
        sym = wrap_sum(nt.translate(e.symbolic, self._mode), width, len(lhs) + 3)
        out.append(f"<b style='color:{C.MARK.name()}'>{esc(lhs)}</b> {esc(e.arrow)} "
                   + esc(sym).replace("\n", "<br>"))
        if e.numeric:
            numeric = wrap_sum(nt.translate(e.numeric, self._mode), width, 6)
            out.append("<br>    = " + esc(numeric).replace("\n", "<br>"))
        out.append(f"<br>    = <b>{esc(num(e.value))}</b></div>")
        extra = lines[n_main:]
        if extra:
            out.append(f"<div style='margin-top:4px; color:{C.TEXT.name()}; white-space: pre-wrap;'>"
                       + "<br>".join(tx(wrap(x, self._wrap)).replace("\n", "<br>") for x in extra) + "</div>")
        return "".join(out)

    def _on_hover(self, i: int, r: int, c: int) -> None:
        if self._plan is None or i != self._plan.pick:
            return
        self._hover = (r, c) if r >= 0 else None
        self._update_expansion()

    def _on_click(self, i: int, r: int, c: int) -> None:
        plan = self._plan
        if plan is None or i >= len(plan.terms):
            return
        t = plan.terms[i]
        if i == plan.pick:
            self._cell = (r, c)
            self._hover = None
            self._update_expansion()
        if t.param is not None:
            idx = own_index(t, r, c)
            row, col = (0, idx[0]) if len(idx) == 1 else (idx if len(idx) == 2 else (0, 0))
            self.selection.select_cell(t.param, row, col)

    def _on_cell_selected(self, name: str, row: int, col: int) -> None:
        if self._plan is None:
            return
        self._mark_param(name, row, col)
        pick = self._plan.terms[self._plan.pick]
        if name and pick.param == name:
            cells = param_cells(pick, row, col)
            if cells and cells[0] != self._cell:
                self._cell = cells[0]
                self._update_expansion()

    def _mark_param(self, name: str, row: int, col: int) -> None:
        for blk in self._blocks[: len(self._plan.terms)]:
            t = blk.term
            blk.canvas.set_param_cells(param_cells(t, row, col) if name and t.param == name else ())

    def _cell_tooltip(self, i: int, r: int, c: int) -> str:
        if self._plan is None or i >= len(self._plan.terms):
            return ""
        t = self._plan.terms[i]
        v = t.values[r, c]
        shown = f"{self._name(t.label)}[{r},{c}]"
        own = nt.translate(t.key, self._mode) + "[" + ",".join(str(x) for x in own_index(t, r, c)) + "]"
        text = f"{shown} = {own} = {num(v)}" if (t.transposed or t.broadcast) else f"{shown} = {num(v)}"
        if t.sample_axis is not None:
            n = r if t.sample_axis == ROW else c
            row = self._blocks[i].canvas.sample_row(n)  # inside a mini-batch: the data row it is
            text += "\n" + (tr("sample {n}").format(n=n) if row is None else
                            tr("sample {n}: row {row} of the data").format(n=n, row=row))
        return text

    # ----- follow one sample ----------------------------------------------------------------------------
    def _show_sample_row(self) -> None:
        """The followed sample's data row beside its number in the toolbar (inside a mini-batch)."""
        rows, n = self._sample_rows, self._sample
        self.toolbar.show_sample_row(rows[n] if rows is not None and 0 <= n < len(rows) else None)

    def _on_spin(self, v: int) -> None:
        self.selection.set_sample(v)

    def _on_sample(self, n: int) -> None:
        self._sample = n
        self.toolbar.show_sample(n)
        self._show_sample_row()
        if self._plan is None:
            return
        for blk in self._blocks[: len(self._plan.terms)]:
            blk.canvas.set_sample(n if n >= 0 else None)
            if blk.term.transposed:
                blk.origin.set_sample(n if n >= 0 else None)
        pick = self._plan.terms[self._plan.pick]
        if n >= 0 and pick.sample_axis == ROW and n < pick.values.shape[0]:
            self._cell = (n, self._cell[1] if self._cell else 0)
            self._update_expansion()


