"""The engine's findings in the interface language. The engine returns stable codes and numbers beside its
English sentences (engine.training.diagnose.Diagnosis, engine.training.health.Reading, engine.verify.gradcheck.ParamCheck,
engine.core.errors.EngineError, engine.io.presets.Preset); the app words them here through `tr`, so they are
translated with everything else.

In English the engine's own sentence is shown (it is the reference wording and can be more detailed); in
another language the app's wording from the code and numbers. A code this module does not know, or whose
numbers are incomplete, falls back to the engine's English.

    diagnosis_text(d)      why training diverged       (Diagnosis, or the practice checker's dict)
    reading_text(r, spec)  one training-health reading (Reading)
    reading_title(code)    "Start loss", …
    level_text(level)      ok / warn / bad
    verdict_text(v)        a gradient check's "ok" / "suspect" / "wrong"
    gradcheck_why(c)       why a gradient check is not ok (ParamCheck)
    error_text(e)          an EngineError's message (SpecError: the common ones worded, else English)
    preset_title(name, p), preset_description(name, p)
"""

from __future__ import annotations

import math
import re

from app.i18n import current_language, tr


def _english() -> bool:
    return current_language() == "en"


def _get(obj, key, default=None):
    if isinstance(obj, dict):
        return obj.get(key, default)
    return getattr(obj, key, default)


def _g3(x) -> str:
    return f"{float(x):.3g}"


def _g(x) -> str:
    return f"{float(x):g}"


# ----- divergence ---------------------------------------------------------------------------------------
def diagnosis_text(d) -> str:
    """Why training diverged, for engine.training.diagnose.Diagnosis `d` (or a dict with code, step, numbers, reason)."""
    if not d:
        return ""
    reason = _get(d, "reason", "") or ""
    if _english() and reason:
        return reason
    code, step, n = _get(d, "code"), _get(d, "step", "?"), _get(d, "numbers") or {}
    try:
        text = _diagnosis(code, step, n)
    except (KeyError, TypeError, ValueError):
        text = None
    return text or reason


def _diagnosis(code, step, n) -> str | None:
    if code == "weights_exploding":
        return tr("{step} overflowed in its update: lr·d_{step} is {ratio} times the size of {step} (healthy "
                  "≈ 0.001), so the weights grew each epoch until they overflowed; the learning rate {lr} is too "
                  "large").format(step=step, ratio=_g3(n["ratio"]), lr=_g(n["lr"]))
    if code == "overflow":
        if "count" in n:
            return tr("{step} became inf or nan ({count} entries) although its inputs were finite: a value "
                      "overflowed or divided by zero").format(step=step, count=n["count"])
        if "max_abs_y_pred" in n:
            return tr("the squared errors overflowed: the predictions reach |y_pred| = {y}, and (y_pred − y)² "
                      "exceeds the largest floating-point number; the learning rate is too large").format(
                y=_g3(n["max_abs_y_pred"]))
        if step == "loss" and "max_abs_w" in n:
            return tr("the L2 term (l2/2)·Σ‖w‖² overflowed: the weights are so large (max |w| = {w}) that their "
                      "squares exceed the largest floating-point number; the learning rate is too large").format(
                w=_g3(n["max_abs_w"]))
        if "max_abs_w" in n:
            return tr("{step} overflowed: the weights are so large (max |w| = {w}) that the product exceeds the "
                      "largest floating-point number; the learning rate is too large").format(
                step=step, w=_g3(n["max_abs_w"]))
        return None
    if code == "div_zero":
        return tr("d_loss divides by y_pred and by 1 − y_pred; {sat} prediction(s) are saturated at exactly 0 "
                  "or 1, so a division by zero gives inf or nan. σ'(l)·d_loss simplifies to (y_pred − y)/N, "
                  "which never divides").format(sat=n["saturated"])
    if code == "log_zero":
        return tr("the loss takes log(y_pred) and log(1 − y_pred); {sat} saturated prediction(s) make that "
                  "log(0) = −inf. Compute the loss from l with a stable formula (softplus), as the engine "
                  "does").format(sat=n["saturated"])
    if code == "propagated":
        if "operand" not in n:
            return tr("a value became non-finite")
        return tr("{step} is non-finite because {up} already was").format(step=step, up=n["operand"])
    if code == "exp_overflow":
        return tr("{step} overflowed: exp of a large pre-activation exceeds the largest floating-point "
                  "number").format(step=step)
    return None


# ----- training health -----------------------------------------------------------------------------------
def reading_title(code: str) -> str:
    return {"start_loss": tr("Start loss"), "update_ratio": tr("Update / weight"),
            "saturated": tr("Saturated units"), "dead": tr("Dead units")}.get(code, code)


def level_text(level: str) -> str:
    return {"ok": tr("ok"), "warn": tr("warning"), "bad": tr("bad")}.get(level, level)


_ACT = re.compile(r"of (\w+) outputs")


def reading_text(r, spec=None) -> str:
    """One engine.training.health.Reading in the interface language (`spec`: the network, for the layer's activation)."""
    if _english():
        return r.text
    try:
        text = _reading(r, spec)
    except (KeyError, TypeError, ValueError, IndexError, AttributeError):
        text = None
    return text or r.text


