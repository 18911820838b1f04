"""Shapes under the learner's code: recorded in the child from the values their code computed (once), handed
back as plain data, validated in the parent, drawn as text by the CLI. Most tests run the code in-process
(isolate=False: the same run_code the sandbox runs); the sandbox and the CLI are started once each."""

from __future__ import annotations

import json
import textwrap

import pytest
import torch

from engine.checker import shape_notes
from engine.checker.exercise import check_code, report_text
from engine.checker.result_file import Unreadable, read, validate
from engine.checker.shape_notes import Shapes
from engine.checker.shape_text import code_with_shapes
from engine.checker.shapes import HELPER, MAX_PER_LINE, ShapeProbe
from engine.cli.main import main
from engine.io.presets import load_preset
from engine.training.trainer import Trainer
from tests.engine.cells import CORRECT, NOTEBOOK_CELL

D_W2 = "    d_w2 = torch.matmul(torch.transpose(a1, 0, 1), d_l2) # 0,1 -> 행과 열 변경"


@pytest.fixture(scope="module")
def xor():
    return Trainer(*load_preset("notebook-xor"))


def check(code, tr):
    return check_code(code, tr, isolate=False)


def by_text(shapes: Shapes, line: int) -> dict[str, tuple]:
    return {n.text: n.shape for n in shapes.notes if n.line == line}


def shown(shapes: Shapes, line: int) -> list[tuple[str, str]]:
    """(the code under the label, the label) for the labels drawn under `line`, left to right."""
    src = NOTEBOOK_CELL.split("\n")[line - 1]
    return [(src[n.anchor_start:n.anchor_end], n.label) for n in shapes.shown().get(line, [])]


def test_the_notebook_cells_lines_show_the_shape_of_every_sub_expression(xor):
    rep = check(NOTEBOOK_CELL, xor)
    assert rep.root == "d_loss" and rep.root_line == 3  # the verdicts are those without the probe
    s = rep.shapes
    assert NOTEBOOK_CELL.split("\n")[5] == D_W2
    assert by_text(s, 6) == {"torch.matmul(torch.transpose(a1, 0, 1), d_l2)": (2, 1),
                             "torch.transpose(a1, 0, 1)": (2, 4), "a1": (4, 2), "d_l2": (4, 1)}
    # labels under the function's name or the name itself, in the learner's line as written (indented)
    assert shown(s, 6) == [("matmul", "2×1"), ("transpose", "2×4"), ("a1", "4×2"), ("d_l2", "4×1")]
    a1 = next(n for n in s.notes if n.line == 6 and n.text == "a1")
    assert D_W2[a1.col_start:a1.col_end] == "a1" and a1.kind == "name"
    whole = next(n for n in s.notes if n.line == 6 and n.parent < 0)
    assert D_W2[whole.col_start:whole.col_end] == whole.text and whole.op == "matmul"
    assert shown(s, 9) == [("matmul", "4×2"), ("d_l2", "4×1"), ("transpose", "1×2"), ("w2", "2×1")]
    assert shown(s, 5) == [("d_l2", "4×1")]  # d_b2 = d_l2: (4×1), where b2 is (1,)
    # an element-wise step that keeps the shape is not labelled twice: sigmoid_p(l2) (4×1) of l2 (4×1)
    assert shown(s, 4) == [("l2", "4×1"), ("*", "4×1"), ("d_loss", "4×1")]
    assert by_text(s, 4)["sigmoid_p(l2)"] == (4, 1)
    # a mean over the batch axis changes the shape, so it is labelled: (4×2) → (2,)
    assert shown(s, 16) == [("*", "(2,)"), ("mean", "(2,)"), ("d_b1", "4×2")]
    assert {n.line for n in s.notes} == {3, 4, 5, 6, 9, 10, 11, 12, 15, 16, 17, 18}
    assert s.error is None and s.dropped == 0


def test_the_text_report_draws_the_shapes_under_the_lines(xor):
    text = report_text(check(NOTEBOOK_CELL, xor))
    lines = text.splitlines()
    at = lines.index("   6      d_w2 = torch.matmul(torch.transpose(a1, 0, 1), d_l2) # 0,1 -> 행과 열 변경")
    under = lines[at + 1]
    code = lines[at]
    for word, label in (("matmul", "2×1"), ("transpose", "2×4"), ("a1,", "4×2"), ("d_l2)", "4×1")):
        i = code.index(word)
        j = under.index(label)
        assert abs((j + len(label) / 2) - (i + len(word.rstrip(",)")) / 2)) <= 1, (word, code, under)


