"""Practice under Adam: the checker's expected update continues the session's Adam state (m, v, t), as
torch.optim.Adam would from it; the names bound for the learner include that state; --train updates the
parameters the code leaves alone by Adam from the session's state, not by plain SGD.

torch.optim.Adam over autograd (float64) is the reference: it is given the session's m, v and step count as
its own state and takes the next steps."""

from __future__ import annotations

import pytest
import torch

from engine.checker.exercise import bound_names, check_code, report_text, template
from engine.io.presets import load_preset
from engine.training.trainer import Trainer
from engine.verify import reference
from tests.engine.cells import CORRECT
from tests.engine.hints import assert_every_hint_is_a_text

GRADS = "\n".join(line for line in CORRECT.splitlines() if "-=" not in line) + "\n"
ADAM_BY_HAND = GRADS + """\
t = t + 1
for p, m, v, g in ((w1, m_w1, v_w1, d_w1), (b1, m_b1, v_b1, d_b1), (w2, m_w2, v_w2, d_w2), (b2, m_b2, v_b2, d_b2)):
    m.mul_(beta1).add_((1 - beta1) * g)
    v.mul_(beta2).add_((1 - beta2) * g * g)
    p -= lr * (m / (1 - beta1 ** t)) / ((v / (1 - beta2 ** t)).sqrt() + eps)
"""


@pytest.fixture(scope="module")
def session():
    """notebook-xor under Adam, 6 epochs in: m, v and t are far from Adam's zero start."""
    spec, data = load_preset("notebook-xor")
    tr = Trainer(spec.with_changes(optimizer="adam", lr=0.05, dtype="float64"), data)
    list(tr.train(6))
    assert tr.adam.t == 6
    return tr


def torch_adam(tr, epochs):
    """torch.optim.Adam, given the session's parameters, m, v and step count, takes `epochs` more steps:
    (the loss before each, the parameters after)."""
    spec = tr.spec
    P = {k: v.clone().requires_grad_(True) for k, v in tr.params.items()}
    opt = torch.optim.Adam(list(P.values()), lr=spec.lr, betas=(spec.beta1, spec.beta2), eps=spec.eps)
    for k, p in P.items():
        opt.state[p] = {"step": torch.tensor(float(tr.adam.t)), "exp_avg": tr.adam.m[k].clone(),
                        "exp_avg_sq": tr.adam.v[k].clone()}
    losses = []
    for _ in range(epochs):
        opt.zero_grad()
        with torch.enable_grad():
            loss = reference.loss(spec, P, tr.X, tr.T)
            loss.backward()
        losses.append(float(loss.detach()))
        opt.step()
    return losses, {k: p.detach() for k, p in P.items()}


def check(code, tr, **kw):
    return assert_every_hint_is_a_text(check_code(code, tr, isolate=False, **kw))


def test_adams_state_is_bound_and_in_the_template(session):
    names = set(bound_names(session.spec))
    assert {"beta1", "beta2", "eps", "t", "m_w1", "v_w1", "m_b2", "v_b2"} <= names
    text = template(session)
    assert "t = 6" in text and "m_w1, v_w1" in text and "beta1 ** t" in text
    assert "w1 -= lr * d_w1" not in text  # the SGD line would be the wrong update under Adam


def test_expected_update_is_torch_adams_next_step_from_the_sessions_state(session):
    m_before = {k: v.clone() for k, v in session.adam.m.items()}
    rep = check(ADAM_BY_HAND, session)
    assert rep.ok, report_text(rep)
    _, after = torch_adam(session, 1)
    for p in session.spec.param_names:
        r = rep.result(p)
        assert r.status == "ok"
        torch.testing.assert_close(torch.tensor(r.expected, dtype=torch.float64), after[p], rtol=1e-12,
                                   atol=1e-14)
    # from a zero state (t = 1, m = v = 0) the expected step would differ: the test can tell
    fresh = Trainer(session.spec, session.data, params=session.params_copy())
    _, first = torch_adam(fresh, 1)
    assert not torch.allclose(first["w1"], after["w1"], rtol=1e-3, atol=0)
    # the session was not changed by the check
    assert session.adam.t == 6 and all(torch.equal(m_before[k], session.adam.m[k]) for k in m_before)


