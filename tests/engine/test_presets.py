"""Presets: notebook-xor is exactly the learner's notebook; every preset trains and visibly improves."""

import math

import pytest
import torch

from engine.core.errors import EngineError
from engine.io.presets import DEFAULT_PRESET, PRESETS, get_preset, load_preset
from engine.training.trainer import Trainer


@pytest.fixture(autouse=True, scope="module")
def _one_thread():
    """Tiny matrices gain nothing from intra-op threads, and on shared cores they spin-wait: 20× slower."""
    n = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(n)


def test_notebook_xor_is_exactly_the_notebook():
    spec, data = load_preset("notebook-xor")
    # In [57]: X = [[0,0],[0,1],[1,0],[1,1]], y = [[0],[1],[1],[0]]
    assert data.X.tolist() == [[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]]
    assert data.y.tolist() == [0, 1, 1, 0]
    assert data.task == "binary" and data.n_samples == 4
    # two sigmoid hidden units, a sigmoid output, binary cross-entropy
    assert spec.sizes == [2, 2, 1]
    assert spec.activations == ["sigmoid", "sigmoid"]
    assert spec.loss == "bce"
    # In [59]: EPOCH = 10000, lr = 0.01; torch.Tensor is float32
    assert spec.lr == 0.01 and spec.epochs == 10000 and spec.dtype == "float32"
    assert spec.momentum == 0.0 and spec.l2 == 0.0
    # the notebook's own starting weights
    params = Trainer(spec, data).params
    expected = {
        "w1": torch.tensor([[1, 1], [1, 1]], dtype=torch.float32),
        "b1": torch.tensor([1, 2], dtype=torch.float32),
        "w2": torch.tensor([[2], [1]], dtype=torch.float32),
        "b2": torch.tensor([1], dtype=torch.float32),
    }
    assert list(params) == list(expected)
    for name, value in expected.items():
        assert params[name].dtype == torch.float32
        assert torch.equal(params[name], value), name
    assert DEFAULT_PRESET == "notebook-xor"


def test_notebook_xor_first_loss_is_the_correct_bce_of_the_notebook_forward_pass():
    spec, data = load_preset("notebook-xor")
    X = torch.tensor([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=torch.float64)
    y = torch.tensor([[0], [1], [1], [0]], dtype=torch.float64)
    a1 = torch.sigmoid(X @ torch.tensor([[1.0, 1], [1, 1]], dtype=torch.float64) + torch.tensor([1.0, 2]))
    y_pred = torch.sigmoid(a1 @ torch.tensor([[2.0], [1]], dtype=torch.float64) + 1.0)
    bce = float(-(y * torch.log(y_pred) + (1 - y) * torch.log(1 - y_pred)).mean())
    t = Trainer(spec, data)
    t.step_fast()
    assert t.losses[0] == pytest.approx(bce, rel=1e-6)


# (name, what "learned" means after the preset's own epochs)
CRITERIA = {
    "notebook-xor": dict(max_loss=0.70, min_acc=0.75),  # lr 0.01 is slow from the notebook's weights
    "xor-tanh": dict(max_loss=0.01, min_acc=1.0),
    "circle": dict(max_loss=0.2, min_acc=0.95),
    "moons": dict(max_loss=0.05, min_acc=0.98),
    "spiral": dict(max_loss=0.1, min_acc=0.97),
    "sine": dict(max_loss=0.02, min_acc=None),
    "digits": dict(max_loss=0.2, min_acc=0.90),  # the bar: above 90 % training accuracy in 200 epochs
}


def test_every_preset_has_criteria():
    assert set(CRITERIA) == set(PRESETS)
    assert {"notebook-xor", "xor-tanh", "circle", "moons", "spiral", "sine"} <= set(PRESETS)


@pytest.mark.parametrize("name", list(CRITERIA))
def test_preset_trains_and_improves(name):
    spec, data = load_preset(name)
    t = Trainer(spec, data)
    snaps = list(t.train(spec.epochs, every=spec.epochs + 1))
    assert snaps[-1].done and t.diagnosis is None
    assert t.epoch == spec.epochs and len(t.losses) == spec.epochs
    assert all(math.isfinite(x) for x in t.losses)
    first, last = t.losses[0], t.losses[-1]
    c = CRITERIA[name]
    assert last < c["max_loss"], (name, first, last)
    assert last < 0.5 * first, (name, first, last)  # visibly better than where it started
    if c["min_acc"] is None:
        assert t.accuracy() is None
    else:
        assert t.accuracy() >= c["min_acc"], (name, t.accuracy())


def test_preset_facts():
    for name, p in PRESETS.items():
        assert p.name == name and p.title and p.description and "\n" not in p.description
        spec, data = p.load()
        assert spec is p.spec
        spec.check_data(data)  # the network fits its data
    assert load_preset("spiral")[0].outputs == 3 and load_preset("spiral")[1].n_classes == 3
    assert load_preset("spiral")[1].n_samples == 300 and load_preset("spiral")[0].loss == "softmax_ce"
    sine_spec, sine_data = load_preset("sine")
    assert (sine_spec.inputs, sine_spec.output_activation, sine_spec.loss) == (1, "linear", "mse")
    assert sine_data.task == "regression"
    assert [h.activation for h in sine_spec.hidden] == ["tanh"]


def test_data_is_regenerated_bit_identically():
    a, b = load_preset("moons")[1], load_preset("moons")[1]
    assert a is not b and torch.equal(a.X, b.X) and torch.equal(a.y, b.y)


def test_presets_are_immutable():
    p = PRESETS["circle"]
    with pytest.raises(Exception):
        p.lr = 3  # type: ignore[misc]
    with pytest.raises(TypeError):
        p.data["n"] = 5  # type: ignore[index]


def test_unknown_preset_names_the_known_ones():
    with pytest.raises(EngineError) as e:
        load_preset("xr")
    assert e.value.field == "preset"
    assert e.value.message.startswith("unknown preset 'xr'; known: notebook-xor, xor-tanh")
    with pytest.raises(EngineError):
        get_preset(None)  # type: ignore[arg-type]
