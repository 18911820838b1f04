"""Mini-batches (engine/core/batches.py and the Trainer): which rows each step takes, the epoch's loss,
each step's gradients against autograd in float64, rewinding inside an epoch."""

from __future__ import annotations


import pytest
import torch

from engine.core.batches import batch_sizes, epoch_loss, epoch_order, steps_per_epoch
from engine.core.errors import SpecError
from engine.core.network import Network, Targets
from engine.core.spec import Layer, NetworkSpec
from engine.io.datasets import make_dataset
from engine.training.trainer import Trainer
from engine.verify.reference import autograd_grads

F64 = torch.float64


def spiral_spec(**kw):
    return NetworkSpec(inputs=2, hidden=(Layer(8, "tanh"),), outputs=3, output_activation="softmax",
                       loss="softmax_ce", lr=0.3, dtype="float64", seed=3, **kw).validate()


def test_steps_and_sizes():
    assert steps_per_epoch(300, None) == 1 and batch_sizes(300, None) == [300]
    assert steps_per_epoch(300, 300) == 1 and steps_per_epoch(300, 1000) == 1
    assert steps_per_epoch(300, 32) == 10 and batch_sizes(300, 32) == [32] * 9 + [12]
    assert steps_per_epoch(4, 1) == 4 and batch_sizes(4, 1) == [1, 1, 1, 1]


def test_order_is_a_permutation_reshuffled_every_epoch_and_deterministic():
    a, b, c = epoch_order(50, 7, 1), epoch_order(50, 7, 2), epoch_order(50, 8, 1)
    assert sorted(a.tolist()) == list(range(50))
    assert not torch.equal(a, b) and not torch.equal(a, c)
    assert torch.equal(a, epoch_order(50, 7, 1))


def test_epoch_loss_is_the_batch_size_weighted_mean_of_the_step_losses():
    assert epoch_loss([0.5], [300], 300) == 0.5
    assert epoch_loss([1.0, 2.0, 4.0], [5, 5, 2], 12) == (5 * 1.0 + 5 * 2.0 + 2 * 4.0) / 12
    data = make_dataset("spiral", n=60, classes=3, seed=0)
    t = Trainer(spiral_spec(batch_size=16), data)  # 60 rows: 16, 16, 16, 12
    list(t.train(1))
    assert t.batch_sizes == [16, 16, 16, 12] and len(t.step_losses) == 4
    assert t.losses[0] == (16 * t.step_losses[0] + 16 * t.step_losses[1] + 16 * t.step_losses[2]
                           + 12 * t.step_losses[3]) / 60


def test_each_step_takes_its_rows_and_its_gradients_match_autograd_float64():
    data = make_dataset("spiral", n=60, classes=3, seed=0)
    spec = spiral_spec(batch_size=16)
    t = Trainer(spec, data)
    seen = []
    for _ in range(2 * t.steps_per_epoch):  # two epochs, step by step
        rows = t.next_rows()
        before = t.params_copy()
        trace = t.step()
        seen.append(rows)
        Xb, yb = data.X.to(F64)[rows], data.y[rows]
        assert trace.step("l1").operands[0].value.shape == (len(rows), 2)
        assert trace.step("y_pred").result.shape == (len(rows), 3)
        ref = autograd_grads(spec, before, Xb, yb)
        for k, g in trace.grads.items():
            torch.testing.assert_close(g, ref[k], rtol=1e-9, atol=1e-12)
        # the update used this batch's gradient only
        torch.testing.assert_close(t.params["w1"], before["w1"] - spec.lr * ref["d_w1"], rtol=1e-12, atol=1e-14)
        # the step's loss is the batch's loss
        net = Network(spec)
        ls, as_ = net.forward(before, Xb)
        assert trace.loss == pytest.approx(float(net.loss(before, ls[-1], as_[-1], Targets(spec, yb))), rel=1e-12)
    epoch1, epoch2 = torch.cat(seen[:4]), torch.cat(seen[4:])
    assert sorted(epoch1.tolist()) == sorted(epoch2.tolist()) == list(range(60))  # every row once an epoch
    assert not torch.equal(epoch1, epoch2)  # reshuffled


