"""Ready-made networks with their data: the notebook's XOR exactly as written, and a few that learn.

Each preset is a validated NetworkSpec plus the parameters of a seeded dataset generator
(engine.io.datasets.make_dataset), so loading one always gives bit-identical numbers. The app's preset menu and
the CLI's `--preset NAME` both read `PRESETS`.

Final losses after each preset's own epochs (float32, seed 0; see tests/engine/test_presets.py):
notebook-xor 0.6487 (3 of 4 right: lr 0.01 is slow for those large starting weights), xor-tanh 0.0044,
circle 0.121 (96.5 %), moons 0.0098 (100 %), spiral 0.024 (99 %), sine 0.0116 (the noise floor is 0.01).
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Mapping

from .datasets import Dataset, make_dataset
from engine.core.errors import EngineError
from engine.core.spec import Init, Layer, NetworkSpec

# The notebook's starting values, exactly as its cell In [57] writes them.
NOTEBOOK_VALUES = {
    "w1": [[1.0, 1.0], [1.0, 1.0]],
    "b1": [1.0, 2.0],
    "w2": [[2.0], [1.0]],
    "b2": [1.0],
}


@dataclass(frozen=True, eq=False)
class Preset:
    """A named network and dataset. `data` holds make_dataset's keyword arguments (name, n, noise, seed,
    classes); missing ones take the generator's defaults."""

    name: str
    title: str
    description: str  # one line
    spec: NetworkSpec
    data: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "data", MappingProxyType(dict(self.data)))

    def make_data(self) -> Dataset:
        d = self.data
        return make_dataset(d["name"], d.get("n"), d.get("noise"), d.get("seed", 0), d.get("classes"))

    def load(self) -> tuple[NetworkSpec, Dataset]:
        return self.spec, self.make_data()


def _preset(key: str, title: str, description: str, spec: NetworkSpec, **data) -> Preset:
    return Preset(key, title, description, spec.validate(), data)


_LIST = [
    _preset(
        "notebook-xor",
        "The notebook's XOR",
        "2→2 sigmoid→1 sigmoid, BCE, lr 0.01, 10000 epochs, the notebook's own starting weights",
        NetworkSpec(
            inputs=2,
            hidden=(Layer(2, "sigmoid"),),
            outputs=1,
            output_activation="sigmoid",
            loss="bce",
            lr=0.01,
            init=Init("explicit", values=copy.deepcopy(NOTEBOOK_VALUES)),
            dtype="float32",
            epochs=10000,
        ),
        name="xor",
    ),
    _preset(
        "xor-tanh",
        "XOR that learns",
        "2→4 tanh→1 sigmoid, Xavier start, lr 0.5: solves XOR within 1000 epochs",
        NetworkSpec(2, (Layer(4, "tanh"),), 1, "sigmoid", "bce", lr=0.5, init=Init("xavier"), epochs=1000),
        name="xor",
    ),
    _preset(
        "circle",
        "Circle",
        "200 points, class 1 inside radius 0.5: 2→8 tanh→1 sigmoid, lr 0.5",
        NetworkSpec(2, (Layer(8, "tanh"),), 1, "sigmoid", "bce", lr=0.5, init=Init("xavier"), epochs=2000),
        name="circle",
    ),
    _preset(
        "moons",
        "Two moons",
        "200 points on two interleaving half-moons: 2→8 tanh→1 sigmoid, lr 0.5",
        NetworkSpec(2, (Layer(8, "tanh"),), 1, "sigmoid", "bce", lr=0.5, init=Init("xavier"), epochs=2000),
        name="moons",
    ),
    _preset(
        "spiral",
        "Three-arm spiral",
        "300 points, 3 classes: 2→32→32 ReLU→3 softmax, He start, lr 1",
        NetworkSpec(
            2, (Layer(32, "relu"), Layer(32, "relu")), 3, "softmax", "softmax_ce", lr=1.0, init=Init("he"),
            epochs=2000,
        ),
        name="spiral",
        classes=3,
    ),
    _preset(
        "sine",
        "Sine regression",
        "y = sin(x) + noise, 100 points: 1→16 tanh→1 linear, MSE, lr 0.1",
        NetworkSpec(1, (Layer(16, "tanh"),), 1, "linear", "mse", lr=0.1, init=Init("xavier"), epochs=3000),
        name="sine",
    ),
    _preset(  # a real data set (engine/io/digits.py): 97.8 % training accuracy after its 200 epochs
        "digits",
        "Handwritten digits (8×8)",
        "1797 real 8×8 images of 0–9, 64 inputs: 64→32 tanh→10 softmax, Xavier start, lr 0.5, 200 epochs",
        NetworkSpec(64, (Layer(32, "tanh"),), 10, "softmax", "softmax_ce", lr=0.5, init=Init("xavier"), epochs=200),
        name="digits",
    ),
]

PRESETS: dict[str, Preset] = {p.name: p for p in _LIST}
DEFAULT_PRESET = "notebook-xor"


def get_preset(name: str) -> Preset:
    """The preset called `name`; EngineError("preset", …) naming the known ones otherwise."""
    if not isinstance(name, str) or name not in PRESETS:
        raise EngineError("preset", f"unknown preset {name!r}; known: {', '.join(PRESETS)}")
    return PRESETS[name]


def load_preset(name: str) -> tuple[NetworkSpec, Dataset]:
    """(spec, data) of preset `name`, the data freshly generated (bit-identical every time)."""
    return get_preset(name).load()
