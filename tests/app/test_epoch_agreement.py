"""One meaning of "epoch": after every kind of step, forwards and backwards, the toolbar, the status bar, the
timeline and the inspector name the same epoch, and the window says when the next operation starts a new one."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt

from app.views.inspector.fixtures import plain

N_STEPS = 17  # operations in one notebook-xor epoch (checked below)


def named_epochs(window) -> dict[str, int | None]:
    """The epoch number each place shows (None where a place names none)."""
    def number(text: str, pattern: str):
        m = re.search(pattern, plain(text))
        return int(m.group(1).replace(",", "")) if m else None

    timeline = window.panes.get("timeline")
    inspector = window.panes.get("inspector")
    return {
        "toolbar": number(window.op_label.text(), r"^Epoch ([\d,]+) ·"),
        "status bar": number(window.epoch_label.text(), r"^Epoch ([\d,]+)"),
        "timeline": number(timeline.title.text(), r"^Epoch ([\d,]+)"),
        "inspector": number(inspector.header.text(), r"epoch ([\d,]+) · operation")
        if window.session.current_step() is not None else None,
    }


def assert_agree(window, epoch: int) -> None:
    names = named_epochs(window)
    shown = {k: v for k, v in names.items() if v is not None}
    assert shown == dict.fromkeys(shown, epoch), names
    assert {"toolbar", "status bar", "timeline"} <= set(shown)
    if window.session.current_step() is not None:
        assert "inspector" in shown


def notice(window) -> str:
    return window.panes.get("timeline").notice.text()


def press(qtbot, window, key) -> None:
    qtbot.keyClick(window, key)


@pytest.fixture
def win(make_window):
    w = make_window()
    assert w.panes.get("timeline") is not None and w.panes.get("inspector") is not None
    return w


def test_at_the_start_everything_names_epoch_0_and_next_starts_epoch_1(win):
    assert_agree(win, 0)
    assert notice(win) == "Next ▶ starts epoch 1."
    assert "Next operation (F11) starts epoch 1" in win.op_label.text()


def test_step_epoch_then_next_and_previous_stay_in_that_epoch(qtbot, win):
    s = win.session
    press(qtbot, win, Qt.Key.Key_F10)
    assert_agree(win, 1)
    assert len(s.trace.steps) == N_STEPS and s.position == 0
    assert win.epoch_label.text() == "Epoch 1"  # applied: no "(in progress)"
    for i in range(1, N_STEPS):
        press(qtbot, win, Qt.Key.Key_F11)
        assert s.position == i
        assert_agree(win, 1)
        assert (notice(win) == "Next ▶ starts epoch 2.") == (i == N_STEPS - 1)
    assert win.op_label.text().endswith(" · next: epoch 2 starts")
    for i in range(N_STEPS - 2, -1, -1):
        win.acts.prev_op.trigger()
        assert s.position == i
        assert_agree(win, 1)
        assert notice(win) == ""
    press(qtbot, win, Qt.Key.Key_F10)  # a new whole epoch from the middle of a record
    assert_agree(win, 2)


def test_walking_an_epoch_in_progress_names_it_and_says_so(qtbot, win):
    s = win.session
    press(qtbot, win, Qt.Key.Key_F10)
    for _ in range(N_STEPS):  # to the end of epoch 1's record, and one more
        win.acts.next_op.trigger()
    assert s.position == 0 and s.epoch == 1  # epoch 2 has begun, nothing applied yet
    assert_agree(win, 2)
    assert win.epoch_label.text() == "Epoch 2 (in progress)"
    assert plain(win.panes.get("timeline").title.text()) == f"Epoch 2: operation 1 of {N_STEPS} (in progress)"
    for _ in range(5):
        win.acts.next_op.trigger()
        assert_agree(win, 2)
    win.acts.prev_op.trigger()
    assert_agree(win, 2)
    press(qtbot, win, Qt.Key.Key_F10)  # finishes epoch 2 where the learner is
    assert s.epoch == 2 and s.position == 4
    assert_agree(win, 2)
    assert win.epoch_label.text() == "Epoch 2"


def test_step_back_rewind_and_reset_move_every_name_together(qtbot, win):
    s = win.session
    for _ in range(3):
        press(qtbot, win, Qt.Key.Key_F10)
    assert_agree(win, 3)
    win.acts.step_back.trigger()
    assert s.epoch == 2 and s.trace is None
    assert_agree(win, 2)
    assert notice(win) == "Next ▶ starts epoch 3."
    win.acts.next_op.trigger()
    assert_agree(win, 3)
    win.acts.step_back.trigger()  # leaves the epoch in progress
    assert_agree(win, 2)
    s.rewind(1)
    assert_agree(win, 1)
    win.acts.reset.trigger()
    assert_agree(win, 0)
    win.acts.undo.trigger()
    assert_agree(win, 1)


def test_after_a_run_everything_names_the_runs_last_epoch(qtbot, win):
    s = win.session
    win.acts.next_op.trigger()
    with qtbot.waitSignal(s.running_changed, timeout=20000, check_params_cb=lambda r: not r):
        s.start_run(to_epoch=7)
    assert s.epoch == 7
    assert_agree(win, 7)
    assert notice(win) == "Next ▶ starts epoch 8."


def test_every_place_writes_a_four_digit_epoch_the_same_way(qtbot, win):
    """The status bar wrote "Epoch 2,000" while the toolbar beside it wrote "Epoch 2000 · Next operation (F11)
    starts epoch 2001" and the list of operations "Epoch 2000": one epoch, one way of writing it."""
    s = win.session
    s.train_now(1233)
    qtbot.waitUntil(lambda: s.epoch == 1233 and not s.running, timeout=60_000)
    assert win.epoch_label.text() == "Epoch 1,233"
    assert win.op_label.text().startswith("Epoch 1,233 · Next operation (F11) starts epoch 1,234;")
    assert plain(win.panes.get("timeline").title.text()).startswith("Epoch 1,233 · epoch 1,234 ready to step")
    assert notice(win) == "Next ▶ starts epoch 1,234."
    win.acts.next_op.trigger()
    assert win.epoch_label.text() == "Epoch 1,234 (in progress)"
    assert win.op_label.text().startswith("Epoch 1,234 · forward · ")
    assert plain(win.panes.get("timeline").title.text()) == f"Epoch 1,234: operation 1 of {N_STEPS} (in progress)"
    assert "epoch 1,234 · operation 1 of" in plain(win.panes.get("inspector").header.text())
    assert_agree(win, 1234)
