"""The topology form's Data section: the dataset generator and its fields, Import CSV…, the train/test split
(a test fraction and its seed, kept for new data), and the network fitted to new data (inputs from the
features; output and loss when the task changes). A mixin of TopologyForm (app/views/topology_form.py), which
owns `_apply`, `_set_error` and the other sections' widgets."""

from __future__ import annotations

import dataclasses

from PySide6.QtWidgets import QComboBox, QDoubleSpinBox, QGroupBox, QLabel, QPushButton, QSpinBox

from app.engine_wording import error_line
from app import palette
from app.i18n import tr
from engine.io.csvdata import load_csv
from engine.io.datasets import GENERATORS, MAX_N, MAX_NOISE, make_dataset
from engine.core.errors import EngineError, SpecError
from engine.core.spec import Init

NOTE_STYLE = "color: #666;"


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


def outputs_for(data, loss: str) -> int:
    """Output units the task asks for: K classes, T targets, 1 for binary (2 with softmax)."""
    if data.task == "binary":
        return 2 if loss == "softmax_ce" else 1
    return data.n_targets


def fit_spec_to_data(spec, data):
    """The spec adapted to new data: inputs from the features; output and loss changed only when the
    task needs it. Explicit starting values that no longer fit become Xavier values. May raise SpecError."""
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


def keep_init_fitting(new, old, current=None, layer_map=None):
    """`new` with an explicit start that fits its shapes (see fit_explicit_start); other specs unchanged."""
    return fit_explicit_start(new, old, current, layer_map)[0]


def fit_explicit_start(new, old, current=None, layer_map=None):
    """When `new` changes the shapes of an explicit-start spec, keep every value whose shape still fits and
    start the others from Xavier (Glorot uniform) values drawn with the spec's seed.

    current: {name: tensor} to keep from (default: the old spec's explicit values); layer_map: {old layer k:
    new layer k} (default: hidden layers by position, the output layer to the output layer), so adding a
    hidden layer keeps the output layer's values. Returns (spec, names re-initialised, names kept).
    """
    if new.init.kind != "explicit" or new.sizes == old.sizes:
        return new, [], []
    from engine.core.init import init_params

    if current is None:
        current = old.init.values or {}
    if layer_map is None:
        layer_map = {k: k for k in range(1, min(old.depth, new.depth))}
        layer_map[old.depth] = new.depth
    back = {v: k for k, v in layer_map.items()}
    fresh = init_params(dataclasses.replace(new, init=Init("xavier")))
    values, redone, kept = {}, [], []
    for name in new.param_names:
        k_old = back.get(int(name[1:]))
        value = None if k_old is None else current.get(f"{name[0]}{k_old}")
        if value is not None and _shape(value) == new.param_shape(name):
            values[name] = value.tolist() if hasattr(value, "tolist") else value
            kept.append(name)
        else:
            values[name] = fresh[name].tolist()
            redone.append(name)
    return dataclasses.replace(new, init=Init("explicit", values=values)), redone, kept


def _shape(value) -> tuple:
    import torch

    return tuple(torch.as_tensor(value).shape)


def reinit_note(spec, redone: list[str], kept: list[str]) -> str:
    """What fit_explicit_start did, in words, for the note under the layers ("" when it kept everything)."""
    if not redone:
        return ""
    names = ", ".join(redone)
    if not kept:
        return tr("Re-initialised every parameter ({names}) with Xavier (Glorot uniform) values, seed {seed}: "
                  "none of the old shapes fits.").format(names=names, seed=spec.seed)
    return tr("Kept {kept}. Re-initialised {names} with Xavier (Glorot uniform) values, seed {seed}: their "
              "shapes changed.").format(kept=", ".join(kept), names=names, seed=spec.seed)


def ask_csv_path(parent=None) -> str:
    """The CSV file the learner picks ("" when cancelled), through the shell's dialog layer
    (`app.dialogs.ask`, which tests monkeypatch)."""
    from app import dialogs

    return dialogs.ask("open", parent, title=tr("Import CSV"),
                       filter=tr("CSV files (*.csv *.tsv *.txt);;All files (*)")) or ""


