"""What training hands out: the trace of one traced step (EpochTrace), a run's snapshot (Snapshot), and a
checkpoint the trainer keeps to rewind from (Checkpoint). Plain immutable records, no behaviour."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import torch

from engine.core.network import Params
from engine.core.trace import Step
from engine.core.update import AdamState


@dataclass(frozen=True)
class EpochTrace:
    """What one traced epoch did: its Steps in order, and the numbers a view needs."""

    epoch: int  # the epoch number (1-based) these steps belong to
    steps: tuple[Step, ...]
    loss: float
    grads: Mapping[str, torch.Tensor]  # d_w{k}, d_b{k} (engine.core.trace.Grads: a d_w is made on first read)
    params_before: dict[str, torch.Tensor]
    params_after: dict[str, torch.Tensor]
    batch: int = 0  # with mini-batches: which step of its epoch (0-based) this trace is
    n_steps: int = 1  # the steps of an epoch (⌈N/batch_size⌉; 1 for the whole data set)
    rows: torch.Tensor | None = None  # the rows of X in this step's batch, in its order (None: all of X)

    def step(self, name: str, phase: str | None = None) -> Step:
        for s in self.steps:
            if s.name == name and (phase is None or s.phase == phase):
                return s
        raise KeyError(name)


@dataclass(frozen=True)
class Snapshot:
    """A small immutable report from training, safe to hand to another thread."""

    epoch: int  # epochs completed
    loss: float  # the loss of that epoch's forward pass (before its update)
    accuracy: float | None
    params: dict[str, torch.Tensor] | None = None  # copies, when asked for
    diagnosis: object | None = None  # engine.training.diagnose.Diagnosis when training stopped on divergence
    done: bool = False
    # with a test set (engine/training/held_out.py): the test losses and accuracies of the epochs since the
    # previous snapshot of the same train() call, so a view can extend its copy of the history
    test_losses: tuple[float, ...] | None = None
    test_accuracies: tuple[float, ...] | None = None


@dataclass
class Checkpoint:
    params: Params
    velocity: Params | None
    loss_len: int = field(default=0)
    batch: int = 0  # mini-batch steps done in the epoch after `epoch` epochs (a session saved mid-epoch)
    adam: AdamState | None = None
