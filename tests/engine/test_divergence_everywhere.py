"""A non-finite value in any operation stops training at the epoch it first appears, with one diagnosis from
every command; huge starting weights are named as the cause instead of the learning rate. And a vanishing
update ratio caused by saturated units is named as saturation, not as a learning rate too small.
"""

from __future__ import annotations

import json

import pytest
import torch

from engine.cli.main import main
from engine.io.presets import load_preset
from engine.io.session_file import from_trainer, save
from engine.training.health import readings
from engine.training.trainer import Trainer

HUGE = torch.tensor([[3e38, 3e38], [3e38, 3e38]])  # finite in float32, but 3e38 + 3e38 overflows


@pytest.fixture
def huge_session(tmp_path):
    """The notebook's XOR saved at epoch 1 with w1 = [[3e38, 3e38], [3e38, 3e38]] (float32)."""
    spec, data = load_preset("notebook-xor")
    t = Trainer(spec, data)
    t.step()
    t.set_param("w1", HUGE)
    path = tmp_path / "huge.json"
    save(from_trainer(t), path)
    return path


def out_of(capsys, *argv) -> str:
    assert main(list(map(str, argv))) == 0
    return capsys.readouterr().out


def test_an_overflowing_forward_pass_stops_training_although_the_loss_stays_finite(huge_session):
    from engine.io.session_file import load

    t = load(huge_session).to_trainer()
    snaps = list(t.train(5000))
    d = snaps[-1].diagnosis
    assert d is not None and t.epoch == d.epoch == 2  # the first epoch from these weights, not epoch 5001
    assert (d.step, d.phase, d.code) == ("l1", "forward", "overflow")
    assert d.text.code == "diverge.linear_overflow" and d.text.args["cause"].code == "cause.start"
    assert "the learning rate" not in d.reason.split(";")[-1]  # not blamed on lr 0.01
    assert "start from smaller weights" in d.reason and "max |w| = 3e+38" in d.reason
    assert len(t.losses) == 2


def test_run_and_trace_give_the_same_diagnosis(huge_session, capsys):
    run = out_of(capsys, "run", huge_session, "--epochs", "5000").splitlines()
    expected = ("diverged in epoch 2 at l1 (forward): l1 overflowed: the weights are so large (max |w| = 3e+38) "
                "that the product exceeds the largest float32 number; these are the weights training started "
                "from (epoch 2 is the first with them), not grown by it: start from smaller weights "
                "(re-initialise, or edit them)")
    assert expected in run and run[-1].startswith("stopped: epoch 2 of 5001")
    for epoch in (3, 50):
        trace = out_of(capsys, "trace", huge_session, "--epoch", epoch).splitlines()
        assert trace == [f"training stopped before epoch {epoch}: {expected}", "trace --epoch 2 shows that epoch"]
    trace = out_of(capsys, "trace", huge_session, "--epoch", 2).splitlines()
    assert trace[-1] == expected
    d = json.loads(out_of(capsys, "run", huge_session, "--epochs", "5000", "--json"))
    assert d["diverged"]["summary"] == expected and d["end_epoch"] == 2
    assert d["diverged"]["explanation"]["code"] == "diverge.linear_overflow"


def test_stepping_in_the_app_way_gives_the_same_diagnosis(huge_session):
    from engine.io.session_file import load

    t = load(huge_session).to_trainer()
    t.step()  # what the app's Step epoch does
    stepped = t.diagnosis
    t2 = load(huge_session).to_trainer()
    list(t2.train(100))
    assert stepped is not None and stepped == t2.diagnosis


def test_weights_grown_by_training_are_still_blamed_on_the_learning_rate():
    spec, data = load_preset("sine")
    t = Trainer(spec.with_changes(lr=50.0), data)
    d = list(t.train(2000))[-1].diagnosis
    assert d is not None and d.epoch > 1 and "is too large" in d.reason and "start from smaller" not in d.reason


def test_a_zero_update_ratio_from_saturation_is_named_as_saturation():
    spec, data = load_preset("notebook-xor")
    t = Trainer(spec.with_changes(lr=50.0), data)
    list(t.train(10000))
    rs = {(r.code, r.layer): r for r in readings(t)}
    assert rs[("saturated", 1)].text == "a1: 100% of sigmoid outputs saturated: their gradients vanish"
    w1 = rs[("update_ratio", 1)]
    assert w1.level == "bad" and "learning rate likely too small" not in w1.text
    assert w1.text == ("w1: ratio 0.0e+00: not a small learning rate: a1 is 100% saturated, so the gradients "
                       "through it vanish; too large steps (lr 50) or too large starting weights push units there. "
                       "Re-initialise, with a smaller learning rate if it was large")
    assert w1.explanation.code == "health.ratio.saturated"


def test_a_small_ratio_without_saturation_still_says_the_learning_rate_is_small():
    spec, data = load_preset("notebook-xor")
    t = Trainer(spec.with_changes(lr=1e-7), data)
    list(t.train(10))
    w1 = next(r for r in readings(t) if r.code == "update_ratio" and r.layer == 1)
    assert w1.level == "warn" and w1.text.endswith("learning rate likely too small")
