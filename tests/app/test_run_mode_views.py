"""Run mode as the learner sees it: the loss curve and the decision boundary follow the run, the panes that
wait for the run to stop say so and come back after Pause; the startup window before the main window.

No timing assertions here (benchmarks/bench_app.py measures the speed): only what is shown.
"""

from __future__ import annotations

import os
import subprocess
import sys

import numpy as np
from PySide6.QtWidgets import QApplication

from app.state.throttle import Throttle

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def start(qtbot, session):
    with qtbot.waitSignal(session.running_changed, timeout=5000):
        assert session.start_run()


def pause(qtbot, session):
    with qtbot.waitSignal(session.running_changed, timeout=5000) as blocker:
        session.pause()
    assert blocker.args == [False]


def test_the_loss_curve_and_the_boundary_follow_the_run(qtbot, window):
    s = window.session
    loss, boundary = window.panes["loss"], window.panes["boundary"]
    image0 = np.array(boundary.image.image, copy=True)
    vb = loss.plot_widget.getPlotItem().getViewBox()
    seen = []  # (epoch, points on the curve, right end of the x range) at each snapshot

    def record(snap):
        if s.running:
            seen.append((snap.epoch, len(loss.loss_data()), vb.viewRange()[0][1]))

    s.snapshot.connect(record)
    start(qtbot, s)
    qtbot.waitUntil(lambda: len(seen) >= 3 and seen[-1][1] > seen[0][1], timeout=20000)
    # the curve grows with the run, from the session's (GUI-side) copy of the losses …
    data = loss.loss_data()
    assert np.array_equal(data, np.asarray(s.losses[: len(data)]))
    # … and stays in view although the axes no longer auto-range every frame
    assert all(right >= points for _epoch, points, right in seen)
    assert loss.readout.text().startswith("epoch ")
    # the boundary is redrawn from the snapshots' parameters
    qtbot.waitUntil(lambda: not np.array_equal(boundary.image.image, image0), timeout=20000)
    pause(qtbot, s)
    # after Pause everything shows the trainer's final state; auto-range is back
    assert np.array_equal(loss.loss_data(), np.asarray(s.trainer.losses))
    assert vb.autoRangeEnabled()[0] and vb.autoRangeEnabled()[1]
    assert loss.epoch_line.value() == s.epoch
    assert f"epoch {s.epoch:,}" in loss.readout.text()
    s.snapshot.disconnect(record)


def test_during_a_run_the_status_bar_the_toolbar_the_run_view_the_loss_readout_and_the_boundary_name_the_same_epoch(
        qtbot, window):
    s = window.session
    run, loss, boundary = window.panes["run"], window.panes["loss"], window.panes["boundary"]
    seen = []  # what each readout says once all of them have taken a frame (this slot is connected last)

    def record(snap):
        seen.append((f"{snap.epoch:,}", window.epoch_label.text(), window.op_label.text(), run.headline.text(),
                     loss.readout.text(), boundary._last_params is snap.params, snap.epoch))

    s.run_frame.connect(record)
    start(qtbot, s)
    qtbot.waitUntil(lambda: len(seen) >= 4, timeout=20000)
    pause(qtbot, s)
    s.run_frame.disconnect(record)
    for epoch, status, toolbar, headline, readout, drawn, e in seen:
        assert status == f"Epoch {epoch}"
        assert toolbar == f"Epoch {epoch} · training…" or not toolbar.endswith("training…")  # the last: paused
        assert headline.startswith(f"Epoch {epoch} · loss ")
        assert readout.startswith(f"epoch {e:,} · loss ")
        assert drawn  # the boundary drew this frame's parameters
    assert seen[-1][0] == f"{s.epoch:,}"  # the run's last snapshot is a frame too
    # after the run: the trainer's final state, exactly
    assert f"epoch {s.epoch:,} · loss {'%.6g' % s.trainer.losses[-1]}" in loss.readout.text()
    assert loss.epoch_line.value() == loss.acc_line.value() == s.epoch


