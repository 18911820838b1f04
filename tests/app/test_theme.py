"""Dark palettes (View ▸ Theme): every text the learner reads keeps a WCAG contrast of at least 4.5:1 on
what it is drawn on, read from the colours the models, items and widgets actually use; the choice is
remembered and switching repaints the views with the other colour set."""

from __future__ import annotations

import numpy as np
import pytest
import torch
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QColor, QPalette

from app import palette, settings
from app.palette import contrast

AA = 4.5


@pytest.fixture
def dark(qapp):
    palette.apply_theme("dark")
    yield
    palette.apply_theme("system")


def _fg_bg(model, view, r, c) -> tuple[QColor, QColor]:
    """The text and fill of a table cell as the view paints it: the model's roles, else the view's palette."""
    i = model.index(r, c)
    bg = model.data(i, Qt.ItemDataRole.BackgroundRole)
    fg = model.data(i, Qt.ItemDataRole.ForegroundRole)
    pal = view.palette()
    bg = bg.color() if bg is not None else pal.color(QPalette.ColorRole.Base)
    fg = fg.color() if fg is not None else pal.color(QPalette.ColorRole.Text)
    assert bg.alpha() == 255  # an opaque fill: what is behind it cannot change the contrast
    return fg, bg


def test_the_dark_set_is_chosen_by_the_window_colour(dark):
    assert palette.is_dark() and palette.current() is palette.DARK
    palette.apply_theme("light")
    assert not palette.is_dark() and palette.current() is palette.LIGHT


def test_matrix_cells_numbers_read_at_4_5_to_1_in_the_dark(qtbot, dark):
    from app.views.inspector.matrix_view import MatrixCanvas

    values = np.array([[5.0, -5.0, 0.0, 2.5], [-2.5, 0.3, -0.01, np.nan], [1.0, -1.0, np.inf, 4.9]])
    for ghost in (False, True):
        canvas = MatrixCanvas()
        qtbot.addWidget(canvas)
        cw, ch = canvas.number_cell_size()
        canvas.set_values(values, ghost=ghost)
        canvas.set_mode(False, cw, ch)
        canvas.update_geometry()
        image = canvas.grab().toImage()
        dpr = image.devicePixelRatio()
        for r in range(values.shape[0]):
            for c in range(values.shape[1]):
                fill, text = canvas.cell_colours(r, c)
                assert contrast(text, fill) >= AA, (r, c, ghost, fill.name(), text.name())
                corner = canvas.cell_rect(r, c).topLeft()  # inside the cell, clear of its number
                painted = image.pixelColor(int((corner.x() + 3) * dpr), int((corner.y() + 3) * dpr))
                assert painted.rgb() == fill.rgb()  # the fill tested is the fill painted
        assert contrast(palette.current().muted, palette.current().canvas) >= AA  # row and column indices


def test_weights_tables_read_at_4_5_to_1_in_the_dark(qtbot, dark, session):
    from app.views.weights_editor import WeightsEditor

    ed = WeightsEditor(session)
    qtbot.addWidget(ed)
    ed.show()
    checked = 0
    for name in ed.names():
        model, view = ed.model(name), ed.table(name)
        for r in range(model.rowCount()):
            for c in range(model.columnCount()):
                fg, bg = _fg_bg(model, view, r, c)
                assert contrast(fg, bg) >= AA, (name, r, c)
                checked += 1
        header = view.horizontalHeader().palette()
        assert contrast(header.color(QPalette.ColorRole.ButtonText), header.color(QPalette.ColorRole.Button)) >= AA
    assert checked >= 7  # w1, b1, w2, b2 of the notebook's network
    window = ed.palette().color(QPalette.ColorRole.Window)
    assert contrast(palette.label_colour("muted"), window) >= AA  # the hint under the tables
    assert contrast(palette.label_colour("error"), window) >= AA  # a refused edit


