"""Trainer state: rewind gives back exactly the parameters of a fresh run to that epoch (also after the
checkpoints of a long run were thinned, and across several train() runs and steps); reset; set_param's
refusals; train()'s cancel, snapshot spacing and bounded memory.
"""

from __future__ import annotations

import math
from types import SimpleNamespace

import pytest
import torch

import engine.training.trainer as trainer_mod
from engine.core.errors import SpecError
from engine.core.init import init_params
from engine.core.spec import Layer, NetworkSpec
from engine.training.trainer import DENSE_RECENT, MAX_CHECKPOINTS, RUN_CHECKPOINT_EVERY, Trainer

F64 = torch.float64


def regression(n=4):
    X = torch.linspace(-1, 1, n, dtype=F64)[:, None]
    return SimpleNamespace(X=X, y=torch.sin(2 * X), task="regression", n_classes=0, n_features=1, n_targets=1)


def xor():
    X = torch.tensor([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]], dtype=F64)
    return SimpleNamespace(X=X, y=torch.tensor([0, 1, 1, 0]), task="binary", n_classes=2, n_features=2, n_targets=1)


# a tiny net, so long runs are quick; momentum so that rewind must restore the velocity too
TINY = NetworkSpec(inputs=1, hidden=(Layer(2, "tanh"),), outputs=1, output_activation="linear", loss="mse",
                   lr=0.01, momentum=0.5, seed=4)


# the cheapest network there is, for the 50,000-epoch run
LINEAR = NetworkSpec(inputs=1, hidden=(), outputs=1, output_activation="linear", loss="mse", lr=0.01, seed=4)


def same(a, b) -> bool:
    return a.keys() == b.keys() and all(torch.equal(a[k], b[k]) for k in a)


def reference_states(spec, data, epochs: list[int]) -> dict[int, tuple[dict, dict | None, list]]:
    """Params, velocity and losses of a fresh, uninterrupted run at each epoch in `epochs`."""
    ref = Trainer(spec, data)
    out = {}
    for e in sorted(set(epochs)):
        list(ref.train(e - ref.epoch)) if e > ref.epoch else None
        out[e] = (ref.params_copy(), {k: v.clone() for k, v in ref.velocity.items()} if ref.velocity else None,
                  list(ref.losses))
    return out


def assert_state(trainer, state, epoch):
    params, velocity, losses = state
    assert trainer.epoch == epoch
    assert same(trainer.params, params), epoch
    if velocity is not None:
        assert same(trainer.velocity, velocity), epoch
    assert list(trainer.losses) == losses and len(trainer.accuracies) == epoch


def test_rewind_restores_exact_params_of_a_fresh_run():
    targets = [1000, 999, 537, 101, 100, 99, 1, 0]
    ref = reference_states(TINY, regression(), targets)
    t = Trainer(TINY, regression())
    list(t.train(1000))
    for e in targets:  # backwards, each from the state the previous rewind left
        t.rewind(e)
        assert_state(t, ref[e], e)
    # and forward again from 0 reproduces the run
    list(t.train(537))
    assert_state(t, ref[537], 537)


def test_rewind_across_train_runs_and_steps():
    t = Trainer(TINY, regression())
    list(t.train(150))
    list(t.train(250))
    for _ in range(5):
        t.step()
    list(t.train(45))  # 450 in all
    ref = reference_states(TINY, regression(), [450, 402, 260, 150, 149])
    assert_state(t, ref[450], 450)
    for e in (402, 260, 150, 149):
        t.rewind(e)
        assert_state(t, ref[e], e)
    for _ in range(3):
        t.step()
    list(t.train(298))
    assert_state(t, ref[450], 450)


