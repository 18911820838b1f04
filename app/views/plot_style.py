"""The plots' theme: background, axes, tick labels, legends and the curves' pens from app/palette.py, set
again whenever the application palette changes (View ▸ Theme), and label colours that follow it too.

    style_plot(widget, plot_items, pens=None)   plot_items' axes and legends; `pens` is a callable that
                                                sets the curves' pens from a palette.Colours
    series_pen(colours, name, width=2, dash=False)
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import Qt

from app import palette


def device_ratio() -> float:
    """Device pixels per pixel of the screens (2 at QT_SCALE_FACTOR=2 or on a 200 % display)."""
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance()
    return max(1.0, app.devicePixelRatio()) if app is not None else 1.0


def series_pen(colours: palette.Colours, name: str, width: float = 2, dash: bool = False):
    """A curve's pen. pyqtgraph's pens are cosmetic, drawn `width` *device* pixels wide: the width is
    multiplied by the device pixel ratio so a curve is as thick at scale 2 as at scale 1."""
    return pg.mkPen(color=colours.series[name], width=width * device_ratio(),
                    style=Qt.PenStyle.DashLine if dash else Qt.PenStyle.SolidLine)


def _apply(widget, plot_items, pens) -> None:
    t = palette.current()
    widget.setBackground(t.canvas)
    for pi in plot_items:
        for name in pi.axes:
            axis = pi.getAxis(name)
            axis.setPen(pg.mkPen(t.muted))
            axis.setTextPen(pg.mkPen(t.text))
        legend = getattr(pi, "legend", None)
        if legend is not None:
            legend.setLabelTextColor(t.text)
            for _sample, label in legend.items:
                label.setText(label.text, color=t.text)
    if pens is not None:
        pens(t)


def style_plot(widget, plot_items, pens=None) -> None:
    """Theme `widget` (a PlotWidget or GraphicsLayoutWidget) and `plot_items` now and after every palette
    change."""
    _apply(widget, plot_items, pens)
    palette.follow(widget, lambda: _apply(widget, plot_items, pens))