def test_verdict_table_reads_at_4_5_to_1_in_the_dark(qtbot, dark):
    from PySide6.QtWidgets import QTableView

    from app.views.practice.verdict_model import VerdictModel
    from engine.checker.verdicts import TensorResult

    statuses = ["ok", "follows", "sign", "scale", "shape", "wrong", "not_finite", "missing"]
    results = [TensorResult(f"d_t{i}", "gradient", [4, 1], [4, 1], s, factor=-4.0 if s == "scale" else None,
                            follows_from="d_t0" if s == "follows" else None, line=i + 1)
               for i, s in enumerate(statuses)]
    model = VerdictModel()
    model.set_results(results, root="d_t3")
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    for r in range(model.rowCount()):
        for c in range(model.columnCount()):
            fg, bg = _fg_bg(model, view, r, c)
            assert contrast(fg, bg) >= AA, (statuses[r], c, fg.name(), bg.name())
    # the status colours are the dark set's, not the light ones on a dark table
    i = model.index(0, 1)
    assert model.data(i, Qt.ItemDataRole.BackgroundRole).color() == palette.DARK.status_bg["ok"]


def test_code_highlighting_uses_a_dark_style_that_reads_at_4_5_to_1(qtbot, dark):
    from pathlib import Path

    from app.views.practice.editor import CodeEditor

    cell = (Path(__file__).resolve().parents[2] / "resources" / "lessons" / "notebook_cell.py").read_text()
    code = '"""doc"""\nimport torch\nfor k in range(3):  # loop\n    x = 1.5 + len("s")\n' + cell
    ed = CodeEditor()
    qtbot.addWidget(ed)
    ed.setPlainText(code)
    base = ed.viewport().palette().color(QPalette.ColorRole.Base)
    assert palette.is_dark(ed.palette()) and base.lightnessF() < 0.3
    assert contrast(ed.palette().color(QPalette.ColorRole.Text), base) >= AA  # plain names and operators
    doc, seen = ed.document(), {}
    for n in range(doc.blockCount()):
        b = doc.findBlockByNumber(n)
        for rng in b.layout().formats():
            colour = rng.format.foreground().color()
            seen[b.text()[rng.start:rng.start + rng.length]] = colour
            assert contrast(colour, base) >= AA, (b.text(), colour.name())
    assert {"for", "import", "# loop", "1.5", '"""doc"""'} <= set(seen)
    assert len({c.name() for c in seen.values()}) >= 4  # still highlighted, not one colour
    # the dark style's colours, not the light set's dark blue keyword on a dark background
    from app.views.practice.highlighter import STYLE
    from pygments.token import Keyword

    assert seen["for"].name() != STYLE[Keyword].foreground().color().name()


def _axis_and_legend_colours(plot_item):
    out = []
    for name in ("left", "bottom"):
        axis = plot_item.getAxis(name)
        if axis.isVisible():
            out.append((f"{name} axis", axis.textPen().color()))
    if plot_item.legend is not None:
        for _sample, label in plot_item.legend.items:
            out.append((f"legend {label.text}", QColor(label.opts["color"])))
    return out


def test_plots_axes_and_legends_read_at_4_5_to_1_in_the_dark(qtbot, dark, session):
    from app.views.boundary_plot import BoundaryPlot
    from app.views.loss_plot import LossPlot
    from app.views.practice.train_plot import TrainPlot

    session.train_now(20)
    loss, boundary, train = LossPlot(session), BoundaryPlot(session), TrainPlot()
    for w in (loss, boundary, train):
        qtbot.addWidget(w)
        w.show()
    widgets = [(loss.plot_widget, 2), (loss.acc_widget, 1), (boundary.plot_widget, 1), (train.plot_widget, 2)]
    for widget, legends in widgets:
        bg = widget.backgroundBrush().color()
        assert bg.lightnessF() < 0.3
        colours = _axis_and_legend_colours(widget.getPlotItem())
        assert len(colours) >= 2 + (legends if widget.getPlotItem().legend is not None else 0) - 1
        for what, colour in colours:
            assert contrast(colour, bg) >= AA, (what, colour.name(), bg.name())
    # the boundary's unit numbers sit on a box of the canvas colour
    for label in boundary.units._labels:
        assert contrast(label.color, label.fill.color()) >= AA
    # "NaN at epoch 312" on the divergence line
    lab = train.divergence_line.label
    assert contrast(lab.color, lab.fill.color()) >= AA


