"""Run mode's heat tiles (app/views/heat_tile.py): the cells in the inspector's colours, the numbers in black or
white, whichever reads, and the drawing following the tile's size."""

from __future__ import annotations

import numpy as np
from PySide6.QtGui import QColor

from app import palette
from app.views.heat_tile import HeatTile
from app.views.inspector import colors as C


def test_black_or_white_numbers_as_best_text_chooses_them(qapp):
    """The numpy choice of ink agrees with palette.best_text on every fill, from black to white through the
    colours the tiles use."""
    rng = np.random.default_rng(0)
    fills = np.concatenate([rng.integers(0, 256, size=(400, 3)), [[0, 0, 0], [255, 255, 255], [128, 128, 128],
                                                                  [118, 118, 118], [119, 119, 119]]])
    fast = palette.black_reads_better(fills)
    slow = [palette.best_text(QColor(*map(int, f))) == palette.BLACK for f in fills]
    assert fast.tolist() == slow


def test_a_tile_writes_each_number_in_the_ink_that_reads_on_its_cell(qtbot):
    tile = HeatTile("w1 (2×3)")
    qtbot.addWidget(tile)
    values = np.array([[2.0, -2.0, 0.05], [0.0, 1.0, -0.3]])
    tile.set_values(values)
    rgb, _ = C.rgb(values)
    assert tile.numbers() == ["2", "-2", "0.05", "0", "1", "-0.3"]
    assert tile._inks == [palette.best_text(QColor(*map(int, c))) for c in rgb.reshape(-1, 3)]


def _cell_centres(tile, shape):
    """Where paintEvent puts each cell's centre, worked out from the tile's size as a reader would measure it."""
    rows, cols = shape
    line = tile.fontMetrics().height()
    top = line + 4
    avail_w, avail_h = max(1, tile.width() - 4), max(1, tile.height() - top - 2)
    cell = min(avail_w / cols, avail_h / rows)
    x0, y0 = (tile.width() - cell * cols) / 2, top + (avail_h - cell * rows) / 2
    return [(r, c, int(x0 + (c + 0.5) * cell), int(y0 + (r + 0.25) * cell)) for r in range(rows) for c in range(cols)]


def test_the_cells_follow_the_tile_when_it_is_resized(qtbot):
    """The layout is kept between paints but made again when the size changes: the colours are where the
    cells are at the new size."""
    tile = HeatTile("b1 (1×3)", numbers_up_to=0)
    qtbot.addWidget(tile)
    values = np.array([[1.0, -1.0, 0.25]])
    rgb, _ = C.rgb(values)
    for size in ((300, 120), (150, 260), (420, 90)):
        tile.resize(*size)
        tile.set_values(values)
        image = tile.grab().toImage()
        for r, c, x, y in _cell_centres(tile, values.shape):
            got = QColor(image.pixel(x, y))
            assert (got.red(), got.green(), got.blue()) == tuple(int(v) for v in rgb[r, c]), (size, r, c)
