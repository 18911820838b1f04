"""Every refusal of a network description names its field and says what would work, in words a learner
reads; specs survive to_dict/from_dict (and JSON) unchanged.
"""

from __future__ import annotations

import json
import math
from types import SimpleNamespace

import pytest
import torch

from engine.core.errors import EngineError, SpecError
from engine.core.spec import MAX_HIDDEN_LAYERS, MAX_UNITS, Init, Layer, NetworkSpec, shape_text

XOR_W = {"w1": [[1, 1], [1, 1]], "b1": [1, 2], "w2": [[2], [1]], "b2": [1]}


def refused(field: str, phrase: str, **changes) -> SpecError:
    with pytest.raises(SpecError) as info:
        NetworkSpec(**changes).validate()
    e = info.value
    assert e.field == field, (e.field, e.message)
    assert phrase in e.message, e.message
    assert str(e) == f"{field}: {e.message}"
    assert isinstance(e, EngineError) and isinstance(e, ValueError)
    return e


@pytest.mark.parametrize("field,phrase,changes", [
    ("loss", "binary cross-entropy needs a sigmoid output, not linear", dict(output_activation="linear", loss="bce")),
    ("loss", "binary cross-entropy needs a sigmoid output, not softmax",
     dict(output_activation="softmax", outputs=2, loss="bce")),
    ("loss", "a softmax output goes with softmax cross-entropy, not mean squared error",
     dict(output_activation="softmax", outputs=2, loss="mse")),
    ("loss", "softmax cross-entropy needs a softmax output", dict(output_activation="sigmoid", loss="softmax_ce")),
    ("outputs", "a softmax output needs at least 2 units", dict(output_activation="softmax", outputs=1,
                                                                 loss="softmax_ce")),
    ("lr", "must be greater than 0", dict(lr=0.0)),
    ("lr", "must be greater than 0", dict(lr=-0.1)),
    ("lr", "at most 1e+06", dict(lr=1e7)),
    ("lr", "must be a finite number", dict(lr=math.inf)),
    ("lr", "must be a finite number", dict(lr=math.nan)),
    ("momentum", "below 1", dict(momentum=1.0)),
    ("momentum", "at least 0", dict(momentum=-0.5)),
    ("momentum", "must be a finite number", dict(momentum=math.nan)),
    ("l2", "must be 0 or more", dict(l2=-1e-4)),
    ("l2", "must be a finite number", dict(l2=math.inf)),
    ("hidden", "9 hidden layers; use 0 to 8", dict(hidden=(Layer(2),) * (MAX_HIDDEN_LAYERS + 1))),
    ("hidden[1].units", "65 is out of range; use 1 to 64", dict(hidden=(Layer(MAX_UNITS + 1),))),
    ("hidden[2].units", "0 is out of range", dict(hidden=(Layer(2), Layer(0)))),
    ("hidden[1].activation", 'unknown activation "swish"; use one of sigmoid, tanh, relu',
     dict(hidden=(Layer(2, "swish"),))),
    ("output_activation", 'unknown output activation "tanh"', dict(output_activation="tanh")),
    ("loss", 'unknown loss "hinge"', dict(loss="hinge")),
    ("inputs", "must be a whole number", dict(inputs=2.5)),
    ("dtype", "use float32 or float64", dict(dtype="float16")),
    ("seed", "whole number from 0", dict(seed=-1)),
    ("init.kind", 'unknown initialisation "zeros"', dict(init=Init("zeros"))),
    ("init.high", "needs a < b", dict(init=Init("uniform", low=1.0, high=-1.0))),
])
def test_refusals_name_the_field_and_say_what_works(field, phrase, changes):
    refused(field, phrase, **changes)


@pytest.mark.parametrize("field,phrase,values", [
    ("init.values.w2", "missing; give w2 as a (2×1) list", {k: v for k, v in XOR_W.items() if k != "w2"}),
    ("init.values.w1", "needs 2 rows of 2 numbers, shape (2×2)", {**XOR_W, "w1": [[1, 1, 1], [1, 1, 1]]}),
    ("init.values.w1", "needs 2 rows of 2 numbers", {**XOR_W, "w1": [1, 1, 1, 1]}),
    ("init.values.b1", "needs 2 numbers, shape (2,)", {**XOR_W, "b1": [1, 2, 3]}),
    ("init.values.b2", "needs 1 numbers", {**XOR_W, "b2": 1.0}),
    ("init.values.w2", "NaN is not a finite number", {**XOR_W, "w2": [[math.nan], [1]]}),
    ("init.values.b1", "Infinity is not a finite number", {**XOR_W, "b1": [1, math.inf]}),
    ("init.values.w1", '"1" is not a finite number', {**XOR_W, "w1": [[1, "1"], [1, 1]]}),
    ("init.values.w3", "this network has no parameter w3", {**XOR_W, "w3": [[1]]}),
])
def test_explicit_init_refusals(field, phrase, values):
    refused(field, phrase, init=Init("explicit", values=values))


def dataset(task, features=2, classes=2, targets=1):
    return SimpleNamespace(X=torch.zeros(4, features, dtype=torch.float64), y=torch.zeros(4, dtype=torch.int64),
                           task=task, n_classes=classes, n_features=features, n_targets=targets)


