"""The checker's verdicts, hints and root mistake, on the notebook's own backward cell and on mutants.

These run the learner's code in this process (check_code(isolate=False)): the sandbox is not the point
here; tests/engine/test_check_sandbox.py runs it out of process.
"""

from __future__ import annotations

import pytest
import torch

from engine.checker.exercise import HELPERS, bound_names, check_code, report_text
from engine.io.presets import load_preset
from engine.training.trainer import Trainer
from tests.engine.hints import assert_every_hint_is_a_text
from tests.engine.cells import CORRECT, NOTEBOOK_CELL



def mutate(old: str, new: str, code: str = CORRECT) -> str:
    assert old in code
    return code.replace(old, new)


@pytest.fixture(scope="module")
def xor():
    return Trainer(*load_preset("notebook-xor"))


def check(code, trainer, **kw):
    return assert_every_hint_is_a_text(check_code(code, trainer, isolate=False, **kw))


def statuses(report):
    return {r.name: r.status for r in report.results}


def test_the_notebook_cell_names_d_loss_with_factor_minus_4(xor):
    rep = check(NOTEBOOK_CELL, xor)
    assert not rep.ok and rep.error is None
    assert rep.root == "d_loss" and rep.root_line == 3
    assert [r.name for r in rep.results] == ["d_loss", "d_l2", "d_b2", "d_w2", "d_a1", "d_l1", "d_b1", "d_w1",
                                             "w1", "b1", "w2", "b2"]
    d_loss = rep.result("d_loss")
    assert d_loss.status == "scale" and d_loss.factor == -4.0
    assert d_loss.hint_code == "sign_mean_missing" and d_loss.numbers["N"] == 4
    assert "the sign and the 1/N of the mean" in d_loss.hint
    follows = {"d_l2": "d_loss", "d_w2": "d_l2", "d_a1": "d_l2", "d_l1": "d_a1", "d_w1": "d_l1"}
    for name, up in follows.items():
        assert (rep.result(name).status, rep.result(name).follows_from) == ("follows", up), name
    for name, shape, got in (("d_b2", [1], [4, 1]), ("d_b1", [2], [4, 2])):
        r = rep.result(name)
        assert (r.status, r.hint_code) == ("shape", "sum_batch_axis")
        assert (r.expected_shape, r.got_shape) == (shape, got)
        assert f"sum over the batch axis: {name} = d_l{name[-1]}.sum(0)" in r.hint
        assert r.numbers["per_sample_of"] == f"d_l{name[-1]}"
    # the updates follow from the learner's gradients; the biases' mean over the batch axis is named
    assert {n: (rep.result(n).status, rep.result(n).follows_from, rep.result(n).hint_code)
            for n in ("w1", "b1", "w2", "b2")} == {
        "w1": ("follows", "d_w1", "follows"), "b1": ("follows", "d_b1", "update_mean"),
        "w2": ("follows", "d_w2", "follows"), "b2": ("follows", "d_b2", "update_mean")}
    # values for the side-by-side view
    assert len(rep.result("d_a1").got) == 4 and len(rep.result("d_a1").got[0]) == 2
    text = report_text(rep)
    assert "root mistake: d_loss (line 3)" in text and "scale ×−4" in text


def test_expected_values_are_the_engines_trace(xor):
    rep = check(NOTEBOOK_CELL, xor)
    trace = xor.peek()
    assert rep.result("d_w1").expected == trace.step("d_w1").result.tolist()
    assert rep.result("w2").expected == trace.step("w2", "update").result.tolist()
    got = torch.tensor(rep.result("d_loss").got)
    assert torch.allclose(got, -4 * torch.tensor(rep.result("d_loss").expected), rtol=1e-5)


def test_a_correct_cell_is_ok(xor):
    rep = check(CORRECT, xor)
    assert rep.ok and rep.root is None and rep.error is None
    assert set(statuses(rep).values()) == {"ok"} and len(rep.results) == 12
    # the trainer itself was not touched
    assert xor.epoch == 0 and xor.params["w1"].tolist() == [[1.0, 1.0], [1.0, 1.0]]


