"""Ready sessions for tests, benchmarks, screenshots and running a pane alone: the notebook's XOR network
(the default preset) and a 2→64→64→64→3 softmax network on the 3-class spiral (the large case)."""

from __future__ import annotations

from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QLabel, QWidget

from engine.io.datasets import make_dataset
from engine.core.spec import Init, Layer, NetworkSpec
from engine.training.trainer import Trainer

NOTEBOOK_VALUES = {"w1": [[1.0, 1.0], [1.0, 1.0]], "b1": [1.0, 2.0], "w2": [[2.0], [1.0]], "b2": [1.0]}


def notebook_xor_trainer() -> Trainer:
    """The notebook's network, data and starting weights (engine.io.presets when present)."""
    try:
        from engine.io.presets import load_preset
    except ImportError:  # presets not written yet: the notebook's cell In [57] by hand
        spec = NetworkSpec(init=Init("explicit", values=NOTEBOOK_VALUES), lr=0.01, epochs=10000)
        return Trainer(spec, make_dataset("xor"))
    return Trainer(*load_preset("notebook-xor"))


def spiral64_trainer() -> Trainer:
    """2→64→64→64→3 (tanh, softmax) on the 300-point 3-class spiral: the inspector's large benchmark."""
    spec = NetworkSpec(
        inputs=2, hidden=(Layer(64, "tanh"),) * 3, outputs=3, output_activation="softmax", loss="softmax_ce",
        lr=0.5, init=Init("xavier"), epochs=1000,
    )
    return Trainer(spec, make_dataset("spiral", classes=3))


def preset_trainer(name: str) -> Trainer:
    if name == "spiral64":
        return spiral64_trainer()
    if name == "notebook-xor":
        return notebook_xor_trainer()
    from engine.io.presets import load_preset

    return Trainer(*load_preset(name))


def plain(text: str) -> str:
    """The text a label shows (rich text reduced to plain)."""
    if "<" not in text:
        return text
    doc = QTextDocument()
    doc.setHtml(text)
    return doc.toPlainText()


def visible_texts(root: QWidget) -> list[str]:
    """The plain text of every label the learner can see inside `root`."""
    labels = [w for w in root.findChildren(QLabel) if w.isVisibleTo(root) and w.text().strip()]
    return [plain(w.text()).strip() for w in labels]


def go_to(session, name: str, phase: str | None = None) -> None:
    """Walk the session with next_op until the current operation is `name` (within one epoch)."""
    if session.trace is None:
        session.next_op()
    idx = session.trace.step(name, phase).index
    session.set_position(idx)
