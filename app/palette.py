"""The colours that carry meaning (sign, transposed, broadcast, summed axis, followed sample, ok / wrong,
misclassified…) in one place, as a light and a dark set, and the theme the window is drawn in.

The set is chosen by the application palette's window colour: a dark window (as a KDE or GNOME dark theme,
or View ▸ Theme ▸ Dark, gives) picks DARK. Neutral colours (the canvas a matrix or plot is drawn on, its text)
come from the palette itself, so a system's own dark grey is kept.

Public API:
    current() -> Colours             the set for the application palette now
    is_dark(palette=None) -> bool
    best_text(fill) -> QColor        black or white, whichever reads better on `fill` (WCAG contrast ≥ 4.58)
    black_reads_better(rgb) -> array the same choice for an array of (r, g, b) fills, in numpy
    contrast(a, b) -> float          WCAG 2 contrast ratio of two colours (1 … 21)
    blend(base_rgb, alpha, on) -> (r, g, b)
    apply_theme(choice)              "system" | "light" | "dark": Fusion with a light or dark palette, or the
                                     style the application started with and the platform's palette
    style_label(label, kind)         "error" | "success" | "muted" text on the window, following the theme
    watcher().changed                emitted after the application palette changed (views repaint with the
                                     other set)
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtGui import QColor, QGuiApplication, QPalette

THEMES = ("system", "light", "dark")
RGB = tuple[int, int, int]


@dataclass(frozen=True)
class Colours:
    dark: bool
    positive: RGB  # values ≥ 0 (the weights editor's blue)
    negative: RGB  # values < 0 (red)
    nonfinite: RGB  # NaN, ±inf
    inner: QColor  # a matmul's inner dimension, in both operands and the shape captions
    inner_bg: QColor
    sum: QColor  # the axis a batch sum adds up
    sum_bg: QColor
    sample: QColor  # the followed sample
    sample_fill: QColor
    mark: QColor  # where the expanded cell came from
    mark_fill: QColor
    selected: QColor  # the expanded cell
    param: QColor  # a cell selected elsewhere
    ok: QColor
    warn: QColor
    bad: QColor
    pending: QColor  # an edge or badge not computed yet
    status_bg: dict = field(default_factory=dict)  # verdict status → background
    status_fg: dict = field(default_factory=dict)  # verdict status → text
    series: dict = field(default_factory=dict)  # plot curve → (r, g, b)
    error: str = "#b2182b"  # text of an error message on the window colour
    success: str = "#146428"
    code_style: str = ""  # a Pygments style for the code editor; "" = the editor's own light colours

    # neutral colours from the application palette ------------------------------------------------
    @property
    def canvas(self) -> QColor:
        """What matrices, the diagram and the plots are drawn on (the palette's Base)."""
        return _palette().color(QPalette.ColorRole.Base)

    @property
    def text(self) -> QColor:
        return _palette().color(QPalette.ColorRole.Text)

    @property
    def muted(self) -> QColor:
        """Secondary text (indices, notes): between text and canvas, still ≥ 4.5:1 on the canvas."""
        return mix(self.text, self.canvas, 0.35)

    @property
    def grid(self) -> QColor:
        return mix(self.text, self.canvas, 0.75)

    def sign_rgb(self, value: float) -> RGB:
        return self.positive if value >= 0 else self.negative


LIGHT = Colours(
    dark=False,
    positive=(33, 102, 172), negative=(178, 24, 43), nonfinite=(170, 170, 170),
    inner=QColor(230, 97, 1), inner_bg=QColor(253, 224, 196),
    sum=QColor(84, 39, 136), sum_bg=QColor(226, 218, 240),
    sample=QColor(230, 171, 2), sample_fill=QColor(255, 214, 0, 80),
    mark=QColor(27, 158, 119), mark_fill=QColor(27, 158, 119, 40),
    selected=QColor(20, 20, 20), param=QColor(231, 41, 138),
    ok=QColor(26, 152, 80), warn=QColor(217, 140, 0), bad=QColor(215, 48, 39),
    pending=QColor(200, 200, 200),
    status_bg={"ok": QColor(212, 239, 214), "follows": QColor(226, 232, 242), "sign": QColor(253, 214, 178),
               "scale": QColor(253, 214, 178), "shape": QColor(247, 196, 190), "wrong": QColor(247, 196, 190),
               "not_finite": QColor(247, 196, 190), "missing": QColor(236, 236, 236),
               "aliased": QColor(250, 240, 200)},
    status_fg={"ok": QColor(20, 100, 40), "sign": QColor(140, 60, 0), "scale": QColor(140, 60, 0),
               "shape": QColor(150, 20, 20), "wrong": QColor(150, 20, 20), "not_finite": QColor(150, 20, 20),
               "follows": QColor(60, 70, 110), "missing": QColor(90, 90, 90),
               "aliased": QColor(120, 90, 0)},
    series={"loss": (33, 102, 172), "test": (230, 97, 1), "accuracy": (27, 120, 55), "epoch": (120, 120, 120),
            "learner": (215, 48, 39), "reference": (33, 102, 172), "diverge": (160, 0, 0),
            "wrong": (215, 0, 0), "curve": (33, 102, 172), "point_edge": (40, 40, 40), "marker": (0, 0, 0)},
    error="#b2182b", success="#146428", code_style="",
)

DARK = Colours(
    dark=True,
    positive=(48, 118, 200), negative=(205, 62, 62), nonfinite=(120, 120, 120),
    inner=QColor(245, 130, 40), inner_bg=QColor(92, 52, 20),
    sum=QColor(185, 160, 235), sum_bg=QColor(62, 48, 90),
    sample=QColor(240, 190, 30), sample_fill=QColor(255, 214, 0, 60),
    mark=QColor(70, 210, 160), mark_fill=QColor(70, 210, 160, 50),
    selected=QColor(245, 245, 245), param=QColor(245, 110, 185),
    ok=QColor(95, 205, 130), warn=QColor(240, 175, 50), bad=QColor(245, 105, 95),
    pending=QColor(95, 95, 95),
    status_bg={"ok": QColor(28, 70, 40), "follows": QColor(38, 48, 78), "sign": QColor(92, 56, 20),
               "scale": QColor(92, 56, 20), "shape": QColor(96, 34, 34), "wrong": QColor(96, 34, 34),
               "not_finite": QColor(96, 34, 34), "missing": QColor(62, 62, 62),
               "aliased": QColor(84, 72, 20)},
    status_fg={"ok": QColor(160, 235, 170), "sign": QColor(255, 200, 140), "scale": QColor(255, 200, 140),
               "shape": QColor(255, 175, 165), "wrong": QColor(255, 175, 165), "not_finite": QColor(255, 175, 165),
               "follows": QColor(190, 205, 245), "missing": QColor(200, 200, 200),
               "aliased": QColor(245, 220, 140)},
    series={"loss": (86, 160, 222), "test": (245, 150, 60), "accuracy": (95, 205, 130), "epoch": (150, 150, 150),
            "learner": (245, 105, 95), "reference": (86, 160, 222), "diverge": (255, 90, 90),
            "wrong": (255, 70, 70), "curve": (120, 180, 235), "point_edge": (235, 235, 235), "marker": (245, 245, 245)},
    error="#ff8a80", success="#7ee08f", code_style="github-dark",
)


def _palette() -> QPalette:
    app = QGuiApplication.instance()
    return app.palette() if app is not None else QPalette()


def is_dark(palette: QPalette | None = None) -> bool:
    pal = palette if palette is not None else _palette()
    return pal.color(QPalette.ColorRole.Window).lightnessF() < 0.5


_current: Colours | None = None  # current()'s answer, until the application palette changes


def current() -> Colours:
    """The set for the application palette now. Kept between palette changes (the watcher forgets it): views
    ask for it in every redraw, and reading the palette is four calls into Qt, each of which waits for the
    training thread's GIL during a run."""
    global _current
    if _current is None:
        watcher()  # listening from now on, so a palette change forgets the answer
        _current = DARK if is_dark() else LIGHT
    return _current


def _forget_current() -> None:
    global _current
    _current = None


# ----- contrast ------------------------------------------------------------------------------------------
def _lin(c: float) -> float:
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def luminance(c) -> float:
    c = QColor(c) if not isinstance(c, QColor) else c
    return 0.2126 * _lin(c.redF()) + 0.7152 * _lin(c.greenF()) + 0.0722 * _lin(c.blueF())


def contrast(a, b) -> float:
    la, lb = luminance(a), luminance(b)
    hi, lo = max(la, lb), min(la, lb)
    return (hi + 0.05) / (lo + 0.05)


BLACK, WHITE = QColor(0, 0, 0), QColor(255, 255, 255)


def best_text(fill) -> QColor:
    """Black or white, whichever has the higher contrast on `fill` (never below 4.58:1)."""
    return BLACK if contrast(BLACK, fill) >= contrast(WHITE, fill) else WHITE


def black_reads_better(rgb) -> "np.ndarray":
    """best_text for many fills at once, in numpy: True where black has at least white's contrast on the
    (…, 3) 0–255 colours `rgb` (the same WCAG luminance as luminance(); no call into Qt per colour, which
    during a run waits for the training thread's GIL)."""
    import numpy as np

    c = np.asarray(rgb, dtype=np.float64) / 255.0
    lin = np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)
    lum = lin @ np.array([0.2126, 0.7152, 0.0722])
    return (lum + 0.05) / 0.05 >= 1.05 / (lum + 0.05)  # contrast(BLACK, fill) >= contrast(WHITE, fill)