def test_diagram_texts_read_at_4_5_to_1_in_the_dark(qtbot, dark, session):
    from PySide6.QtWidgets import QGraphicsSimpleTextItem

    from app.views.inspector.diagram import DiagramPane

    session.train_now(3)
    pane = DiagramPane(session)
    qtbot.addWidget(pane)
    pane.show()
    bg = pane.view.backgroundBrush().color()
    assert bg.lightnessF() < 0.3
    texts = [it for it in pane.scene.items() if isinstance(it, QGraphicsSimpleTextItem) and it.text()]
    assert len(texts) >= 3 + 4  # the layer names and the values on the notebook's 6 edges
    for it in texts:
        assert contrast(it.brush().color(), bg) >= AA, it.text()
    # the legend's "blue +" and "red −" on the pane's window colour
    import re

    window = pane.palette().color(QPalette.ColorRole.Window)
    colours = re.findall(r"color:(#[0-9a-f]{6})", pane.legend.text())
    assert len(colours) == 2
    for c in colours:
        assert contrast(QColor(c), window) >= AA


class _Paints(QObject):
    def __init__(self):
        super().__init__()
        self.n = 0

    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            self.n += 1
        return False


def test_view_theme_is_remembered_and_switching_repaints(qtbot, make_window):
    from PySide6.QtWidgets import QApplication

    from app.theme_menu import ThemeMenu

    assert settings.theme() == "system"
    w = make_window()
    w.session.next_op()  # the inspector shows l1 = X @ w1
    try:
        menu = w.menus.theme.menu()
        assert isinstance(menu, ThemeMenu) and menu.theme_actions["system"].isChecked()
        assert menu in [a.menu() for a in w.menus.view.actions() if a.menu() is not None]
        from app.views.inspector.matrix_view import MatrixCanvas

        canvas = next(c for c in w.findChildren(MatrixCanvas) if c.isVisible())  # the inspector's
        paints = _Paints()
        canvas.installEventFilter(paints)
        light_fill = canvas.cell_colours(0, 0)[0]
        from app.views.loss_plot import LossPlot

        loss = w.findChildren(LossPlot)[0]
        assert loss.plot_widget.backgroundBrush().color().lightnessF() > 0.9

        menu.theme_actions["dark"].trigger()
        assert settings.theme() == "dark"  # remembered (a fresh QSettings reads it back)
        assert palette.is_dark(QApplication.instance().palette())
        qtbot.waitUntil(lambda: paints.n > 0)  # the visible matrix repainted…
        assert canvas.cell_colours(0, 0)[0] != light_fill  # …with the dark set
        assert loss.plot_widget.backgroundBrush().color().lightnessF() < 0.3
        assert menu.theme_actions["dark"].isChecked()
        # the next start reads the choice and its menu shows it
        w2 = make_window()
        assert w2.menus.theme.menu().theme_actions["dark"].isChecked()

        menu.theme_actions["light"].trigger()
        assert settings.theme() == "light" and not palette.is_dark()
        assert loss.plot_widget.backgroundBrush().color().lightnessF() > 0.9
        assert canvas.cell_colours(0, 0)[0] == light_fill
    finally:
        palette.apply_theme("system")


def test_the_theme_menu_speaks_korean(qtbot, make_window):
    from app.i18n import install_translator

    w = make_window()
    install_translator(None, "ko")
    menu = w.menus.theme.menu()
    qtbot.waitUntil(lambda: menu.title() != "&Theme")
    assert "테마" in menu.title()
    assert "어둡게" in menu.theme_actions["dark"].text() or "다크" in menu.theme_actions["dark"].text()


def test_an_unknown_stored_theme_falls_back_to_system(qapp):
    settings.settings().setValue("theme", "purple")
    assert settings.theme() == "system"
    settings.set_theme("purple")  # refused
    assert settings.theme() == "system"
    settings.set_theme("dark")
    assert settings.theme() == "dark"


