"""The panes around the matrix inspector: timeline, network diagram (and its selection shared with the
weights editor and the inspector), gradient check and training health."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.state.session import Session
from app.views.inspector import colors as C
from app.views.inspector.diagram import GRADIENTS, PENDING, WEIGHTS, DiagramPane
from app.views.inspector.equation import InspectorPane
from app.views.inspector.fixtures import notebook_xor_trainer, visible_texts
from app.views.inspector.gradcheck_pane import GradcheckPane
from app.views.inspector.health_pane import HealthPane
from app.views.inspector.timeline import TimelinePane
from engine.io.presets import PRESETS, load_preset
from engine.training.trainer import Trainer


def _show(qtbot, widget, size=(700, 600)):
    qtbot.addWidget(widget)
    widget.resize(*size)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


@pytest.fixture
def session():
    return Session(notebook_xor_trainer())


def walk_to(session, name):
    for _ in range(100):
        if session.current_step() is not None and session.current_step().name == name:
            return
        session.next_op()
    raise AssertionError(name)


# ----- selection --------------------------------------------------------------------------------------
def test_selection_is_shared_and_emits_only_on_change(session, qtbot):
    sel = session.selection
    assert session.selection is sel
    with qtbot.waitSignal(sel.cell_selected) as blocker:
        sel.select_cell("w2", 1, 0)
    assert blocker.args == ["w2", 1, 0]
    with qtbot.assertNotEmitted(sel.cell_selected):
        sel.select_cell("w2", 1, 0)
    with qtbot.waitSignal(sel.sample_changed) as blocker:
        sel.set_sample(2)
    assert blocker.args == [2] and sel.sample == 2
    with qtbot.waitSignal(sel.cell_selected) as blocker:
        session.network_changed.emit()  # new network: old indices mean nothing
    assert blocker.args == ["", -1, -1] and sel.sample == -1


# ----- timeline ---------------------------------------------------------------------------------------
def test_timeline_follows_next_and_jumps_on_click(session, qtbot):
    tl = _show(qtbot, TimelinePane(session), (380, 640))
    insp = _show(qtbot, InspectorPane(session), (1100, 800))
    assert tl.tree.isVisible() and tl.item_for(0).font(0).bold()  # the first operation, ready to step into
    qtbot.mouseClick(tl.next_button, Qt.MouseButton.LeftButton)
    assert tl.current_index() == 0
    phases = [tl.tree.topLevelItem(i).text(0) for i in range(tl.tree.topLevelItemCount())]
    assert phases == ["Forward", "Backward", "Update"]
    assert tl.item_for(0).font(0).bold() and tl.item_for(0).text(0) == "l1 = X @ w1 + b1"
    session.next_op()
    assert tl.current_index() == 1 and tl.item_for(1).font(0).bold() and not tl.item_for(0).font(0).bold()
    d_w2 = session.trace.step("d_w2").index
    item = tl.item_for(d_w2)
    assert item.text(0) == "d_w2 = a1ᵀ @ d_l2" and item.text(1) == "(2×1)"
    qtbot.mouseClick(tl.tree.viewport(), Qt.MouseButton.LeftButton, pos=tl.tree.visualItemRect(item).center())
    assert session.position == d_w2
    assert tl.current_index() == d_w2 and item.font(0).bold()
    assert "d_w2 = a1ᵀ @ d_l2" in visible_texts(insp)
    qtbot.mouseClick(tl.prev_button, Qt.MouseButton.LeftButton)
    assert session.current_step().name == "d_b2"
    assert tl.current_index() == d_w2 - 1 and tl.item_for(d_w2 - 1).font(0).bold()
    assert tl.title.text() == f"Epoch {session.trace.epoch}: operation {d_w2} of 17 (in progress)"


def test_before_the_first_operation_the_list_holds_the_first_epoch_ready_to_step(session, qtbot):
    tl = _show(qtbot, TimelinePane(session), (380, 640))
    insp = _show(qtbot, InspectorPane(session), (1100, 800))
    assert session.trace is None and session.epoch == 0
    assert tl.tree.isVisible()
    phases = [tl.tree.topLevelItem(i).text(0) for i in range(tl.tree.topLevelItemCount())]
    assert phases == ["Forward", "Backward", "Update"]
    titles = [tl.item_for(i).text(0) for i in range(17)]
    assert titles[0] == "l1 = X @ w1 + b1" and "d_w2 = a1ᵀ @ d_l2" in titles and tl.item_for(17) is None
    first = tl.item_for(0)  # the operation the inspector shows: marked, but not yet done (none is)
    assert first.font(0).bold() and not tl.item_for(1).font(0).bold()
    assert first.background(0) != tl.item_for(1).background(0)
    assert first.foreground(0) == tl.item_for(5).foreground(0)  # still to come, like the rest
    assert tl.title.text() == "Epoch 0 · epoch 1 ready to step (17 operations)"
    assert tl.notice.text() == "Next ▶ starts epoch 1."
    assert "l1 = X @ w1 + b1" in visible_texts(insp)  # the inspector shows that same operation
    # clicking an operation of the list steps into the epoch there
    d_w2 = titles.index("d_w2 = a1ᵀ @ d_l2")
    qtbot.mouseClick(tl.tree.viewport(), Qt.MouseButton.LeftButton,
                     pos=tl.tree.visualItemRect(tl.item_for(d_w2)).center())
    assert session.trace is not None and session.position == d_w2
    assert tl.title.text() == f"Epoch 1: operation {d_w2 + 1} of 17 (in progress)"
    assert tl.item_for(0).foreground(0) != tl.item_for(d_w2 + 1).foreground(0)  # done above, to come below
    # back to the start (Step back leaves the epoch in progress): the list is ready again
    session.step_back()
    assert session.trace is None and tl.tree.isVisible() and tl.item_for(0).font(0).bold()
    assert tl.title.text().startswith("Epoch 0 · epoch 1 ready")


def test_the_operations_list_follows_a_new_network_before_any_step(session, qtbot):
    tl = _show(qtbot, TimelinePane(session), (380, 640))
    session.open_trainer(Trainer(*load_preset("spiral")), source_name="spiral")  # 2 → 32 → 32 → 3
    titles = [tl.item_for(i).text(0) for i in range(40) if tl.item_for(i) is not None]
    assert "l3 = a2 @ w3 + b3" in titles and tl.item_for(0).font(0).bold()
    assert tl.title.text() == f"Epoch 0 · epoch 1 ready to step ({len(titles)} operations)"


# ----- diagram -----------------------------------------------------------------------------------------
def test_diagram_has_one_edge_per_weight(session, qtbot):
    d = _show(qtbot, DiagramPane(session))
    assert d.edge_count() == 6
    assert d.edges() == [("w1", 0, 0), ("w1", 0, 1), ("w1", 1, 0), ("w1", 1, 1), ("w2", 0, 0), ("w2", 1, 0)]
    assert "6 edges" in d.legend.text()
    assert d.layer_mode(1) == WEIGHTS and d.layer_mode(2) == WEIGHTS


def test_diagram_shows_gradients_as_the_backward_pass_computes_them(session, qtbot):
    d = _show(qtbot, DiagramPane(session))
    walk_to(session, "d_l2")
    assert (d.layer_mode(1), d.layer_mode(2)) == (PENDING, PENDING)
    walk_to(session, "d_w2")
    assert (d.layer_mode(1), d.layer_mode(2)) == (PENDING, GRADIENTS)
    walk_to(session, "d_w1")
    assert (d.layer_mode(1), d.layer_mode(2)) == (GRADIENTS, GRADIENTS)
    tip = d.edge_tooltip("w2", 1, 0)
    assert tip.startswith("w2[1,0] = 1\nd_w2[1,0] = 0.4419")


def test_diagram_edge_selection_syncs_with_weights_editor_and_inspector(session, qtbot):
    from app.views.weights_editor import WeightsEditor

    sel = session.selection
    d = _show(qtbot, DiagramPane(session))
    insp = _show(qtbot, InspectorPane(session), (1100, 800))
    editor = _show(qtbot, WeightsEditor(session), (500, 600))
    # the wiring the main window does
    editor.cell_selected.connect(sel.select_cell)
    sel.cell_selected.connect(lambda n, r, c: editor.select_cell(n, r, c) if n else None)
    walk_to(session, "d_w2")
    with qtbot.waitSignal(sel.cell_selected) as blocker:
        qtbot.mouseClick(d.view.viewport(), Qt.MouseButton.LeftButton, pos=d.edge_point("w2", 1, 0))
    assert blocker.args == ["w2", 1, 0]
    assert d.selected_edge() == ("w2", 1, 0) and d._selected_line.isVisible()
    idx = editor.table("w2").currentIndex()
    assert (idx.row(), idx.column()) == (1, 0)
    assert insp.expansion_text().startswith("d_w2[1,0] = a1[0,1]·d_l2[0,0]")
    # the other way: a cell picked in the weights editor selects that edge
    view = editor.table("w1")
    with qtbot.waitSignal(sel.cell_selected) as blocker:
        view.setCurrentIndex(view.model().index(0, 1))
    assert blocker.args == ["w1", 0, 1]
    assert d.selected_edge() == ("w1", 0, 1)
    line = d._selected_line.line()
    layer = d._layers[0]
    assert line.p1() == layer.midpoint(0, 1, 0.0) and line.p2() == layer.midpoint(0, 1, 1.0)


def test_diagram_nodes_show_the_followed_sample(session, qtbot):
    d = _show(qtbot, DiagramPane(session))
    walk_to(session, "a1")
    session.selection.set_sample(1)
    assert d._nodes[0][1].toolTip() == "sample 1: 1"  # X[1] = (0, 1)
    assert d._nodes[1][0].toolTip().startswith("sample 1: 0.8808")


# ----- gradient check ----------------------------------------------------------------------------------
@pytest.mark.parametrize("name", list(PRESETS))
def test_gradcheck_pane_says_ok_on_every_preset(name, qtbot):
    session = Session(Trainer(*load_preset(name)))
    pane = _show(qtbot, GradcheckPane(session), (900, 300))
    qtbot.waitUntil(lambda: not pane.is_busy(), timeout=30_000)
    with qtbot.waitSignal(pane.finished, timeout=30_000):
        qtbot.mouseClick(pane.run_button, Qt.MouseButton.LeftButton)
    verdicts = pane.verdicts()
    assert set(verdicts) == {"d_" + p for p in session.spec.param_names}
    assert set(verdicts.values()) == {"ok"}
    for r in range(pane.table.rowCount()):
        assert pane.table.item(r, 5).background().color() == C.OK
    assert "gradients agree" in pane.status.text()


# ----- health -------------------------------------------------------------------------------------------
def test_health_pane_reads_the_notebook(session, qtbot):
    pane = _show(qtbot, HealthPane(session), (800, 300))
    with qtbot.waitSignal(pane.refreshed):
        qtbot.mouseClick(pane.refresh_button, Qt.MouseButton.LeftButton)
    texts = visible_texts(pane)
    line = next(t for t in texts if t.startswith("▲ Start loss"))
    assert "start loss 1.833 vs chance 0.6931" in line
    assert any(t.startswith("● Update / weight · w1: ratio") for t in texts)
    assert any(t.startswith("● Saturated units · a1: 0% of sigmoid outputs saturated") for t in texts)
    levels = {r.code: r.level for r in pane.readings()}
    assert levels["start_loss"] == "warn"
    first = pane._rows[0].text()
    assert C.WARN.name() in first
