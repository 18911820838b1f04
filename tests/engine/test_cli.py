"""The headless CLI: `python -m engine run | trace | gradcheck | presets`.

Subprocesses prove the real entry point (each costs ~1.5 s to import torch), so they are few; the
remaining error cases call engine.cli.main.main in-process, which is the very code the entry point runs."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import torch

from engine.cli.main import main
from engine.io.presets import load_preset
from engine.io.session_file import from_trainer, load, save
from engine.training.trainer import Trainer

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True, scope="module")
def _one_thread():
    n = torch.get_num_threads()
    torch.set_num_threads(1)  # tiny matrices; threads only spin on shared cores
    yield
    torch.set_num_threads(n)


def cli(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "OMP_NUM_THREADS": "1", "PYTHONIOENCODING": "utf-8"}
    return subprocess.run([sys.executable, "-m", "engine", *map(str, args)], cwd=ROOT, env=env,
                          capture_output=True, text=True, encoding="utf-8", timeout=120)


def trained(name: str, n: int, **changes) -> Trainer:
    spec, data = load_preset(name)
    t = Trainer(spec.with_changes(**changes) if changes else spec, data)
    for _ in t.train(n, every=n + 1):
        pass
    return t


# ----- subprocess: the real entry point -----------------------------------------------------------
def test_run_prints_the_notebooks_log_line_corrected():
    r = cli("run")  # default: notebook-xor, 10000 epochs, every 500
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    t = trained("notebook-xor", 10000)
    log = [ln for ln in lines if ln.startswith("EPOCH")]
    assert len(log) == 20
    assert log[0] == f"EPOCH : 500 / 10000 (5%) \t Loss : {t.losses[499]:.6f}"
    assert log[1].startswith("EPOCH : 1000 / 10000 (10%) \t Loss : ")
    assert log[-1] == f"EPOCH : 10000 / 10000 (100%) \t Loss : {t.losses[9999]:.6f}"
    assert lines[-1] == f"done: epoch 10000, final loss {t.losses[-1]:.6f}, accuracy 3/4 (75%)"


def test_run_json_with_overrides_and_save(tmp_path):
    out = tmp_path / "out.json"
    r = cli("run", "--preset", "xor-tanh", "--epochs", "200", "--lr", "0.3", "--log-every", "50", "--json",
            "--save", out)
    assert r.returncode == 0, r.stderr
    d = json.loads(r.stdout)
    assert set(d) == {"epochs", "start_epoch", "end_epoch", "log", "final_loss", "final_accuracy", "params",
                      "diverged", "health", "saved", "train_samples", "test_samples", "test_loss", "test_accuracy"}
    assert (d["train_samples"], d["test_samples"], d["test_loss"], d["test_accuracy"]) == (4, 0, None, None)
    t = trained("xor-tanh", 200, lr=0.3, epochs=200)
    from engine.training.health import readings
    assert d["health"] == [r.to_dict() for r in readings(t)]  # at the last epoch
    assert [h["kind"] for h in d["health"]] == ["start_loss", "update_ratio", "update_ratio", "saturated"]
    assert all(h["code"].startswith("health.") and h["text"] and isinstance(h["args"], dict) for h in d["health"])
    assert d["health"][1]["text"].startswith("w1: ratio ") and d["health"][1]["args"]["w"] == "w1"
    assert d["epochs"] == 200 and d["start_epoch"] == 0 and d["end_epoch"] == 200
    assert d["log"] == [{"epoch": e, "loss": t.losses[e - 1]} for e in (50, 100, 150, 200)]
    assert d["final_loss"] == t.losses[-1]  # exact: JSON floats round-trip
    assert d["params"] == {k: v.tolist() for k, v in t.params.items()}  # after the last update
    assert d["diverged"] is None and d["final_accuracy"] == 1.0
    assert d["saved"] == {"path": str(out), "epoch": 200}
    back = load(out)
    assert back.epoch == 200 and back.spec.lr == 0.3 and back.spec.epochs == 200
    assert all(torch.equal(back.params[k], t.params[k]) for k in t.params)


def test_trace_json_has_every_step_with_shapes():
    r = cli("trace", "--json")
    assert r.returncode == 0, r.stderr
    d = json.loads(r.stdout)
    assert d["epoch"] == 1 and d["diverged"] is None
    steps = d["steps"]
    assert len(steps) == 17
    assert [s["name"] for s in steps] == [
        "l1", "a1", "l2", "y_pred", "loss",
        "d_loss", "d_l2", "d_b2", "d_w2", "d_a1", "d_l1", "d_b1", "d_w1",
        "w1", "b1", "w2", "b2",
    ]
    for s in steps:
        assert {"name", "phase", "op", "shape", "operands", "formula", "why", "value"} <= set(s)
        for o in s["operands"]:
            assert set(o) >= {"name", "shape", "transposed", "broadcast"}
    d_w2 = next(s for s in steps if s["name"] == "d_w2")
    a1 = next(o for o in d_w2["operands"] if o["name"] == "a1")
    assert a1 == {"name": "a1", "shape": [4, 2], "transposed": True, "broadcast": False}
    assert d_w2["shape"] == [2, 1] and d_w2["phase"] == "backward"
    assert "a1ᵀ @ d_l2" in d_w2["formula"] and d_w2["why"]
    l1 = steps[0]
    assert l1["value"] == [[1.0, 2.0], [2.0, 3.0], [2.0, 3.0], [3.0, 4.0]]
    assert next(o for o in l1["operands"] if o["name"] == "b1")["broadcast"] is True


def test_gradcheck_json_all_ok_on_the_notebook():
    r = cli("gradcheck", "--json")
    assert r.returncode == 0, r.stderr
    d = json.loads(r.stdout)
    assert list(d["params"]) == ["w1", "b1", "w2", "b2"]
    for name, c in d["params"].items():
        assert c["verdict"] == "ok", (name, c)
        assert c["rel_error"] < 1e-7
        assert len(c["manual"]) == len(c["autograd"]) == len(c["numeric"])
    w2 = d["params"]["w2"]
    assert torch.allclose(torch.tensor(w2["manual"]), torch.tensor(w2["autograd"]), rtol=1e-6, atol=0)


def test_presets_lists_them():
    r = cli("presets")
    assert r.returncode == 0, r.stderr
    first = r.stdout.splitlines()[0]
    assert first.split()[0] == "notebook-xor" and "The notebook's XOR" in first
    names = [ln.split()[0] for ln in r.stdout.splitlines()]
    assert names == ["notebook-xor", "xor-tanh", "circle", "moons", "spiral", "sine", "digits"]


def test_corrupt_session_exits_2_with_one_line_and_no_traceback(tmp_path):
    path = tmp_path / "corrupt.json"
    path.write_text('{"format": "backprop-tutor-session",\n "version": 1,,\n}', "utf-8")
    r = cli("trace", path)
    assert r.returncode == 2
    assert r.stdout == "" and "Traceback" not in r.stderr
    assert r.stderr.splitlines() == [
        f"error: {path}: line 2, column 15: "
        "not valid JSON (Expecting property name enclosed in double quotes)"
    ]


# ----- in-process: the same main() ------------------------------------------------------------------
def one_error_line(capsys, *argv) -> str:
    assert main([str(a) for a in argv]) == 2
    out, err = capsys.readouterr()
    assert out == "" and "Traceback" not in err
    lines = err.splitlines()
    assert len(lines) == 1, err
    return lines[0]


def test_usage_errors(capsys, tmp_path):
    assert one_error_line(capsys, "run", "--preset", "nope").startswith(
        "error: preset: unknown preset 'nope'; known: notebook-xor, xor-tanh")
    assert one_error_line(capsys, "run", "--lr", "0") == (
        "error: lr: learning rate 0.0 must be greater than 0 and at most 1e+06 (try 0.1)")
    assert one_error_line(capsys, "run", "--lr", "nan").startswith("error: lr: must be a finite number")
    assert one_error_line(capsys, "gradcheck", "--preset", "x") .startswith("error: preset: unknown preset")
    assert one_error_line(capsys, "run", tmp_path / "missing.json") == (
        f"error: {tmp_path / 'missing.json'} not found")
    bad = tmp_path / "bad.json"
    save(from_trainer(trained("notebook-xor", 3)), bad)
    doc = json.loads(bad.read_text("utf-8"))
    doc["params"]["w2"].append([0.5])
    bad.write_text(json.dumps(doc), "utf-8")
    assert one_error_line(capsys, "run", bad) == (
        f"error: {bad}: params.w2: shape (3×1) does not match the network's (2×1)")
    assert one_error_line(capsys, "trace", tmp_path) == f"error: {tmp_path} is a folder, not a session file"
    assert one_error_line(capsys, "run", bad, "--preset", "sine") == (
        "error: give a session file or --preset, not both")


def test_run_continues_a_session_and_trace_refuses_its_past(capsys, tmp_path):
    path = tmp_path / "s.json"
    save(from_trainer(trained("xor-tanh", 300)), path)
    assert main(["run", str(path), "--epochs", "100", "--json"]) == 0
    d = json.loads(capsys.readouterr().out)
    straight = trained("xor-tanh", 400)
    assert (d["start_epoch"], d["end_epoch"]) == (300, 400)
    assert d["log"][0] == {"epoch": 305, "loss": straight.losses[304]}
    assert d["final_loss"] == straight.losses[399]
    assert main(["run", str(path), "--epochs", "100", "--log-every", "50"]) == 0
    assert capsys.readouterr().out.splitlines()[0] == (
        f"EPOCH : 350 / 400 (87%) \t Loss : {straight.losses[349]:.6f}")
    assert one_error_line(capsys, "trace", path, "--epoch", "300") == (
        "error: epoch: this session is at epoch 300; trace epoch 301 or later")
    assert main(["trace", str(path)]) == 0
    assert capsys.readouterr().out.startswith("epoch 301: 17 steps")


def test_divergence_is_reported_and_exit_is_0(capsys, tmp_path):
    out = tmp_path / "div.json"
    assert main(["run", "--preset", "sine", "--lr", "10", "--save", str(out)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert any(ln.startswith("diverged in epoch ") for ln in lines)
    assert lines[-2].startswith("stopped: epoch ") and lines[-1].endswith("(the last finite epoch)")
    assert main(["run", "--preset", "sine", "--lr", "10", "--json"]) == 0
    d = json.loads(capsys.readouterr().out)  # strict JSON: non-finite numbers are null
    assert d["diverged"]["epoch"] == d["end_epoch"]
    assert d["diverged"]["summary"].startswith("diverged in epoch")
    saved = load(out)
    assert saved.epoch == d["diverged"]["last_finite_epoch"]


def test_trace_text_names_shapes_and_transposes(capsys):
    assert main(["trace", "--preset", "notebook-xor", "--epoch", "3"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("epoch 3: 17 steps; X is (4×2)")
    assert "d_w2 (2×1): d_w2 = a1ᵀ @ d_l2" in out
    assert "a1 (4×2) used as a1ᵀ (2×4)" in out
    assert "b1 (2,) broadcast to (4×2)" in out


def test_gradcheck_table(capsys):
    assert main(["gradcheck", "--preset", "xor-tanh"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[1].split() == ["param", "shape", "max|manual|", "max|autograd|", "max|numeric|", "rel.",
                                "error", "verdict"]
    assert [ln.split()[0] for ln in lines[2:6]] == ["w1", "b1", "w2", "b2"]
    assert all(ln.split()[-1] == "ok" for ln in lines[2:6])
    assert lines[-1] == "all gradients agree"
