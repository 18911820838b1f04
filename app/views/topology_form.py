"""The topology form: data, layers, loss, initialisation and training settings of the session's network.

Every field edit rebuilds a whole NetworkSpec (and Dataset) from the form and hands it to the engine to
validate. A valid result becomes a SetSpecCommand on the session's undo stack; an invalid one is refused in
place: the engine's message appears in red under the field it names, the form keeps what the learner typed
so they can fix it (or fix another field: softmax output + softmax cross-entropy is two edits), and the
last valid network keeps running. Undo (or any other change of the session) puts the form back in step.

Public API:
    error_text(field="") -> str   the message shown for an error group ("data", "hidden", "output", "lr",
                                  "momentum", "l2", "init"; "" = the first one shown)
    reinitialise()                the "Re-initialise" button: fresh starting parameters from the seed
    ask_csv_path(parent) -> str   module function behind "Import CSV…" (tests monkeypatch it)

Run on its own: `python -m app.views.topology_form [preset]`.
"""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QComboBox, QDoubleSpinBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPushButton,
    QScrollArea, QSpinBox, QToolButton, QVBoxLayout, QWidget,
)

from app.engine_wording import error_line, error_text
from app.i18n import tr
from engine.datasets import GENERATORS, MAX_N, MAX_NOISE, load_csv, make_dataset
from engine.errors import EngineError, SpecError
from engine.spec import HIDDEN_ACTIVATIONS, INIT_KINDS, MAX_HIDDEN_LAYERS, MAX_UNITS, Init, Layer

ERROR_STYLE = "color: #b2182b;"
MIN_WIDTH = 280  # narrower, the fields stop being readable
NOTE_STYLE = "color: #666;"


def ask_csv_path(parent=None) -> str:
    """The CSV file the learner picks ("" when cancelled), through the shell's dialog layer
    (`app.dialogs.ask`, which tests monkeypatch)."""
    from app import dialogs

    return dialogs.ask("open", parent, title=tr("Import CSV"),
                       filter=tr("CSV files (*.csv *.tsv *.txt);;All files (*)")) or ""


def generator_labels() -> dict[str, str]:
    return {"xor": tr("XOR"), "and": tr("AND"), "or": tr("OR"), "circle": tr("circle"),
            "moons": tr("two moons"), "spiral": tr("spiral"), "blobs": tr("blobs"),
            "sine": tr("sine (regression)")}


def generator_notes() -> dict[str, str]:
    return {
        "xor": tr("XOR of two bits: the notebook's 4 points (more points repeat them)"),
        "and": tr("AND of two bits: 4 corner points, linearly separable"),
        "or": tr("OR of two bits: 4 corner points, linearly separable"),
        "circle": tr("points in a disc of radius 1; class 1 inside radius 0.5"),
        "moons": tr("two interleaving half-moons"),
        "spiral": tr("one spiral arm per class (noise jitters the angle)"),
        "blobs": tr("Gaussian blobs on a circle of radius 2, one per class"),
        "sine": tr("y = sin(x) + noise, x uniform in [-3, 3]"),
    }


def activation_labels() -> dict[str, str]:
    return {"sigmoid": tr("sigmoid"), "tanh": tr("tanh"), "relu": tr("ReLU"), "leaky_relu": tr("leaky ReLU"),
            "linear": tr("linear"), "softmax": tr("softmax")}


def loss_labels() -> dict[str, str]:
    return {"bce": tr("binary cross-entropy"), "softmax_ce": tr("softmax cross-entropy"),
            "mse": tr("mean squared error")}


def init_labels() -> dict[str, str]:
    return {"xavier": tr("Xavier (Glorot uniform)"), "he": tr("He (normal)"), "uniform": tr("uniform(a, b)"),
            "constant": tr("constant"), "explicit": tr("explicit values")}


def outputs_for(data, loss: str) -> int:
    """Output units the task asks for: K classes, T targets, 1 for binary (2 with softmax)."""
    if data.task == "binary":
        return 2 if loss == "softmax_ce" else 1
    return data.n_targets


def fit_spec_to_data(spec, data):
    """The spec adapted to new data: inputs from the features; output and loss changed only when the
    task needs it. Explicit starting values that no longer fit become Xavier. May raise SpecError."""
    ch: dict = {"inputs": data.n_features}
    out, loss = spec.output_activation, spec.loss
    if data.task == "regression" and loss != "mse":
        out, loss = "linear", "mse"
    elif data.task == "multiclass":
        out, loss = "softmax", "softmax_ce"
    elif data.task == "binary" and loss == "mse":
        out, loss = "sigmoid", "bce"
    ch.update(output_activation=out, loss=loss, outputs=outputs_for(data, loss))
    new = dataclasses.replace(spec, **ch)
    return keep_init_fitting(new, spec)


