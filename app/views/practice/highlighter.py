"""Python highlighting: Pygments tokens mapped to QTextCharFormat in a QSyntaxHighlighter.

Fast enough to re-highlight on every keystroke: Qt calls `highlightBlock` for the changed line only (and the
following ones while their state changes), and each call lexes that one line with
`get_tokens_unprocessed` (no preprocessing, so token offsets are offsets into the line). The only state
carried from line to line is "inside a triple-quoted string" (block state 1 for \"\"\", 2 for '''), enough for
docstrings spanning lines. Formats are resolved once per token type (walking up its parents) and cached.
Lines longer than MAX_LINE characters are left plain (the practice code itself is capped at
engine.io.session_file.MAX_PRACTICE_CODE characters, so opening a session highlights at most that much).

Also used read-only by the export dialog's preview (any Pygments lexer: Python, JSON).

Colours: the hand-picked light set below on a light palette; on a dark one the Pygments style named by
app/palette.py (github-dark), each colour nudged until it reads at 4.5:1 on the editor's background. A
palette change (View ▸ Theme) re-highlights the document.
"""

from __future__ import annotations

from pygments.lexers import PythonLexer
from pygments.styles import get_style_by_name
from pygments.token import Comment, Keyword, Name, Number, Operator, String, Token
from PySide6.QtGui import QColor, QFont, QSyntaxHighlighter, QTextCharFormat

from app import palette

NORMAL, IN_DQ, IN_SQ = 0, 1, 2
MAX_LINE = 2000  # longer lines stay plain: Pygments would take seconds on a line of megabytes
QUOTES = {IN_DQ: '"""', IN_SQ: "'''"}


def _fmt(color: str, bold: bool = False, italic: bool = False) -> QTextCharFormat:
    f = QTextCharFormat()
    f.setForeground(QColor(color))
    if bold:
        f.setFontWeight(QFont.Weight.Bold)
    if italic:
        f.setFontItalic(True)
    return f


STYLE = {
    Keyword: _fmt("#0000a0", bold=True),
    Keyword.Constant: _fmt("#0000a0", bold=True),
    Name.Builtin: _fmt("#7a1fa2"),
    Name.Builtin.Pseudo: _fmt("#7a1fa2"),
    Name.Function: _fmt("#005cc5", bold=True),
    Name.Class: _fmt("#005cc5", bold=True),
    Name.Decorator: _fmt("#7a1fa2"),
    Name.Exception: _fmt("#b31d28"),
    Name.Namespace: _fmt("#005cc5"),
    String: _fmt("#067d17"),
    String.Doc: _fmt("#067d17", italic=True),
    Number: _fmt("#1750eb"),
    Comment: _fmt("#6a737d", italic=True),
    Operator.Word: _fmt("#0000a0", bold=True),
    Token.Error: _fmt("#b31d28"),
}


def end_state(prev: int, text: str) -> int:
    """Whether `text` (one line) ends inside a triple-quoted string, given how the previous line ended."""
    state, i, n = prev if prev in QUOTES else NORMAL, 0, len(text)
    while i < n:
        if state != NORMAL:
            j = text.find(QUOTES[state], i)
            if j < 0:
                return state
            state, i = NORMAL, j + 3
            continue
        c = text[i]
        if c == "#":
            break
        if text.startswith('"""', i):
            state, i = IN_DQ, i + 3
        elif text.startswith("'''", i):
            state, i = IN_SQ, i + 3
        elif c in "\"'":
            j = i + 1
            while j < n and text[j] != c:
                j += 2 if text[j] == "\\" else 1
            i = j + 1
        else:
            i += 1
    return state


def _pygments_format(style, ttype, background: QColor) -> QTextCharFormat | None:
    d = style.style_for_token(ttype)
    if not d.get("color"):
        return None
    f = QTextCharFormat()
    f.setForeground(palette.readable(QColor("#" + d["color"]), background))
    if d.get("bold"):
        f.setFontWeight(QFont.Weight.Bold)
    if d.get("italic"):
        f.setFontItalic(True)
    return f


class PygmentsHighlighter(QSyntaxHighlighter):
    def __init__(self, document, lexer=None):
        super().__init__(document)
        self.lexer = lexer or PythonLexer()
        self._cache: dict = {}
        self._style_name = palette.current().code_style
        palette.follow(self, self._theme_changed)

    def _theme_changed(self) -> None:
        name = palette.current().code_style
        if name != self._style_name or name:
            self._style_name = name
            self._cache.clear()
            self.rehighlight()

    def format_for(self, ttype) -> QTextCharFormat | None:
        if ttype in self._cache:
            return self._cache[ttype]
        if self._style_name:
            f = _pygments_format(get_style_by_name(self._style_name), ttype, palette.current().canvas)
        else:
            t, f = ttype, None
            while t is not None:
                if t in STYLE:
                    f = STYLE[t]
                    break
                t = t.parent
        self._cache[ttype] = f
        return f

    def highlightBlock(self, text: str) -> None:
        prev = self.previousBlockState()
        if len(text) > MAX_LINE:
            self.setCurrentBlockState(prev if prev in QUOTES else NORMAL)
            return
        start = 0
        if prev in QUOTES:  # the line continues a triple-quoted string
            j = text.find(QUOTES[prev])
            end = len(text) if j < 0 else j + 3
            f = self.format_for(String.Doc)
            if f is not None:
                self.setFormat(0, end, f)
            start = end
        if start < len(text):
            rest = text[start:]
            for pos, ttype, value in self.lexer.get_tokens_unprocessed(rest):
                f = self.format_for(ttype)
                if f is not None and value:
                    self.setFormat(start + pos, len(value), f)
        self.setCurrentBlockState(end_state(prev, text))
