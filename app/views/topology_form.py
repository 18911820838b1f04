"""The topology form: data, layers, loss, initialisation and training settings of the session's network.

Every field edit rebuilds a whole NetworkSpec (and Dataset) from the form and hands it to the engine to
validate. A valid result becomes a SetSpecCommand on the session's undo stack; an invalid one is refused in
place: the engine's message appears in red under the field it names, the form keeps what the learner typed
so they can fix it (or fix another field: softmax output + softmax cross-entropy is two edits), and the
last valid network keeps running. Undo (or any other change of the session) puts the form back in step.

Public API:
    error_text(field="") -> str   the message shown for an error group ("data", "hidden", "output", "lr",
                                  "optimizer", "momentum", "l2", "init"; "" = the first one shown)
    reinitialise()                the "Re-initialise" button: fresh starting parameters from the seed
    ask_csv_path(parent) -> str   module function behind "Import CSV…" (tests monkeypatch it)

Its Data section (generators, Import CSV…, fitting the network to new data) is app/views/topology_data.py, its
Layers section (hidden rows, output activation, loss) app/views/topology_layers.py; both are mixins.

Run on its own: `python -m app.views.topology_form [preset]`.
"""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractSpinBox, QComboBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QScrollArea,
    QSpinBox, QVBoxLayout, QWidget,
)

from app.engine_wording import error_text
from app import palette
from app.i18n import tr
from app.views.topology_data import (  # noqa: F401 (re-exported: they were defined here)
    NOTE_STYLE, DataSection, ask_csv_path, fit_explicit_start, fit_spec_to_data, generator_labels, generator_notes,
    keep_init_fitting, outputs_for, reinit_note,
)
from app.views.optimizer_fields import OptimizerFields
from app.views.topology_layers import (  # noqa: F401 (re-exported: they were defined here)
    LayersSection, _HiddenRow, _shrinkable, activation_labels, loss_labels,
)
from engine.core.errors import EngineError
from engine.core.spec import INIT_KINDS, Init, Layer

MIN_WIDTH = 280  # narrower, the fields stop being readable


def init_labels() -> dict[str, str]:
    return {"xavier": tr("Xavier (Glorot uniform)"), "he": tr("He (normal)"), "uniform": tr("uniform(a, b)"),
            "constant": tr("constant"), "explicit": tr("explicit values")}


def _batch_or_text(text: str):
    """The batch size typed: None when empty (the whole data set), a whole number, or the text as typed (the
    engine's check then says what is wrong with it)."""
    text = text.strip()
    if not text or text == tr("all"):
        return None
    try:
        return int(text)
    except ValueError:
        return text


def _float_or_text(text: str):
    """A float for number text (so 1e-3 works); else the text itself, for the engine to name."""
    s = text.strip().replace("−", "-")
    try:
        return float(s)
    except ValueError:
        return s


