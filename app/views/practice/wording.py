"""What the checker found, in the app's words: the engine returns stable codes and numbers
(engine.checker.verdicts, engine.checker.update_verdicts, engine.checker.pyerrors, engine.training.diagnose, engine.checker.learner); this module
turns them into sentences through `tr`, so they can be translated. One table per kind of code; a code this
module does not know, or whose numbers are incomplete, falls back to the engine's English text.

    status_text(r)        "ok", "follows d_loss", "scale ×−4", …      (r: engine.checker.verdicts.TensorResult)
    hint_text(r)          the hint for one verdict
    error_title(e)        "Line 3 · SyntaxError: …"                   (e: engine.checker.exercise.CheckError)
    error_hint(e)         the hint for a Python error
    diagnosis_text(d)     why training with the learner's code diverged (d: the diagnosis dict)
    factor_text(k)        "−4"
"""

from __future__ import annotations

import re

from app.i18n import engine_text as _engine_text
from app.i18n import particles, tr
from engine.core.spec import shape_text
from engine.text import Text

BAD_STATUSES = ("sign", "scale", "shape", "wrong", "not_finite")


def engine_text(text) -> str:
    """app.i18n.engine_text with the Korean particles ("{name}은(는)") resolved for the filled-in names."""
    return particles(_engine_text(text))


def _num(x) -> str:
    return f"{x:g}".replace("-", "−")


def factor_text(k) -> str:
    return "" if k is None else _num(float(k))


def _shape(s) -> str:
    return "—" if s is None else shape_text(s)


def _base(name: str) -> str:
    return "y_pred" if name == "d_loss" else (name[2:] if name.startswith("d_") else name)


# ----- statuses -------------------------------------------------------------------------------------------
def status_text(r) -> str:
    s = r.status
    if s in ("sign", "scale") and r.factor is not None:
        return tr("{status} ×{k}").format(status=_STATUS.get(s, lambda: s)(), k=factor_text(r.factor))
    if s == "follows" and r.follows_from:
        return tr("follows {name}").format(name=r.follows_from)
    return _STATUS.get(s, lambda: s)()


_STATUS = {
    "ok": lambda: tr("ok"),
    "follows": lambda: tr("follows"),
    "sign": lambda: tr("sign"),
    "scale": lambda: tr("scale"),
    "shape": lambda: tr("shape"),
    "wrong": lambda: tr("wrong"),
    "not_finite": lambda: tr("inf / nan"),
    "missing": lambda: tr("not defined"),
    "aliased": lambda: tr("changed in place"),
}


def status_tooltip(status: str) -> str:
    return {
        "ok": tr("Equal to the engine's value (up to rounding)."),
        "follows": tr("The formula on this line is right; the value is wrong only because a tensor it is "
                      "computed from is wrong."),
        "sign": tr("The right value times −1."),
        "scale": tr("The right value times a constant factor."),
        "shape": tr("The shape differs from the tensor it is the gradient of."),
        "wrong": tr("Neither the right value nor a simple mistake the checker recognises."),
        "not_finite": tr("Some entries are inf or nan."),
        "missing": tr("Your code does not define this name (fine if you computed it inline)."),
        "aliased": tr("Right when assigned; a later line changed the same tensor in place."),
    }.get(status, "")


# ----- hints for verdicts ---------------------------------------------------------------------------------
def hint_text(r) -> str:
    """The hint for TensorResult `r` in the app's words (the engine's English when the code is unknown)."""
    if r.status in ("ok", "missing"):
        return ""
    if r.text:  # an engine Text: the engine's template, translated
        try:
            return engine_text(Text(r.text["code"], r.text.get("args", {})))
        except (KeyError, TypeError, ValueError, IndexError):
            return r.hint
    fn = (_UPDATE_HINTS if r.kind == "update" else _HINTS).get(r.hint_code or "")
    if fn is None:
        return r.hint
    try:
        text = fn(r, r.numbers or {})
    except (KeyError, TypeError, ValueError):
        return r.hint
    return r.hint if text is None else text


def _right(r) -> str:
    return tr(" The right formula: {formula}.").format(formula=r.formula) if r.formula else ""


def _scale(r, n, sentence) -> str:
    rel = n.get("relative_to")
    text = sentence
    if rel:
        text += " " + tr("(Compared with what the right formula gives with your {name}; {name} itself is "
                         "wrong too: see above.)").format(name=rel)
    return text + _right(r)


