"""The CLI's dispatcher. Each subcommand lives in engine/cli/<name>.py with
`add_parser(subparsers)` and `run(args) -> int`. Exit codes: 0 success, 1 the learner's code has a problem
(check), 2 bad arguments or a bad file, with a one-line message and no traceback.
"""

from __future__ import annotations

import argparse
import sys

from engine.core.errors import EngineError

from . import check, export, gradcheck, presets, run, trace
from .common import UsageError

COMMANDS = (run, trace, gradcheck, presets, check, export)


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # argparse's own errors: one line (see --help for usage), exit 2
        print(f"{self.prog}: error: {message} (see {self.prog} --help)", file=sys.stderr)
        raise SystemExit(2)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="python -m engine", description="Backprop Tutor's engine, headless.")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    for mod in COMMANDS:
        p = mod.add_parser(sub)
        p.set_defaults(_run=mod.run)
    return parser


def main(argv: list[str] | None = None) -> int:
    from engine.training.threads import use_one_thread

    use_one_thread()  # tiny networks: a second thread only waits on busy cores (engine/training/threads.py)
    args = build_parser().parse_args(argv)
    try:
        return int(args._run(args) or 0)
    except (UsageError, EngineError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `… | head` closed the pipe: not an error of ours
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
