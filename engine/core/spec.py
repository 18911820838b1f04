"""The network description: validated, immutable dataclasses.

Names follow the learner's notebook: layer k has weight `w{k}` (in × out) and bias `b{k}` (out,).
"""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass, field
from typing import Any, Mapping

from .errors import SpecError
from .validate import finite as check_finite, int_in as check_int_in, is_number, json_text
from .validate import number as check_number, whole as check_whole

HIDDEN_ACTIVATIONS = ("sigmoid", "tanh", "relu", "leaky_relu", "linear")
OUTPUT_ACTIVATIONS = ("sigmoid", "softmax", "linear")
LOSSES = ("bce", "softmax_ce", "mse")
INIT_KINDS = ("explicit", "xavier", "he", "uniform", "constant")
DTYPES = ("float32", "float64")
OPTIMIZERS = ("sgd", "adam")  # sgd: plain or with momentum (torch.optim.SGD); adam: torch.optim.Adam
MAX_HIDDEN_LAYERS = 8
MAX_UNITS = 64
MAX_INPUTS = 64
MAX_OUTPUTS = 64
MAX_LR = 1e6
MAX_BATCH_SIZE = 100_000  # as many rows as a data set may have (engine/io/datasets.py MAX_N)
ADAM_NUMBERS = ("beta1", "beta2", "eps")

LOSS_NAMES = {
    "bce": "binary cross-entropy (mean)",
    "softmax_ce": "softmax cross-entropy (mean)",
    "mse": "mean squared error",
}


@dataclass(frozen=True)
class Layer:
    """One hidden layer: its number of units and its activation."""

    units: int
    activation: str = "sigmoid"


@dataclass(frozen=True)
class Init:
    """How the parameters start.

    kind: explicit (values given per parameter), xavier (Glorot uniform, biases 0), he (normal with
    std sqrt(2/fan_in), biases 0), uniform(low, high) for weights and biases, constant(value).
    """

    kind: str = "xavier"
    low: float = -1.0
    high: float = 1.0
    value: float = 0.0
    values: Mapping[str, Any] | None = None

    def to_dict(self) -> dict:
        out: dict[str, Any] = {"kind": self.kind}
        if self.kind == "uniform":
            out.update(low=self.low, high=self.high)
        if self.kind == "constant":
            out["value"] = self.value
        if self.kind == "explicit":
            out["values"] = {k: v for k, v in (self.values or {}).items()}
        return out