class DataSection:
    """The Data group box and its slots."""

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
        palette.style_label(self.data_note, "muted")
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
        self.test_fraction = QDoubleSpinBox()
        self.test_fraction.setRange(0.0, 0.95)
        self.test_fraction.setDecimals(2)
        self.test_fraction.setSingleStep(0.05)
        self.test_fraction.setSpecialValueText(tr("none"))
        self.test_fraction.setKeyboardTracking(False)
        self.test_fraction.setToolTip(tr("The share of the points held out as a test set: the network never "
                                         "trains on them, and the loss pane shows its loss on them"))
        self.split_seed = QSpinBox()
        self.split_seed.setRange(0, 2**31 - 1)
        self.split_seed.setKeyboardTracking(False)
        self.split_seed.setToolTip(tr("Which points the test set holds (the same seed, the same points)"))
        for w in (self.test_fraction, self.split_seed):
            w.valueChanged.connect(self._on_split)
        self.split_note = QLabel()
        self.split_note.setWordWrap(True)
        palette.style_label(self.split_note, "muted")
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
        f.addRow(tr("Test fraction"), self.test_fraction)
        self._split_seed_label = QLabel(tr("Split seed"))
        f.addRow(self._split_seed_label, self.split_seed)
        f.addRow(self.split_note)
        f.addRow(self._error_label("data"))
        f.addRow(tr("Inputs"), self.inputs)
        return box

    def _show_data(self, data) -> None:
        src = data.source
        gen = src.get("generator")
        real = gen is not None and gen not in GENERATORS  # issue 12 item 7 (hook): a real data set (digits)
        gen = None if real else gen
        # an extra first item names data that did not come from a generator (CSV, edited points)
        while self.generator.count() > len(GENERATORS):
            self.generator.removeItem(0)
        if real:
            self.generator.insertItem(0, tr("{name}: {n} real images").format(name=data.name, n=data.n_samples))
            self.generator.setCurrentIndex(0)
            self.data_note.setText(tr("a real data set (resources/data); pick a generator to leave it"))
            self.n.setValue(data.n_samples)
        elif gen is None:
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
        self._show_split(data)
        task = {"binary": tr("binary classes"), "multiclass": tr("{k} classes").format(k=data.n_classes),
                "regression": tr("regression")}[data.task]
        self.inputs.setText(tr("{f} (from the data: {n} points, {task})").format(
            f=data.n_features, n=data.n_samples, task=task))

    def _show_split(self, data) -> None:
        self.test_fraction.setValue(data.test_fraction)
        self.split_seed.setValue(min(data.split_seed, self.split_seed.maximum()))
        split = data.n_test > 0
        self.split_seed.setVisible(split)
        self._split_seed_label.setVisible(split)
        self.split_note.setVisible(split)
        if split:
            self.split_note.setText(tr("{train} points to train on; {test} held out for testing, drawn hollow on "
                                       "the decision boundary").format(train=data.n_samples - data.n_test,
                                                                       test=data.n_test))

    def _with_split(self, data):
        """`data` with the form's test fraction and seed, or None (the refusal shown) when they do not fit it."""
        f, seed = self.test_fraction.value(), self.split_seed.value()
        if (f, seed) == (data.test_fraction, data.split_seed):
            return data
        try:
            return data.with_split(f, seed)
        except EngineError as e:
            self._show_engine_error(e)
            return None

    def _on_split(self, *_):
        if self._syncing:
            return
        data = self._with_split(self._data)
        if data is not None and data is not self._data:  # (refused: the message shows, the value stays)
            self._apply(data, merge_key=("data", "split"), text=tr("Set test split"))

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
        """New data: fit the form's network to it (inputs, outputs, and the loss if the task changed), with the
        form's train/test split."""
        data = self._with_split(data)
        if data is None:
            return
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
