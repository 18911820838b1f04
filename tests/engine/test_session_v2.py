"""Session format version 2: mini-batches (network.batch_size, batch, step_losses), saved inside an epoch
and continued exactly; version 1 files migrate on load (the whole data set per step) and save as version 2."""

from __future__ import annotations

import contextlib
import io
import json
import os
import subprocess
import sys

import pytest
import torch

from engine.cli.main import main
from engine.core.errors import SessionError
from engine.io.presets import load_preset
from engine.io.session_file import VERSION, from_trainer, load, loads, migrate, save
from engine.training.trainer import Trainer

V1 = {  # docs/session-format.md's version 1 example, as the version 1 writer wrote it
    "format": "backprop-tutor-session", "version": 1,
    "network": {"inputs": 2, "hidden": [{"units": 2, "activation": "sigmoid"}], "outputs": 1,
                "output_activation": "sigmoid", "loss": "bce", "lr": 0.01, "momentum": 0.0, "l2": 0.0,
                "init": {"kind": "explicit", "values": {"w1": [[1.0, 1.0], [1.0, 1.0]], "b1": [1.0, 2.0],
                                                        "w2": [[2.0], [1.0]], "b2": [1.0]}},
                "seed": 0, "dtype": "float32", "epochs": 10000},
    "data": {"generator": "xor", "n": 4, "noise": 0.0, "seed": 0, "classes": None, "name": "xor",
             "task": "binary", "n_classes": 2},
    "epoch": 2,
    "params": {"w1": [[0.9995826482772827, 0.999919056892395], [0.9995826482772827, 0.999919056892395]],
               "b1": [0.9977104663848877, 1.9994184970855713], "w2": [[1.9920152425765991], [0.9911646246910095]],
               "b2": [0.9905121922492981]},
    "velocity": None, "losses": [1.8333157300949097, 1.827368974685669], "accuracies": [None, 0.5],
    "practice_code": "import torch\n", "extra": {"app": {"pane": "inspector"}},
}


def test_a_version_1_file_loads_as_full_batch_and_saves_as_version_2(tmp_path):
    state = loads(json.dumps(V1))
    assert state.spec.batch_size is None and state.batch == 0 and state.step_losses == []
    assert state.epoch == 2 and state.losses == V1["losses"] and state.extra == V1["extra"]
    assert state.to_trainer().steps_per_epoch == 1
    # a version 1 file written from a trainer after 2 epochs continues exactly like the trainer
    fresh = Trainer(*load_preset("notebook-xor"))
    list(fresh.train(2))
    doc = from_trainer_doc(fresh)
    for key in ("batch", "step_losses"):
        del doc[key]
    del doc["network"]["batch_size"]
    doc["version"] = 1
    t = loads(json.dumps(doc)).to_trainer()
    list(fresh.train(3))
    list(t.train(3))
    assert list(t.losses) == list(fresh.losses) and all(torch.equal(t.params[k], fresh.params[k]) for k in t.params)
    path = tmp_path / "v2.json"
    save(state, path)
    doc = json.loads(path.read_text())
    assert doc["version"] == VERSION == 2
    assert doc["network"]["batch_size"] is None and doc["batch"] == 0 and doc["step_losses"] == []
    again = load(path)
    assert again.params.keys() == state.params.keys() and again.losses == state.losses


def test_migrate_adds_the_version_2_fields_and_refuses_them_in_version_1():
    doc = migrate(V1)
    assert doc["version"] == 2 and doc["network"]["batch_size"] is None and (doc["batch"], doc["step_losses"]) == (0, [])
    assert V1["version"] == 1 and "batch_size" not in V1["network"]  # the input is left alone
    for bad, field in (({**V1, "batch": 0}, "batch"), ({**V1, "step_losses": []}, "step_losses"),
                       ({**V1, "network": {**V1["network"], "batch_size": 2}}, "network.batch_size")):
        with pytest.raises(SessionError) as e:
            loads(json.dumps(bad))
        assert e.value.field == field and "arrived in version 2" in e.value.message


def mid_epoch_trainer():
    spec, data = load_preset("xor-tanh")
    t = Trainer(spec.with_changes(momentum=0.9, l2=0.001, lr=0.1, batch_size=3), data)
    list(t.train(5))
    for _ in range(t.steps_per_epoch // 2):
        t.step_fast()
    assert t.batch > 0
    return t


def test_a_session_saved_inside_an_epoch_continues_bit_for_bit(tmp_path):
    t = mid_epoch_trainer()
    path = tmp_path / "mid.json"
    save(from_trainer(t), path)
    doc = json.loads(path.read_text())
    assert doc["network"]["batch_size"] == 3 and doc["batch"] == t.batch
    assert len(doc["step_losses"]) == 5 * t.steps_per_epoch + t.batch
    back = load(path).to_trainer()
    assert (back.epoch, back.batch) == (t.epoch, t.batch)
    list(t.train(4))
    list(back.train(4))
    assert list(back.losses) == list(t.losses) and list(back.step_losses) == list(t.step_losses)
    assert all(torch.equal(back.params[k], t.params[k]) for k in t.params)
    assert all(torch.equal(back.velocity[k], t.velocity[k]) for k in t.params)


@pytest.mark.parametrize("change, field, says", [
    (lambda d: d.update(batch=99), "batch", "from 0 to"),
    (lambda d: d.update(batch=-1), "batch", "from 0 to"),
    (lambda d: d.update(step_losses=d["step_losses"][:-1]), "step_losses", "one per step done"),
    (lambda d: d.update(step_losses="x"), "step_losses", "must be a list"),
    (lambda d: d["step_losses"].__setitem__(0, "x"), "step_losses[0]", "not a number"),
    (lambda d: d["network"].update(batch_size=0), "network.batch_size", "out of range"),
    (lambda d: d.update(velocity=None), "velocity", "missing"),
])
def test_bad_mini_batch_state_is_refused_with_its_field(tmp_path, change, field, says):
    doc = json.loads(json.dumps(from_trainer_doc(mid_epoch_trainer())))
    change(doc)
    with pytest.raises(SessionError) as e:
        loads(json.dumps(doc))
    assert e.value.field == field and says in e.value.message, str(e.value)


def test_full_batch_sessions_have_no_step_losses():
    doc = from_trainer_doc(Trainer(*load_preset("notebook-xor")))
    doc["step_losses"] = [1.0]
    with pytest.raises(SessionError) as e:
        loads(json.dumps(doc))
    assert e.value.field == "step_losses" and "use []" in e.value.message


def from_trainer_doc(t) -> dict:
    from engine.io.session_file import to_document

    return to_document(from_trainer(t))


def test_export_of_a_session_saved_inside_an_epoch_prints_what_run_prints(tmp_path):
    path, script = tmp_path / "mid.json", tmp_path / "mid.py"
    save(from_trainer(mid_epoch_trainer()), path)
    opts = ["--epochs", "30", "--log-every", "3"]
    assert main(["export", str(path), *opts, "-o", str(script)]) == 0
    assert "FIRST = " in script.read_text()
    with contextlib.redirect_stdout(io.StringIO()) as out:
        assert main(["run", str(path), *opts]) == 0
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=300,
                          env={**os.environ, "OMP_NUM_THREADS": "1"})
    assert done.returncode == 0, done.stderr
    assert done.stdout == out.getvalue() and out.getvalue().count("EPOCH : ") == 10
