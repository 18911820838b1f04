"""The topology form's Layers section: one row per hidden layer (units, activation, remove), Add hidden layer,
the output activation and the loss. A mixin of TopologyForm (app/views/topology_form.py), which owns
`_apply`, `_on_field` and `_error_label`."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QPushButton, QSpinBox, QToolButton, QVBoxLayout,
    QWidget,
)

from app import palette
from app.i18n import tr
from engine.core.spec import HIDDEN_ACTIVATIONS, MAX_HIDDEN_LAYERS, MAX_UNITS, Layer


def activation_labels() -> dict[str, str]:
    return {"sigmoid": tr("sigmoid"), "tanh": tr("tanh"), "relu": tr("ReLU"), "leaky_relu": tr("leaky ReLU"),
            "linear": tr("linear"), "softmax": tr("softmax")}


def loss_labels() -> dict[str, str]:
    return {"bce": tr("binary cross-entropy"), "softmax_ce": tr("softmax cross-entropy"),
            "mse": tr("mean squared error")}


def _shrinkable(combo: QComboBox) -> None:
    """Let a combo box get narrower than its longest item (the dock may be narrow)."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(8)


class _HiddenRow(QWidget):
    def __init__(self, index: int, on_change, on_units, on_remove, parent=None):
        super().__init__(parent)
        self.label = QLabel(tr("Layer {k}").format(k=index + 1))
        self.units = QSpinBox()
        self.units.setRange(1, MAX_UNITS)
        self.units.setKeyboardTracking(False)
        self.units.setSuffix(tr(" units"))
        self.units.setAccessibleName(tr("units of hidden layer {k}").format(k=index + 1))
        self.act = QComboBox()
        _shrinkable(self.act)
        for key in HIDDEN_ACTIVATIONS:
            self.act.addItem(activation_labels()[key], key)
        self.remove = QToolButton()
        self.remove.setText("✕")
        self.remove.setToolTip(tr("Remove hidden layer {k}").format(k=index + 1))
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.label)
        lay.addWidget(self.units)
        lay.addWidget(self.act, 1)
        lay.addWidget(self.remove)
        self.units.valueChanged.connect(lambda _v: on_units(index))
        self.act.currentIndexChanged.connect(on_change)
        self.remove.clicked.connect(lambda: on_remove(index))

    def layer(self) -> Layer:
        return Layer(self.units.value(), self.act.currentData())

    def set_layer(self, layer: Layer) -> None:
        self.units.setValue(layer.units)
        self.act.setCurrentIndex(max(0, self.act.findData(layer.activation)))


class LayersSection:
    """The Layers group box and its slots."""

    def _build_network(self) -> QGroupBox:
        box = QGroupBox(tr("Layers"))
        v = QVBoxLayout(box)
        v.setContentsMargins(6, 6, 6, 6)
        v.setSpacing(4)
        self._rows_box = QVBoxLayout()
        self._rows_box.setSpacing(2)
        v.addLayout(self._rows_box)
        self.add_layer = QPushButton(tr("Add hidden layer"))
        self.add_layer.clicked.connect(self._on_add_layer)
        v.addWidget(self.add_layer, 0, Qt.AlignmentFlag.AlignLeft)
        v.addWidget(self._error_label("hidden"))
        self.layers_note = QLabel()  # which explicit starting values were kept, which re-initialised
        self.layers_note.setWordWrap(True)
        palette.style_label(self.layers_note, "muted")  # (a fixed #666 read at 2.4:1 in the dark)
        self.layers_note.hide()
        v.addWidget(self.layers_note)
        f = QFormLayout()
        f.setVerticalSpacing(4)
        self.out_act = QComboBox()
        for key in ("sigmoid", "softmax", "linear"):
            self.out_act.addItem(activation_labels()[key], key)
        self.out_act.currentIndexChanged.connect(self._on_field)
        self.outputs = QLabel()
        self.outputs.setWordWrap(True)
        self.loss = QComboBox()
        for key, text in loss_labels().items():
            self.loss.addItem(text, key)
        self.loss.currentIndexChanged.connect(self._on_field)
        f.addRow(tr("Output activation"), self.out_act)
        f.addRow(tr("Output units"), self.outputs)
        f.addRow(tr("Loss"), self.loss)
        v.addLayout(f)
        v.addWidget(self._error_label("output"))
        return box

    def _rebuild_rows(self) -> None:
        """One row per hidden layer. Rows are added or removed at the end only and the others updated in
        place, so a spin box the learner is holding (its arrow, a drag) is never replaced under the mouse."""
        was = self._syncing
        self._syncing = True
        try:
            while len(self._rows) > len(self._hidden):
                r = self._rows.pop()
                r.setParent(None)
                r.deleteLater()
            while len(self._rows) < len(self._hidden):
                row = _HiddenRow(len(self._rows), self._on_field, self._on_units, self._on_remove_layer)
                self._rows_box.addWidget(row)
                self._rows.append(row)
            for row, layer in zip(self._rows, self._hidden):
                row.set_layer(layer)
        finally:
            self._syncing = was
        self.add_layer.setEnabled(len(self._hidden) < MAX_HIDDEN_LAYERS)

    def _on_units(self, index: int) -> None:
        self._on_field(merge_key=("spec", "units", index))

    def _on_add_layer(self) -> None:
        last = self._rows[-1].layer() if self._rows else Layer(2, "sigmoid")
        self._hidden = [r.layer() for r in self._rows] + [Layer(last.units, last.activation)]
        self._rebuild_rows()
        n = len(self._rows)  # the old output layer n stays the output layer, now n + 1
        self._with_layer_map({**{k: k for k in range(1, n)}, n: n + 1}, tr("Add hidden layer"))

    def _on_remove_layer(self, index: int) -> None:
        n = len(self._rows)  # hidden layers before; layer index + 1 goes, the ones after move down
        self._hidden = [r.layer() for i, r in enumerate(self._rows) if i != index]
        self._rebuild_rows()
        moved = {k: (k if k <= index else k - 1) for k in range(1, n + 2) if k != index + 1}
        self._with_layer_map(moved, tr("Remove hidden layer {k}").format(k=index + 1))

    def _with_layer_map(self, layer_map: dict[int, int], text: str) -> None:
        self._layer_map = layer_map
        try:
            self._apply(text=text)
        finally:
            self._layer_map = None