@pytest.mark.parametrize("line, op, left, right", [
    ("d_a1 = d_l2 @ w2", "@", "4×1", "2×1"),
    ("d_w2 = torch.matmul(a1, d_l2)", "matmul", "4×2", "4×1"),
    ("d_w2 = a1.mm(d_l2)", "mm", "4×2", "4×1"),
    ("bad = a1 * w2", "*", "4×2", "2×1"),
    ("bad = (d_l2 + a1.T) / N", "+", "4×1", "2×4"),
])
def test_a_shape_error_marks_the_operator_with_both_operand_shapes(xor, line, op, left, right):
    code = f"d_loss = -(y/y_pred - (1-y)/(1-y_pred)) / N\nd_l2 = sigmoid_p(l2) * d_loss\n{line}\n"
    rep = check(code, xor)
    assert rep.error is not None and rep.error.line == 3
    e = rep.shapes.error
    assert (e.line, e.op) == (3, op)
    assert [o.label for o in e.operands] == [left, right]
    assert line[e.anchor_start:e.anchor_end] == op
    assert line[e.col_start:e.col_end] == e.text
    assert e.summary() in (f"({left}) {op} ({right})", f"{op}(({left}), ({right}))")
    text = report_text(rep)
    assert f"^ {e.summary()}" in text
    assert by_text(rep.shapes, 2)["d_loss"] == (4, 1)  # the lines before it are drawn too


def test_an_error_that_is_no_operation_marks_nothing(xor):
    for code in ("d_loss = undefined_name + 1\n", "raise ValueError(y_pred.shape)\n"):
        rep = check(code, xor)
        assert rep.error is not None and rep.error.line == 1 and rep.shapes.error is None


def run_probe(code: str, ns: dict) -> tuple[dict, dict, dict | None, object]:
    """The code run once with the probe, and once more without it, in copies of `ns`: both namespaces, the
    probe's data and what HELPER was bound to at the end."""
    text = textwrap.dedent(code)
    probe = ShapeProbe.instrument(text, code, "your code")
    assert probe.code is not None
    a, b = dict(ns), dict(ns)
    probe.install(a)
    exc = None
    try:
        exec(probe.code, a)  # noqa: S102
    except Exception as e:  # noqa: BLE001
        exc = e
    try:
        exec(compile(text, "your code", "exec"), b)  # noqa: S102
    except Exception as e:  # noqa: BLE001
        assert type(e) is type(exc) and str(e) == str(exc)  # the same error, with or without the probe
    helper = a.pop(HELPER)
    a.pop("__builtins__", None)
    b.pop("__builtins__", None)
    return a, b, probe.result(exc), helper


PYTHON = """\
import torch
class Twice(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.k = 2
    def forward(self, x):
        return self.k * x
def deco(f):
    return f
@deco
def f(x: torch.Tensor, *, k=3) -> torch.Tensor:
    return x * k
t = torch.arange(6.0).reshape(2, 3)
u = Twice()(t)
v = [f(r) for r in t]
w = {i: (r := t[i]).sum() for i in range(2)}
here = sorted(k for k in locals() if k in ("t", "u"))
e = eval("t @ t.T")
g = lambda z=t[0]: z + 1
h = g()
t[0, 0] = 7.0
t[1] += 1
s = f"{t.shape[0]!r:>3}"
match int(t[0, 1]):
    case 1:
        m = -t
    case _:
        m = ~t.bool()
del v[0]
n = t.T.contiguous()[1:, ::2]
global q
q = not t.any()
"""


def test_the_probe_changes_nothing_the_code_computes():
    a, b, res, _helper = run_probe(PYTHON, {"torch": torch})
    assert a.keys() == b.keys()
    for k in b:
        if isinstance(b[k], torch.Tensor):
            assert torch.equal(a[k], b[k]), k
    assert a["here"] == b["here"] == ["t", "u"] and a["s"] == "  2"
    assert Shapes.from_dict(shape_notes.validate(res)) is not None
    texts = {n.text: n.shape for n in Shapes.from_dict(res).notes}
    assert texts["t.T.contiguous()[1:, ::2]"] == (2, 1) and texts["t.T"] == (3, 2)


def test_a_loop_updates_its_notes_and_never_adds_more():
    code = "for i in range(2000):\n    x = torch.ones(i % 3 + 1, 2) @ w\n"
    _a, _b, res, _helper = run_probe(code, {"torch": torch, "w": torch.ones(2, 1)})
    s = Shapes.from_dict(res)
    mm = next(n for n in s.notes if n.op == "@")
    assert mm.count == 2000 and mm.varied and mm.shape == (2, 1)  # the last value's shape
    assert len(s.notes) == 3  # torch.ones(…), w and @: one note per sub-expression
    # a long loop: after MAX_CALLS values the probe steps aside (HELPER is then a C function returning the
    # value); what it saw until then stays, and a later failure is not marked with out-of-date shapes
    long = "for i in range(30000):\n    x = w @ w.T\nx = x @ torch.ones(3, 1)\n"
    a, b, res, helper = run_probe(long, {"torch": torch, "w": torch.ones(2, 1)})
    assert torch.equal(a["x"], b["x"]) and helper.__name__ == "get" and helper.__self__ == {}
    s = Shapes.from_dict(res)
    assert 0 < next(n for n in s.notes if n.op == "@").count < 30000
    assert s.error is None
    wide = "x = " + " + ".join(["w"] * 100) + "\n"
    _a, _b, res, _helper = run_probe(wide, {"w": torch.ones(2, 1)})
    assert len(res["notes"]) == MAX_PER_LINE and res["dropped"] > 0
    assert Shapes.from_dict(res) is not None


