"""Inside a mini-batch the inspector labels the rows of X and of every per-sample matrix with their data row
numbers ("row 17"), not 0 … n−1, the batch's own positions; so does a transposed Xᵀ above its columns, and the
cell's tooltip. With a split, the training rows are labelled with their data rows too."""

from __future__ import annotations

import pytest

from app.state.session import Session
from app.views.inspector.equation import InspectorPane
from engine.io.presets import load_preset
from engine.training.trainer import Trainer


def shown(qtbot, w, size=(1300, 900)):
    qtbot.addWidget(w)
    w.resize(*size)
    w.show()
    qtbot.waitExposed(w)
    return w


def session_of(preset, fraction=0.0, seed=0, **changes) -> Session:
    spec, data = load_preset(preset)
    if fraction:
        data = data.with_split(fraction, seed)
    return Session(Trainer(spec.with_changes(**changes), data))


def block(pane, label: str):
    return next(b for b in pane.blocks() if b.term.label == label)


def go_to(s: Session, name: str) -> None:
    while s.current_step() is None or s.current_step().name != name:
        s.next_op()


def test_the_rows_of_x_in_a_mini_batch_are_labelled_with_their_data_rows(qtbot):
    s = session_of("notebook-xor", batch_size=2)
    pane = shown(qtbot, InspectorPane(s))
    s.step_batch()  # the first mini-batch: 2 of the 4 rows, in the epoch's order
    s.set_position(0)  # l1 = X @ w1 + b1
    rows = [int(r) for r in s.trace.rows]
    assert len(rows) == 2 and rows != [0, 1]  # (this seed's first batch is not rows 0, 1)
    X = block(pane, "X").canvas
    assert [X.axis_label("row", i) for i in range(2)] == [f"row {r}" for r in rows]
    assert X.values.tolist() == s.data.X[rows].double().tolist()  # the numbers are those rows' too
    l1 = block(pane, "l1").canvas
    assert [l1.axis_label("row", i) for i in range(2)] == [f"row {r}" for r in rows]
    w1 = block(pane, "w1").canvas  # not per-sample: its rows are w1's own 0, 1
    assert [w1.axis_label("row", i) for i in range(2)] == ["0", "1"]
    assert pane._cell_tooltip(0, 1, 0).endswith(f"sample 1: row {rows[1]} of the data")
    # following sample 1: the toolbar says which data row it is
    assert pane.sample_spin.text() == "off"
    s.selection.set_sample(1)
    assert pane.sample_spin.text() == f"1 (row {rows[1]})"
    # the loss: each sample's term says which data row it is
    go_to(s, "loss")
    text = pane.expansion_text()
    assert f"sample 0 (row {rows[0]}): ℓ₀ = " in text and f"sample 1 (row {rows[1]}): ℓ₁ = " in text
    # d_a1 = d_l2 @ w2ᵀ: row i of d_l2 is sample i, data row rows[i]
    go_to(s, "d_a1")
    pane.select_cell(1, 0)
    assert f"Row 1 of d_l2 (sample 1: row {rows[1]} of the data) times row 0 of w2" in pane.expansion_text()
    # the gradient d_w1 = Xᵀ @ d_l1: Xᵀ's columns are the samples, labelled with the same data rows
    go_to(s, "d_w1")
    Xt = next(b for b in pane.blocks() if b.term.transposed)
    assert [Xt.canvas.axis_label("col", i) for i in range(2)] == [str(r) for r in rows]
    assert [Xt.origin.axis_label("row", i) for i in range(2)] == [f"row {r}" for r in rows]
    # the next batch: its own rows
    s.step_batch()
    s.set_position(0)
    nxt = [int(r) for r in s.trace.rows]
    assert sorted(rows + nxt) == [0, 1, 2, 3]
    assert [block(pane, "X").canvas.axis_label("row", i) for i in range(2)] == [f"row {r}" for r in nxt]
    assert pane.sample_spin.text() == f"1 (row {nxt[1]})"  # still sample 1 of the batch: its new data row


