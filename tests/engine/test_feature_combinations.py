"""Mini-batches, a train/test split and Adam were built side by side; these tests hold them together: each pair
trains, saves and continues exactly as each does alone."""

from __future__ import annotations

import math

import torch

from engine.io.presets import load_preset
from engine.io.session_file import dumps, from_trainer, loads
from engine.training.trainer import Trainer


def moons(fraction=0.25, batch_size=32, **changes):
    spec, data = load_preset("moons")
    return spec.with_changes(batch_size=batch_size, **changes), data.with_split(fraction, 3)


def test_mini_batches_count_only_the_training_rows_and_measure_the_test_rows_once_an_epoch():
    spec, data = moons()
    t = Trainer(spec, data)
    n_train = data.n_samples - data.n_test
    assert t.X.shape[0] == n_train and t.steps_per_epoch == -(-n_train // 32)
    start = t.held_out.measure(t.params)  # the parameters epoch 1 starts from
    for _ in range(t.steps_per_epoch):
        t.step_fast()
    assert t.epoch == 1 and len(t.held_out.losses) == 1
    assert t.held_out.losses[0] == start[0]
    list(t.train(3))
    assert len(t.held_out.losses) == t.epoch == 4 and all(math.isfinite(x) for x in t.held_out.losses)


def test_a_traced_mini_batch_takes_training_rows_only():
    spec, data = moons()
    t = Trainer(spec, data)
    trace = t.step()
    rows = data.train_index[trace.rows]  # the data rows of the batch (what the boundary plot rings)
    assert not set(rows.tolist()) & set(data.test_index.tolist())
    X = trace.step("l1").operands[0].value
    assert torch.equal(X, data.X[rows].to(X.dtype))


def test_adam_with_mini_batches_and_a_split_continues_exactly_from_a_file_saved_mid_epoch():
    spec, data = moons(optimizer="adam", lr=0.01)
    one = Trainer(spec, data)
    list(one.train(2))
    one.step_fast()  # inside epoch 3
    assert one.batch == 1 and one.adam.t == 2 * one.steps_per_epoch + 1
    again = loads(dumps(from_trainer(one))).to_trainer()
    assert again.batch == 1 and again.adam.equal(one.adam)
    list(one.train(2))
    list(again.train(2))
    assert all(torch.equal(one.params[k], again.params[k]) for k in one.params)
    assert list(one.losses) == list(again.losses) and list(one.step_losses) == list(again.step_losses)
    # the test loss of the epoch the file was saved in was measured at that epoch's start, before the save:
    # the file does not hold it, so that one epoch is unknown (NaN, a gap in the test curve); the next is exact
    assert math.isnan(again.held_out.losses[-2]) and not math.isnan(one.held_out.losses[-2])
    assert one.held_out.losses[-1] == again.held_out.losses[-1]


def test_rewinding_inside_an_epoch_restores_adam_and_the_test_history():
    spec, data = moons(optimizer="adam", lr=0.01)
    t = Trainer(spec, data)
    list(t.train(3))
    params, adam, test = t.params_copy(), t.adam.clone(), list(t.held_out.losses)
    list(t.train(2))
    t.rewind(3)
    assert all(torch.equal(params[k], t.params[k]) for k in params)
    assert t.adam.equal(adam) and list(t.held_out.losses) == test
