"""The texts of a traced operation in the interface language.

The engine's Step carries its formula, the dimension argument ("why this shape") and a note, in English.
Formulas are maths and stay as they are (but for the words in brackets: "(sum over axis 0)"). In English the
engine's why and note are shown unchanged; in another language they are worded here from the Step's
structure: the op kind, the names and shapes of its operands and result, and N (the rows of the batch).
A step this module cannot word falls back to the engine's text.

    why_text(step)       "why this shape"
    note_text(step)      the note under it
    formula_text(step)   the formula (words in brackets translated)
    title_text(step)     "d_w2 = a1ᵀ @ d_l2" (the step's title, words in brackets translated)
    describe(step)       several lines: formula, operands with shapes, why, note (a tooltip)
"""

from __future__ import annotations

import re

from app.i18n import current_language, tr
from engine.core import trace as T
from engine.core.spec import shape_text as S

from .plan import op_text, phase_text


def _english() -> bool:
    return current_language() == "en"


def _n(step) -> int:
    """The rows of the batch (N), from the first operand or result with rows."""
    for shape in [step.shape] + [o.shape for o in step.operands]:
        if len(shape) == 2:
            return shape[0]
    return 0


def _op(step, i):
    return step.operands[i] if i < len(step.operands) else None


# ----- why this shape --------------------------------------------------------------------------------------
def why_text(step) -> str:
    if not step.why or _english():
        return step.why
    try:
        return _why(step) or step.why
    except (IndexError, KeyError, AttributeError, TypeError, ValueError):
        return step.why


def _why(step) -> str | None:
    op, N = step.op, _n(step)
    if op == T.LOSS_GRAD:
        return tr("d_loss has the shape of y_pred {shape}: one derivative per prediction; the 1/{n} of the mean "
                  "is in every entry").format(shape=S(step.shape), n=N)
    if op == T.ACT_GRAD:
        k = step.name[3:]
        up = step.operands[1].name
        if step.operands[0].name == "y_pred":  # softmax
            return tr("d_l{k} has the shape of l{k} {shape}; softmax mixes the entries of each row, so each row "
                      "of {up} is multiplied by that row's softmax Jacobian").format(k=k, shape=S(step.shape), up=up)
        return tr("d_l{k} has the shape of l{k} {shape}; the activation acts on each entry alone, so its "
                  "derivative multiplies {up} entry by entry (⊙), no matmul").format(k=k, shape=S(step.shape), up=up)
    if op == T.BATCH_SUM:
        k, d_l = step.name[3:], step.operands[0]
        return tr("b{k} {b} was broadcast to all {n} rows in the forward pass, so d_b{k} adds up the {n} rows "
                  "of d_l{k} {dl}: Σ over the {n} samples, axis 0 → {b}").format(
            k=k, b=S(step.shape), n=d_l.shape[0], dl=S(d_l.shape))
    if op == T.MATMUL and step.name.startswith("d_w"):
        a, d_l = step.operands[0], step.operands[1]
        k = step.name[3:]
        return tr("d_w{k} must be {w} like w{k}; {a} is {sa} and d_l{k} is {sdl}; {a}ᵀ @ d_l{k}, {sat} @ {sdl}, "
                  "is the product with that shape; it sums over the {n} samples").format(
            k=k, w=S(step.shape), a=a.name, sa=S(a.shape), sdl=S(d_l.shape), sat=S(a.used_shape), n=a.shape[0])
    if op == T.MATMUL and step.name.startswith("d_a"):
        d_l, w = step.operands[0], step.operands[1]
        j = step.name[3:]
        return tr("d_a{j} must be {sa} like a{j}; {dl} is {sdl} and {w} is {sw}; {dl} @ {w}ᵀ, {sdl} @ {swt}, is "
                  "the product with that shape: each sample's error flows back along the weights it came "
                  "through").format(j=j, sa=S(step.shape), dl=d_l.name, sdl=S(d_l.shape), w=w.name, sw=S(w.shape),
                                    swt=S(w.used_shape))
    return None


# ----- the note ------------------------------------------------------------------------------------------------
_L_NAME = re.compile(r"\bl\d+\b")
_KINK = re.compile(r"(\w+')\(l\) = 1 where l > 0, else ([^\s(]+)(?: \(that is (.+), as (.+)\))?")


