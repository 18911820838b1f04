"""TimelinePane: the operations of the current epoch, grouped by phase (forward, backward, update), in step
with Next / Previous operation. The current operation is highlighted, the ones already done are black and
the ones still to come grey; clicking one jumps to it (session.set_position). Before the first operation
the list holds the operations of the epoch Next will start (session.preview), all still to come, the first
marked: the one the inspector shows. The title names the epoch on show (session.shown_epoch, as the
toolbar, the status bar and the inspector do) and a line under the list says when Next will start a new
epoch.

Run alone: `python -m app.views.inspector timeline`.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QPushButton, QTreeWidget, QTreeWidgetItem,
    QVBoxLayout, QWidget,
)

from app import palette
from app.i18n import tr
from engine.core.trace import PHASES

from . import notation as nt
from .fmt import shape as shape_text
from .plan import op_text, phase_text
from .wording import formula_text, title_text



def _colours() -> tuple[QColor, QColor, QColor]:
    """(current operation's background, done, to do) for the light or dark set (app/palette.py)."""
    t = palette.current()
    current = QColor(92, 74, 20) if t.dark else QColor(255, 236, 179)
    return current, t.text, palette.readable(palette.mix(t.text, t.canvas, 0.55), t.canvas, 3.0)
INDEX_ROLE = Qt.ItemDataRole.UserRole + 1


class TimelinePane(QWidget):
    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self._signature: tuple = ()
        self._items: list[QTreeWidgetItem] = []
        self._current = -1
        self._ready = False  # showing the next epoch's operations before the first one is stepped into
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        self.title = QLabel()
        self.title.setWordWrap(True)  # on one line it set the left column's width (295 px, not 197 at 1280)
        lay.addWidget(self.title)
        buttons = QHBoxLayout()
        self.prev_button = QPushButton(tr("◀ Previous"))
        self.prev_button.setToolTip(tr("Previous operation"))
        self.prev_button.clicked.connect(session.prev_op)
        self.next_button = QPushButton(tr("Next ▶"))
        self.next_button.setToolTip(tr("Next operation"))
        self.next_button.clicked.connect(session.next_op)
        buttons.addWidget(self.prev_button)
        buttons.addWidget(self.next_button)
        lay.addLayout(buttons)
        self.tree = QTreeWidget()
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels([tr("Operation"), tr("Shape")])
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setStretchLastSection(False)
        self.tree.setRootIsDecorated(False)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.tree.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.tree.itemClicked.connect(self._on_clicked)
        bold = QFont(self.tree.font())
        bold.setBold(True)
        self._fonts = (QFont(self.tree.font()), bold)
        self._set_colours()
        lay.addWidget(self.tree, 1)
        self.notice = QLabel()  # "Next ▶ starts epoch N": said plainly when the next step leaves this epoch
        self.notice.setWordWrap(True)
        lay.addWidget(self.notice)
        session.trace_changed.connect(self._on_trace)
        session.position_changed.connect(self._on_position)
        session.network_changed.connect(self._on_trace)
        session.params_changed.connect(self._on_params)  # a rewind or reset moves the epoch on show
        session.running_changed.connect(self._on_running)
        self._on_trace()
        palette.follow(self, self._theme_changed)

    def _set_colours(self) -> None:
        current, done, todo = _colours()
        self._brushes = {True: QBrush(current), False: QBrush()}
        self._pens = {True: QBrush(done), False: QBrush(todo)}

    def _theme_changed(self) -> None:
        self._set_colours()
        self._current = -1  # paint every row again
        self._on_position(self.session.position)

    # ----- public (tests) ----------------------------------------------------------------------------
    def item_for(self, index: int) -> QTreeWidgetItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def current_index(self) -> int:
        return self._current

    # ----- updates --------------------------------------------------------------------------------
    def _shown_trace(self):
        """The epoch on show, or before its first operation the epoch Next will start (session.preview)."""
        s = self.session
        if s.trace is not None or s.running:
            return s.trace
        return s.preview()

    def _on_trace(self) -> None:
        trace = self._shown_trace()
        steps = trace.steps if trace is not None else ()
        sig = tuple((s.name, s.phase, s.op, s.shape) for s in steps)
        if sig != self._signature:
            self._rebuild(steps)
            self._signature = sig
        self._current = -1
        self._on_position(self.session.position)

    def _rebuild(self, steps) -> None:
        self.tree.clear()
        self._items = []
        groups: dict[str, QTreeWidgetItem] = {}
        bold = QFont(self.tree.font())
        bold.setBold(True)
        for phase in PHASES:
            if not any(s.phase == phase for s in steps):
                continue
            g = QTreeWidgetItem([phase_text(phase), ""])
            g.setFont(0, bold)
            g.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.tree.addTopLevelItem(g)
            groups[phase] = g
        for s in steps:
            it = QTreeWidgetItem([title_text(s), shape_text(s.shape)])
            it.setData(0, INDEX_ROLE, s.index)
            it.setToolTip(0, tr("{op} · textbook: {tb}").format(op=op_text(s.op),
                                                              tb=nt.translate(formula_text(s), nt.TEXTBOOK)))
            groups[s.phase].addChild(it)
            self._items.append(it)
        self.tree.expandAll()

    def _on_position(self, pos: int) -> None:
        trace = self._shown_trace()
        has = trace is not None
        ready = has and self.session.trace is None  # before the first operation: all still to do
        self.tree.setVisible(has)
        self.prev_button.setEnabled(has and pos > 0)
        self._show_epoch()
        if not has:
            return
        if ready:
            pos = 0  # the operation the inspector shows and Next ▶ steps into, marked but not done
        old, was_ready = self._current, self._ready
        self._current, self._ready = pos, ready
        if old == pos and old >= 0 and was_ready == ready:
            return
        normal, bold = self._fonts
        changed = range(len(self._items)) if old < 0 or was_ready != ready \
            else range(min(old, pos), max(old, pos) + 1)
        for i in changed:
            it = self._items[i] if 0 <= i < len(self._items) else None
            if it is None:
                continue
            fg, bg, font = self._pens[i <= pos and not ready], self._brushes[i == pos], bold if i == pos else normal
            for col in (0, 1):
                it.setForeground(col, fg)
                it.setBackground(col, bg)
                it.setFont(col, font)
        cur = self.item_for(pos)
        if cur is not None:
            self.tree.scrollToItem(cur)

    def _show_epoch(self) -> None:
        s = self.session
        trace, pos = s.trace, s.position
        preview = self._shown_trace() if trace is None else None
        if preview is not None:
            title = tr("Epoch {e} · epoch {next} ready to step ({n} operations)").format(
                e=f"{s.shown_epoch:,}", next=f"{preview.epoch:,}", n=len(preview.steps))
        elif trace is None:
            title = tr("Epoch {e}").format(e=f"{s.shown_epoch:,}")
        else:
            title = tr("Epoch {e}: operation {i} of {n}").format(e=f"{trace.epoch:,}", i=pos + 1,
                                                                n=len(trace.steps))
            if s.epoch_in_progress:
                title = tr("{epoch} (in progress)").format(epoch=title)
        self.title.setText(title)
        starts = s.next_starts_epoch()
        self.notice.setText(tr("Next ▶ starts epoch {n}.").format(n=f"{starts:,}") if starts else "")
        self.notice.setVisible(bool(starts))

    def _on_params(self) -> None:
        if self.session.running:
            return
        if self.session.trace is None:
            self._on_trace()  # the epoch Next will start has other numbers (or another length)
        else:
            self._show_epoch()

    def _on_clicked(self, item: QTreeWidgetItem, _col: int) -> None:
        index = item.data(0, INDEX_ROLE)
        if index is not None and index != self.session.position:
            self.session.set_position(int(index))

    def _on_running(self, running: bool) -> None:
        self.setEnabled(not running)
        self._on_trace()
