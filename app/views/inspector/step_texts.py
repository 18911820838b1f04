"""The words around the equation: the header (phase, epoch, operation i of n), the formula, the shape check
with its ✓, the hint to hover a cell, the box for a cell's expansion, "Why this shape" and the note, in the
current notation and wrapped to the width the pane measured. The pane (app/views/inspector/equation.py) lays
the labels out around the matrices and says which step to show.

    texts = StepTexts(font)                 font: the pane's, the formula and check are drawn larger
    texts.header, texts.formula, texts.check, texts.hint, texts.expansion, texts.why_title, texts.why,
    texts.note                              the QLabels
    texts.show(step, plan, epoch, n_steps, mode, wrap_width, name)
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QFrame, QLabel

from app import palette
from app.i18n import tr

from . import colors as C
from . import notation as nt
from .captions import check_html, esc, wrap
from .plan import Plan, op_text, phase_text
from .qt_util import fill, set_text, text_colour
from .wording import formula_text, note_text, why_text

PHASE_COLOUR = {"forward": "#2166ac", "backward": "#b2182b", "update": "#1a9850"}


class StepTexts(QObject):
    def __init__(self, font: QFont, parent: QObject | None = None):
        super().__init__(parent)
        self.header = QLabel()
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.formula = QLabel()
        ff = QFont(font)
        ff.setPointSizeF(ff.pointSizeF() * 1.6)
        ff.setBold(True)
        self.formula.setFont(ff)
        self.formula.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.check = QLabel()
        self.check.setTextFormat(Qt.TextFormat.RichText)
        cf = QFont(font)
        cf.setPointSizeF(cf.pointSizeF() * 1.25)
        self.check.setFont(cf)
        self.hint = QLabel()
        palette.style_label(self.hint, "muted")
        self.expansion = QLabel()
        self.expansion.setTextFormat(Qt.TextFormat.RichText)
        self.expansion.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.expansion.setFrameShape(QFrame.Shape.Box)
        self.expansion.setMargin(6)
        self.why_title = QLabel(tr("Why this shape"))
        wf = QFont(font)
        wf.setBold(True)
        self.why_title.setFont(wf)
        self.why = QLabel()
        self.why.setMargin(5)
        self.why.setFrameShape(QFrame.Shape.Panel)
        self.note = QLabel()
        palette.style_label(self.note, "muted")
        self.apply_theme()
        palette.follow(self.why, self.apply_theme)

    def apply_theme(self) -> None:
        """The expansion's and the "why" box's tints and frames for the light or dark set."""
        t = palette.current()
        for w, accent in ((self.expansion, C.MARK), (self.why, C.INNER)):
            fill(w, palette.mix(t.canvas, accent, 0.16 if t.dark else 0.07))
            text_colour(w, t.text)
            pal = w.palette()
            for role in (QPalette.ColorRole.Light, QPalette.ColorRole.Dark, QPalette.ColorRole.Mid):
                pal.setColor(role, accent)
            w.setPalette(pal)

    def show(self, plan: Plan, epoch: int, n_steps: int, mode: str, width: int, name) -> None:
        """The texts of `plan`'s step (operation i of `n_steps` of `epoch`), names in `mode`, lines of at most
        `width` columns; `name(label)` is how the pane names a matrix."""
        step = plan.step
        phase = step.phase
        set_text(self.header,
                 f"<span style='color:white; background:{PHASE_COLOUR.get(phase, '#555')}'>&nbsp;"
                 f"{esc(phase_text(phase))}&nbsp;</span>&nbsp; "
                 + esc(tr("epoch {e} · operation {i} of {n} · {op}").format(
                     e=f"{epoch:,}", i=step.index + 1, n=n_steps, op=op_text(step.op))))
        set_text(self.formula, nt.translate(formula_text(step), mode))
        check = wrap(nt.translate(plan.check, mode), int(width / 1.3))  # a larger font
        set_text(self.check, check_html(check).replace("\n", "<br>"))
        pick = plan.terms[plan.pick]
        set_text(self.hint, tr("Hover over or click any cell of {name} to see how it is computed.")
                 .format(name=name(pick.label)))
        set_text(self.why, wrap(nt.translate(why_text(step), mode), width))
        note = tr("Note: {note}").format(note=nt.translate(note_text(step), mode)) \
            if step.note_text is not None else ""
        set_text(self.note, wrap(note, width))


__all__ = ["StepTexts", "PHASE_COLOUR"]