def _sum_axis(r, n):
    up = "d_l" + r.name[3:] if r.name.startswith("d_b") else n.get("per_sample_of", "…")
    return tr("{name} is {got}: per-sample values, one row for each of the {N} samples; {base} is {want}, so "
              "sum over the batch axis: {name} = {up}.sum(0).").format(
        name=r.name, got=_shape(r.got_shape), N=n["N"], base=_base(r.name), want=_shape(r.expected_shape),
        up=up)


_HINTS = {
    "not_a_tensor": lambda r, n: tr("{name} is a {type}, not a tensor.").format(name=r.name, type=n["type"]),
    "follows": lambda r, n: tr("This line is right for your {src}; {name} is wrong only because {src} is: "
                               "fix that first.").format(src=r.follows_from, name=r.name),
    "sign": lambda r, n: _scale(r, n, tr("{name} has the wrong sign (factor −1): loss = −mean(…), and the "
                                         "minus carries into every gradient.").format(name=r.name)),
    "mean_missing": lambda r, n: _scale(r, n, tr(
        "{name} is {N} × the right value: the 1/N of the mean is missing (the loss is a mean over the N = "
        "{N} samples, so every gradient carries 1/{N}).").format(name=r.name, N=n["N"])),
    "sign_mean_missing": lambda r, n: _scale(r, n, tr(
        "{name} is {k} × the right value: the sign and the 1/N of the mean are missing "
        "(loss = −mean(…) = −(1/{N})·Σ…).").format(name=r.name, k=_num(n["k"]), N=n["N"])),
    "mean_extra": lambda r, n: _scale(r, n, tr(
        "{name} is 1/{N} of the right value: it is divided by N = {N} once too often (the 1/N of the mean "
        "belongs in d_loss only).").format(name=r.name, N=n["N"])),
    "sign_mean_extra": lambda r, n: _scale(r, n, tr(
        "{name} is {k} × the right value: the wrong sign, and divided by N = {N} once too often.").format(
        name=r.name, k=_num(n["k"]), N=n["N"])),
    "mean_instead_of_sum": lambda r, n: _scale(r, n, tr(
        "{name} is the mean over the batch axis, 1/{N} of the right value; a bias gradient is the sum over "
        "the batch axis.").format(name=r.name, N=n["N"])),
    "factor": lambda r, n: _scale(r, n, tr("{name} is {k} × the right value.").format(
        name=r.name, k=_num(n["k"]))),
    "propagated": lambda r, n: tr("{name} has {count} entries that are inf or nan because {up} has.").format(
        name=r.name, count=n["count"], up=n["operand"]),
    "use_simplified": lambda r, n: tr(
        "{name} has {count} entries that are inf or nan because {up} has. y_pred is saturated, so d_loss "
        "divides by zero; σ'·d_loss simplifies to (y_pred − y)/N, which never divides: {name} = (y_pred - y) "
        "/ N.").format(name=r.name, count=n["count"], up=n["operand"]),
    "div_zero": lambda r, n: tr(
        "d_loss divides by y_pred and by 1 − y_pred; {sat} prediction(s) are exactly 0 or 1, so it divides "
        "by zero. σ'(l)·d_loss simplifies to (y_pred − y)/N, which never divides.").format(
        sat=n["saturated"]),
    "not_finite": lambda r, n: tr("{name} has {count} entries that are inf or nan.").format(
        name=r.name, count=n["count"]) + _right(r),
    "wrong": lambda r, n: tr("{name} does not match.").format(name=r.name) + _right(r),
    "zero": lambda r, n: tr("{name} is all zeros.").format(name=r.name) + _right(r),
    "transpose": lambda r, n: (tr("{name} is {got} but {base} is {want}: this is the transpose of the right "
                                  "gradient.").format(name=r.name, got=_shape(r.got_shape),
                                                      base=_base(r.name),
                                                      want=_shape(r.expected_shape))
                               if r.status == "shape" else
                               tr("{name} is the transpose of the right gradient.").format(name=r.name))
    + _right(r),
    "l2_missing": lambda r, n: tr("{name} lacks the L2 term: the loss adds (l2/2)·Σ‖w‖², so add l2·{base} "
                                  "(l2 = {l2}).").format(name=r.name, base=_base(r.name), l2=_num(n["l2"]))
    + _right(r),
    "reshape": lambda r, n: tr("{name} has the right values but the shape {got}; {base} is {want}, and so "
                               "must {name} be.").format(name=r.name, got=_shape(r.got_shape),
                                                        base=_base(r.name),
                                                    want=_shape(r.expected_shape)),
    "sum_batch_axis": _sum_axis,
    "shape": lambda r, n: tr("{name} must have the shape of {base}, {want}; yours is {got}.").format(
        name=r.name, base=_base(r.name), want=_shape(r.expected_shape), got=_shape(r.got_shape)),
    # act_derivative_missing / activation_not_derivative name the helper and the upstream, which the
    # numbers do not carry: they are read from the engine's sentence (its English if that changes)
    "act_derivative_missing": lambda r, n: _from_hint(_ACT_MISSING, r, lambda m: tr(
        "{name} equals {up}: the activation's derivative is missing: {name} = {fix}.").format(**m)),
    "activation_not_derivative": lambda r, n: _from_hint(_ACT_ITSELF, r, lambda m: tr(
        "{name} multiplies by the activation {act} itself; use its derivative: {name} = {fix}.").format(**m)),
}


