"""Code that tries to make a wrong cell pass: every forging attempt ends without `ok`, because the verdict
is computed in the checker's process from plain values (engine.checker.judging), never in the process that
runs the code. Each test starts a sandbox (a few seconds)."""

from __future__ import annotations

import io
import json
import textwrap
import zipfile

import pytest
import torch

from engine.checker.exercise import check_code as _check_code, report_text
from engine.checker.result_file import Unreadable, read
from engine.cli.main import main
from engine.io.presets import load_preset
from engine.training.trainer import Trainer
from tests.engine.cells import NOTEBOOK_CELL
from tests.engine.hints import assert_every_hint_is_a_text

CELL = textwrap.dedent(NOTEBOOK_CELL)  # d_loss ×−4: wrong


def check_code(*args, **kw):
    """The checker, in its sandbox, and every hint of its report an engine Text (tests/engine/hints.py)."""
    return assert_every_hint_is_a_text(_check_code(*args, **kw))


@pytest.fixture(scope="module")
def xor():
    return Trainer(*load_preset("notebook-xor"))


def assert_not_ok(rep):
    assert rep.ok is False, report_text(rep)
    assert rep.error is not None or any(r.status not in ("ok", "follows", "missing") for r in rep.results)


FORGED_JSON = """
import json, os
json.dump({"ok": True, "root": None, "root_line": None, "error": None, "results": [], "train": None,
           "names": []}, open("result.json", "w"))
os._exit(0)
"""


def test_forged_result_json_and_exit_is_unreadable_not_ok(xor):
    rep = check_code(CELL + FORGED_JSON, xor)
    assert_not_ok(rep)
    assert (rep.error.code, rep.error.message) == ("unreadable", "your code's results could not be read")


def test_forged_result_file_is_judged_by_the_parent(xor):
    """A well-formed result.pt written by the code: read, then judged like any other values."""
    code = CELL + """
import torch, os
z = lambda *s: torch.zeros(*s, dtype=torch.float64)
torch.save({"version": 1, "error": None, "got": {"d_loss": z(4, 1), "d_l2": z(4, 1), "d_b2": z(1),
            "d_w2": z(2, 1)}, "changed": {}, "aliased": {}, "train": None}, "result.pt")
os._exit(0)
"""
    rep = check_code(code, xor)
    assert_not_ok(rep)
    assert rep.result("d_loss").status == "wrong" and rep.root == "d_loss"


def test_patching_the_verdict_code_in_the_child_changes_nothing(xor):
    code = """
import sys
import engine.checker.verdicts as v, engine.checker.judging as j, engine.checker.exercise as ex
v.Judge.judge = lambda self, *a, **k: []
j.judge = lambda *a, **k: {"ok": True}
sys.modules["engine.verdicts"] = v
""" + CELL
    rep = check_code(code, xor)
    assert_not_ok(rep)
    assert (rep.root, rep.result("d_loss").status, rep.result("d_loss").factor) == ("d_loss", "scale", -4.0)


def test_patching_tensor_comparisons_in_the_child_changes_nothing(xor):
    code = ("import torch\ntorch.Tensor.__le__ = lambda s, o: torch.ones(s.shape, dtype=torch.bool)\n"
            "torch.Tensor.abs = lambda s: torch.zeros(s.shape)\n"
            "torch.allclose = lambda *a, **k: True\n" + CELL)
    rep = check_code(code, xor)
    assert_not_ok(rep)
    assert (rep.result("d_loss").status, rep.result("d_loss").factor) == ("scale", -4.0)


def test_walking_frames_and_the_heap_finds_no_expected_tensor(xor):
    """Zeroing every tensor it can reach (frames, then the garbage collector's objects) only zeroes its own."""
    code = CELL + """
import gc, sys, torch
f = sys._getframe()
while f is not None:
    for d in (f.f_locals, f.f_globals):
        for v in list(d.values()):
            if isinstance(v, torch.Tensor) and v.is_floating_point():
                v.zero_()
    f = f.f_back
for o in gc.get_objects():
    if isinstance(o, torch.Tensor) and o.is_floating_point():
        o.data.zero_()
"""
    rep = check_code(code, xor)
    assert_not_ok(rep)
    assert rep.result("d_loss").status in ("wrong", "scale") and rep.result("d_loss").hint_code == "zero"


@pytest.mark.parametrize("payload", ["[]", "'text'", "{'version': 1, 'got': [1, 2]}"])
def test_malformed_result_files_are_unreadable(xor, payload):
    rep = check_code(CELL + f"\nimport torch, os\ntorch.save({payload}, 'result.pt')\nos._exit(0)\n", xor)
    assert_not_ok(rep)
    assert rep.error.code == "unreadable" and rep.results == []


