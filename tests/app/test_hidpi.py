"""High DPI: at QT_SCALE_FACTOR=2 (and 1.5) on a 2732×1536 (2049×1152) screen the window is drawn at the
device resolution, the matrix cells, diagram nodes and texts grow with the font, and no label or button
text is cut off; with a larger interface font the views' sizes grow too (no hard-coded pixel sizes).

The scale factor is read when the QApplication starts, so each factor runs tests/app/hidpi_probe.py in a
child process on an offscreen screen of the right size (the offscreen plugin's JSON configfile).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QFont, QFontMetricsF
from PySide6.QtWidgets import QApplication

ROOT = Path(__file__).resolve().parents[2]
PROBE = Path(__file__).with_name("hidpi_probe.py")
LAPTOP = (1366, 768)


def _probe(factor: float, folder: Path) -> dict:
    w, h = round(LAPTOP[0] * factor), round(LAPTOP[1] * factor)
    config = folder / f"screen-{w}x{h}.json"
    config.write_text(json.dumps({"screens": [{"name": "s", "width": w, "height": h}]}))
    env = dict(os.environ, QT_SCALE_FACTOR=str(factor), QT_QPA_PLATFORM=f"offscreen:configfile={config}")
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH", "")) if p)
    env.pop("QT_SCREEN_SCALE_FACTORS", None)
    run = subprocess.run([sys.executable, str(PROBE)], env=env, cwd=ROOT, capture_output=True, text=True,
                         timeout=300)
    assert run.returncode == 0, run.stderr[-2000:]
    return json.loads(run.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def at_1(tmp_path_factory):
    return _probe(1.0, tmp_path_factory.mktemp("screens"))


@pytest.mark.parametrize("factor", [2.0, 1.5])
def test_scaled_window_is_drawn_at_device_resolution_and_grows_with_the_font(factor, at_1,
                                                                             tmp_path_factory):
    at = _probe(factor, tmp_path_factory.mktemp("screens"))
    assert at["screen"] == list(LAPTOP)  # 2732×1536 device pixels at 2 are 1366×768 pixels of layout
    assert at["dpr"] == factor
    # drawn at the device resolution (crisp), not a 1366-wide picture stretched
    assert at["image"] == [round(at["window"][0] * factor), round(at["window"][1] * factor)]
    font = at["font_px"] / at_1["font_px"]
    assert font == pytest.approx(factor, rel=0.02)
    for key in ("node_px", "diagram_label_px"):
        assert at[key] / at_1[key] == pytest.approx(font, rel=0.08), key
    for i in (0, 1):
        assert at["cell_px"][i] / at_1["cell_px"][i] == pytest.approx(font, rel=0.05)
    assert at["clipped"] == [], at["clipped"]  # no label or button text cut off


def test_no_text_is_cut_off_at_1366x768(at_1):
    assert at_1["clipped"] == [], at_1["clipped"]
    assert at_1["diagram_label_px"] >= 0.8 * at_1["font_px"]  # the diagram's names are readable, not 6 px


def test_the_window_fits_the_screen_at_scale_2(at_1):
    """The window can be as narrow as the screen, frame included (it was 1481 px at least)."""
    assert at_1["min_frame_width"] <= LAPTOP[0]


@pytest.fixture
def big_font(qapp):
    """The interface font at twice its size (a large-font desktop setting), restored after."""
    old = QFont(qapp.font())
    f = QFont(old)
    f.setPointSizeF(old.pointSizeF() * 2)
    qapp.setFont(f)
    yield QFontMetricsF(f).height() / QFontMetricsF(old).height()
    qapp.setFont(old)


def _sizes(qtbot, session) -> dict:
    from app.views.boundary_plot import BoundaryPlot
    from app.views.inspector.diagram import DiagramPane
    from app.views.inspector.matrix_view import MatrixCanvas
    from app.views.loss_plot import LossPlot
    from PySide6.QtWidgets import QGraphicsSimpleTextItem

    canvas, loss, boundary, diagram = MatrixCanvas(), LossPlot(session), BoundaryPlot(session), DiagramPane(session)
    for w in (canvas, loss, boundary, diagram):
        qtbot.addWidget(w)
    label = next(it for it in diagram.scene.items() if isinstance(it, QGraphicsSimpleTextItem) and it.text())
    return {
        "cell_w": canvas.number_cell_size()[0],
        "cell_h": canvas.number_cell_size()[1],
        "cell_font": QFontMetricsF(canvas.number_font).height(),
        "axis": loss.plot_widget.getPlotItem().getAxis("left").maximumWidth(),
        "accuracy_h": loss.acc_widget.height(),
        "point": boundary.scatter.opts["size"],
        "ring": boundary.wrong.opts["size"],
        "diagram_label": QFontMetricsF(label.font()).height(),
    }


def test_views_grow_with_a_larger_interface_font(qtbot, session, request):
    small = _sizes(qtbot, session)
    ratio = request.getfixturevalue("big_font")
    big = _sizes(qtbot, session)
    assert QApplication.instance().font().pointSizeF() > 12
    cells = big["cell_font"] / small["cell_font"]  # the cells' font: the interface font, at least 9.5 pt
    assert cells > 1.6
    for key in ("cell_w", "cell_h"):
        assert big[key] / small[key] == pytest.approx(cells, rel=0.05), key
    assert big["diagram_label"] / small["diagram_label"] == pytest.approx(ratio, rel=0.05)
    for key in ("axis", "accuracy_h", "point", "ring"):
        assert big[key] > small[key] * 1.3, key
