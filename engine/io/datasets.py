"""Datasets: the notebook's XOR points, seeded generators, and points typed in or read from CSV.

Every dataset is float64 features X (N×F) with labels y: int64 class numbers (N,) for classification,
float64 targets (N×T) for regression. Generators use their own seeded torch.Generator (never the global
RNG), so the same parameters always give bit-identical data; session files store only the parameters.
"""

from __future__ import annotations

import copy
import math
from dataclasses import dataclass
from typing import Any, Mapping, Sequence

import torch

from engine.core.errors import DataError
from engine.core.validate import finite, int_in, is_int, is_number, json_text, number, whole
from .generators import GATES, MAKERS, gate
from .split import check_split, split_rows

TASKS = ("binary", "multiclass", "regression")
MAX_N = 100_000
MAX_CLASSES = 64  # a CSV may name this many classes; generators make 2..8
MAX_NOISE = 10.0
F64 = torch.float64


def _gen(task: str, n: int, noise: float, classes: int | None, description: str) -> dict:
    return dict(task=task, default_n=n, default_noise=noise, classes=classes, description=description)


GENERATORS: dict[str, dict] = {
    "xor": _gen("binary", 4, 0.0, None, "XOR of two bits: the notebook's 4 points (more points repeat them)"),
    "and": _gen("binary", 4, 0.0, None, "AND of two bits: 4 corner points, linearly separable"),
    "or": _gen("binary", 4, 0.0, None, "OR of two bits: 4 corner points, linearly separable"),
    "circle": _gen("binary", 200, 0.05, None, "points in a disc of radius 1; class 1 inside radius 0.5"),
    "moons": _gen("binary", 200, 0.1, None, "two interleaving half-moons"),
    "spiral": _gen("multiclass", 300, 0.2, 3, "K spiral arms, one per class (noise jitters the angle)"),
    "blobs": _gen("multiclass", 300, 0.0, 3, "K Gaussian blobs on a circle of radius 2 (std 0.5 + noise)"),
    "sine": _gen("regression", 100, 0.1, None, "y = sin(x) + noise, x uniform in [-3, 3]"),
}