def test_full_batch_is_unchanged_by_batch_size_n():
    data = make_dataset("spiral", n=60, classes=3, seed=0)
    a, b = Trainer(spiral_spec(), data), Trainer(spiral_spec(batch_size=60), data)
    list(a.train(20))
    list(b.train(20))
    assert list(a.losses) == list(b.losses) and all(torch.equal(a.params[k], b.params[k]) for k in a.params)
    assert b.steps_per_epoch == 1 and len(b.step_losses) == 0


def test_rewind_inside_an_epoch_replays_exactly():
    data = make_dataset("spiral", n=60, classes=3, seed=0)
    t = Trainer(spiral_spec(batch_size=16, momentum=0.9), data)
    for _ in range(7):
        t.step_fast()  # epoch 1 (4 steps), then 3 steps of epoch 2
    assert (t.epoch, t.batch) == (1, 3)
    params, losses, steps = t.params_copy(), list(t.losses), list(t.step_losses)
    t.step_fast()
    list(t.train(3))
    t.rewind(1, 3)
    assert (t.epoch, t.batch) == (1, 3)
    assert all(torch.equal(t.params[k], params[k]) for k in params)
    assert list(t.losses) == losses and list(t.step_losses) == steps
    t.rewind(1, 1)
    assert (t.epoch, t.batch) == (1, 1) and len(t.step_losses) == 5
    with pytest.raises(SpecError):
        t.rewind(1, 2)  # not done yet
    with pytest.raises(SpecError):
        t.rewind(0, 4)  # an epoch has 4 steps: 0 … 3


def test_accuracy_of_an_epoch_counts_every_sample_in_its_own_step():
    data = make_dataset("spiral", n=60, classes=3, seed=0)
    t = Trainer(spiral_spec(batch_size=16), data)
    hits = 0
    for _ in range(t.steps_per_epoch):
        rows = t.next_rows()
        tr = t.step()
        hits += int((tr.step("y_pred").result.argmax(1) == data.y[rows]).sum())
    assert t.accuracies[0] == hits / 60
    snaps = list(t.train(2))
    assert snaps[-1].accuracy is not None and 0 <= snaps[-1].accuracy <= 1


def test_a_session_started_mid_epoch_continues_exactly():
    data = make_dataset("spiral", n=60, classes=3, seed=0)
    spec = spiral_spec(batch_size=16)
    one = Trainer(spec, data)
    list(one.train(3))
    t = Trainer(spec, data)
    for _ in range(6):
        t.step_fast()
    again = Trainer(spec, data, t.params, None, t.epoch, t.losses, t.accuracies, batch=t.batch,
                    step_losses=t.step_losses)
    list(again.train(2))
    assert list(again.losses) == list(one.losses) and list(again.step_losses) == list(one.step_losses)
    assert all(torch.equal(again.params[k], one.params[k]) for k in one.params)
    with pytest.raises(SpecError):
        Trainer(spec, data, t.params, None, t.epoch, t.losses, t.accuracies, batch=4)
    with pytest.raises(SpecError):
        Trainer(spec, data, t.params, None, t.epoch, t.losses, t.accuracies, batch=3, step_losses=t.step_losses)


def test_divergence_with_mini_batches_is_found_and_diagnosed():
    data = make_dataset("sine", n=40, seed=0)
    spec = NetworkSpec(inputs=1, hidden=(Layer(8, "relu"),), outputs=1, output_activation="linear", loss="mse",
                       lr=5.0, batch_size=8).validate()
    t = Trainer(spec, data)
    d = list(t.train(50))[-1].diagnosis
    assert d is not None and (d.epoch, d.last_finite_epoch) == (1, 0) and t.epoch == 1
    assert d.code == "overflow"
    assert "start" not in d.numbers  # grown by the epoch's earlier steps, not the weights it started from
    stepped = Trainer(spec, data)
    for _ in range(stepped.steps_per_epoch):
        stepped.step()
    assert stepped.diagnosis is not None and stepped.diagnosis.epoch == 1


def test_batch_size_is_validated():
    with pytest.raises(SpecError) as e:
        spiral_spec(batch_size=0)
    assert e.value.field == "batch_size"
    with pytest.raises(SpecError):
        NetworkSpec.from_dict({"batch_size": 2.5})
    assert NetworkSpec.from_dict({"batch_size": None}).batch_size is None
    assert NetworkSpec.from_dict({"batch_size": 32}).batch_size == 32
