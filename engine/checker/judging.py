"""The verdict, computed in the checker's own process from the plain values the child handed back.

`expected_steps(spec, X, y, params, state)` records the engine's epoch from the session's optimizer state (the
momentum buffers, or Adam's m, v and t): the expected gradients and updates exist only here, never in the
process that runs the learner's code;
`judge(raw, steps, spec, N, state, params, code)` turns the child's validated result
(engine.checker.result_file) into the report dict engine.checker.exercise reads: ok, root, root_line, error,
results. The Python error the child explained is shown as it came, but it cannot make anything right:
`ok` needs every tensor the parent compared to be right.
"""

from __future__ import annotations

import ast

import torch

from engine.core.network import Network, Targets
from engine.core.trace import Recorder
from engine.core.update import AdamState
from engine.text import Text

from .pyerrors import assigned_lines
from .values import NotATensor
from .verdicts import Judge

NOT_A_MISTAKE = ("ok", "follows", "missing", "aliased")  # the statuses that are not a mistake of their own


def expected_steps(spec, X, y, params, state):
    """`state`: the trainer's opt_state (None, the momentum buffers, or an AdamState); it is not changed."""
    dt = spec.torch_dtype
    P = {k: v.to(dt).clone() for k, v in params.items()}
    if spec.optimizer == "adam":
        V = state.to(dt) if isinstance(state, AdamState) else AdamState.zeros(P)
    else:
        V = ({k: v.to(dt).clone() for k, v in state.items()} if state else
             ({k: torch.zeros_like(v) for k, v in P.items()} if spec.momentum else None))
    rec = Recorder()
    Network(spec).epoch(P, V, X.to(dt), Targets(spec, y), rec)
    return rec.steps


def lines_of(code: str) -> dict[str, int]:
    """name → the last line assigning it, parsed (never run) here; {} for code that does not parse."""
    import textwrap

    try:
        return assigned_lines(ast.parse(textwrap.dedent(code)))
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return {}


def judge(raw: dict, steps, spec, N: int, state, params: dict, code: str, names: list[str]) -> dict:
    grad_names = [s.name for s in steps if s.phase == "backward"]
    out = {"ok": False, "root": None, "root_line": None, "error": raw["error"], "results": [],
           "names": names}
    if raw["error"] is not None and raw["error"].get("code") == "syntax":  # nothing ran: nothing to judge
        out["root"], out["root_line"] = raw["error"].get("target"), raw["error"].get("line")
        return out
    got = {k: (NotATensor(v) if isinstance(v, str) else v) for k, v in raw["got"].items()}
    changed = {k: (NotATensor(v) if isinstance(v, str) else v) for k, v in raw["changed"].items()}
    dt = spec.torch_dtype
    before = {k: v.to(dt) for k, v in params.items()}
    results = Judge(steps, spec, N, state).judge(got, changed, before, lines_of(code),
                                                    raw.get("aliased", {}))
    out["results"] = [r.to_dict() for r in results]
    bad = [r for r in results if r.status not in NOT_A_MISTAKE]
    err = out["error"]
    if err is not None:
        # the error's variable, unless a wrong tensor on an earlier line comes first
        earlier = [r for r in bad if r.line is not None and err["line"] is not None and r.line < err["line"]]
        first = earlier[0] if earlier else (None if err["target"] else (bad[0] if bad else None))
        out["root"] = first.name if first else err["target"]
        out["root_line"] = first.line if first else err["line"]
    elif bad:
        out["root"], out["root_line"] = bad[0].name, bad[0].line
    elif not got and not changed:
        names_text = ", ".join(grad_names)
        message = Text("checker.error.nothing_defined", {"names": names_text}).to_dict()
        hint = Text("checker.hint.nothing_defined").to_dict()
        out["error"] = {"type": "NothingToCheck", "line": None, "code": "nothing_defined",
                        "message": message["text"], "hint": hint["text"], "numbers": {"names": names_text},
                        "text": None, "col": None, "target": None, "hint_text": hint, "message_text": message}
    out["ok"] = out["error"] is None and not bad
    if spec.loss == "softmax_ce":
        _labels_hint(out, code, N, spec.outputs)
    return out


def indexes_with_y(line: str) -> bool:
    """Whether a line of code indexes a tensor with y itself (y[...] is fine; t[..., y] is not)."""
    try:
        tree = ast.parse(line.strip())
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return False
    for node in ast.walk(tree):
        if isinstance(node, ast.Subscript):
            idx = node.slice
            parts = idx.elts if isinstance(idx, ast.Tuple) else [idx]
            for p in parts:
                while isinstance(p, (ast.Call, ast.Attribute)):  # y.long(), y.int()
                    p = p.func if isinstance(p, ast.Call) else p.value
                if isinstance(p, ast.Name) and p.id == "y":
                    return True
    return False


def _labels_hint(out: dict, code: str, N: int, K: int) -> None:
    """With one-hot y, a line that indexes with y as with class labels gets the hint to use labels."""
    import textwrap

    from engine.core.spec import shape_text

    lines = textwrap.dedent(code).splitlines()
    t = Text("checker.y_one_hot", {"shape": shape_text((N, K)), "labels_shape": shape_text((N,))})

    def at(n):
        return n is not None and 1 <= n <= len(lines) and indexes_with_y(lines[n - 1])

    err = out["error"]
    if err is not None and at(err.get("line")):
        err["hint_text"], err["code"] = t.to_dict(), "y_one_hot"
        err["hint"] = err["hint_text"]["text"]
        err["numbers"] = dict(err.get("numbers") or {}, **t.args)
    for r in out["results"]:
        if r["status"] not in NOT_A_MISTAKE and at(r["line"]):
            r["hint_text"], r["hint_code"] = t.to_dict(), "y_one_hot"
            r["hint"] = r["hint_text"]["text"]
