"""The Practice pane: the learner's code checked out of process, verdicts as the learner sees them.

Each test that presses Check or Train starts `python -m engine check` (≈1.5–3 s): they are few on purpose.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer

from app.views.practice import wording
from app.views.practice.pane import PracticePane
from app.views.practice.verdict_model import FACTOR, FOLLOWS, LINE, STATUS, TENSOR
from engine.checker.exercise import template

LESSONS = Path(__file__).resolve().parents[2] / "resources" / "lessons"
CELL = (LESSONS / "notebook_cell.py").read_text(encoding="utf-8")
CHECK_TIMEOUT_MS = 40_000


@pytest.fixture
def pane(qtbot, session):
    p = PracticePane(session)
    qtbot.addWidget(p)
    p.resize(1400, 820)
    p.show()
    qtbot.waitExposed(p)
    yield p
    p.shutdown()


def paste(pane, text: str) -> None:
    """Replace the editor's text the way a paste does (select all, insert)."""
    pane.editor.setFocus()
    pane.editor.selectAll()
    pane.editor.insertPlainText(text)


def cell(model, name: str, column: int) -> str:
    return model.data(model.index(model.row_of(name), column))


# ----- without the checker's process -------------------------------------------------------------------
def test_the_editor_starts_with_the_template_and_the_code_is_saved_with_the_session(qtbot, pane, session):
    assert pane.editor.toPlainText() == template(session.trainer)
    assert "#   w1 (2×2), b1 (2,), w2 (2×1), b2 (1,)" in pane.editor.toPlainText()
    assert session.practice_code == "" and not session.dirty  # the template is not their code
    pane.editor.moveCursor(pane.editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(pane.editor, "d_loss = 1")
    assert session.practice_code.endswith("d_loss = 1") and session.dirty
    # a session file opened with its own code shows that code
    from engine.io.presets import load_preset
    from engine.training.trainer import Trainer

    session.open_trainer(Trainer(*load_preset("notebook-xor")), "", practice_code="d_l2 = y_pred - y\n")
    assert pane.editor.toPlainText() == "d_l2 = y_pred - y\n"
    assert not session.dirty


def test_under_mini_batches_the_pane_says_the_check_is_full_batch(qtbot, pane, session):
    """The learner's cell is the notebook's full-batch loop: with the session stepping mini-batches, the pane
    says its numbers come from every training row, not from the batch the inspector shows."""
    note = pane.results.batch_note
    assert not note.isVisible()  # full batch: nothing to say
    session.apply_spec(session.spec.with_changes(batch_size=2))
    assert note.isVisible() and note.text() == ("Checked and trained as in the notebook: all 4 training rows "
                                                "at once, not mini-batches of 2.")
    assert note.geometry().bottom() < pane.table.geometry().top()  # above the verdicts, whole
    session.apply_spec(session.spec.with_changes(batch_size=4))  # one batch of every row: the full batch
    assert not note.isVisible()


def test_highlighting_colours_keywords_comments_and_numbers(qtbot, pane):
    paste(pane, "for k in range(3):  # loop\n    x = 1.5\n")
    doc = pane.editor.document()
    fmts = {}
    for n in (0, 1):
        b = doc.findBlockByNumber(n)
        for r in b.layout().formats():
            f = r.format  # read it at once: the layout's formats are temporaries
            fmts[b.text()[r.start:r.start + r.length]] = (f.fontWeight(), f.fontItalic(),
                                                          f.foreground().color().name())
    assert fmts["for"][0] > 400  # keyword: bold
    assert fmts["# loop"][1]  # comment: italic
    assert fmts["3"][2] == fmts["1.5"][2] != "#000000"  # numbers: coloured


def test_verdict_wording_shows_the_engines_text_and_falls_back_to_its_english():
    from engine.checker.verdicts import TensorResult

    r = TensorResult("d_l1", "gradient", [4, 2], [4, 2], "wrong", hint="engine words", hint_code="brand_new",
                     hint_text={"code": "checker.no_such_code", "args": {}})
    assert wording.hint_text(r) == "engine words"
    args = {"name": "d_loss", "k": "−4", "N": 4, "formula": "d_loss = …"}
    r = TensorResult("d_loss", "gradient", [4, 1], [4, 1], "scale", factor=-4.0, hint="x",
                     hint_code="sign_mean_missing", numbers={"k": -4.0, "N": 4}, formula="d_loss = …",
                     hint_text={"code": "checker.grad.sign_mean_missing", "args": args})
    assert wording.status_text(r) == "scale ×−4"
    assert wording.hint_text(r).startswith("d_loss is −4 × the right value: the sign and the 1/N")
    assert wording.hint_line(r).startswith("d_loss: d_loss is −4") and "engine computes" not in wording.hint_line(r)
    d = {"code": "div_zero", "reason": "engine", "step": "d_loss",
         "explanation": {"code": "diverge.div_zero", "args": {"saturated": 1}}}
    assert wording.divergence_text(312, d).startswith("NaN at epoch 312: d_loss divides by y_pred")
    assert wording.diagnosis_text({"code": "??", "reason": "engine words"}) == "engine words"
    bad = {"code": "??", "reason": "engine words", "explanation": {"code": "diverge.div_zero", "args": {}}}
    assert wording.diagnosis_text(bad) == "engine words"  # a template its arguments cannot fill in


# ----- with the checker (one process each) --------------------------------------------------------------
def test_pasting_the_notebooks_cell_and_checking_names_d_loss_with_factor_minus_4(qtbot, pane, session,
                                                                                   qtmodeltester):
    paste(pane, CELL)
    assert session.practice_code == CELL
    with qtbot.waitSignal(pane.finished, timeout=CHECK_TIMEOUT_MS):
        qtbot.mouseClick(pane.check_button, Qt.MouseButton.LeftButton)
    m = pane.model
    qtmodeltester.check(m)
    assert cell(m, "d_loss", TENSOR) == "d_loss  ◀ root"
    assert cell(m, "d_loss", STATUS) == "scale ×−4"
    assert cell(m, "d_loss", FACTOR) == "−4"
    assert cell(m, "d_loss", LINE) == "3"
    assert cell(m, "d_l2", STATUS) == "follows d_loss" and cell(m, "d_l2", FOLLOWS) == "d_loss"
    assert cell(m, "d_b2", STATUS) == "shape"
    assert pane.summary.text().startswith("Root mistake: d_loss (line 3).")
    assert "the sign and the 1/N of the mean are missing" in pane.hint.text()
    # the root's line is marked red in the editor and the cursor is there
    sels = pane.editor.extraSelections()
    assert [s.cursor.blockNumber() for s in sels] == [2]
    assert sels[0].format.background().color().red() > 200
    assert pane.editor.textCursor().blockNumber() == 2
    # the root row is selected: the learner's d_loss beside the expected one, every cell marked
    assert pane.compare.got_model.value(0, 0) == pytest.approx(-29.3014, abs=1e-3)
    assert pane.compare.expected_model.value(0, 0) == pytest.approx(7.32536, abs=1e-4)
    assert pane.compare.differing == [(0, 0), (1, 0), (2, 0), (3, 0)]
    assert pane.compare.got_model.is_highlighted(3, 0)
    assert "Yours = −4 × expected" in pane.compare.note.text()
    # another row: its tensors; d_w2 (2×1) follows
    pane.table.selectRow(m.row_of("d_w2"))
    assert pane.compare.got_caption.text() == "yours: d_w2 (2×1)"
    assert pane.hint.text().startswith("d_w2: This line is right for your d_l2")


def test_an_infinite_loop_times_out_and_the_window_stays_responsive(qtbot, pane):
    paste(pane, "d_loss = -(y/y_pred - (1-y)/(1-y_pred)) / N\nwhile True:\n    pass\n")
    pane.timeout_spin.setValue(1.0)
    ticks = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(20)
    qtbot.mouseClick(pane.check_button, Qt.MouseButton.LeftButton)
    assert pane.busy.isVisible() and pane.cancel_button.isVisible() and pane.cancel_button.isEnabled()
    assert pane.status.text().startswith("checking… (time-out 1 s)")
    assert not pane.check_button.isEnabled()
    first = pane.status.text()
    # while the check runs, the event loop keeps turning: timers fire, the elapsed time counts up
    qtbot.waitUntil(lambda: len(ticks) >= 15 and pane.status.text() != first, timeout=5000)
    assert pane.runner.running
    qtbot.waitUntil(lambda: not pane.busy_now, timeout=CHECK_TIMEOUT_MS)
    timer.stop()
    assert "TimeoutError: your code did not finish within 1 s" in pane.error_box.text()
    assert pane.error_box.isVisible()
    assert pane.editor.marked_line in (2, 3)  # the loop's line (the one running when time ran out)
    assert cell(pane.model, "d_loss", STATUS) == "ok"
    assert not pane.busy.isVisible() and pane.check_button.isEnabled()


def _sandbox_children(pid: int) -> list[int]:
    """The engine's sandbox processes whose parent is `pid` (Linux /proc)."""
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                ppid = int(f.read().rsplit(")", 1)[1].split()[1])
            with open(f"/proc/{entry}/cmdline", "rb") as f:
                cmd = f.read()
        except (OSError, ValueError, IndexError):
            continue
        if ppid == pid and b"engine.checker.sandbox" in cmd:
            found.append(int(entry))
    return found


@pytest.mark.skipif(not os.path.isdir("/proc/self"), reason="finds the sandbox through /proc")
def test_cancel_stops_a_running_check_and_its_sandbox(qtbot, pane):
    paste(pane, "while True:\n    pass\n")
    pane.timeout_spin.setValue(60.0)
    qtbot.mouseClick(pane.check_button, Qt.MouseButton.LeftButton)
    cli = pane.runner.process.processId()
    qtbot.waitUntil(lambda: bool(_sandbox_children(cli)), timeout=CHECK_TIMEOUT_MS)  # their code runs
    (sandbox,) = _sandbox_children(cli)
    qtbot.mouseClick(pane.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not pane.busy_now, timeout=10_000)
    assert pane.status.text() == "Cancelled."
    assert pane.report is None and pane.model.rowCount() == 0
    assert pane.check_button.isEnabled()
    assert not os.path.exists(f"/proc/{sandbox}")  # killed and reaped, not orphaned


def test_a_syntax_error_shows_its_line(qtbot, pane):
    paste(pane, "d_loss = -(y/y_pred - (1-y)/(1-y_pred)) / N\nd_l2 = sigmoid_p(l2) * d_loss)\n")
    with qtbot.waitSignal(pane.finished, timeout=CHECK_TIMEOUT_MS):
        qtbot.mouseClick(pane.check_button, Qt.MouseButton.LeftButton)
    text = pane.error_box.text()
    assert pane.error_box.isVisible()
    assert "Line 2 · SyntaxError" in text
    assert "d_l2 = sigmoid_p(l2) * d_loss)" in text
    assert "check the brackets and operators there" in text
    assert pane.editor.marked_line == 2
    assert [s.cursor.blockNumber() for s in pane.editor.extraSelections()] == [1]


def test_training_with_the_notebooks_cell_marks_the_divergence(qtbot, pane):
    paste(pane, CELL)
    assert pane.epochs_spin.value() == 1000
    with qtbot.waitSignal(pane.finished, timeout=CHECK_TIMEOUT_MS):
        qtbot.mouseClick(pane.train_button, Qt.MouseButton.LeftButton)
    plot = pane.plot
    assert pane.tabs.currentWidget() is plot
    assert plot.divergence_line.isVisible() and plot.divergence_line.value() == 312
    assert plot.divergence_line.label.toPlainText() == "NaN at epoch 312"
    assert plot.divergence_label.text().startswith(
        "NaN at epoch 312: d_loss divides by y_pred and by 1 − y_pred")
    x, y = plot.learner_curve.getOriginalDataset()
    assert len(x) == 312 and x[0] == 1
    rx, ry = plot.reference_curve.getOriginalDataset()
    assert len(rx) == 1000 and ry[-1] == pytest.approx(0.686, abs=1e-3)  # the engine's, same epochs
    assert y[-1] > y[0] > ry[-1]  # the learner's loss went up
    assert "Your code: 312 epochs, loss 1.833 → 7.912" in plot.summary.text()


def test_training_with_my_gradients_under_adam_follows_the_engines_adam(qtbot):
    """Under Adam, the parameters the learner's code leaves alone are updated by Adam from the session's m, v
    and t: code that only computes the gradients trains exactly as the engine does (the reference curve)."""
    from app.state.session import Session
    from engine.io.presets import load_preset
    from engine.training.trainer import Trainer
    from tests.engine.cells import CORRECT

    spec, data = load_preset("notebook-xor")
    trainer = Trainer(spec.with_changes(optimizer="adam", lr=0.05), data)
    list(trainer.train(6))
    session = Session(trainer)
    p = PracticePane(session)
    qtbot.addWidget(p)
    p.resize(1400, 820)
    p.show()
    try:
        paste(p, "\n".join(s for s in CORRECT.splitlines() if "-=" not in s) + "\n")
        p.epochs_spin.setValue(300)
        with qtbot.waitSignal(p.finished, timeout=CHECK_TIMEOUT_MS):
            qtbot.mouseClick(p.train_button, Qt.MouseButton.LeftButton)
        x, y = p.plot.learner_curve.getOriginalDataset()
        qtbot.waitUntil(lambda: p.plot.reference_curve.getOriginalDataset()[0] is not None
                        and len(p.plot.reference_curve.getOriginalDataset()[0]) == 300, timeout=CHECK_TIMEOUT_MS)
        rx, ry = p.plot.reference_curve.getOriginalDataset()
        assert len(x) == 300 and list(x) == list(rx)
        assert ("Updated by the engine from your gradients, by Adam from the session's m, v and t: b1, b2, w1, w2"
                in p.plot.summary.text())
        assert y == pytest.approx(ry, rel=1e-5)  # float32: the learner's formulas round differently
        sgd = Trainer(trainer.spec.with_changes(optimizer="sgd"), data, params=trainer.params_copy())
        list(sgd.train(300))
        assert abs(sgd.losses[-1] - y[-1]) > 0.05 * y[-1]  # (plain SGD's run, which it was before, differs)
    finally:
        p.shutdown()
        session.stop_run()
