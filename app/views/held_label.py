"""A label whose text changes many times a second during a run (the status bar, the toolbar's operation, the
loss readout, the run view's headline) keeps its size while the run lasts.

Why: QLabel.setText always asks its parent layout to lay out again, and Qt carries that up to the main window,
which lays out every dock, toolbar and tab bar again (and makes a geometry animation object for each): ten
times a second per label, about a third of the GUI thread's events during a run, CPU taken from training. A
label whose minimum and maximum sizes are equal does not pass the request on, so while running each held label
is fixed at the size the layout gave it; a text that no longer fits lets go (one layout, the label grows) and
the label is held again at its new size with the next text. When the run stops, its own limits come back.

    readout = HeldLabel(label, session)     (session: running_changed, running)
    readout.set_text(text)                  instead of label.setText(text)
"""

from __future__ import annotations

from PySide6.QtCore import QSize

SLACK = 12  # letters of room beyond its text a label is held with (a longer text lets go: two layouts)


class HeldLabel:
    def __init__(self, label, session):
        self.label = label
        self._session = session
        self._limits: tuple[QSize, QSize] | None = None  # the label's own (minimum, maximum) while held
        self._held_at: tuple[int, int, int] = (0, 0, 0)  # (width, height, room for text) while held
        self._metrics = None
        self._wrap = label.wordWrap()
        self._let_go: tuple[tuple[int, int], int] | None = None  # (size, the room asked for) at the last release
        session.running_changed.connect(self._on_running)

    @property
    def held(self) -> bool:
        return self._limits is not None

    def set_text(self, text: str) -> None:
        self.label.setText(text)
        if not self._session.running:
            return
        if self._limits is None:
            self._hold()
        elif not self._fits(text):
            width, height, _room = self._held_at
            need = height + 1 if self._wrap else self._metrics.horizontalAdvance(text)
            self._release()  # one layout: the label takes the room the new text needs; held again next time
            self._let_go = ((width, height), need)

    def _fits(self, text: str) -> bool:
        """Whether `text` fits the held size: one call into Qt (each waits for the training thread's GIL)."""
        width, height, room = self._held_at
        if self._wrap:
            return self.label.heightForWidth(width) <= height
        return self._metrics.horizontalAdvance(text) <= room

    def _hold(self) -> None:
        label = self.label
        if not label.isVisible():
            return  # a hidden label lays nothing out
        size = label.size()
        width, height = size.width(), size.height()
        metrics = label.fontMetrics()
        pad = width - label.contentsRect().width() + 2 * label.margin() + max(0, label.indent())
        # held at what its text needs on one line (and a few letters more), never at a wider cell of the
        # layout: a fixed width is a minimum the window cannot go below (the run view's headline, spanning Run
        # mode's centre, kept a 1366 px window from shrinking; the loss readout, held while a mode change
        # arranged the docks, widened a 1366 px window to 1466)
        want = metrics.horizontalAdvance(label.text()) + SLACK * metrics.averageCharWidth() + pad
        held = min(width, max(want, label.minimumWidth()))
        if self._wrap:
            room = held
        else:
            self._metrics = metrics
            room = held - pad  # less padding
        if self._let_go is not None:
            (w0, h0), need = self._let_go
            if (w0, h0) == (width, height):  # the layout could give no more room: take the text as it is
                room, height = max(room, need), max(height, need if self._wrap else height)
            self._let_go = None
        self._limits = (label.minimumSize(), label.maximumSize())
        self._held_at = (held, height, room)
        label.setFixedSize(QSize(held, height))

    def _release(self) -> None:
        limits, self._limits = self._limits, None
        if limits is not None:
            self.label.setMinimumSize(limits[0])
            self.label.setMaximumSize(limits[1])

    def _on_running(self, running: bool) -> None:
        if not running:
            self._release()
            self._let_go = None


__all__ = ["HeldLabel"]
