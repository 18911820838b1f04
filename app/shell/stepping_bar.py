"""The toolbars above the centre: the modes (Step, Run, Practice, Lesson) and the stepping bar (Step epoch,
Previous / Next operation, Step back, Run, Run to epoch with its target, Reset, Undo / Redo, and a label that
names the current operation and says when the next one starts a new epoch).

    bar = SteppingBar(window, registry, session, mode_actions, message)
    bar.toolbar, bar.modes_toolbar, bar.run_to_spin, bar.op_label
    bar.current_operation_text()
    bar.toggle_run(); bar.run_to()          what Run and Run to epoch do
    bar.set_idle(idle); bar.fit_width(px); bar.retranslate()

`message(text)` shows a short message (the window's status bar). Below COMPACT_BELOW px of window width the
buttons show icons only, so the operation label keeps its room.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QLabel, QMainWindow, QSizePolicy, QSpinBox, QToolBar

from app.i18n import plain, tr
from app.views.held_label import HeldLabel
from app.views.inspector.wording import describe, title_text

from .banner import phase_text

COMPACT_BELOW = 1500  # window width under which the toolbar shows icons only


class SteppingBar(QObject):
    def __init__(self, window: QMainWindow, registry, session, mode_actions: dict, message):
        super().__init__(window)
        self.session = session
        self._message = message
        a = registry
        modes = QToolBar(window)
        modes.setObjectName("modesToolbar")
        modes.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for act in mode_actions.values():
            modes.addAction(act)
        window.addToolBar(Qt.ToolBarArea.TopToolBarArea, modes)
        self.modes_toolbar = modes
        tb = QToolBar(window)
        tb.setObjectName("steppingToolbar")
        tb.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for act in (a.step_epoch, a.prev_op, a.next_op, a.step_back):
            tb.addAction(act)
        tb.addSeparator()
        tb.addAction(a.run)
        self.run_to_spin = QSpinBox()
        self.run_to_spin.setRange(1, 10**8)
        self.run_to_spin.setGroupSeparatorShown(True)
        self.run_to_spin.setKeyboardTracking(False)
        tb.addAction(a.run_to)
        tb.addWidget(self.run_to_spin)
        tb.addSeparator()
        tb.addAction(a.reset)
        tb.addSeparator()
        tb.addAction(a.undo)
        tb.addAction(a.redo)
        tb.addSeparator()
        self.op_label = QLabel()
        self.op_label.setObjectName("currentOperation")
        self.op_label.setTextFormat(Qt.TextFormat.PlainText)
        self.op_label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.op_label.setMinimumWidth(200)
        self.op_label.setStyleSheet("font-weight: bold; padding-left: 6px;")
        tb.addWidget(self.op_label)
        self._op_text = HeldLabel(self.op_label, session)  # its run-frame texts lay nothing out (held_label.py)
        window.addToolBar(Qt.ToolBarArea.TopToolBarArea, tb)
        self.toolbar = tb
        for act in (a.step_epoch, a.next_op, a.prev_op, a.step_back, a.run, a.run_to, a.reset):
            tb.widgetForAction(act).setObjectName(f"{act.objectName() or plain(act.text())}Button")
        self.retranslate()
        self.reset_target()
        session.position_changed.connect(self.update_op_label)
        session.trace_changed.connect(self.update_op_label)
        session.params_changed.connect(self._on_params_changed)
        session.network_changed.connect(self.reset_target)
        session.running_changed.connect(self._on_running_changed)
        session.run_frame.connect(self._on_snapshot)  # "Epoch N · training…", in step with the status bar

    def retranslate(self) -> None:
        self.toolbar.setWindowTitle(tr("Stepping"))
        self.modes_toolbar.setWindowTitle(tr("Modes"))
        self.run_to_spin.setToolTip(tr("The epoch Run to epoch stops at"))
        self.run_to_spin.setAccessibleName(tr("Target epoch"))
        self.update_op_label()

    # ----- the current operation ----------------------------------------------------------------------
    def current_operation_text(self) -> str:
        s = self.session
        if s.running:
            return tr("Epoch {epoch} · training…").format(epoch=f"{s.epoch:,}")
        step = s.current_step()
        starts = s.next_starts_epoch()
        if step is None:
            return tr("Epoch {epoch} · Next operation (F11) starts epoch {next}; Step epoch (F10) runs it "
                      "whole").format(epoch=f"{s.shown_epoch:,}", next=f"{starts:,}")
        text = tr("Epoch {epoch} · {phase} · {title}").format(
            epoch=f"{s.shown_epoch:,}", phase=phase_text(step.phase), title=title_text(step))
        if starts:
            text += " · " + tr("next: epoch {next} starts").format(next=f"{starts:,}")
        return text

    def update_op_label(self, *_args) -> None:
        self.op_label.setText(self.current_operation_text())
        step = self.session.current_step()
        self.op_label.setToolTip(describe(step) if step is not None else "")

    # ----- running --------------------------------------------------------------------------------------
    def toggle_run(self) -> None:
        if self.session.running:
            self.session.pause()
        else:
            self.session.start_run()

    def run_to(self) -> None:
        target = self.run_to_spin.value()
        if target <= self.session.epoch:
            self._message(tr("Already at epoch {epoch}; choose a later epoch (or Step back)").format(
                epoch=self.session.epoch))
            return
        self.session.start_run(target)

    def reset_target(self) -> None:
        s = self.session
        self.run_to_spin.setValue(max(s.spec.epochs, s.epoch + 1))

    def set_idle(self, idle: bool) -> None:
        self.run_to_spin.setEnabled(idle)

    def fit_width(self, width: int) -> None:
        """Below COMPACT_BELOW px the button texts would push the current-operation label off the toolbar."""
        style = (Qt.ToolButtonStyle.ToolButtonTextBesideIcon if width >= COMPACT_BELOW
                 else Qt.ToolButtonStyle.ToolButtonIconOnly)
        if self.toolbar.toolButtonStyle() != style:
            self.toolbar.setToolButtonStyle(style)

    def _on_params_changed(self) -> None:
        self.update_op_label()
        s = self.session
        if not s.running and self.run_to_spin.value() <= s.epoch:  # reached: offer the next stretch
            self.run_to_spin.setValue(s.epoch + s.spec.epochs)

    def _on_running_changed(self, _running: bool) -> None:
        self.update_op_label()

    def _on_snapshot(self, _snap) -> None:
        self._op_text.set_text(self.current_operation_text())


__all__ = ["SteppingBar", "COMPACT_BELOW"]