def _deep_pickle_zip(depth: int) -> bytes:
    """A torch.save zip whose data.pkl is a list nested `depth` deep (built from pickle opcodes)."""
    buf = io.BytesIO()
    torch.save({"version": 1}, buf)
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as z:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename.endswith("data.pkl"):
                data = b"\x80\x02" + b"]" * depth + b"a" * (depth - 1) + b"."
            z.writestr(info, data)
    return out.getvalue()


def test_deeply_nested_and_foreign_result_files_are_refused_by_the_reader(tmp_path):
    path = str(tmp_path / "result.pt")
    cases = [_deep_pickle_zip(200_000), b"not a torch file", b""]
    buf = io.BytesIO()
    torch.save({"version": 1, "error": None, "got": {"d_loss": torch.zeros(4, 1)}, "changed": {}}, buf)
    cases.append(buf.getvalue())  # float32: not what the child writes
    buf = io.BytesIO()
    torch.save({"version": 1, "error": {"type": 3}, "got": {}, "changed": {}}, buf)
    cases.append(buf.getvalue())
    for data in cases:
        with open(path, "wb") as f:
            f.write(data)
        with pytest.raises(Unreadable):
            read(path, ["d_loss"], ["w1"])


def test_the_cli_says_unreadable_with_exit_1_and_no_traceback(tmp_path, capsys):
    code = tmp_path / "cell.py"
    code.write_text(CELL + "\nimport torch, os\ntorch.save([[[[]]]], 'result.pt')\nos._exit(0)\n", encoding="utf-8")
    assert main(["check", str(code)]) == 1
    out, err = capsys.readouterr()
    assert "error: ResultError: your code's results could not be read" in out
    assert "Traceback" not in out + err and "ok: every tensor" not in out
    assert main(["check", str(code), "--json"]) == 1
    rep = json.loads(capsys.readouterr().out)
    assert rep["ok"] is False and rep["error"]["code"] == "unreadable"


def test_a_terminal_escape_in_the_output_is_shown_escaped(xor):
    code = CELL + '\nprint("\\x1b[2J\\x1b[32mok: every tensor your code defines is right\\x1b[0m\\r")\n'
    rep = check_code(code, xor)
    text = report_text(rep)
    assert "\x1b" not in text and "\r" not in text
    assert "  \\x1b[2J\\x1b[32mok: every tensor your code defines is right\\x1b[0m\\x0d" in text
    assert text.rstrip().splitlines()[-1].startswith(("isolation", "not enforced"))


def test_a_childs_explanations_are_kept_only_as_codes_the_engine_words_itself():
    """The child hands back hint_text / message_text as {code, args}: an unknown code, or arguments its
    template cannot be filled in with, are dropped; a known one is re-worded here from the engine's template,
    whatever English the child wrote beside it."""
    from engine.checker.result_file import validate

    def error(**more):
        return {"version": 1, "error": {"type": "NameError", "line": 2, "message": "m", "hint": "forged", **more}}

    forged = {"code": "checker.hint.bound_names", "args": {"names": "X, y"}, "text": "you passed"}
    e = validate(error(hint_text=forged), [], [])["error"]
    assert e["hint"] == e["hint_text"]["text"] == "The names bound for you: X, y"
    for bad in ({"code": "checker.no_such", "args": {}}, {"code": "checker.hint.bound_names", "args": {}},
                {"code": "checker.hint.bound_names", "args": {"names": "{0.__class__}"}} | {"args": 3},
                "checker.hint.exit", {"code": "step.update.sgd.remark", "args": {"lr": "not a number"}}):
        e = validate(error(hint_text=bad, message_text=bad), [], [])["error"]
        assert (e["hint_text"], e["message_text"], e["hint"], e["message"]) == (None, None, "forged", "m")
    diag = {"epoch": 3, "step": "d_loss", "phase": "backward", "code": "x", "reason": "forged",
            "explanation": {"code": "diverge.div_zero", "args": {"saturated": 2}}}
    raw = {"version": 1, "error": None, "train": {"epochs_run": 3, "loss": [0.5], "diagnosis": diag}}
    d = validate(raw, [], [])["train"]["diagnosis"]
    assert d["reason"] == d["explanation"]["text"] and d["reason"].startswith("d_loss divides by y_pred")
    assert d["summary"].startswith("diverged in epoch 3 at d_loss (backward): d_loss divides")
