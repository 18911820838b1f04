"""The digits' confusion matrix as the learner sees it, read from its pixels: both titles level and whole in
English and Korean, and drawn in the light or dark palette like every other plot."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtGui import QColor, QFontMetricsF, QImage
from PySide6.QtWidgets import QApplication

from app import palette
from app.i18n import install_translator, tr
from app.views.classify.confusion_view import ConfusionView

COUNTS = np.diag([170, 179, 175, 178, 177, 178, 178, 176, 164, 176]) + np.eye(10, k=1, dtype=np.int64) * 2


def pixels(w) -> np.ndarray:
    """The widget as it is on screen: (h, w, 3) uint8, device pixels = widget pixels (offscreen, ratio 1)."""
    img = w.grab().toImage().convertToFormat(QImage.Format.Format_RGB888)
    a = np.frombuffer(img.constBits(), np.uint8, img.bytesPerLine() * img.height())
    a = a.reshape(img.height(), img.bytesPerLine())[:, : 3 * img.width()]
    return a.reshape(img.height(), img.width(), 3).copy()  # (while img still holds the bytes)


def shown(qtbot, size=(380, 300)) -> ConfusionView:
    """A 10×10 matrix at about the boundary pane's size at 1366×768."""
    v = ConfusionView()
    qtbot.addWidget(v)
    v.set_counts(COUNTS, [str(k) for k in range(10)])
    v.resize(*size)
    v.show()
    qtbot.waitExposed(v)
    return v


def ink_box(img: np.ndarray, bg, x: tuple[int, int], y: tuple[int, int]):
    """(left, top, right, bottom) of the pixels unlike the background `bg` in the region x × y, or None."""
    part = img[y[0]:y[1], x[0]:x[1]].astype(int)
    ys, xs = np.nonzero(np.abs(part - np.array(bg)).sum(2) > 60)
    if not len(xs):
        return None
    return x[0] + xs.min(), y[0] + ys.min(), x[0] + xs.max(), y[0] + ys.max()


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_the_true_class_title_reads_level_above_the_row_labels_and_whole(qtbot, lang):
    """"true class" was turned on its side down the left edge (Korean "실제 클래스" lay on its side); now it is
    written level in the title row, over the row labels, all of it inside the picture."""
    install_translator(QApplication.instance(), lang)
    v = shown(qtbot)
    g = v.plan()
    img = pixels(v)
    bg = img[1, v.width() - 2]
    x0, y0, line = int(g.x0), int(g.y0), QFontMetricsF(v.font()).height() + 2  # (antialiasing)
    title = ink_box(img, bg, (0, x0), (0, int(g.rows_title.bottom())))
    assert title is not None  # the title is in the corner above the row labels
    left, top, right, bottom = title
    assert right - left > 2 * (bottom - top) and bottom - top <= line  # level: one line, wider than tall
    assert left >= 1 and right < x0  # whole, and not on the matrix
    assert g.rows_title.width() >= QFontMetricsF(v.font()).horizontalAdvance(tr("true class"))
    # below the titles, left of the matrix, only the row labels (a narrow column by the matrix): no title
    # running down the left edge
    labels = ink_box(img, bg, (0, x0), (y0, v.height()))
    assert labels is not None and labels[2] - labels[0] < line
    # the columns' title level over the columns, beside (not over) the rows' title
    answer = ink_box(img, bg, (x0, v.width()), (0, int(g.columns_title.bottom())))
    assert answer is not None and answer[3] - answer[1] <= line and answer[0] > right


@pytest.mark.parametrize("theme", ["dark", "light"])
def test_drawn_in_the_palettes_colours_and_repainted_when_it_changes(qtbot, theme):
    """The matrix was painted on white whatever the theme: now on the canvas every plot is drawn on, its
    titles, labels and counts at 4.5:1 or more on what they are drawn on, the other set after a switch."""
    palette.apply_theme(theme)
    try:
        v = shown(qtbot)
        t, g = palette.current(), v.plan()
        img = pixels(v)
        canvas = t.canvas
        assert tuple(img[1, v.width() - 2]) == (canvas.red(), canvas.green(), canvas.blue())
        for r, c in [(0, 0), (0, 1), (0, 5)]:  # right, a mix-up, an empty cell
            fill, text = v.cell_colours(r, c)
            x, y = int(g.x0 + c * g.cell) + 3, int(g.y0 + r * g.cell) + 3
            assert tuple(img[y, x]) == (fill.red(), fill.green(), fill.blue())
            assert palette.contrast(text, fill) >= 4.5
        assert palette.contrast(*v.cell_colours(0, 0)[::-1]) >= 4.5
        # the titles' strongest pixel (the pen, where antialiasing leaves it whole) on the canvas
        corner = img[: int(g.y0), :].astype(int)
        far = np.abs(corner - np.array(img[1, v.width() - 2], dtype=int)).sum(2).argmax()
        ink = QColor(*(int(x) for x in corner.reshape(-1, 3)[far]))
        assert palette.contrast(ink, canvas) >= 4.5
        # the other theme: the colours are the palette's at each paint, none kept from when it was built
        palette.apply_theme("light" if theme == "dark" else "dark")
        other = palette.current().canvas
        assert other != canvas
        assert tuple(pixels(v)[1, v.width() - 2]) == (other.red(), other.green(), other.blue())
    finally:
        palette.apply_theme("system")


@pytest.mark.parametrize("size", [(380, 300), (260, 180), (230, 150), (200, 110)])
def test_counts_fit_their_cells_or_are_left_to_the_tooltip(qtbot, size):
    """Squeezed by a tall panel (a split's row choice and the status bar's number above it), the cells got
    smaller than the 3-digit counts, which were cut ("179" read "7"): the counts shrink with the cells, and
    where they would be too small to read they are not drawn; hovering a cell gives its count either way."""
    from PySide6.QtCore import QEvent, QPoint
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QToolTip

    v = shown(qtbot, size)
    g = v.plan()
    font = v.count_font(g.cell)
    if font is not None:
        assert QFontMetricsF(font).horizontalAdvance("179") <= g.cell - 3
        assert font.pointSizeF() >= 5.5
    else:
        assert g.cell < 14  # only below the cells the layout is asked for
    img = pixels(v)
    # "179" (row 1's right answers) whole or not at all: Qt clips a cell's text to the cell, which cut
    # "179" to "7" in small cells; no ink in the cell's first and last columns inside its lines
    x, y, c = int(round(g.x0 + g.cell)), int(round(g.y0 + g.cell)), int(g.cell)
    fill = v.cell_colours(1, 1)[0]
    inside = img[y + 2:y + c - 1, x + 1:x + c].astype(int)
    ink = np.abs(inside - np.array([fill.red(), fill.green(), fill.blue()])).sum(2) > 60
    assert not ink[:, :2].any() and not ink[:, -2:].any()
    # the tooltip of row 8's answer 8
    at = QPoint(int(g.x0 + 8.5 * g.cell), int(g.y0 + 8.5 * g.cell))
    assert v.tooltip_at(at.x(), at.y()) == "true class 8, the network's answer 8: 164"
    QApplication.sendEvent(v, QHelpEvent(QEvent.Type.ToolTip, at, v.mapToGlobal(at)))
    qtbot.waitUntil(lambda: QToolTip.isVisible() and QToolTip.text().endswith(": 164"))
    QToolTip.hideText()
