"""Check my backprop: run the learner's own backward code against the engine and name the root mistake.

    report = check_code(code, trainer)              # the trainer's current state; code runs in a sandbox
    report.ok, report.root, report.error, report.results, report.stdout, report.train

What the learner writes: the backward pass (and optionally the update) of one epoch, notebook style. These
names are bound, computed by the engine for the trainer's current state (see `bound_names(spec)`):

    torch                    the torch module
    X (N × in), y            the data; y as the engine's targets: (N × 1) floats for BCE (the notebook's
                             y), one-hot (N × K) for softmax cross-entropy (then also labels (N,), the
                             class indices, as cs231n's y; y_labels is the same), (N × T) for MSE
    N, lr                    the number of samples, the learning rate
    momentum, v_w1, v_b1, …  with momentum: its factor and the velocity buffers (v ← m·v + d; p ← p − lr·v)
    beta1, beta2, eps, t,    with Adam: its numbers, the steps taken so far (this one is t + 1) and the
    m_w1, v_w1, …            session's moment buffers (the expected update is torch.optim.Adam's from them)
    l2_lambda                with L2: its strength (the loss adds (l2_lambda/2)·Σ‖w‖², weights only)
    w1, b1, w2, b2, …        the parameters (their code may update them, in place or by rebinding)
    l1, a1, …, l{L}, y_pred  every forward value; loss (the mean loss, a 0-dim tensor)
    sigmoid, sigmoid_p, …    helpers: see engine.checker.helpers.HELPERS (f_p(x) is f'(x), taken at the
                             pre-activation: d_l1 = sigmoid_p(l1) * d_a1)

Every d_<name> they define (d_loss = ∂loss/∂y_pred as in the notebook, or d_y_pred; d_l2, d_b2, d_w2,
d_a1, …) is compared with the engine's value, in backprop order; every parameter they change is compared
with the engine's update. Verdicts and "follows": engine.checker.verdicts and engine.checker.update_verdicts. Python
errors: engine.checker.pyerrors. The sandbox: engine.checker.sandbox. Training with their code (--train): engine.checker.learner.

The code is dedented first, so the body of the notebook's loop can be pasted as it is.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field

from .helpers import HELPERS  # noqa: F401 - re-exported for the app's template
from .template import template  # noqa: F401 - re-exported (the app's and the CLI's starting point)
from .learner import bound_names  # noqa: F401 - re-exported
from engine.core.spec import shape_text
from .printed import escape_controls
from .shape_notes import Shapes
from .shape_text import code_with_shapes
from .verdicts import TensorResult
from engine.text import Text

DEFAULT_TIMEOUT = 5.0
DEFAULT_MEMORY_MB = 2048
GRACE = 1.2  # seconds the child may take beyond the code's own limit (explaining an error, writing the result)


@dataclass
class CheckError:
    type: str  # SyntaxError, NameError, RuntimeError, TimeoutError, MemoryError, …
    line: int | None  # in the learner's code
    message: str
    hint: str
    code: str = "exception"  # syntax | name | matmul_shape | elementwise_shape | update_shape | memory | …
    numbers: dict = field(default_factory=dict)
    text: str | None = None  # the line itself
    col: int | None = None
    target: str | None = None  # the variable that line assigns
    epoch: int | None = None  # with --train: the epoch it happened in
    hint_text: dict | None = None  # the hint as an engine Text: {code, args, text} (text is `hint`)
    message_text: dict | None = None  # the message as one, where it is the checker's own (not Python's)

    @classmethod
    def from_dict(cls, d: dict | None) -> "CheckError | None":
        if d is None:
            return None
        known = {f for f in cls.__dataclass_fields__}
        return cls(**{k: v for k, v in d.items() if k in known})


@dataclass
class TrainResult:
    epochs_run: int
    diverged_at: int | None  # the first epoch whose loss or updated parameters are not finite
    loss: list[float]  # the engine's loss of each epoch's forward pass (before that epoch's update)
    diagnosis: dict | None = None  # {epoch, step, phase, code, reason, numbers, summary}
    error: CheckError | None = None
    time_limit: float | None = None
    engine_updated: list[str] = field(default_factory=list)  # params the code did not update itself
    engine_rule: str = "sgd"  # how the engine updated those: sgd, momentum, or adam (the session's state)
    not_updated: list[str] = field(default_factory=list)  # params nothing could update

    @classmethod
    def from_dict(cls, d: dict | None) -> "TrainResult | None":
        if d is None:
            return None
        d = dict(d)
        d["error"] = CheckError.from_dict(d.get("error"))
        known = {f for f in cls.__dataclass_fields__}
        return cls(**{k: v for k, v in d.items() if k in known})


@dataclass
class CheckReport:
    ok: bool  # no Python error and every tensor the code defines is right
    root: str | None  # the first wrong tensor that does not merely follow, or the error line's variable
    root_line: int | None
    error: CheckError | None
    results: list[TensorResult]  # gradients in backprop order, then the updated parameters
    stdout: str = ""
    stderr: str = ""
    train: TrainResult | None = None
    names: list[str] = field(default_factory=list)  # the names that were bound
    elapsed: float = 0.0
    timeout: float = DEFAULT_TIMEOUT
    isolation: list[str] = field(default_factory=list)  # the means of containment that were in effect
    not_isolated: list[str] = field(default_factory=list)  # those this machine does not offer
    shapes: Shapes | None = None  # the shape of every sub-expression the checked run evaluated
    code: str = field(default="", repr=False)  # the code that was checked (for the shapes under its lines)

    def result(self, name: str) -> TensorResult:
        for r in self.results:
            if r.name == name:
                return r
        raise KeyError(name)

    def to_dict(self, values: bool = False) -> dict:
        """The CLI's --json object (strict JSON: non-finite numbers become null)."""
        d = {
            "ok": self.ok,
            "root": self.root,
            "root_line": self.root_line,
            "error": asdict(self.error) if self.error else None,
            "results": [r.to_dict(values) for r in self.results],
            "train": None,
            "stdout": self.stdout,
            "stderr": self.stderr,
            "elapsed": round(self.elapsed, 3),
            "isolation": list(self.isolation),
            "not_isolated": list(self.not_isolated),
            "shapes": None if self.shapes is None else self.shapes.to_dict(),
        }
        if self.train is not None:
            t = asdict(self.train)
            d["train"] = t
        return _strict(d)


