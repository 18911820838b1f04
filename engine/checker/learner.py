"""Running the learner's code against the engine: binding the names, one checked epoch, and --train.

This runs *inside* the sandbox process (engine.checker.sandbox) — or in-process for tests of the verdicts, where
`Limiter(enabled=False)` sets no alarm. `run_payload(payload, limiter)` returns the report as plain data
(JSON-ready); engine.checker.exercise turns it into a CheckReport.

Time limits: each run of the code (the checked epoch, and each epoch of --train) is limited to `timeout`
seconds by SIGALRM, which raises CodeTimeout inside their code (at the line it was running). The whole
--train run is limited to timeout × (1 + E/1000) seconds: 5 s plus 5 s per 1000 epochs by default, far
more than a correct cell needs (10,000 epochs of the notebook's cell take about 2 s).
"""

from __future__ import annotations

import ast
import builtins
import math
import signal
import textwrap
import time

import torch

from . import helpers
from engine.training.diagnose import explain_step
from engine.core.network import Network, Targets
from .pyerrors import CodeTimeout, Context, assigned_lines, explain
from engine.core.spec import NetworkSpec, shape_text
from engine.core.trace import LOSS_GRAD, UPDATE, Operand, Recorder, Step, StepText
from .verdicts import Judge, NotATensor, as_tensor

MISSING = object()


class Limiter:
    """Arms SIGALRM to raise CodeTimeout after `seconds` (and again every 0.25 s, should their code catch
    it). Disabled outside the sandbox's main thread."""

    def __init__(self, enabled: bool):
        self.enabled = enabled
        if enabled:
            signal.signal(signal.SIGALRM, self._fire)

    @staticmethod
    def _fire(signum, frame):
        raise CodeTimeout()

    def arm(self, seconds: float) -> None:
        if self.enabled:
            signal.setitimer(signal.ITIMER_REAL, max(seconds, 1e-3), 0.25)

    def disarm(self) -> None:
        if self.enabled:
            signal.setitimer(signal.ITIMER_REAL, 0)


def bound_names(spec: NetworkSpec) -> list[str]:
    """The names bound for the learner's code, in the order the template lists them."""
    L = spec.depth
    names = ["torch", "X", "y"] + (["y_labels"] if spec.loss == "softmax_ce" else []) + ["N", "lr"]
    if spec.momentum:
        names.append("momentum")
    if spec.l2:
        names.append("l2_lambda")
    names += spec.param_names
    if spec.momentum:
        names += [f"v_{p}" for p in spec.param_names]
    for k in range(1, L + 1):
        names += [f"l{k}", f"a{k}" if k < L else "y_pred"]
    names += ["loss", *helpers.FUNCTIONS, "device"]
    return names


def bind(ns: dict, spec, X, T, params, forward: dict, velocity=None, first: bool = True) -> dict:
    """Fill `ns` with the engine's values. `forward` maps l1, a1, …, y_pred, loss to tensors."""
    if first:
        ns.update({"__name__": "__learner__", "__builtins__": builtins, "torch": torch, "device": "cpu"})
        ns.update(helpers.FUNCTIONS)
        ns.update(X=X.clone(), y=T.y.clone(), N=int(X.shape[0]), lr=spec.lr)
        if spec.loss == "softmax_ce":
            ns["y_labels"] = T.labels.clone()
        if spec.momentum:
            ns["momentum"] = spec.momentum
            for p in spec.param_names:
                ns[f"v_{p}"] = (velocity[p] if velocity else torch.zeros_like(params[p])).clone()
        if spec.l2:
            ns["l2_lambda"] = spec.l2
    ns.update(params)
    ns.update(forward)
    return ns


def _forward_of(steps) -> dict:
    return {s.name: s.result.clone() for s in steps if s.phase == "forward"}


def _compile(code: str, filename: str):
    text = textwrap.dedent(code)
    tree = ast.parse(text, filename)
    return text, tree, compile(tree, filename, "exec")


