"""Colours of the inspector: values by sign and size (the weights editor's blue/red), and one colour per
kind of highlight, used the same way in matrices, captions and the diagram so the eye can link them."""

from __future__ import annotations

import numpy as np
from PySide6.QtGui import QColor

POSITIVE = (33, 102, 172)  # blue, as app.models.matrix_model
NEGATIVE = (178, 24, 43)  # red
NONFINITE = (170, 170, 170)

INNER = QColor(230, 97, 1)  # a matmul's inner dimension: in both operands and in the shape captions
INNER_BG = QColor(253, 224, 196)
SUM = QColor(84, 39, 136)  # the axis a batch sum adds up
SUM_BG = QColor(226, 218, 240)
SAMPLE = QColor(230, 171, 2)  # the followed sample
SAMPLE_FILL = QColor(255, 214, 0, 80)
MARK = QColor(27, 158, 119)  # where the expanded cell came from
MARK_FILL = QColor(27, 158, 119, 40)
SELECTED = QColor(20, 20, 20)  # the expanded cell
PARAM = QColor(231, 41, 138)  # a cell selected elsewhere (diagram, weights editor)
GHOST_ALPHA = 0.35  # broadcast copies are drawn this strongly
OK, WARN, BAD = QColor(26, 152, 80), QColor(217, 140, 0), QColor(215, 48, 39)
LEVEL = {"ok": OK, "warn": WARN, "suspect": WARN, "bad": BAD, "wrong": BAD}


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
    """(rows × cols × 3 uint8 colours blended on white, rows × cols opacity 0 … 1) for a matrix.

    Opacity grows with |v| from 0.12 to 0.9 (exact zeros are white); NaN and ±inf are grey. Rows from
    `ghost_rows_from` on (a broadcast's copies) are drawn faded."""
    v = np.asarray(values, dtype=np.float64)
    s = strength(v)
    alpha = np.where(v == 0, 0.0, 0.12 + 0.78 * s)
    if ghost_rows_from is not None:
        alpha[ghost_rows_from:] *= GHOST_ALPHA
    base = np.where((v >= 0)[..., None], np.array(POSITIVE, float), np.array(NEGATIVE, float))
    out = 255.0 - alpha[..., None] * (255.0 - base)
    bad = ~np.isfinite(v)
    if bad.any():
        out[bad] = NONFINITE
        alpha[bad] = 0.5
    return out.astype(np.uint8), alpha
