"""`check`: run the learner's backward code against the engine and name the root mistake."""

from __future__ import annotations

import argparse
import json
import os

from .common import UsageError
from .common import add_source_args, float_in, int_in, load_source

EPILOG = """\
CODE.py holds the backward pass (and optionally the update) of one epoch, written like the notebook. It runs
in a separate process, from a temporary folder, with a time limit and a memory limit, with these names bound
for the network's current state: torch, X (N × in), y, N, lr, w1, b1, …, l1, a1, …, y_pred, loss; y is
(N × 1) with 0 or 1 for BCE, one-hot (N × K) for softmax (then labels (N,) holds the class indices: index with
labels, not y), (N × T) for MSE; and the helpers
sigmoid, sigmoid_p, tanh, tanh_p, relu, relu_p, leaky_relu, leaky_relu_p, linear, linear_p, softmax,
softmax_backward (with momentum also momentum and v_w1, …; with Adam also beta1, beta2, eps, t (the steps
taken) and its moment buffers m_w1, v_w1, …, the session's; with L2 also l2_lambda). Every d_<name> it
defines is compared with the engine's ∂loss/∂<name> in backprop order; every parameter it changes is
compared with the engine's update (under Adam: torch.optim.Adam's next step from the session's m, v and t).
Each line is judged against the right rule applied to your own upstream tensor (its local verdict), and also
against the engine's value ("vs engine"). Statuses: ok, follows (right formula, wrong input from upstream),
sign, scale (a constant factor), shape, wrong, not_finite, missing, aliased (right when assigned, changed in
place by a later line). The root mistake is the first tensor that is wrong and does not merely follow (or the
variable assigned on the line of a Python error).

--train E runs E epochs where the engine does the forward pass and your code the gradients and the update
(a parameter your code leaves alone is updated by the network's optimizer from your d_<param>: SGD, momentum,
or Adam from the session's state), and reports the loss curve and the first epoch whose loss or parameters
are not finite, with the reason.
Time limit: S seconds for each run of your code, and S × (1 + E/1000) for the whole training run.

The verdicts are computed in this process from the values your code's process hands back. That process is
contained as far as this machine allows; "isolation" in --json (and the last lines of the text report) says
what was in effect: with bubblewrap (bwrap), no network, no writes outside its folder and its own PID
namespace; on Linux a supervisor that ends every process it starts and limits the memory of all of them.

--json prints {"ok", "root", "root_line", "error": null | {"type", "line", "message", "hint", "code",
"hint_text", "message_text", …}, "results": [{"name", "kind", "expected_shape", "got_shape", "status",
"factor", "max_abs_err", "follows_from", "hint", "hint_code", "hint_text", "numbers", "line", "formula",
"formula_text"}], "train": null | {"epochs_run", "diverged_at", "loss": […], "diagnosis": {…, "reason",
"explanation"}, "error", …}, "stdout", "elapsed", "isolation": […], "not_isolated": […], "shapes": null |
{"notes": [{"line", "col_start", "col_end", "anchor_start", "anchor_end", "text", "op", "shape", "kind",
"parent", "count", "varied"}], "error": null | {"line", "text", "op", "operands": [{"text", "shape", …}], …},
"dropped"}} (--values adds each tensor's expected and got values). Every hint is also given as data:
hint_text (and an error's message_text where the message is the checker's own, a diagnosis's explanation) is
{"code", "args", "text"}: the code of an engine template, its arguments, and the English that "hint" (or
"message", "reason") also holds. "shapes" holds the shape of every sub-expression of the checked run that held
a tensor (columns are character offsets in your lines as written), and the operation a Python error came from
with its operands' shapes; the text report draws them under your lines.
Exit status: 0 when every tensor your code defines is right, 1 when your code has any problem (a wrong
tensor, a Python error, a time-out), 2 for a usage error.
"""


MAX_TIMEOUT = 3600.0  # seconds for one run of the learner's code
MAX_MEMORY_MB = 1 << 20  # 1 TiB: more than any machine this runs on
MAX_TRAIN = 100_000  # epochs of the learner's code (each one runs it once)


def add_parser(subparsers) -> argparse.ArgumentParser:
    p = subparsers.add_parser(
        "check", help="check your own backward code against the engine",
        description="Run your backward pass (and update) for one epoch against the engine's and name the "
        "first tensor that is wrong.",
        epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("code", metavar="CODE.py",
                   help="your backward pass, as in the notebook's loop body (or a SESSION.json alone: its "
                        "saved practice code)")
    add_source_args(p)
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.add_argument("--values", action="store_true", help="with --json: include expected and got values")
    p.add_argument("--timeout", type=float_in(0, MAX_TIMEOUT), default=5.0, metavar="S",
                   help=f"seconds your code may run (default 5, at most {MAX_TIMEOUT:g})")
    p.add_argument("--memory", type=int_in(1, MAX_MEMORY_MB), default=2048, metavar="MB",
                   help="memory your code may use, in MiB (default 2048)")
    p.add_argument("--train", type=int_in(1, MAX_TRAIN), metavar="EPOCHS",
                   help=f"train that many epochs with your code (1 to {MAX_TRAIN})")
    p.add_argument("--lr", type=float, metavar="X", help="learning rate (default: the network's)")
    return p


def read_code(path: str) -> str:
    if not os.path.isfile(path):
        raise UsageError(f"{path}: no such file")
    from engine.io.session_file import MAX_PRACTICE_CODE

    try:
        with open(path, encoding="utf-8-sig") as f:
            code = f.read(MAX_PRACTICE_CODE + 1)
        if len(code) > MAX_PRACTICE_CODE:
            raise UsageError(f"{path}: longer than {MAX_PRACTICE_CODE:,} characters; the checker takes the "
                             "backward pass of one epoch")
        return code
    except UnicodeDecodeError:
        raise UsageError(f"{path}: not UTF-8 text; save it as UTF-8") from None
    except OSError as e:
        raise UsageError(f"{path}: {e.strerror or e}") from None


def run(args) -> int:
    from engine.checker.exercise import check_code, report_text

    if args.code.endswith(".json") and args.session is None and args.preset is None:
        args.session = args.code  # `check SESSION.json`: the practice code saved in the session
        trainer = load_source(args)
        from engine.io.session_file import load

        code = load(args.session).practice_code
        if not code.strip():
            raise UsageError(f"{args.session} holds no practice code; give CODE.py too")
    else:
        code = read_code(args.code)
        trainer = load_source(args)
    spec = trainer.spec
    if args.lr is not None:
        spec = spec.with_changes(lr=args.lr)  # SpecError: exit 2
    from engine.checker.supervisor import end_descendants, set_subreaper

    # should the code kill its supervisor (no PID namespace here), what it started is re-parented to this
    # process, which then ends it
    subreaper = os.name == "posix" and set_subreaper()
    report = check_code(code, trainer, timeout=args.timeout, memory_mb=args.memory,
                        train_epochs=args.train or 0, lr=args.lr, filename=os.path.basename(args.code))
    if subreaper and report.error is not None and report.error.code == "parent_killed":
        end_descendants()
    if args.json:
        print(json.dumps(report.to_dict(values=args.values), ensure_ascii=False, allow_nan=False))
    else:
        source = args.session or f"preset {args.preset or 'notebook-xor'}"
        title = (f"checking {args.code} against {source} at epoch {trainer.epoch} "
                 f"(N = {trainer.X.shape[0]}, {spec.dtype}, lr {spec.lr:g})\n")
        print(report_text(report, title))
    bad_train = report.train is not None and report.train.error is not None
    return 0 if report.ok and not bad_train else 1