@dataclass(frozen=True)
class NetworkSpec:
    """A fully connected network and how it is trained. Call `validate()` (constructors here do)."""

    inputs: int = 2
    hidden: tuple[Layer, ...] = (Layer(2, "sigmoid"),)
    outputs: int = 1
    output_activation: str = "sigmoid"
    loss: str = "bce"
    lr: float = 0.01
    momentum: float = 0.0
    l2: float = 0.0
    init: Init = field(default_factory=Init)
    seed: int = 0
    dtype: str = "float32"
    epochs: int = 1000
    batch_size: int | None = None  # rows per mini-batch step; None: the whole data set (one step per epoch)
    optimizer: str = "sgd"  # "adam": torch.optim.Adam with beta1, beta2, eps (momentum stays 0)
    beta1: float = 0.9
    beta2: float = 0.999
    eps: float = 1e-8

    # ----- derived facts -------------------------------------------------------------------
    @property
    def depth(self) -> int:
        """Number of weight layers (hidden layers + the output layer)."""
        return len(self.hidden) + 1

    @property
    def sizes(self) -> list[int]:
        return [self.inputs, *(h.units for h in self.hidden), self.outputs]

    @property
    def activations(self) -> list[str]:
        return [*(h.activation for h in self.hidden), self.output_activation]

    @property
    def param_names(self) -> list[str]:
        return [n for k in range(1, self.depth + 1) for n in (f"w{k}", f"b{k}")]

    def param_shape(self, name: str) -> tuple[int, ...]:
        k = int(name[1:])
        s = self.sizes
        return (s[k - 1], s[k]) if name[0] == "w" else (s[k],)

    @property
    def torch_dtype(self):
        import torch

        return torch.float64 if self.dtype == "float64" else torch.float32

    def with_changes(self, **changes) -> "NetworkSpec":
        """A validated copy with some fields changed (raises SpecError, leaving self untouched)."""
        if "hidden" in changes:
            changes["hidden"] = tuple(_layer(h) for h in changes["hidden"])
        new = dataclasses.replace(self, **changes)
        new.validate()
        return new

    # ----- validation ----------------------------------------------------------------------
    def validate(self) -> "NetworkSpec":
        _int_in("inputs", self.inputs, 1, MAX_INPUTS)
        if not isinstance(self.hidden, tuple):
            raise SpecError("hidden", "must be a list of layers")
        if len(self.hidden) > MAX_HIDDEN_LAYERS:
            raise SpecError("hidden", f"{len(self.hidden)} hidden layers; use 0 to {MAX_HIDDEN_LAYERS}")
        for i, h in enumerate(self.hidden, start=1):
            _int_in(f"hidden[{i}].units", h.units, 1, MAX_UNITS)
            if h.activation not in HIDDEN_ACTIVATIONS:
                raise SpecError(
                    f"hidden[{i}].activation",
                    f"unknown activation {json_text(h.activation)}; use one of {', '.join(HIDDEN_ACTIVATIONS)}",
                )
        _int_in("outputs", self.outputs, 1, MAX_OUTPUTS)
        if self.output_activation not in OUTPUT_ACTIVATIONS:
            raise SpecError(
                "output_activation",
                f"unknown output activation {json_text(self.output_activation)}; "
                f"use one of {', '.join(OUTPUT_ACTIVATIONS)}",
            )
        if self.loss not in LOSSES:
            raise SpecError("loss", f"unknown loss {json_text(self.loss)}; use one of {', '.join(LOSSES)}")
        self._check_combination()
        _finite("lr", self.lr)
        if not 0 < self.lr <= MAX_LR:
            raise SpecError("lr", f"learning rate {self.lr} must be greater than 0 and at most {MAX_LR:g} (try 0.1)")
        _finite("momentum", self.momentum)
        if not 0 <= self.momentum < 1:
            raise SpecError("momentum", f"momentum {self.momentum} must be at least 0 and below 1 (try 0.9)")
        _finite("l2", self.l2)
        if self.l2 < 0:
            raise SpecError("l2", f"L2 strength {self.l2} must be 0 or more")
        self._check_optimizer()
        self._check_init()
        if not isinstance(self.seed, int) or isinstance(self.seed, bool) or not 0 <= self.seed < 2**63:
            raise SpecError("seed", f"seed must be a whole number from 0 to 2^63-1, not {json_text(self.seed)}")
        if self.dtype not in DTYPES:
            raise SpecError("dtype", f"unknown dtype {json_text(self.dtype)}; use float32 or float64")
        _int_in("epochs", self.epochs, 1, 10**8)
        if self.batch_size is not None:
            _int_in("batch_size", self.batch_size, 1, MAX_BATCH_SIZE)
        return self

    def _check_combination(self) -> None:
        out, loss = self.output_activation, self.loss
        if loss == "bce" and out != "sigmoid":
            raise SpecError(
                "loss",
                f"binary cross-entropy needs a sigmoid output, not {out}; "
                "use a sigmoid output, or softmax cross-entropy with a softmax output",
            )
        if loss == "softmax_ce" and out != "softmax":
            raise SpecError(
                "loss",
                f"softmax cross-entropy needs a softmax output, not {out}; "
                "use a softmax output, or binary cross-entropy with a sigmoid output",
            )
        if out == "softmax" and loss != "softmax_ce":
            raise SpecError(
                "loss",
                f"a softmax output goes with softmax cross-entropy, not {LOSS_NAMES[loss]}; "
                "use softmax cross-entropy, or a linear output with MSE",
            )
        if out == "softmax" and self.outputs < 2:
            raise SpecError("outputs", "a softmax output needs at least 2 units (one per class)")

    def _check_optimizer(self) -> None:
        if self.optimizer not in OPTIMIZERS:
            raise SpecError("optimizer", f"unknown optimizer {json_text(self.optimizer)}; use sgd or adam")
        for name in ("beta1", "beta2"):
            _finite(name, getattr(self, name))
            if not 0 <= getattr(self, name) < 1:
                raise SpecError(name, f"{name} {getattr(self, name)} must be at least 0 and below 1 "
                                f"(try {0.9 if name == 'beta1' else 0.999})")
        _finite("eps", self.eps)
        if not 0 < self.eps <= 1:
            raise SpecError("eps", f"eps {self.eps} must be greater than 0 and at most 1 (try 1e-8)")
        if self.optimizer == "adam" and self.momentum:
            raise SpecError("momentum", f"momentum {self.momentum:g} is for SGD; Adam keeps its own running "
                            "average of the gradient (beta1), so use momentum 0 with Adam")

    def _check_init(self) -> None:
        init = self.init
        if init.kind not in INIT_KINDS:
            raise SpecError("init.kind", f"unknown initialisation {json_text(init.kind)}; use one of {', '.join(INIT_KINDS)}")
        if init.kind == "uniform":
            _finite("init.low", init.low)
            _finite("init.high", init.high)
            if not init.low < init.high:
                raise SpecError("init.high", f"uniform(a, b) needs a < b, got a={init.low}, b={init.high}")
        if init.kind == "constant":
            _finite("init.value", init.value)
        if init.kind == "explicit":
            values = init.values or {}
            for name in self.param_names:
                if name not in values:
                    raise SpecError(f"init.values.{name}", f"missing; give {name} as a {_shape_text(self.param_shape(name))} list")
                _check_values(f"init.values.{name}", values[name], self.param_shape(name))
            extra = sorted(set(values) - set(self.param_names))
            if extra:
                raise SpecError(f"init.values.{extra[0]}", f"this network has no parameter {extra[0]}")

    # ----- data fit ------------------------------------------------------------------------
    def check_data(self, data) -> None:
        """Raise SpecError if the network does not fit `data` (an engine.io.datasets.Dataset)."""
        if data.n_features != self.inputs:
            raise SpecError("inputs", f"the data has {data.n_features} features, so use {data.n_features} inputs")
        if data.task == "binary":
            if self.loss == "softmax_ce":
                if self.outputs != 2:
                    raise SpecError("outputs", "two classes with softmax need 2 output units")
            elif self.outputs != 1:
                raise SpecError(
                    "outputs", f"binary labels need 1 output unit (y is N×1), not {self.outputs}"
                )
        elif data.task == "multiclass":
            if self.loss != "softmax_ce":
                raise SpecError(
                    "loss",
                    f"{data.n_classes} classes need softmax cross-entropy with a softmax output",
                )
            if self.outputs != data.n_classes:
                raise SpecError(
                    "outputs", f"the data has {data.n_classes} classes, so use {data.n_classes} output units"
                )
        elif data.task == "regression":
            if self.loss != "mse":
                raise SpecError("loss", "regression targets need MSE with a linear (or sigmoid) output")
            if self.outputs != data.n_targets:
                raise SpecError("outputs", f"the data has {data.n_targets} target column(s); use {data.n_targets} outputs")

    # ----- (de)serialisation -------------------------------------------------------------
    def to_dict(self) -> dict:
        return {
            "inputs": self.inputs,
            "hidden": [{"units": h.units, "activation": h.activation} for h in self.hidden],
            "outputs": self.outputs,
            "output_activation": self.output_activation,
            "loss": self.loss,
            "lr": self.lr,
            "momentum": self.momentum,
            "l2": self.l2,
            "init": self.init.to_dict(),
            "seed": self.seed,
            "dtype": self.dtype,
            "epochs": self.epochs,
            "batch_size": self.batch_size,
            **({"optimizer": "adam", "beta1": self.beta1, "beta2": self.beta2, "eps": self.eps}
               if self.optimizer == "adam" else {}),  # SGD networks are written as before Adam existed
        }

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "NetworkSpec":
        """Build and validate from a plain dict (as in session files); SpecError names a bad field."""
        if not isinstance(d, Mapping):
            raise SpecError("network", "must be an object")
        known = {f.name for f in dataclasses.fields(cls)}
        unknown = sorted(set(d) - known)
        if unknown:
            raise SpecError(unknown[0], f"unknown field; known fields are {', '.join(sorted(known))}")
        kw = dict(d)
        if "hidden" in kw:
            if not isinstance(kw["hidden"], (list, tuple)):
                raise SpecError("hidden", "must be a list of {units, activation}")
            kw["hidden"] = tuple(_layer(h, i) for i, h in enumerate(kw["hidden"], start=1))
        if "init" in kw:
            kw["init"] = _init(kw["init"])
        for key in ("lr", "momentum", "l2", *ADAM_NUMBERS):
            if key in kw:
                check_number(SpecError, key, kw[key])
        for key in ("inputs", "outputs", "seed", "epochs", "batch_size"):
            if key in kw and not (key == "batch_size" and kw[key] is None):
                check_whole(SpecError, key, kw[key])
        for key in ("lr", "momentum", "l2", *ADAM_NUMBERS):
            if key in kw:
                kw[key] = float(kw[key])
        return cls(**kw).validate()