def test_rewind_after_thinning(monkeypatch):
    """A checkpoint every epoch (as when stepping), so thinning happens within a few hundred epochs."""
    monkeypatch.setattr(trainer_mod, "RUN_CHECKPOINT_EVERY", 1)
    t = Trainer(TINY, regression())
    list(t.train(700))
    cps = t.checkpoint_epochs()
    assert len(cps) <= MAX_CHECKPOINTS and cps[0] == 0 and cps[-1] == 700
    assert cps[-DENSE_RECENT:] == list(range(700 - DENSE_RECENT + 1, 701))  # the newest are dense
    missing = [e for e in range(700) if e not in cps]
    targets = [700, 650, missing[-1], missing[len(missing) // 2], missing[0], 3, 0]
    ref = reference_states(TINY, regression(), targets)
    for e in sorted(set(targets), reverse=True):
        t.rewind(e)
        assert_state(t, ref[e], e)


def test_stepping_past_max_checkpoints_then_rewinding():
    spec = NetworkSpec(lr=0.5, seed=1)  # the notebook's shape on XOR, traced steps (a checkpoint each)
    t = Trainer(spec, xor())
    for _ in range(MAX_CHECKPOINTS + 60):
        t.step()
    assert len(t.checkpoint_epochs()) <= MAX_CHECKPOINTS
    targets = [MAX_CHECKPOINTS + 59, 201, 77, 2]
    ref = reference_states(spec, xor(), targets)
    for e in targets:
        t.rewind(e)
        assert_state(t, ref[e], e)


@pytest.fixture(scope="module")
def long_run():
    t = Trainer(LINEAR, regression())
    snaps = list(t.train(50_000, every=10_000))
    return t, snaps


def test_memory_stays_bounded_over_a_long_run(long_run):
    t, snaps = long_run
    assert t.epoch == 50_000 and len(t.losses) == 50_000
    cps = t.checkpoint_epochs()
    assert len(cps) <= MAX_CHECKPOINTS
    assert cps[0] == 0 and cps[-1] == 50_000
    assert all(e % RUN_CHECKPOINT_EVERY == 0 for e in cps)
    assert [s.epoch for s in snaps] == [10_000, 20_000, 30_000, 40_000, 50_000]


def test_rewind_into_a_thinned_stretch_of_a_long_run(long_run):
    t, _ = long_run
    e = 4_321
    assert max(c for c in t.checkpoint_epochs() if c <= e) < e  # really replays
    ref = reference_states(LINEAR, regression(), [e])
    t.rewind(e)
    assert_state(t, ref[e], e)


def test_reset_goes_back_to_the_initial_parameters():
    t = Trainer(TINY, regression())
    list(t.train(300))
    t.reset()
    assert t.epoch == 0 and len(t.losses) == 0 and len(t.accuracies) == 0
    assert t.checkpoint_epochs() == [0] and t.diagnosis is None
    assert same(t.params, init_params(TINY))
    assert all(not bool(v.any()) for v in t.velocity.values())
    fresh = Trainer(TINY, regression())
    list(t.train(120))
    list(fresh.train(120))
    assert same(t.params, fresh.params) and list(t.losses) == list(fresh.losses)


def test_set_param_refusals():
    t = Trainer(TINY, regression())
    cases = [
        ("w9", torch.zeros(1, 2), "w9", "no such parameter; this network has w1, b1, w2, b2"),
        ("w1", torch.zeros(2, 1), "w1", "shape (2, 1) does not match (1, 2)"),
        ("b1", [1.0, 2.0, 3.0], "b1", "does not match (2,)"),
        ("b2", [math.nan], "b2", "values must be finite numbers"),
        ("w2", [[math.inf], [0.0]], "w2", "values must be finite numbers"),
    ]
    before = t.params_copy()
    for name, value, field, phrase in cases:
        with pytest.raises(SpecError) as info:
            t.set_param(name, value)
        assert info.value.field == field and phrase in info.value.message, info.value
    assert same(t.params, before)


def test_set_param_restarts_the_history_from_here():
    t = Trainer(TINY, regression())
    list(t.train(10))
    old = reference_states(TINY, regression(), [5])
    t.set_param("b2", [0.25])
    assert t.params["b2"].dtype == torch.float32 and t.params["b2"].tolist() == [0.25]
    after_set = t.params_copy()
    list(t.train(20))
    # a fresh trainer from the edited state, with the same velocity, runs identically
    t.rewind(10)
    assert same(t.params, after_set)
    t.rewind(5)  # before the edit: the old history
    assert_state(t, old[5], 5)


def test_train_cancel_stops_at_the_next_epoch():
    t = Trainer(TINY, regression())
    stop = [False]
    seen = []
    for snap in t.train(1000, cancel=lambda: stop[0], every=10):
        seen.append(snap)
        if snap.epoch == 30:
            stop[0] = True
    assert [s.epoch for s in seen] == [10, 20, 30, 30]
    assert seen[-1].done and not any(s.done for s in seen[:-1])
    assert t.epoch == 30 and len(t.losses) == 30
    # cancelled before it began: no epoch at all
    assert [s.epoch for s in t.train(5, cancel=lambda: True)] == [30]
    # and the run goes on as if never interrupted
    list(t.train(70))
    ref = reference_states(TINY, regression(), [100])
    assert_state(t, ref[100], 100)


def test_snapshots_every_and_min_interval():
    t = Trainer(TINY, regression())
    snaps = list(t.train(100, every=10))
    assert [s.epoch for s in snaps] == [10, 20, 30, 40, 50, 60, 70, 80, 90, 100]
    assert [s.done for s in snaps] == [False] * 9 + [True]
    for s in snaps:
        assert s.loss == t.losses[s.epoch - 1] and s.params is None and s.diagnosis is None
        assert s.accuracy is None  # regression

    t2 = Trainer(TINY, regression())
    clock = lambda: float(t2.epoch)  # noqa: E731 — one "second" per epoch
    snaps = list(t2.train(100, every=10, min_interval=25, clock=clock))
    assert [s.epoch for s in snaps] == [10, 40, 70, 100]

    t3 = Trainer(NetworkSpec(lr=0.5), xor())
    snaps = list(t3.train(20, every=5, with_params=True))
    assert all(s.accuracy in (0.0, 0.25, 0.5, 0.75, 1.0) for s in snaps)
    first = snaps[0]
    assert first.epoch == 5 and set(first.params) == {"w1", "b1", "w2", "b2"}
    assert not same(first.params, t3.params)  # copies, taken at epoch 5
    assert same(snaps[-1].params, t3.params) and snaps[-1].params["w1"] is not t3.params["w1"]


def test_trainer_refuses_data_that_does_not_fit():
    with pytest.raises(SpecError) as info:
        Trainer(NetworkSpec(inputs=3), xor())
    assert info.value.field == "inputs"


def test_parameters_of_the_wrong_shape_are_refused_by_name():
    from engine.core.errors import SpecError
    from engine.core.init import init_params
    from engine.io.presets import load_preset

    spec, data = load_preset("notebook-xor")
    params = init_params(spec)
    params["w2"] = torch.zeros(3, 1)
    with pytest.raises(SpecError) as e:
        Trainer(spec, data, params=params)
    assert e.value.field == "w2" and "(3, 1)" in e.value.message and "(2, 1)" in e.value.message
    del params["w2"]
    with pytest.raises(SpecError, match="missing"):
        Trainer(spec, data, params=params)


def test_copy_is_the_session_files_round_trip_and_shares_nothing():
    """Trainer.copy gives what from_trainer(t).to_trainer() gives (Adam, a split, mid-epoch mini-batches),
    and training the copy leaves the original as it was."""
    from engine.io.presets import load_preset
    from engine.io.session_file import from_trainer

    spec, data = load_preset("moons")
    spec = spec.with_changes(optimizer="adam", batch_size=16)
    t = Trainer(spec, data.with_split(0.25, 3))
    for _ in t.train(3):
        pass
    t.step()  # one mini-batch step into epoch 4
    assert t.batch == 1
    before = from_trainer(t)
    c, ref = t.copy(), before.to_trainer()
    for a, b in ((c, ref),):
        assert (a.epoch, a.batch, a.step_start) == (b.epoch, b.batch, b.step_start)
        assert list(a.losses) == list(b.losses) and list(a.step_losses) == list(b.step_losses)
        assert list(a.held_out.losses) == list(b.held_out.losses)
        assert all(torch.equal(a.params[k], b.params[k]) for k in spec.param_names)
        assert a.adam.t == b.adam.t and all(torch.equal(a.adam.m[k], b.adam.m[k]) for k in spec.param_names)
    for _ in c.train(2):
        pass
    c.params["w1"].add_(1.0)
    after = from_trainer(t)
    assert (after.epoch, after.batch, after.losses, after.step_losses) == \
        (before.epoch, before.batch, before.losses, before.step_losses)
    assert after.test_losses == before.test_losses and after.adam.t == before.adam.t
    assert all(torch.equal(after.params[k], before.params[k]) for k in spec.param_names)
    assert all(torch.equal(after.adam.m[k], before.adam.m[k]) for k in spec.param_names)
