"""The texts of a traced operation in the interface language.

A Step's explanation is a code and its arguments (engine.core.step.StepText); each part is an engine Text
whose English template (engine/text/steps.py) is translated in Qt context "engine" and then filled in
(app.i18n.engine_text). Nothing here parses the engine's sentences.

    formula_text(step)   the formula and its bracketed remark: "d_b1 = Σₙ d_l1[n, :]   (sum over axis 0)"
    title_text(step)     the formula alone (the step's title)
    why_text(step)       "why this shape" ("" for a step without one)
    note_text(step)      the note under it ("" without one)
    describe(step)       several lines: formula, operands with shapes, why, note (a tooltip)
"""

from __future__ import annotations

from app.i18n import engine_text, tr
from engine.core.spec import shape_text as S

from .plan import op_text, phase_text


def title_text(step) -> str:
    return engine_text(step.formula_text)


def formula_text(step) -> str:
    remark = step.remark_text
    return title_text(step) + (f"   {engine_text(remark)}" if remark is not None else "")


def why_text(step) -> str:
    return engine_text(step.why_text)


def note_text(step) -> str:
    return engine_text(step.note_text)


def describe(step) -> str:
    """Several readable lines like engine Step.describe(), in the interface language."""
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