def _reading(r, spec) -> str | None:
    n, lvl, k = r.numbers or {}, r.level, r.layer
    if r.code == "start_loss":
        loss = n["loss"]
        if lvl == "bad" or not math.isfinite(loss):
            return tr("start loss {loss}: not a number").format(loss=loss)
        args = dict(loss=f"{loss:.4g}", chance=f"{n['chance']:.4g}")
        if lvl == "warn":
            return tr("start loss {loss} vs chance {chance}: the initial weights make confident wrong guesses; "
                      "smaller initial weights would start near chance").format(**args)
        return tr("start loss {loss} vs chance {chance}: a sensible start").format(**args)
    if r.code == "update_ratio":
        ratio = n["ratio"]
        name = f"w{k}"
        if not math.isfinite(ratio):
            text = tr("ratio {ratio}: the weights or gradients are not finite").format(ratio=ratio)
        elif lvl == "warn":
            text = tr("ratio {ratio}: learning rate likely too small").format(ratio=f"{ratio:.1e}")
        elif lvl == "bad":
            text = tr("ratio {ratio}: learning rate likely too large").format(ratio=f"{ratio:.1e}")
        else:
            text = tr("ratio {ratio}: healthy (≈ 0.001)").format(ratio=f"{ratio:.1e}")
        return f"{name}: {text}"
    if r.code == "saturated":
        act = spec.hidden[k - 1].activation if spec is not None else _ACT.search(r.text).group(1)
        text = tr("a{k}: {fraction} of {activation} outputs saturated").format(
            k=k, fraction=f"{n['fraction']:.0%}", activation=act)
        return text if lvl == "ok" else tr("{reading}: their gradients vanish").format(reading=text)
    if r.code == "dead":
        text = tr("a{k}: {dead} of {units} ReLU units dead (0 for every sample)").format(
            k=k, dead=n["dead"], units=n["units"])
        return text if n["dead"] == 0 else tr("{reading}: they no longer learn").format(reading=text)
    return None


# ----- gradient check ----------------------------------------------------------------------------------------
def verdict_text(verdict: str) -> str:
    return {"ok": tr("ok"), "suspect": tr("suspect"), "wrong": tr("wrong")}.get(verdict, verdict)


def gradcheck_why(c) -> str:
    """Why the check of ParamCheck `c` is not plainly ok (its kink note when ok); "" when there is nothing."""
    why = c.why or ""
    if _english() or not why:
        return why
    try:
        return _gradcheck_why(c, why) or why
    except (KeyError, TypeError, ValueError, AttributeError):
        return why


def _gradcheck_why(c, why: str) -> str:
    g = c.grad_name
    parts = []
    if c.verdict != "ok":
        if not math.isfinite(c.rel_error) or "not finite" in why:
            parts.append(tr("the parameters or the loss are not finite, so the gradient cannot be checked; rewind "
                            "to an epoch whose values are finite"))
        elif "differs from autograd" in why:
            parts.append(tr("the engine's {g} differs from autograd's (relative error {e})").format(
                g=g, e=f"{c.autograd_error:.1e}"))
        elif "nearly cancel" in why and "finite differences" not in why:
            parts.append(tr("{g} is a sum of terms that nearly cancel, so float64 keeps only a few of its digits; "
                            "manual and autograd add them in different orders and agree to {e}, as rounding "
                            "allows").format(g=g, e=f"{c.autograd_error:.0e}"))
        elif "cannot resolve" in why:
            parts.append(tr("‖{g}‖ is so small that finite differences cannot resolve it: the rounding of the "
                            "loss dominates the difference").format(g=g))
        elif "change with the step" in why:
            parts.append(tr("finite differences of {g} change with the step (h and 10·h): the loss curves too "
                            "sharply here for them to settle it").format(g=g))
        elif "saturated units" in why:
            parts.append(tr("saturated units: the derivative a·(1 − a) or 1 − a² keeps only a few correct digits "
                            "near its limits, so finite differences differ by {e}").format(e=f"{c.numeric_error:.0e}"))
        else:
            parts.append(tr("finite differences of the engine's loss disagree with {g} (relative error {e}) "
                            "although manual and autograd agree ({a})").format(
                g=g, e=f"{c.numeric_error:.1e}", a=f"{c.autograd_error:.0e}"))
            if "check the forward pass" in why:
                parts.append(tr("the engine's loss differs from the reference loss: check the forward pass"))
    if c.kinked or c.one_sided:
        parts.append(tr("{n} element(s) of {name} sit at a kink of ReLU, where the slope jumps; {side} were "
                        "compared with one-sided differences, {none} with autograd only").format(
            n=c.kinked + c.one_sided, name=c.name, side=c.one_sided, none=c.kinked))
    return "; ".join(parts)


