"""The plots' theme: background, axes, tick labels, legends and the curves' pens from app/palette.py, set
again whenever the application palette changes (View ▸ Theme), and label colours that follow it too.

    style_plot(widget, plot_items, pens=None)   plot_items' axes and legends; `pens` is a callable that
                                                sets the curves' pens from a palette.Colours
    axis_title(plot_item, text)                 the y axis's title, written horizontally above the plot
    LogAxis(orientation="left")                 a log axis labelled at 1, 2 and 5 times the powers of ten
    series_pen(colours, name, width=2, dash=False)
"""

from __future__ import annotations

import math

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
        title = pi.titleLabel
        if title.isVisible() and title.text:
            title.setText(title.text, color=t.text)
        legend = getattr(pi, "legend", None)
        if legend is not None:
            legend.setLabelTextColor(t.text)
            for _sample, label in legend.items:
                label.setText(label.text, color=t.text)
    if pens is not None:
        pens(t)


class LogAxis(pg.AxisItem):
    """A log-scale axis whose tick labels are 1, 2 and 5 times a power of ten only: the 3, 4, 6, 7, 8 and 9 of
    a decade crowd into each other on a short plot (their ticks stay). Where that would leave fewer than two
    labels (a range inside one decade, 0.75 to 1.8), every tick keeps its label: there are few of them."""

    def logTickStrings(self, values, scale, spacing):
        strings = super().logTickStrings(values, scale, spacing)
        kept = [s if round(10 ** (v % 1), 6) in (1.0, 2.0, 5.0, 10.0) else ""
                for v, s in zip(values, strings)]
        return kept if sum(1 for s in kept if s) >= 2 else strings


def axis_title(plot_item, text: str) -> None:
    """Title the y axis of `plot_item` with `text`, written horizontally in the row above the plot, at its
    left edge, instead of turned on its side beside the axis: rotated, Korean (and any CJK script) lies on
    its side and is hard to read, and the row costs only one line of height. "" removes the title."""
    from PySide6.QtGui import QFontMetrics
    from PySide6.QtWidgets import QApplication

    plot_item.getAxis("left").showLabel(False)
    label = plot_item.titleLabel
    if not text:
        plot_item.setTitle(None)
        return
    font = QApplication.font()  # the size of the rest of the window's text (pyqtgraph's titles are 11pt)
    size = f"{font.pointSizeF():g}pt" if font.pointSizeF() > 0 else f"{font.pixelSize()}px"
    label.setText(text, justify="left", size=size, color=palette.current().text)
    # the row as tall as the text's line (less the text item's margin below it): Korean falls back to a CJK
    # font whose line is taller than the window font's, and would otherwise reach over the plot's top
    item = label.item
    height = max(QFontMetrics(font).height() + 4,
                 math.ceil(item.boundingRect().height() - item.document().documentMargin()))
    label.setMaximumHeight(height)
    plot_item.layout.setRowFixedHeight(0, height)
    label.setVisible(True)


def style_plot(widget, plot_items, pens=None) -> None:
    """Theme `widget` (a PlotWidget or GraphicsLayoutWidget) and `plot_items` now and after every palette
    change."""
    _apply(widget, plot_items, pens)
    palette.follow(widget, lambda: _apply(widget, plot_items, pens))
