"""The 8×8 handwritten digits: a real data set, read from resources/data/digits.csv.gz.

1,797 images of the digits 0–9 (UCI "Optical Recognition of Handwritten Digits", the copy scikit-learn ships;
source and licence in resources/data/README.md). Each row of the file is 64 pixel counts 0..16 (the image
row by row) and the label last. X is scaled to [0, 1] (pixel / 16), so a 64→32→10 network trains with the
same learning rates as the 2-D presets; y is the digit, 0..9.

The dataset records itself as generator "digits" (n: the first n images), so session files store only
that and `make_dataset("digits")` reads the file again.
"""

from __future__ import annotations

import gzip

import torch

from engine.core.errors import DataError
from engine.core.validate import int_in

N_IMAGES = 1797
SIDE = 8  # each image is SIDE × SIDE pixels, flattened row by row
N_CLASSES = 10
PIXEL_MAX = 16.0
FILE_NAME = "digits.csv.gz"
_cache: tuple[torch.Tensor, torch.Tensor] | None = None


def data_file(name: str = FILE_NAME) -> str:
    """The path of resources/data/<name> (the one place that knows where shipped data lives)."""
    from importlib.resources import files

    return str(files("resources") / "data" / name)  # the tree, an editable install or a wheel alike


def _read() -> tuple[torch.Tensor, torch.Tensor]:
    global _cache
    if _cache is None:
        path = data_file()
        try:
            with gzip.open(path, "rt", encoding="ascii") as f:
                rows = [[int(v) for v in line.split(",")] for line in f if line.strip()]
        except (OSError, ValueError, EOFError) as e:
            raise DataError("digits", f"cannot read {path}: {e}") from None
        if len(rows) != N_IMAGES or any(len(r) != SIDE * SIDE + 1 for r in rows):
            raise DataError("digits", f"{path} is not the {N_IMAGES} digit images of {SIDE * SIDE} pixels")
        t = torch.tensor(rows, dtype=torch.int64)
        _cache = (t[:, :-1].to(torch.float64) / PIXEL_MAX, t[:, -1].contiguous())
    return _cache


def load_digits(n: int | None = None, noise: float | None = None, seed: int = 0, classes: int | None = None):
    """The first `n` (default all 1,797) digit images as (X, y, source) for engine.io.datasets to make a
    Dataset of; the generator arguments a real data set cannot take (noise, classes) are refused by name."""
    if noise not in (None, 0, 0.0):
        raise DataError("noise", "the digits are real images; they take no noise")
    if classes not in (None, N_CLASSES):
        raise DataError("classes", f"the digits have {N_CLASSES} classes, 0 to 9")
    n = N_IMAGES if n is None else n
    n = int_in(DataError, "n", n, N_CLASSES, N_IMAGES)
    seed = int_in(DataError, "seed", seed, 0, 2**63 - 1)
    X, y = _read()
    if len(torch.unique(y[:n])) < 2:
        raise DataError("n", "the first images are all one digit; take more")
    source = {"generator": "digits", "n": n, "noise": 0.0, "seed": seed, "classes": N_CLASSES}
    return X[:n].clone(), y[:n].clone(), source


def is_image(n_features: int) -> int | None:
    """The side of the square image `n_features` pixels make (8 for 64), or None (for 2-D points etc.)."""
    side = int(round(n_features ** 0.5))
    return side if side >= 4 and side * side == n_features else None
