"""`gradcheck`: the engine's manual gradients against torch.autograd and centred finite differences."""

from __future__ import annotations

import argparse
import json

from engine.core.spec import shape_text
from .common import (
    SPLIT_EPILOG, add_source_args, add_split_args, json_number, json_values, load_source, rows_note, with_split,
)

EPILOG = """\
The check is made at the network's current parameters (epoch 0 for a preset, the saved epoch for a
session), on the rows the network trains on. Columns: the largest |entry| of each gradient, then the
relative error between the manual and the reference gradients and the verdict (ok, suspect, wrong).
--json prints {"epoch": e, "params": {"w1": {"manual": [[…]], "autograd": [[…]], "numeric": [[…]],
"rel_error": x, "verdict": "ok", "why": "…"}, …}, "train_samples": n, "test_samples": m}. The command exits 0
whatever the verdicts.

""" + SPLIT_EPILOG + """
The gradients are then those of the loss on the training rows, the loss `run` follows.
"""


def add_parser(subparsers) -> argparse.ArgumentParser:
    p = subparsers.add_parser(
        "gradcheck", help="compare manual gradients with autograd and finite differences",
        description="Compare the engine's hand-written gradients with torch.autograd and with centred "
        "finite differences, per parameter.",
        epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_source_args(p)
    add_split_args(p)
    p.add_argument("--json", action="store_true", help="print one JSON object")
    return p


def run(args) -> int:
    from engine.verify.gradcheck import gradcheck

    trainer = with_split(load_source(args), args)
    checks = gradcheck(trainer)
    held = trainer.held_out
    if args.json:
        out = {"epoch": trainer.epoch, "params": {
            name: {
                "manual": json_values(c.manual.tolist()),
                "autograd": json_values(c.autograd.tolist()),
                "numeric": json_values(c.numeric.tolist()),
                "rel_error": json_number(c.rel_error),
                "verdict": c.verdict,
                "why": c.why,
            }
            for name, c in checks.items()
        }, "train_samples": int(trainer.X.shape[0]), "test_samples": held.n if held is not None else 0}
        print(json.dumps(out, allow_nan=False, ensure_ascii=False))
        return 0
    rows = [("param", "shape", "max|manual|", "max|autograd|", "max|numeric|", "rel. error", "verdict")]
    for name, c in checks.items():
        rows.append((name, shape_text(c.manual.shape), _maxabs(c.manual), _maxabs(c.autograd),
                     _maxabs(c.numeric), f"{c.rel_error:.2e}", c.verdict))
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    print(f"gradient check at epoch {trainer.epoch} ({trainer.spec.dtype} network; "
          f"the references are computed in float64){rows_note(trainer)}")
    for r in rows:
        print("  ".join(cell.ljust(w) if i in (0, 1, 6) else cell.rjust(w)
                        for i, (cell, w) in enumerate(zip(r, widths))).rstrip())
    for name, c in checks.items():
        if c.why:
            print(f"{name}: {c.verdict}: {c.why}")
    bad = [n for n, c in checks.items() if c.verdict != "ok"]
    print("all gradients agree" if not bad else f"not ok: {', '.join(bad)}")
    return 0


def _maxabs(t) -> str:
    """The largest |entry|, ignoring NaN (elements the numeric check did not sample)."""
    a = t.detach().abs()
    a = a[~a.isnan()]
    return f"{float(a.max()):.4e}" if a.numel() else "-"
