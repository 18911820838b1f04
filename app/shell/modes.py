"""The workspace's modes: what the learner is doing decides what gets the centre.

    Step      the matrix inspector in the centre, the list of operations on its left; on the right the
              network diagram (gradient check, health behind it) above the decision boundary (loss, the
              Network form and the Weights behind it)
    Run       live heat maps of every parameter and of its change in the centre; the decision boundary
              above the loss on the right
    Practice  the Practice pane (editor, verdicts, hint, your tensor, your training) in the centre, alone
    Lesson    the page the lesson's step talks about (Practice or the inspector) in the centre; the lesson
              above the decision boundary and the loss on the right, the boundary never squeezed

Everything else stays one click away: another mode, or View ▸ a pane. Each mode remembers how the learner
rearranged it (app/shell/workspace.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from app.i18n import tr_noop, translate

STEP, RUN, PRACTICE, LESSON = "step", "run", "practice", "lesson"


@dataclass(frozen=True)
class Mode:
    key: str
    title: str  # marked for translation; `mode_title(key)` gives it in the interface language
    shortcut: str
    centre: str  # the centre page: "inspector", "run" or "practice"
    left: tuple[tuple[str, ...], ...] = ()  # groups stacked top to bottom, each a tab group (first in front)
    right: tuple[tuple[str, ...], ...] = ()
    right_share: tuple[float, ...] = ()  # each right group's share of the height


MODES: dict[str, Mode] = {m.key: m for m in (
    Mode(STEP, tr_noop("Step"), "Ctrl+1", "inspector",
         left=(("timeline",),),
         right=(("diagram", "gradcheck", "health"), ("boundary", "loss", "topology", "weights")),
         right_share=(0.42, 0.58)),
    Mode(RUN, tr_noop("Run"), "Ctrl+2", "run",
         right=(("boundary",), ("loss", "health")), right_share=(0.55, 0.45)),
    Mode(PRACTICE, tr_noop("Practice"), "Ctrl+3", "practice"),
    Mode(LESSON, tr_noop("Lesson"), "Ctrl+4", "practice",
         right=(("lesson",), ("boundary", "loss")), right_share=(0.42, 0.58)),
)}

CENTRE_PAGES = ("inspector", "run", "practice")
LEFT_WIDTH = 210  # px of the left column at 1366 px
RIGHT_WIDTH = 380


def mode_title(key: str) -> str:
    return translate(MODES[key].title)


def docks_of(mode: Mode) -> list[str]:
    return [name for groups in (mode.left, mode.right) for group in groups for name in group]