def test_the_boundary_and_the_loss_readout_follow_run_frames_not_every_snapshot(qtbot, window):
    """The loss curve is drawn at every snapshot; the boundary (its image and unit maps) and the readout above
    the curve only at each run frame, about 10 a second (the GUI thread shares the GIL with training), and the
    final state after the run is the trainer's, exactly."""
    s = window.session
    loss, boundary = window.panes["loss"], window.panes["boundary"]
    counts = {"snapshots": 0, "frames": 0, "boundary": 0, "readout": 0, "curve": 0}
    set_text = loss.readout.setText

    def counted_text(text):
        counts["readout"] += 1
        set_text(text)

    loss.readout.setText = counted_text
    boundary.image.sigImageChanged.connect(lambda: counts.__setitem__("boundary", counts["boundary"] + 1))
    loss.loss_curve.sigPlotChanged.connect(lambda *_: counts.__setitem__("curve", counts["curve"] + 1))

    def on_snapshot(_snap):
        if s.running:
            counts["snapshots"] += 1

    def on_frame(_snap):
        if s.running:
            counts["frames"] += 1

    s.snapshot.connect(on_snapshot)
    s.run_frame.connect(on_frame)
    s._run._frames = Throttle(3)  # fewer frames than the ~10 a second of the app: the views follow them
    start(qtbot, s)
    qtbot.waitUntil(lambda: counts["frames"] >= 3 and counts["snapshots"] >= counts["frames"] + 6, timeout=30000)
    running = dict(counts)
    pause(qtbot, s)
    s.snapshot.disconnect(on_snapshot)
    s.run_frame.disconnect(on_frame)
    assert running["curve"] >= running["snapshots"] - 1  # the curve: every snapshot
    assert running["boundary"] <= running["frames"] + 1 < running["snapshots"]
    assert running["readout"] <= running["frames"] + 1
    # the last state is drawn from the trainer once the run has stopped
    from app.views.boundary_plot import BoundaryPlot

    fresh = BoundaryPlot(s)  # drawn from the session now: the trainer's final state
    qtbot.addWidget(fresh)
    assert np.array_equal(boundary.image.image, fresh.image.image)
    assert np.array_equal(loss.loss_data(), np.asarray(s.trainer.losses))


def test_a_range_set_by_hand_during_a_run_is_left_alone(qtbot, window):
    s = window.session
    loss = window.panes["loss"]
    vb = loss.plot_widget.getPlotItem().getViewBox()
    start(qtbot, s)
    vb.setXRange(0, 5, padding=0)
    vb.sigRangeChangedManually.emit([True, False])  # as a mouse drag on the x axis does
    epoch = s.epoch
    qtbot.waitUntil(lambda: s.epoch > epoch + 50, timeout=20000)
    assert vb.viewRange()[0] == [0, 5]
    pause(qtbot, s)
    assert not vb.autoRangeEnabled()[0]  # still the learner's range
    assert vb.autoRangeEnabled()[1]


def test_weights_and_diagram_follow_the_run_at_a_lower_rate(qtbot, window):
    from app.models.matrix_model import VALUE_ROLE

    s = window.session
    w1 = window.panes["weights"].model("w1")
    diagram = window.panes["diagram"]
    first = w1.data(w1.index(0, 0), VALUE_ROLE)
    start(qtbot, s)
    assert not window.panes["weights"].isVisible()  # Run mode keeps them out of sight: they wait …
    qtbot.waitUntil(lambda: s.epoch > 200, timeout=20000)
    assert w1.data(w1.index(0, 0), VALUE_ROLE) == first and not diagram._weights
    for name in ("weights", "diagram"):  # … until the learner shows them (View ▸), then follow the run
        assert window.workspace.show_pane(name)
    qtbot.waitUntil(lambda: w1.data(w1.index(0, 0), VALUE_ROLE) != first, timeout=20000)
    qtbot.waitUntil(lambda: bool(diagram._weights), timeout=20000)  # it drew a snapshot's weights
    pause(qtbot, s)
    assert w1.data(w1.index(0, 0), VALUE_ROLE) == float(s.trainer.params["w1"][0, 0])


def test_the_inspector_says_it_waits_for_the_run_and_comes_back_after_pause(qtbot, window):
    s = window.session
    inspector = window.panes["inspector"]
    s.next_op()  # an operation on show before the run
    assert inspector.plan() is not None and not inspector.is_showing_running()
    start(qtbot, s)
    assert inspector.is_showing_running()
    assert window.center is window.panes["run"]  # Run from Step mode: the centre shows the run live
    assert not inspector.empty.isHidden() and inspector.start_button.isHidden()
    assert inspector.plan() is None
    pause(qtbot, s)
    assert not inspector.is_showing_running()
    window.mode_actions["step"].trigger()
    assert window.center is inspector
    assert inspector.is_previewing()  # the next epoch's first operation, ready to step into
    assert inspector.empty.isVisible() and inspector.start_button.isVisible()
    s.next_op()  # and it walks the next epoch again
    assert inspector.plan() is not None and not inspector.empty.isVisible()
    assert window.panes["timeline"].isEnabled()


