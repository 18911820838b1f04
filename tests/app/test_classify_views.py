"""Where the inputs are not a plane (the digits), the boundary pane shows a confusion matrix, the misclassified
images and the first-layer weights as 8×8 images, computed from the session's network."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from app.state.session import Session
from app.views.boundary_plot import BoundaryPlot
from app.views.classify.misclassified import MAX_SHOWN
from app.views.inspector.fixtures import notebook_xor_trainer
from engine.io.presets import load_preset
from engine.training.confusion import confusion
from engine.training.trainer import Trainer


@pytest.fixture(scope="module")
def trained_digits():
    t = Trainer(*load_preset("digits"))
    list(t.train(40, every=41))
    return t


@pytest.fixture
def digits(qtbot, trained_digits):
    session = Session(trained_digits)
    pane = BoundaryPlot(session)
    qtbot.addWidget(pane)
    pane.resize(520, 700)
    pane.show()
    qtbot.waitExposed(pane)
    return session, pane


def test_digits_replace_the_boundary_by_the_confusion_matrix(digits):
    session, pane = digits
    panel = pane.non_planar
    assert panel.isVisible() and not pane.plot_widget.isVisible()
    t = session.trainer
    c = confusion(t.predict(), t.data.y, 10)
    acc = t.accuracy()
    assert panel.summary.text() == (f"After epoch 40's update, training accuracy {100 * acc:.1f} %: {c.correct} "
                                    f"of 1797 right, {1797 - c.correct} misclassified.")
    # what the learner reads in the cells: the engine's counts, rows true, columns the answer
    for true, pred in [(0, 0), (8, 1), (1, 9), (3, 3)]:
        assert panel.confusion.cell_text(true, pred) == str(int(c.counts[true, pred]))
    assert sum(int(panel.confusion.cell_text(k, k)) for k in range(10)) == c.correct


def test_misclassified_images_are_captioned_true_to_answer(digits):
    session, pane = digits
    grid = pane.non_planar.wrong_grid
    t = session.trainer
    pred = t.predict().argmax(1)
    wrong = torch.nonzero(pred != t.data.y).reshape(-1).tolist()
    assert grid.indices == wrong[:MAX_SHOWN]
    i = wrong[0]
    assert grid.captions()[0] == f"{int(t.data.y[i])} → {int(pred[i])}"
    assert all(img.width() == 8 and img.height() == 8 for img, _, _ in grid.tiles)
    # the image is the sample's pixels: ink (1.0) is black, paper (0.0) white
    img = grid.tiles[0][0]
    x = t.data.X[i].reshape(8, 8)
    r, c = divmod(int(x.argmax()), 8)
    assert img.pixelColor(c, r).red() == 0
    r, c = divmod(int(x.argmin()), 8)
    assert img.pixelColor(c, r).red() == 255


def test_first_layer_weights_and_their_gradient_as_8x8_images(digits):
    session, pane = digits
    panel = pane.non_planar
    units = panel.units
    assert len(units.tiles) == 32 and units.name == "w1"
    assert np.array_equal(units.values, session.trainer.params["w1"].double().numpy())
    session.next_op()  # the epoch in progress: its d_w1 is what the gradient view shows
    panel.units_box.setCurrentIndex(panel.units_box.findData("d_w1"))
    assert units.name == "d_w1" and len(units.tiles) == 32
    assert np.array_equal(units.values, session.trace.grads["d_w1"].double().numpy())
    assert "Column j of d_w1, drawn 8×8" in panel.units_caption.text()


def test_hidden_for_the_notebook_xor(qtbot):
    session = Session(notebook_xor_trainer())
    pane = BoundaryPlot(session)
    qtbot.addWidget(pane)
    pane.show()
    qtbot.waitExposed(pane)
    assert not pane.non_planar.isVisible() and pane.plot_widget.isVisible()


def test_in_korean(qtbot, trained_digits):
    from PySide6.QtWidgets import QApplication

    from app.i18n import install_translator

    assert install_translator(QApplication.instance(), "ko")
    session = Session(trained_digits)
    pane = BoundaryPlot(session)
    qtbot.addWidget(pane)
    tabs = pane.non_planar.tabs
    assert [tabs.tabText(i) for i in range(3)] == ["혼동 행렬", "잘못 분류됨", "첫 층 가중치"]
    n_right = int(confusion(trained_digits.predict(), trained_digits.data.y, 10).correct)
    assert pane.non_planar.summary.text().startswith(
        f"에포크 40 업데이트 후 훈련 정확도 {100 * n_right / 1797:.1f} %: 1797개 중 {n_right}개 맞음")


def test_a_run_updates_the_confusion_matrix_and_ends_with_the_trainers_numbers(qtbot):
    session = Session(Trainer(*load_preset("digits")))
    pane = BoundaryPlot(session)
    qtbot.addWidget(pane)
    panel = pane.non_planar
    before = panel.summary.text()
    with qtbot.waitSignal(session.running_changed, timeout=5000):
        assert session.start_run(to_epoch=30)
    qtbot.waitUntil(lambda: not session.running, timeout=60000)
    assert session.trainer.epoch == 30
    t = session.trainer
    c = confusion(t.predict(), t.data.y, 10)
    assert panel.summary.text() != before
    assert panel.summary.text().startswith(
        f"After epoch 30's update, training accuracy {100 * c.accuracy:.1f} %: {c.correct} of 1797")
    panel.units_box.setCurrentIndex(panel.units_box.findData("d_w1"))  # paused: the gradient can be shown
    assert len(panel.units.tiles) == 32


@pytest.fixture(scope="module")
def trained_split_digits():
    spec, data = load_preset("digits")
    t = Trainer(spec, data.with_split(0.25, 3))
    list(t.train(15, every=16))
    return t


def test_with_a_split_the_matrix_counts_training_rows_and_test_rows_apart(qtbot, trained_split_digits):
    """The learner reads the training rows' matrix (labelled so) and the test accuracy, and can switch the
    matrix and the misclassified images to the test rows; the two are never counted together."""
    t = trained_split_digits
    data = t.data
    session = Session(t)
    pane = BoundaryPlot(session)
    qtbot.addWidget(pane)
    pane.resize(520, 700)
    pane.show()
    qtbot.waitExposed(pane)
    panel = pane.non_planar
    y_pred = t.net.predict(t.params, data.X.to(t.spec.torch_dtype))
    pred = y_pred.argmax(1)

    def counted():
        return sum(int(panel.confusion.cell_text(a, b)) for a in range(10) for b in range(10))

    train_rows, test_rows = data.train_index, data.test_index
    right_train = int((pred[train_rows] == data.y[train_rows]).sum())
    right_test = int((pred[test_rows] == data.y[test_rows]).sum())
    assert panel.rows_box.isVisible()
    assert [panel.rows_box.itemText(i) for i in range(2)] == ["training rows (1348)", "test rows (449)"]
    assert counted() == 1348 and panel.rows_caption.text() == "the test rows are counted apart"
    for k in range(10):
        rows = train_rows[data.y[train_rows] == k]
        assert panel.confusion.cell_text(k, k) == str(int((pred[rows] == k).sum()))
    assert panel.summary.text() == (
        f"After epoch 15's update, training accuracy {100 * right_train / 1348:.1f} %: {right_train} of 1348 right, "
        f"{1348 - right_train} misclassified. Test accuracy {100 * right_test / 449:.1f} %: {right_test} of 449 "
        "right, on rows it never trains on.")
    assert set(panel.wrong_grid.indices) <= set(train_rows.tolist())

    panel.rows_box.setCurrentIndex(panel.rows_box.findData("test"))
    assert counted() == 449 and panel.rows_caption.text() == "rows never trained on"
    wrong_test = [int(i) for i in test_rows[pred[test_rows] != data.y[test_rows]]]
    assert panel.wrong_grid.indices == wrong_test[:MAX_SHOWN]
    i = wrong_test[0]
    assert panel.wrong_grid.captions()[0] == f"{int(data.y[i])} → {int(pred[i])}"


def test_without_a_split_no_choice_of_rows_is_offered(digits):
    _session, pane = digits
    assert not pane.non_planar.rows_box.isVisible() and not pane.non_planar.rows_caption.isVisible()


def test_the_panel_says_which_parameters_it_counts_and_gives_the_status_bars_accuracy(qtbot, make_window):
    """The panel counts the parameters after the last epoch's update, while the status bar and the loss plot
    give each epoch's accuracy from its forward pass, before its update (≈0.2 points apart on the digits):
    the panel says so and shows the status bar's number beside its own; while an epoch is in progress both
    count the same parameters, and agree."""
    spec, data = load_preset("digits")
    w = make_window(Session(Trainer(spec, data.with_split(0.25, 3))))
    session = w.session
    session.train_now(20)
    w.workspace.show_pane("boundary")
    panel = w.panes["boundary"].non_planar
    t = session.trainer
    status = w.acc_label.text()
    assert status == f"Accuracy {100 * t.accuracies[-1]:.1f} %"  # epoch 20's forward pass
    assert f"{100 * t.accuracy():.1f}" != f"{100 * t.accuracies[-1]:.1f}"  # the parameters now answer otherwise
    assert panel.summary.text().startswith(f"After epoch 20's update, training accuracy {100 * t.accuracy():.1f} %")
    assert panel.basis.isVisible() and panel.basis.text() == (
        f"The status bar and the loss plot give epoch 20 before its update: {status.split()[-2]} % "
        f"(test {100 * session.test_accuracies[-1]:.1f} %).")
    session.next_op()  # epoch 21 in progress: its forward pass counts the parameters the panel counts
    assert session.epoch_in_progress
    assert panel.summary.text().startswith("Training accuracy ") and not panel.basis.isVisible()
    assert w.acc_label.text() == f"Accuracy {panel.summary.text().split()[2]} %"


@pytest.mark.parametrize("lang, title", [("en", "Classification"), ("ko", "분류 결과")])
def test_the_pane_is_titled_for_what_it_shows_and_says_nothing_of_a_boundary(qtbot, make_window, trained_digits,
                                                                              lang, title):
    """Above the confusion panel the pane said "The decision boundary is drawn for data with 2 inputs (or a
    1-input regression); this data has 64 inputs." over two lines at 1366×768, under a dock titled "Decision
    boundary": the dock is titled for what it shows, and the matrix has the lines."""
    from PySide6.QtWidgets import QApplication, QLabel

    from app.i18n import install_translator

    install_translator(QApplication.instance(), lang)
    w = make_window(Session(trained_digits))
    w.resize(1366, 768)
    qtbot.waitUntil(lambda: w.laid_out and w.width() == 1366)
    w.workspace.show_pane("boundary")
    pane = w.panes["boundary"]
    qtbot.waitUntil(pane.non_planar.isVisible)
    assert w.docks["boundary"].windowTitle() == title
    assert not pane.message.isVisible()
    shown = [lb.text() for lb in pane.findChildren(QLabel) if lb.isVisible()]
    assert not any("boundary" in t or "경계" in t for t in shown), shown
    w.files.new_from_preset("moons")  # a plane again: a decision boundary
    assert w.docks["boundary"].windowTitle() == ("Decision boundary" if lang == "en" else "결정 경계")