def _run(code_obj, ns, limiter, seconds):
    """exec with the time limit; returns the exception (or None)."""
    try:
        limiter.arm(seconds)
        try:
            exec(code_obj, ns)  # noqa: S102 - this is the sandbox
        finally:
            limiter.disarm()
    except BaseException as e:  # noqa: BLE001 - everything their code raises is reported
        return e
    return None


def _error(type_: str, code: str, message: str, hint: str = "", target=None, **more) -> dict:
    """An error dict with every key engine.checker.pyerrors.explain gives."""
    return {"type": type_, "line": None, "message": message, "hint": hint, "code": code, "numbers": {},
            "text": None, "col": None, "target": target, **more}


def _explain(exc, ctx, limiter):
    limiter.arm(1.0)  # re-evaluating operands for the hint gets one more second at most
    try:
        return explain(exc, ctx)
    except CodeTimeout:
        return _error(type(exc).__name__, "exception", str(exc)[:500])
    finally:
        limiter.disarm()


def run_payload(payload: dict, limiter: Limiter, ready=None) -> dict:
    """The check (and --train) for one payload; see engine.checker.exercise.check_code for its keys."""
    spec = NetworkSpec.from_dict(payload["spec"])
    dt = spec.torch_dtype
    X = payload["X"].to(dt)
    T = Targets(spec, payload["y"])
    params = {k: v.to(dt) for k, v in payload["params"].items()}
    velocity = {k: v.to(dt) for k, v in payload["velocity"].items()} if payload.get("velocity") else None
    N = int(X.shape[0])
    net = Network(spec)
    rec = Recorder()
    net.epoch({k: v.clone() for k, v in params.items()},
              {k: v.clone() for k, v in velocity.items()} if velocity else
              ({k: torch.zeros_like(v) for k, v in params.items()} if spec.momentum else None), X, T, rec)
    steps = rec.steps
    names = bound_names(spec)
    grad_names = [s.name for s in steps if s.phase == "backward"]
    expected = {s.name: tuple(s.result.shape) for s in steps}
    timeout, filename = float(payload["timeout"]), payload.get("filename") or "your code"
    ctx = Context(payload["code"], filename, names, expected, N, timeout, int(payload.get("memory_mb", 2048)))
    out = {"ok": False, "root": None, "root_line": None, "error": None, "results": [], "train": None,
           "names": names}
    try:
        text, tree, code_obj = _compile(payload["code"], filename)
        ctx.code, ctx.tree = text, tree
    except (SyntaxError, ValueError, RecursionError, MemoryError) as e:
        if not isinstance(e, SyntaxError):
            e = SyntaxError(str(e) or type(e).__name__, (filename, 1, 1, "", 1, 1))
        out["error"] = explain(e, ctx)
        out["root"] = out["error"]["target"]
        out["root_line"] = out["error"]["line"]
        if payload.get("train_epochs"):
            out["train"] = {"epochs_run": 0, "diverged_at": None, "loss": [], "diagnosis": None,
                            "error": out["error"]}
        return out
    lines = assigned_lines(tree)
    ns = bind({}, spec, X, T, {k: v.clone() for k, v in params.items()}, _forward_of(steps), velocity)
    bound_p = {p: ns[p] for p in spec.param_names}
    versions = {p: t._version for p, t in bound_p.items()}
    if ready:
        ready()
    exc = _run(code_obj, ns, limiter, timeout)
    if exc is not None:
        out["error"] = _explain(exc, ctx, limiter)
    got = {}
    for name in grad_names:
        v = ns.get(name, MISSING)
        if v is MISSING and name == "d_loss":  # also accepted: d_y_pred, d_a{L} (y_pred is a{L})
            v = ns.get("d_y_pred", ns.get(f"d_a{spec.depth}", MISSING))
        if v is not MISSING:
            got[name] = as_tensor(v)
    changed = {}
    for p in spec.param_names:
        v = ns.get(p, MISSING)
        if v is not bound_p[p] or bound_p[p]._version != versions[p]:
            changed[p] = as_tensor(v) if v is not MISSING else NotATensor("deleted name")
    judge = Judge(steps, spec, N, velocity)
    results = judge.judge(got, changed, params, lines)
    out["results"] = [r.to_dict() for r in results]
    bad = [r for r in results if r.status not in ("ok", "follows", "missing")]
    err = out["error"]
    if err is not None:  # the error's variable, unless a wrong tensor on an earlier line comes first
        earlier = [r for r in bad if r.line is not None and err["line"] is not None and r.line < err["line"]]
        first = earlier[0] if earlier else (None if err["target"] else (bad[0] if bad else None))
        out["root"] = first.name if first else err["target"]
        out["root_line"] = first.line if first else err["line"]
    elif bad:
        out["root"], out["root_line"] = bad[0].name, bad[0].line
    elif not got and not changed:
        out["error"] = _error("NothingToCheck", "nothing_defined",
                              "your code defines none of " + ", ".join(grad_names),
                              "name your gradients like the notebook: d_loss, d_l2, d_w2, …")
    out["ok"] = out["error"] is None and not bad
    if payload.get("train_epochs"):
        if exc is not None:
            out["train"] = {"epochs_run": 0, "diverged_at": None, "loss": [], "diagnosis": None, "error": err}
        else:
            epochs = int(payload["train_epochs"])
            out["train"] = train(code_obj, ctx, spec, net, X, T, params, velocity, epochs, limiter, steps)
    return out