# ----- the parent refuses forged or oversized shapes ------------------------------------------------------
NOTE = {"line": 1, "col_start": 0, "col_end": 2, "anchor_start": 0, "anchor_end": 2, "text": "a1", "op": None,
        "shape": [4, 2], "kind": "name", "parent": -1, "count": 1, "varied": False}


def result(shapes) -> dict:
    return {"version": 1, "error": None, "got": {}, "changed": {}, "aliased": {}, "train": None,
            "shapes": shapes}


def shapes_of(*notes, error=None):
    return {"version": 1, "notes": list(notes), "error": error, "dropped": 0}


@pytest.mark.parametrize("forged", [
    shapes_of(*[NOTE] * 2001),  # too many
    shapes_of(*[dict(NOTE, col_start=i) for i in range(MAX_PER_LINE + 1)]),  # too many on one line
    shapes_of(dict(NOTE, shape=[1] * 9)),  # too many dimensions
    shapes_of(dict(NOTE, shape=torch.zeros(2))),  # a tensor, not a list of ints
    shapes_of(dict(NOTE, shape=[-1, 2])),
    shapes_of(dict(NOTE, text="x" * 10_000)),
    shapes_of(dict(NOTE, line=0)),
    shapes_of(dict(NOTE, col_start=5, col_end=2)),
    shapes_of(dict(NOTE, kind="verdict")),
    shapes_of(dict(NOTE, parent=0)),  # its own parent
    shapes_of(dict(NOTE, parent=7)),
    shapes_of(dict(NOTE, varied="yes")),
    shapes_of(dict(NOTE, count=True)),
    {"version": 2, "notes": [], "error": None},
    [NOTE],
    shapes_of(NOTE, error={**NOTE, "operands": [{"text": "a", "col_start": 0, "col_end": 1, "shape": [1]}] * 9}),
    shapes_of(NOTE, error={**NOTE, "operands": [{"text": "a", "col_start": 0, "col_end": 1, "shape": "4x2"}]}),
])
def test_forged_or_oversized_shapes_are_refused(tmp_path, forged):
    with pytest.raises((TypeError, ValueError, KeyError)):
        validate(result(forged), ["d_loss"], ["w1"])
    path = str(tmp_path / "result.pt")
    torch.save(result(forged), path)
    with pytest.raises(Unreadable):
        read(path, ["d_loss"], ["w1"])
    assert Shapes.from_dict(forged) is None  # the app's reading of the CLI's JSON refuses it too


def test_well_formed_shapes_are_read_and_round_trip(tmp_path):
    err = {**NOTE, "op": "@", "kind": "binop",
           "operands": [{"text": "a1", "col_start": 0, "col_end": 2, "shape": [4, 2]},
                        {"text": "d_l2", "col_start": 5, "col_end": 9, "shape": None}]}
    path = str(tmp_path / "result.pt")
    torch.save(result(shapes_of(NOTE, error=err)), path)
    s = Shapes.from_dict(read(path, ["d_loss"], ["w1"])["shapes"])
    assert s.notes[0].shape == (4, 2) and s.error.summary() == "(4×2) @ —"
    assert Shapes.from_dict(json.loads(json.dumps(s.to_dict()))) == s


FORGE_SHAPES = """
import engine.checker.shapes as probe
probe.ShapeProbe.result = lambda self, exc: {"version": 1, "error": None, "dropped": 0, "notes": [
    {"line": 1, "col_start": 0, "col_end": 1, "anchor_start": 0, "anchor_end": 1, "text": "x" * 10**6,
     "op": None, "shape": [1], "kind": "name", "parent": -1, "count": 1, "varied": False}]}
"""


def test_code_that_forges_its_shapes_in_the_sandbox_gets_no_result(xor):
    rep = check_code(CORRECT + FORGE_SHAPES, xor)
    assert not rep.ok and rep.shapes is None
    assert (rep.error.code, rep.error.message) == ("unreadable", "your code's results could not be read")


def test_cli_check_prints_the_shapes_and_json_holds_them(tmp_path, capsys):
    code = tmp_path / "cell.py"
    code.write_text(NOTEBOOK_CELL, encoding="utf-8")
    assert main(["check", str(code), "--json"]) == 1
    d = json.loads(capsys.readouterr().out)
    s = Shapes.from_dict(d["shapes"])
    assert by_text(s, 6)["torch.transpose(a1, 0, 1)"] == (2, 4)
    lines = code_with_shapes(NOTEBOOK_CELL, s)
    assert lines[0] == "   3      d_loss = (y/y_pred) - (1-y)/(1-y_pred)"
