"""The engine's findings in the interface language. Divergence diagnoses, training-health readings and
gradient-check findings carry engine Texts (a template code and its arguments): they are shown with
`app.i18n.engine_text`, which translates the engine's own English template (context "engine"), so nothing
here re-words or parses them. EngineError messages and presets are still worded here through `tr` from their
English (a code this module does not know falls back to the engine's English).

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

import re

from app.i18n import current_language, engine_text, tr
from engine.text import Text


def _english() -> bool:
    return current_language() == "en"


def _get(obj, key, default=None):
    if isinstance(obj, dict):
        return obj.get(key, default)
    return getattr(obj, key, default)


# ----- divergence ---------------------------------------------------------------------------------------
def diagnosis_text(d) -> str:
    """Why training diverged: engine.training.diagnose.Diagnosis `d` carries its explanation as an engine Text
    (translated through the engine's own templates). A plain dict (e.g. the practice checker's) shows its
    "explanation" ({code, args}) when it has one, else its English reason."""
    if not d:
        return ""
    text = _get(d, "text")
    if isinstance(text, Text):
        return engine_text(text)
    explanation = _get(d, "explanation")
    if explanation:
        try:
            return engine_text(Text.from_dict(explanation))
        except (KeyError, IndexError, ValueError):
            pass
    return _get(d, "reason", "") or ""


# ----- training health -----------------------------------------------------------------------------------
def reading_title(code: str) -> str:
    return {"start_loss": tr("Start loss"), "update_ratio": tr("Update / weight"),
            "saturated": tr("Saturated units"), "dead": tr("Dead units"),
            "test_loss": tr("Test loss")}.get(code, code)


def level_text(level: str) -> str:
    return {"ok": tr("ok"), "warn": tr("warning"), "bad": tr("bad")}.get(level, level)


def reading_text(r, spec=None) -> str:
    """One engine.training.health.Reading in the interface language (`spec` is no longer needed)."""
    return engine_text(r.explanation)


# ----- gradient check ----------------------------------------------------------------------------------------
def verdict_text(verdict: str) -> str:
    return {"ok": tr("ok"), "suspect": tr("suspect"), "wrong": tr("wrong")}.get(verdict, verdict)


def gradcheck_why(c) -> str:
    """Why the check of ParamCheck `c` is not plainly ok (or which elements it could not compare); "" when there
    is nothing to say."""
    return "; ".join(engine_text(t) for t in c.findings)


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
    (re.compile(r"binary cross-entropy needs a sigmoid output, not (?P<out>\w+); "),
     lambda m: tr("binary cross-entropy needs a sigmoid output, not {output}; use a sigmoid output, or softmax "
                  "cross-entropy with a softmax output").format(output=m["out"])),
    (re.compile(r"softmax cross-entropy needs a softmax output, not (?P<out>\w+); "),
     lambda m: tr("softmax cross-entropy needs a softmax output, not {output}; use a softmax output, or binary "
                  "cross-entropy with a sigmoid output").format(output=m["out"])),
    (re.compile(r"a softmax output goes with softmax cross-entropy, not (?P<loss>[^;]+); "),
     lambda m: tr("a softmax output goes with softmax cross-entropy, not {loss}; use softmax cross-entropy, or a "
                  "linear output with MSE").format(loss=_loss_name(m["loss"]))),
    (re.compile(r"(?P<n>\d+) hidden layers; use 0 to (?P<hi>\d+)$"),
     lambda m: tr("{n} hidden layers; use 0 to {high}").format(n=m["n"], high=m["hi"])),
]


def _loss_name(english: str) -> str:
    """A loss as engine.core.spec.LOSS_NAMES writes it, in the interface language (as the Network form names it)."""
    names = {"binary cross-entropy (mean)": tr("binary cross-entropy"),
             "softmax cross-entropy (mean)": tr("softmax cross-entropy"), "mean squared error": tr("mean squared error")}
    return names.get(english, english)


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