def test_matrix_model_colours_follow_the_palette(qapp):
    from app.models.matrix_model import MatrixModel

    m = MatrixModel(torch.tensor([[1.0, -1.0]]), name="w")
    bg = Qt.ItemDataRole.BackgroundRole
    light = m.data(m.index(0, 0), bg).color()
    palette.apply_theme("dark")
    try:
        dark = m.data(m.index(0, 0), bg).color()
        assert dark.lightnessF() < light.lightnessF()
        assert contrast(m.data(m.index(0, 0), Qt.ItemDataRole.ForegroundRole).color(), dark) >= AA
    finally:
        palette.apply_theme("system")


def test_operations_list_reads_in_the_dark(qtbot, dark, session):
    from app.views.inspector.timeline import TimelinePane

    pane = TimelinePane(session)
    qtbot.addWidget(pane)
    for _ in range(5):
        session.next_op()
    base = pane.tree.viewport().palette().color(QPalette.ColorRole.Base)
    pos = session.position
    for i in range(len(session.trace.steps)):
        it = pane.item_for(i)
        fg = it.foreground(0).color()
        bg = it.background(0).color() if it.background(0).style() != Qt.BrushStyle.NoBrush else base
        # done and current operations at 4.5:1; the ones still to come are greyed, as in the light set, ≥ 3:1
        assert contrast(fg, bg) >= (AA if i <= pos else 3.0), (i, fg.name(), bg.name())


def test_following_the_palette_costs_no_call_per_event(qtbot, monkeypatch):
    """palette.follow hears a palette change, but the events of every other widget (a thousand a second while
    Run lays out and repaints) never call into Python for it: each such call waits for the training
    thread's GIL."""
    from PySide6.QtWidgets import QApplication, QLabel

    filtered = []
    original = palette._Watcher.eventFilter
    monkeypatch.setattr(palette._Watcher, "eventFilter",
                        lambda self, obj, event: filtered.append(event.type()) or original(self, obj, event))
    monkeypatch.setattr(palette, "_watcher", None)  # a watcher made now (a fixture's window may have made one before the patch)
    label = QLabel("x")
    qtbot.addWidget(label)
    heard = []
    palette.follow(label, lambda: heard.append(palette.is_dark()))
    label.show()
    for text in ("a", "bb", "ccc"):
        label.setText(text)
        QApplication.processEvents()
    QApplication.sendEvent(label, QEvent(QEvent.Type.User))
    assert filtered == []
    try:
        palette.apply_theme("dark")
        qtbot.waitUntil(lambda: heard == [True])
    finally:
        palette.apply_theme("system")
    assert heard[-1] is False


def test_the_current_colour_set_follows_every_palette_change_at_once(qapp):
    """current() is kept between palette changes, and every way the palette changes (View ▸ Theme, a palette
    set on the application directly, as the desktop's theme does) gives the other set at once."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    try:
        assert palette.current() is (palette.DARK if palette.is_dark() else palette.LIGHT)
        palette.apply_theme("dark")
        assert palette.current() is palette.DARK
        palette.apply_theme("light")
        assert palette.current() is palette.LIGHT
        app.setPalette(palette.dark_palette())
        assert palette.current() is palette.DARK
        light = QPalette()
        light.setColor(QPalette.ColorRole.Window, QColor(250, 250, 250))
        app.setPalette(light)
        assert palette.current() is palette.LIGHT
    finally:
        palette.apply_theme("system")
    assert palette.current() is (palette.DARK if palette.is_dark() else palette.LIGHT)


def test_the_note_on_re_initialised_layers_reads_in_the_dark(qtbot, dark, session):
    """The Network form's note after Add hidden layer was a fixed #666: 2.4:1 on the dark window."""
    from app.views.topology_form import TopologyForm

    form = TopologyForm(session)
    qtbot.addWidget(form)
    form.show()
    qtbot.mouseClick(form.add_layer, Qt.MouseButton.LeftButton)
    note = form.layers_note
    assert note.isVisible() and note.text()
    window = note.palette().color(QPalette.ColorRole.Window)
    import re

    fg = QColor(re.search(r"color:\s*(#[0-9a-fA-F]{3,6})\b", note.styleSheet()).group(1))
    assert contrast(fg, window) >= AA, (fg.name(), window.name())
