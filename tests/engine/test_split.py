"""The train/test split (issue 12 item 2): which rows are held out, that training never sees them, that the
test loss is the loss on those rows, and how it reaches session files, the health readings and the CLI."""

from __future__ import annotations

import json
import math

import pytest
import torch

from engine.cli.main import main
from engine.core.errors import DataError, SessionError
from engine.io.datasets import Dataset, make_dataset
from engine.io.presets import PRESETS, load_preset
from engine.io.session_file import dumps, from_trainer, loads
from engine.io.split import split_rows
from engine.training.health import readings
from engine.training.trainer import Trainer


@pytest.fixture(autouse=True, scope="module")
def _one_thread():
    n = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(n)


def xor_split(fraction=0.25, seed=0):
    spec, data = load_preset("notebook-xor")
    return spec, data.with_split(fraction, seed)


# ----- the split itself --------------------------------------------------------------------------------
@pytest.mark.parametrize("n,fraction,seed", [(4, 0.25, 0), (200, 0.2, 7), (300, 0.5, 123), (7, 0.3, 2**63 - 1)])
def test_split_is_deterministic_disjoint_and_complete(n, fraction, seed):
    train, test = split_rows(n, fraction, seed)
    again = split_rows(n, fraction, seed)
    assert torch.equal(train, again[0]) and torch.equal(test, again[1])
    assert len(test) == math.floor(fraction * n + 0.5)
    assert torch.equal(torch.cat([train, test]).sort().values, torch.arange(n))
    assert torch.equal(train, train.sort().values) and torch.equal(test, test.sort().values)


def test_another_seed_holds_out_other_rows_and_the_global_rng_is_untouched():
    torch.manual_seed(5)
    before = torch.rand(3)
    torch.manual_seed(5)
    a = make_dataset("moons").with_split(0.25, 1)
    b = make_dataset("moons").with_split(0.25, 2)
    assert not torch.equal(a.test_index, b.test_index)
    assert torch.equal(torch.rand(3), before)


def test_no_split_by_default_and_dictionaries_unchanged():
    for name in PRESETS:
        spec, data = load_preset(name)
        assert data.test_fraction == 0 and data.n_test == 0
        assert "test_fraction" not in data.to_dict() and "split_seed" not in data.to_dict()
        assert torch.equal(data.train_index, torch.arange(data.n_samples))


@pytest.mark.parametrize("fraction,seed,field,words", [
    (1.0, 0, "test_fraction", "up to but not including 1"),
    (-0.1, 0, "test_fraction", "from 0"),
    (float("nan"), 0, "test_fraction", "NaN"),
    ("0.2", 0, "test_fraction", "must be a number"),
    (True, 0, "test_fraction", "true"),
    (0.1, 0, "test_fraction", "no test point"),  # 0.4 of a point
    (0.9, 0, "test_fraction", "no point to train on"),  # 3.6 → 4 of 4 points
    (0.25, -1, "split_seed", "whole number"),
    (0.25, 2**63, "split_seed", "whole number"),
])
def test_split_is_validated(fraction, seed, field, words):
    with pytest.raises(DataError) as e:
        make_dataset("xor").with_split(fraction, seed)
    assert e.value.field == field and words in e.value.message


@pytest.mark.parametrize("data", [make_dataset("spiral", n=60), make_dataset("xor", n=8)])
def test_split_round_trips_through_the_data_section(data):
    d = data.with_split(0.3, 11)
    back = Dataset.from_dict(json.loads(json.dumps(d.to_dict())))
    assert (back.test_fraction, back.split_seed) == (0.3, 11)
    assert torch.equal(back.test_index, d.test_index)
    with pytest.raises(DataError) as e:
        Dataset.from_dict({**d.to_dict(), "test_fraction": 2})
    assert e.value.field == "test_fraction"


def test_edits_keep_the_split_while_it_fits():
    d = make_dataset("moons", n=40).with_split(0.25, 3)
    more = d.with_point([0.0, 0.0], 1)
    assert (more.test_fraction, more.split_seed, more.n_test) == (0.25, 3, 10)  # round(0.25·41)
    tiny = make_dataset("xor").with_split(0.25).with_point([0.5, 0.5], 0).without_point(4).without_point(3)
    assert tiny.n_samples == 3 and tiny.n_test == 1  # round(0.75)
    assert make_dataset("xor", n=5).with_split(0.1).n_test == 1  # round(0.5) = 1 …
    assert make_dataset("xor", n=5).with_split(0.1).without_point(4).n_test == 0  # … but not of 4: no split


# ----- training on the training rows only ---------------------------------------------------------------
def test_trainer_trains_on_the_training_rows_only():
    spec, data = load_preset("moons")
    split = data.with_split(0.25, 4)
    t = Trainer(spec, split)
    assert torch.equal(t.X, split.X[split.train_index].to(spec.torch_dtype))
    assert t.held_out.n == 50 and t.X.shape[0] == 150
    # the same rows as a data set of their own train exactly alike
    only = Dataset(split.X[split.train_index], split.y[split.train_index], "binary", 2, {"inline": True})
    u = Trainer(spec, only)
    for _ in t.train(30):
        pass
    for _ in u.train(30):
        pass
    assert all(torch.equal(t.params[k], u.params[k]) for k in t.params)
    assert list(t.losses) == list(u.losses)
    assert u.held_out is None