@pytest.mark.parametrize("field,phrase,spec,data", [
    ("inputs", "the data has 3 features, so use 3 inputs", {}, dataset("binary", features=3)),
    ("outputs", "binary labels need 1 output unit", dict(outputs=2), dataset("binary")),
    ("outputs", "two classes with softmax need 2 output units",
     dict(outputs=3, output_activation="softmax", loss="softmax_ce"), dataset("binary")),
    ("loss", "3 classes need softmax cross-entropy", dict(outputs=3), dataset("multiclass", classes=3, targets=3)),
    ("outputs", "the data has 4 classes, so use 4 output units",
     dict(outputs=3, output_activation="softmax", loss="softmax_ce"), dataset("multiclass", classes=4, targets=4)),
    ("loss", "regression targets need MSE", {}, dataset("regression", classes=0)),
    ("outputs", "the data has 2 target column(s); use 2 outputs",
     dict(output_activation="linear", loss="mse"), dataset("regression", classes=0, targets=2)),
])
def test_check_data_refuses_outputs_that_do_not_fit(field, phrase, spec, data):
    s = NetworkSpec(**spec).validate()
    with pytest.raises(SpecError) as info:
        s.check_data(data)
    assert info.value.field == field and phrase in info.value.message, info.value


@pytest.mark.parametrize("spec,data", [
    ({}, dataset("binary")),
    (dict(outputs=2, output_activation="softmax", loss="softmax_ce"), dataset("binary")),
    (dict(outputs=3, output_activation="softmax", loss="softmax_ce"), dataset("multiclass", classes=3, targets=3)),
    (dict(output_activation="linear", loss="mse"), dataset("regression", classes=0)),
    (dict(output_activation="sigmoid", loss="mse"), dataset("regression", classes=0)),
])
def test_check_data_accepts_what_fits(spec, data):
    NetworkSpec(**spec).validate().check_data(data)


def test_limits_themselves_are_accepted():
    NetworkSpec(hidden=(Layer(MAX_UNITS, "relu"),) * MAX_HIDDEN_LAYERS, lr=1e6, momentum=0.999, l2=0.0).validate()
    NetworkSpec(hidden=(), lr=1e-12).validate()


def test_with_changes_validates_and_leaves_the_original():
    s = NetworkSpec()
    with pytest.raises(SpecError) as info:
        s.with_changes(lr=-1.0)
    assert info.value.field == "lr"
    assert s.lr == 0.01
    t = s.with_changes(hidden=[{"units": 3, "activation": "tanh"}], dtype="float64")
    assert t.hidden == (Layer(3, "tanh"),) and t.dtype == "float64" and s.hidden == (Layer(2, "sigmoid"),)


SPECS = [
    NetworkSpec(),
    NetworkSpec(init=Init("explicit", values=XOR_W), lr=0.01, epochs=10000),
    NetworkSpec(inputs=3, hidden=(Layer(8, "relu"), Layer(4, "leaky_relu"), Layer(2, "linear")), outputs=5,
                output_activation="softmax", loss="softmax_ce", lr=0.3, momentum=0.9, l2=1e-4,
                init=Init("he"), seed=2**63 - 1, dtype="float64", epochs=1),
    NetworkSpec(hidden=(), output_activation="linear", loss="mse", init=Init("uniform", low=-0.5, high=0.25)),
    NetworkSpec(hidden=(Layer(1, "tanh"),), init=Init("constant", value=0.5)),
]


@pytest.mark.parametrize("spec", SPECS)
def test_to_dict_from_dict_round_trip(spec):
    spec.validate()
    d = spec.to_dict()
    assert NetworkSpec.from_dict(d) == spec
    assert NetworkSpec.from_dict(json.loads(json.dumps(d))) == spec
    assert NetworkSpec.from_dict(d).to_dict() == d


@pytest.mark.parametrize("d,field,phrase", [
    ({"layers": 3}, "layers", "unknown field"),
    ({"lr": "0.1"}, "lr", "must be a number"),
    ({"lr": True}, "lr", "must be a number"),
    ({"inputs": 2.0}, "inputs", "must be a whole number"),
    ({"hidden": 3}, "hidden", "must be a list"),
    ({"hidden": [{"units": 2, "act": "relu"}]}, "hidden[1]", 'unknown field "act"'),
    ({"hidden": [{"activation": "relu"}]}, "hidden[1].units", "missing"),
    ({"init": {"kind": "uniform", "low": "a"}}, "init.low", "must be a number"),
    ({"init": {"kind": "explicit", "values": [1, 2]}}, "init.values", "must map parameter names"),
    ({"lr": -1}, "lr", "greater than 0"),
    ([1, 2], "network", "must be an object"),
])
def test_from_dict_refusals(d, field, phrase):
    with pytest.raises(SpecError) as info:
        NetworkSpec.from_dict(d)
    assert info.value.field == field and phrase in info.value.message, info.value


def test_derived_facts():
    s = SPECS[2]
    assert s.depth == 4 and s.sizes == [3, 8, 4, 2, 5]
    assert s.param_names == ["w1", "b1", "w2", "b2", "w3", "b3", "w4", "b4"]
    assert s.param_shape("w2") == (8, 4) and s.param_shape("b4") == (5,)
    assert s.activations == ["relu", "leaky_relu", "linear", "softmax"]
    assert s.torch_dtype == torch.float64 and NetworkSpec().torch_dtype == torch.float32
    assert shape_text((4, 2)) == "(4×2)" and shape_text((2,)) == "(2,)" and shape_text(()) == "()"
