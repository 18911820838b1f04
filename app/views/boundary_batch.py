"""The mini-batch on the boundary plot: the rows of X in the batch on show, each ringed by a square, so the
learner sees which points this step learns from (app/shell/batch_actions.py steps them)."""

from __future__ import annotations

import pyqtgraph as pg

from app import palette
from app.views.plot_style import series_pen

from .boundary_points import cached


class BatchRings:
    """A ScatterPlotItem on `plot`'s plot item, following `session.batch_rows`."""

    def __init__(self, plot, session):
        self.plot, self.session = plot, session
        em = max(1.0, plot.fontMetrics().height() / 16)
        self.item = pg.ScatterPlotItem(size=15 * em, symbol="s", pen=series_pen(palette.current(), "marker", 1.5),
                                       brush=None)
        self.item.setZValue(6.5)
        cached(self.item)
        plot.plot_widget.getPlotItem().addItem(self.item)
        for sig in (session.trace_changed, session.network_changed, session.running_changed):
            sig.connect(lambda *_: self.refresh())
        self.refresh()

    def rows(self) -> list[int]:
        """The data rows ringed now."""
        rows = self.session.batch_rows
        return [] if rows is None else [int(r) for r in rows]

    def refresh(self) -> None:
        rows = self.rows()
        data = self.session.data
        if not rows or data.n_features not in (1, 2) or any(r >= data.n_samples for r in rows):
            self.item.setData([], [])
            return
        X = data.X[rows].double()
        y = X[:, 1] if data.n_features == 2 else data.y[rows][:, 0].double()
        self.item.setData(X[:, 0].numpy(), y.numpy())