def _strict(v):
    if isinstance(v, float):
        return v if math.isfinite(v) else None
    if isinstance(v, dict):
        return {k: _strict(x) for k, x in v.items()}
    if isinstance(v, (list, tuple)):
        return [_strict(x) for x in v]
    return v


def _payload(code: str, trainer, spec, timeout: float, train_epochs: int, filename: str, steps) -> dict:
    return {
        "code": code,
        "filename": filename,
        "spec": spec.to_dict(),
        "X": trainer.X.clone(),
        "y": trainer.y.clone(),  # (the training rows' labels, with a test split)
        "params": {k: v.clone() for k, v in trainer.params.items()},
        "velocity": {k: v.clone() for k, v in trainer.velocity.items()} if trainer.velocity else None,
        "adam": _adam_payload(trainer.adam),
        "timeout": float(timeout),
        "train_epochs": int(train_epochs),
        # names and shapes only: the expected values never leave this process
        "grad_names": [s.name for s in steps if s.phase == "backward"],
        "shapes": {s.name: list(s.result.shape) for s in steps},
    }


def _adam_payload(state) -> dict | None:
    """Adam's state as plain data for the child: {"m": {p: m_p}, "v": {p: v_p}, "t": t}."""
    if state is None:
        return None
    return {"m": {k: x.clone() for k, x in state.m.items()}, "v": {k: x.clone() for k, x in state.v.items()},
            "t": int(state.t)}


def time_limit(timeout: float, train_epochs: int = 0) -> float:
    """The hard limit once the code has started: the check's own limit, plus --train's
    timeout × (1 + E/1000), plus GRACE (the verdict then arrives within timeout + 2 s)."""
    return timeout + (timeout * (1 + train_epochs / 1000) if train_epochs else 0.0) + GRACE


