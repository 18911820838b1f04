"""Caption helpers of the equation view: shapes with the inner or summed dimension coloured, the shape
check with its ✓, line wrapping, heat-map sizes, and where a parameter cell sits in a drawn matrix."""

from __future__ import annotations

import html
import re
import textwrap
import unicodedata

from . import colors as C
from .plan import AS_ROW, BROADCAST, COL, MATRIX, ROW, Term

WRAP = 150  # characters per line of the explanations (wrapped here: QLabel word wrap costs a layout pass)
NOTE_WIDTH = 22  # characters per line of a matrix's note (narrow: five matrices side by side fit 1366 px)
HEAT_LEN = 420.0  # pixels of the longest axis in a heat map


def esc(s: str) -> str:
    return html.escape(s, quote=False)


def columns(text: str) -> int:
    """The width of `text` in columns of an average Latin letter: Hangul, CJK and other wide characters take
    two (so Korean wraps to the real width, not to its character count)."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def wrap(text: str, width: int) -> str:
    """Line breaks at word boundaries (at most `width` columns a line), keeping the text's own line breaks."""
    def fill(line: str) -> str:
        if line.isascii():
            return textwrap.fill(line, width, break_long_words=False, break_on_hyphens=False)
        out, cur, used = [], "", 0
        for word in line.split(" "):
            w = columns(word)
            if cur and used + 1 + w > width:
                out.append(cur)
                cur, used = word, w
            else:
                cur, used = (f"{cur} {word}", used + 1 + w) if cur else (word, w)
        out.append(cur)
        return "\n".join(out)

    return "\n".join(fill(line) if columns(line) > width else line for line in text.split("\n"))


def wrap_sum(text: str, width: int, first: int = 0, indent: int = 6) -> str:
    """A long sum "a + b + c …" broken before a " + " into lines of at most `width` characters (the first
    line has `first` characters before it; later lines are indented)."""
    terms = text.split(" + ")
    lines, cur = [], terms[0]
    room = width - first
    for t in terms[1:]:
        if len(cur) + 3 + len(t) > room:
            lines.append(cur)
            cur, room = "+ " + t, width - indent
        else:
            cur += " + " + t
    lines.append(cur)
    return ("\n" + " " * indent).join(lines)


def heat_len(n: int, longest: int) -> float:
    """Pixels for an axis of n cells in a heat map: monotone in n (equal axes line up), small axes visible."""
    return min(24.0 * n, max(HEAT_LEN * (n / longest) ** 0.4, 10.0))


def param_cells(t: Term, row: int, col: int) -> list[tuple[int, int]]:
    """Drawn cells of term `t` that are parameter cell (row, col) (bias: row 0, col = unit)."""
    rows, cols = t.values.shape
    if t.layout == BROADCAST:
        return [(n, col) for n in range(rows)] if col < cols else []
    if t.layout == AS_ROW:
        return [(0, col)] if col < cols else []
    if t.layout == MATRIX:
        r, c = (col, row) if t.transposed else (row, col)
        return [(r, c)] if r < rows and c < cols else []
    return [(0, 0)]


def shape_plain(shape: tuple[int, ...]) -> str:
    if len(shape) == 1:
        return f"({shape[0]},)"
    return "(" + "×".join(str(x) for x in shape) + ")"


def shape_html(t: Term) -> str:
    shape = t.own_shape if t.broadcast else t.shown_shape
    if len(shape) != 2:
        return esc("(" + ",".join(str(s) for s in shape) + ("," if len(shape) == 1 else "") + ")")
    a, b = (str(x) for x in shape)
    if t.inner_axis == COL:
        b = f"<b style='color:{C.INNER.name()}'>{b}</b>"
    elif t.inner_axis == ROW:
        a = f"<b style='color:{C.INNER.name()}'>{a}</b>"
    if t.sum_axis == ROW:
        a = f"<b style='color:{C.SUM.name()}'>{a}</b>"
    return f"({a}×{b})"


_PRODUCT = re.compile(r"^\((\d+)×(\d+)\) @ \((\d+)×(\d+)\)")


def check_html(text: str) -> str:
    s = esc(text)
    inner = C.INNER.name()
    s = _PRODUCT.sub(lambda m: f"({m.group(1)}×<b style='color:{inner}'>{m.group(2)}</b>) @ "
                               f"(<b style='color:{inner}'>{m.group(3)}</b>×{m.group(4)})", s)
    return s.replace("✓", f"<b style='color:{C.OK.name()}'>✓</b>")
