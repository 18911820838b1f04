"""The network diagram's per-unit pictures (issue 12 item 3): for 2-input data each hidden and output unit is a
small image of its activation over the input plane; they follow training (stepping and runs); hovering one
shows it larger with what it is; data that is not a plane keeps the plain diagram."""

from __future__ import annotations

import math

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QGraphicsEllipseItem

from app.state.session import Session
from app.views.boundary_colors import unit_colormap
from app.views.inspector.diagram import DiagramPane
from app.views.inspector.fixtures import notebook_xor_trainer
from app.views.inspector.unit_pictures import GRID, PictureLayer
from engine.io.presets import load_preset
from engine.training.trainer import Trainer


def _show(qtbot, widget, size=(520, 360)):
    qtbot.addWidget(widget)
    widget.resize(*size)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _pixels(image) -> list[int]:
    return [image.pixel(x, y) for y in range(image.height()) for x in range(image.width())]


@pytest.fixture
def xor():
    return Session(notebook_xor_trainer())


def test_notebook_xor_has_one_picture_per_hidden_and_output_unit(xor, qtbot):
    d = _show(qtbot, DiagramPane(xor))
    assert d.picture_units() == [("a1", 0), ("a1", 1), ("y_pred", 0)]
    layers = [it for it in d.scene.items() if isinstance(it, PictureLayer)]
    assert sorted(it.k for it in layers) == [1, 2] and all(it.isVisible() for it in layers)
    for k, j in ((1, 0), (1, 1), (2, 0)):
        img = d.picture(k, j)
        assert img is not None and (img.width(), img.height()) == (GRID, GRID)
    assert "activation over (x1, x2)" in d.legend.text()
    assert "24×24 grid" in d.legend.toolTip()
    # a1[0] = σ(x1 + x2 + 1) over x1, x2 ∈ [−0.1, 1.1], coloured as the boundary's unit maps: the picture's
    # top-right pixel is σ(3.2), its bottom-left σ(0.8) (x2 up)
    cmap = unit_colormap()
    a10 = d.picture(1, 0)
    for (px, py), z in (((GRID - 1, 0), 3.2), ((0, GRID - 1), 0.8), ((GRID - 1, GRID - 1), 2.0)):
        want = cmap.map([1 / (1 + math.exp(-z))], mode="byte")[0]
        got = QColor(a10.pixel(px, py))
        assert [got.red(), got.green(), got.blue()] == pytest.approx([int(v) for v in want[:3]], abs=2), (px, py)
    # the inputs stay circles
    assert all(e.isVisible() for e in d._nodes[0])


def test_pictures_change_after_training_epochs(xor, qtbot):
    d = _show(qtbot, DiagramPane(xor))
    before = [_pixels(d.picture(k, j)) for k, j in ((1, 0), (1, 1), (2, 0))]
    n = d.pictures.computations
    xor.train_now(2000)
    qtbot.waitUntil(lambda: d.pictures.computations > n)
    after = [_pixels(d.picture(k, j)) for k, j in ((1, 0), (1, 1), (2, 0))]
    assert all(a != b for a, b in zip(after, before))


def test_stepping_through_operations_does_not_recompute(xor, qtbot):
    d = _show(qtbot, DiagramPane(xor))
    xor.next_op()  # a new epoch in progress: its parameters before the update, computed once
    n = d.pictures.computations
    for _ in range(8):
        xor.next_op()
    assert d.pictures.computations == n


def test_a_followed_sample_is_ringed_where_it_lies_on_each_picture(xor, qtbot):
    d = _show(qtbot, DiagramPane(xor))
    xor.selection.set_sample(3)  # X[3] = (1, 1): the top right of every picture
    for _ in range(4):
        xor.next_op()  # l1, a1, l2, y_pred: all activations known
    for k in (1, 2):
        for j, ring in enumerate(d._nodes[k]):
            assert ring.isVisible()
            rect = d.pictures.layers[k].rects[j]
            p = ring.pos()
            assert rect.contains(p) and p.x() > rect.center().x() and p.y() < rect.center().y()
    assert d._nodes[2][0].toolTip().startswith("sample 3: ")
    xor.selection.set_sample(-1)
    assert not any(ring.isVisible() for ring in d._nodes[1])