_ACT_MISSING = re.compile(r"(?P<name>\S+) equals (?P<up>\S+): the activation's derivative is missing: "
                          r"\S+ = (?P<fix>.+)\.$")
_ACT_ITSELF = re.compile(r"(?P<name>\S+) multiplies by the activation (?P<act>\S+) itself; use its derivative: "
                         r"\S+ = (?P<fix>.+)\.$")


def _from_hint(pattern, r, word):
    m = pattern.match(r.hint or "")
    return word(m.groupdict()) if m else None


def _update_rel(r, n, text):
    if n.get("relative_to"):
        text += " " + tr("(relative to the step your {name} gives; {name} itself is wrong too)").format(
            name=n["relative_to"])
    if n.get("momentum_missing"):
        text += " " + tr("(and momentum is missing: v = momentum·v + d, then p -= lr·v)")
    return text


_UPDATE_HINTS = {
    "not_a_tensor": lambda r, n: tr("{name} is now a {type}, not a tensor.").format(name=r.name,
                                                                                     type=n["type"]),
    "update_shape": lambda r, n: tr("{name} changed shape from {want} to {got}; an update must keep the "
                                    "shape.").format(name=r.name, want=_shape(r.expected_shape),
                                                     got=_shape(r.got_shape)),
    "sum_batch_axis": lambda r, n: tr("{name} changed shape from {want} to {got}; an update must keep the "
                                      "shape. d_{name} holds per-sample values: sum over the batch axis: "
                                      "d_{name} = ….sum(0).").format(
        name=r.name, want=_shape(r.expected_shape), got=_shape(r.got_shape)),
    "follows": lambda r, n: tr("This update is right for your d_{name}; {name} is wrong only because "
                               "d_{name} is.").format(name=r.name),
    "update_mean": lambda r, n: tr("This update subtracts lr × the mean of d_{name} over the batch axis: a mean "
                                   "where the sum belongs. Once d_{name} is the batch sum {shape}, subtract "
                                   "it itself: {name} -= lr * d_{name}").format(name=r.name,
                                                                             shape=_shape(r.expected_shape)),
    "update_sum": lambda r, n: tr("This update sums d_{name} over the batch axis; better make d_{name} "
                                  "itself the sum {shape} and write {name} -= lr * d_{name}").format(
        name=r.name, shape=_shape(r.expected_shape)),
    "update_mean_of_gradient": lambda r, n: tr(
        "This update subtracts lr × the mean of all {entries} entries of d_{name} (one number): subtract "
        "d_{name} itself: {name} -= lr * d_{name}").format(name=r.name, entries=n["entries"]),
    "momentum_missing": lambda r, n: tr(
        "This is plain gradient descent; with momentum {m}: v_{name} = {m} * v_{name} + d_{name}, then "
        "{name} -= lr * v_{name}").format(name=r.name, m=_num(n["momentum"])),
    "update_sign": lambda r, n: _update_rel(r, n, tr(
        "{name} moved along the gradient instead of against it: {name} -= lr * d_{name}").format(
        name=r.name)),
    "lr_missing": lambda r, n: _update_rel(r, n, tr(
        "The step is {k} × the right one: multiply d_{name} by lr: {name} -= lr * d_{name}").format(
        name=r.name, k=_num(n["k"]))),
    "update_factor": lambda r, n: _update_rel(r, n, tr("The step is {k} × the right one: {name} -= lr * "
                                                       "d_{name}").format(name=r.name, k=_num(n["k"]))),
    "update_wrong": lambda r, n: tr("{name} does not match the update {formula}").format(
        name=r.name, formula=r.formula),
}


