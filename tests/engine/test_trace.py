"""The trace of the notebook's own network (the app's default preset) shows exactly the matrices of the chain
rule the learner could not follow: the order of the steps, every operand's shape and whether it enters
transposed or broadcast, why each gradient has its shape, and the numbers, which agree with an independent
hand computation from the notebook's formulas (with its sign fixed and the mean's 1/N put in).
"""

from __future__ import annotations

import math
from types import SimpleNamespace

import pytest
import torch

from engine.core.spec import Init, Layer, NetworkSpec, shape_text
from engine.core.trace import ACT_GRAD, BATCH_SUM, LINEAR, MATMUL, UPDATE
from engine.training.trainer import Trainer

NOTEBOOK_ORDER = ["l1", "a1", "l2", "y_pred", "loss", "d_loss", "d_l2", "d_b2", "d_w2", "d_a1", "d_l1", "d_b1",
                  "d_w1", "w1", "b1", "w2", "b2"]
W = {"w1": [[1.0, 1.0], [1.0, 1.0]], "b1": [1.0, 2.0], "w2": [[2.0], [1.0]], "b2": [1.0]}
NOTEBOOK = NetworkSpec(inputs=2, hidden=(Layer(2, "sigmoid"),), outputs=1, output_activation="sigmoid",
                       loss="bce", lr=0.01, dtype="float32", init=Init("explicit", values=W))
XOR_X = [[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]]
XOR_Y = [0, 1, 1, 0]


def xor():
    return SimpleNamespace(X=torch.tensor(XOR_X, dtype=torch.float64), y=torch.tensor(XOR_Y), task="binary",
                           n_classes=2, n_features=2, n_targets=1)


@pytest.fixture
def trace():
    return Trainer(NOTEBOOK, xor()).step()


def test_step_order_is_the_notebooks(trace):
    assert [s.name for s in trace.steps] == NOTEBOOK_ORDER
    assert [s.index for s in trace.steps] == list(range(len(NOTEBOOK_ORDER)))
    phases = [s.phase for s in trace.steps]
    assert phases == ["forward"] * 5 + ["backward"] * 8 + ["update"] * 4
    assert trace.epoch == 1


def test_forward_l1_broadcasts_b1_over_the_four_rows(trace):
    l1 = trace.step("l1")
    assert l1.op == LINEAR and l1.shape == (4, 2)
    assert [o.name for o in l1.operands] == ["X", "w1", "b1"]
    X, w1, b1 = l1.operands
    assert X.shape == (4, 2) and w1.shape == (2, 2) and b1.shape == (2,)
    assert b1.broadcast and not X.broadcast and not w1.broadcast
    assert not any(o.transposed for o in l1.operands)
    assert l1.formula == "l1 = X @ w1 + b1"


def test_d_w2_is_a1_transposed_times_d_l2(trace):
    s = trace.step("d_w2")
    assert s.op == MATMUL and s.phase == "backward"
    a1, d_l2 = s.operands
    assert a1.name == "a1" and a1.transposed and a1.shape == (4, 2) and a1.used_shape == (2, 4)
    assert a1.label == "a1ᵀ"
    assert d_l2.name == "d_l2" and not d_l2.transposed and d_l2.used_shape == (4, 1)
    assert (a1.used_shape[1] == d_l2.used_shape[0]) and (a1.used_shape[0], d_l2.used_shape[1]) == s.shape == (2, 1)
    assert torch.equal(s.result, a1.value.t() @ d_l2.value)
    assert "(2×1)" in s.why and "(4×2)" in s.why and "(4×1)" in s.why and "4 samples" in s.why


def test_d_a1_uses_w2_transposed(trace):
    s = trace.step("d_a1")
    assert s.op == MATMUL and s.shape == (4, 2)
    d_l2, w2 = s.operands
    assert d_l2.name == "d_l2" and not d_l2.transposed and d_l2.shape == (4, 1)
    assert w2.name == "w2" and w2.transposed and w2.shape == (2, 1) and w2.used_shape == (1, 2)
    assert torch.equal(s.result, d_l2.value @ w2.value.t())
    assert s.formula == "d_a1 = d_l2 @ w2ᵀ"


def test_d_b_is_a_batch_sum_of_d_l(trace):
    for k in (1, 2):
        s = trace.step(f"d_b{k}")
        d_l = trace.step(f"d_l{k}").result
        assert s.op == BATCH_SUM
        assert [o.name for o in s.operands] == [f"d_l{k}"]
        assert torch.equal(s.result, d_l.sum(0))
        assert s.shape == (d_l.shape[1],)
        assert "broadcast" in s.why and "4 rows" in s.why


