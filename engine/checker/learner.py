"""Running the learner's code against the engine: binding the names, one checked epoch, and --train.

This runs *inside* the sandbox process (engine.checker.sandbox) — or in-process for tests of the verdicts, where
`Limiter(enabled=False)` sets no alarm. `run_code(payload, limiter)` returns the learner's values as plain data
(engine.checker.result_file); it computes the forward pass only, so no expected gradient exists in this
process, and it judges nothing: engine.checker.judging does, in the checker's process. Line tracing
(`Aliasing`) notes a d_<name> tensor that a later line changes in place.

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
from engine.text import Text, all_templates
from engine.training.diagnose import explain as explain_nonfinite
from engine.core import update
from engine.core.network import Network, Targets
from .pyerrors import CodeTimeout, Context, explain, say
from engine.core.spec import NetworkSpec, shape_text
from engine.core.trace import LOSS_GRAD, UPDATE, Operand, Recorder, Step, StepText
from .aliasing import Aliasing
from .shapes import ShapeProbe
from .values import as_tensor

MISSING = object()
all_templates()  # every explanation template loaded before any learner code runs in this process


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
    names = ["torch", "X", "y"] + (["labels", "y_labels"] if spec.loss == "softmax_ce" else []) + ["N", "lr"]
    if spec.momentum:
        names.append("momentum")
    if spec.optimizer == "adam":
        names += ["beta1", "beta2", "eps", "t"]
    if spec.l2:
        names.append("l2_lambda")
    names += spec.param_names
    if spec.momentum:
        names += [f"v_{p}" for p in spec.param_names]
    if spec.optimizer == "adam":
        names += [f"{b}_{p}" for b in "mv" for p in spec.param_names]
    for k in range(1, L + 1):
        names += [f"l{k}", f"a{k}" if k < L else "y_pred"]
    names += ["loss", *helpers.FUNCTIONS, "device"]
    return names


def bind(ns: dict, spec, X, T, params, forward: dict, velocity=None, first: bool = True, adam=None) -> dict:
    """Fill `ns` with the engine's values. `forward` maps l1, a1, …, y_pred, loss to tensors; `adam` is the
    session's Adam state as plain data ({"m", "v", "t"}, engine.checker.exercise), None for zeros."""
    if first:
        ns.update({"__name__": "__learner__", "__builtins__": builtins, "torch": torch, "device": "cpu"})
        ns.update(helpers.FUNCTIONS)
        ns.update(X=X.clone(), y=T.y.clone(), N=int(X.shape[0]), lr=spec.lr)
        if spec.loss == "softmax_ce":
            ns["labels"] = T.labels.clone()  # class indices (N,), as cs231n's y; y itself is one-hot
            ns["y_labels"] = ns["labels"]
        if spec.momentum:
            ns["momentum"] = spec.momentum
            for p in spec.param_names:
                ns[f"v_{p}"] = (velocity[p] if velocity else torch.zeros_like(params[p])).clone()
        if spec.optimizer == "adam":
            ns.update(beta1=spec.beta1, beta2=spec.beta2, eps=spec.eps, t=int(adam["t"]) if adam else 0)
            for b in "mv":
                for p in spec.param_names:
                    ns[f"{b}_{p}"] = (adam[b][p] if adam else torch.zeros_like(params[p])).clone()
        if spec.l2:
            ns["l2_lambda"] = spec.l2
    ns.update(params)
    ns.update(forward)
    return ns


def _compile(code: str, filename: str):
    text = textwrap.dedent(code)
    tree = ast.parse(text, filename)
    return text, tree, compile(tree, filename, "exec")


def _run(code_obj, ns, limiter, seconds, tracer=None):
    """exec with the time limit (and a line tracer); returns the exception (or None)."""
    import sys

    try:
        limiter.arm(seconds)
        try:
            if tracer is not None:
                sys.settrace(tracer)
            exec(code_obj, ns)  # noqa: S102 - this is the sandbox
        finally:
            sys.settrace(None)
            limiter.disarm()
    except BaseException as e:  # noqa: BLE001 - everything their code raises is reported
        return e
    return None


