"""The inspector words a Step from its code and arguments: the same Step shows its formula, why-this-shape and
note in English and, with the Korean catalogue, in Korean (app.i18n.engine_text over engine/text/steps.py),
and nothing in app/ parses the engine's English sentences."""

from __future__ import annotations

import pathlib
import re

import pytest
from PySide6.QtWidgets import QApplication

from app.i18n import install_translator
from app.state.session import Session
from app.views.inspector import wording
from app.views.inspector.equation import InspectorPane
from app.views.inspector.fixtures import notebook_xor_trainer, visible_texts

ROOT = pathlib.Path(__file__).resolve().parents[2]


def flat(texts):
    return [" ".join(t.split()) for t in texts]  # the labels wrap their lines


def shown(qtbot, session, name, phase=None):
    pane = InspectorPane(session)
    qtbot.addWidget(pane)
    pane.resize(1366, 900)
    pane.show()
    qtbot.waitExposed(pane)
    if session.current_step() is None:
        pane.start_button.click()
    for _ in range(40):
        s = session.current_step()
        if s.name == name and (phase is None or s.phase == phase):
            break
        session.next_op()
    qtbot.waitUntil(lambda: any(name in t for t in visible_texts(pane)))
    return session.current_step(), flat(visible_texts(pane))


@pytest.fixture
def session():
    yield Session(notebook_xor_trainer())
    install_translator(QApplication.instance(), "en")


@pytest.mark.parametrize("name,phase,english,korean", [
    ("d_w2", None,
     ["d_w2 = a1ᵀ @ d_l2",
      "d_w2 must be (2×1) like w2; a1 is (4×2) and d_l2 is (4×1); a1ᵀ @ d_l2, (2×4) @ (4×1), is the product "
      "with that shape; it sums over the 4 samples"],
     ["d_w2 = a1ᵀ @ d_l2",
      "d_w2는 w2처럼 (2×1)이어야 합니다. a1은 (4×2), d_l2는 (4×1)입니다. 그 모양이 나오는 곱은 a1ᵀ @ d_l2, 즉 "
      "(2×4) @ (4×1)이며, 샘플 4개에 걸쳐 합합니다"]),
    ("d_b1", None,
     ["d_b1 = Σₙ d_l1[n, :] (sum over axis 0)",
      "b1 (2,) was broadcast to all 4 rows in the forward pass, so d_b1 adds up the 4 rows of d_l1 (4×2): Σ over "
      "the 4 samples, axis 0 → (2,)"],
     ["d_b1 = Σₙ d_l1[n, :] (축 0에 대한 합)",
      "순전파에서 b1 (2,)가 4개 행 모두에 브로드캐스트되었으므로, d_b1은 d_l1 (4×2)의 4개 행을 더합니다: 샘플 4개에 "
      "대한 Σ, 축 0 → (2,)"]),
    ("d_l2", None,
     ["Note: σ'(l2)·d_loss simplifies to (y_pred − y)/4; the engine uses that stable form, which never divides "
      "by y_pred"],
     ["σ'(l2)·d_loss는 (y_pred − y)/4로 간단해집니다. 엔진은 y_pred로 나누지 않는 이 안정적인 형태를 씁니다"]),
    ("b2", "update",
     ["b2 ← b2 − lr·d_b2 (lr = 0.01)", "Note: a step of size lr against the gradient; d_b2 has the shape of b2 (1,)"],
     ["b2 ← b2 − lr·d_b2 (lr = 0.01)", "기울기 반대 방향으로 크기 lr만큼 한 걸음. d_b2는 b2와 같은 모양 (1,)입니다"]),
])
def test_the_same_step_reads_in_english_and_in_korean(qtbot, session, name, phase, english, korean):
    step, en = shown(qtbot, session, name, phase)
    for text in english:
        assert text in en, (text, en)
    assert install_translator(QApplication.instance(), "ko")
    same, ko = shown(qtbot, session, name, phase)
    assert same is step  # one Step, two languages
    for text in korean:
        assert any(text in t for t in ko), (text, ko)
    assert not any(text in ko for text in english if not text.startswith(step.name + " ") and "←" not in text)


def test_the_toolbar_title_of_an_update_is_its_formula():
    trace = notebook_xor_trainer().step()
    assert [wording.title_text(s) for s in trace.steps if s.phase == "update"] == [
        "w1 ← w1 − lr·d_w1", "b1 ← b1 − lr·d_b1", "w2 ← w2 − lr·d_w2", "b2 ← b2 − lr·d_b2"]


def test_nothing_in_app_parses_the_engines_sentences():
    """The app reads a Step's code and args; it never searches the engine's English (formula, why, note)."""
    parse = re.compile(r"\b(step|s)\.(why|note)\b(?!_text)|\b(step|s)\.formula\.split|in (step|s)\.(note|why|formula)")
    found = [f"{p.relative_to(ROOT)}:{i}: {line.strip()}"
             for p in (ROOT / "app").rglob("*.py")
             for i, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1) if parse.search(line)]
    assert not found, "\n".join(found)


def test_after_step_epoch_the_toolbar_reads_the_update_formula(qtbot, window):
    """Was "Epoch 1 · update · b2 = 0.01)": the title cut the update's formula at the "=" of "(lr = 0.01)"."""
    from PySide6.QtCore import Qt

    qtbot.mouseClick(window.toolbar.widgetForAction(window.acts.step_epoch), Qt.MouseButton.LeftButton)
    steps = window.session.trace.steps  # Step epoch shows the epoch's first operation; walk to its last
    window.session.set_position(len(steps) - 1)
    assert window.op_label.text() == "Epoch 1 · update · b2 ← b2 − lr·d_b2 · next: epoch 2 starts"
    window.session.prev_op()
    assert window.op_label.text() == "Epoch 1 · update · w2 ← w2 − lr·d_w2"
