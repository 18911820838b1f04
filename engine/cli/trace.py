"""`trace`: every operation of one epoch, with shapes, transposes, formula and the reason for each shape."""

from __future__ import annotations

import argparse
import json
import math

import torch

from .common import UsageError
from engine.core.spec import shape_text
from .common import add_source_args, diagnosis_dict, int_in, json_number, json_values, load_source

MAX_EPOCH = 10**9
MAX_AHEAD = 100_000  # epochs run on the fast path before the traced one (about 15 s for the notebook's XOR)
MAX_PRINTED = 16  # print a step's value when it has at most this many numbers

EPILOG = """\
Epoch E is the E-th epoch since the network's start (default: the next one, 1 for a preset); the epochs
before it run on the fast path first. --json prints {"epoch": E, "loss": x, "steps": [{"index", "name",
"phase", "op", "layer", "shape", "operands": [{"name", "shape", "transposed", "broadcast"}], "code", "args",
"formula", "why", "note", "value"}], "diverged": null | {…}}; shapes are an operand's own shape (a1 is [4, 2]
even where it enters as a1ᵀ); non-finite numbers are null. "code" names the step's explanation template
(engine/text/steps.py: the code's template is the formula; code.why, code.note and code.remark the others)
and "args" holds its arguments (names, shapes as text, numbers; a nested explanation as {"code", "args",
"text"}); "formula", "why" and "note" are their English.
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
    p.add_argument("--json", action="store_true", help="print one JSON object")
    return p


def run(args) -> int:
    trainer = load_source(args)
    target = args.epoch if args.epoch is not None else trainer.epoch + 1
    if target <= trainer.epoch:
        raise UsageError(f"epoch: this session is at epoch {trainer.epoch}; "
                         f"trace epoch {trainer.epoch + 1} or later")
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
    et = trainer.step()
    diagnosis = _diagnose(trainer, et)
    if args.json:
        steps = []
        for s in et.steps:
            d = s.to_dict()
            d["value"] = json_values(d["value"])
            steps.append(d)
        out = {"epoch": et.epoch, "loss": json_number(et.loss), "steps": steps,
               "diverged": diagnosis_dict(diagnosis)}
        print(json.dumps(out, allow_nan=False, ensure_ascii=False))
        return 0
    print(f"epoch {et.epoch}: {len(et.steps)} steps; X is {shape_text(trainer.X.shape)}; "
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
