"""`presets`: list the ready-made networks."""

from __future__ import annotations

from engine.io.presets import PRESETS


def add_parser(subparsers):
    p = subparsers.add_parser(
        "presets", help="list the presets",
        description="List the presets: name, title, what they are. Use one with `run --preset NAME`.",
    )
    return p


def run(args) -> int:
    wn = max(len(p.name) for p in PRESETS.values())
    wt = max(len(p.title) for p in PRESETS.values())
    for p in PRESETS.values():
        print(f"{p.name:<{wn}}  {p.title:<{wt}}  {p.description}")
    return 0
