"""--test-split and --split-seed in every command that trains or reads the training rows: run, trace, export
and gradcheck share one definition, hold out the same rows, and agree on the numbers (the exported script's
final loss is run's, the traced epoch's loss is run's first, gradcheck's gradients are the training rows')."""

from __future__ import annotations

import contextlib
import io
import json
import math
import os
import re
import subprocess
import sys

import pytest
import torch

from engine.cli.main import build_parser, main
from engine.io.presets import load_preset
from engine.training.trainer import Trainer
from engine.verify.gradcheck import gradcheck

SPLIT = ["--test-split", "0.25", "--split-seed", "2"]
RUNNER = """\
import contextlib, io, json, runpy, sys
out = {}
for path in sys.argv[1:]:
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        g = runpy.run_path(path, run_name="__main__")
    out[path] = {"printed": buf.getvalue(), "loss_value": g["loss_value"], "N": g["N"]}
print(json.dumps(out))
"""


@pytest.fixture(autouse=True)
def _one_thread():
    n = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(n)


def cli(*args) -> str:
    with contextlib.redirect_stdout(io.StringIO()) as out:
        assert main(list(args)) == 0
    return out.getvalue()


def test_every_command_has_the_same_split_options():
    sub = next(a for a in build_parser()._actions if a.dest == "command").choices
    seen = {}
    for name in ("run", "trace", "export", "gradcheck"):
        opts = {a.dest: (a.option_strings, a.help, a.metavar) for a in sub[name]._actions
                if a.dest in ("test_split", "split_seed")}
        assert set(opts) == {"test_split", "split_seed"}, name
        seen[name] = opts
    assert seen["trace"] == seen["export"] == seen["gradcheck"] == seen["run"]


CASES = {  # name: (preset or session, options): full batch, mini-batches (K counts the training rows), Adam,
    # softmax with L2, regression (no accuracy), a session saved inside an epoch (its first epoch: no test loss)
    "moons": ("moons", ["--epochs", "150", "--log-every", "30"]),
    "moons-batch": ("moons", ["--epochs", "20", "--log-every", "5", "--batch-size", "16"]),
    "xor-adam": ("notebook-xor", ["--epochs", "300", "--log-every", "60", "--optimizer", "adam"]),
    "spiral-l2": ("spiral.json", ["--epochs", "30", "--log-every", "5"]),
    "sine": ("sine", ["--epochs", "100", "--log-every", "20"]),
    "mid-epoch": ("mid.json", ["--epochs", "6", "--log-every", "1"]),
}


def source(preset: str) -> list[str]:
    return [preset] if preset.endswith(".json") else ["--preset", preset]


@pytest.fixture(scope="module")
def exports(tmp_path_factory):
    from engine.io.session_file import from_trainer, save

    tmp = tmp_path_factory.mktemp("split-export")
    spec, data = load_preset("spiral")
    save(from_trainer(Trainer(spec.with_changes(l2=0.001), data)), tmp / "spiral.json")
    spec, data = load_preset("moons")
    mid = Trainer(spec.with_changes(batch_size=32, momentum=0.9, lr=0.1), data.with_split(0.25, 2))
    list(mid.train(3))
    mid.step_fast()
    mid.step_fast()
    assert mid.batch == 2
    save(from_trainer(mid), tmp / "mid.json")
    cases, paths = {}, []
    for name, (preset, opts) in CASES.items():
        preset = str(tmp / preset) if preset.endswith(".json") else preset
        if name == "xor-adam":  # 4 points: a quarter is one test point
            split = ["--test-split", "0.25", "--split-seed", "1"]
        else:
            split = SPLIT
        files = {}
        for style in ("manual", "autograd"):
            files[style] = tmp / f"{name}_{style}.py"
            cli("export", *source(preset), "--style", style, *opts, *split, "-o", str(files[style]))
            paths.append(str(files[style]))
        cases[name] = {"files": files, "run": cli("run", *source(preset), *opts, *split),
                       "json": json.loads(cli("run", *source(preset), *opts, *split, "--json"))}
    out = subprocess.run([sys.executable, "-c", RUNNER, *paths], capture_output=True, text=True, timeout=300,
                         env={**os.environ, "OMP_NUM_THREADS": "1"})
    assert out.returncode == 0, out.stderr
    got = json.loads(out.stdout.splitlines()[-1])
    for case in cases.values():
        case["out"] = {style: got[str(p)] for style, p in case["files"].items()}
        case["code"] = {style: p.read_text(encoding="utf-8") for style, p in case["files"].items()}
    return cases


