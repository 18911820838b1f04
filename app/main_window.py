"""The main window: composition only. It builds the panes (app/panes.py) around the central inspector, the
stepping toolbar, menus, status bar and divergence banner, and wires them to the one Session. No maths here.
"""

from __future__ import annotations

import math
import os
import traceback

from PySide6.QtCore import QByteArray, QEvent, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton, QApplication, QComboBox, QDockWidget, QLabel, QMainWindow, QProgressBar, QSizePolicy,
    QSpinBox, QToolBar, QVBoxLayout, QWidget,
)

from app import dialogs, panes, settings
from app.actions import Actions
from app.banner import DivergenceBanner, phase_text
from app.commands import ResetCommand
from app.engine_wording import error_line, preset_description, preset_title
from app.i18n import current_language, plain, tr
from app.views.inspector.wording import describe, title_text
from app.session import Session
from engine.errors import EngineError

APP_NAME = "Backprop Tutor"
DEFAULT_SIZE = (1600, 1000)
COMPACT_BELOW = 1500  # window width under which the toolbar shows icons only
AREAS = {
    "left": Qt.DockWidgetArea.LeftDockWidgetArea,
    "right": Qt.DockWidgetArea.RightDockWidgetArea,
    "bottom": Qt.DockWidgetArea.BottomDockWidgetArea,
    "top": Qt.DockWidgetArea.TopDockWidgetArea,
}
TABBED = {"timeline": "topology", "gradcheck": "loss", "health": "loss", "practice": "loss"}  # tab with …