def test_every_backward_step_says_why_with_shapes(trace):
    for s in trace.steps:
        if s.phase != "backward":
            continue
        assert s.why, s.name
        assert shape_text(s.shape) in s.why, (s.name, s.why)


def test_d_l2_note_says_it_simplifies(trace):
    s = trace.step("d_l2")
    assert s.op == ACT_GRAD
    assert "simplifies" in s.note and "(y_pred − y)/4" in s.note
    assert [o.name for o in s.operands] == ["σ'(l2)", "d_loss"]


def test_update_steps(trace):
    for p in ("w1", "b1", "w2", "b2"):
        s = trace.step(p, "update")
        assert s.op == UPDATE
        old, g = s.operands
        assert old.name == p and g.name == "d_" + p and old.shape == g.shape == s.shape
        if p[0] == "b":
            assert torch.equal(s.result, torch.add(old.value, g.value, alpha=-0.01))
        else:  # one fused w.addmm_(a_prevᵀ, d_l, alpha=−lr): equal up to float32 rounding
            torch.testing.assert_close(s.result, old.value - 0.01 * g.value, rtol=1e-6, atol=1e-7)
        assert torch.equal(trace.params_after[p], s.result)
        assert torch.equal(trace.params_before[p], old.value)
        assert torch.equal(trace.grads["d_" + p], trace.step("d_" + p).result)


def test_results_are_plain_tensors_that_later_epochs_do_not_change():
    trainer = Trainer(NOTEBOOK, xor())
    first = trainer.step()
    peeked = trainer.peek()
    saved = [(s.result.clone(), [o.value.clone() for o in s.operands]) for s in first.steps]
    saved_peek = [s.result.clone() for s in peeked.steps]
    before, after = ({k: v.clone() for k, v in d.items()} for d in (first.params_before, first.params_after))
    for _ in range(5):
        trainer.step()
    list(trainer.train(20))
    trainer.rewind(3)
    trainer.set_param("b2", [5.0])
    trainer.step()
    for s, (result, operands) in zip(first.steps, saved):
        assert not s.result.requires_grad and s.result.grad_fn is None
        assert torch.equal(s.result, result), s.name
        for o, v in zip(s.operands, operands):
            assert torch.equal(o.value, v), (s.name, o.name)
    for s, result in zip(peeked.steps, saved_peek):
        assert torch.equal(s.result, result), s.name
    for k in before:
        assert torch.equal(first.params_before[k], before[k]) and torch.equal(first.params_after[k], after[k])
        assert torch.equal(peeked.params_before[k], after[k])


def test_peek_shows_the_next_epoch_without_changing_anything():
    trainer = Trainer(NOTEBOOK, xor())
    trainer.step()
    params, epoch, losses = trainer.params_copy(), trainer.epoch, list(trainer.losses)
    peeked = trainer.peek()
    assert trainer.epoch == epoch and list(trainer.losses) == losses
    assert all(torch.equal(trainer.params[k], params[k]) for k in params)
    stepped = trainer.step()
    assert peeked.epoch == stepped.epoch == 2 and peeked.loss == stepped.loss
    for a, b in zip(peeked.steps, stepped.steps):
        assert a.name == b.name and torch.equal(a.result, b.result)