def _error(type_: str, code: str, message, hint=None, target=None, **more) -> dict:
    """An error dict with every key engine.checker.pyerrors.explain gives; `message` is Python's text or a
    Text, `hint` a Text (or None)."""
    err = {"type": type_, "line": None, "message": "", "hint": "", "code": code, "numbers": {}, "text": None,
           "col": None, "target": target, "hint_text": None, "message_text": None, **more}
    if isinstance(message, Text):
        say(err, "message", message)
    else:
        err["message"] = message
    if hint is not None:
        say(err, "hint", hint)
    return err


def _explain(exc, ctx, limiter):
    limiter.arm(0.75)  # re-evaluating operands for the hint gets 0.75 s more at most (GRACE is 1.2 s)
    try:
        return explain(exc, ctx)
    except CodeTimeout:
        return _error(type(exc).__name__, "exception", str(exc)[:500])
    finally:
        limiter.disarm()


def _forward_values(net, spec, params, X, T) -> dict:
    """l1, a1, …, y_pred and loss for `params` (the forward pass only: no gradient exists here)."""
    ls, as_ = net.forward(params, X)
    fwd = {"loss": net.loss(params, ls[-1], as_[-1], T)}
    for k in range(1, spec.depth + 1):
        fwd[f"l{k}"] = ls[k - 1]
        fwd["y_pred" if k == spec.depth else f"a{k}"] = as_[k]
    return {k: v.clone() for k, v in fwd.items()}


def _plain(v):
    t = as_tensor(v)
    return t if isinstance(t, torch.Tensor) else t.type_name


def run_code(payload: dict, limiter: Limiter, ready=None) -> dict:
    """Run the learner's code once (and --train) and return their values as plain data (see
    engine.checker.result_file). No expected gradient exists in this process and nothing here judges:
    engine.checker.judging does, in the parent."""
    spec = NetworkSpec.from_dict(payload["spec"])
    dt = spec.torch_dtype
    X = payload["X"].to(dt)
    T = Targets(spec, payload["y"])
    params = {k: v.to(dt) for k, v in payload["params"].items()}
    velocity = {k: v.to(dt) for k, v in payload["velocity"].items()} if payload.get("velocity") else None
    adam = payload.get("adam")
    if adam:
        adam = {"m": {k: x.to(dt) for k, x in adam["m"].items()}, "v": {k: x.to(dt) for k, x in adam["v"].items()},
                "t": int(adam["t"])}
    N = int(X.shape[0])
    net = Network(spec)
    names = bound_names(spec)
    grad_names = list(payload["grad_names"])
    expected = {k: tuple(v) for k, v in payload["shapes"].items()}
    timeout, filename = float(payload["timeout"]), payload.get("filename") or "your code"
    ctx = Context(payload["code"], filename, names, expected, N, timeout, int(payload.get("memory_mb", 2048)))
    out = {"version": 1, "error": None, "got": {}, "changed": {}, "aliased": {}, "train": None, "shapes": None}
    try:
        text, tree, code_obj = _compile(payload["code"], filename)
        ctx.code, ctx.tree = text, tree
    except (SyntaxError, ValueError, RecursionError, MemoryError) as e:
        if not isinstance(e, SyntaxError):
            e = SyntaxError(str(e) or type(e).__name__, (filename, 1, 1, "", 1, 1))
        out["error"] = explain(e, ctx)
        if payload.get("train_epochs"):
            out["train"] = {"epochs_run": 0, "diverged_at": None, "loss": [], "diagnosis": None,
                            "error": out["error"]}
        return out
    ns = bind({}, spec, X, T, {k: v.clone() for k, v in params.items()},
              _forward_values(net, spec, params, X, T), velocity, adam=adam)
    bound_p = {p: ns[p] for p in spec.param_names}
    versions = {p: t._version for p, t in bound_p.items()}
    alias = Aliasing(ns, grad_names + ["d_y_pred", f"d_a{spec.depth}"], filename)
    probe = ShapeProbe.instrument(text, payload["code"], filename)  # the same code, its shapes noted
    probe.install(ns)
    if ready:
        ready()
    exc = _run(probe.code or code_obj, ns, limiter, timeout, alias.global_trace)
    out["shapes"] = probe.result(exc)
    if exc is not None:
        out["error"] = _explain(exc, ctx, limiter)
    for name in grad_names:
        key, v = name, ns.get(name, MISSING)
        if v is MISSING and name == "d_loss":  # also accepted: d_y_pred, d_a{L} (y_pred is a{L})
            for key in ("d_y_pred", f"d_a{spec.depth}"):
                v = ns.get(key, MISSING)
                if v is not MISSING:
                    break
        if v is not MISSING:
            out["got"][name] = _plain(v)
            a = alias.report().get(key)
            if a is not None:
                out["aliased"][name] = a
    for p in spec.param_names:
        v = ns.get(p, MISSING)
        if v is not bound_p[p] or bound_p[p]._version != versions[p]:
            out["changed"][p] = _plain(v) if v is not MISSING else "deleted name"
    if payload.get("train_epochs"):
        if exc is not None:
            out["train"] = {"epochs_run": 0, "diverged_at": None, "loss": [], "diagnosis": None,
                            "error": out["error"]}
        else:
            epochs = int(payload["train_epochs"])
            out["train"] = train(code_obj, ctx, spec, net, X, T, params, velocity, epochs, limiter, grad_names,
                                 adam)
    return out


