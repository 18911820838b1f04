"""What the checker found, in the interface language. The statuses are the app's own short labels; every hint,
the checker's own error messages and the divergence diagnosis are engine Texts (a template code and its
arguments: engine/text/verdicts.py, pyerrors.py, checker.py, training.py), shown with app.i18n.engine_text,
which translates the engine's English template (context "engine"). Nothing here words a hint or reads one.

    status_text(r)        "ok", "follows d_loss", "scale ×−4", …      (r: engine.checker.verdicts.TensorResult)
    hint_text(r)          the hint for one verdict
    hint_line(r)          "d_w2: <hint>" and, where the hint does not say it, the engine's formula
    error_title(e)        "Line 3 · SyntaxError: …"                   (e: engine.checker.exercise.CheckError)
    error_hint(e)         the hint for a Python error
    diagnosis_text(d)     why training with the learner's code diverged (d: the diagnosis dict)
    factor_text(k)        "−4"
"""

from __future__ import annotations

from app.engine_wording import diagnosis_text  # noqa: F401 - re-exported: the practice diagnosis is a dict
from app.i18n import engine_text, tr
from engine.text import Text

BAD_STATUSES = ("sign", "scale", "shape", "wrong", "not_finite")


def factor_text(k) -> str:
    return "" if k is None else f"{float(k):g}".replace("-", "−")


def shown(text: dict | None, english: str) -> str:
    """An engine Text in its to_dict() form, in the interface language; `english` when there is none (or a
    translation cannot be filled in)."""
    if not text:
        return english
    try:
        return engine_text(Text.from_dict(text))
    except (KeyError, IndexError, ValueError):
        return english


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


# ----- hints, errors ----------------------------------------------------------------------------------------
def hint_text(r) -> str:
    """The hint for TensorResult `r` ("" for ok and missing)."""
    if r.status in ("ok", "missing"):
        return ""
    return shown(r.hint_text, r.hint)


def hint_line(r) -> str:
    """"d_w2: <hint>", and the engine's formula below it when the hint does not give the right one."""
    hint = hint_text(r)
    if not hint:
        return ""
    text = f"{r.name}: {hint}"
    if r.formula and not _mentions_formula(r.hint_text):
        formula = shown(r.formula_text, r.formula)
        text += tr("\nThe engine computes: {formula}").format(formula=formula)
    return text


def _mentions_formula(text: dict | None) -> bool:
    """Whether an explanation (or one nested in it) has the right formula among its arguments."""
    args = (text or {}).get("args") or {}
    return "formula" in args or any(isinstance(v, dict) and _mentions_formula(v) for v in args.values())


def error_message(e) -> str:
    """The error's message: Python's own text, or the checker's in the interface language."""
    return shown(e.message_text, e.message)


def error_title(e) -> str:
    msg = error_message(e)
    if e.line:
        return tr("Line {line} · {type}: {message}").format(line=e.line, type=e.type, message=msg)
    return tr("{type}: {message}").format(type=e.type, message=msg)


def error_hint(e) -> str:
    return shown(e.hint_text, e.hint)


def isolation_text(report) -> str:
    """What contained the learner's code on this machine, and what could not be enforced here."""
    from engine.text.checker import means_texts

    lines = []
    if report.isolation:
        lines.append(engine_text(Text("checker.isolation", {"means": means_texts(report.isolation)})))
    if report.not_isolated:
        lines.append(engine_text(Text("checker.not_isolated", {"means": means_texts(report.not_isolated)})))
    return "\n".join(lines)


# ----- divergence ---------------------------------------------------------------------------------------
def divergence_text(epoch: int, d: dict | None) -> str:
    """"NaN at epoch 312: …" — the marker's words."""
    why = diagnosis_text(d)
    head = tr("NaN at epoch {epoch}").format(epoch=epoch)
    return tr("{head}: {why}").format(head=head, why=why) if why else head
