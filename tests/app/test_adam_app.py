"""Adam in the app: chosen in the network form (β1, β2, ε shown, momentum hidden, bad values refused in place),
and the inspector's update steps draw m, v, m_hat, v_hat and the step as matrices with their shapes, explained."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from app.i18n import install_translator
from app.state.session import Session
from app.views.inspector.equation import InspectorPane
from app.views.topology_form import TopologyForm
from engine.io.presets import load_preset
from engine.training.trainer import Trainer

from .test_inspector_equation import walk_to
from .test_views_topology import choose, type_line


@pytest.fixture
def session(qtbot):
    s = Session(Trainer(*load_preset("notebook-xor")))
    yield s
    s.stop_run()


@pytest.fixture
def form(qtbot, session):
    w = TopologyForm(session)
    qtbot.addWidget(w)
    w.resize(340, 900)
    w.show()
    qtbot.waitExposed(w)
    return w


@pytest.fixture
def pane(qtbot, session):
    p = InspectorPane(session)
    qtbot.addWidget(p)
    p.resize(1200, 900)
    p.show()
    qtbot.waitExposed(p)
    return p


def test_choosing_adam_in_the_form(qtbot, form, session):
    assert form.optimizer.currentData() == "sgd" and not form.beta1.isVisible() and form.momentum.isVisible()
    choose(form.optimizer, "adam")
    assert session.spec.optimizer == "adam" and session.trainer.adam.t == 0
    assert form.beta1.isVisible() and form.beta1.text() == "0.9" and form.eps.text() == "1e-08"
    assert not form.momentum.isVisible()
    assert session.undo_stack.undoText() == "Set optimizer"
    type_line(qtbot, form.beta2, "1")
    assert "beta2 1.0 must be at least 0 and below 1" in form.error_text("optimizer")
    assert session.spec.beta2 == 0.999  # refused: the old network keeps running
    type_line(qtbot, form.beta2, "0.99")
    assert session.spec.beta2 == 0.99 and form.error_text() == ""
    session.undo_stack.undo()
    session.undo_stack.undo()
    assert session.spec.optimizer == "sgd" and form.optimizer.currentData() == "sgd" and form.momentum.isVisible()


def test_stepping_to_an_update_shows_adams_buffers(qtbot, session, pane):
    from app.state.commands import SetSpecCommand

    assert not session.try_push(SetSpecCommand(session, session.spec.with_changes(optimizer="adam", lr=0.1),
                                               params=session.params_copy()))
    session.train_now(1)  # epoch 1: t = 1; the next epoch's update is t = 2
    walk_to(session, "d_w2")
    assert not pane.adam_view.isVisible()  # a backward step: no buffers
    walk_to(session, "w2")
    step = session.current_step()
    assert step.phase == "update" and step.code == "step.update.adam"
    view = pane.adam_view
    assert view.isVisible()
    texts = view.texts()
    assert texts[0] == "Adam's buffers for w2, step t = 2: each one (2×1), the shape of w2"
    assert texts[1:7] == ["d_w2 (2×1)", "m_w2 (2×1)", "v_w2 (2×1)", "m_hat_w2 (2×1)", "v_hat_w2 (2×1)", "Δw2 (2×1)"]
    assert texts[7].startswith("m_w2 ← 0.9·m_w2 + 0.1·d_w2: the running mean of the gradient")
    assert any(t.startswith("v_hat_w2 = v_w2 / (1 − 0.999^2) = v_w2 / 0.001999") for t in texts)
    # the matrices are the engine's numbers
    m = next(o for o in step.operands if o.name == "m_w2").value
    assert view.canvases[1].values.reshape(-1).tolist() == pytest.approx(m.double().reshape(-1).tolist())
    # the equation itself: w2 (new) ← w2 (old) − lr·m_hat / (√v_hat + ε)
    plan = pane.plan()
    assert [t.key for t in plan.terms] == ["w2", "w2", "Δw2"] and plan.operators == ["←", "−"]
    assert pane.blocks()[2].shape_label.text() == "(2×1)"
    pane.select_cell(1, 0)
    assert "w2[1,0] ← w2[1,0] − lr·m_hat_w2[1,0] / (√v_hat_w2[1,0] + ε)" in pane.expansion_text()
    assert "step t = 2" in pane.expansion_text()
    walk_to(session, "b2")
    assert view.texts()[0].startswith("Adam's buffers for b2, step t = 2: each one (1,)")


def test_adams_buffers_in_korean(qtbot, session, pane):
    from app.state.commands import SetSpecCommand

    assert install_translator(QApplication.instance(), "ko")
    try:
        assert not session.try_push(SetSpecCommand(session, session.spec.with_changes(optimizer="adam"),
                                                   params=session.params_copy()))
        walk_to(session, "w1")
        texts = pane.adam_view.texts()
        assert texts[0] == "w1의 Adam 버퍼, 스텝 t = 1: 모두 w1의 모양 (2×2)"
        assert all(any("\uac00" <= ch <= "\ud7a3" for ch in line) for line in texts[7:])
    finally:
        install_translator(QApplication.instance(), "en")