# ----- --train -----------------------------------------------------------------------------------------
def train(code_obj, ctx, spec, net, X, T, params, velocity, epochs: int, limiter, steps) -> dict:
    """E epochs: the engine's forward pass, then the learner's code for the gradients and the update.

    A parameter the code changes (in place or by rebinding) takes the code's value; one it leaves alone is
    updated by the engine's rule from the code's d_<param> when that has the right shape, else stays."""
    P = {k: v.clone() for k, v in params.items()}
    Ve = ({k: (velocity[k] if velocity else torch.zeros_like(v)).clone() for k, v in P.items()}
          if spec.momentum else None)
    grad_names = [s.name for s in steps if s.phase == "backward"]
    L = spec.depth
    budget = ctx.timeout * (1 + epochs / 1000)
    deadline = time.monotonic() + budget
    ns: dict = {}
    losses: list[float] = []
    res = {"epochs_run": 0, "diverged_at": None, "loss": losses, "diagnosis": None, "error": None,
           "time_limit": budget, "engine_updated": [], "not_updated": []}
    engine_updated, not_updated = set(), set()
    for e in range(1, epochs + 1):
        ls, as_ = net.forward(P, X)
        loss_t = net.loss(P, ls[-1], as_[-1], T)
        lf = float(loss_t)
        losses.append(lf)
        res["epochs_run"] = e
        if not math.isfinite(lf):
            res["diverged_at"] = e
            res["diagnosis"] = _forward_diagnosis(net, spec, P, X, T, e)
            break
        fwd = {"loss": loss_t}
        for k in range(1, L + 1):
            fwd[f"l{k}"] = ls[k - 1]
            fwd["y_pred" if k == L else f"a{k}"] = as_[k]
        for name in grad_names:
            ns.pop(name, None)
        bind(ns, spec, X, T, P, fwd, velocity, first=(e == 1))
        versions = {p: t._version for p, t in P.items()}
        before = {p: t.clone() for p, t in P.items()}
        remaining = deadline - time.monotonic()
        exc = CodeTimeout() if remaining <= 0 else _run(code_obj, ns, limiter, min(ctx.timeout, remaining))
        if exc is not None:
            err = _explain(exc, ctx, limiter)
            if isinstance(exc, CodeTimeout) and remaining < ctx.timeout:
                err["message"] = f"training did not finish within {budget:g} s"
                err["numbers"] = {"timeout": budget, "epochs": epochs}
            err["epoch"] = e
            res["error"] = err
            break
        for p in spec.param_names:
            v = ns.get(p, MISSING)
            if v is not P[p] or P[p]._version != versions[p]:
                t = v if isinstance(v, torch.Tensor) else None
                if t is None or tuple(t.shape) != tuple(before[p].shape):
                    shape = "not a tensor" if t is None else f"{tuple(t.shape)}"
                    res["error"] = _error("ShapeError", "param_shape",
                                          f"{p} became {shape} in epoch {e}; it must stay "
                                          f"{tuple(before[p].shape)}",
                                          "an update must keep the parameter's shape", p, epoch=e,
                                          numbers={"name": p})
                    break
                P[p] = t.detach().to(spec.torch_dtype).clone()
            else:
                g = ns.get("d_" + p)
                if isinstance(g, torch.Tensor) and tuple(g.shape) == tuple(P[p].shape):
                    g = g.detach().to(spec.torch_dtype)
                    if Ve is not None:
                        Ve[p].mul_(spec.momentum).add_(g)
                        P[p].add_(Ve[p], alpha=-spec.lr)
                    else:
                        P[p].add_(g, alpha=-spec.lr)
                    engine_updated.add(p)
                else:
                    not_updated.add(p)
        if res["error"] is not None:
            break
        if not all(bool(torch.isfinite(t).all()) for t in P.values()):
            res["diverged_at"] = e
            res["diagnosis"] = _learner_diagnosis(ns, steps, spec, before, P, e)
            break
    res["engine_updated"], res["not_updated"] = sorted(engine_updated), sorted(not_updated - engine_updated)
    return res