def mix(a: QColor, b: QColor, t: float) -> QColor:
    """a + t·(b − a), opaque."""
    return QColor(round(a.red() + t * (b.red() - a.red())), round(a.green() + t * (b.green() - a.green())),
                  round(a.blue() + t * (b.blue() - a.blue())))


def blend(base: RGB, alpha: float, on: QColor) -> RGB:
    """`base` at opacity `alpha` painted over `on`, as opaque (r, g, b)."""
    return tuple(round(o + alpha * (b - o)) for b, o in zip(base, (on.red(), on.green(), on.blue())))


# ----- applying a theme ----------------------------------------------------------------------------------
def dark_palette() -> QPalette:
    """Fusion with a dark palette, as KDE's Breeze Dark or GNOME's Adwaita-dark give."""
    R = QPalette.ColorRole
    G = QPalette.ColorGroup
    p = QPalette()
    window, base, text = QColor(45, 45, 48), QColor(30, 30, 32), QColor(232, 232, 232)
    for role, c in ((R.Window, window), (R.WindowText, text), (R.Base, base), (R.AlternateBase, QColor(40, 40, 43)),
                    (R.ToolTipBase, QColor(60, 60, 64)), (R.ToolTipText, text), (R.Text, text),
                    (R.Button, QColor(55, 55, 58)), (R.ButtonText, text), (R.BrightText, QColor(255, 90, 90)),
                    (R.Link, QColor(110, 170, 255)), (R.LinkVisited, QColor(180, 140, 255)),
                    (R.Highlight, QColor(38, 90, 150)), (R.HighlightedText, QColor(255, 255, 255)),
                    (R.PlaceholderText, QColor(150, 150, 150)), (R.Light, QColor(75, 75, 78)),
                    (R.Midlight, QColor(62, 62, 65)), (R.Mid, QColor(50, 50, 53)), (R.Dark, QColor(25, 25, 27)),
                    (R.Shadow, QColor(10, 10, 10))):
        p.setColor(role, c)
    for role in (R.WindowText, R.Text, R.ButtonText):
        p.setColor(G.Disabled, role, QColor(125, 125, 125))
    return p


