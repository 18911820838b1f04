"""The code editor: a QPlainTextEdit with a line-number gutter, a monospace font, Python highlighting,
4-space indentation, one marked line (the root mistake, red) that the checker points at, and the shapes of
the last check under the lines (shapes_layer.py).

    editor.set_code(text)        replace everything as one undoable edit (Ctrl+Z brings the old text back)
    editor.mark_line(n)          red background on line n (1-based), cursor moved there; None clears
    editor.marked_line           the marked line (1-based) or None
    editor.shapes                the ShapeLayer: set_shapes(shapes, code), set_visible(on), labels(n)
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFontDatabase, QPainter, QTextCursor, QTextFormat
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QToolTip, QWidget

from app import palette
from app.i18n import tr

from engine.io.session_file import MAX_PRACTICE_CODE as MAX_CODE

from .highlighter import PygmentsHighlighter
from .shapes_layer import ShapeLayer


def _colours() -> tuple[QColor, QColor, QColor, QColor]:
    """(marked line background, gutter background, line numbers, marked line number) for the theme."""
    t = palette.current()
    if t.dark:
        return QColor(96, 34, 34), palette.mix(t.canvas, t.text, 0.06), t.muted, t.bad
    return QColor(255, 205, 205), QColor(245, 245, 245), QColor(110, 110, 110), QColor(200, 30, 30)


def monospace_font(point_size: float | None = None):
    f = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    f.setStyleHint(f.StyleHint.Monospace)
    if point_size:
        f.setPointSizeF(point_size)
    return f


class _Gutter(QWidget):
    def __init__(self, editor: "CodeEditor"):
        super().__init__(editor)
        self.editor = editor

    def sizeHint(self) -> QSize:
        return QSize(self.editor.gutter_width(), 0)

    def paintEvent(self, event) -> None:
        self.editor.paint_gutter(event)


class CodeEditor(QPlainTextEdit):
    check_requested = Signal()  # Ctrl+Return
    refused = Signal(str)  # a paste or a text that would make the code longer than MAX_CODE: why

    def __init__(self, parent=None):
        super().__init__(parent)
        self.shapes = ShapeLayer(self)  # gives the editor its document (before any text or highlighting)
        self.setObjectName("practiceEditor")
        self.setFont(monospace_font(max(self.font().pointSizeF(), 10.0)))
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.setTabStopDistance(4 * self.fontMetrics().horizontalAdvance(" "))
        self.setAccessibleName(tr("Your backward code"))
        self.setPlaceholderText(tr("Write or paste your backward pass here: d_loss = …, d_l2 = …, …"))
        self.highlighter = PygmentsHighlighter(self.document())
        self.gutter = _Gutter(self)
        self.marked_line: int | None = None
        self.blockCountChanged.connect(self._update_gutter_width)
        self.updateRequest.connect(self._update_gutter)
        self._update_gutter_width()
        palette.follow(self, self._theme_changed)

    def _theme_changed(self) -> None:
        if self.marked_line is not None:  # the marked line's background comes from the theme
            sels = self.extraSelections()
            for sel in sels:
                sel.format.setBackground(_colours()[0])
            self.setExtraSelections(sels)

    # ----- content ----------------------------------------------------------------------------------
    def set_code(self, text: str) -> bool:
        """Replace the whole text as one undoable edit, keeping the cursor near where it was; False (and
        `refused`) for text longer than MAX_CODE characters."""
        if len(text) > MAX_CODE:
            self._refuse(len(text))
            return False
        if text == self.toPlainText():
            return True
        c = QTextCursor(self.document())
        c.beginEditBlock()
        c.select(QTextCursor.SelectionType.Document)
        c.insertText(text)
        c.endEditBlock()
        self.moveCursor(QTextCursor.MoveOperation.Start)
        return True

    def insertFromMimeData(self, source) -> None:
        """Paste, unless the code would then be longer than MAX_CODE characters (then nothing changes)."""
        if source.hasText():
            selected = len(self.textCursor().selectedText())
            n = self.document().characterCount() - 1 - selected + len(source.text())
            if n > MAX_CODE:
                self._refuse(n)
                return
        super().insertFromMimeData(source)

    def _refuse(self, n: int) -> None:
        self.refused.emit(tr("Not pasted: the code would be {n} characters long; practice code is limited to "
                             "{max} characters.").format(n=f"{n:,}", max=f"{MAX_CODE:,}"))

    def mark_line(self, line: int | None) -> None:
        """Red background on `line` (1-based) and the cursor there; None clears the mark."""
        self.marked_line = None
        sels = []
        if line is not None and 1 <= line <= self.blockCount():
            block = self.document().findBlockByNumber(line - 1)
            sel = QTextEdit.ExtraSelection()
            sel.format.setBackground(_colours()[0])
            sel.format.setProperty(QTextFormat.Property.FullWidthSelection, True)
            sel.cursor = QTextCursor(block)
            sels.append(sel)
            self.marked_line = line
            self.setTextCursor(QTextCursor(block))
            self.centerCursor()
        self.setExtraSelections(sels)
        self.gutter.update()

    # ----- the shapes under the lines ---------------------------------------------------------------
    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        self.shapes.paint(event)

    def viewportEvent(self, event) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            hit = self.shapes.label_at(event.pos())
            if hit is not None:
                QToolTip.showText(event.globalPos(), hit[1], self.viewport())
                return True
        return super().viewportEvent(event)

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self.shapes.font_changed()

    # ----- keys -------------------------------------------------------------------------------------
    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and \
                event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.check_requested.emit()
            return
        if event.key() == Qt.Key.Key_Tab and not event.modifiers():
            self.insertPlainText("    ")
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers():
            line = self.textCursor().block().text()
            indent = line[: len(line) - len(line.lstrip())]
            if line.rstrip().endswith(":"):
                indent += "    "
            super().keyPressEvent(event)
            self.insertPlainText(indent)
            return
        super().keyPressEvent(event)

    # ----- the gutter -------------------------------------------------------------------------------
    def gutter_width(self) -> int:
        digits = max(3, len(str(max(1, self.blockCount()))))
        return 12 + self.fontMetrics().horizontalAdvance("9") * digits

    def _update_gutter_width(self, *_):
        self.setViewportMargins(self.gutter_width(), 0, 0, 0)

    def _update_gutter(self, rect, dy) -> None:
        if dy:
            self.gutter.scroll(0, dy)
        else:
            self.gutter.update(0, rect.y(), self.gutter.width(), rect.height())
        if rect.contains(self.viewport().rect()):
            self._update_gutter_width()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        cr = self.contentsRect()
        self.gutter.setGeometry(QRect(cr.left(), cr.top(), self.gutter_width(), cr.height()))

    def paint_gutter(self, event) -> None:
        p = QPainter(self.gutter)
        _mark_bg, gutter_bg, gutter_fg, gutter_mark = _colours()
        p.fillRect(event.rect(), gutter_bg)
        p.setFont(self.font())
        block = self.firstVisibleBlock()
        n = block.blockNumber()
        top = round(self.blockBoundingGeometry(block).translated(self.contentOffset()).top())
        bottom = top + round(self.blockBoundingRect(block).height())
        h = self.fontMetrics().height()
        w = self.gutter.width() - 6
        while block.isValid() and top <= event.rect().bottom():
            if block.isVisible() and bottom >= event.rect().top():
                marked = self.marked_line == n + 1
                p.setPen(gutter_mark if marked else gutter_fg)
                if marked:
                    f = p.font()
                    f.setBold(True)
                    p.setFont(f)
                p.drawText(0, top, w, h, int(Qt.AlignmentFlag.AlignRight), str(n + 1))
                if marked:
                    p.setFont(self.font())
            block = block.next()
            top = bottom
            bottom = top + round(self.blockBoundingRect(block).height())
            n += 1
        p.end()