@pytest.mark.parametrize("name", list(CASES))
def test_exported_script_reproduces_run_with_the_same_split(exports, name):
    case = exports[name]
    ref, manual = case["json"], case["out"]["manual"]
    assert ref["test_samples"] > 0 and manual["N"] == ref["train_samples"]  # the training rows only
    assert manual["loss_value"] == ref["final_loss"]  # to the last bit
    assert manual["printed"] == case["run"]  # every line, the test loss and the closing test line included
    assert case["run"].count(" \t Test loss : ") >= 4 and "points held out): loss " in case["run"]
    if name == "mid-epoch":  # the epoch the session was inside has no test loss, in run as in the script
        assert "EPOCH : 4 / 9 (44%) \t Loss : " in case["run"] and case["run"].count("Test loss : nan") == 1
    auto = case["out"]["autograd"]
    assert auto["loss_value"] == pytest.approx(ref["final_loss"], rel=1e-5)
    test_losses = [float(m.group(1)) for m in re.finditer(r"Test loss : (\S+)", auto["printed"])]
    want = [math.nan if e["test_loss"] is None else e["test_loss"] for e in ref["log"]]
    assert test_losses == pytest.approx(want, rel=1e-5, abs=1e-6, nan_ok=True)
    for code in case["code"].values():
        assert f"measures the loss on the {ref['test_samples']} test rows" in code
        assert "--test-split" in code.split('"""')[1]  # the command it reproduces


def test_trace_traces_the_training_rows_and_its_loss_is_runs(capsys):
    ref = json.loads(cli("run", "--preset", "moons", "--epochs", "1", "--log-every", "1", "--json", *SPLIT))
    out = json.loads(cli("trace", "--preset", "moons", "--json", *SPLIT))
    assert (out["train_samples"], out["test_samples"]) == (150, 50) == (ref["train_samples"], ref["test_samples"])
    assert out["loss"] == ref["log"][0]["loss"]
    l1 = next(s for s in out["steps"] if s["name"] == "l1")
    assert l1["operands"][0]["name"] == "X" and l1["operands"][0]["shape"] == [150, 2]
    text = cli("trace", "--preset", "moons", *SPLIT)
    assert text.splitlines()[0].startswith("epoch 1: ") and \
        "X is (150×2), on the 150 training rows (50 test rows held out)" in text.splitlines()[0]
    batched = json.loads(cli("trace", "--preset", "moons", "--json", "--batch-size", "16", "--step", "10", *SPLIT))
    assert batched["batch_steps"] == 10 and len(batched["batch_rows"]) == 150 - 9 * 16  # 10 steps of ≤16 of 150


def test_gradcheck_checks_the_training_rows():
    spec, data = load_preset("moons")
    split = Trainer(spec, data.with_split(0.25, 2))
    want = gradcheck(split)
    out = json.loads(cli("gradcheck", "--preset", "moons", "--json", *SPLIT))
    assert (out["train_samples"], out["test_samples"]) == (150, 50)
    for name, c in want.items():
        assert out["params"][name]["manual"] == c.manual.tolist()
        assert out["params"][name]["verdict"] == "ok"
    whole = json.loads(cli("gradcheck", "--preset", "moons", "--json"))
    assert whole["test_samples"] == 0 and whole["params"]["w1"]["manual"] != out["params"]["w1"]["manual"]
    text = cli("gradcheck", "--preset", "moons", *SPLIT)
    assert "on the 150 training rows (50 test rows held out)" in text.splitlines()[0]


@pytest.mark.parametrize("command", ["trace", "export", "gradcheck"])
def test_a_split_that_leaves_no_row_is_one_line(command, capsys):
    assert main([command, "--preset", "notebook-xor", "--test-split", "0.1"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("error: --test-split: 0.1 of 4 points is no test point")