def test_without_mini_batches_rows_are_numbered_as_before(qtbot):
    s = session_of("notebook-xor")
    pane = shown(qtbot, InspectorPane(s))
    s.next_op()
    X = block(pane, "X").canvas
    assert [X.axis_label("row", i) for i in range(4)] == ["0", "1", "2", "3"]
    assert pane._cell_tooltip(0, 2, 1).endswith("\nsample 2")
    s.selection.set_sample(2)
    assert pane.sample_spin.text() == "2"
    go_to(s, "loss")
    assert "sample 3: ℓ₃ = " in pane.expansion_text() and "(row 3)" not in pane.expansion_text()


def test_a_splits_training_rows_are_labelled_with_their_data_rows(qtbot):
    s = session_of("notebook-xor", 0.25, 0)
    pane = shown(qtbot, InspectorPane(s))
    s.next_op()
    train = [int(r) for r in s.data.train_index]
    assert len(train) == 3 and train != [0, 1, 2]
    X = block(pane, "X").canvas
    assert [X.axis_label("row", i) for i in range(3)] == [f"row {r}" for r in train]


@pytest.mark.parametrize("lang, label", [("ko", "{n}행")])
def test_in_korean(qtbot, lang, label):
    from PySide6.QtWidgets import QApplication

    from app.i18n import install_translator

    assert install_translator(QApplication.instance(), lang)
    try:
        s = session_of("notebook-xor", batch_size=2)
        pane = shown(qtbot, InspectorPane(s))
        s.step_batch()
        s.set_position(0)
        rows = [int(r) for r in s.trace.rows]
        assert block(pane, "X").canvas.axis_label("row", 0) == label.format(n=rows[0])
    finally:
        install_translator(QApplication.instance(), "en")


def test_a_heat_map_of_a_batch_of_32_has_its_data_rows_beside_it(qtbot):
    """32 rows are drawn as a heat map (Auto): the rows keep a gutter with their data rows, as often as the
    text fits; without mini-batches a heat map has no gutter (as before)."""
    s = session_of("spiral", batch_size=32)
    pane = shown(qtbot, InspectorPane(s))
    s.step_batch()
    s.set_position(0)
    rows = [int(r) for r in s.trace.rows]
    X = block(pane, "X").canvas
    assert X._heat and X.values.shape == (32, 2)
    k = X.label_stride()
    assert 1 <= k <= 4
    assert [X.axis_label("row", i) for i in range(0, 32, k)] == [f"row {r}" for r in rows[::k]]
    gutter = X.width() - 2 * X._cw - 3
    assert gutter >= X._sfm.horizontalAdvance(f"row {max(rows)}")
    whole = session_of("spiral")
    pane2 = shown(qtbot, InspectorPane(whole))
    whole.next_op()
    X2 = block(pane2, "X").canvas
    assert X2._heat and X2.width() - 2 * X2._cw - 3 <= 8


def test_the_diagrams_followed_sample_is_named_by_its_data_row_inside_a_mini_batch(qtbot):
    """The diagram's node tooltips said "sample 1" (the batch's position) and showed row 1 of X, not the
    batch's row 1: they name the data row as the inspector does, with that row's inputs."""
    from app.views.inspector.diagram import DiagramPane
    from app.views.inspector.fmt import num

    s = session_of("notebook-xor", batch_size=2)
    d = shown(qtbot, DiagramPane(s), (700, 500))
    s.step_batch()
    go_to(s, "a1")
    row = int(s.trace.rows[1])
    assert row != 1  # (this seed's batch: sample 1 is not data row 1)
    s.selection.set_sample(1)
    x = s.data.X[row]
    assert [e.toolTip() for e in d._nodes[0]] == [f"sample 1 (row {row}): {num(v)}" for v in x.tolist()]
    assert d._nodes[1][0].toolTip().startswith(f"sample 1 (row {row}): ")
    full = session_of("notebook-xor")  # the whole data set in each step: sample n is row n
    d = shown(qtbot, DiagramPane(full), (700, 500))
    full.step_epoch()
    go_to(full, "a1")
    full.selection.set_sample(1)
    assert d._nodes[0][1].toolTip() == "sample 1: 1" and d._nodes[1][0].toolTip().startswith("sample 1: ")