def note_text(step) -> str:
    if not step.note or _english():
        return step.note
    try:
        return _note(step) or step.note
    except (IndexError, KeyError, AttributeError, TypeError, ValueError):
        return step.note


def _note(step) -> str | None:
    op, note, N = step.op, step.note, _n(step)
    if op == T.LINEAR:
        a, w, b = step.operands[:3]
        return tr("{a} {sa} @ {w} {sw} → {sl}; {b} {sb} is added to every one of the {n} rows").format(
            a=a.name, sa=S(a.shape), w=w.name, sw=S(w.shape), sl=S(step.shape), b=b.name, sb=S(b.shape), n=N)
    if op == T.SOFTMAX:
        return tr("each row is exp(l) divided by its row sum")
    if op == T.ACTIVATION:
        return tr("applied to every entry on its own")
    if op == T.LOSS:
        m = _L_NAME.search(note)
        if "softplus" in note and m:
            return tr("computed stably from {l}: mean(softplus({l}) − y·{l}), never log(0)").format(l=m.group(0))
        if "log-sum-exp" in note and m:
            return tr("computed stably from {l} with log-sum-exp, never log(0)").format(l=m.group(0))
        if "every entry" in note:
            return tr("the mean runs over every entry")
        return None
    if op == T.LOSS_GRAD:
        if "minus sign" in note:
            return tr("the minus sign and the 1/N come from loss = −mean(…)")
        if "true class" in note:
            return tr("only each sample's true class gets a non-zero entry")
        return None
    if op == T.ACT_GRAD:
        if "softmax Jacobian" in note:
            return tr("the softmax Jacobian times d_loss simplifies to (y_pred − Y)/{n}; the engine uses that stable "
                      "form").format(n=N)
        if "simplifies" in note:
            act = step.operands[0].name  # σ'(l2)
            return tr("{d}·d_loss simplifies to (y_pred − y)/{n}; the engine uses that stable form, which never "
                      "divides by y_pred").format(d=act, n=N)
        m = _KINK.fullmatch(note)  # "ReLU'(l) = 1 where l > 0, else 0": the words of a derivative
        if m and m.group(3):
            return tr("{f}(l) = 1 where l > 0, else {slope} (that is {same}, as {because})").format(
                f=m.group(1), slope=m.group(2), same=m.group(3), because=m.group(4))
        if m:
            return tr("{f}(l) = 1 where l > 0, else {slope}").format(f=m.group(1), slope=m.group(2))
        return note  # the activation's derivative: maths
    if op == T.UPDATE:
        p = step.name
        if len(step.operands) > 2:
            return tr("momentum keeps a running sum of past gradients")
        return tr("a step of size lr against the gradient; d_{p} has the shape of {p} {shape}").format(
            p=p, shape=S(step.operands[0].shape))
    return None


# ----- formulas ---------------------------------------------------------------------------------------------------
def _bracket_words(text: str) -> str:
    if _english() or "(" not in text:
        return text
    return (text.replace("(sum over axis 0)", tr("(sum over axis 0)"))
            .replace("(Y: one-hot labels)", tr("(Y: one-hot labels)")))


def formula_text(step) -> str:
    return _bracket_words(step.formula)


def title_text(step) -> str:
    return _bracket_words(step.title)


def describe(step) -> str:
    """Several readable lines like engine Step.describe(), in the interface language."""
    if _english():
        return step.describe()
    ops = []
    for o in step.operands:
        name = tr("loss per sample") if o.name == "loss per sample" else o.name
        text = f"{name} {S(o.shape)}"
        if o.transposed:
            text += " " + tr("used as {label} {shape}").format(label=o.label, shape=S(o.used_shape))
        if o.broadcast:
            text += " " + tr("broadcast to {shape}").format(shape=S(step.shape))
        ops.append(text)
    lines = [f"[{step.index:2d}] {phase_text(step.phase)} {step.name} {S(step.shape)}: {formula_text(step)}",
             "     " + tr("{op}; operands: {operands}").format(op=op_text(step.op), operands=", ".join(ops))]
    why = why_text(step)
    if why:
        lines.append("     " + tr("why: {why}").format(why=why))
    note = note_text(step)
    if note:
        lines.append("     " + tr("note: {note}").format(note=note))
    return "\n".join(lines)