def check_code(code: str, trainer, *, timeout: float = DEFAULT_TIMEOUT, memory_mb: int = DEFAULT_MEMORY_MB,
               train_epochs: int = 0, lr: float | None = None, filename: str = "your code",
               isolate: bool = True) -> CheckReport:
    """Check `code` against `trainer`'s current state (the trainer is not changed).

    The code runs in a contained child process (engine.checker.sandbox) that hands back only plain values;
    the expected tensors are computed, and every verdict is made, here (engine.checker.judging).
    isolate=False runs the code in this process without time or memory limits: only for trusted code (the
    tests of the verdicts); the app and the CLI always isolate."""
    import time

    from . import judging, result_file

    spec = trainer.spec if lr is None else trainer.spec.with_changes(lr=lr)  # SpecError for a bad lr
    steps = judging.expected_steps(spec, trainer.X, trainer.y, trainer.params, trainer.opt_state)
    payload = _payload(code, trainer, spec, timeout, train_epochs, filename, steps)
    grad_names, param_names = payload["grad_names"], list(spec.param_names)
    N = int(trainer.X.shape[0])
    names = bound_names(spec)

    def verdict(raw, stdout, stderr, elapsed, isolation=(), lacking=()) -> CheckReport:
        out = judging.judge(raw, steps, spec, N, trainer.opt_state, trainer.params, code, names)
        out["train"] = raw.get("train")
        if out["train"] is not None:  # the rule the child applied to what the code left alone (the spec's)
            out["train"]["engine_rule"] = ("adam" if spec.optimizer == "adam" else
                                           "momentum" if spec.momentum else "sgd")
        rep = _report(out, stdout, stderr, elapsed, timeout)
        rep.isolation, rep.not_isolated = list(isolation), list(lacking)
        rep.shapes, rep.code = Shapes.from_dict(raw.get("shapes")), code
        return rep

    t0 = time.monotonic()
    if not isolate:
        import contextlib
        import io
        import warnings

        from .learner import Limiter, run_code

        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err), warnings.catch_warnings():
            warnings.simplefilter("default")  # their code's warnings are shown, never raised
            raw = run_code(payload, Limiter(False))
        raw = result_file.validate(raw, grad_names, param_names)
        return verdict(raw, out.getvalue(), err.getvalue(), time.monotonic() - t0)
    from .sandbox import run_isolated

    o = run_isolated(payload, time_limit(timeout, train_epochs), memory_mb,
                     lambda path: result_file.read(path, grad_names, param_names))
    if o.result is not None:
        return verdict(o.result, o.stdout, o.stderr, o.elapsed, o.isolation, o.not_isolated)
    err = _run_error(o, timeout, memory_mb)
    return CheckReport(False, None, None, err, [], o.stdout, o.stderr, None, names, o.elapsed, timeout,
                       o.isolation, o.not_isolated)


def _run_error(o, timeout: float, memory_mb: int) -> CheckError:
    """Why there is no result to judge, as a CheckError."""

    def coded(code, type_, message: Text, hint: Text | str, numbers=None) -> CheckError:
        """`hint`: a Text, or a plain string that is not ours to word (a traceback, the child's stderr)."""
        hint_text = hint.to_dict() if isinstance(hint, Text) else None
        return CheckError(type_, None, str(message), str(hint), code, dict(numbers or {}),
                          hint_text=hint_text, message_text=message.to_dict())

    if o.end == "time" and o.started:
        return coded("timeout", "TimeoutError", Text("checker.error.timeout", {"s": f"{timeout:g}"}),
                     Text("checker.hint.timeout_outside"), {"timeout": timeout})
    if o.end == "memory":
        args = {"memory_mb": memory_mb}
        return coded("memory_tree", "MemoryError", Text("checker.memory_tree", args),
                     Text("checker.memory_tree.hint", args), args)
    if o.end == "supervisor_killed" and o.started:
        return coded("parent_killed", "Stopped", Text("checker.parent_killed"), Text("checker.parent_killed.hint"))
    if o.internal_error:
        return coded("internal", "InternalError", Text("checker.error.internal"), o.internal_error)
    if not o.started:
        return coded("start", "StartError", Text("checker.error.start"), o.stderr.strip()[-2000:])
    rc = o.returncode
    if rc is not None and rc < 0:
        return coded("crash", "Crash", Text("checker.error.crash", {"signal": -rc}), Text("checker.hint.crash"),
                     {"returncode": rc})
    return coded("unreadable", "ResultError", Text("checker.unreadable"), Text("checker.unreadable.hint"),
                 {"returncode": rc})


def _report(result: dict, stdout: str, stderr: str, elapsed: float, timeout: float) -> CheckReport:
    results = [TensorResult(**r) for r in result.get("results", [])]
    return CheckReport(
        ok=bool(result["ok"]), root=result.get("root"), root_line=result.get("root_line"),
        error=CheckError.from_dict(result.get("error")), results=results, stdout=stdout, stderr=stderr,
        train=TrainResult.from_dict(result.get("train")), names=result.get("names", []), elapsed=elapsed,
        timeout=timeout,
    )