def _diag(e, step, phase, code, reason, numbers) -> dict:
    return {"epoch": e, "last_finite_epoch": e - 1, "step": step, "phase": phase, "code": code,
            "reason": reason, "numbers": numbers,
            "summary": f"diverged in epoch {e} at {step} ({phase}): {reason}"}


def _learner_diagnosis(ns, steps, spec, before, P, e) -> dict:
    """The first of the learner's tensors (in backprop order) that is not finite, and why (engine wording)."""
    for s in steps:
        if s.phase != "backward":
            continue
        G = ns.get(s.name)
        if not isinstance(G, torch.Tensor) or bool(torch.isfinite(G).all()):
            continue
        up = next((o.name for o in s.operands if o.name.startswith("d_")), None)
        U = ns.get(up) if up else None
        if isinstance(U, torch.Tensor) and not bool(torch.isfinite(U).all()):
            return _diag(e, s.name, "backward", "propagated",
                         f"{s.name} is non-finite because {up} already was", {"operand": up})
        if s.op == LOSS_GRAD:
            yp = ns.get("y_pred")
            ops = (Operand("y_pred", yp), Operand("y", ns["y"]))
            pseudo = Step(0, s.name, "backward", LOSS_GRAD, s.layer, ops, G.detach(), s.text)
            code, reason, numbers = explain_step(pseudo, spec, before, [])
            if numbers.get("saturated"):
                return _diag(e, s.name, "backward", code, reason, numbers)
        n = int((~torch.isfinite(G)).sum())
        return _diag(e, s.name, "backward", "overflow",
                     f"{s.name} became inf or nan ({n} entries) although {up or 'its inputs'} was finite: "
                     "a value overflowed or divided by zero", {"count": n})
    fake = []
    for p in spec.param_names:
        g = ns.get("d_" + p)
        if not (isinstance(g, torch.Tensor) and g.shape == before[p].shape):
            g = (before[p] - P[p]) / spec.lr  # the gradient their update amounts to
        ops = (Operand(p, before[p]), Operand("d_" + p, g.detach()))
        text = StepText("step.update.sgd", {"p": p, "lr": spec.lr, "shape": shape_text(before[p].shape)})
        fake.append(Step(len(fake), p, "update", UPDATE, int(p[1:]), ops, P[p], text))
    bad = next(s for s in fake if not bool(torch.isfinite(s.result).all()))
    code, reason, numbers = explain_step(bad, spec, before, fake)
    return _diag(e, bad.name, "update", code, reason, numbers)


def _forward_diagnosis(net, spec, P, X, T, e) -> dict:
    from engine.training.diagnose import explain_epoch

    rec = Recorder()
    net.epoch({k: v.clone() for k, v in P.items()}, None if not spec.momentum else
              {k: torch.zeros_like(v) for k, v in P.items()}, X, T, rec)
    d = explain_epoch([s for s in rec.steps if s.phase == "forward"], spec, P, e)
    return _diag(e, d.step, d.phase, d.code, d.reason, dict(d.numbers))
