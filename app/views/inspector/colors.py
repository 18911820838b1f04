"""Colours of the inspector: values by sign and size (the weights editor's blue/red), and one colour per
kind of highlight, used the same way in matrices, captions and the diagram so the eye can link them.

The colours themselves live in app/palette.py (a light and a dark set); `C.INNER`, `C.POSITIVE`… read the set
of the current application palette each time, so a view that repaints after a theme change gets the other set.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtGui import QColor

from app import palette

GHOST_ALPHA = 0.35  # broadcast copies are drawn this strongly

_NAMES = {"POSITIVE": "positive", "NEGATIVE": "negative", "NONFINITE": "nonfinite", "INNER": "inner",
          "INNER_BG": "inner_bg", "SUM": "sum", "SUM_BG": "sum_bg", "SAMPLE": "sample",
          "SAMPLE_FILL": "sample_fill", "MARK": "mark", "MARK_FILL": "mark_fill", "SELECTED": "selected",
          "PARAM": "param", "OK": "ok", "WARN": "warn", "BAD": "bad", "PENDING": "pending",
          "CANVAS": "canvas", "TEXT": "text", "MUTED": "muted", "GRID": "grid"}


def __getattr__(name: str):
    if name in _NAMES:
        return getattr(palette.current(), _NAMES[name])
    if name == "LEVEL":
        c = palette.current()
        return {"ok": c.ok, "warn": c.warn, "suspect": c.warn, "bad": c.bad, "wrong": c.bad}
    raise AttributeError(name)


def hex_of(c: QColor) -> str:
    return c.name()


def strength(values: np.ndarray) -> np.ndarray:
    """0 … 1 per cell: |v| / max |v| of the matrix (0 for exact zeros), finite cells only."""
    a = np.abs(values)
    finite = np.isfinite(a)
    m = float(a[finite].max()) if finite.any() else 0.0
    out = np.zeros_like(a)
    if m > 0:
        np.divide(a, m, out=out, where=finite)
    return out


def rgb(values: np.ndarray, ghost_rows_from: int | None = None) -> tuple[np.ndarray, np.ndarray]:
    """(rows × cols × 3 uint8 colours blended on the canvas colour, rows × cols opacity 0 … 1) for a matrix.

    Opacity grows with |v| from 0.12 to 0.9 (exact zeros are the canvas colour); NaN and ±inf are grey. Rows
    from `ghost_rows_from` on (a broadcast's copies) are drawn faded."""
    c = palette.current()
    canvas = c.canvas
    v = np.asarray(values, dtype=np.float64)
    s = strength(v)
    alpha = np.where(v == 0, 0.0, 0.12 + 0.78 * s)
    if ghost_rows_from is not None:
        alpha[ghost_rows_from:] *= GHOST_ALPHA
    base = np.where((v >= 0)[..., None], np.array(c.positive, float), np.array(c.negative, float))
    on = np.array([canvas.red(), canvas.green(), canvas.blue()], float)
    out = on + alpha[..., None] * (base - on)
    bad = ~np.isfinite(v)
    if bad.any():
        out[bad] = c.nonfinite
        alpha[bad] = 0.5
    return np.round(out).astype(np.uint8), alpha