def test_missing_transpose_in_a_matmul_is_a_python_error_with_the_w2T_hint(xor):
    rep = check(mutate("d_a1 = d_l2 @ w2.T", "d_a1 = d_l2 @ w2"), xor)
    assert not rep.ok and rep.root == "d_a1" and rep.root_line == 5
    e = rep.error
    assert (e.type, e.line, e.code) == ("RuntimeError", 5, "matmul_shape")
    assert "(4x1 and 2x1)" in e.message
    assert e.hint.startswith("d_l2 is (4×1) and w2 is (2×1): to go back through w2 use w2ᵀ (1×2)")
    assert e.numbers["fix"] == "transpose_right"
    assert statuses(rep)["d_w2"] == "ok" and statuses(rep)["d_a1"] == "missing"


def test_missing_transpose_of_a1_in_d_w2_says_to_sum_over_the_samples(xor):
    rep = check(mutate("d_w2 = a1.T @ d_l2", "d_w2 = torch.matmul(a1, d_l2)"), xor)
    assert rep.error.code == "matmul_shape" and rep.root == "d_w2"
    assert rep.error.hint.startswith("a1 is (4×2) and d_l2 is (4×1): use a1ᵀ (2×4), so the product sums over "
                                     "the 4 samples: a1ᵀ @ d_l2 is (2×1)")


def test_a_transposed_gradient_is_a_shape_verdict(xor):
    code = mutate("d_w2 = a1.T @ d_l2", "d_w2 = d_l2.T @ a1")
    rep = check(code.replace("w2 -= lr * d_w2", "w2 -= lr * d_w2.T"), xor)
    r = rep.result("d_w2")
    assert (r.status, r.hint_code, r.got_shape) == ("shape", "transpose", [1, 2])
    assert rep.root == "d_w2" and rep.result("w2").status == "ok"


def test_mean_instead_of_sum_for_a_bias(xor):
    rep = check(mutate("d_b1 = d_l1.sum(0)", "d_b1 = d_l1.mean(0)"), xor)
    r = rep.result("d_b1")
    assert (r.status, r.factor, r.hint_code) == ("scale", 0.25, "mean_instead_of_sum")
    assert "d_b1 = d_l1.sum(0)" in r.hint
    assert rep.root == "d_b1" and rep.result("b1").status == "follows"
    assert all(rep.result(n).status == "ok" for n in ("d_w1", "w1", "d_b2", "b2"))


def test_missing_activation_derivative(xor):
    rep = check(mutate("d_l1 = sigmoid_p(l1) * d_a1", "d_l1 = d_a1"), xor)
    r = rep.result("d_l1")
    assert (r.status, r.hint_code) == ("wrong", "act_derivative_missing")
    assert "d_l1 = sigmoid_p(l1) * d_a1" in r.hint
    assert rep.root == "d_l1"
    assert (rep.result("d_w1").status, rep.result("d_w1").follows_from) == ("follows", "d_l1")


def test_the_activation_instead_of_its_derivative(xor):
    rep = check(mutate("d_l1 = sigmoid_p(l1) * d_a1", "d_l1 = sigmoid(l1) * d_a1"), xor)
    assert rep.result("d_l1").hint_code == "activation_not_derivative"


def test_sign_error_only(xor):
    rep = check(mutate("d_loss = -(y", "d_loss = (y"), xor)
    r = rep.result("d_loss")
    assert (r.status, r.factor, r.hint_code) == ("sign", -1.0, "sign")
    assert rep.root == "d_loss"
    assert all(x.status == "follows" for x in rep.results[1:])


def test_a_chain_without_d_a1_still_follows_from_d_l2(xor):
    code = mutate("d_a1 = d_l2 @ w2.T\nd_l1 = sigmoid_p(l1) * d_a1", "d_l1 = sigmoid_p(l1) * (d_l2 @ w2.T)",
                  mutate("d_loss = -(y", "d_loss = (y"))
    rep = check(code, xor)
    assert statuses(rep)["d_a1"] == "missing"
    assert (rep.result("d_l1").status, rep.result("d_l1").follows_from) == ("follows", "d_l2")