def test_sgd_and_zero_state_updates_are_named(session):
    rep = check(GRADS + "w1 -= lr * d_w1\n", session)
    r = rep.result("w1")
    assert (r.status, r.hint_code) == ("wrong", "adam_missing") and rep.root == "w1"
    assert "plain gradient descent; with Adam" in r.hint and "m_w1 = beta1 * m_w1" in r.hint
    zero = GRADS + "w1 -= lr * (d_w1 * (1 - beta1) / (1 - beta1)) / ((d_w1 * d_w1).sqrt() + eps)\n"
    r = check(zero, session).result("w1")
    assert r.hint_code == "adam_state_missing" and r.numbers == {"t": 6}
    assert "taken 6 steps already" in r.hint
    flipped = ADAM_BY_HAND.replace("p -= lr", "p += lr")
    rep = check(flipped, session)
    assert {rep.result(p).hint_code for p in session.spec.param_names} == {"update_sign"}
    assert "moved the wrong way" in rep.result("w1").hint


def test_update_from_a_wrong_gradient_follows_under_adam(session):
    wrong = ADAM_BY_HAND.replace("d_w1 = X.T @ d_l1", "d_w1 = 2 * (X.T @ d_l1)")
    rep = check(wrong, session)
    assert rep.root == "d_w1"
    assert (rep.result("w1").status, rep.result("w1").follows_from) == ("follows", "d_w1")


def test_train_with_my_code_updates_untouched_parameters_by_the_sessions_adam(session):
    """The code defines the gradients only: the engine updates every parameter by Adam from the session's
    m, v and t, so the losses are torch.optim.Adam's continuing run (plain SGD, or Adam from zero, differ)."""
    rep = check(GRADS, session, train_epochs=5)
    t = rep.train
    assert t.error is None and t.engine_updated == sorted(session.spec.param_names), report_text(rep)
    assert t.engine_rule == "adam"
    assert "updated by the engine from your gradients by Adam from the session's m, v and t: b1, b2, w1, w2" \
        in report_text(rep)
    theirs, _ = torch_adam(session, 5)
    torch.testing.assert_close(torch.tensor(t.loss), torch.tensor(theirs), rtol=1e-10, atol=0)


def test_train_with_my_code_mixes_the_learners_adam_and_the_engines(session):
    """w1 updated by the learner's own Adam (bound m_w1, v_w1, t), the rest left to the engine: the same run."""
    code = GRADS + """\
t = t + 1
m_w1.mul_(beta1).add_((1 - beta1) * d_w1)
v_w1.mul_(beta2).add_((1 - beta2) * d_w1 * d_w1)
w1 -= lr * (m_w1 / (1 - beta1 ** t)) / ((v_w1 / (1 - beta2 ** t)).sqrt() + eps)
"""
    rep = check(code, session, train_epochs=4)
    assert rep.ok and rep.train.engine_updated == ["b1", "b2", "w2"], report_text(rep)
    theirs, _ = torch_adam(session, 4)
    torch.testing.assert_close(torch.tensor(rep.train.loss), torch.tensor(theirs), rtol=1e-10, atol=0)


def test_the_contained_check_gets_adams_state_too(session):
    """The sandboxed child (as the app and the CLI run it) is handed the session's m, v and t."""
    rep = check_code(ADAM_BY_HAND, session, train_epochs=3)
    assert rep.ok and rep.train.error is None, report_text(rep)
    theirs, _ = torch_adam(session, 3)
    torch.testing.assert_close(torch.tensor(rep.train.loss), torch.tensor(theirs), rtol=1e-10, atol=0)