# ----- Python errors ----------------------------------------------------------------------------------------
_CODED_ERRORS = {"unreadable": "checker.unreadable", "parent_killed": "checker.parent_killed",
                 "memory_tree": "checker.memory_tree"}


def error_message(e) -> str:
    """The error's message: Python's own text, or the checker's in the app's words."""
    n = e.numbers or {}
    try:
        if e.code in _CODED_ERRORS:
            return engine_text(Text(_CODED_ERRORS[e.code], n))
        if e.code == "timeout":
            if "epochs" in n:
                return tr("training did not finish within {s} s").format(s=_num(n["timeout"]))
            return tr("your code did not finish within {s} s").format(s=_num(n["timeout"]))
        if e.code == "memory":
            b = n.get("bytes")
            return (tr("out of memory: line {line} asked for {gib} GiB").format(line=e.line,
                                                                                gib=f"{b / 2**30:.3g}")
                    if b and e.line else tr("out of memory"))
        if e.code == "exit":
            return tr("your code called exit()")
        if e.code == "nothing_defined":
            return tr("your code defines none of the gradients")
        if e.code == "crash":
            return tr("the process running your code ended without a result")
        if e.code == "start":
            return tr("the checker's process could not start")
        if e.code == "internal":
            return tr("the checker failed")
    except (KeyError, TypeError, ValueError):
        pass
    return e.message


def error_title(e) -> str:
    msg = error_message(e)
    if e.line:
        return tr("Line {line} · {type}: {message}").format(line=e.line, type=e.type, message=msg)
    return tr("{type}: {message}").format(type=e.type, message=msg)


def error_hint(e) -> str:
    n = e.numbers or {}
    try:
        if e.code in _CODED_ERRORS:
            return engine_text(Text(_CODED_ERRORS[e.code] + ".hint", n))
        if e.code == "y_one_hot":
            return engine_text(Text("checker.y_one_hot", n))
    except (KeyError, TypeError, ValueError, IndexError):
        return e.hint
    fn = _ERROR_HINTS.get(e.code)
    if fn is None:
        return e.hint
    try:
        text = fn(e, n)
    except (KeyError, TypeError, ValueError, IndexError):
        return e.hint
    return e.hint if text is None else text


def isolation_text(report) -> str:
    """What contained the learner's code on this machine, and what could not be enforced here."""
    from engine.text.checker import means_texts

    lines = []
    if report.isolation:
        lines.append(engine_text(Text("checker.isolation", {"means": means_texts(report.isolation)})))
    if report.not_isolated:
        lines.append(engine_text(Text("checker.not_isolated", {"means": means_texts(report.not_isolated)})))
    return "\n".join(lines)


def _syntax(e, n):
    chars = n.get("characters")
    if chars:
        fixes = {"−": "-", "ᵀ": ".T", "⊙": "*", "×": "*", "·": "*", "÷": "/"}
        if not all(c in fixes for c in chars):
            return None
        return "; ".join(tr("write {good} instead of {bad}").format(good=fixes[c], bad=c) for c in chars)
    if e.type in ("IndentationError", "TabError"):
        return tr("indent the lines consistently (the checker runs them as one block, like a loop body)")
    return tr("Python cannot read line {line}: check the brackets and operators there").format(line=e.line)


def _matmul(e, n):
    if n.get("fix") is None:
        return None
    a, b = n["left"], n["right"]
    sa, sb, res = shape_text(n["left_shape"]), shape_text(n["right_shape"]), shape_text(n["result_shape"])
    head = tr("{a} is {sa} and {b} is {sb}").format(a=a, sa=sa, b=b, sb=sb)
    flip = lambda t: t[:-1] if t.endswith("ᵀ") else t + "ᵀ"  # noqa: E731
    if n["fix"] == "transpose_right":
        return head + tr(": use {bt} {sbt}: {a} @ {bt} is {res}").format(
            bt=flip(b), sbt=shape_text(n["right_shape"][::-1]), a=a, res=res)
    if n["fix"] == "transpose_left":
        return head + tr(": use {at} {sat}: {at} @ {b} is {res}").format(
            at=flip(a), sat=shape_text(n["left_shape"][::-1]), b=b, res=res)
    return head + tr(": the order is reversed: {b} @ {a} is {res}").format(a=a, b=b, res=res)


