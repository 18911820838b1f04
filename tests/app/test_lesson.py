"""The notebook lesson: its files, its code stages (checked in-process: the engine's verdicts on trusted
code), and the dock that walks through it pointing at the panes."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget

from app import panes
from app.views.practice import lesson
from engine.checker.exercise import check_code
from engine.io.presets import load_preset
from engine.training.trainer import Trainer

PANE_NAMES = {name for name, *_ in panes.PANES}


def test_both_languages_have_the_same_steps_each_pointing_at_an_existing_pane():
    en, ko = lesson.load_lesson(lang="en"), lesson.load_lesson(lang="ko")
    assert len(en) >= 8
    assert [(s.pane, s.action) for s in en] == [(s.pane, s.action.replace(".ko.py", ".py")) for s in ko]
    assert all(s.pane in PANE_NAMES for s in en)
    assert all(s.title for s in en + ko) and all(s.button for s in en + ko if s.action)
    assert ko[0].title == "nan을 출력한 노트북"
    # every file an action loads exists
    for s in en:
        for cmd in filter(None, (c.strip() for c in s.action.split(";"))):
            word, *args = cmd.split()
            if word == "load":
                assert lesson.read_resource(args[0]).strip()


def _loads(steps) -> list[str]:
    return [c.split()[1] for s in steps for c in s.action.split(";") if c.split()[:1] == ["load"]]


def test_the_korean_lesson_loads_the_same_code_with_its_own_words_in_the_comments():
    """The fixes the Korean lesson's buttons put in the editor were commented in English ("# fix 3: (4×1) →
    (1,), the sum over the batch axis") under a Korean interface: the same code, the lesson's words."""
    import re

    def code(text: str) -> list[str]:
        return [line.split("#")[0].rstrip() for line in text.splitlines()]

    en, ko = _loads(lesson.load_lesson(lang="en")), _loads(lesson.load_lesson(lang="ko"))
    assert len(en) == len(ko) and any(f.endswith(".ko.py") for f in ko)
    for e, k in zip(en, ko):
        english, korean = lesson.read_resource(e), lesson.read_resource(k)
        assert code(korean) == code(english), k
        added = [line.split("#", 1)[1] for line in korean.splitlines() if line not in english.splitlines()]
        assert not any(re.search(r"\b(fix|the|and|sum|over)\b", line) for line in added), added
        assert all("수정" in line for line in added), added


@pytest.fixture(scope="module")
def trainer():
    return Trainer(*load_preset("notebook-xor"))


@pytest.mark.parametrize("stage, root, status, factor", [
    ("notebook_cell.py", "d_loss", "scale", -4.0),
    ("stage_1_sign.py", "d_loss", "scale", 4.0),
    ("stage_2_mean.py", "d_b2", "shape", None),
    ("stage_3_bias.py", None, None, None),
])
def test_each_stage_of_the_cell_has_the_mistake_the_lesson_says(trainer, stage, root, status, factor):
    r = check_code(lesson.read_resource(stage), trainer, isolate=False)
    assert r.root == root
    if root is None:
        assert r.ok and all(t.status == "ok" for t in r.results)
    else:
        assert r.result(root).status == status and r.result(root).factor == factor
    if stage == "stage_1_sign.py":  # the lesson's remark: ×4 and the mean's ÷4 hide each other
        assert r.result("b1").status == r.result("b2").status == "ok"


def test_the_cell_diverges_at_epoch_312_and_the_fixed_code_does_not(trainer):
    bad = check_code(lesson.read_resource("notebook_cell.py"), trainer, isolate=False, train_epochs=400)
    assert bad.train.diverged_at == 312 and bad.train.diagnosis["code"] == "div_zero"
    good = check_code(lesson.read_resource("stage_3_bias.py"), trainer, isolate=False, train_epochs=1000,
                      lr=1.0)
    assert good.train.diverged_at is None and good.train.loss[-1] == pytest.approx(0.0184, abs=5e-4)


def _open(window):
    window.registry.get("lesson").trigger()  # Help ▸ Lesson
    dock = window.findChild(QDockWidget, "lessonDock")
    assert dock is not None and dock.isVisible()
    return dock.widget()


def _pane_shown(window, name: str) -> bool:
    dock = window.findChild(QDockWidget, f"{name}Dock")
    if dock is not None:
        return dock.isVisible() and not dock.visibleRegion().isEmpty()
    return window.panes[name].isVisible()


def test_the_lesson_walks_from_first_to_last_step_and_back_pointing_at_each_pane(qtbot, window):
    panel = _open(window)
    n = len(panel.steps)
    qtbot.waitUntil(lambda: window.laid_out)  # docks tabbed as on screen
    seen = []
    for k in range(n):
        assert panel.step_label.text() == f"Step {k + 1} of {n}"
        st = panel.steps[k]
        assert panel.text.toPlainText().startswith(st.title)
        assert panel.action_button.isVisible() == bool(st.action)
        qtbot.waitUntil(lambda: _pane_shown(window, st.pane), timeout=2000)
        seen.append(st.pane)
        if st.pane == "boundary":  # "watch the decision boundary": never a strip
            qtbot.waitUntil(lambda: window.panes["boundary"].plot_widget.height() >= 250, timeout=2000)
        assert panel.back_button.isEnabled() == (k > 0)
        assert panel.next_button.isEnabled() == (k < n - 1)
        if k < n - 1:
            qtbot.mouseClick(panel.next_button, Qt.MouseButton.LeftButton)
    assert {"topology", "practice", "inspector", "boundary"} <= set(seen)
    assert panel.index == n - 1
    for _ in range(n - 1):
        qtbot.mouseClick(panel.back_button, Qt.MouseButton.LeftButton)
    assert panel.index == 0 and panel.step_label.text() == f"Step 1 of {n}"
    assert not panel.back_button.isEnabled()


def test_a_step_loads_the_notebooks_cell_into_the_practice_editor(qtbot, window):
    panel = _open(window)
    panel.go(1)
    assert panel.step.action == "load notebook_cell.py"
    qtbot.mouseClick(panel.action_button, Qt.MouseButton.LeftButton)
    practice = window.panes["practice"]
    assert practice.editor.toPlainText() == lesson.read_resource("notebook_cell.py")
    assert window.session.practice_code == practice.editor.toPlainText()
    assert _pane_shown(window, "practice")


def test_the_korean_lesson_reads_in_korean(qtbot, window):
    panel = lesson.LessonPanel(window, lang="ko", docks=window.workspace.docks, panes=window.workspace.panes)
    qtbot.addWidget(panel)
    assert panel.text.toPlainText().startswith("nan을 출력한 노트북")
    assert panel.action_button.text() == "notebook-xor 열기"
    panel.next()
    assert "Practice" in panel.pane_button.text() and "원래 셀 그대로" in panel.text.toPlainText()


def test_the_lesson_finds_docks_and_panes_in_the_workspaces_mappings(qtbot):
    """Constructor arguments, not a search of the window's children by object name (issue 11 item 7)."""
    from PySide6.QtWidgets import QWidget

    dock, pane = QDockWidget(), QWidget()
    qtbot.addWidget(dock)
    qtbot.addWidget(pane)
    panel = lesson.LessonPanel(None, docks={"loss": dock}, panes={"practice": pane})
    qtbot.addWidget(panel)
    assert panel.dock_of("loss") is dock and panel.practice() is pane
    assert panel.dock_of("boundary") is None and panel.pane_widget("loss") is None
    assert panel.raise_pane("loss") and dock.isVisible()