def test_throttle():
    now = [0.0]
    t = Throttle(per_second=10, clock=lambda: now[0])
    assert t.due() and not t.due()
    now[0] = 0.05
    assert not t.due()
    now[0] = 0.1
    assert t.due()
    t.reset()
    assert t.due()


# ----- startup ---------------------------------------------------------------------------------------------
def test_the_startup_window_needs_no_torch():
    code = ("import sys\n"
            "from PySide6.QtWidgets import QApplication\n"
            "app = QApplication([])\n"
            "from app.startup import StartupWindow, wait_for_paint\n"
            "w = StartupWindow(); w.show(); assert wait_for_paint(w, 10)\n"
            "names = ('torch', 'pyqtgraph', 'engine.training.trainer', 'app.shell.main_window')\n"
            "heavy = [m for m in names if m in sys.modules]\n"
            "print('heavy:', heavy)\n")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True,
                         timeout=120)
    assert out.returncode == 0, out.stderr
    assert "heavy: []" in out.stdout


def test_the_main_window_takes_the_startup_windows_place(qapp, monkeypatch):
    from app.__main__ import main
    from app.shell.main_window import MainWindow
    from app.startup import StartupWindow

    monkeypatch.setattr(QApplication, "exec", lambda *a: 0)  # no event loop: just build and show
    before = set(QApplication.topLevelWidgets())
    assert main([]) == 0
    new = [w for w in QApplication.topLevelWidgets() if w not in before]
    windows = [w for w in new if isinstance(w, MainWindow) and w.isVisible()]
    shells = [w for w in new if isinstance(w, StartupWindow) and w.isVisible()]
    assert len(windows) == 1 and not shells
    screen = QApplication.primaryScreen().availableGeometry()
    assert windows[0].size().width() >= min(800, screen.width() - 4)
    for w in windows:
        w.confirm_close = False
        w.close()


def test_measure_startup_prints_both_marks(qapp, capsys):
    from app.__main__ import main

    assert main(["--measure-startup"]) == 0
    assert capsys.readouterr().out.split() == ["shown", "ready"]


def test_readouts_changing_during_a_run_do_not_lay_the_window_out_again(qtbot, window):
    """Ten new texts a second in the status bar, the toolbar, the loss readout and the run view's headline:
    the labels keep their size while running, so the main window is not laid out again for each; after the
    run their own size limits are back."""
    from PySide6.QtCore import QEvent, QObject

    s = window.session
    labels = [window.epoch_label, window.op_label, window.panes["loss"].readout, window.panes["run"].headline]
    limits = [(lab.minimumSize(), lab.maximumSize()) for lab in labels]

    class Layouts(QObject):
        n = 0

        def eventFilter(self, obj, event):
            if event.type() == QEvent.Type.LayoutRequest:
                Layouts.n += 1
            return False

    layouts = Layouts()
    frames = []
    s.run_frame.connect(lambda snap: frames.append(snap.epoch) if s.running else None)
    start(qtbot, s)
    qtbot.waitUntil(lambda: len(frames) >= 2, timeout=20000)
    QApplication.processEvents()
    window.installEventFilter(layouts)
    texts = [lab.text() for lab in labels]
    seen = len(frames)
    qtbot.waitUntil(lambda: len(frames) >= seen + 5, timeout=20000)
    window.removeEventFilter(layouts)
    assert [lab.text() for lab in labels] != texts  # the readouts moved on …
    assert Layouts.n <= 1  # … and the window was not laid out again for them
    pause(qtbot, s)
    assert [(lab.minimumSize(), lab.maximumSize()) for lab in labels] == limits


def test_a_held_label_lets_go_when_a_text_no_longer_fits(qtbot, window):
    from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

    from app.views.held_label import HeldLabel

    s = window.session
    box = QWidget()
    qtbot.addWidget(box)
    label = QLabel("epoch 0")
    label.setWordWrap(True)  # a longer text needs more lines
    lay = QVBoxLayout(box)
    lay.addWidget(label)
    lay.addStretch(1)  # the label gets the height of its text
    box.resize(300, 300)
    box.show()
    qtbot.waitExposed(box)
    held = HeldLabel(label, s)
    start(qtbot, s)
    held.set_text("epoch 1")
    assert held.held and label.minimumSize() == label.maximumSize() == label.size()
    height = label.height()
    long_text = "epoch 1 · " + "a much longer text than the label was laid out for " * 4
    held.set_text(long_text)
    assert not held.held  # the room it needs is given by one layout …
    qtbot.waitUntil(lambda: label.height() > height, timeout=5000)
    held.set_text(long_text + " ")
    assert held.held  # … and it is held again at its new size
    pause(qtbot, s)
    assert not held.held and label.minimumSize() != label.maximumSize()