_ERROR_HINTS = {
    "syntax": _syntax,
    "matmul_shape": _matmul,
    "elementwise_shape": lambda e, n: tr("{a} is {sa} and {b} is {sb}: an entry-by-entry product or sum "
                                         "needs equal shapes").format(
        a=n["left"], sa=shape_text(n["left_shape"]), b=n["right"], sb=shape_text(n["right_shape"])),
    "timeout": lambda e, n: (tr("Line {line} was running when the time ran out: is there a loop that never "
                                "ends? One epoch of backprop takes milliseconds.").format(line=e.line)
                             if e.line else tr("Is there a loop that never ends? One epoch of backprop takes "
                                               "milliseconds.")),
    "exit": lambda e, n: tr("leave out exit() and sys.exit()"),
    "autograd": lambda e, n: tr("the engine's tensors carry no autograd graph: write each gradient by hand, "
                                "as d_<name> (that is the exercise)"),
    "nothing_defined": lambda e, n: tr("name your gradients like the notebook: d_loss, d_l2, d_w2, …"),
    "memory": lambda e, n: tr("the checker allows {mb} MiB; the tensors of this network are tiny, so a shape "
                              "here is far larger than intended").format(mb=n["limit_mb"]),
    "param_shape": lambda e, n: tr("an update must keep the parameter's shape"),
}


# ----- divergence ---------------------------------------------------------------------------------------
def diagnosis_text(d: dict | None) -> str:
    """Why training diverged, from the diagnosis dict's code and numbers (the engine's reason otherwise)."""
    if not d:
        return ""
    n = d.get("numbers") or {}
    code, step = d.get("code"), d.get("step", "?")
    try:
        if code == "div_zero":
            return tr("d_loss divides by y_pred and by 1 − y_pred; {sat} prediction(s) are saturated at "
                      "exactly 0 or 1, so it divides by zero. σ'(l)·d_loss simplifies to (y_pred − y)/N, "
                      "which never divides").format(sat=n["saturated"])
        if code == "log_zero":
            return tr("the loss takes log(y_pred) and log(1 − y_pred); {sat} saturated prediction(s) make "
                      "that log(0) = −inf").format(sat=n["saturated"])
        if code == "propagated":
            return tr("{step} is non-finite because {up} already was").format(step=step, up=n["operand"])
        if code == "weights_exploding":
            return tr("{step} overflowed in its update: lr·d_{step} is {ratio} times the size of {step} "
                      "(healthy ≈ 0.001), so the weights grew each epoch until they overflowed; the learning rate "
                      "{lr} is too large").format(step=step, ratio=f"{n['ratio']:.3g}", lr=_num(n["lr"]))
        if code == "overflow" and "count" in n:
            return tr("{step} became inf or nan ({count} entries) although its inputs were finite: a value "
                      "overflowed or divided by zero").format(step=step, count=n["count"])
        if code == "overflow" and "max_abs_y_pred" in n:
            return tr("the squared errors overflowed: the predictions reach |y_pred| = {y}; the learning "
                      "rate is too large").format(y=f"{n['max_abs_y_pred']:.3g}")
        if code == "overflow" and "max_abs_w" in n:
            return tr("{step} overflowed: the weights are so large (max |w| = {w}) that the numbers exceed "
                      "the largest float; the learning rate is too large").format(step=step,
                                                                              w=f"{n['max_abs_w']:.3g}")
        if code == "exp_overflow":
            return tr("{step} overflowed: exp of a large pre-activation exceeds the largest float").format(
                step=step)
    except (KeyError, TypeError, ValueError):
        pass
    return d.get("reason", "")


def divergence_text(epoch: int, d: dict | None) -> str:
    """"NaN at epoch 312: …" — the marker's words."""
    why = diagnosis_text(d)
    head = tr("NaN at epoch {epoch}").format(epoch=epoch)
    return tr("{head}: {why}").format(head=head, why=why) if why else head
