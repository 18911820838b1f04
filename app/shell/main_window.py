"""The main window: composition only. Its parts are objects built here with explicit arguments:

    registry   app/shell/actions.py    every action; panes add theirs (no menu is found by its title)
    workspace  app/shell/workspace.py  the panes as docks around a centre that belongs to the mode
               (app/shell/modes.py: Step, Run, Practice, Lesson)
    files      app/shell/files.py      File ▸ sessions, presets, recent files, plot export
    language   app/shell/language.py   View ▸ Language (texts set again by app/shell/retranslate.py)
    menus      app/shell/menus.py      the menu bar, from the registry and the parts
    stepping   app/shell/stepping_bar.py  the modes and stepping toolbars, Run / Run to epoch, the operation label
    status     app/shell/status.py     the status bar's epoch, loss, accuracy, rate and progress
    banner, welcome                    the divergence banner and the first-run welcome above the centre

The window itself keeps what joins the parts: which actions are enabled, undo, the title, help, its size and
closing. No maths here.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QByteArray, QEvent, QTimer
from PySide6.QtGui import QActionGroup, QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractButton, QApplication, QComboBox, QMainWindow, QToolBar

from app import dialogs, settings
from app.state.commands import ResetCommand
from app.i18n import tr
from app.state.session import Session

from .actions import ActionRegistry
from .banner import DivergenceBanner
from .files import FileController
from .language import LanguageController
from .batch_actions import BatchActions
from .menus import Menus
from .modes import MODES, mode_title
from .status import StatusReadout
from .stepping_bar import SteppingBar
from .welcome import Welcome
from .workspace import Workspace

APP_NAME = "Backprop Tutor"
DEFAULT_SIZE = (1366, 768)


class MainWindow(QMainWindow):
    def __init__(self, session: Session, restore: bool = True):
        super().__init__()
        self.session = session
        self.confirm_close = True  # False for --screenshot: close without asking
        self.save_layout = restore
        self.setObjectName("MainWindow")
        self.resize(*DEFAULT_SIZE)
        self.acts = self.registry = ActionRegistry(self)
        self.banner = DivergenceBanner()
        self.banner.rollback_requested.connect(self._on_rollback)
        self.welcome = Welcome()
        self.workspace = Workspace(self, session, self.banner, self.welcome, restore)
        self.panes, self.docks = self.workspace.panes, self.workspace.docks
        self.files = FileController(self, session, self.registry, self.panes, self.statusBar())
        self.language = LanguageController(self, self.retranslate)
        from app.views.practice.menu import PracticeActions

        self.practice = PracticeActions(self.registry, self, session, self.panes, self.workspace.show_pane,
                                        self.open_lesson)
        self._build_mode_actions()
        message = lambda text: self.statusBar().showMessage(text, 5000)  # noqa: E731
        self.stepping = SteppingBar(self, self.registry, session, self.mode_actions, message)
        self.status = StatusReadout(self.statusBar(), session)
        # the parts' widgets that tests and the screenshots look at
        self.toolbar, self.modes_toolbar = self.stepping.toolbar, self.stepping.modes_toolbar
        self.run_to_spin, self.op_label = self.stepping.run_to_spin, self.stepping.op_label
        st = self.status
        self.epoch_label, self.loss_label, self.acc_label, self.rate_label = (
            st.epoch_label, st.loss_label, st.acc_label, st.rate_label)
        self.progress = st.progress
        self.batch_actions = BatchActions(self.registry, self.toolbar, session)  # mini-batch stepping
        self.menus = Menus(self.menuBar(), self.registry, self.files, self.workspace, self.language,
                           (self.modes_toolbar, self.toolbar))
        self._shortcuts_dialog = None
        self._connect()
        self._refresh_all()
        self._shown_once = False
        if restore:
            self._restore_geometry()

    @property
    def center(self):
        """The centre page shown now (the inspector in Step mode)."""
        return self.workspace.center

    # ----- building -----------------------------------------------------------------------------------
    def _build_mode_actions(self) -> None:
        group = QActionGroup(self)
        self.mode_actions = {}
        for key, mode in MODES.items():
            act = self.registry.add(f"mode_{key}", self._mode_texts(key), menu="modes", shortcut=mode.shortcut,
                                    checkable=True, slot=self._mode_slot(key))
            group.addAction(act)
            self.mode_actions[key] = act
        self.mode_actions[self.workspace.mode].setChecked(True)
        self.workspace.mode_changed.connect(lambda key: self.mode_actions[key].setChecked(True))

    @staticmethod
    def _mode_texts(key: str):
        def texts():
            tips = {"step": tr("Step through one epoch's operations in the matrix inspector"),
                    "run": tr("Train and watch the parameters, the boundary and the loss live"),
                    "practice": tr("Write the backward pass yourself and check it"),
                    "lesson": tr("The guided lesson beside the pane it talks about")}
            return mode_title(key), tips[key]
        return texts

    def _mode_slot(self, key: str):
        def go():
            if key == "lesson":
                self.open_lesson()
            else:
                self.workspace.set_mode(key)
        return go

    def open_lesson(self):
        from app.views.practice.lesson import open_lesson

        dock = open_lesson(self, self.workspace)
        self.menus.add_dock(dock)
        return dock

    def _connect(self) -> None:
        a, s = self.acts, self.session
        a.quit.triggered.connect(self.close)
        a.undo.triggered.connect(self._undo)
        a.redo.triggered.connect(self._redo)
        a.step_epoch.triggered.connect(s.step_epoch)
        a.next_op.triggered.connect(s.next_op)
        a.prev_op.triggered.connect(s.prev_op)
        a.step_back.triggered.connect(s.step_back)
        a.run.triggered.connect(self.stepping.toggle_run)
        self.space = QShortcut(QKeySequence("Space"), self)
        self.space.activated.connect(self._on_space)
        a.run_to.triggered.connect(self.stepping.run_to)
        a.reset.triggered.connect(self.reset)
        a.shortcuts.triggered.connect(self.show_shortcuts)
        a.about.triggered.connect(self.show_about)
        s.undo_stack.canUndoChanged.connect(self._update_enabled)
        s.undo_stack.canRedoChanged.connect(self._update_enabled)
        s.undo_stack.undoTextChanged.connect(self._update_undo_text)
        s.undo_stack.redoTextChanged.connect(self._update_undo_text)
        s.params_changed.connect(self._on_params_changed)
        s.network_changed.connect(self.banner.clear)
        s.dirty_changed.connect(self._update_title)
        s.path_changed.connect(self._update_title)
        s.running_changed.connect(self._on_running_changed)
        s.diverged.connect(self.banner.show_diagnosis)
        s.run_error.connect(self._on_run_error)
        s.running_changed.connect(self._follow_run)
        self.welcome.lesson_requested.connect(self.open_lesson)

    # ----- refreshing ---------------------------------------------------------------------------
    def _refresh_all(self) -> None:
        self.stepping.reset_target()
        self._update_title()
        self.stepping.update_op_label()
        self.status.refresh()
        self._update_enabled()
        self._update_undo_text()

    def _update_title(self, *_) -> None:
        s = self.session
        name = os.path.basename(s.path) if s.path else (s.source_name or tr("Untitled"))
        self.setWindowTitle(f"{name}[*] — {APP_NAME}")
        self.setWindowModified(s.dirty)
        self.setWindowFilePath(s.path)

    def _update_enabled(self, *_) -> None:
        s, a = self.session, self.acts
        idle = not s.running
        for act in (a.step_epoch, a.next_op, a.prev_op, a.step_back, a.run_to, a.reset, a.open, a.save,
                    a.save_as):
            act.setEnabled(idle)
        self.stepping.set_idle(idle)
        self.files.set_enabled(idle)
        a.undo.setEnabled(idle and s.undo_stack.canUndo())
        a.redo.setEnabled(idle and s.undo_stack.canRedo())

    def _update_undo_text(self, *_) -> None:
        st = self.session.undo_stack
        self.acts.undo.setText(tr("&Undo {what}").format(what=st.undoText()).strip() if st.canUndo()
                               else tr("&Undo"))
        self.acts.redo.setText(tr("&Redo {what}").format(what=st.redoText()).strip() if st.canRedo()
                               else tr("&Redo"))
        self._update_enabled()

    def current_operation_text(self) -> str:
        return self.stepping.current_operation_text()

    def _on_params_changed(self) -> None:
        d = self.banner.diagnosis
        if d is not None and not self.session.running and self.session.epoch < d.epoch:
            self.banner.clear()  # rolled back (or stepped back) past the divergence

    def _on_running_changed(self, running: bool) -> None:
        self.acts.set_running(running)
        if running:
            self.banner.clear()
        self._update_enabled()

    def _on_run_error(self, message: str) -> None:
        dialogs.ask("error", self, title=tr("Training stopped"), text=message)

    def _on_rollback(self, epoch: int) -> None:
        self.session.rewind(epoch)
        self.banner.clear()
        self.statusBar().showMessage(tr("Rolled back to epoch {epoch}").format(epoch=epoch), 5000)

    # ----- stepping and running -----------------------------------------------------------------
    def toggle_run(self) -> None:
        self.stepping.toggle_run()

    def _on_space(self) -> None:
        """Space: Run / Pause, unless a button or list box has the keyboard focus (then it is theirs)."""
        fw = QApplication.focusWidget()
        if isinstance(fw, QAbstractButton) and fw.isEnabled() and not isinstance(fw.parentWidget(), QToolBar):
            fw.animateClick()
        elif isinstance(fw, QComboBox) and fw.isEnabled():
            fw.showPopup()
        elif self.acts.run.isEnabled():
            self.stepping.toggle_run()

    def reset(self) -> None:
        err = self.session.try_push(ResetCommand(self.session))
        if err:
            self.statusBar().showMessage(err, 5000)

    def _undo(self) -> None:
        if not self.session.running:
            self.session.undo_stack.undo()

    def _redo(self) -> None:
        if not self.session.running:
            self.session.undo_stack.redo()

    # ----- language (View ▸ Language: app/shell/language.py) ------------------------------------------
    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            # installing a language removes one translator and adds two: once all have arrived
            self.language.on_language_change()

    # ----- help ---------------------------------------------------------------------------------
    def show_shortcuts(self):
        """Help ▸ Keyboard shortcuts: a non-modal table of every action with a shortcut."""
        dlg = self._shortcuts_dialog
        if dlg is None:
            dlg = self._shortcuts_dialog = dialogs.shortcuts_dialog(self, self.acts.shortcut_rows())
        dlg.show()
        dlg.raise_()
        return dlg

    def show_about(self) -> None:
        dialogs.ask("about", self, title=tr("About Backprop Tutor"), text=tr(
            "<h3>Backprop Tutor</h3><p>Learn backpropagation by stepping through the matrices of the chain "
            "rule: every forward, backward and update operation of your network, with its shapes and "
            "transposes, computed exactly by hand with torch.</p>"))

    # ----- window state -------------------------------------------------------------------------
    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            QTimer.singleShot(0, self._first_layout)

    def _first_layout(self) -> None:
        from shiboken6 import isValid

        if isValid(self):
            self.workspace.first_layout()

    @property
    def laid_out(self) -> bool:
        """True once the workspace has arranged its docks (after the first show)."""
        return self.workspace.arranged

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.stepping.fit_width(self.width())

    def closeEvent(self, event) -> None:
        s = self.session
        if s.running:
            s.stop_run()
        if self.confirm_close and not self.files.maybe_save():
            event.ignore()
            return
        if self.save_layout:
            settings.settings().setValue("window/geometry", self.saveGeometry())
            self.workspace.save()
        s.stop_run()
        event.accept()


    def _restore_geometry(self) -> None:
        geo = settings.settings().value("window/geometry")
        if isinstance(geo, QByteArray) and not geo.isEmpty():
            self.restoreGeometry(geo)

    def _follow_run(self, running: bool) -> None:
        """Run from Step mode shows the run view (the inspector has no operations to show meanwhile)."""
        if running and self.workspace.mode == "step":
            self.workspace.set_mode("run")

    def retranslate(self) -> None:
        """Every text of the window in the interface language (app/shell/retranslate.py)."""
        from .retranslate import retranslate_window

        retranslate_window(self)