# ----- --train -----------------------------------------------------------------------------------------
def train(code_obj, ctx, spec, net, X, T, params, velocity, epochs: int, limiter, grad_names, adam=None) -> dict:
    """E epochs: the engine's forward pass, then the learner's code for the gradients and the update.

    A parameter the code changes (in place or by rebinding) takes the code's value; one it leaves alone is
    updated by the session's optimizer from the code's d_<param> when that has the right shape, else stays:
    SGD, momentum from the session's buffers, or Adam from the session's m_p, v_p and step count (each
    parameter's own count, as torch.optim.Adam keeps it: one the code updates itself is not stepped)."""
    P = {k: v.clone() for k, v in params.items()}
    Ve = ({k: (velocity[k] if velocity else torch.zeros_like(v)).clone() for k, v in P.items()}
          if spec.momentum else None)
    Ae = None
    if spec.optimizer == "adam":
        Ae = ({b: {k: (adam[b][k] if adam else torch.zeros_like(v)).clone() for k, v in P.items()} for b in "mv"}
              | {"t": {k: int(adam["t"]) if adam else 0 for k in P}})
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
        bind(ns, spec, X, T, P, fwd, velocity, first=(e == 1), adam=adam)
        versions = {p: t._version for p, t in P.items()}
        before = {p: t.clone() for p, t in P.items()}
        remaining = deadline - time.monotonic()
        exc = CodeTimeout() if remaining <= 0 else _run(code_obj, ns, limiter, min(ctx.timeout, remaining))
        if exc is not None:
            err = _explain(exc, ctx, limiter)
            if isinstance(exc, CodeTimeout) and remaining < ctx.timeout:
                say(err, "message", Text("checker.error.train_timeout", {"s": f"{budget:g}"}))
                err["numbers"] = {"timeout": budget, "epochs": epochs}
            err["epoch"] = e
            res["error"] = err
            break
        for p in spec.param_names:
            v = ns.get(p, MISSING)
            if v is not P[p] or P[p]._version != versions[p]:
                t = v if isinstance(v, torch.Tensor) else None
                if t is None or tuple(t.shape) != tuple(before[p].shape):
                    args = {"p": p, "epoch": e, "want": shape_text(before[p].shape)}
                    message = (Text("checker.error.param_not_tensor", args) if t is None else
                               Text("checker.error.param_shape", dict(args, got=shape_text(t.shape))))
                    res["error"] = _error("ShapeError", "param_shape", message,
                                          Text("checker.hint.param_shape"), p, epoch=e, numbers={"name": p})
                    break
                P[p] = t.detach().to(spec.torch_dtype).clone()
            else:
                g = ns.get("d_" + p)
                if isinstance(g, torch.Tensor) and tuple(g.shape) == tuple(P[p].shape):
                    g = g.detach().to(spec.torch_dtype)
                    if Ae is not None:
                        Ae["t"][p] += 1
                        update.adam(P[p], g, Ae["m"][p], Ae["v"][p], Ae["t"][p], spec.lr, spec.beta1,
                                    spec.beta2, spec.eps)
                    elif Ve is not None:
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
            res["diagnosis"] = _learner_diagnosis(ns, net, X, T, spec, before, P, e)
            break
    res["engine_updated"], res["not_updated"] = sorted(engine_updated), sorted(not_updated - engine_updated)
    return res