def test_first_epoch_numbers_match_a_hand_computation(trace):
    """The notebook's own formulas in plain float64 torch, with d_loss's sign fixed and the mean's 1/N."""
    f64 = torch.float64
    X = torch.tensor(XOR_X, dtype=f64)
    y = torch.tensor([[0.0], [1.0], [1.0], [0.0]], dtype=f64)
    w1, b1, w2, b2 = (torch.tensor(W[k], dtype=f64) for k in ("w1", "b1", "w2", "b2"))
    N, lr = 4, 0.01

    def sigmoid(x):
        return 1 / (1 + torch.exp(-x))

    def sigmoid_p(x):
        return sigmoid(x) * (1 - sigmoid(x))

    l1 = X @ w1 + b1
    a1 = sigmoid(l1)
    l2 = a1 @ w2 + b2
    y_pred = sigmoid(l2)
    loss = -torch.mean(y * torch.log(y_pred) + (1 - y) * torch.log(1 - y_pred))
    d_loss = -((y / y_pred) - (1 - y) / (1 - y_pred)) / N
    d_l2 = sigmoid_p(l2) * d_loss
    d_b2 = d_l2.sum(0)
    d_w2 = a1.t() @ d_l2
    d_a1 = d_l2 @ w2.t()
    d_l1 = sigmoid_p(l1) * d_a1
    d_b1 = d_l1.sum(0)
    d_w1 = X.t() @ d_l1
    hand = dict(l1=l1, a1=a1, l2=l2, y_pred=y_pred, loss=loss, d_loss=d_loss, d_l2=d_l2, d_b2=d_b2, d_w2=d_w2,
                d_a1=d_a1, d_l1=d_l1, d_b1=d_b1, d_w1=d_w1)
    for name, value in hand.items():
        s = trace.step(name)
        assert s.result.dtype == torch.float32
        assert s.shape == tuple(value.shape), name
        torch.testing.assert_close(s.result.double(), value, rtol=2e-6, atol=1e-7, msg=name)
    for name, (p, g) in dict(w1=(w1, d_w1), b1=(b1, d_b1), w2=(w2, d_w2), b2=(b2, d_b2)).items():
        torch.testing.assert_close(trace.step(name, "update").result.double(), p - lr * g, rtol=2e-6, atol=1e-7)
    assert math.isclose(trace.loss, float(loss), rel_tol=1e-6)
    # spot values a learner can check by hand: l1 row (1, 1) is [1+1+1, 1+1+2]
    assert trace.step("l1").result[3].tolist() == [3.0, 4.0]
    assert float(loss) > 2 * math.log(2)  # y_pred ≈ 0.95 everywhere: confidently wrong for (0,0) and (1,1)


def test_deeper_trace_order_and_whys():
    spec = NetworkSpec(inputs=2, hidden=(Layer(3, "relu"), Layer(2, "tanh")), outputs=3,
                       output_activation="softmax", loss="softmax_ce", momentum=0.9, l2=0.01, seed=1)
    data = SimpleNamespace(X=torch.randn(5, 2, generator=torch.Generator().manual_seed(0), dtype=torch.float64),
                           y=torch.tensor([0, 1, 2, 1, 0]), task="multiclass", n_classes=3, n_features=2, n_targets=3)
    trace = Trainer(spec, data).step()
    assert [s.name for s in trace.steps] == [
        "l1", "a1", "l2", "a2", "l3", "y_pred", "loss", "d_loss", "d_l3", "d_b3", "d_w3", "d_a2", "d_l2", "d_b2",
        "d_w2", "d_a1", "d_l1", "d_b1", "d_w1", "w1", "b1", "w2", "b2", "w3", "b3"]
    for s in trace.steps:
        if s.phase == "backward":
            assert s.why and shape_text(s.shape) in s.why, s.name
    d_w2 = trace.step("d_w2")
    assert [o.name for o in d_w2.operands] == ["a1", "d_l2", "w2"] and "l2·w2" in d_w2.formula
    assert [o.name for o in trace.step("w1", "update").operands] == ["w1", "d_w1", "v_w1"]
    assert "simplifies" in trace.step("d_l3").note


# ----- explanations as codes, titles, the CLI's JSON ------------------------------------------------------------
def test_every_step_carries_a_code_and_args_and_its_english_comes_from_the_template(trace):
    from engine.text import Text, render
    from engine.text.steps import STEPS

    for s in trace.steps:
        assert s.code in STEPS, s.name
        assert isinstance(s.args, dict) and s.args
        assert s.title == render(Text(s.code, s.args))
        assert s.why == (render(s.why_text) if s.why_text else "")
        assert s.note == (render(s.note_text) if s.note_text else "")
    d_w2 = trace.step("d_w2")
    assert d_w2.code == "step.d_w" and d_w2.args["a"] == "a1" and d_w2.args["w_shape"] == "(2×1)"
    assert d_w2.args["n"] == 4 and d_w2.why_text.code == "step.d_w.why"
    assert trace.step("d_b1").formula == "d_b1 = Σₙ d_l1[n, :]   (sum over axis 0)"


