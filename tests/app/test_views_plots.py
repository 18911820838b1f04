"""The loss plot and the decision-boundary plot: what they draw comes from the engine; clicks edit data."""

from __future__ import annotations

import numpy as np
import pytest
import torch
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtWidgets import QApplication

from app.state.session import Session
from app.views.boundary_plot import BoundaryPlot
from app.views.loss_plot import LossPlot
from engine.io.presets import load_preset
from engine.training.trainer import Trainer


def new_session(preset: str = "notebook-xor") -> Session:
    return Session(Trainer(*load_preset(preset)))


@pytest.fixture
def sessions(qtbot):
    made = []

    def make(preset="notebook-xor"):
        s = new_session(preset)
        made.append(s)
        return s

    yield make
    for s in made:
        s.stop_run()


def shown(qtbot, w, size):
    qtbot.addWidget(w)
    w.resize(*size)
    w.show()
    qtbot.waitExposed(w)
    return w


# ----- loss plot ----------------------------------------------------------------------------------
def test_loss_curve_equals_the_trainers_losses(qtbot, sessions):
    s = sessions()
    plot = shown(qtbot, LossPlot(s), (640, 360))
    for _ in range(5):
        s.step_epoch()
    x, y = plot.loss_curve.getOriginalDataset()
    assert list(y) == list(s.trainer.losses) and list(x) == [1, 2, 3, 4, 5]
    s.train_now(100)
    x, y = plot.loss_curve.getOriginalDataset()
    assert np.array_equal(y, np.asarray(s.trainer.losses)) and len(y) == 105
    assert plot.epoch_line.value() == 105
    s.step_back()  # history cut: the curve follows
    assert np.array_equal(plot.loss_curve.getOriginalDataset()[1], np.asarray(s.trainer.losses))
    assert len(plot.loss_data()) == 104 and plot.epoch_line.value() == 104
    assert "epoch 104" in plot.readout.text()


def test_loss_plot_never_blocks_the_trainers_array_from_growing(qtbot, sessions):
    s = sessions()
    shown(qtbot, LossPlot(s), (640, 360))
    s.step_epoch()
    s.trainer.losses.append(0.5)  # would raise BufferError if the plot held a buffer view of it
    s.trainer.losses.pop()


def test_accuracy_of_traced_epochs_and_log_y(qtbot, sessions):
    s = sessions("xor-tanh")
    plot = shown(qtbot, LossPlot(s), (640, 360))
    for _ in range(3):
        s.step_epoch()
    x, y = plot.acc_curve.getOriginalDataset()
    assert list(x) == [1, 2, 3] and list(y) == list(s.trainer.accuracies)
    plot.log_y.setChecked(True)
    assert plot.plot_widget.getPlotItem().ctrl.logYCheck.isChecked()
    pi = plot.plot_widget.getPlotItem()
    assert pi.titleLabel.text == "loss (log scale)" and pi.titleLabel.item.rotation() == 0  # level
    assert not pi.getAxis("left").label.isVisible()  # not turned on its side beside the axis
    axis = pi.getAxis("left")  # within one decade (0.75 to 1.8) every tick is labelled, not "1" alone
    assert axis.logTickStrings([np.log10(0.8), np.log10(0.9), 0.0], 1, 1) == ["0.8", "0.9", "1"]
    plot.log_y.setChecked(False)
    assert pi.titleLabel.text == "loss"


@pytest.mark.parametrize("lang, loss, accuracy", [("en", "loss", "accuracy"), ("ko", "손실", "정확도")])
def test_the_loss_panes_titles_are_level_above_the_plots_and_whole(qtbot, sessions, lang, loss, accuracy):
    """Rotated beside the axes, the titles (Korean most of all) lay on their sides at 1366×768."""
    from PySide6.QtWidgets import QApplication

    from app.i18n import install_translator

    install_translator(QApplication.instance(), lang)
    plot = shown(qtbot, LossPlot(sessions("xor-tanh")), (380, 330))  # the right-hand pane's size at 1366×768
    for widget, text in ((plot.plot_widget, loss), (plot.acc_widget, accuracy)):
        pi = widget.getPlotItem()
        title, axis = pi.titleLabel, pi.getAxis("left")
        assert title.isVisible() and title.text == text and not axis.label.isVisible()
        box = title.mapRectToScene(title.item.mapRectToParent(title.item.boundingRect()))
        assert box.width() > box.height() and widget.sceneRect().contains(box), text  # level, all of it
        m = title.item.document().documentMargin()  # the text itself: its item's rectangle less the margin
        assert box.bottom() - m <= pi.getViewBox().sceneBoundingRect().top() + 1  # above the plot, not on it


