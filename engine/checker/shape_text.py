"""Shapes drawn under the code as text (the CLI's `check` report), and the row layout the app shares.

    place(items, width, gap)        labels centred under their anchors, in as few rows as do not overlap
    code_with_shapes(code, shapes)  the annotated lines, TensorSensor style:

       6  d_w2 = torch.matmul(torch.transpose(a1, 0, 1), d_l2) # 0,1 -> 행과 열 변경
                       2×1        2×4       4×2       4×1
       9  d_a1 = d_l2 @ w2
                 4×1     2×1
                      ^ (4×1) @ (2×1)

Columns are display columns: a tab moves to the next multiple of 4, a wide (CJK) character takes two.
"""

from __future__ import annotations

import unicodedata
from typing import Callable, Sequence, TypeVar

from .shape_notes import Shapes
from .shapes import split_lines

T = TypeVar("T")
TAB = 4
MAX_ROWS = 6


def place(items: Sequence[tuple[float, str, T]], width: Callable[[str], float], gap: float = 1.0,
          max_rows: int = MAX_ROWS) -> tuple[list[list[tuple[float, str, T]]], list[T]]:
    """Each (centre, label, item) centred at `centre` (never left of 0), in the first row where it keeps
    `gap` from the labels already there, left to right; a label may move right by up to a third of its
    width to stay in a row (it still covers its anchor). Returns the rows of (left, label, item) and the
    items that did not fit in `max_rows` rows."""
    rows: list[list[tuple[float, str, T]]] = []
    ends: list[float] = []
    left_out: list[T] = []
    for centre, text, item in sorted(items, key=lambda t: t[0]):
        w = width(text)
        left = max(0.0, centre - w / 2)
        for r, end in enumerate(ends):
            at = max(left, end + gap)
            if at - left <= w / 3:
                rows[r].append((at, text, item))
                ends[r] = at + w
                break
        else:
            if len(rows) >= max_rows:
                left_out.append(item)
                continue
            rows.append([(left, text, item)])
            ends.append(left + w)
    return rows, left_out


def display_columns(line: str) -> list[int]:
    """The display column where each character of `line` starts, and where the line ends (one more)."""
    cols, c = [], 0
    for ch in line:
        cols.append(c)
        if ch == "\t":
            c += TAB - c % TAB
        elif unicodedata.east_asian_width(ch) in "WF":
            c += 2
        elif unicodedata.category(ch) in ("Mn", "Me", "Cf"):
            c += 0
        else:
            c += 1
    cols.append(c)
    return cols


def _shown_line(line: str) -> str:
    """The line as printed: tabs expanded, control characters as · (the columns stay those of
    display_columns)."""
    out, c = [], 0
    for ch in line:
        if ch == "\t":
            n = TAB - c % TAB
            out.append(" " * n)
            c += n
            continue
        if unicodedata.category(ch) == "Cc":
            ch = "·"
        out.append(ch)
        c += 2 if unicodedata.east_asian_width(ch) in "WF" else (0 if unicodedata.category(ch) in
                                                                  ("Mn", "Me", "Cf") else 1)
    return "".join(out)


def _put(row: list[str], at: int, text: str) -> None:
    while len(row) < at + len(text):
        row.append(" ")
    row[at:at + len(text)] = list(text)


def code_with_shapes(code: str, shapes: Shapes | None, indent: str = "  ") -> list[str]:
    """The learner's lines that evaluated a tensor, each followed by rows of shape labels under its
    operators and names; the failing operation (if any) marked with ^ and its operands' shapes."""
    if shapes is None:
        return []
    lines = split_lines(code)
    shown = shapes.shown()
    err = shapes.error
    wanted = sorted(set(shown) | ({err.line} if err is not None else set()))
    number_width = max((len(str(n)) for n in wanted), default=1)
    out = []
    for n in wanted:
        if not 0 < n <= len(lines):
            continue
        src = lines[n - 1]
        cols = display_columns(src)

        def col(i: int) -> int:
            return cols[min(max(i, 0), len(src))]

        prefix = f"{indent}{n:>{number_width}}  "
        out.append((prefix + _shown_line(src)).rstrip())
        items = [((col(x.anchor_start) + col(x.anchor_end)) / 2, x.label, x) for x in shown.get(n, [])]
        rows, left_out = place(items, len)
        for r, row in enumerate(rows):
            chars: list[str] = []
            for left, text, _note in row:
                _put(chars, round(left), text)
            more = f"  (+{len(left_out)} more)" if left_out and r == len(rows) - 1 else ""
            out.append((" " * len(prefix) + "".join(chars)).rstrip() + more)
        if err is not None and err.line == n:
            a, b = col(err.anchor_start), col(err.anchor_end)
            out.append(" " * (len(prefix) + a) + "^" * max(1, b - a) + " " + err.summary())
    return out