_started_with: str | None = None  # the style the application started with


def apply_theme(choice: str) -> None:
    """Draw the application in `choice` ("system", "light" or "dark"); views follow through watcher()."""
    from PySide6.QtWidgets import QApplication, QStyleFactory

    global _started_with
    app = QApplication.instance()
    if app is None:
        return
    watcher()  # listening before the palette changes
    if _started_with is None:
        if choice not in ("dark", "light"):
            return  # the desktop's own style and palette, untouched (and still following the desktop)
        _started_with = app.style().name()
    if choice == "dark":
        app.setStyle(QStyleFactory.create("Fusion"))
        app.setPalette(dark_palette())
    elif choice == "light":
        fusion = QStyleFactory.create("Fusion")
        app.setStyle(fusion)
        app.setPalette(fusion.standardPalette())
    else:
        if app.style().name() != _started_with:
            app.setStyle(QStyleFactory.create(_started_with))
        app.setPalette(QPalette())  # an empty palette: back to the platform theme's, which follows the desktop


class _Watcher(QObject):
    """Emits `changed` after the application palette changed.

    It listens to the application's `paletteChanged` signal, not to an event filter on the application: an
    application-wide filter is a call into Python for every event of every widget (over a thousand a second
    while Run lays out and repaints), and each such call waits for the training thread's GIL. Where Qt no
    longer offers the signal, the filter is the fallback."""

    changed = Signal()

    def __init__(self, app):
        super().__init__(app)
        self.filtering = False
        signal = getattr(app, "paletteChanged", None) if app is not None else None
        if signal is not None:
            signal.connect(self._on_palette)
        elif app is not None:
            self.filtering = True
            app.installEventFilter(self)

    def _on_palette(self, *_args) -> None:
        _forget_current()
        self.changed.emit()

    def eventFilter(self, obj, event) -> bool:
        if event.type() == QEvent.Type.ApplicationPaletteChange and obj is QGuiApplication.instance():
            _forget_current()
            self.changed.emit()
        return False


