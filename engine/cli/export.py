"""`export`: a standalone plain-torch script (or notebook) that reproduces the engine's numbers."""

from __future__ import annotations

import argparse
import os

from .common import UsageError
from .common import (
    SPLIT_EPILOG, add_batch_size_arg, add_optimizer_arg, add_source_args, add_split_args, load_source, MAX_EPOCHS,
    int_in, with_batch_size, with_spec, with_split,
)

EPILOG = """\
manual (default): only `import torch`; the data inline, the session's current parameters written exactly, the
forward pass, the backward pass by hand with a shape comment on every tensor line, the update and the
notebook's log line, corrected. It prints the same lines as `python -m engine run` with the same source,
--epochs, --lr, --optimizer and --log-every (a run that diverges ends differently: the engine prints its diagnosis).

autograd: the same network as nn.Linear layers trained with loss.backward() and torch.optim.SGD (or
torch.optim.Adam, loaded with the session's m, v and t); its losses
agree with the manual script's to about 1e-6 relative, and its last line prints the final loss in full.

With mini-batches (--batch-size K, or the network's) each epoch draws its order of the rows as the engine
does and runs the same steps, so the manual script still prints `run`'s lines exactly.

--format ipynb (or -o NAME.ipynb) writes a Jupyter notebook instead. Without -o the text goes to stdout.

""" + SPLIT_EPILOG + """
The script then trains on the training rows and measures the loss on the test rows, and prints `run`'s lines
with the same --test-split and --split-seed (the test loss of each logged epoch, and the closing test line).
"""


def add_parser(subparsers) -> argparse.ArgumentParser:
    p = subparsers.add_parser(
        "export", help="write a plain-torch script that reproduces the engine's numbers",
        description="Export the network and its current parameters as a standalone torch script or notebook.",
        epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_source_args(p)
    p.add_argument("--style", choices=("manual", "autograd"), default="manual",
                   help="backward by hand (default) or with autograd")
    p.add_argument("--epochs", type=int_in(1, MAX_EPOCHS), metavar="N", help="epochs to run (default: the network's)")
    p.add_argument("--lr", type=float, metavar="X", help="learning rate (default: the network's)")
    add_optimizer_arg(p)
    p.add_argument("--log-every", type=int_in(1, MAX_EPOCHS), metavar="K",
                   help="log every K epochs (default: epochs // 20)")
    add_batch_size_arg(p)
    add_split_args(p)
    p.add_argument("--format", choices=("py", "ipynb"), help="py (default) or ipynb (default for -o *.ipynb)")
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")
    return p


def run(args) -> int:
    from engine.io.codegen import export

    trainer = load_source(args)
    if args.optimizer is not None:
        trainer = with_spec(trainer, trainer.spec.with_changes(optimizer=args.optimizer))  # SpecError: exit 2
    trainer = with_batch_size(with_split(trainer, args), args.batch_size)  # K counts the training rows
    if args.lr is not None:
        trainer.spec.with_changes(lr=args.lr)  # SpecError (exit 2) before anything is written
    fmt = args.format or ("ipynb" if args.output and args.output.endswith(".ipynb") else "py")
    source = args.session or f"preset {args.preset or 'notebook-xor'}"
    cmd = ["python -m engine run", args.session or f"--preset {args.preset or 'notebook-xor'}"]
    epochs = args.epochs or trainer.spec.epochs
    cmd += [f"--epochs {epochs}" if args.epochs else "", f"--lr {args.lr!r}" if args.lr is not None else "",
            f"--log-every {args.log_every or max(1, epochs // 20)}",
            f"--batch-size {args.batch_size}" if args.batch_size is not None else "",
            f"--optimizer {args.optimizer}" if args.optimizer else "",
            f"--test-split {args.test_split!r}" if args.test_split is not None else "",
            f"--split-seed {args.split_seed}" if args.split_seed is not None else ""]
    text = export(trainer, args.style, fmt, epochs=args.epochs, lr=args.lr, log_every=args.log_every,
                  source=source, command=" ".join(c for c in cmd if c))
    if not args.output:
        print(text, end="")
        return 0
    if os.path.isdir(args.output):
        raise UsageError(f"{args.output} is a folder; give a file name")
    tmp = f"{args.output}.{os.getpid()}.tmp"
    try:
        with open(tmp, "w", encoding="utf-8") as f:
            f.write(text)
        os.replace(tmp, args.output)
    except OSError as e:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise UsageError(f"cannot write {args.output}: {e.strerror or e}") from None
    return 0