def test_name_error_and_syntax_error_have_their_lines(xor):
    rep = check(mutate("d_l1 = sigmoid_p(l1) * d_a1", "d_l1 = sigmoid_p(l1) * d_a11"), xor)
    assert (rep.error.type, rep.error.line, rep.error.code) == ("NameError", 6, "name")
    assert rep.error.hint.startswith("did you mean d_a1?") and rep.root == "d_l1"
    rep = check(mutate("d_w2 = a1.T @ d_l2", "d_w2 = (a1.T @ d_l2"), xor)
    assert (rep.error.type, rep.error.line, rep.error.code) == ("SyntaxError", 4, "syntax")
    assert rep.results == [] and not rep.ok
    rep = check(mutate("d_a1 = d_l2 @ w2.T", "d_a1 = d_l2 @ w2ᵀ"), xor)
    assert rep.error.line == 5 and "write .T instead of ᵀ" in rep.error.hint


def test_pasting_the_whole_loop_explains_the_one_epoch(xor):
    rep = check("for epoch in range(1, EPOCH + 1):\n" + NOTEBOOK_CELL, xor)
    assert rep.error.type == "NameError" and "EPOCH is not bound" in rep.error.hint
    rep = check("d_loss = -(y / a2 - (1 - y) / (1 - a2)) / N\n", xor)
    assert "called y_pred here, not a2" in rep.error.hint


def test_other_exceptions_and_a_broadcast_update(xor):
    rep = check("d_loss = -(y / y_pred - (1 - y) / (1 - y_pred)) / N\nx = 1 / 0\n", xor)
    assert (rep.error.type, rep.error.line, rep.root) == ("ZeroDivisionError", 2, "x")
    assert rep.result("d_loss").status == "ok"
    rep = check(mutate("b1 -= lr * d_b1", "b1 -= lr * d_l1"), xor)
    assert (rep.error.code, rep.error.line, rep.root) == ("update_shape", 10, "b1")
    assert "per-sample values" in rep.error.hint


def test_aliases_non_tensors_and_nothing_to_check(xor):
    rep = check("d_y_pred = -(y / y_pred - (1 - y) / (1 - y_pred)) / N\n", xor)
    assert rep.ok and rep.result("d_loss").status == "ok"
    rep = check("d_w2 = 'a1ᵀ @ d_l2'\n", xor)
    assert rep.result("d_w2").hint_code == "not_a_tensor" and rep.root == "d_w2"
    rep = check("x = 1\n", xor)
    assert not rep.ok and rep.error.code == "nothing_defined"


def test_print_is_captured_in_process(xor):
    rep = check(CORRECT + "print('d_w1 =', d_w1.shape)\n", xor)
    assert rep.ok and rep.stdout == "d_w1 = torch.Size([2, 2])\n"


def test_momentum_and_l2_sessions():
    spec, data = load_preset("xor-tanh")
    tr = Trainer(spec.with_changes(momentum=0.9, l2=0.001, lr=0.1), data)
    for _ in tr.train(5):
        pass
    assert {"momentum", "v_w1", "l2_lambda"} <= set(bound_names(tr.spec))
    good = """\
d_l2 = (y_pred - y) / N
d_b2 = d_l2.sum(0)
d_w2 = a1.T @ d_l2 + l2_lambda * w2
d_a1 = d_l2 @ w2.T
d_l1 = tanh_p(l1) * d_a1
d_b1 = d_l1.sum(0)
d_w1 = X.T @ d_l1 + l2_lambda * w1
for p, v, g in ((w1, v_w1, d_w1), (b1, v_b1, d_b1), (w2, v_w2, d_w2), (b2, v_b2, d_b2)):
    v.mul_(momentum).add_(g)
    p -= lr * v
"""
    rep = check(good, tr)
    assert rep.ok, report_text(rep)
    bad = good.replace(" + l2_lambda * w1", "").replace(
        "for p, v, g in ((w1, v_w1, d_w1), (b1, v_b1, d_b1),",
        "b1 -= lr * d_b1\nfor p, v, g in ((w1, v_w1, d_w1),")
    rep = check(bad, tr)
    assert rep.result("d_w1").hint_code == "l2_missing" and rep.root == "d_w1"
    assert (rep.result("w1").status, rep.result("b1").hint_code) == ("follows", "momentum_missing")