_watcher: _Watcher | None = None


def watcher() -> _Watcher:
    """One object per application whose `changed` fires after the application palette changed."""
    global _watcher
    app = QGuiApplication.instance()
    if _watcher is None or _watcher.parent() is not app:
        _watcher = _Watcher(app)
    return _watcher


def follow(obj: QObject, slot) -> None:
    """Call `slot()` whenever the palette changes, for as long as `obj` lives."""
    from shiboken6 import isValid

    def _call():
        if isValid(obj):
            slot()

    w = watcher()
    w.changed.connect(_call)
    obj.destroyed.connect(lambda *_: _safe_disconnect(w, _call))


def _safe_disconnect(w: _Watcher, fn) -> None:
    from shiboken6 import isValid

    if not isValid(w):
        return
    try:
        w.changed.disconnect(fn)
    except (RuntimeError, TypeError):
        pass


def readable(fg: QColor, bg: QColor, ratio: float = 4.5) -> QColor:
    """`fg`, moved toward black or white in small steps until it has `ratio`:1 contrast on `bg`."""
    target = best_text(bg)
    out = QColor(fg)
    t = 0.0
    while contrast(out, bg) < ratio and t < 1.0:
        t = min(1.0, t + 0.1)
        out = mix(fg, target, t)
    return out


def label_colour(kind: str) -> QColor:
    """A label's text colour on the window: "error", "success", "link" or "muted" (secondary text)."""
    t = current()
    pal = _palette()
    window = pal.color(QPalette.ColorRole.Window)
    if kind == "error":
        return readable(QColor(t.error), window)
    if kind == "success":
        return readable(QColor(t.success), window)
    if kind == "link":
        return readable(QColor(110, 170, 255) if t.dark else QColor(31, 95, 168), window)
    return readable(mix(pal.color(QPalette.ColorRole.WindowText), window, 0.4), window)


def style_label(label, kind: str, extra: str = "") -> None:
    """Colour `label`'s text for `kind` (see label_colour) now and after every palette change; `extra` is
    more style sheet (e.g. "font-weight: bold;")."""
    def apply():
        label.setStyleSheet(f"color: {label_colour(kind).name()}; {extra}".strip())

    apply()
    follow(label, apply)


def box_style(kind: str) -> tuple[str, str, str]:
    """(background, border, text) hex colours of a message box: "error" (a red box) or "hint" (a pale note)."""
    dark = current().dark
    if kind == "error":
        return ("#4a1e1e", "#d9534f", "#ffd2cc") if dark else ("#fdecea", "#d9534f", "#611a15")
    return ("#3d3620", "#8a7a3a", "#f2ead0") if dark else ("#fffbe6", "#e0d9b8", "#000000")
