"""The first-run welcome: a one-line strip above the centre that points to the lesson and to the three main
actions' keys (what each does is its tooltip), so it costs a 1366×768 laptop one line of height. It shows on
the first start only (remembered in QSettings as "welcome/shown") and closes with ×.

    welcome = Welcome()          hidden unless this is the first start
    welcome.lesson_requested     "Start the lesson" was pressed
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QToolButton

from app import settings
from app.i18n import tr

KEY = "welcome/shown"


def seen() -> bool:
    return str(settings.settings().value(KEY, "false")).lower() == "true"


class Welcome(QFrame):
    lesson_requested = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("welcome")
        self.setStyleSheet("#welcome { background: #eaf2fb; border: 1px solid #9bbbe0; border-radius: 4px; }"
                           "#welcome QLabel { color: #123; }")
        self.text = QLabel()
        self.text.setObjectName("welcomeText")
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.lesson_button = QPushButton()
        self.lesson_button.setObjectName("welcomeLesson")
        self.lesson_button.clicked.connect(self.lesson_requested)
        self.lesson_button.clicked.connect(self.dismiss)
        self.close_button = QToolButton()
        self.close_button.setObjectName("welcomeClose")
        self.close_button.setText("×")
        self.close_button.setAutoRaise(True)
        self.close_button.clicked.connect(self.dismiss)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(8, 2, 4, 2)
        lay.setSpacing(6)
        lay.addWidget(self.text, 1)
        lay.addWidget(self.lesson_button, 0, Qt.AlignmentFlag.AlignVCenter)
        lay.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignVCenter)
        self.retranslate()
        first = not seen()
        self.setVisible(first)
        if first:
            settings.settings().setValue(KEY, True)  # shown once: the next start goes straight to work

    def retranslate(self) -> None:
        # one line at 1366×768 in both languages (it wraps only in a narrower window); all of it on hover
        self.text.setText(tr("<b>Welcome!</b> Start with the lesson, or: <b>F10</b> epoch · <b>F11</b> one "
                             "operation · <b>Space</b> run"))
        self.text.setToolTip(tr(
            "<b>Welcome to Backprop Tutor.</b> New here? Start with the lesson: it runs the notebook's "
            "backward code with you, finds its mistakes and fixes them. Or try the three main actions: "
            "<b>Step epoch</b> (F10) runs one forward pass, backward pass and update; <b>Next operation</b> "
            "(F11) walks them one matrix operation at a time; <b>Run</b> (Space) trains and shows the "
            "parameters moving."))
        self.lesson_button.setText(tr("Start the lesson"))
        self.close_button.setToolTip(tr("Hide this message"))

    def dismiss(self) -> None:
        self.hide()
