"""A traced step's params_before: the previous step's params_after, shared and not copied again, exactly when
the parameters are still the very tensors that step left, unchanged; a copy of the current parameters after
anything else touched them (an edit in place, a new tensor, fast-path training, a rewind)."""

from __future__ import annotations

from types import SimpleNamespace

import torch

from engine.core.spec import Init, NetworkSpec
from engine.training.trainer import Trainer

F64 = torch.float64
NOTEBOOK = {"w1": [[1, 1], [1, 1]], "b1": [1, 2], "w2": [[2], [1]], "b2": [1]}


def xor():
    X = torch.tensor([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]], dtype=F64)
    return SimpleNamespace(X=X, y=torch.tensor([0, 1, 1, 0]), task="binary", n_classes=2, n_features=2, n_targets=1)


def trainer(**kw) -> Trainer:
    spec = NetworkSpec(init=Init("explicit", values=NOTEBOOK), lr=0.5, dtype="float64", **kw).validate()
    return Trainer(spec, xor())


def same_values(a: dict, b: dict) -> bool:
    return a.keys() == b.keys() and all(torch.equal(a[k], b[k]) for k in a)


def test_consecutive_steps_share_the_parameters_between_them():
    t = trainer()
    first = t.step()
    now = {k: v.clone() for k, v in t.params.items()}
    second = t.step()
    assert second.params_before is first.params_after
    assert same_values(second.params_before, now)  # the values the second step started from
    assert not same_values(second.params_before, second.params_after)


def test_an_edit_in_place_is_seen_and_the_old_record_stays_as_it_was():
    t = trainer()
    first = t.step()
    w1_after = first.params_after["w1"].clone()
    t.params["w1"][0, 1] = 5.0
    second = t.step()
    assert second.params_before is not first.params_after
    assert float(second.params_before["w1"][0, 1]) == 5.0
    assert float(second.step("l1").operand("w1").value[0, 1]) == 5.0  # what the forward pass used
    assert torch.equal(first.params_after["w1"], w1_after)


def test_a_replaced_tensor_is_seen():
    t = trainer()
    t.step()
    t.params["b1"] = torch.zeros(2, dtype=F64)
    assert torch.equal(t.step().params_before["b1"], torch.zeros(2, dtype=F64))


def test_fast_training_between_steps_is_seen():
    t = trainer()
    first = t.step()
    for _ in t.train(3):
        pass
    now = {k: v.clone() for k, v in t.params.items()}
    second = t.step()
    assert not same_values(second.params_before, first.params_after)
    assert same_values(second.params_before, now)


def test_rewind_between_steps_is_seen():
    t = trainer()
    t.step()
    start = t.step().params_before
    t.step()
    t.rewind(1)
    assert same_values(t.step().params_before, start)


def test_every_optimizer_records_what_the_step_started_from():
    for kw in ({}, {"momentum": 0.9}, {"optimizer": "adam"}):
        t = trainer(**kw)
        for _ in range(3):
            now = {k: v.clone() for k, v in t.params.items()}
            et = t.step()
            assert same_values(et.params_before, now), kw
            assert same_values(et.params_after, t.params), kw


def test_the_fused_updates_d_w_is_made_on_first_read_and_is_the_epochs_own():
    """Under plain SGD the update never builds d_w; the trace computes the same product when it is read."""
    t = trainer()
    P = {k: v.clone() for k, v in t.params.items()}
    eager = t.net.epoch(P, None, t.X, t.T, need_grads=True).grads  # the same epoch, d_w built eagerly
    et = t.step()
    assert set(et.grads) == set(eager) == {"d_w1", "d_b1", "d_w2", "d_b2"}
    assert "d_w1" in et.grads and type(et.grads._d["d_w1"]).__name__ == "Lazy"  # not built yet
    for k in eager:
        assert torch.equal(et.grads[k], eager[k]), k
        assert torch.equal(et.step(k).result, eager[k]), k
    assert torch.equal(et.step("w1", "update").operand("d_w1").value, eager["d_w1"])


def test_peek_leaves_the_trainers_own_tensors_as_they_were():
    """peek() once trained the live tensors and put copies back: a view holding the old ones saw the next
    epoch's values. Now the epoch runs on copies."""
    for kw in ({}, {"momentum": 0.9}, {"optimizer": "adam"}):
        t = trainer(**kw)
        t.step()
        held = dict(t.params)
        values = {k: v.clone() for k, v in held.items()}
        state = t.velocity if kw.get("momentum") else (t.adam.m if kw.get("optimizer") else {})
        state_values = {k: v.clone() for k, v in state.items()}
        peeked = t.peek()
        assert all(t.params[k] is held[k] and torch.equal(held[k], values[k]) for k in held), kw
        assert all(torch.equal(state[k], state_values[k]) for k in state), kw
        assert same_values(peeked.params_before, values), kw
        nxt = t.step()  # and the step peek foresaw is the one that comes
        assert nxt.params_before is not None and same_values(nxt.params_after, peeked.params_after), kw
