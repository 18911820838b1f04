"""The train/test split of a dataset: which rows the network trains on and which it is only tested on.

A split is a test fraction f (0 ≤ f < 1; 0 means no test set, as before) and a seed. The test rows are the
first round(f·N) entries of a permutation of 0 … N−1 drawn from torch.Generator().manual_seed(seed) (never the
global RNG), so the same data, fraction and seed always give the same rows; both index tensors are sorted,
so the training rows keep the data's order. With f > 0 both parts must hold at least one row.
"""

from __future__ import annotations

import math

import torch

from engine.core.errors import DataError
from engine.core.validate import is_int, is_number, json_text

MAX_SEED = 2**63 - 1


def check_split(fraction, seed) -> tuple[float, int]:
    """(fraction as a float, seed) or DataError naming the field."""
    if not is_number(fraction) or not 0 <= fraction < 1:  # (NaN fails the comparison)
        raise DataError("test_fraction", f"must be a number from 0 (no test set) up to but not including 1, "
                        f"not {json_text(fraction)}")
    if not is_int(seed) or not 0 <= seed <= MAX_SEED:
        raise DataError("split_seed", f"must be a whole number from 0 to 2^63-1, not {json_text(seed)}")
    return float(fraction), int(seed)


def n_test_rows(n: int, fraction: float) -> int:
    """How many of n rows a fraction puts in the test set: round(f·n), halves rounded up."""
    return int(math.floor(fraction * n + 0.5)) if fraction > 0 else 0


def split_rows(n: int, fraction: float, seed: int) -> tuple[torch.Tensor, torch.Tensor]:
    """(training rows, test rows): sorted int64 index tensors. DataError when f > 0 leaves a part empty."""
    if fraction <= 0:
        return torch.arange(n), torch.empty(0, dtype=torch.int64)
    k = n_test_rows(n, fraction)
    if k < 1:
        raise DataError("test_fraction", f"{fraction:g} of {n} points is no test point; use at least "
                        f"{1 / n:.3g} (one point) or 0 for no test set")
    if k > n - 1:
        raise DataError("test_fraction", f"{fraction:g} of {n} points leaves no point to train on; test at most "
                        f"{n - 1} of the {n} points" if n > 1 else "a single point cannot be split; use 0")
    perm = torch.randperm(n, generator=torch.Generator().manual_seed(seed))
    test = perm[:k].sort().values
    keep = torch.ones(n, dtype=torch.bool)
    keep[test] = False
    return torch.nonzero(keep).reshape(-1), test
