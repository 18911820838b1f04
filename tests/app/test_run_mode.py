"""Run mode: training off the GUI thread, Pause, Run to epoch, closing while running, divergence."""

from __future__ import annotations

import gc
import math
import weakref

from PySide6.QtCore import Qt

from engine.io.presets import load_preset
from engine.training.trainer import Trainer


def click(qtbot, window, action):
    qtbot.mouseClick(window.toolbar.widgetForAction(action), Qt.MouseButton.LeftButton)


def test_run_then_pause_stops_within_one_snapshot(qtbot, window):
    s = window.session
    got, lengths = [], []
    s.snapshot.connect(got.append)
    s.snapshot.connect(lambda snap: lengths.append((snap.epoch, len(s.losses))))
    with qtbot.waitSignal(s.running_changed, timeout=5000):
        click(qtbot, window, window.acts.run)
    assert s.running
    assert window.acts.run.text() == "&Pause"
    assert not window.acts.step_epoch.isEnabled() and not window.run_to_spin.isEnabled()
    qtbot.waitUntil(lambda: len(got) >= 2, timeout=10000)
    # the status bar shows a snapshot's epoch (its readouts follow run frames: at most ~10 a second, and the last)
    qtbot.waitUntil(lambda: window.epoch_label.text() in {f"Epoch {g.epoch:,}" for g in got}, timeout=5000)
    before = len(got)
    with qtbot.waitSignal(s.running_changed, timeout=5000) as blocker:
        click(qtbot, window, window.acts.run)  # now "Pause"
    assert blocker.args == [False]
    after = got[before:]
    assert len(after) <= 1 and after[-1].done
    assert s.epoch == s.trainer.epoch == got[-1].epoch
    assert len(s.losses) == s.epoch
    assert all(e == n for e, n in lengths)  # during the run, session.losses kept up with every snapshot
    assert window.acts.run.text() == "&Run" and window.acts.step_epoch.isEnabled()
    assert window.op_label.text().startswith(f"Epoch {s.epoch:,} · Next operation (F11) starts epoch {s.epoch + 1:,};")


def test_run_to_epoch_matches_the_headless_engine(qtbot, window):
    s = window.session
    window.run_to_spin.setValue(300)
    with qtbot.waitSignal(s.running_changed, timeout=5000):
        click(qtbot, window, window.acts.run_to)
    assert window.progress.isVisible() and window.progress.maximum() == 300
    qtbot.waitUntil(lambda: not s.running, timeout=20000)
    assert not window.progress.isVisible()
    assert s.epoch == 300 and window.epoch_label.text() == "Epoch 300"
    ref = Trainer(*load_preset("notebook-xor"))
    for _ in ref.train(300):
        pass
    assert list(s.losses) == list(ref.losses)
    assert s.dirty and window.windowTitle().startswith("notebook-xor[*]")


def test_edits_are_refused_while_running(qtbot, window):
    from app.state.commands import SetParamCommand

    s = window.session
    with qtbot.waitSignal(s.running_changed, timeout=5000):
        s.start_run()
    err = s.try_push(SetParamCommand(s, "b2", None, [0.5]))
    assert err == "Pause training before editing."
    with qtbot.waitSignal(s.running_changed, timeout=5000):
        s.pause()
    assert s.undo_stack.count() == 0


def test_closing_while_running_leaves_no_thread_behind(qtbot, make_window):
    w = make_window()
    s = w.session
    with qtbot.waitSignal(s.snapshot, timeout=10000):
        s.start_run()
    task = s._run.task
    thread, gone = task._thread, weakref.ref(task)
    assert thread.isRunning()
    w.close()
    assert not s.running and s._run.task is None
    assert thread.isFinished()
    del thread, task
    qtbot.wait(0)  # deferred deletes
    gc.collect()
    assert gone() is None
    assert s.trainer.epoch == len(s.trainer.losses) > 0


def test_divergence_shows_the_banner_and_roll_back_restores_a_finite_state(qtbot, make_window, make_session):
    # sine regression (linear output, MSE) with a learning rate of 10 blows up within a few epochs
    w = make_window(make_session("sine", lr=10.0))
    s = w.session
    diverged = []
    s.diverged.connect(diverged.append)
    with qtbot.waitSignal(s.running_changed, timeout=5000):
        click(qtbot, w, w.acts.run)
    qtbot.waitUntil(lambda: not s.running, timeout=20000)
    assert len(diverged) == 1
    d = diverged[0]
    assert w.banner.isVisible()
    title = w.banner.title.text()
    assert f"epoch {d.epoch}" in title and f"at {d.step} (" in title
    assert d.reason and w.banner.text.text() == d.reason
    assert w.banner.rollback.text() == f"Roll back to epoch {d.last_finite_epoch}"
    assert not math.isfinite(s.losses[-1])
    qtbot.mouseClick(w.banner.rollback, Qt.MouseButton.LeftButton)
    assert not w.banner.isVisible()
    assert s.epoch == d.last_finite_epoch
    assert s.trainer.is_finite() and all(math.isfinite(x) for x in s.losses)
    assert len(s.losses) == d.last_finite_epoch
    assert w.epoch_label.text() == f"Epoch {d.last_finite_epoch}"


def test_stepping_into_divergence_shows_the_banner(qtbot, make_window, make_session):
    w = make_window(make_session("sine", lr=10.0))
    s = w.session
    for _ in range(40):
        if w.banner.isVisible():
            break
        w.acts.step_epoch.trigger()
    assert w.banner.isVisible()
    assert w.banner.diagnosis.epoch == s.epoch
    w.acts.step_back.trigger()  # stepping back past the divergence clears it
    assert not w.banner.isVisible()


def test_space_runs_and_pauses_but_presses_a_focused_button(qtbot, window):
    s = window.session
    window.activateWindow()
    window.op_label.setFocus()
    with qtbot.waitSignal(s.running_changed, timeout=5000):
        qtbot.keyClick(window, Qt.Key.Key_Space)
    assert s.running
    with qtbot.waitSignal(s.running_changed, timeout=5000) as blocker:
        qtbot.keyClick(window, Qt.Key.Key_Space)
    assert blocker.args == [False]
    # with a (non-toolbar) button focused, Space is the button's
    from PySide6.QtWidgets import QPushButton

    button = QPushButton("press me", window.banner)
    clicks = []
    button.clicked.connect(lambda: clicks.append(1))
    window.banner.show()
    button.show()
    button.setFocus()
    qtbot.waitUntil(button.hasFocus)
    qtbot.keyClick(button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: clicks == [1])
    assert not s.running
