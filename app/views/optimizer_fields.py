"""The topology form's optimizer fields: SGD (with the form's momentum) or Adam, and Adam's β1, β2 and ε.

A mixin of app.views.topology_form.TopologyForm, like its Data and Layers sections: it adds its rows to the
Training box, shows the spec's values, and gives `_form_spec` the optimizer's fields. With Adam the momentum
row is hidden and momentum is 0 (the engine refuses both at once: Adam's β1 is its own running average);
with SGD the β and ε rows are hidden and keep their numbers. A refused value is shown under the optimizer row
(error group "optimizer") and nothing changes.
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel

from app.i18n import tr


def optimizer_labels() -> dict[str, str]:
    return {"sgd": tr("SGD (gradient descent)"), "adam": tr("Adam")}


def _number(text: str):
    s = text.strip().replace("−", "-")
    try:
        return float(s)
    except ValueError:
        return s  # the engine names it


class OptimizerFields:
    """Mixin: needs `self._line(tip)`, `self._error_label(key)`, `self._on_field`, `self.momentum`."""

    def _build_optimizer(self, f: QFormLayout) -> None:
        self.optimizer = QComboBox()
        for key, label in optimizer_labels().items():
            self.optimizer.addItem(label, key)
        self.optimizer.setToolTip(tr("SGD moves every weight by lr × its gradient (with momentum if set); "
                                     "Adam gives every entry its own step size from running averages of the "
                                     "gradient (m) and of its square (v), as torch.optim.Adam"))
        self.optimizer.currentIndexChanged.connect(self._on_field)
        self.beta1 = self._line(tr("Adam's decay of m, the running mean of the gradient (0.9 is usual); "
                                   "from 0 to below 1"))
        self.beta2 = self._line(tr("Adam's decay of v, the running mean of the squared gradient (0.999 is "
                                   "usual); from 0 to below 1"))
        self.eps = self._line(tr("Added to √v_hat so that no step divides by zero (1e-8 is usual)"))
        self._adam_rows = [(QLabel("β1"), self.beta1), (QLabel("β2"), self.beta2), (QLabel("ε"), self.eps)]
        f.addRow(tr("Optimizer"), self.optimizer)
        for label, field in self._adam_rows:
            f.addRow(label, field)
        f.addRow(self._error_label("optimizer"))

    def _show_optimizer(self, spec) -> None:
        """Show the spec's optimizer (called while syncing)."""
        self.optimizer.setCurrentIndex(max(0, self.optimizer.findData(spec.optimizer)))
        self.beta1.setText(f"{spec.beta1:g}")
        self.beta2.setText(f"{spec.beta2:g}")
        self.eps.setText(f"{spec.eps:g}")
        self._optimizer_rows(spec.optimizer)

    def _optimizer_rows(self, optimizer: str) -> None:
        adam = optimizer == "adam"
        for label, field in self._adam_rows:
            label.setVisible(adam)
            field.setVisible(adam)
        self._momentum_label.setVisible(not adam)
        self.momentum.setVisible(not adam)

    def _optimizer_fields(self, spec) -> dict:
        """The NetworkSpec fields the optimizer rows describe (β and ε as the spec had them under SGD)."""
        optimizer = self.optimizer.currentData()
        self._optimizer_rows(optimizer)
        if optimizer != "adam":
            return {"optimizer": optimizer}
        return {"optimizer": "adam", "momentum": 0.0, "beta1": _number(self.beta1.text()),
                "beta2": _number(self.beta2.text()), "eps": _number(self.eps.text())}
