"""Number formatting for the inspector. Pure Python, no Qt.

`num` (4 significant digits) is used in expansions, `cell` (at most 9 characters) inside matrix cells.
Negative numbers use the minus sign "−" (U+2212); `factor` wraps them in parentheses so that
"0.9526·(−0.2415)" reads unambiguously.
"""

from __future__ import annotations

import math

MINUS = "−"


def _finite_text(v: float) -> str | None:
    if math.isnan(v):
        return "NaN"
    if math.isinf(v):
        return "∞" if v > 0 else MINUS + "∞"
    return None


def num(v: float) -> str:
    """4 significant digits: 0.4419, −0.2415, 1.234e−05."""
    v = float(v)
    special = _finite_text(v)
    if special is not None:
        return special
    if v == 0:
        return "0"
    return f"{v:.4g}".replace("-", MINUS)


def factor(v: float) -> str:
    """`num`, parenthesised when negative: a factor in a product or a term after "+"."""
    t = num(v)
    return f"({t})" if t.startswith(MINUS) else t


def cell(v: float) -> str:
    """A short form for a matrix cell: at most 9 characters."""
    v = float(v)
    special = _finite_text(v)
    if special is not None:
        return special
    if v == 0:
        return "0"
    a = abs(v)
    text = f"{v:.1e}" if (a < 1e-3 or a >= 1e4) else f"{v:.4g}"
    return text.replace("-", MINUS)


WIDEST_CELL = MINUS + "0.001234"  # for measuring a cell's width


def shape(shape: tuple[int, ...]) -> str:
    """(4×2), (2,) or () for a scalar, as the engine writes shapes."""
    if len(shape) == 0:
        return "()"
    if len(shape) == 1:
        return f"({shape[0]},)"
    return "(" + "×".join(str(n) for n in shape) + ")"
