"""The checker's sandbox: the learner's code runs in another process, with a time limit, a memory limit and
its output captured, and the CLI `python -m engine check`. Each test here starts a process (~1.5 s); the
verdicts themselves are tested in-process in test_check_verdicts.py.
"""

from __future__ import annotations

import json
import time

import pytest

from engine.checker import exercise
from engine.cli.main import main
from engine.checker.exercise import check_code as _check_code
from engine.io.presets import load_preset
from engine.io.session_file import from_trainer, save
from engine.text import Text, all_templates, render
from engine.training.trainer import Trainer
from tests.engine.cells import CORRECT as CORRECT_CELL
from tests.engine.cells import NOTEBOOK_CELL
from tests.engine.hints import assert_every_hint_is_a_text


def check_code(*args, **kw):
    """The checker, in its sandbox, and every hint of its report an engine Text (tests/engine/hints.py)."""
    return assert_every_hint_is_a_text(_check_code(*args, **kw))


CORRECT = 'print("checking", tuple(d.shape for d in (X, y)))\n' + CORRECT_CELL  # its prints are captured


@pytest.fixture(scope="module")
def xor():
    return Trainer(*load_preset("notebook-xor"))


def test_cli_on_the_notebook_cell_with_train(tmp_path, capsys):
    code = tmp_path / "notebook_cell.py"
    code.write_text(NOTEBOOK_CELL, encoding="utf-8")
    assert main(["check", str(code), "--json", "--train", "400"]) == 1  # the CLI here, the code in a sandbox
    rep = json.loads(capsys.readouterr().out)
    assert rep["ok"] is False and rep["root"] == "d_loss" and rep["error"] is None
    by = {r["name"]: r for r in rep["results"]}
    assert (by["d_loss"]["status"], by["d_loss"]["factor"]) == ("scale", -4.0)
    assert {n: by[n]["status"] for n in ("d_l2", "d_w2", "d_a1", "d_l1", "d_w1", "d_b2", "d_b1")} == {
        "d_l2": "follows", "d_w2": "follows", "d_a1": "follows", "d_l1": "follows", "d_w1": "follows",
        "d_b2": "shape", "d_b1": "shape"}
    for r in rep["results"]:
        assert {"name", "expected_shape", "got_shape", "status", "factor", "max_abs_err", "follows_from",
                "hint", "hint_text"} <= set(r)
        if r["status"] != "ok":  # every hint: a template code and its arguments, and its English
            t = r["hint_text"]
            assert t["code"] in all_templates() and render(Text.from_dict(t)) == t["text"] == r["hint"]
    assert by["d_loss"]["hint_text"]["code"] == "checker.grad.sign_mean_missing"
    assert by["d_loss"]["hint_text"]["args"] | {"formula": None} == {"name": "d_loss", "k": "−4", "N": 4,
                                                                     "formula": None}
    assert by["b2"]["hint_text"]["code"] == "checker.update.mean"
    train = rep["train"]
    # the notebook's cell diverges a few hundred epochs in: y_pred saturates at exactly 1, d_loss divides by 0
    assert 200 <= train["diverged_at"] <= 400 and train["epochs_run"] == train["diverged_at"]
    assert len(train["loss"]) == train["epochs_run"] and train["loss"][-1] > train["loss"][0]
    d = train["diagnosis"]
    assert (d["step"], d["code"]) == ("d_loss", "div_zero")
    assert d["explanation"]["code"] == "diverge.div_zero" and d["explanation"]["text"] == d["reason"]


def test_correct_cell_in_the_sandbox_prints_and_trains(xor):
    rep = check_code(CORRECT, xor, train_epochs=400)
    assert rep.ok and rep.error is None, rep.stderr
    assert rep.stdout.startswith("checking (torch.Size([4, 2]), torch.Size([4, 1]))\n")
    assert rep.stdout.count("checking") == 401  # the check, then every training epoch
    t = rep.train
    assert (t.epochs_run, t.diverged_at, t.error) == (400, None, None)
    # the learner's correct code trains exactly like the engine
    ref = Trainer(*load_preset("notebook-xor"))
    for _ in ref.train(400):
        pass
    assert t.loss == pytest.approx(list(ref.losses), rel=1e-5)


def test_an_endless_loop_times_out_with_its_line(xor):
    code = "d_loss = -(y / y_pred - (1 - y) / (1 - y_pred)) / N\nk = 0\nwhile True:\n    k += 1\n"
    t0 = time.monotonic()
    rep = check_code(code, xor, timeout=1.0)
    assert time.monotonic() - t0 < 30
    e = rep.error
    assert (e.type, e.code) == ("TimeoutError", "timeout") and e.line in (3, 4)
    assert "within 1 s" in e.message and "loop on line 3" in e.hint
    assert (e.message_text["code"], e.message_text["args"]) == ("checker.error.timeout", {"s": "1"})
    assert (e.hint_text["code"], e.hint_text["args"]["loop"]) == ("checker.hint.timeout_loop", 3)
    assert rep.result("d_loss").status == "ok" and not rep.ok


def test_code_that_swallows_the_time_out_is_killed(xor, monkeypatch):
    monkeypatch.setattr(exercise, "GRACE", 0.5)
    code = "while True:\n    try:\n        while True:\n            pass\n"
    code += "    except BaseException:\n        pass\n"
    t0 = time.monotonic()
    rep = check_code(code, xor, timeout=0.5)
    assert time.monotonic() - t0 < 30
    assert (rep.error.type, rep.error.code, rep.ok) == ("TimeoutError", "timeout", False)


def test_memory_limit_and_a_flood_of_output(xor):
    code = ("d_loss = -(y / y_pred - (1 - y) / (1 - y_pred)) / N\n"
            "for i in range(20000):\n    print('0123456789')\n"
            "big = torch.zeros(100000, 100000)\n")
    rep = check_code(code, xor, memory_mb=512)
    e = rep.error
    assert (e.type, e.code, e.line, rep.root) == ("MemoryError", "memory", 4, "big")
    assert e.numbers["bytes"] == 4 * 10**10 and "512 MiB" in e.hint
    assert rep.result("d_loss").status == "ok"
    assert len(rep.stdout) < 70_000 and "more bytes not shown" in rep.stdout


def test_cli_usage_errors(tmp_path, capsys):
    assert main(["check", str(tmp_path / "nope.py")]) == 2
    assert "no such file" in capsys.readouterr().err
    code = tmp_path / "c.py"
    code.write_text("d_loss = y\n", encoding="utf-8")
    assert main(["check", str(code), "--preset", "nope"]) == 2
    assert "unknown preset" in capsys.readouterr().err
    with pytest.raises(SystemExit) as e:
        main(["check", str(code), "--timeout", "0"])
    assert e.value.code == 2
    session = tmp_path / "s.json"
    save(from_trainer(Trainer(*load_preset("notebook-xor"))), session)
    assert main(["check", str(session)]) == 2  # a session alone: its practice code, here none
    assert "holds no practice code" in capsys.readouterr().err