# ----- helpers ---------------------------------------------------------------------------------
def _int_in(name: str, value, lo: int, hi: int) -> None:
    check_int_in(SpecError, name, value, lo, hi)


def _finite(name: str, value) -> None:
    check_finite(SpecError, name, value)


def _shape_text(shape: tuple[int, ...]) -> str:
    return f"({shape[0]},)" if len(shape) == 1 else "(" + "×".join(map(str, shape)) + ")"


def _check_values(name: str, values, shape: tuple[int, ...]) -> None:
    if len(shape) == 1:
        if not isinstance(values, (list, tuple)) or len(values) != shape[0]:
            raise SpecError(name, f"needs {shape[0]} numbers, shape {_shape_text(shape)}")
        rows = [values]
    else:
        if (
            not isinstance(values, (list, tuple))
            or len(values) != shape[0]
            or any(not isinstance(r, (list, tuple)) or len(r) != shape[1] for r in values)
        ):
            raise SpecError(name, f"needs {shape[0]} rows of {shape[1]} numbers, shape {_shape_text(shape)}")
        rows = values
    for r in rows:
        for v in r:
            if not is_number(v) or not math.isfinite(v):
                raise SpecError(name, f"{json_text(v)} is not a finite number")


def _layer(h, i: int = 0) -> Layer:
    if isinstance(h, Layer):
        return h
    if isinstance(h, Mapping):
        extra = set(h) - {"units", "activation"}
        if extra:
            raise SpecError(f"hidden[{i}]", f"unknown field {json_text(sorted(extra)[0])}; use units and activation")
        if "units" not in h:
            raise SpecError(f"hidden[{i}].units", "missing")
        return Layer(h["units"], h.get("activation", "sigmoid"))
    raise SpecError(f"hidden[{i}]", "must be an object {units, activation}")


def _init(d) -> Init:
    if isinstance(d, Init):
        return d
    if not isinstance(d, Mapping):
        raise SpecError("init", "must be an object with a kind")
    extra = set(d) - {"kind", "low", "high", "value", "values"}
    if extra:
        raise SpecError(f"init.{sorted(extra)[0]}", "unknown field")
    for key in ("low", "high", "value"):
        if key in d:
            check_number(SpecError, f"init.{key}", d[key])
    values = d.get("values")
    if values is not None and not isinstance(values, Mapping):
        raise SpecError("init.values", "must map parameter names to lists of numbers")
    return Init(
        kind=d.get("kind", "xavier"),
        low=float(d.get("low", -1.0)),
        high=float(d.get("high", 1.0)),
        value=float(d.get("value", 0.0)),
        values=dict(values) if values is not None else None,
    )


def shape_text(shape) -> str:
    """'(4×2)' for a matrix, '(2,)' for a vector, '()' for a scalar: the notation used everywhere."""
    shape = tuple(shape)
    if len(shape) == 0:
        return "()"
    return _shape_text(shape)
