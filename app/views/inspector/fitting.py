"""Fitting the equation to the inspector's width: each matrix's cells sized for its numbers, smaller type
before a sideways scroll, and colours only (the numbers on hover) when not even the smallest type fits.

    fit_equation(blocks, ops, plan, display, room)    display: AUTO, NUMBERS or HEAT; room: px available
"""

from __future__ import annotations

from .captions import heat_len

AUTO, NUMBERS, HEAT = "auto", "numbers", "heat"
AUTO_NUMBERS_MAX = 12  # Auto draws numbers while no axis of the equation is longer than this
FONT_SCALES = (1.0, 0.88, 0.78)  # the numbers' sizes tried, largest first, until the equation fits
SPACING = 6  # px between the grid's columns (app/views/inspector/equation.py)


def fit_equation(blocks, ops, plan, display: str, room: int) -> None:
    longest = max(d for t in plan.terms for d in t.values.shape)
    if display == HEAT or (display == AUTO and longest > AUTO_NUMBERS_MAX):
        size_blocks(blocks, ops, True, longest, 1.0)
        return
    for scale in FONT_SCALES:
        if size_blocks(blocks, ops, False, longest, scale) <= room:
            return
    if display == AUTO:
        size_blocks(blocks, ops, True, longest, 1.0)


def size_blocks(blocks, ops, heat: bool, longest: int, scale: float) -> float:
    """Size every visible matrix; the equation's width (matrices, operators and spacing) in px."""
    width = 0.0
    for blk in blocks:
        cv = blk.canvas
        cv.set_font_scale(scale)
        rows, cols = cv.values.shape
        if heat:
            cw, ch = heat_len(cols, longest) / cols, heat_len(rows, longest) / rows
        else:
            cw, ch = cv.number_cell_size()
        cv.set_mode(heat, cw, ch)
        if blk.term.transposed:
            o = blk.origin
            o.set_font_scale(scale)
            if heat:
                o.set_mode(True, ch * 0.6, cw * 0.6)
            else:
                ow, oh = o.number_cell_size()
                o.set_mode(False, ow, oh)
        blk.fit()
        width += max(blk.box.sizeHint().width(), blk.origin_label.sizeHint().width(),
                     blk.note_label.sizeHint().width())
    return width + sum(o.sizeHint().width() for o in ops if o.text()) + SPACING * 2 * len(blocks)