# ----- readable text --------------------------------------------------------------------------------------
def _status_text(r: TensorResult) -> str:
    if r.status in ("scale", "sign") and r.factor is not None:
        return f"{r.status} ×{r.factor:g}".replace("-", "−")
    if r.status == "follows" and r.follows_from:
        return f"follows {r.follows_from}"
    return r.status


def _global_text(r: TensorResult) -> str:
    """The comparison with the engine's value alone, where it says more than the status does."""
    g = r.global_status
    if g is None or r.status in ("ok", "missing"):
        return ""
    if g in ("sign", "scale") and r.global_factor is not None:
        return f"×{r.global_factor:g}".replace("-", "−")
    return g


def _shape(s) -> str:
    return "—" if s is None else shape_text(s)


def report_text(report: CheckReport, title: str = "") -> str:
    out = [title] if title else []
    if report.results:
        rows = [("tensor", "status", "expected", "got", "max|err|", "vs engine", "line")]
        for r in report.results:
            err = "" if r.max_abs_err is None else f"{r.max_abs_err:.3g}"
            rows.append((r.name, _status_text(r), _shape(r.expected_shape), _shape(r.got_shape), err,
                         _global_text(r), "" if r.line is None else str(r.line)))
        widths = [max(len(row[i]) for row in rows) for i in range(7)]
        for i, row in enumerate(rows):
            mark = "  ← root" if i and report.results[i - 1].name == report.root else ""
            out.append("  " + "  ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip() + mark)
        plain = [r for r in report.results if r.status == "follows" and r.hint_code == "follows"]
        notes = [r for r in report.results if r.status not in ("ok", "missing") and r.hint and r not in plain]
        if notes or plain:
            out.append("")
            out += [f"  {r.name}: {r.hint}" for r in notes]
        if plain:
            out.append("  follows (the line is right; the error comes from what it is computed from): "
                       + ", ".join(f"{r.name} ← {r.follows_from}" for r in plain))
    shapes = code_with_shapes(report.code, report.shapes)
    if shapes:
        out += ["", str(Text("checker.shapes.title"))] + shapes
    e = report.error
    if e is not None:
        out.append("")
        where = f"line {e.line}: " if e.line else ""
        out.append(escape_controls(f"error: {where}{e.type}: {e.message}"))
        if e.text:
            out.append(f"    {escape_controls(e.text.strip())}")
        if e.hint:
            out.append(f"  hint: {escape_controls(e.hint)}")
    out.append("")
    if report.ok:
        out.append("ok: every tensor your code defines is right")
    elif report.root:
        line = f" (line {report.root_line})" if report.root_line else ""
        out.append(f"root mistake: {report.root}{line}")
    if report.stdout.strip():
        printed = escape_controls(report.stdout.rstrip("\n"))
        out += ["", "your code printed:"] + ["  " + s for s in printed.split("\n")]
    t = report.train
    if t is not None:
        out.append("")
        head = f"train with your code: {t.epochs_run} epoch(s)"
        if t.loss:
            first, last = t.loss[0], t.loss[-1]
            head += f", loss {first:.6f} → {last:.6f}"
        out.append(head)
        if t.diverged_at is not None:
            d = t.diagnosis
            where = f" at {d['step']} ({d['phase']}): {d['reason']}" if d else ""
            out.append(f"  diverged in epoch {t.diverged_at}{where}")
        elif t.error is None:
            out.append("  no divergence")
        if t.error is not None:
            where = f" line {t.error.line}" if t.error.line else ""
            out.append(f"  stopped in epoch {t.error.epoch}:{where} {t.error.type}: {t.error.message}")
        if t.engine_updated:
            rule = {"adam": " by Adam from the session's m, v and t",
                    "momentum": " with momentum from the session's buffers"}.get(t.engine_rule, "")
            out.append(f"  updated by the engine from your gradients{rule}: " + ", ".join(t.engine_updated))
        if t.not_updated:
            out.append("  never updated: " + ", ".join(t.not_updated))
    if report.isolation or report.not_isolated:
        out.append("")
        out.append(str(Text("checker.isolation", {"means": ", ".join(report.isolation) or "—"})))
        if report.not_isolated:
            out.append(str(Text("checker.not_isolated", {"means": ", ".join(report.not_isolated)})))
    return "\n".join(out)
