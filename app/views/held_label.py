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


class HeldLabel:
    def __init__(self, label, session):
        self.label = label
        self._session = session
        self._limits: tuple[QSize, QSize] | None = None  # the label's own (minimum, maximum) while held
        session.running_changed.connect(self._on_running)

    @property
    def held(self) -> bool:
        return self._limits is not None

    def set_text(self, text: str) -> None:
        self.label.setText(text)
        if not self._session.running:
            return
        if not self._fits():
            self._release()  # one layout: the label takes the room the new text needs; held again next time
        elif self._limits is None:
            self._hold()

    def _fits(self) -> bool:
        label = self.label
        width = label.width()
        if label.wordWrap():
            return label.heightForWidth(width) <= label.height()
        hint = label.sizeHint()
        return hint.width() <= width and hint.height() <= label.height()

    def _hold(self) -> None:
        label = self.label
        if label.isHidden() or not label.isVisible():
            return  # a hidden label lays nothing out
        self._limits = (label.minimumSize(), label.maximumSize())
        label.setFixedSize(label.size())

    def _release(self) -> None:
        limits, self._limits = self._limits, None
        if limits is not None:
            self.label.setMinimumSize(limits[0])
            self.label.setMaximumSize(limits[1])

    def _on_running(self, running: bool) -> None:
        if not running:
            self._release()


__all__ = ["HeldLabel"]