class TopologyForm(OptimizerFields, DataSection, LayersSection, QWidget):
    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self._syncing = False
        self._data = session.data  # the data the form shows (a CSV stays here until the spec accepts it)
        self._hidden: list[Layer] = list(session.spec.hidden)
        self._rows: list[_HiddenRow] = []
        self._errors: dict[str, QLabel] = {}
        self._layer_map: dict[int, int] | None = None  # old layer → new layer while a layer is added/removed
        self._refit: tuple = (None, [], [])  # the last _form_spec's (spec, re-initialised, kept)

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
        session.running_changed.connect(self._on_running)
        session.about_to_run.connect(self.commit_pending_edits)
        self._sync()
        self._on_running(session.running)

    # ----- building -------------------------------------------------------------------------------
    def _error_label(self, key: str) -> QLabel:
        lab = QLabel()
        lab.setWordWrap(True)
        palette.style_label(lab, "error")
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
        self._build_optimizer(f)  # SGD or Adam, and Adam's β1, β2, ε (app/views/optimizer_fields.py)
        self._momentum_label = QLabel(tr("Momentum"))
        f.addRow(self._momentum_label, self.momentum)
        f.addRow(self._error_label("momentum"))
        f.addRow(tr("L2"), self.l2)
        f.addRow(self._error_label("l2"))
        self.batch_size = self._line(tr("Rows per step: empty = the whole data set (one step per epoch); 1 = plain "
                                        "SGD; k = mini-batches of k rows, reshuffled every epoch from the seed"))
        self.batch_size.setPlaceholderText(tr("all"))
        f.addRow(tr("Batch size"), self.batch_size)
        f.addRow(self._error_label("batch_size"))
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
            self._show_optimizer(spec)
            self.l2.setText(f"{spec.l2:g}")
            self.batch_size.setText("" if spec.batch_size is None else str(spec.batch_size))
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
        self.layers_note.setText("")
        self.layers_note.hide()
        self._fit_width()

    def _fit_width(self) -> None:
        """Never narrower than the fields need, so the form never scrolls sideways."""
        need = self._body.minimumSizeHint().width() + self._scroll.verticalScrollBar().sizeHint().width() + 4
        self.setMinimumWidth(max(MIN_WIDTH, need))

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
                "batch_size": "batch_size",
                "optimizer": "optimizer", "beta1": "optimizer", "beta2": "optimizer", "eps": "optimizer",
                "init": "init", "seed": "init", "loss": "output", "outputs": "output",
                "output_activation": "output"}.get(f, "data" if f in ("x", "n", "noise", "classes", "file",
                                                                         "generator", "name", "test_fraction",
                                                                         "split_seed") else "output")

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
                "explicit", values={k: v.tolist() for k, v in self.session.params.items()})
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
            batch_size=_batch_or_text(self.batch_size.text()),
        )
        new = dataclasses.replace(new, **self._optimizer_fields(spec))  # with Adam: momentum 0
        new, redone, kept = fit_explicit_start(new, spec, self.session.params, self._layer_map)
        self._refit = (new, redone, kept)
        new.validate()
        new.check_data(data)
        return new

    def _apply(self, data=None, reinit: bool = False, merge_key=None, text: str | None = None) -> None:
        """Validate the form's network for `data` (default: the form's data) and push it if it differs.
        `text` names the undo entry (default: app.state.commands.describe_change)."""
        if self._syncing or self.session.running:
            return  # while training runs the task owns the trainer; the form is disabled then
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
        err = self._push(spec, data, reinit, merge_key, text)
        if err:
            self._set_error("general", err)
        else:
            self._sync()
            fitted, redone, kept = self._refit
            if fitted is spec:  # say which explicit values were kept and which re-initialised, and how
                self.layers_note.setText(reinit_note(spec, redone, kept))
                self.layers_note.setVisible(bool(redone))
                if redone:  # under Add hidden layer, often below the pane's fold: brought into sight
                    QTimer.singleShot(0, self._show_layers_note)

    def _show_layers_note(self) -> None:
        if self.layers_note.isVisible():  # (laid out by now: one turn of the event loop after it was shown)
            self._scroll.ensureWidgetVisible(self.layers_note, 0, 4)

    def _push(self, spec, data, reinit: bool, merge_key=None, text: str | None = None):
        """SetSpecCommand; the parameters are kept when the shapes and the start are the same."""
        from app.state.commands import SetSpecCommand

        s = self.session
        old = s.spec
        keep = not reinit and spec.sizes == old.sizes and spec.init == old.init and spec.seed == old.seed
        params = s.params_copy() if keep else None
        text = tr("Re-initialise") if reinit else text
        return s.try_push(SetSpecCommand(s, spec, data=None if data is s.data else data, params=params,
                                         text=text, merge_key=merge_key))

    # ----- slots --------------------------------------------------------------------------------------
    def _on_field(self, *_, merge_key=None):
        if not self._syncing:
            self._apply(merge_key=merge_key)

    def commit_pending_edits(self) -> None:
        """A value still being typed (no Enter yet) lands now, Run is starting; a wrong one keeps its message."""
        for box in self.findChildren(QAbstractSpinBox):
            box.interpretText()  # (keyboard tracking is off: a typed number waits for Enter or focus out)
        lines = [e for e in self.findChildren(QLineEdit) if not isinstance(e.parent(), QAbstractSpinBox)]
        if any(e.isModified() for e in lines):
            self._on_field()

    def reinitialise(self) -> None:
        """Fresh starting parameters for the form's spec and seed; the history starts again."""
        self._apply(reinit=True)


def main(argv=None) -> int:  # pragma: no cover - manual look
    from app.views.standalone import run

    return run(TopologyForm, (340, 760), argv)


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