def keep_init_fitting(new, old):
    """If `new` changed the shapes of an explicit-start spec, start it from Xavier instead."""
    if new.init.kind == "explicit" and new.sizes != old.sizes:
        new = dataclasses.replace(new, init=Init("xavier"))
    return new


def _shrinkable(combo: QComboBox) -> None:
    """Let a combo box get narrower than its longest item (the dock may be narrow)."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(8)


def _float_or_text(text: str):
    """A float for number text (so 1e-3 works); else the text itself, for the engine to name."""
    s = text.strip().replace("−", "-")
    try:
        return float(s)
    except ValueError:
        return s


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


class TopologyForm(QWidget):
    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self._syncing = False
        self._data = session.data  # the data the form shows (a CSV stays here until the spec accepts it)
        self._hidden: list[Layer] = list(session.spec.hidden)
        self._rows: list[_HiddenRow] = []
        self._errors: dict[str, QLabel] = {}

        body = QWidget()
        col = QVBoxLayout(body)
        col.setContentsMargins(4, 4, 4, 4)
        col.setSpacing(6)
        col.addWidget(self._error_label("general"))
        col.addWidget(self._build_data())
        col.addWidget(self._build_network())
        col.addWidget(self._build_training())
        col.addWidget(self._build_init())
        col.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        scroll.setWidget(body)
        self._body = body
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(scroll)

        for combo in self.findChildren(QComboBox):
            _shrinkable(combo)
        self._scroll = scroll

        session.network_changed.connect(self._sync)
        if hasattr(session, "running_changed"):
            session.running_changed.connect(self._on_running)
        self._sync()
        self._on_running(bool(getattr(session, "running", False)))

    # ----- building -------------------------------------------------------------------------------
    def _error_label(self, key: str) -> QLabel:
        lab = QLabel()
        lab.setWordWrap(True)
        lab.setStyleSheet(ERROR_STYLE)
        lab.hide()
        self._errors[key] = lab
        return lab

    @staticmethod
    def _form(box: QGroupBox) -> QFormLayout:
        f = QFormLayout(box)
        f.setContentsMargins(6, 6, 6, 6)
        f.setVerticalSpacing(4)
        f.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        f.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        return f

    def _build_data(self) -> QGroupBox:
        box = QGroupBox(tr("Data"))
        f = self._form(box)
        self.generator = QComboBox()
        names = generator_labels()
        for name in GENERATORS:
            self.generator.addItem(names.get(name, name), name)
        self.generator.currentIndexChanged.connect(self._on_generator)
        self.data_note = QLabel()
        self.data_note.setWordWrap(True)
        self.data_note.setStyleSheet(NOTE_STYLE)
        self.n = QSpinBox()
        self.n.setRange(1, MAX_N)
        self.n.setKeyboardTracking(False)
        self.noise = QDoubleSpinBox()
        self.noise.setRange(0.0, MAX_NOISE)
        self.noise.setDecimals(3)
        self.noise.setSingleStep(0.05)
        self.noise.setKeyboardTracking(False)
        self.data_seed = QSpinBox()
        self.data_seed.setRange(0, 2**31 - 1)
        self.data_seed.setKeyboardTracking(False)
        self.classes = QSpinBox()
        self.classes.setRange(2, 8)
        self.classes.setKeyboardTracking(False)
        fields = (("n", self.n), ("noise", self.noise), ("seed", self.data_seed), ("classes", self.classes))
        for key, w in fields:
            w.valueChanged.connect(lambda _v, key=key: self._on_data_field(merge_key=("data", key)))
        self.import_csv = QPushButton(tr("Import CSV…"))
        self.import_csv.clicked.connect(self._on_import)
        self.inputs = QLabel()
        self.inputs.setWordWrap(True)
        f.addRow(tr("Dataset"), self.generator)
        f.addRow(self.data_note)
        f.addRow(tr("Points"), self.n)
        f.addRow(tr("Noise"), self.noise)
        f.addRow(tr("Data seed"), self.data_seed)
        self._classes_label = QLabel(tr("Classes"))
        f.addRow(self._classes_label, self.classes)
        f.addRow(self.import_csv)
        f.addRow(self._error_label("data"))
        f.addRow(tr("Inputs"), self.inputs)
        return box

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

    def _line(self, tip: str) -> QLineEdit:
        e = QLineEdit()
        e.setToolTip(tip)
        e.editingFinished.connect(self._on_field)
        return e

    def _build_training(self) -> QGroupBox:
        box = QGroupBox(tr("Training"))
        f = self._form(box)
        self.lr = self._line(tr("Step size of gradient descent; scientific notation works (1e-3)"))
        self.momentum = self._line(tr("0 = plain gradient descent; 0.9 is common; must be below 1"))
        self.l2 = self._line(tr("Weight decay strength: adds (l2/2)·Σ‖w‖² to the loss; 0 = off"))
        f.addRow(tr("Learning rate"), self.lr)
        f.addRow(self._error_label("lr"))
        f.addRow(tr("Momentum"), self.momentum)
        f.addRow(self._error_label("momentum"))
        f.addRow(tr("L2"), self.l2)
        f.addRow(self._error_label("l2"))
        return box

    def _build_init(self) -> QGroupBox:
        box = QGroupBox(tr("Starting weights"))
        f = self._form(box)
        self.init_kind = QComboBox()
        for key in INIT_KINDS:
            self.init_kind.addItem(init_labels()[key], key)
        self.init_kind.currentIndexChanged.connect(self._on_field)
        self.init_a = self._line(tr("Lower end a of uniform(a, b)"))
        self.init_b = self._line(tr("Upper end b of uniform(a, b)"))
        self.init_value = self._line(tr("Every weight and bias starts at this value"))
        self.init_seed = QSpinBox()
        self.init_seed.setRange(0, 2**31 - 1)
        self.init_seed.setKeyboardTracking(False)
        self.init_seed.valueChanged.connect(lambda _v: self._on_field(merge_key=("spec", "seed")))
        self.reinit = QPushButton(tr("Re-initialise"))
        self.reinit.setToolTip(tr("Start again from fresh starting weights (epoch 0)"))
        self.reinit.clicked.connect(self.reinitialise)
        ab = QHBoxLayout()
        ab.addWidget(QLabel("a"))
        ab.addWidget(self.init_a)
        ab.addWidget(QLabel("b"))
        ab.addWidget(self.init_b)
        self._ab = QWidget()
        self._ab.setLayout(ab)
        ab.setContentsMargins(0, 0, 0, 0)
        self._ab_label = QLabel(tr("Range"))
        self._value_label = QLabel(tr("Value"))
        f.addRow(tr("Kind"), self.init_kind)
        f.addRow(self._ab_label, self._ab)
        f.addRow(self._value_label, self.init_value)
        f.addRow(tr("Seed"), self.init_seed)
        f.addRow(self.reinit)
        f.addRow(self._error_label("init"))
        return box

    def sizeHint(self):
        return QSize(360, 760)

    def _on_running(self, running: bool) -> None:
        self._body.setEnabled(not running)  # the scroll bar stays usable

    # ----- session → form -------------------------------------------------------------------------
    def _sync(self) -> None:
        """Show the session's spec and data (after any change, including undo); clears messages."""
        s = self.session
        spec, data = s.spec, s.data
        self._data = data
        self._hidden = list(spec.hidden)
        self._syncing = True
        try:
            self._show_data(data)
            self._rebuild_rows()
            self.out_act.setCurrentIndex(max(0, self.out_act.findData(spec.output_activation)))
            self.loss.setCurrentIndex(max(0, self.loss.findData(spec.loss)))
            self.outputs.setText(tr("{n} (from the task)").format(n=spec.outputs))
            self.lr.setText(f"{spec.lr:g}")
            self.momentum.setText(f"{spec.momentum:g}")
            self.l2.setText(f"{spec.l2:g}")
            init = spec.init
            self.init_kind.setCurrentIndex(max(0, self.init_kind.findData(init.kind)))
            self.init_a.setText(f"{init.low:g}")
            self.init_b.setText(f"{init.high:g}")
            self.init_value.setText(f"{init.value:g}")
            self.init_seed.setValue(min(spec.seed, self.init_seed.maximum()))
            self._show_init_fields(init.kind)
        finally:
            self._syncing = False
        for key in self._errors:
            self._set_error(key, "")
        self._fit_width()

    def _fit_width(self) -> None:
        """Never narrower than the fields need, so the form never scrolls sideways."""
        need = self._body.minimumSizeHint().width() + self._scroll.verticalScrollBar().sizeHint().width() + 4
        self.setMinimumWidth(max(MIN_WIDTH, need))

    def _show_data(self, data) -> None:
        src = data.source
        gen = src.get("generator")
        # an extra first item names data that did not come from a generator (CSV, edited points)
        while self.generator.count() > len(GENERATORS):
            self.generator.removeItem(0)
        if gen is None:
            origin = src.get("from") or {}
            if "csv" in src or "csv" in origin:
                label = tr("CSV: {name}").format(name=data.name or "file")
            else:
                label = tr("your points")
            self.generator.insertItem(0, label, None)
            self.generator.setCurrentIndex(0)
            self.data_note.setText(tr("{n} points you added, removed or imported; pick a generator to start "
                                      "over").format(n=data.n_samples))
        else:
            self.generator.setCurrentIndex(self.generator.findData(gen))
            self.data_note.setText(generator_notes().get(gen, GENERATORS[gen]["description"]))
            self.n.setValue(src.get("n") or data.n_samples)
            self.noise.setValue(src.get("noise") or 0.0)
            self.data_seed.setValue(min(src.get("seed") or 0, self.data_seed.maximum()))
            if src.get("classes"):
                self.classes.setValue(src["classes"])
        gen_fields = gen is not None
        for w in (self.n, self.noise, self.data_seed):
            w.setEnabled(gen_fields)
        has_classes = gen_fields and GENERATORS[gen]["classes"] is not None
        self.classes.setVisible(has_classes)
        self._classes_label.setVisible(has_classes)
        task = {"binary": tr("binary classes"), "multiclass": tr("{k} classes").format(k=data.n_classes),
                "regression": tr("regression")}[data.task]
        self.inputs.setText(tr("{f} (from the data: {n} points, {task})").format(
            f=data.n_features, n=data.n_samples, task=task))

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

    def _show_init_fields(self, kind: str) -> None:
        self._ab.setVisible(kind == "uniform")
        self._ab_label.setVisible(kind == "uniform")
        self.init_value.setVisible(kind == "constant")
        self._value_label.setVisible(kind == "constant")

    # ----- messages ---------------------------------------------------------------------------------
    def _set_error(self, key: str, text: str) -> None:
        lab = self._errors[key]
        lab.setText(text)
        lab.setVisible(bool(text))

    def error_text(self, key: str = "") -> str:
        if key:
            return self._errors[key].text()
        return next((lab.text() for lab in self._errors.values() if lab.text()), "")

    @staticmethod
    def _error_key(field: str) -> str:
        f = field.split(".")[0].split("[")[0]
        return {"lr": "lr", "momentum": "momentum", "l2": "l2", "hidden": "hidden", "inputs": "data",
                "init": "init", "seed": "init", "loss": "output", "outputs": "output",
                "output_activation": "output"}.get(f, "data" if f in ("x", "n", "noise", "classes", "file",
                                                                         "generator", "name") else "output")

    def _show_engine_error(self, e: EngineError) -> None:
        for key in self._errors:
            self._set_error(key, "")
        self._set_error(self._error_key(e.field), error_text(e))

    # ----- form → session ---------------------------------------------------------------------------
    def _form_spec(self, data):
        """The NetworkSpec the form describes for `data`; raises SpecError with the engine's words."""
        spec = self.session.spec
        hidden = tuple(r.layer() for r in self._rows)
        loss = self.loss.currentData()
        kind = self.init_kind.currentData()
        if kind == "explicit":
            init = spec.init if spec.init.kind == "explicit" else Init(
                "explicit", values={k: v.tolist() for k, v in self.session.trainer.params.items()})
        else:  # only the fields this kind shows are read; the others keep the spec's numbers
            uniform, constant = kind == "uniform", kind == "constant"
            init = Init(kind,
                        low=_float_or_text(self.init_a.text()) if uniform else spec.init.low,
                        high=_float_or_text(self.init_b.text()) if uniform else spec.init.high,
                        value=_float_or_text(self.init_value.text()) if constant else spec.init.value)
        new = dataclasses.replace(
            spec, inputs=data.n_features, hidden=hidden, outputs=outputs_for(data, loss),
            output_activation=self.out_act.currentData(), loss=loss,
            lr=_float_or_text(self.lr.text()), momentum=_float_or_text(self.momentum.text()),
            l2=_float_or_text(self.l2.text()), init=init, seed=self.init_seed.value(),
        )
        new = keep_init_fitting(new, spec)
        new.validate()
        new.check_data(data)
        return new

    def _apply(self, data=None, reinit: bool = False, merge_key=None) -> None:
        """Validate the form's network for `data` (default: the form's data) and push it if it differs."""
        if self._syncing or getattr(self.session, "running", False):
            return  # while training runs the worker owns the trainer; the form is disabled then
        data = self._data if data is None else data
        self._show_init_fields(self.init_kind.currentData())
        try:
            spec = self._form_spec(data)
        except EngineError as e:
            self._show_engine_error(e)
            return
        s = self.session
        if not reinit and spec == s.spec and data is s.data:
            for key in self._errors:
                self._set_error(key, "")
            return
        err = self._push(spec, data, reinit, merge_key)
        if err:
            self._set_error("general", err)
        else:
            self._sync()

    def _push(self, spec, data, reinit: bool, merge_key=None):
        """SetSpecCommand; the parameters are kept when the shapes and the start are the same."""
        from app.commands import SetSpecCommand

        s = self.session
        old = s.spec
        keep = not reinit and spec.sizes == old.sizes and spec.init == old.init and spec.seed == old.seed
        params = s.trainer.params_copy() if keep else None
        text = tr("Re-initialise") if reinit else None
        return s.try_push(SetSpecCommand(s, spec, data=None if data is s.data else data, params=params,
                                         text=text, merge_key=merge_key))

    # ----- slots --------------------------------------------------------------------------------------
    def _on_field(self, *_, merge_key=None):
        if not self._syncing:
            self._apply(merge_key=merge_key)

    def _on_units(self, index: int) -> None:
        self._on_field(merge_key=("spec", "units", index))

    def _on_generator(self, *_):
        if self._syncing:
            return
        name = self.generator.currentData()
        if name is None:  # the "CSV / your points" entry: back to the session's own data
            self._data = self.session.data
            self._apply()
            return
        info = GENERATORS[name]
        self._syncing = True
        try:
            self.n.setValue(info["default_n"])
            self.noise.setValue(info["default_noise"])
            if info["classes"]:
                self.classes.setValue(info["classes"])
        finally:
            self._syncing = False
        self._on_data_field()

    def _on_data_field(self, *_, merge_key=None):
        if self._syncing:
            return
        name = self.generator.currentData()
        if name is None:
            return
        classes = self.classes.value() if GENERATORS[name]["classes"] is not None else None
        try:
            data = make_dataset(name, self.n.value(), self.noise.value(), self.data_seed.value(), classes)
        except EngineError as e:
            self._show_engine_error(e)
            return
        self._adopt_data(data, merge_key)

    def _adopt_data(self, data, merge_key=None) -> None:
        """New data: fit the form's network to it (inputs, outputs, and the loss if the task changed)."""
        self._data = data
        try:
            fitted = fit_spec_to_data(self.session.spec, data)
        except SpecError as e:
            self._show_engine_error(e)
            return
        self._syncing = True
        try:
            self.out_act.setCurrentIndex(max(0, self.out_act.findData(fitted.output_activation)))
            self.loss.setCurrentIndex(max(0, self.loss.findData(fitted.loss)))
            self.init_kind.setCurrentIndex(max(0, self.init_kind.findData(fitted.init.kind)))
        finally:
            self._syncing = False
        self._apply(data, merge_key=merge_key)
        if self.session.data is not data:  # refused: keep showing what was asked for, with the message
            self.inputs.setText(tr("{f} (from the data: {n} points)").format(
                f=data.n_features, n=data.n_samples))

    def _on_import(self) -> None:
        path = ask_csv_path(self)
        if not path:
            return
        try:
            data = load_csv(path)
        except EngineError as e:
            self._set_error("data", error_line(e))
            return
        self._adopt_data(data)

    def _on_add_layer(self) -> None:
        last = self._rows[-1].layer() if self._rows else Layer(2, "sigmoid")
        self._hidden = [r.layer() for r in self._rows] + [Layer(last.units, last.activation)]
        self._rebuild_rows()
        self._apply()

    def _on_remove_layer(self, index: int) -> None:
        self._hidden = [r.layer() for i, r in enumerate(self._rows) if i != index]
        self._rebuild_rows()
        self._apply()

    def reinitialise(self) -> None:
        """Fresh starting parameters for the form's spec and seed; the history starts again."""
        self._apply(reinit=True)


def main(argv=None) -> int:  # pragma: no cover - manual look
    import sys

    from PySide6.QtWidgets import QApplication

    from app.session import Session
    from engine.presets import load_preset
    from engine.trainer import Trainer

    argv = sys.argv[1:] if argv is None else argv
    app = QApplication.instance() or QApplication([])
    spec, data = load_preset(argv[0] if argv else "notebook-xor")
    w = TopologyForm(Session(Trainer(spec, data)))
    w.resize(340, 760)
    w.show()
    return app.exec()


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
