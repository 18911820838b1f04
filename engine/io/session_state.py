"""What a session file holds (SessionState), its constants, and small helpers shared by reading and writing.

The format is described in docs/session-format.md; engine/io/session_file.py is the public entry point.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field, replace
from typing import Mapping

import torch

from engine.core.spec import NetworkSpec
from engine.core.update import AdamState
from engine.core.validate import as_float, is_int, is_number, json_text, kind

from .datasets import Dataset

FORMAT = "backprop-tutor-session"
VERSION = 2  # 2: mini-batches (network.batch_size, batch, step_losses); version 1 files are migrated on load
MAX_BYTES = 256 * 2**20  # larger files are refused before parsing

REQUIRED_KEYS = ("format", "version", "network", "data", "epoch", "params", "losses")
MAX_PRACTICE_CODE = 50_000  # characters (~1,000 lines): far more than a backward pass; highlighted on open
OPTIONAL_KEYS = ("velocity", "accuracies", "batch", "step_losses", "practice_code", "extra", "adam",
                 "test_losses", "test_accuracies")
KEY_ORDER = ("format", "version", "network", "data", "epoch", "params", "velocity", "losses", "accuracies",
             "batch", "step_losses", "practice_code", "extra", "adam", "test_losses",
             "test_accuracies")
V2_KEYS = ("batch", "step_losses")  # top-level keys a version 1 file cannot have
LOSS_WORDS = {"NaN": math.nan, "Infinity": math.inf, "-Infinity": -math.inf}
FLOAT32_MAX = float(torch.finfo(torch.float32).max)


@dataclass(frozen=True, eq=False)
class SessionState:
    """Everything a session file holds. `params`/`velocity` are tensors in the spec's dtype; `losses[e-1]`
    is the loss of epoch e (its forward pass, before its update); `accuracies[e-1]` is NaN where it was not
    computed. `extra` is free JSON for the app (window layout, view choices); the engine ignores it.
    With mini-batches, `batch` is the steps done in the epoch in progress (epoch + 1) and `step_losses` every
    step's loss (engine/core/batches.py)."""

    spec: NetworkSpec
    data: Dataset
    params: dict[str, torch.Tensor]
    velocity: dict[str, torch.Tensor] | None
    epoch: int
    losses: list[float]
    accuracies: list[float]
    practice_code: str = ""
    extra: dict = field(default_factory=dict)
    batch: int = 0
    step_losses: list[float] = field(default_factory=list)
    test_losses: list[float] = field(default_factory=list)  # with a test split: as losses, on the test rows
    test_accuracies: list[float] = field(default_factory=list)
    adam: AdamState | None = None  # Adam's m, v and t (engine/io/optimizer_state.py)

    def to_trainer(self):
        """A Trainer in exactly this state (its only checkpoint is this epoch)."""
        from engine.training.trainer import Trainer

        return Trainer(self.spec, self.data, self.params, self.velocity, self.epoch, self.losses,
                       self.accuracies, test_losses=self.test_losses, test_accuracies=self.test_accuracies, batch=self.batch,
                       step_losses=self.step_losses, adam=self.adam)

    def with_changes(self, **changes) -> "SessionState":
        return replace(self, **changes)


def from_trainer(trainer, practice_code: str = "", extra: Mapping | None = None) -> SessionState:
    """A snapshot of `trainer` (copies, so later training does not change it)."""
    return SessionState(
        spec=trainer.spec,
        data=trainer.data,
        params=trainer.params_copy(),
        velocity={k: v.clone() for k, v in trainer.velocity.items()} if trainer.velocity else None,
        epoch=trainer.epoch,
        losses=list(trainer.losses),
        accuracies=list(trainer.accuracies),
        practice_code=practice_code,
        extra=dict(extra or {}),
        batch=trainer.batch,
        step_losses=list(trainer.step_losses),
        test_losses=list(trainer.held_out.losses) if trainer.held_out else [],
        test_accuracies=list(trainer.held_out.accuracies) if trainer.held_out else [],
        adam=trainer.adam.clone() if trainer.adam else None,
    )


# ----- small helpers --------------------------------------------------------------------------------
_is_int, _is_number, _as_float, _kind, _short = is_int, is_number, as_float, kind, json_text


def _finite_number(v) -> bool:
    return _is_number(v) and math.isfinite(v)


def _short_key(k: str, limit: int = 40) -> str:
    """A key for a field path: shortened, lone surrogates and control characters escaped."""
    k = k if len(k) <= limit else k[: limit - 1] + "…"
    if k.isprintable() and _utf8(k):
        return k
    return json.dumps(k)[1:-1]


def _utf8(s: str) -> bool:
    try:
        s.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True