def test_loss_plot_follows_a_run_from_its_snapshots(qtbot, sessions):
    s = sessions("xor-tanh")
    plot = shown(qtbot, LossPlot(s), (640, 360))
    with qtbot.waitSignal(s.running_changed, timeout=20000, check_params_cb=lambda r: r is False):
        assert s.start_run(to_epoch=500)
    assert np.array_equal(plot.loss_data(), np.asarray(s.trainer.losses)) and len(plot.loss_data()) == 500
    assert plot.epoch_line.value() == 500
    assert plot.acc_curve.getOriginalDataset()[0] is not None  # snapshots brought accuracies


def _epoch_pixels(widget, line, colour):
    """How many pixels of the line's colour the plot shows in the column of the line's epoch, and the height
    of the view box there."""
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QColor

    vb = widget.getPlotItem().getViewBox()
    image = widget.grab().toImage()
    ratio = image.devicePixelRatio()
    y0, y1 = vb.viewRange()[1]
    top = widget.mapFromScene(vb.mapViewToScene(QPointF(line.value(), y1)))
    bottom = widget.mapFromScene(vb.mapViewToScene(QPointF(line.value(), y0)))
    x = round(top.x() * ratio)

    def near(px, py) -> bool:  # the pen's colour (antialiased: the line may fall between two columns)
        return max(abs(a - b) for a, b in zip(QColor(image.pixel(px, py)).getRgb()[:3], colour)) <= 60

    hits = sum(1 for y in range(round(top.y() * ratio) + 1, round(bottom.y() * ratio) - 1)
               if any(near(x + dx, y) for dx in (-1, 0, 1)))
    return hits, (bottom.y() - top.y()) * ratio


def test_the_epoch_line_spans_the_plot_at_the_epoch_on_show_in_any_range(qtbot, sessions):
    """The dashed line at the current epoch crosses the whole height of both plots, at that epoch, after the
    y range changes (log y, a zoom), and moves with each step."""
    from app import palette

    s = sessions("xor-tanh")
    plot = shown(qtbot, LossPlot(s), (640, 420))
    s.train_now(60)
    colour = tuple(palette.current().series["epoch"])
    for change in (lambda: None, lambda: plot.set_log_y(True),
                   lambda: plot.plot_widget.getPlotItem().setYRange(0.3, 0.5, padding=0), s.step_epoch):
        change()
        QApplication.processEvents()
        assert plot.epoch_line.value() == s.epoch == plot.acc_line.value()
        for widget, line in ((plot.plot_widget, plot.epoch_line), (plot.acc_widget, plot.acc_line)):
            hits, height = _epoch_pixels(widget, line, colour)
            assert hits >= 0.4 * height  # dashes from the top of the plot to its bottom


def test_regression_has_no_accuracy_plot(qtbot, sessions):
    plot = shown(qtbot, LossPlot(sessions("sine")), (640, 360))
    assert not plot.acc_widget.isVisible()


# ----- decision boundary --------------------------------------------------------------------------
def click_at(qtbot, plot, x, y, modifier=Qt.KeyboardModifier.NoModifier):
    """Click the plot where data coordinate (x, y) is drawn, as the learner's mouse would."""
    pw = plot.plot_widget
    vb = pw.getPlotItem().getViewBox()
    pos = pw.mapFromScene(vb.mapViewToScene(QPointF(x, y)))
    qtbot.mouseClick(pw.viewport(), Qt.MouseButton.LeftButton, modifier, pos)


