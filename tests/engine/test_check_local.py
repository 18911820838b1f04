"""Each line judged against the learner's own inputs: the local verdict names this line's mistake and stays
the same while the learner fixes the lines upstream; the comparison with the engine's value is still shown.
In-process (isolate=False): the verdicts are the same code the CLI runs in the parent."""

from __future__ import annotations

import pytest

from engine.checker.exercise import check_code, report_text
from engine.io.presets import load_preset
from engine.training.trainer import Trainer
from tests.engine.hints import assert_every_hint_is_a_text
from tests.engine.cells import CORRECT, NOTEBOOK_CELL

SIGN_AND_N = "d_loss = -(y / y_pred - (1 - y) / (1 - y_pred)) / N"


def check(code, tr):
    return assert_every_hint_is_a_text(check_code(code, tr, isolate=False))


@pytest.fixture(scope="module")
def xor():
    return Trainer(*load_preset("notebook-xor"))


@pytest.fixture(scope="module")
def spiral():
    return Trainer(*load_preset("spiral"))


def test_bias_mean_in_the_gradient_line_keeps_its_verdict_while_d_loss_is_fixed(xor):
    """The notebook's d_loss (×−4) with d_b2 = d_l2.mean(0): the d_b2 line uses a mean where a sum belongs,
    whatever d_loss is; only the comparison with the engine's value changes."""
    mean_b2 = CORRECT.replace("d_b2 = d_l2.sum(0)", "d_b2 = d_l2.mean(0)")
    seen = []
    for d_loss, global_status, global_factor in (
            ("d_loss = (y/y_pred) - (1-y)/(1-y_pred)", "sign", -1.0),  # the notebook's: ×−4 upstream
            ("d_loss = -((y/y_pred) - (1-y)/(1-y_pred))", "ok", None),  # sign fixed: ×4 × 1/4 looks right
            (SIGN_AND_N, "scale", 0.25)):  # all fixed upstream
        rep = check(mean_b2.replace(SIGN_AND_N, d_loss), xor)
        r = rep.result("d_b2")
        assert (r.status, r.factor, r.hint_code) == ("scale", 0.25, "mean_instead_of_sum"), report_text(rep)
        assert (r.global_status, r.global_factor) == (global_status, global_factor)
        assert "sign" not in r.hint and "minus" not in r.hint
        seen.append(r.hint)
        assert r.hint_text["code"] == "checker.local.mean_instead_of_sum" and r.hint_text["text"] == r.hint
        assert not rep.ok
    assert seen[0] == seen[1] == seen[2] == (
        "d_b2 is the mean of your d_l2 over the batch axis, 1/4 of its sum: a bias gradient is the sum over "
        "the batch axis. The right formula: d_b2 = d_l2.sum(0).")
    rep = check(mean_b2.replace(SIGN_AND_N, "d_loss = (y/y_pred) - (1-y)/(1-y_pred)"), xor)
    assert rep.root == "d_loss"  # the first mistake is still d_loss; d_b2 has its own
    text = report_text(rep)
    assert "d_b2    scale ×0.25" in text and "×−1" in text  # the local status, and vs engine ×−1


def test_bias_mean_in_the_update_follows_the_per_sample_gradient(xor):
    rep = check(NOTEBOOK_CELL.replace("(y/y_pred) - (1-y)/(1-y_pred)", "-((y/y_pred) - (1-y)/(1-y_pred))/N"),
                xor)
    assert (rep.result("d_b2").status, rep.result("d_b2").hint_code) == ("shape", "sum_batch_axis")
    b2 = rep.result("b2")
    assert (b2.status, b2.hint_code) == ("follows", "update_mean")
    assert "a mean where the sum belongs" in b2.hint


def test_missing_transpose_is_named_for_the_line(xor):
    rep = check(CORRECT.replace("d_w1 = X.T @ d_l1", "d_w1 = (X.T @ d_l1).T"), xor)
    r = rep.result("d_w1")  # (2×2): same shape, the transpose of the right gradient
    assert (r.status, r.hint_code) == ("wrong", "transpose") and rep.root == "d_w1"
    rep = check(CORRECT.replace("d_w2 = a1.T @ d_l2", "d_w2 = d_l2.T @ a1"), xor)
    r = rep.result("d_w2")
    assert (r.status, r.hint_code, r.got_shape) == ("shape", "transpose", [1, 2])
    assert "(1×2) but w2 is (2×1)" in r.hint


def test_a_factor_on_a_line_is_relative_to_its_own_inputs(xor):
    """d_l2 ×2 on a line whose d_loss is already ×−4: the line's own mistake is ×2, not ×−8."""
    code = CORRECT.replace(SIGN_AND_N, "d_loss = (y/y_pred) - (1-y)/(1-y_pred)").replace(
        "d_l2 = sigmoid_p(l2) * d_loss", "d_l2 = 2 * sigmoid_p(l2) * d_loss")
    r = check(code, xor).result("d_l2")
    assert (r.status, r.factor, r.global_factor) == ("scale", 2.0, -8.0)
    assert r.hint == ("d_l2 is 2 × what the right formula gives with your d_loss. The right formula: "
                      "d_l2 = σ'(l2) ⊙ d_loss.")


def test_a_tensor_masked_in_place_after_it_was_right_is_named_as_aliased(spiral):
    """cs231n's idiom: d_a2 is right when assigned, then masked in place and passed on as d_l2."""
    code = """\
d_l3 = y_pred.clone()
d_l3[range(N), labels] -= 1
d_l3 /= N
d_w3 = a2.T @ d_l3
d_b3 = d_l3.sum(0)
d_a2 = d_l3 @ w3.T
d_a2[a2 <= 0] = 0
d_l2 = d_a2
d_w2 = a1.T @ d_l2
d_b2 = d_l2.sum(0)
"""
    rep = check(code, spiral)
    r = rep.result("d_a2")
    assert (r.status, r.hint_code, r.line, r.numbers["changed_line"]) == ("aliased", "aliased", 6, 7)
    assert r.hint == ("d_a2 was right when line 6 assigned it, but line 7 changed it in place, and d_l2 is "
                      "that same tensor (d_l2 = d_a2 copies no values). Copy it first: d_l2 = d_a2.clone(), "
                      "then change d_l2.")
    assert [rep.result(n).status for n in ("d_l2", "d_w2", "d_b2")] == ["ok", "ok", "ok"]
    assert rep.ok and rep.root is None  # the gradients are right; the note says why d_a2 differs
    assert "d_a2: d_a2 was right when line 6" in report_text(rep)


def test_softmax_binds_labels_and_names_y_used_as_labels(spiral):
    rep = check("d_l3 = y_pred.clone()\nd_l3[range(N), labels] -= 1\nd_l3 /= N\n", spiral)
    assert rep.ok and rep.result("d_l3").status == "ok" and "labels" in rep.names
    rep = check("d_l3 = y_pred.clone()\nd_l3[range(N), y] -= 1\nd_l3 /= N\n", spiral)
    assert (rep.error.type, rep.error.line, rep.error.code) == ("IndexError", 2, "y_one_hot")
    assert rep.error.hint == ("y is one-hot, (300×3): it cannot index rows by class. Use labels, the class "
                              "indices (300,): y_pred[range(N), labels].")
    rep = check("d_l3 = y_pred.clone()\nd_l3[range(N), y.long()] -= 1\nd_l3 /= N\n", spiral)
    assert "Use labels" in (rep.error.hint if rep.error else rep.result("d_l3").hint)