def test_title_of_every_step_kind():
    """The toolbar's title: the formula without its bracketed remark (an update's "(lr = 0.01)" included)."""
    notebook = Trainer(NOTEBOOK, xor()).step()
    titles = {s.name + "/" + s.phase: s.title for s in notebook.steps}
    assert titles["l1/forward"] == "l1 = X @ w1 + b1"
    assert titles["a1/forward"] == "a1 = σ(l1)"
    assert titles["y_pred/forward"] == "y_pred = σ(l2)"
    assert titles["loss/forward"] == "loss = −mean(y·log(y_pred) + (1−y)·log(1−y_pred))"
    assert titles["d_loss/backward"] == "d_loss = −(y/y_pred − (1−y)/(1−y_pred)) / 4"
    assert titles["d_l2/backward"] == "d_l2 = σ'(l2) ⊙ d_loss"
    assert titles["d_b2/backward"] == "d_b2 = Σₙ d_l2[n, :]"
    assert titles["d_w2/backward"] == "d_w2 = a1ᵀ @ d_l2"
    assert titles["d_a1/backward"] == "d_a1 = d_l2 @ w2ᵀ"
    assert titles["d_l1/backward"] == "d_l1 = σ'(l1) ⊙ d_a1"
    assert titles["b2/update"] == "b2 ← b2 − lr·d_b2"
    assert titles["w1/update"] == "w1 ← w1 − lr·d_w1"
    assert notebook.step("b2", "update").formula == "b2 ← b2 − lr·d_b2   (lr = 0.01)"
    spec = NetworkSpec(inputs=2, hidden=(Layer(3, "relu"),), outputs=3, output_activation="softmax",
                       loss="softmax_ce", momentum=0.9, l2=0.01, lr=0.1, seed=1)
    data = SimpleNamespace(X=torch.randn(5, 2, generator=torch.Generator().manual_seed(0), dtype=torch.float64),
                           y=torch.tensor([0, 1, 2, 1, 0]), task="multiclass", n_classes=3, n_features=2, n_targets=3)
    deep = Trainer(spec, data).step()
    assert deep.step("y_pred").title == "y_pred = softmax(l2)"
    assert deep.step("loss").title == "loss = −mean(log(y_pred[n, y[n]])) + (l2/2)·Σ‖w‖²"
    assert deep.step("d_loss").title == "d_loss = −(Y / y_pred) / 5"
    assert deep.step("d_loss").formula == "d_loss = −(Y / y_pred) / 5   (Y: one-hot labels)"
    assert deep.step("d_l2").title == "d_l2 = y_pred ⊙ (d_loss − Σⱼ y_pred⊙d_loss)"
    assert deep.step("d_l1").title == "d_l1 = ReLU'(l1) ⊙ d_a1"
    assert deep.step("d_w1").title == "d_w1 = Xᵀ @ d_l1 + l2·w1"
    assert deep.step("w2", "update").title == "v_w2 ← 0.9·v_w2 + d_w2;  w2 ← w2 − lr·v_w2"
    assert deep.step("w2", "update").formula.endswith("   (lr = 0.1)")
    for s in list(notebook.steps) + list(deep.steps):
        assert not any(remark in s.title for remark in ("(lr", "(sum over", "(Y:")), s.title
        assert s.title.startswith(s.name + " ") or s.title.startswith(f"v_{s.name} ← "), s.title


def test_trace_json_steps_carry_code_and_args(capsys):
    import json

    from engine.cli.main import main

    assert main(["trace", "--preset", "notebook-xor", "--json"]) == 0
    steps = json.loads(capsys.readouterr().out)["steps"]
    for s in steps:
        assert isinstance(s["code"], str) and s["code"] and isinstance(s["args"], dict), s["name"]
        assert {"formula", "why", "note"} <= set(s)
    d_l1 = next(s for s in steps if s["name"] == "d_l1")
    assert d_l1["code"] == "step.act_grad" and d_l1["args"]["up"] == "d_a1" and d_l1["args"]["shape"] == "(4×2)"
    assert d_l1["args"]["derivative"] == {"code": "derivative.sigmoid", "args": {},
                                          "text": "σ'(l) = σ(l)·(1 − σ(l)) = a·(1 − a)"}
    assert d_l1["note"] == "σ'(l) = σ(l)·(1 − σ(l)) = a·(1 − a)"
    b2 = next(s for s in steps if s["name"] == "b2" and s["phase"] == "update")
    assert b2["code"] == "step.update.sgd" and b2["args"] == {"p": "b2", "lr": 0.01, "shape": "(1,)"}
    assert b2["formula"] == "b2 ← b2 − lr·d_b2   (lr = 0.01)"