def test_boundary_image_covers_the_data_at_100x100_or_more(qtbot, sessions):
    s = sessions("xor-tanh")
    plot = shown(qtbot, BoundaryPlot(s), (560, 680))
    s.train_now(150)
    img = plot.image.image
    assert img.shape[0] >= 100 and img.shape[1] >= 100
    rect = plot.image.mapRectToParent(plot.image.boundingRect())
    assert rect.left() < 0 and rect.right() > 1 and rect.top() < 0 and rect.bottom() > 1  # the 10 % margin
    # binary: P(class 1) drawn at the data corners matches the engine's prediction there
    p = s.trainer.predict()[:, 0].numpy()
    G = img.shape[0]
    corners = {(0, 0): img[G // 12, G // 12], (1, 1): img[-G // 12, -G // 12]}  # ~ (0,0) and (1,1)
    assert abs(corners[(0, 0)] - p[0]) < 0.1 and abs(corners[(1, 1)] - p[3]) < 0.1
    wrong = torch.nonzero((torch.from_numpy(p) > 0.5).long() != s.data.y).reshape(-1).tolist()
    assert plot.misclassified().tolist() == wrong


def test_boundary_colours_are_rgb_pixels_of_the_colour_map(qtbot, sessions):
    """The boundary is drawn as RGB pixels mapped in numpy, not as an indexed image whose
    256-colour table costs 256 calls into Qt at every redraw (each one waiting for the training thread during
    a run); the colours are the colour map's."""
    from PySide6.QtGui import QColor, QImage

    s = sessions("xor-tanh")
    plot = shown(qtbot, BoundaryPlot(s), (560, 680))
    s.train_now(150)
    plot.plot_widget.grab()  # paints: the items render their QImages
    qimage = plot.image.qimage
    assert qimage is not None and qimage.format() != QImage.Format.Format_Indexed8 and qimage.colorCount() == 0
    img = plot.image.image  # P(class 1), row-major: the QImage's row r is the image's row r
    G = img.shape[0]
    for r, c in ((G // 12, G // 12), (G // 2, G // 3), (G - 1 - G // 12, G - 1 - G // 12)):
        want = plot.image.getColorMap().map(float(img[r, c]), mode="qcolor")
        got = QColor(qimage.pixel(c, r))
        assert max(abs(got.red() - want.red()), abs(got.green() - want.green()),
                   abs(got.blue() - want.blue())) <= 2


def test_misclassified_points_are_marked(qtbot, sessions):
    s = sessions()  # the notebook's start: 2 of 4 wrong
    plot = shown(qtbot, BoundaryPlot(s), (560, 680))
    guess = (s.trainer.predict()[:, 0] > 0.5).long()
    wrong = torch.nonzero(guess != s.data.y).reshape(-1).tolist()
    assert plot.misclassified().tolist() == wrong and len(wrong) == 2
    assert len(plot.wrong.data) == 2


def test_multiclass_image_blends_class_colours(qtbot, sessions):
    s = sessions("spiral")
    plot = shown(qtbot, BoundaryPlot(s), (560, 680))
    assert plot.image.image.shape == (100, 100, 3)
    assert plot.class_combo.count() == 3
    assert plot.units_image.image is not None  # small maps of a1's units


def test_click_adds_a_point_of_the_chosen_class_and_shift_click_removes_the_nearest(qtbot, sessions):
    s = sessions()
    plot = shown(qtbot, BoundaryPlot(s), (560, 680))
    plot.class_combo.setCurrentIndex(1)
    with qtbot.waitSignal(s.network_changed):
        click_at(qtbot, plot, 0.5, 0.5)
    assert s.data.n_samples == 5
    x, y = s.data.X[4].tolist()
    assert abs(x - 0.5) < 0.02 and abs(y - 0.5) < 0.02
    assert s.data.y[4].item() == 1
    assert plot.scatter.data.size == 5
    with qtbot.waitSignal(s.network_changed):
        click_at(qtbot, plot, 0.95, 0.05, Qt.KeyboardModifier.ShiftModifier)  # nearest is (1, 0)
    assert s.data.n_samples == 4
    assert [1.0, 0.0] not in s.data.X.tolist()
    assert s.undo_stack.count() == 2
    s.undo_stack.undo()
    assert [1.0, 0.0] in s.data.X.tolist()


def test_refused_removal_is_explained(qtbot, sessions):
    s = sessions()
    plot = shown(qtbot, BoundaryPlot(s), (560, 680))
    click_at(qtbot, plot, 1.0, 1.0, Qt.KeyboardModifier.ShiftModifier)
    click_at(qtbot, plot, 0.0, 0.0, Qt.KeyboardModifier.ShiftModifier)  # the last of class 0
    assert s.data.n_samples == 3
    assert "a classifier needs at least 2 classes" in plot.error.text()


def test_highlight_sample(qtbot, sessions):
    s = sessions()
    plot = shown(qtbot, BoundaryPlot(s), (560, 680))
    plot.highlight_sample(2)
    assert list(plot.marker.data["x"]) == [1.0] and list(plot.marker.data["y"]) == [0.0]
    plot.highlight_sample(None)
    assert plot.marker.data.size == 0


def test_regression_draws_the_fitted_curve(qtbot, sessions):
    s = sessions("sine")
    plot = shown(qtbot, BoundaryPlot(s), (560, 680))
    s.train_now(20)
    x, y = plot.curve.getOriginalDataset()
    X = torch.tensor(x, dtype=s.spec.torch_dtype)[:, None]
    assert np.allclose(y, s.trainer.predict(X)[:, 0].numpy())
    assert x.min() < s.data.X.min().item() and x.max() > s.data.X.max().item()
    with qtbot.waitSignal(s.network_changed):
        click_at(qtbot, plot, 0.0, 1.3)  # a point at x = 0 with target y = 1.3
    assert abs(s.data.X[-1, 0].item()) < 0.05 and abs(s.data.y[-1, 0].item() - 1.3) < 0.05


@pytest.mark.parametrize("lang", ["en", "ko"])
@pytest.mark.parametrize("preset, title", [("moons", "x2"), ("sine", "y: ")])
def test_the_boundarys_y_title_is_level_above_the_plot_and_whole(qtbot, sessions, lang, preset, title):
    """The boundary's x2 (and the fit's y) was turned on its side beside the axis, unlike every other plot
    title; level, in the row above the plot, all of it and all the tick labels inside the pane at 1366×768."""
    from app.i18n import install_translator

    install_translator(QApplication.instance(), lang)
    plot = shown(qtbot, BoundaryPlot(sessions(preset)), (380, 330))  # the right-hand pane's size at 1366×768
    widget = plot.plot_widget
    pi = widget.getPlotItem()
    label, axis = pi.titleLabel, pi.getAxis("left")
    assert label.isVisible() and label.text.startswith(title) and not axis.label.isVisible()
    box = label.mapRectToScene(label.item.mapRectToParent(label.item.boundingRect()))
    assert box.width() > box.height() and widget.sceneRect().contains(box)  # level, all of it
    m = label.item.document().documentMargin()
    assert box.bottom() - m <= pi.getViewBox().sceneBoundingRect().top() + 1  # above the plot, not on it
    ticks = axis.sceneBoundingRect()  # the tick labels' column, whole inside the picture
    assert ticks.left() >= 0 and ticks.width() >= axis.textWidth


def test_the_data_points_are_drawn_from_a_cache_while_the_boundary_changes(qtbot, sessions):
    """A new boundary image repaints the plot, but the points over it come from Qt's pixmap cache (their Python
    paint is not called again), and they are still drawn, in their class colours, where the data is."""
    from PySide6.QtGui import QColor

    from app.views.boundary_colors import class_colour

    s = sessions()
    plot = shown(qtbot, BoundaryPlot(s), (560, 680))
    paints = []
    for item in (plot.scatter, plot.wrong):
        original = item.paint
        item.paint = lambda *a, _o=original, _i=item: paints.append(_i) or _o(*a)
    plot.plot_widget.grab()
    before = len(paints)
    image = plot.image.image.copy()
    s.train_now(300)  # a new boundary, the same points (the misclassified ones may change)
    assert not np.array_equal(plot.image.image, image)
    shot = plot.plot_widget.grab().toImage()
    assert [p for p in paints[before:] if p is plot.scatter] == []
    vb = plot.plot_widget.getPlotItem().getViewBox()
    ratio = shot.devicePixelRatio()
    for (x, y), k in zip(s.data.X.tolist(), s.data.y.tolist()):
        at = plot.plot_widget.mapFromScene(vb.mapViewToScene(QPointF(x, y)))
        got = QColor(shot.pixel(round(at.x() * ratio), round(at.y() * ratio))).getRgb()[:3]
        assert max(abs(a - b) for a, b in zip(got, class_colour(k))) <= 40, (x, y, got)


def test_a_short_loss_pane_gives_the_loss_plot_at_least_the_accuracys_room(qtbot, sessions):
    """Run mode's right column at 1366×768 left the loss curve less room than the accuracy's flat line."""
    plot = shown(qtbot, LossPlot(sessions("xor-tanh")), (380, 270))
    qtbot.waitUntil(lambda: plot.acc_widget.height() == plot._acc_heights[0])
    QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)  # the plots laid out at that height
    loss_box = plot.plot_widget.getPlotItem().getViewBox().sceneBoundingRect()
    acc_box = plot.acc_widget.getPlotItem().getViewBox().sceneBoundingRect()
    line = plot.fontMetrics().height()
    assert plot.acc_widget.isVisible() and acc_box.height() >= 3 * line  # room for its labels 0, 0.5 and 1
    assert loss_box.height() >= acc_box.height(), (loss_box, acc_box)
    plot.resize(380, 600)  # a tall pane: the accuracy plot at its full height again
    qtbot.waitUntil(lambda: plot.acc_widget.height() == plot._acc_heights[1])
