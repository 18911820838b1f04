"""`trace`: every operation of one epoch, with shapes, transposes, formula and the reason for each shape."""

from __future__ import annotations

import argparse
import json
import math

import torch

from .common import UsageError
from engine.core.spec import shape_text
from .common import (
    SPLIT_EPILOG, add_batch_size_arg, add_source_args, add_split_args, diagnosis_dict, int_in, json_number,
    json_values, load_source, rows_note, with_batch_size, with_split,
)

MAX_EPOCH = 10**9
MAX_AHEAD = 100_000  # epochs run on the fast path before the traced one (about 15 s for the notebook's XOR)
MAX_PRINTED = 16  # print a step's value when it has at most this many numbers

EPILOG = """\
Epoch E is the E-th epoch since the network's start (default: the next one, 1 for a preset); the epochs
before it run on the fast path first. With mini-batches (--batch-size K, or the network's) one step of the
epoch is traced: --step J (default the first, or the next of a session saved inside an epoch). --json prints {"epoch": E, "loss": x, "steps": [{"index", "name",
"phase", "op", "layer", "shape", "operands": [{"name", "shape", "transposed", "broadcast"}], "code", "args",
"formula", "why", "note", "value"}], "diverged": null | {…}} (with mini-batches also "batch_step" j, of
"batch_steps", and "batch_rows", the rows of X in it, 0-based); shapes are an operand's own shape (a1 is [4, 2]
even where it enters as a1ᵀ); non-finite numbers are null. "code" names the step's explanation template
(engine/text/steps.py: the code's template is the formula; code.why, code.note and code.remark the others)
and "args" holds its arguments (names, shapes as text, numbers; a nested explanation as {"code", "args",
"text"}); "formula", "why" and "note" are their English; "train_samples" and "test_samples" count the rows.

""" + SPLIT_EPILOG + """
X is then the training rows, as `run` trains on them.
"""


def add_parser(subparsers) -> argparse.ArgumentParser:
    p = subparsers.add_parser(
        "trace", help="show every step of one epoch with its shapes",
        description="Print every operation of one epoch: forward, backward and update, with operand shapes, "
        "transposes, broadcasts, the formula in the notebook's names and why each gradient has its shape.",
        epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_source_args(p)
    p.add_argument("--epoch", type=int_in(1, MAX_EPOCH), metavar="E",
                   help=f"the epoch to trace (default: the next; at most {MAX_AHEAD} after the session's)")
    add_batch_size_arg(p)
    add_split_args(p)
    p.add_argument("--step", type=int_in(1, 10**6), metavar="J",
                   help="with mini-batches: the step of the epoch to trace (default: its first)")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    return p


def run(args) -> int:
    trainer = with_batch_size(with_split(load_source(args), args), args.batch_size)  # K counts training rows
    S = trainer.steps_per_epoch
    step = args.step if args.step is not None else (trainer.batch + 1 if args.epoch is None else 1)
    if step > S:
        raise UsageError(f"--step {step} is out of range: an epoch of this network has {S} step(s), "
                         f"so use 1 to {S}")
    target = args.epoch if args.epoch is not None else trainer.epoch + 1
    if target <= trainer.epoch or (target == trainer.epoch + 1 and step <= trainer.batch):
        raise UsageError(f"epoch: this session is at epoch {trainer.epoch}; "
                         f"trace epoch {trainer.epoch + 1} or later")
    if trainer.batch and target > trainer.epoch + 1:  # finish the epoch in progress first
        while trainer.batch:
            trainer.step_fast()
    before = target - 1 - trainer.epoch
    if before > MAX_AHEAD:
        raise UsageError(f"epoch: {target} is out of range; this session is at epoch {trainer.epoch}, so use "
                         f"{trainer.epoch + 1} to {trainer.epoch + 1 + MAX_AHEAD}")
    if before:
        for _ in trainer.train(before, every=before + 1):
            pass
    if trainer.diagnosis is not None:  # it diverged before reaching the epoch asked for
        d = trainer.diagnosis
        if args.json:
            print(json.dumps({"epoch": target, "loss": None, "steps": [], "diverged": diagnosis_dict(d)}))
        else:
            print(f"training stopped before epoch {target}: {d.summary()}")
            print(f"trace --epoch {d.epoch} shows that epoch")
        return 0
    while trainer.batch < step - 1 and trainer.diagnosis is None:
        trainer.step_fast()
    et = trainer.step()
    diagnosis = _diagnose(trainer, et)
    if args.json:
        steps = []
        for s in et.steps:
            d = s.to_dict()
            d["value"] = json_values(d["value"])
            steps.append(d)
        held = trainer.held_out
        out = {"epoch": et.epoch, "loss": json_number(et.loss), "steps": steps,
               "diverged": diagnosis_dict(diagnosis), "train_samples": int(trainer.X.shape[0]),
               "test_samples": held.n if held is not None else 0}
        if et.n_steps > 1:
            out.update(batch_step=et.batch + 1, batch_steps=et.n_steps, batch_rows=et.rows.tolist())
        print(json.dumps(out, allow_nan=False, ensure_ascii=False))
        return 0
    if et.n_steps > 1:
        n_b = len(et.rows)
        print(f"epoch {et.epoch}, mini-batch {et.batch + 1} of {et.n_steps}: {len(et.steps)} steps; X is "
              f"{shape_text(trainer.X.shape)}{rows_note(trainer)}, this batch takes {n_b} of its rows, so every N below is {n_b}; "
              f"loss {et.loss:.6f} (this batch's, before its update)")
        print(f"rows of X in this batch: {format_rows(et.rows.tolist())}")
    else:
        print(f"epoch {et.epoch}: {len(et.steps)} steps; X is {shape_text(trainer.X.shape)}{rows_note(trainer)}; "
              f"loss {et.loss:.6f} (before this epoch's update)")
    for s in et.steps:
        print()
        print(s.describe())
        if s.result.numel() <= MAX_PRINTED:
            print(f"     value: {format_value(s.result)}")
    if diagnosis is not None:
        print()
        print(diagnosis.summary())
    return 0


def format_rows(rows: list[int], limit: int = 40) -> str:
    shown = ", ".join(map(str, rows[:limit]))
    return shown + (f", … ({len(rows)} rows)" if len(rows) > limit else "")


def _diagnose(trainer, et):
    from engine.training.diagnose import diagnose_trace

    return diagnose_trace(trainer, et)


def format_value(t: torch.Tensor) -> str:
    """Numbers with 6 significant digits, nested like the tensor."""
    def num(x: float) -> str:
        return f"{x:.6g}" if math.isfinite(x) else str(x)

    v = t.tolist()
    if t.dim() == 0:
        return num(v)
    if t.dim() == 1:
        return "[" + ", ".join(num(x) for x in v) + "]"
    return "[" + ", ".join("[" + ", ".join(num(x) for x in row) + "]" for row in v) + "]"
