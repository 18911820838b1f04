"""Fitting the equation to the inspector's width: each matrix's cells sized for its numbers, smaller type
before anything else, colours only (the numbers on hover) when not even the smallest type fits, heat maps
drawn smaller until they fit, and, last, the widest matrices scrolled inside their own frames: the
explanation pane itself never scrolls sideways (a 2→64→64→64→3 network at 1366 px wide).

    fit_equation(blocks, ops, plan, display, room, measure=None)
        display: AUTO, NUMBERS or HEAT; room: px available; measure() -> the equation's width as laid out
        (its grid's own answer; without it, an estimate from the matrices, operators and spacing)
"""

from __future__ import annotations

from .captions import heat_len

AUTO, NUMBERS, HEAT = "auto", "numbers", "heat"
AUTO_NUMBERS_MAX = 12  # Auto draws numbers while no axis of the equation is longer than this
FONT_SCALES = (1.0, 0.88, 0.78)  # the numbers' sizes tried, largest first, until the equation fits
SPACING = 6  # px between the grid's columns (app/views/inspector/equation.py)
MIN_ZOOM = 0.35  # heat maps are drawn down to this fraction of their size before a matrix scrolls
MIN_VIEW = 48  # px: the narrowest a matrix's frame is squeezed to (it scrolls inside)


def fit_equation(blocks, ops, plan, display: str, room: int, measure=None) -> float:
    """Size the matrices to fit `room` px; the equation's width."""
    def size(heat: bool, scale: float, zoom: float = 1.0) -> float:
        estimate = size_blocks(blocks, ops, heat, longest, scale, zoom)
        return measure() if measure is not None else estimate

    longest = max(d for t in plan.terms for d in t.values.shape)
    heat = display == HEAT or (display == AUTO and longest > AUTO_NUMBERS_MAX)
    if not heat:
        for scale in FONT_SCALES:
            width = size(False, scale)
            if width <= room:
                return width
        heat = display == AUTO
    if heat:
        zoom = 1.0
        width = size(True, 1.0, zoom)
        for _ in range(4):  # the labels beside the maps do not shrink: a few rounds converge
            if width <= room or zoom <= MIN_ZOOM:
                break
            zoom = max(MIN_ZOOM, zoom * room / width * 0.98)
            width = size(True, 1.0, zoom)
    if width > room:
        width = squeeze(blocks, width, room, measure)
    return width


def squeeze(blocks, width: float, room: float, measure=None) -> float:
    """Narrow the widest matrices' frames (each scrolls inside itself) until the equation fits `room`."""
    for blk in sorted(blocks, key=lambda b: -b.scroll.width()):
        if width <= room:
            break
        before = slot_width(blk)
        blk.fit(max(MIN_VIEW, int(blk.scroll.width() - (width - room)) - 1))
        width = measure() if measure is not None else width - (before - slot_width(blk))
    return width


def slot_width(blk) -> float:
    return max(blk.box.sizeHint().width(), blk.origin_label.sizeHint().width(),
               blk.note_label.sizeHint().width())


def size_blocks(blocks, ops, heat: bool, longest: int, scale: float, zoom: float = 1.0) -> float:
    """Size every visible matrix; the equation's width (matrices, operators and spacing) in px. `zoom`
    scales heat maps."""
    width = 0.0
    for blk in blocks:
        cv = blk.canvas
        cv.set_font_scale(scale)
        rows, cols = cv.values.shape
        if heat:
            cw, ch = heat_len(cols, longest) * zoom / cols, heat_len(rows, longest) * zoom / rows
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
        width += slot_width(blk)
    return width + sum(o.sizeHint().width() for o in ops if o.text()) + SPACING * 2 * len(blocks)