def test_softmax_network_with_its_helpers():
    tr = Trainer(*load_preset("spiral"))
    code = """\
d_loss = -(y / y_pred) / N
d_l3 = softmax_backward(y_pred, d_loss)
d_w3 = a2.T @ d_l3
d_a2 = d_l3 @ w3.T
d_l2 = relu_p(l2) * d_a2
d_w2 = a1.T @ d_l2
d_l1 = relu_p(l1) * (d_l2 @ w2.T)
d_b1 = d_l1.sum(0)
"""
    rep = check(code, tr)
    assert rep.ok, report_text(rep)
    rep = check(code.replace("d_b1 = d_l1.sum(0)", "d_b1 = d_l1.sum(0) * N"), tr)
    r = rep.result("d_b1")
    assert (r.status, r.factor, r.hint_code) == ("scale", 300.0, "mean_missing")


def test_helpers_are_documented_and_bound(xor):
    names = bound_names(xor.spec)
    assert [h.name for h in HELPERS] == [n for n in names if n in {h.name for h in HELPERS}]
    assert {"torch", "X", "y", "N", "lr", "w1", "b2", "l1", "a1", "l2", "y_pred", "loss"} <= set(names)
    code = "\n".join(f"assert callable({h.name})" for h in HELPERS)
    code += "\nd_loss = -(y / y_pred - (1 - y) / (1 - y_pred)) / N\n"
    code += "assert torch.allclose(sigmoid_p(l2), y_pred * (1 - y_pred))\n"
    code += "assert torch.equal(relu_p(torch.tensor([-1.0, 2.0])), torch.tensor([0.0, 1.0]))\n"
    assert check(code, xor).ok


def test_the_lessons_fixes_one_at_a_time(xor):
    """The notebook lesson's path: fix the sign and the 1/N, then the batch sums, then the bias updates."""
    step1 = NOTEBOOK_CELL.replace("d_loss = (y/y_pred) - (1-y)/(1-y_pred)",
                                  "d_loss = -((y/y_pred) - (1-y)/(1-y_pred)) / N")
    rep = check(step1, xor)
    assert rep.root == "d_b2" and statuses(rep)["d_loss"] == statuses(rep)["d_w1"] == "ok"
    assert (rep.result("b1").status, rep.result("b1").hint_code) == ("follows", "update_mean")
    step2 = step1.replace("d_b2 = d_l2\n", "d_b2 = d_l2.sum(0)\n")
    step2 = step2.replace("d_b1 = d_l1\n", "d_b1 = d_l1.sum(0)\n")
    rep = check(step2, xor)
    assert rep.root == "b1" and rep.result("b1").hint_code == "update_mean_of_gradient"
    assert rep.result("b2").status == "ok"  # the mean of a (1,) vector is itself
    step3 = step2.replace("torch.mean(d_b1,0)", "d_b1").replace("torch.mean(d_b2,0)", "d_b2")
    assert check(step3, xor).ok


def test_a_saturated_prediction_makes_the_textbook_d_loss_infinite():
    tr = Trainer(*load_preset("notebook-xor"))
    tr.set_param("w2", torch.tensor([[20.0], [20.0]]))  # l2 ≈ 35: σ(l2) is exactly 1 in float32
    rep = check(CORRECT, tr)
    assert rep.result("d_loss").status == "ok"  # the engine's own textbook d_loss is infinite there too
    r = rep.result("d_l2")
    assert (r.status, r.hint_code) == ("not_finite", "use_simplified") and "(y_pred - y) / N" in r.hint
    assert rep.root == "d_l2"
    rep = check("d_loss = y / (y_pred - y_pred)\n", tr)
    assert rep.result("d_loss").status == "not_finite" and rep.result("d_loss").hint_code == "div_zero"