@dataclass(frozen=True, eq=False)
class Dataset:
    """Features and labels, with how they were made. Construction validates (raises DataError)."""

    X: torch.Tensor
    y: torch.Tensor
    task: str
    n_classes: int
    source: dict
    name: str = ""
    class_names: tuple[str, ...] = ()  # optional display names of classes 0..K-1 (e.g. from CSV text)
    test_fraction: float = 0.0  # the share of rows held out as a test set (engine/io/split.py); 0: none
    split_seed: int = 0

    def __post_init__(self) -> None:
        _check_dataset(self)
        fraction, seed = check_split(self.test_fraction, self.split_seed)
        train, test = split_rows(int(self.X.shape[0]), fraction, seed)
        object.__setattr__(self, "test_fraction", fraction)
        object.__setattr__(self, "split_seed", seed)
        object.__setattr__(self, "train_index", train)  # the rows the network trains on (sorted)
        object.__setattr__(self, "test_index", test)  # the rows it is only tested on (sorted; empty: none)
        if not self.X.is_contiguous():
            object.__setattr__(self, "X", self.X.contiguous())
        if not self.y.is_contiguous():
            object.__setattr__(self, "y", self.y.contiguous())

    @property
    def n_samples(self) -> int:
        return int(self.X.shape[0])

    @property
    def n_features(self) -> int:
        return int(self.X.shape[1])

    @property
    def n_targets(self) -> int:
        """Width of the network output: T for regression, 1 for binary, K for multiclass."""
        if self.task == "regression":
            return int(self.y.shape[1])
        return 1 if self.task == "binary" else self.n_classes

    @property
    def is_classification(self) -> bool:
        return self.task != "regression"

    @property
    def n_test(self) -> int:
        return int(self.test_index.numel())

    def with_split(self, fraction: float, seed: int | None = None) -> Dataset:
        """The same points with another test fraction (and seed; None keeps this one). DataError when a part
        would be empty."""
        seed = self.split_seed if seed is None else seed
        return Dataset(self.X, self.y, self.task, self.n_classes, self.source, self.name, self.class_names,
                       fraction, seed)

    # ----- editing ------------------------------------------------------------------------------
    def _origin(self) -> dict | None:
        """Where inline points first came from (a generator or CSV), kept through edits."""
        return copy.deepcopy(self.source.get("from") if self.source.get("inline") else self.source) or None

    def _edited(self, X: torch.Tensor, y: torch.Tensor) -> Dataset:
        source = {"inline": True, **({"from": o} if (o := self._origin()) else {})}
        return Dataset(X, y, self.task, self.n_classes, source, self.name, self.class_names,
                       *self._split_or_none(len(X)))

    def _split_or_none(self, n: int) -> tuple[float, int]:
        """This split for n points, or none when it no longer leaves both parts a point (a learner's edit
        is not refused for the split's sake)."""
        try:
            split_rows(n, self.test_fraction, self.split_seed)
        except DataError:
            return 0.0, self.split_seed
        return self.test_fraction, self.split_seed

    def with_point(self, x: Sequence[float], label) -> Dataset:
        """A new dataset with one more point (label: class number or name, or target value(s))."""
        if isinstance(x, torch.Tensor):
            x = x.tolist()
        if not isinstance(x, (list, tuple)) or len(x) != self.n_features:
            raise DataError("x", f"give {self.n_features} numbers, one per feature")
        row = [_number(f"x[{j}]", v) for j, v in enumerate(x)]
        if self.is_classification:
            yy = torch.tensor([self._class_of(label)], dtype=torch.int64)
        else:
            vals = label.tolist() if isinstance(label, torch.Tensor) else label
            vals = list(vals) if isinstance(vals, (list, tuple)) else [vals]
            if len(vals) != self.n_targets:
                raise DataError("label", f"give {self.n_targets} target number(s)")
            yy = torch.tensor([[_number("label", v) for v in vals]], dtype=F64)
        return self._edited(torch.cat([self.X, torch.tensor([row], dtype=F64)]), torch.cat([self.y, yy]))

    def _class_of(self, label) -> int:
        if isinstance(label, str) and label in self.class_names:
            return self.class_names.index(label)
        if isinstance(label, torch.Tensor) and label.numel() == 1:
            label = label.item()
        if isinstance(label, float) and label.is_integer():
            label = int(label)
        if not is_int(label) or not 0 <= label < self.n_classes:
            raise DataError("label", f"{json_text(label)} is not a class; use 0 to {self.n_classes - 1}")
        return label

    def without_point(self, index: int) -> Dataset:
        """A new dataset without point `index`; refuses to empty it or leave a classifier one class."""
        if not is_int(index) or not 0 <= index < self.n_samples:
            raise DataError("index", f"{json_text(index)} is not a point; use 0 to {self.n_samples - 1}")
        if self.n_samples == 1:
            raise DataError("index", "this is the only point; a dataset needs at least one")
        keep = torch.ones(self.n_samples, dtype=torch.bool)
        keep[index] = False
        y = self.y[keep]
        if self.is_classification and len(torch.unique(y)) < 2:
            raise DataError(
                "index", f"point {index} is the last of class {self._class_text(int(self.y[index]))}; "
                "a classifier needs at least 2 classes"
            )
        return self._edited(self.X[keep], y)

    def _class_text(self, k: int) -> str:
        return self.class_names[k] if self.class_names else str(k)

    # ----- (de)serialisation -------------------------------------------------------------------
    def to_dict(self) -> dict:
        """JSON-able: generator parameters if generated, else the points themselves."""
        head = {"name": self.name, "task": self.task, "n_classes": self.n_classes}
        if self.test_fraction or self.split_seed:  # (without a split the dictionary is as it always was)
            head.update(test_fraction=self.test_fraction, split_seed=self.split_seed)
        if "generator" in self.source:
            return {**{k: self.source.get(k) for k in _GEN_KEYS}, **head}
        out: dict[str, Any] = {**head, "X": self.X.tolist(), "y": self.y.tolist()}
        if self.class_names:
            out["class_names"] = list(self.class_names)
        if origin := self._origin():
            out["from"] = origin
        return out

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Dataset:
        """Rebuild from `to_dict()` output (regenerating generator data); DataError names a bad field."""
        if not isinstance(d, Mapping):
            raise DataError("dataset", "must be an object")
        known = set(_GEN_KEYS + _HEAD_KEYS) if "generator" in d else set(_INLINE_KEYS + _HEAD_KEYS)
        unknown = sorted(set(d) - known, key=str)
        if unknown:
            raise DataError(str(unknown[0]), f"unknown field; known fields are {', '.join(sorted(known))}")
        name = d.get("name")
        if name is not None and not isinstance(name, str):
            raise DataError("name", f"must be text, not {json_text(name)}")
        if "generator" in d:
            data = _regenerate(d)
            if name is not None:
                data = Dataset(data.X, data.y, data.task, data.n_classes, data.source, name)
        else:
            data = dataset_from_lists(d, name or "")
        for key in ("task", "n_classes"):
            if key in d and d[key] != getattr(data, key):
                raise DataError(key, f"{json_text(d[key])} does not match the data ({json_text(getattr(data, key))})")
        if "test_fraction" in d or "split_seed" in d:
            data = data.with_split(d.get("test_fraction", 0.0), d.get("split_seed", 0))
        return data