def test_data_no_view_draws_still_gets_the_message(qtbot):
    """A regression over 3 inputs has no boundary, no fit and no confusion panel: the message stays."""
    from dataclasses import replace

    from engine.io.datasets import Dataset

    spec, _ = load_preset("sine")
    g = torch.Generator().manual_seed(0)
    data = Dataset(X=torch.randn(20, 3, generator=g, dtype=torch.float64),
                   y=torch.randn(20, 1, generator=g, dtype=torch.float64), task="regression",
                   n_classes=0, source={})
    pane = BoundaryPlot(Session(Trainer(replace(spec, inputs=3), data)))
    qtbot.addWidget(pane)
    pane.show()
    qtbot.waitExposed(pane)
    assert not pane.non_planar.isVisible() and not pane.plot_widget.isVisible()
    assert pane.message.isVisible()
    assert pane.message.text().startswith("The decision boundary is drawn for data")


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_the_whole_matrix_fits_the_pane_at_1366x768(qtbot, make_window, trained_digits, lang):
    """At 1366×768 the pane (under the network diagram) gave the matrix less than its fixed 220 px minimum
    and its last rows were cut off (row 9 at the bottom, in Korean row 8 too): it now shrinks its cells to
    what the pane gives and the caption takes one line; every row is on screen."""
    from PySide6.QtGui import QFontMetricsF
    from PySide6.QtWidgets import QApplication

    from app.i18n import install_translator

    install_translator(QApplication.instance(), lang)
    w = make_window(Session(trained_digits))
    w.resize(1366, 768)
    qtbot.waitUntil(lambda: w.laid_out and w.width() == 1366)
    w.workspace.show_pane("boundary")
    panel = w.panes["boundary"].non_planar
    qtbot.waitUntil(panel.isVisible)
    view = panel.confusion
    g = view.plan()
    assert g.cell >= 8
    font = view.count_font(g.cell)  # the counts whole in their cells, or left to the cells' tooltips
    assert font is None or QFontMetricsF(font).horizontalAdvance("179") <= g.cell - 3
    assert view.visibleRegion().boundingRect().bottom() + 1 >= g.y0 + 10 * g.cell  # the last row whole
    cap = panel.confusion_caption
    assert cap.height() < 2 * cap.fontMetrics().lineSpacing()