def test_test_labels_do_not_change_training():
    spec, data = load_preset("moons")
    split = data.with_split(0.25, 4)
    y = split.y.clone()
    y[split.test_index] = 1 - y[split.test_index]  # every test label flipped
    flipped = Dataset(split.X, y, "binary", 2, {"inline": True}, "", (), 0.25, 4)
    assert torch.equal(flipped.test_index, split.test_index)
    a, b = Trainer(spec, split), Trainer(spec, flipped)
    for t in (a, b):
        t.step()
        for _ in t.train(20):
            pass
    assert all(torch.equal(a.params[k], b.params[k]) for k in a.params)
    assert list(a.losses) == list(b.losses)
    assert list(a.held_out.losses) != list(b.held_out.losses)


def _bce(p: torch.Tensor, y: torch.Tensor) -> float:
    return float(-(y * torch.log(p) + (1 - y) * torch.log(1 - p)).mean())


def test_test_loss_is_the_loss_on_the_test_rows_before_the_update():
    spec, data = xor_split(0.5, 1)
    t = Trainer(spec, data)
    assert t.X.shape[0] == 2 and t.held_out.n == 2
    for _ in range(3):
        P = {k: v.double() for k, v in t.params.items()}  # before this epoch's update
        X, y = data.X[data.test_index], data.y[data.test_index].double()
        a1 = torch.sigmoid(X @ P["w1"] + P["b1"])
        p = torch.sigmoid(a1 @ P["w2"] + P["b2"])[:, 0]
        et = t.step()
        assert t.held_out.losses[-1] == pytest.approx(_bce(p, y), rel=1e-6)
        assert t.held_out.accuracies[-1] == float(((p > 0.5).double() == y).double().mean())
        assert et.loss == t.losses[-1]  # the training loss of the same epoch, on the other two rows
        hand_train = _bce(torch.sigmoid(torch.sigmoid(data.X[data.train_index] @ P["w1"] + P["b1"]) @ P["w2"]
                                        + P["b2"])[:, 0], data.y[data.train_index].double())
        assert et.loss == pytest.approx(hand_train, rel=1e-6)
    assert len(t.held_out.losses) == len(t.losses) == 3


def test_fast_and_traced_paths_agree_bit_for_bit_with_a_test_set():
    spec, data = load_preset("spiral")
    data = data.with_split(0.2, 9)
    traced, fast = Trainer(spec, data), Trainer(spec, data)
    for _ in range(5):
        traced.step()
    snaps = list(fast.train(5, every=1))
    assert all(torch.equal(traced.params[k], fast.params[k]) for k in traced.params)
    assert list(traced.losses) == list(fast.losses)
    assert list(traced.held_out.losses) == list(fast.held_out.losses)
    assert list(traced.held_out.accuracies) == list(fast.held_out.accuracies)
    # the snapshots carry the test history in pieces that add up to all of it
    pieces = [v for s in snaps for v in s.test_losses]
    assert pieces == list(fast.held_out.losses)


def test_rewind_and_reset_cut_the_test_history():
    spec, data = xor_split()
    t = Trainer(spec, data)
    for _ in t.train(120):
        pass
    full = list(t.held_out.losses)
    t.rewind(50)
    assert list(t.held_out.losses) == full[:50]
    for _ in t.train(70):
        pass
    assert list(t.held_out.losses) == full
    t.reset()
    assert len(t.held_out.losses) == 0


# ----- session files ------------------------------------------------------------------------------------
def test_session_file_keeps_the_split_and_the_test_history():
    spec, data = xor_split(0.25, 5)
    t = Trainer(spec, data)
    for _ in t.train(40):
        pass
    text = dumps(from_trainer(t))
    doc = json.loads(text)
    assert doc["data"]["test_fraction"] == 0.25 and doc["data"]["split_seed"] == 5
    assert len(doc["test_losses"]) == 40
    back = loads(text).to_trainer()
    assert torch.equal(back.data.test_index, data.test_index)
    assert list(back.held_out.losses) == list(t.held_out.losses)
    for u in (t, back):
        for _ in u.train(10):
            pass
    assert list(back.held_out.losses) == list(t.held_out.losses)


def test_session_without_a_split_has_no_test_keys_and_refuses_them():
    spec, data = load_preset("notebook-xor")
    doc = json.loads(dumps(from_trainer(Trainer(spec, data))))
    assert "test_losses" not in doc and "test_accuracies" not in doc
    doc["test_losses"] = []
    with pytest.raises(SessionError) as e:
        loads(json.dumps(doc))
    assert e.value.field == "test_losses"