def _diag(e, step, phase, code, text: Text, numbers) -> dict:
    """The diagnosis as plain data: `explanation` is its Text ({code, args, text}), `reason` that in English."""
    summary = Text("diverge.summary", {"epoch": e, "step": step, "phase": phase, "reason": text})
    return {"epoch": e, "last_finite_epoch": e - 1, "step": step, "phase": phase, "code": code,
            "reason": str(text), "numbers": numbers, "summary": str(summary), "explanation": text.to_dict()}


def _learner_diagnosis(ns, net, X, T, spec, before, P, e) -> dict:
    """The first of the learner's tensors (in backprop order) that is not finite, and why (engine wording).
    The epoch's steps are recorded here, once training has gone wrong, for their structure only."""
    rec = Recorder()
    net.epoch({k: v.clone() for k, v in before.items()}, None if not spec.momentum else
              {k: torch.zeros_like(v) for k, v in before.items()}, X, T, rec)
    steps = rec.steps
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
                         Text("diverge.propagated", {"step": s.name, "operand": up}), {"operand": up})
        if s.op == LOSS_GRAD:
            yp = ns.get("y_pred")
            ops = (Operand("y_pred", yp), Operand("y", ns["y"]))
            pseudo = Step(0, s.name, "backward", LOSS_GRAD, s.layer, ops, G.detach(), s.text)
            code, text, numbers = explain_nonfinite(pseudo, spec, before, [])
            if numbers.get("saturated"):
                return _diag(e, s.name, "backward", code, text, numbers)
        n = int((~torch.isfinite(G)).sum())
        text = (Text("checker.train.overflow", {"step": s.name, "count": n, "up": up}) if up else
                Text("checker.train.overflow_inputs", {"step": s.name, "count": n}))
        return _diag(e, s.name, "backward", "overflow", text, {"count": n})
    fake = []
    for p in spec.param_names:
        g = ns.get("d_" + p)
        if not (isinstance(g, torch.Tensor) and g.shape == before[p].shape):
            g = (before[p] - P[p]) / spec.lr  # the gradient their update amounts to
        ops = (Operand(p, before[p]), Operand("d_" + p, g.detach()))
        text = StepText("step.update.sgd", {"p": p, "lr": spec.lr, "shape": shape_text(before[p].shape)})
        fake.append(Step(len(fake), p, "update", UPDATE, int(p[1:]), ops, P[p], text))
    bad = next(s for s in fake if not bool(torch.isfinite(s.result).all()))
    code, text, numbers = explain_nonfinite(bad, spec, before, fake)
    return _diag(e, bad.name, "update", code, text, numbers)


def _forward_diagnosis(net, spec, P, X, T, e) -> dict:
    from engine.training.diagnose import explain_epoch

    rec = Recorder()
    net.epoch({k: v.clone() for k, v in P.items()}, None if not spec.momentum else
              {k: torch.zeros_like(v) for k, v in P.items()}, X, T, rec)
    d = explain_epoch([s for s in rec.steps if s.phase == "forward"], spec, P, e)
    return _diag(e, d.step, d.phase, d.code, d.text, dict(d.numbers))