# ----- errors of the engine ------------------------------------------------------------------------------------
_ERRORS = [
    (re.compile(r"must be a number, not (?P<v>.+)$"), lambda m: tr("must be a number, not {value}").format(value=m["v"])),
    (re.compile(r"must be a whole number, not (?P<v>.+)$"),
     lambda m: tr("must be a whole number, not {value}").format(value=m["v"])),
    (re.compile(r"must be a finite number, not (?P<v>.+)$"),
     lambda m: tr("must be a finite number, not {value}").format(value=m["v"])),
    (re.compile(r"(?P<v>\S+) is out of range; use (?P<lo>\S+) to (?P<hi>\S+)$"),
     lambda m: tr("{value} is out of range; use {low} to {high}").format(value=m["v"], low=m["lo"], high=m["hi"])),
    (re.compile(r"learning rate (?P<v>\S+) must be greater than 0 and at most (?P<hi>\S+) \(try 0\.1\)$"),
     lambda m: tr("learning rate {value} must be greater than 0 and at most {high} (try 0.1)").format(
         value=m["v"], high=m["hi"])),
    (re.compile(r"momentum (?P<v>\S+) must be at least 0 and below 1 \(try 0\.9\)$"),
     lambda m: tr("momentum {value} must be at least 0 and below 1 (try 0.9)").format(value=m["v"])),
    (re.compile(r"L2 strength (?P<v>\S+) must be 0 or more$"),
     lambda m: tr("L2 strength {value} must be 0 or more").format(value=m["v"])),
    (re.compile(r"uniform\(a, b\) needs a < b, got a=(?P<a>\S+), b=(?P<b>\S+)$"),
     lambda m: tr("uniform(a, b) needs a < b, got a={a}, b={b}").format(a=m["a"], b=m["b"])),
    (re.compile(r"the data has (?P<n>\d+) features, so use (?P=n) inputs$"),
     lambda m: tr("the data has {n} features, so use {n} inputs").format(n=m["n"])),
    (re.compile(r"the data has (?P<n>\d+) target column\(s\); use (?P=n) outputs$"),
     lambda m: tr("the data has {n} target column(s); use {n} outputs").format(n=m["n"])),
    (re.compile(r"a softmax output needs at least 2 units \(one per class\)$"),
     lambda m: tr("a softmax output needs at least 2 units (one per class)")),
    (re.compile(r"two classes with softmax need 2 output units$"),
     lambda m: tr("two classes with softmax need 2 output units")),
    (re.compile(r"regression targets need MSE with a linear \(or sigmoid\) output$"),
     lambda m: tr("regression targets need MSE with a linear (or sigmoid) output")),
    (re.compile(r"(?P<n>\d+) hidden layers; use 0 to (?P<hi>\d+)$"),
     lambda m: tr("{n} hidden layers; use 0 to {high}").format(n=m["n"], high=m["hi"])),
]


def error_text(e) -> str:
    """The message of engine.core.errors.EngineError `e` (its field not included): the common spec errors worded
    in the interface language, any other in the engine's English."""
    msg = getattr(e, "message", None) or str(e)
    if _english():
        return msg
    for pattern, word in _ERRORS:
        m = pattern.search(msg)
        if m and m.start() == 0:
            return word(m)
    return msg


def error_line(e) -> str:
    """"field: message" (just the message for a file or an empty field)."""
    field = getattr(e, "field", "")
    text = error_text(e)
    return text if field in ("file", "", None) else tr("{field}: {message}").format(field=field, message=text)


# ----- presets ------------------------------------------------------------------------------------------------
def preset_title(name: str, preset=None) -> str:
    words = {
        "notebook-xor": tr("The notebook's XOR"),
        "xor-tanh": tr("XOR that learns"),
        "circle": tr("Circle"),
        "moons": tr("Two moons"),
        "spiral": tr("Three-arm spiral"),
        "sine": tr("Sine regression"),
        "digits": tr("Handwritten digits (8×8)"),  # issue 12 item 7 (hook)
    }
    if _english() and preset is not None:
        return preset.title
    return words.get(name) or (preset.title if preset is not None else name)


def preset_description(name: str, preset=None) -> str:
    words = {
        "notebook-xor": tr("2→2 sigmoid→1 sigmoid, BCE, lr 0.01, 10000 epochs, the notebook's own starting "
                           "weights"),
        "xor-tanh": tr("2→4 tanh→1 sigmoid, Xavier start, lr 0.5: solves XOR within 1000 epochs"),
        "circle": tr("200 points, class 1 inside radius 0.5: 2→8 tanh→1 sigmoid, lr 0.5"),
        "moons": tr("200 points on two interleaving half-moons: 2→8 tanh→1 sigmoid, lr 0.5"),
        "spiral": tr("300 points, 3 classes: 2→32→32 ReLU→3 softmax, He start, lr 1"),
        "sine": tr("y = sin(x) + noise, 100 points: 1→16 tanh→1 linear, MSE, lr 0.1"),
        "digits": tr("1797 real 8×8 images of 0–9, 64 inputs: 64→32 tanh→10 softmax, Xavier start, lr 0.5, "
                     "200 epochs"),  # issue 12 item 7 (hook)
    }
    if _english() and preset is not None:
        return preset.description
    return words.get(name) or (preset.description if preset is not None else "")