def test_a_history_saved_before_the_split_is_unknown_not_invented():
    spec, data = load_preset("notebook-xor")
    t = Trainer(spec, data)
    for _ in t.train(5):
        pass
    u = Trainer(spec, data.with_split(0.25), t.params, None, t.epoch, t.losses, t.accuracies)
    assert len(u.held_out.losses) == 5 and all(math.isnan(v) for v in u.held_out.losses)
    u.step()
    assert math.isfinite(u.held_out.losses[-1])


# ----- health ---------------------------------------------------------------------------------------------
def test_health_says_when_the_test_loss_rises_while_the_training_loss_falls():
    spec, data = xor_split(0.25)  # 3 XOR points cannot teach the fourth
    t = Trainer(spec, data)
    for _ in t.train(3000):
        pass
    r = [r for r in readings(t) if r.code == "test_loss"]
    assert len(r) == 1 and r[0].level == "warn" and r[0].explanation.code == "health.test.overfit"
    n = r[0].numbers
    assert n["test"] > n["best"] and t.losses[-1] < t.losses[n["best_epoch"] - 1]
    assert "overfitting" in r[0].text and "3 training points" in r[0].text


def test_health_test_reading_ok_when_both_fall_and_absent_without_a_split():
    spec, data = load_preset("moons")
    t = Trainer(spec, data.with_split(0.25))
    r = [r for r in readings(t) if r.code == "test_loss"]  # at epoch 0: the current parameters
    assert r[0].level == "ok" and "50 held-out points" in r[0].text
    for _ in t.train(300):
        pass
    r = [r for r in readings(t) if r.code == "test_loss"]
    assert r[0].level == "ok" and r[0].explanation.code == "health.test.ok"
    assert not [r for r in readings(Trainer(spec, data)) if r.code == "test_loss"]


# ----- the CLI ---------------------------------------------------------------------------------------------
def test_cli_run_reports_the_test_loss_and_accuracy(capsys):
    assert main(["run", "--preset", "moons", "--epochs", "100", "--test-split", "0.25", "--split-seed", "3",
                 "--json"]) == 0
    d = json.loads(capsys.readouterr().out)
    spec, data = load_preset("moons")
    t = Trainer(spec, data.with_split(0.25, 3))
    for _ in t.train(100):
        pass
    loss, acc = t.held_out.measure(t.params)  # the final parameters, like final_accuracy
    assert (d["train_samples"], d["test_samples"]) == (150, 50)
    assert d["test_loss"] == loss and d["test_accuracy"] == acc
    assert 0.5 < d["test_accuracy"] <= 1
    assert d["log"][-1]["test_loss"] == t.held_out.losses[-1]


def test_cli_text_output_names_the_test_set(capsys):
    assert main(["run", "--preset", "notebook-xor", "--epochs", "20", "--test-split", "0.25"]) == 0
    out = capsys.readouterr().out
    assert "Test loss :" in out and "test (1 points held out): loss" in out
    assert "accuracy" in out.splitlines()[-1]


@pytest.mark.parametrize("args,words", [
    (["--test-split", "1"], "out of range"),
    (["--test-split", "-0.5"], "out of range"),
    (["--test-split", "nan"], "out of range"),
    (["--test-split", "half"], "not a number"),
    (["--test-split", "0.1"], "no test point"),
    (["--split-seed", "-1"], "out of range"),
])
def test_cli_refuses_a_bad_split_with_one_line(capsys, args, words):
    try:
        code = main(["run", "--epochs", "1", *args])  # a refusal of the data: exit status 2
    except SystemExit as e:  # a refusal of argparse's
        code = e.code
    assert code == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and words in err


# ----- the learner's code and the gradient check see the training rows ----------------------------------------
def test_checker_and_gradcheck_use_the_training_rows():
    from engine.checker.exercise import check_code, template
    from engine.verify.gradcheck import gradcheck
    from tests.engine.cells import CORRECT

    spec, data = xor_split(0.25)
    t = Trainer(spec, data)
    rep = check_code(CORRECT, t, isolate=False)
    assert rep.ok and {r.status for r in rep.results} == {"ok"}
    assert "X (3×2)" in template(t)  # the names bound for the learner: the three training rows
    checks = gradcheck(t)
    assert all(c.verdict == "ok" for c in checks.values())
    # the gradients checked are the training epoch's: on the three rows, not all four
    et = t.peek()
    for name, c in checks.items():
        assert torch.allclose(c.manual.to(et.grads[f"d_{name}"].dtype), et.grads[f"d_{name}"], atol=1e-6)


def test_a_state_without_its_test_history_saves_it_as_unknown():
    spec, data = xor_split(0.25)
    t = Trainer(spec, data)
    for _ in t.train(3):
        pass
    state = from_trainer(t).with_changes(test_losses=[], test_accuracies=[])
    back = loads(dumps(state))
    assert len(back.test_losses) == 3 and all(math.isnan(v) for v in back.test_losses)