class MainWindow(QMainWindow):
    def __init__(self, session: Session, restore: bool = True):
        super().__init__()
        self.session = session
        self.confirm_close = True  # False for --screenshot: close without asking
        self.save_layout = restore
        self.setObjectName("MainWindow")
        self.resize(*DEFAULT_SIZE)
        self.acts = Actions(self)
        self.panes: dict[str, QWidget] = {}
        self.docks: dict[str, QDockWidget] = {}
        self.banner = DivergenceBanner()
        self.banner.rollback_requested.connect(self._on_rollback)
        self._build_central_and_docks()
        self._build_toolbar()
        self._build_menus()
        self._build_status_bar()
        self._connect()
        from app.views.practice import menu as practice_menu  # File ▸ Export code…, Help ▸ Lesson

        practice_menu.install(self)
        self._refresh_all()
        self.built_language = current_language()
        self.restore_layout = restore
        if restore:
            self._restore_geometry()

    # ----- building -----------------------------------------------------------------------------
    def _build_central_and_docks(self) -> None:
        self.setCorner(Qt.Corner.BottomLeftCorner, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.setCorner(Qt.Corner.BottomRightCorner, Qt.DockWidgetArea.RightDockWidgetArea)
        self.setDockOptions(QMainWindow.DockOption.AnimatedDocks | QMainWindow.DockOption.AllowTabbedDocks
                            | QMainWindow.DockOption.AllowNestedDocks)
        center = None
        self._pending_tabs: list[tuple[QDockWidget, QDockWidget]] = []
        for name, title, where, area in panes.PANES:
            try:
                cls = panes.load(where)
                if cls is None:
                    continue
                widget = cls(self.session)
            except Exception as e:  # a broken pane must not take the window down with it
                traceback.print_exc()
                widget = QLabel(tr("This pane could not be built:\n{error}").format(error=f"{type(e).__name__}: {e}"))
                widget.setWordWrap(True)
                widget.setAlignment(Qt.AlignmentFlag.AlignCenter)
            widget.setObjectName(f"{name}Pane")
            self.panes[name] = widget
            if area == "center" and center is None:
                center = widget
                continue
            dock = QDockWidget(panes.title(name), self)
            dock.setObjectName(f"{name}Dock")
            dock.setWidget(widget)
            dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                             | QDockWidget.DockWidgetFeature.DockWidgetClosable
                             | QDockWidget.DockWidgetFeature.DockWidgetFloatable)
            self.docks[name] = dock
            self.addDockWidget(AREAS.get(area, AREAS["right"]), dock)
            host = TABBED.get(name)
            if host in self.docks and self.dockWidgetArea(self.docks[host]) == self.dockWidgetArea(dock):
                dock.hide()  # joins its host's tabs after the first show (see _first_layout)
                self._pending_tabs.append((self.docks[host], dock))
        if center is None:
            center = QLabel(tr("<h2>Backprop Tutor</h2><p>Step an epoch (F10) or one operation at a time (F11) "
                               "to see the chain rule as matrices.</p>"))
            center.setObjectName("welcome")
            center.setAlignment(Qt.AlignmentFlag.AlignCenter)
            center.setWordWrap(True)
        self.center = center
        container = QWidget()
        lay = QVBoxLayout(container)
        lay.setContentsMargins(4, 4, 4, 0)
        lay.setSpacing(4)
        lay.addWidget(self.banner)
        lay.addWidget(center, 1)
        self.setCentralWidget(container)
        self._laid_out = False

    def _first_layout(self) -> None:
        """Tab groups, sizes and the remembered layout, once the window is shown.

        Qt 6 leaves a stray copy of a dock tab bar painted over the window when docks are tabified (or a
        state with tab groups is restored) before the window's layout has been activated on screen, so all
        of it waits for the first show (and one turn of the event loop: dock sizes set within showEvent are
        overridden), with the layout activated after each change. Until then the docks that will sit behind
        a tab are hidden, so they do not widen the window side by side."""
        if not shiboken_valid(self):
            return
        size = self.size()
        lay = self.layout()
        lay.activate()
        for first, dock in self._pending_tabs:
            self.tabifyDockWidget(first, dock)
            dock.show()
            lay.activate()
        for first in {first for first, _dock in self._pending_tabs}:
            first.raise_()
        self._pending_tabs = []
        QTimer.singleShot(0, lambda: self._after_tabs(size))

    def _after_tabs(self, size) -> None:
        if not shiboken_valid(self):
            return
        if self.size() != size and not self.isMaximized():
            self.resize(size)  # tabifying must not push the window's own size
        self._default_dock_sizes()
        if self.restore_layout:
            self._restore_state()

    def _default_dock_sizes(self) -> None:
        """Bottom ~30 % of the height, left column ~400 px, right ~460; the inspector gets the rest."""
        w, h = self.width(), self.height()
        behind = {n for n, host in TABBED.items() if host in self.docks}  # tabs behind their group's first
        firsts = {}
        for n, d in self.docks.items():
            if n not in behind:
                firsts.setdefault(self.dockWidgetArea(d), d)
        sizes = [(AREAS["bottom"], int(h * 0.3), Qt.Orientation.Vertical),
                 (AREAS["left"], 400 * w // 1600, Qt.Orientation.Horizontal),
                 (AREAS["right"], 460 * w // 1600, Qt.Orientation.Horizontal)]
        for area, size, orientation in sizes:
            if area in firsts:
                self.resizeDocks([firsts[area]], [size], orientation)

    def _build_toolbar(self) -> None:
        a = self.acts
        tb = QToolBar(tr("Stepping"), self)
        tb.setObjectName("steppingToolbar")
        tb.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for act in (a.step_epoch, a.prev_op, a.next_op, a.step_back):
            tb.addAction(act)
        tb.addSeparator()
        tb.addAction(a.run)
        self.run_to_spin = QSpinBox()
        self.run_to_spin.setRange(1, 10**8)
        self.run_to_spin.setGroupSeparatorShown(True)
        self.run_to_spin.setToolTip(tr("The epoch Run to epoch stops at"))
        self.run_to_spin.setAccessibleName(tr("Target epoch"))
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
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, tb)
        self.toolbar = tb
        for act in (a.step_epoch, a.next_op, a.prev_op, a.step_back, a.run, a.run_to, a.reset):
            tb.widgetForAction(act).setObjectName(f"{act.objectName() or plain(act.text())}Button")

    def _build_menus(self) -> None:
        a, mb = self.acts, self.menuBar()
        m = mb.addMenu(tr("&File"))
        m.setObjectName("fileMenu")
        self.preset_menu = m.addMenu(tr("&New from preset"))
        from engine.presets import PRESETS

        for name, preset in PRESETS.items():
            act = self.preset_menu.addAction(f"{preset_title(name, preset)}  ({name})")
            act.setData(name)
            act.setStatusTip(preset_description(name, preset))
            act.triggered.connect(self._preset_slot(name))
        m.addAction(a.open)
        self.recent_menu = m.addMenu(tr("Open &Recent"))
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        self._fill_recent_menu()
        m.addAction(a.save)
        m.addAction(a.save_as)
        m.addSeparator()
        self.export_menu = m.addMenu(tr("&Export plot as PNG"))
        for name in ("loss", "boundary"):
            pane = self.panes.get(name)
            if pane is not None and hasattr(pane, "plot_widget"):
                act = self.export_menu.addAction(tr("{title} plot…").format(title=panes.title(name)))
                act.setData(name)
                act.triggered.connect(self._export_slot(name))
        self.export_menu.setEnabled(not self.export_menu.isEmpty())
        m.addSeparator()
        m.addAction(a.quit)

        m = mb.addMenu(tr("&Edit"))
        m.setObjectName("editMenu")
        m.addAction(a.undo)
        m.addAction(a.redo)

        m = mb.addMenu(tr("&Training"))
        m.setObjectName("trainingMenu")
        for act in (a.step_epoch, a.next_op, a.prev_op, a.step_back):
            m.addAction(act)
        m.addSeparator()
        for act in (a.run, a.run_to, a.reset):
            m.addAction(act)

        m = mb.addMenu(tr("&View"))
        m.setObjectName("viewMenu")
        self.view_menu = m
        for name, dock in self.docks.items():
            m.addAction(dock.toggleViewAction())
        m.addSeparator()
        m.addAction(self.toolbar.toggleViewAction())
        lang_menu = m.addMenu(tr("&Language"))
        lang_menu.setObjectName("languageMenu")
        self.language_menu = lang_menu
        group = QActionGroup(self)
        current = current_language()
        self.language_actions: dict[str, QAction] = {}
        for code, label in (("en", "English"), ("ko", "한국어")):
            act = lang_menu.addAction(label)
            act.setCheckable(True)
            act.setChecked(code == current)
            act.setData(code)
            group.addAction(act)
            act.triggered.connect(self._language_slot(code))
            self.language_actions[code] = act

        m = mb.addMenu(tr("&Help"))
        m.setObjectName("helpMenu")
        m.addAction(a.shortcuts)
        m.addAction(a.about)

    def _build_status_bar(self) -> None:
        sb = self.statusBar()
        self.epoch_label, self.loss_label, self.acc_label, self.rate_label = (QLabel() for _ in range(4))
        for lab, name in ((self.epoch_label, "epoch"), (self.loss_label, "loss"), (self.acc_label, "accuracy"),
                          (self.rate_label, "rate")):
            lab.setObjectName(f"{name}Status")
            lab.setMinimumWidth(lab.fontMetrics().horizontalAdvance("Accuracy 100.0 %") + 12)
            sb.addPermanentWidget(lab)
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(220)
        self.progress.setFormat(tr("epoch %v of %m"))
        self.progress.hide()
        sb.addPermanentWidget(self.progress)

    def _connect(self) -> None:
        a, s = self.acts, self.session
        a.open.triggered.connect(self.open_dialog)
        a.save.triggered.connect(self.save)
        a.save_as.triggered.connect(self.save_as)
        a.quit.triggered.connect(self.close)
        a.undo.triggered.connect(self._undo)
        a.redo.triggered.connect(self._redo)
        a.step_epoch.triggered.connect(s.step_epoch)
        a.next_op.triggered.connect(s.next_op)
        a.prev_op.triggered.connect(s.prev_op)
        a.step_back.triggered.connect(s.step_back)
        a.run.triggered.connect(self.toggle_run)
        self.space = QShortcut(QKeySequence("Space"), self)
        self.space.activated.connect(self._on_space)
        a.run_to.triggered.connect(self.run_to)
        a.reset.triggered.connect(self.reset)
        a.shortcuts.triggered.connect(self.show_shortcuts)
        a.about.triggered.connect(self.show_about)
        s.undo_stack.canUndoChanged.connect(self._update_enabled)
        s.undo_stack.canRedoChanged.connect(self._update_enabled)
        s.undo_stack.undoTextChanged.connect(self._update_undo_text)
        s.undo_stack.redoTextChanged.connect(self._update_undo_text)
        s.position_changed.connect(self._update_op_label)
        s.trace_changed.connect(self._update_op_label)
        s.params_changed.connect(self._on_params_changed)
        s.history_changed.connect(self._update_status)
        s.network_changed.connect(self._on_network_changed)
        s.dirty_changed.connect(self._update_title)
        s.path_changed.connect(self._update_title)
        s.running_changed.connect(self._on_running_changed)
        s.snapshot.connect(self._on_snapshot)
        s.diverged.connect(self.banner.show_diagnosis)
        s.run_error.connect(self._on_run_error)

    # ----- refreshing ---------------------------------------------------------------------------
    def _refresh_all(self) -> None:
        self.run_to_spin.setValue(max(self.session.spec.epochs, self.session.epoch + 1))
        self._update_title()
        self._update_op_label()
        self._update_status()
        self._update_enabled()
        self._update_undo_text()

    def _update_title(self, *_) -> None:
        s = self.session
        name = os.path.basename(s.path) if s.path else (s.source_name or tr("Untitled"))
        self.setWindowTitle(f"{name}[*] — {APP_NAME}")
        self.setWindowModified(s.dirty)
        self.setWindowFilePath(s.path)

    def current_operation_text(self) -> str:
        s = self.session
        if s.running:
            return tr("Epoch {epoch} · training…").format(epoch=s.epoch)
        step = s.current_step()
        if step is None:
            return tr("Epoch {epoch} · ready: Step epoch (F10) or Next operation (F11)").format(epoch=s.epoch)
        return tr("Epoch {epoch} · {phase} · {title}").format(
            epoch=s.trace.epoch, phase=phase_text(step.phase), title=title_text(step))

    def _update_op_label(self, *_) -> None:
        self.op_label.setText(self.current_operation_text())
        step = self.session.current_step()
        self.op_label.setToolTip(describe(step) if step is not None else "")

    def _update_status(self, *_) -> None:
        s = self.session
        if s.running and s.last_snapshot is not None:
            snap = s.last_snapshot
            epoch, loss, acc = snap.epoch, snap.loss, snap.accuracy
        else:
            epoch = s.epoch
            losses = s.losses
            loss = losses[-1] if losses else None
            acc = None
            if not s.running and losses:
                accs = s.trainer.accuracies
                acc = accs[-1] if accs and not math.isnan(accs[-1]) else s.trainer.accuracy()
        self.epoch_label.setText(tr("Epoch {epoch}").format(epoch=f"{epoch:,}"))
        self.loss_label.setText(tr("Loss {loss}").format(loss="—" if loss is None else f"{loss:.6g}"))
        self.acc_label.setText(tr("Accuracy {acc}").format(acc="—" if acc is None else f"{100 * acc:.1f} %"))
        self.acc_label.setVisible(s.data.task != "regression")
        rate = s.epochs_per_second if s.running else 0.0
        self.rate_label.setText(tr("{rate} epochs/s").format(rate=f"{rate:,.0f}") if rate else "")

    def _update_enabled(self, *_) -> None:
        s, a = self.session, self.acts
        idle = not s.running
        for act in (a.step_epoch, a.next_op, a.prev_op, a.step_back, a.run_to, a.reset, a.open, a.save,
                    a.save_as):
            act.setEnabled(idle)
        self.run_to_spin.setEnabled(idle)
        self.preset_menu.setEnabled(idle)
        self.recent_menu.setEnabled(idle)
        a.undo.setEnabled(idle and s.undo_stack.canUndo())
        a.redo.setEnabled(idle and s.undo_stack.canRedo())

    def _update_undo_text(self, *_) -> None:
        st = self.session.undo_stack
        self.acts.undo.setText(tr("&Undo {what}").format(what=st.undoText()).strip() if st.canUndo()
                               else tr("&Undo"))
        self.acts.redo.setText(tr("&Redo {what}").format(what=st.redoText()).strip() if st.canRedo()
                               else tr("&Redo"))
        self._update_enabled()

    def _on_params_changed(self) -> None:
        self._update_status()
        self._update_op_label()
        s = self.session
        if not s.running and self.run_to_spin.value() <= s.epoch:  # reached: offer the next stretch
            self.run_to_spin.setValue(s.epoch + s.spec.epochs)
        d = self.banner.diagnosis
        if d is not None and not self.session.running and self.session.epoch < d.epoch:
            self.banner.clear()  # rolled back (or stepped back) past the divergence

    def _on_network_changed(self) -> None:
        self.banner.clear()
        self.run_to_spin.setValue(max(self.session.spec.epochs, self.session.epoch + 1))
        self._update_status()

    def _on_running_changed(self, running: bool) -> None:
        self.acts.set_running(running)
        s = self.session
        if running:
            self.banner.clear()
            if s.run_target is not None:
                self.progress.setRange(s.run_start_epoch, s.run_target)
                self.progress.setValue(s.run_start_epoch)
                self.progress.show()
        else:
            self.progress.hide()
        self._update_enabled()
        self._update_op_label()
        self._update_status()

    def _on_snapshot(self, snap) -> None:
        if self.progress.isVisible():
            self.progress.setValue(min(snap.epoch, self.progress.maximum()))
        self._update_status()
        self.op_label.setText(self.current_operation_text())

    def _on_run_error(self, message: str) -> None:
        dialogs.ask("error", self, title=tr("Training stopped"), text=message)

    def _on_rollback(self, epoch: int) -> None:
        self.session.rewind(epoch)
        self.banner.clear()
        self.statusBar().showMessage(tr("Rolled back to epoch {epoch}").format(epoch=epoch), 5000)

    # ----- stepping and running -----------------------------------------------------------------
    def toggle_run(self) -> None:
        if self.session.running:
            self.session.pause()
        else:
            self.session.start_run()

    def _on_space(self) -> None:
        """Space: Run / Pause, unless a button or list box has the keyboard focus (then it is theirs)."""
        fw = QApplication.focusWidget()
        if isinstance(fw, QAbstractButton) and fw.isEnabled() and not isinstance(fw.parentWidget(), QToolBar):
            fw.animateClick()
        elif isinstance(fw, QComboBox) and fw.isEnabled():
            fw.showPopup()
        elif self.acts.run.isEnabled():
            self.toggle_run()

    def run_to(self) -> None:
        target = self.run_to_spin.value()
        if target <= self.session.epoch:
            self.statusBar().showMessage(
                tr("Already at epoch {epoch}; choose a later epoch (or Step back)").format(
                    epoch=self.session.epoch), 5000)
            return
        self.session.start_run(target)

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

    # ----- files and presets --------------------------------------------------------------------
    def _display_name(self) -> str:
        s = self.session
        return os.path.basename(s.path) if s.path else (s.source_name or tr("Untitled"))

    def maybe_save(self) -> bool:
        """True when it is fine to drop the current session (saved, discarded); False when cancelled."""
        if not self.session.dirty:
            return True
        answer = dialogs.ask("unsaved", self, name=self._display_name())
        if answer == "save":
            return self.save()
        return answer == "discard"

    def new_from_preset(self, name: str) -> bool:
        from engine.presets import load_preset
        from engine.trainer import Trainer

        if self.session.running or not self.maybe_save():
            return False
        try:
            trainer = Trainer(*load_preset(name))
        except EngineError as e:
            dialogs.ask("error", self, title=tr("Cannot load the preset"), text=error_line(e))
            return False
        self.session.open_trainer(trainer, "", source_name=name)
        return True

    def _preset_slot(self, name: str):
        return lambda: self.new_from_preset(name)

    def open_dialog(self) -> bool:
        if self.session.running or not self.maybe_save():
            return False
        path = dialogs.ask("open", self, title=tr("Open session"), filter=_session_filter(),
                           directory=self._directory())
        return bool(path) and self.open_path(path, confirmed=True)

    def open_path(self, path: str, confirmed: bool = False) -> bool:
        """Open session file `path`. On failure say why; the current session stays as it was."""
        if self.session.running or (not confirmed and not self.maybe_save()):
            return False
        from engine.session import load

        try:
            state = load(path)
            trainer = state.to_trainer()
        except (EngineError, OSError) as e:
            dialogs.ask("error", self, title=tr("Cannot open the session"),
                        text=tr("{path} could not be opened:\n{reason}").format(path=path, reason=_reason(e)))
            if isinstance(e, OSError) or not os.path.exists(path):
                settings.remove_recent_file(os.path.abspath(path))
            return False
        self.session.open_trainer(trainer, os.path.abspath(path), practice_code=state.practice_code)
        settings.add_recent_file(path)
        self.statusBar().showMessage(tr("Opened {name}").format(name=os.path.basename(path)), 5000)
        return True

    def save(self) -> bool:
        if not self.session.path:
            return self.save_as()
        return self.save_to(self.session.path)

    def save_as(self) -> bool:
        if self.session.running:
            return False
        suggested = self._display_name()
        if not suggested.endswith(".json"):
            suggested += ".json"
        path = dialogs.ask("save", self, title=tr("Save session as"), filter=_session_filter(),
                           directory=self._directory(), name=suggested)
        if not path:
            return False
        if not os.path.splitext(path)[1]:
            path += ".json"
        return self.save_to(path)

    def save_to(self, path: str) -> bool:
        s = self.session
        if s.running:
            return False
        from engine.session import from_trainer, save

        try:
            save(from_trainer(s.trainer, practice_code=s.practice_code), path)
        except EngineError as e:
            dialogs.ask("error", self, title=tr("Cannot save the session"), text=_reason(e))
            return False
        s.mark_saved(os.path.abspath(path))
        settings.add_recent_file(path)
        self.statusBar().showMessage(tr("Saved {name}").format(name=os.path.basename(path)), 5000)
        return True

    def _directory(self) -> str:
        if self.session.path:
            return os.path.dirname(self.session.path)
        recent = settings.recent_files()
        return os.path.dirname(recent[0]) if recent else os.path.expanduser("~")

    def _fill_recent_menu(self) -> None:
        menu = self.recent_menu
        menu.clear()
        files = settings.recent_files()
        for i, path in enumerate(files, start=1):
            act = menu.addAction(f"&{i}  {os.path.basename(path)}")
            act.setStatusTip(path)
            act.setToolTip(path)
            act.triggered.connect(self._recent_slot(path))
        if files:
            menu.addSeparator()
            menu.addAction(tr("Clear the list"), settings.clear_recent_files)
        else:
            menu.addAction(tr("No recent files")).setEnabled(False)

    def _recent_slot(self, path: str):
        return lambda: self.open_path(path)

    def export_plot(self, name: str, path: str | None = None) -> bool:
        """Save pane `name`'s plot (its `.plot_widget`) as a PNG, through pyqtgraph's ImageExporter."""
        widget = getattr(self.panes.get(name), "plot_widget", None)
        if widget is None:
            return False
        if path is None:
            path = dialogs.ask("save", self, title=tr("Export plot as PNG"), filter=tr("PNG image (*.png)"),
                               directory=self._directory(), name=f"{name}.png")
            if not path:
                return False
        if not path.lower().endswith(".png"):
            path += ".png"
        try:
            import pyqtgraph.exporters as exporters

            item = widget.getPlotItem() if hasattr(widget, "getPlotItem") else widget.scene()
            exporter = exporters.ImageExporter(item)
            exporter.parameters()["width"] = max(1200, int(widget.width() * 2))
            exporter.export(path)
            if not os.path.exists(path):
                raise OSError(tr("nothing was written"))
        except Exception as e:  # pyqtgraph raises a variety of things; say so rather than crash
            dialogs.ask("error", self, title=tr("Cannot export the plot"), text=f"{path}: {e}")
            return False
        self.statusBar().showMessage(tr("Exported {name}").format(name=os.path.basename(path)), 5000)
        return True

    def _export_slot(self, name: str):
        return lambda: self.export_plot(name)

    def _language_slot(self, code: str):
        return lambda: self.set_language(code)

    def set_language(self, code: str) -> None:
        """View ▸ Language: remember `code` and show the interface in it now (see app/retranslate.py)."""
        from app.retranslate import switch_language

        switch_language(self, code)

    def retranslate(self) -> None:
        """Every text of the window in the interface language: menus, toolbar, status bar, dock titles, and
        the panes (re-created unless they can retranslate themselves). See app/retranslate.py."""
        from app.retranslate import retranslate_window

        retranslate_window(self)

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            # installing a language removes one translator and adds two: once all have arrived
            QTimer.singleShot(0, self._language_changed)

    def _language_changed(self) -> None:
        if shiboken_valid(self) and getattr(self, "built_language", None) != current_language():
            self.retranslate()

    # ----- help ---------------------------------------------------------------------------------
    def show_shortcuts(self):
        """Help ▸ Keyboard shortcuts: a non-modal table of every action with a shortcut."""
        dlg = getattr(self, "_shortcuts_dialog", None)
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
    def _restore_geometry(self) -> None:
        geo = settings.settings().value("window/geometry")
        if isinstance(geo, QByteArray) and not geo.isEmpty():
            self.restoreGeometry(geo)

    def _restore_state(self) -> None:
        state = settings.settings().value("window/state")
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.restoreState(state)

    def _save_layout(self) -> None:
        st = settings.settings()
        st.setValue("window/geometry", self.saveGeometry())
        st.setValue("window/state", self.saveState())

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._laid_out:
            self._laid_out = True
            QTimer.singleShot(0, self._first_layout)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        # below ~1500 px the button texts would push the current-operation label off the toolbar
        style = (Qt.ToolButtonStyle.ToolButtonTextBesideIcon if self.width() >= COMPACT_BELOW
                 else Qt.ToolButtonStyle.ToolButtonIconOnly)
        if self.toolbar.toolButtonStyle() != style:
            self.toolbar.setToolButtonStyle(style)

    def closeEvent(self, event) -> None:
        s = self.session
        if s.running:
            s.stop_run()
        if self.confirm_close and not self.maybe_save():
            event.ignore()
            return
        if self.save_layout:
            self._save_layout()
        s.stop_run()
        event.accept()


def shiboken_valid(obj) -> bool:
    from shiboken6 import isValid

    return isValid(obj)


def _session_filter() -> str:
    return tr("Backprop Tutor session (*.json);;All files (*)")


def _reason(e: Exception) -> str:
    if isinstance(e, EngineError):
        return error_line(e)
    if isinstance(e, OSError):
        return e.strerror or str(e)
    return str(e)