_GEN_KEYS = ("generator", "n", "noise", "seed", "classes")
_HEAD_KEYS = ("name", "task", "n_classes", "test_fraction", "split_seed")
_INLINE_KEYS = ("X", "y", "class_names", "from")


def _regenerate(d: Mapping[str, Any]) -> Dataset:
    for key in ("n", "seed", "classes"):
        if d.get(key) is not None:
            whole(DataError, key, d[key])
    if d.get("noise") is not None:
        number(DataError, "noise", d["noise"])
    try:
        return make_dataset(d["generator"], d.get("n"), d.get("noise"), d.get("seed", 0), d.get("classes"))
    except DataError as e:
        if e.field == "name":
            raise DataError("generator", e.message) from None
        raise


# ----- generators --------------------------------------------------------------------------------
def make_dataset(
    name: str, n: int | None = None, noise: float | None = None, seed: int = 0, classes: int | None = None
) -> Dataset:
    """Generate dataset `name` (see GENERATORS). n, noise, classes: None means the generator's default."""
    if name == "digits":  # a real data set, read from resources/data (engine/io/digits.py)
        from .digits import load_digits

        X, y, source = load_digits(n, noise, seed, classes)
        return Dataset(X, y, "multiclass", 10, source, "digits")
    if not isinstance(name, str) or name not in GENERATORS:
        raise DataError("name", f"unknown dataset {json_text(name)}; use one of {', '.join(GENERATORS)}")
    info = GENERATORS[name]
    if classes is not None and info["classes"] is None:
        raise DataError("classes", f"{name} has fixed classes; only spiral and blobs take a class count")
    k = info["classes"] if classes is None else classes
    if k is not None:
        _int_in("classes", k, 2, 8)
    n = info["default_n"] if n is None else n
    if name in GATES:
        _int_in("n", n, 4, MAX_N)  # the four corners at least once
    else:
        _int_in("n", n, 1 if info["task"] == "regression" else k or 2, MAX_N)  # >= 1 point per class
    noise = info["default_noise"] if noise is None else noise
    if not is_number(noise) or not math.isfinite(noise) or not 0 <= noise <= MAX_NOISE:
        raise DataError("noise", f"must be a number from 0 to {MAX_NOISE}, not {json_text(noise)}")
    noise = float(noise)
    if not is_int(seed) or not 0 <= seed < 2**63:
        raise DataError("seed", f"must be a whole number from 0 to 2^63-1, not {json_text(seed)}")
    g = torch.Generator().manual_seed(seed)
    X, y = MAKERS[name](n, noise, g, k or 2) if name not in GATES else gate(name, n, noise, g)
    task = info["task"] if k != 2 else "binary"
    source = {"generator": name, "n": n, "noise": noise, "seed": seed, "classes": k}
    return Dataset(X.contiguous(), y, task, 0 if task == "regression" else (k or 2), source, name)


# ----- validation helpers ------------------------------------------------------------------------
def _int_in(field: str, v, lo: int, hi: int) -> None:
    int_in(DataError, field, v, lo, hi)


def _number(field: str, v) -> float:
    """v as a finite float, or DataError."""
    return finite(DataError, field, v)


def _check_dataset(d: Dataset) -> None:
    X, y = d.X, d.y
    if not isinstance(X, torch.Tensor) or X.dtype != F64 or X.dim() != 2 or 0 in X.shape:
        raise DataError("X", "must be a float64 tensor of shape (N×F) with N, F >= 1")
    if X.shape[0] > MAX_N or not bool(torch.isfinite(X).all()):
        raise DataError("X", f"must be finite numbers, at most {MAX_N} points")
    if d.task not in TASKS:
        raise DataError("task", f"{json_text(d.task)} is not a task; use one of {', '.join(TASKS)}")
    if not isinstance(d.source, dict) or not isinstance(d.name, str):
        raise DataError("source", "source must be a dict and name text")
    n = X.shape[0]
    if d.task == "regression":
        if d.n_classes != 0:
            raise DataError("n_classes", "must be 0 for regression")
        ok = isinstance(y, torch.Tensor) and y.dtype == F64 and y.dim() == 2
        if not ok or y.shape[0] != n or y.shape[1] < 1:
            raise DataError("y", f"regression targets must be a float64 tensor of shape ({n}×T)")
        if not bool(torch.isfinite(y).all()):
            raise DataError("y", "contains NaN or infinite values")
        return
    _int_in("n_classes", d.n_classes, 2, 2 if d.task == "binary" else MAX_CLASSES)
    if not isinstance(y, torch.Tensor) or y.dtype != torch.int64 or tuple(y.shape) != (n,):
        raise DataError("y", f"class labels must be an int64 tensor of shape ({n},)")
    if bool((y < 0).any()) or bool((y >= d.n_classes).any()):
        raise DataError("y", f"class labels must be 0 to {d.n_classes - 1}")
    names = d.class_names
    if not isinstance(names, (tuple, list)) or not all(isinstance(s, str) for s in names):
        raise DataError("class_names", "must be a list of text, one per class")
    if names and len(names) != d.n_classes:
        raise DataError("class_names", f"give {d.n_classes} names, one per class, not {len(names)}")
    object.__setattr__(d, "class_names", tuple(names))
    if len(torch.unique(y)) < 2:
        raise DataError("y", f"only one class ({d._class_text(int(y[0]))}); a classifier needs at least 2")