def test_hovering_a_picture_shows_it_larger_with_what_it_is(xor, qtbot):
    d = _show(qtbot, DiagramPane(xor))
    qtbot.mouseMove(d.view.viewport(), d.picture_point(1, 1))
    qtbot.waitUntil(lambda: d.popup.isVisible())
    assert d.popup.unit == (1, 1)
    assert d.popup.caption.text().startswith("activation of a1[1] over (x1, x2)")
    assert "sigmoid" in d.popup.value.text()
    assert d.popup.image.pixmap().width() >= 160
    qtbot.mouseMove(d.view.viewport(), QPoint(3, 3))  # off the pictures
    qtbot.waitUntil(lambda: not d.popup.isVisible())


def test_a_softmax_network_pictures_every_output_class(qtbot):
    s = Session(Trainer(*load_preset("spiral")))
    d = _show(qtbot, DiagramPane(s))
    units = d.picture_units()
    assert len(units) == 32 + 32 + 3 and units[-3:] == [("y_pred", 0), ("y_pred", 1), ("y_pred", 2)]
    assert all(d.picture(k, j) is not None for k, j in ((1, 31), (2, 0), (3, 2)))


@pytest.mark.parametrize("preset", ["digits", "sine"])
def test_no_pictures_where_the_input_is_not_a_plane(preset, qtbot):
    s = Session(Trainer(*load_preset(preset)))
    d = _show(qtbot, DiagramPane(s))
    assert d.picture_units() == []
    assert not any(isinstance(it, PictureLayer) for it in d.scene.items())
    assert "Squares" not in d.legend.text() and d.legend.toolTip() == ""
    nodes = [e for layer in d._nodes for e in layer]
    assert len(nodes) == sum(s.spec.sizes) and all(isinstance(e, QGraphicsEllipseItem) and e.isVisible()
                                                   for e in nodes)
    assert d.pictures.computations == 0


def test_a_hidden_pane_computes_nothing_until_shown(xor, qtbot):
    d = DiagramPane(xor)
    qtbot.addWidget(d)
    xor.train_now(10)
    assert d.pictures.computations == 0 and d.picture(1, 0) is None
    d.show()
    qtbot.waitExposed(d)
    assert d.pictures.computations == 1 and d.picture(1, 0) is not None


def test_pictures_follow_a_run_on_the_snapshots(xor, qtbot):
    d = _show(qtbot, DiagramPane(xor))
    first = _pixels(d.picture(2, 0))
    n = d.pictures.computations
    with qtbot.waitSignal(xor.running_changed, timeout=5000):
        assert xor.start_run()
    qtbot.waitUntil(lambda: d.pictures.computations > n and bool(d._weights), timeout=20000)
    with qtbot.waitSignal(xor.running_changed, timeout=5000):
        xor.pause()
    qtbot.waitUntil(lambda: _pixels(d.picture(2, 0)) != first)
    assert xor.epoch > 0


def test_layer_names_drop_their_sizes_when_the_columns_are_too_close(qtbot):
    s = Session(Trainer(*load_preset("spiral")))
    d = _show(qtbot, DiagramPane(s), (380, 260))
    names = [label.text() for label in d._parts.labels]
    assert names == ["X", "a1", "a2", "y_pred"]  # "a1 (32)a2 (32)y_pred (3)" ran together
    d.resize(1500, 500)
    qtbot.waitUntil(lambda: d._parts.labels[1].text() == "a1 (32)")
    assert [label.text() for label in d._parts.labels] == ["X (2)", "a1 (32)", "a2 (32)", "y_pred (3)"]
