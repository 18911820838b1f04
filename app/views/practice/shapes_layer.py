"""Shapes drawn under the learner's own code lines, TensorSensor style, after a check.

Each line that evaluated a tensor gets rows of small labels below it: the shape of every name and of every
operation that changes a shape, under its name or its operator (engine.checker.shape_notes decides which;
engine.checker.shape_text.place lays the labels out, the same rows as the CLI's text). On a Python error the
operation that failed is underlined and labelled in red with both operands' shapes, "(4×1) @ (2×1)", and the
operands' own labels are red too.

The lines make room through the document layout: ShapeDocumentLayout (a QPlainTextDocumentLayout) makes an
annotated line's block taller, so scrolling, the line-number gutter and clicks keep working; nothing is
inserted into the text (no undo entry, nothing saved). A line's shapes are shown while its text is still the
text that was checked: edit the line, or move it, and its labels go.

    layer = ShapeLayer(editor)            # installs the layout on the editor's document (before any text)
    layer.set_shapes(shapes, code)        # Shapes | None, the code that was checked
    layer.set_visible(on)
    layer.labels(line)                    # [(text, kind)] drawn under line n (1-based): "name", "op", "error"
                                          # (an operand of the failure), "failure", "more" (+N not drawn)
    layer.label_at(viewport_pos)          # (text, tooltip) of the label there, or None
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QObject, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPalette, QPen, QTextDocument
from PySide6.QtWidgets import QPlainTextDocumentLayout

from app import palette
from app.i18n import tr

from engine.checker.shape_notes import Note, Shapes
from engine.checker.shape_text import place
from engine.checker.shapes import split_lines
from engine.core.spec import shape_text

MAX_ROWS = 3
SCALE = 0.82  # the labels' font, relative to the code's


@dataclass
class _Line:
    text: str  # the line as it was checked
    notes: list[Note]
    failure: object = None  # engine.checker.shape_notes.Failure on this line
    rows: list | None = None  # placed: [[(left, label, item)]], item = (Note | Failure, kind)
    left_out: list = field(default_factory=list)


class ShapeDocumentLayout(QPlainTextDocumentLayout):
    """A plain-text layout whose annotated blocks are taller by the room their labels need."""

    def __init__(self, document: QTextDocument, layer: "ShapeLayer"):
        super().__init__(document)
        self.layer = layer

    def blockBoundingRect(self, block) -> QRectF:
        r = super().blockBoundingRect(block)
        extra = self.layer.extra_height(block) if r.height() > 0 else 0.0
        return QRectF(r.x(), r.y(), r.width(), r.height() + extra) if extra else r


class ShapeLayer(QObject):
    def __init__(self, editor):
        super().__init__(editor)
        self.editor = editor
        self.visible = True
        self.lines: dict[int, _Line] = {}
        self._hits: list[tuple[QRectF, str, str]] = []  # painted labels: (viewport rect, label, tooltip)
        doc = QTextDocument(editor)
        self.layout = ShapeDocumentLayout(doc, self)
        doc.setDocumentLayout(self.layout)
        editor.setDocument(doc)
        doc.contentsChanged.connect(self._relayout)

    # ----- state ------------------------------------------------------------------------------------------
    def set_shapes(self, shapes: Shapes | None, code: str = "") -> None:
        """Show `shapes` (from a check of `code`) under the lines; None clears them."""
        self.lines = {}
        if shapes is not None:
            texts = split_lines(code)
            for n, notes in shapes.shown().items():
                if 0 < n <= len(texts):
                    self.lines[n] = _Line(texts[n - 1], notes)
            e = shapes.error
            if e is not None and 0 < e.line <= len(texts):
                self.lines.setdefault(e.line, _Line(texts[e.line - 1], [])).failure = e
        self._relayout()

    def set_visible(self, on: bool) -> None:
        self.visible = bool(on)
        self._relayout()

    def font_changed(self) -> None:
        for ln in self.lines.values():
            ln.rows = None
        self._relayout()

    def _relayout(self) -> None:
        self.layout.documentSizeChanged.emit(self.layout.documentSize())
        self.editor.viewport().update()
        gutter = getattr(self.editor, "gutter", None)
        if gutter is not None:
            gutter.update()

    def _entry(self, block) -> _Line | None:
        if not self.visible or not self.lines:
            return None
        ln = self.lines.get(block.blockNumber() + 1)
        return ln if ln is not None and block.text() == ln.text else None

    # ----- layout -----------------------------------------------------------------------------------------
    def font(self) -> QFont:
        f = QFont(self.editor.font())
        f.setPointSizeF(max(7.0, f.pointSizeF() * SCALE))
        return f

    def row_height(self) -> float:
        return QFontMetricsF(self.font()).height() + 1

    def extra_height(self, block) -> float:
        ln = self._entry(block)
        if ln is None:
            return 0.0
        rows = self._rows(block, ln)
        return len(rows) * self.row_height() + 3 if rows else 0.0

    def _rows(self, block, ln: _Line) -> list:
        if ln.rows is not None:
            return ln.rows
        layout = block.layout()
        if layout is None or layout.lineCount() == 0:
            return []
        line = layout.lineAt(0)
        fm = QFontMetricsF(self.font())

        def x(col: int) -> float:
            return line.cursorToX(_utf16(ln.text, col))[0]

        failing = ln.failure
        operands = {(o.col_start, o.col_end) for o in failing.operands} if failing is not None else set()
        items = []
        for n in ln.notes:
            kind = "error" if (n.col_start, n.col_end) in operands else ("name" if n.kind == "name" else "op")
            items.append(((x(n.anchor_start) + x(n.anchor_end)) / 2, n.label, (n, kind)))
        ln.rows, ln.left_out = place(items, fm.horizontalAdvance, fm.horizontalAdvance(" "), MAX_ROWS)
        if ln.left_out:  # more labels than rows: "+N" at the end of the last row, named in its tooltip
            left, text, _item = ln.rows[-1][-1]
            more = f"+{len(ln.left_out)}"
            ln.rows[-1].append((left + fm.horizontalAdvance(text + " "), more, (ln.left_out, "more")))
        if failing is not None:  # a row of its own, below the operands' labels
            text = failing.summary()
            centre = (x(failing.anchor_start) + x(failing.anchor_end)) / 2
            ln.rows.append([(max(0.0, centre - fm.horizontalAdvance(text) / 2), text, (failing, "failure"))])
        return ln.rows

    def labels(self, line: int) -> list[tuple[str, str]]:
        """(label, kind) drawn under line `line`, row by row, left to right (what the learner sees)."""
        block = self.editor.document().findBlockByNumber(line - 1)
        ln = self._entry(block) if block.isValid() else None
        if ln is None:
            return []
        return [(text, item[1]) for row in self._rows(block, ln) for _left, text, item in row]

    # ----- painting --------------------------------------------------------------------------------------
    def _colours(self) -> dict[str, QColor]:
        base = self.editor.palette().color(QPalette.ColorRole.Base)
        text = self.editor.palette().color(QPalette.ColorRole.Text)
        error = palette.readable(QColor(palette.current().error), base)
        return {"name": palette.readable(palette.mix(text, base, 0.45), base),
                "op": palette.readable(QColor(palette.current().inner), base), "error": error, "failure": error,
                "more": palette.readable(palette.mix(text, base, 0.45), base)}

    def paint(self, event) -> None:
        """Draw the labels of the visible annotated lines (called after the editor painted its text)."""
        self._hits = []
        if not self.visible or not self.lines:
            return
        ed = self.editor
        p = QPainter(ed.viewport())
        p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        font = self.font()
        p.setFont(font)
        fm = QFontMetricsF(font)
        colours = self._colours()
        rh = self.row_height()
        offset = ed.contentOffset()
        block = ed.firstVisibleBlock()
        bottom = event.rect().bottom()
        while block.isValid():
            geo = ed.blockBoundingGeometry(block).translated(offset)
            if geo.top() > bottom:
                break
            ln = self._entry(block)
            if ln is not None and block.isVisible():
                self._paint_line(p, block, ln, geo, fm, rh, colours)
            block = block.next()
        p.end()

    def _paint_line(self, p, block, ln, geo, fm, rh, colours) -> None:
        layout = block.layout()
        line = layout.lineAt(0)
        origin = geo.topLeft() + layout.position()
        text_bottom = origin.y() + line.y() + line.height()
        f = ln.failure
        if f is not None:  # the failing operator, underlined in red in the code itself
            x0 = origin.x() + line.cursorToX(_utf16(ln.text, f.anchor_start))[0]
            x1 = origin.x() + line.cursorToX(_utf16(ln.text, f.anchor_end))[0]
            p.setPen(QPen(colours["failure"], 2))
            p.drawLine(QPointF(x0, text_bottom - 1), QPointF(x1, text_bottom - 1))
        for r, row in enumerate(self._rows(block, ln)):
            top = text_bottom + 2 + r * rh
            for left, text, (item, kind) in row:
                rect = QRectF(origin.x() + left, top, fm.horizontalAdvance(text), rh)
                bold = kind == "failure"
                if bold:
                    font = p.font()
                    font.setBold(True)
                    p.setFont(font)
                p.setPen(colours[kind])
                p.drawText(rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop), text)
                if bold:
                    font.setBold(False)
                    p.setFont(font)
                self._hits.append((rect, text, _tooltip(item, kind)))

    def label_at(self, pos) -> tuple[str, str] | None:
        """The label painted at `pos` (viewport coordinates) and its tooltip."""
        for rect, text, tip in self._hits:
            if rect.adjusted(-2, 0, 2, 0).contains(QPointF(pos)):
                return text, tip
        return None


def _utf16(line: str, col: int) -> int:
    """A character offset as Qt counts it (UTF-16 code units)."""
    return len(line[:col].encode("utf-16-le")) // 2


def _tooltip(item, kind: str) -> str:
    if kind == "more":
        return "\n".join(_tooltip(note, k) for note, k in item)
    if kind == "failure":
        shapes = ", ".join(f"{o.text} {'—' if o.shape is None else shape_text(o.shape)}" for o in item.operands)
        return tr("{expr} failed: {operands}").format(expr=item.text, operands=shapes)
    tip = tr("{expr} is {shape}").format(expr=item.text, shape=shape_text(item.shape))
    if item.count > 1:
        tip += "\n" + (tr("evaluated {n} times, with different shapes: the last one is shown")
                       if item.varied else tr("evaluated {n} times")).format(n=f"{item.count:,}")
    return tip
