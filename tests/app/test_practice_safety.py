"""The Practice pane against hostile or oversized input: a session whose practice code is megabytes long is
refused on open (old state kept), a paste beyond the cap is refused, a session never runs its code on open,
and what the code prints is shown with control characters escaped."""

from __future__ import annotations

import json

import pytest
import torch
from PySide6.QtCore import QMimeData

from app.views.practice import wording
from app.views.practice.pane import PracticePane
from engine.checker.verdicts import TensorResult
from engine.io.session_file import MAX_PRACTICE_CODE, from_trainer, save

CHECK_TIMEOUT_MS = 60_000


@pytest.fixture
def pane(qtbot, session):
    p = PracticePane(session)
    qtbot.addWidget(p)
    p.resize(1366, 768)
    p.show()
    qtbot.waitExposed(p)
    yield p
    p.shutdown()


def _session_file(tmp_path, trainer, code: str) -> str:
    path = str(tmp_path / "s.json")
    save(from_trainer(trainer), path)
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    doc["practice_code"] = code  # written directly: the engine's save would write it as well
    with open(path, "w", encoding="utf-8") as f:
        json.dump(doc, f)
    return path


def test_a_session_with_megabytes_of_practice_code_is_refused_and_changes_nothing(window, tmp_path, asked):
    s = window.session
    s.step_epoch()
    trainer, params = s.trainer, s.trainer.params_copy()
    big = ("d_l2 = sigmoid_p(l2) * d_loss  # " + "x" * 60 + "\n") * 70_000  # 6.7 MB
    path = _session_file(tmp_path, trainer, big)
    asked.answers["open"] = path
    window.acts.open.trigger()
    assert asked.kinds()[-1] == "error"
    text = asked.texts("error")[0]
    assert "practice_code" in text and f"limited to {MAX_PRACTICE_CODE:,} characters" in text
    assert s.trainer is trainer and s.epoch == 1
    for k, v in params.items():
        assert torch.equal(s.trainer.params[k], v)


def test_opening_a_session_never_runs_its_practice_code(window, tmp_path, asked):
    marker = tmp_path / "ran.txt"
    code = f"open({str(marker)!r}, 'w').write('ran')\nd_loss = 1\n"
    path = _session_file(tmp_path, window.session.trainer, code)
    assert window.files.open_path(path, confirmed=True)
    assert window.session.practice_code == code and not marker.exists()


def test_a_paste_beyond_the_cap_is_refused_with_a_message(qtbot, pane):
    pane.editor.set_code("d_loss = 1\n")
    mime = QMimeData()
    mime.setText("#" * (MAX_PRACTICE_CODE + 1))
    pane.editor.insertFromMimeData(mime)
    assert pane.editor.toPlainText() == "d_loss = 1\n"
    assert pane.status.text() == (f"Not pasted: the code would be {MAX_PRACTICE_CODE + 12:,} characters long; "
                                  f"practice code is limited to {MAX_PRACTICE_CODE:,} characters.")
    mime.setText("d_l2 = 2\n")
    pane.editor.moveCursor(pane.editor.textCursor().MoveOperation.End)
    pane.editor.insertFromMimeData(mime)
    assert pane.editor.toPlainText() == "d_loss = 1\nd_l2 = 2\n"


def test_printed_control_characters_are_escaped_and_isolation_is_stated(qtbot, pane):
    pane.set_code('print("\\x1b[2J\\x1b[32mok\\u202e")\nd_loss = -(y / y_pred - (1 - y) / (1 - y_pred)) / N\n')
    with qtbot.waitSignal(pane.finished, timeout=CHECK_TIMEOUT_MS):
        assert pane.check() is None
    assert pane.printed.text().splitlines()[1] == "\\x1b[2J\\x1b[32mok\\u202e"
    tip = pane.status.toolTip()
    assert tip.startswith("isolation: a time limit; a supervisor process between your code and the checker")


def test_local_verdicts_and_aliasing_are_shown_from_their_engine_text():
    r = TensorResult("d_b2", "gradient", [1], [1], "scale", factor=0.25, hint="(engine English)",
                     hint_code="mean_instead_of_sum",
                     hint_text={"code": "checker.local.mean_instead_of_sum",
                           "args": {"name": "d_b2", "up": "d_l2", "N": 4, "k": "0.25",
                                    "formula": "d_b2 = d_l2.sum(0)"}})
    assert wording.hint_text(r).startswith("d_b2 is the mean of your d_l2 over the batch axis, 1/4 of its sum")
    r = TensorResult("d_a2", "gradient", [4, 2], [4, 2], "aliased", hint_code="aliased",
                     hint_text={"code": "checker.aliased", "args": {"name": "d_a2", "line": 6, "changed_line": 7}})
    assert wording.status_text(r) == "changed in place"
    assert wording.hint_text(r).startswith("d_a2 was right when line 6 assigned it, but line 7 changed")