# ----- inline lists (session files) ----------------------------------------------------------------
def dataset_from_lists(d: Mapping[str, Any], name: str = "") -> Dataset:
    """The inline form of Dataset.to_dict(): {"X": [[…]], "y": […], "task", "n_classes", …}."""
    task = d.get("task")
    if task not in TASKS:
        raise DataError("task", f"{json_text(task)} is not a task; use one of {', '.join(TASKS)}")
    if "n_classes" in d:
        whole(DataError, "n_classes", d["n_classes"])
    k = {"binary": 2, "regression": 0}.get(task, d.get("n_classes"))
    if k is None:
        raise DataError("n_classes", "missing; a multiclass dataset needs its number of classes")
    _int_in("n_classes", k, 0 if task == "regression" else 2, MAX_CLASSES)
    X = d.get("X")
    if not isinstance(X, list) or not X or not all(isinstance(r, list) for r in X):
        raise DataError("X", "must be a non-empty list of rows, each a list of numbers")
    if len(X) > MAX_N:
        raise DataError("X", f"{len(X)} points; at most {MAX_N}")
    width = len(X[0])
    for i, r in enumerate(X):
        if len(r) != width or not r:
            raise DataError(f"X[{i}]", f"has {len(r)} numbers; row 0 has {width} (at least 1)")
    rows = _matrix("X", X)
    y = d.get("y")
    if not isinstance(y, list) or len(y) != len(X):
        raise DataError("y", f"must be a list of {len(X)} labels, one per row of X")
    if task == "regression":
        if not any(isinstance(t, list) for t in y):
            y = [[t] for t in y]
        for i, t in enumerate(y):
            if not isinstance(t, list):
                raise DataError(f"y[{i}]", "must be a list of target numbers, like the other rows")
        targets = [[_number(f"y[{i}][{j}]", v) for j, v in enumerate(t)] for i, t in enumerate(y)]
        if len({len(t) for t in targets}) != 1 or not targets[0]:
            raise DataError("y", "every row needs the same number (at least 1) of targets")
        yt = torch.tensor(targets, dtype=F64)
    else:
        labels = []
        for i, v in enumerate(y):
            if isinstance(v, float) and v.is_integer():
                v = int(v)
            if not is_int(v) or not 0 <= v < k:
                raise DataError(f"y[{i}]", f"{json_text(v)} is not a class; use 0 to {k - 1}")
            labels.append(v)
        yt = torch.tensor(labels, dtype=torch.int64)
    names = d.get("class_names") or ()
    if not isinstance(names, (list, tuple)) or not all(isinstance(s, str) for s in names):
        raise DataError("class_names", "must be a list of text, one per class")
    origin = d.get("from")
    if origin is not None and not isinstance(origin, Mapping):
        raise DataError("from", "must be an object describing where the points came from")
    source = {"inline": True, **({"from": copy.deepcopy(dict(origin))} if origin else {})}
    return Dataset(rows, yt, task, k, source, name, tuple(names))


def _matrix(field: str, rows: list) -> torch.Tensor:
    """Rows of JSON numbers (equal lengths) as a float64 tensor; DataError naming the first entry that is not
    a finite number. The usual case goes at C speed; only a bad file pays for the entry-by-entry search."""
    if all(type(v) is float or type(v) is int for r in rows for v in r):  # (true/false are not numbers)
        try:
            t = torch.tensor(rows, dtype=F64)
        except (OverflowError, RuntimeError, ValueError, TypeError):
            t = None
        if t is not None and bool(torch.isfinite(t).all()):
            return t
    return torch.tensor([[_number(f"{field}[{i}][{j}]", v) for j, v in enumerate(r)] for i, r in enumerate(rows)],
                        dtype=F64)
