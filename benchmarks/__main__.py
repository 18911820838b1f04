"""`make bench`: every benchmark prints its figure, its ratio or median, and its target.

Each module benchmarks/bench_*.py has `run()` returning rows (label, value, target[, comparison]);
comparison is "<=" (default) or ">="; target None means the figure is printed for reference.
Nothing here is a test: the machines are shared and noisy, so targets are reported, never asserted.
"""

from __future__ import annotations

import importlib
import os
import pkgutil
import sys
import traceback

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _fmt(v: float) -> str:
    return f"{v:.3g}" if abs(v) < 1000 else f"{v:,.0f}"


def main(argv: list[str]) -> int:
    only = set(argv)
    here = os.path.dirname(__file__)
    names = sorted(m.name for m in pkgutil.iter_modules([here]) if m.name.startswith("bench_"))
    misses = 0
    for name in names:
        if only and name not in only:
            continue
        print(f"\n== {name} ==", flush=True)
        try:
            rows = importlib.import_module(f"benchmarks.{name}").run()
        except Exception:  # a broken benchmark is reported, the others still run
            traceback.print_exc()
            misses += 1
            continue
        for row in rows:
            label, value, target = row[:3]
            cmp = row[3] if len(row) > 3 and row[3] else "<="
            if target is None:
                print(f"  {label:62s} {_fmt(value):>10s}")
                continue
            ok = value <= target if cmp == "<=" else value >= target
            misses += not ok
            print(f"  {label:62s} {_fmt(value):>10s}   target {cmp} {_fmt(target):<8s} {'ok' if ok else 'MISSED'}")
    print(f"\n{misses} target(s) missed")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
