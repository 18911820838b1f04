"""Translation entry point. Every visible string goes through Qt's translation system:

    tr("Step &epoch")                          translated now (context "app")
    tr("Epoch {epoch}").format(epoch=e)        placeholders are filled after translation
    TITLE = tr_noop("Network")                 marked for the catalogue, translated later with translate(TITLE)

`tools/i18n.py` collects every literal `tr(…)` / `tr_noop(…)` under app/ into resources/i18n/ko.ts (Qt
Linguist TS), and lrelease compiles it to ko.qm (`make i18n`). A `tr()` whose text is not a literal is an
error of the extraction: text known only at run time is marked where it is written (`tr_noop`) and
translated where it is shown (`translate`).

The interface language: `--lang`, else the remembered choice (View ▸ Language, app.settings), else the
system locale (Korean → "ko", anything else → "en"). `install_translator(app, lang)` loads it;
installing or removing a translator sends QEvent.LanguageChange to every widget, and the main window
re-creates its texts on it.
"""

from __future__ import annotations

import os
import re
from importlib.resources import files

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

CONTEXT = "app"
LANGUAGES = ("en", "ko")
# The top-level `resources` package (resources/__init__.py says why it is a package); a real folder however
# the app is installed (source tree, editable, wheel), so Qt can load the .qm from its path.
I18N_DIR = os.fspath(files("resources") / "i18n")

_installed: list[QTranslator] = []
_current = "en"


def tr(text: str, context: str = CONTEXT) -> str:
    out = QCoreApplication.translate(context, text)
    return _WithParticles(out) if _PARTICLE.search(out) else out


# ----- Korean particles after placeholders ---------------------------------------------------------------
# A Korean particle depends on the sound before it (w1은, b2는, a1을, X를): a translation writes both forms,
# "{name}은(는)", and they are resolved once the placeholder is filled in (`.format` of a `tr` result).
_PARTICLE = re.compile(r"은\(는\)|는\(은\)|이\(가\)|가\(이\)|을\(를\)|를\(을\)|과\(와\)|와\(과\)|\(으\)로|\(이\)다")
_SKIP = set(")]}'\"`’”,. *")  # (ᵀ is "티": no final consonant, like any other sign)
_DIGIT_FINAL = {"0": 21, "1": 8, "2": 0, "3": 16, "4": 0, "5": 0, "6": 1, "7": 8, "8": 8, "9": 0}  # 영 일 이 삼 …
_LATIN_FINAL = {"l": 8, "m": 16, "n": 4, "r": 8}  # 엘 엠 엔 알; the other letters end in a vowel


def _final(text: str) -> int:
    """The final consonant (jongseong index, 0 = none, 8 = ㄹ) of the last sounded character of `text`."""
    i = len(text) - 1
    while i >= 0 and text[i] in _SKIP:
        i -= 1
    if i < 0:
        return 0
    c = text[i]
    if "가" <= c <= "힣":
        return (ord(c) - 0xAC00) % 28
    if c in _DIGIT_FINAL:
        return _DIGIT_FINAL[c]
    return _LATIN_FINAL.get(c.lower(), 0)


_FORMS = {"은(는)": ("은", "는"), "는(은)": ("은", "는"), "이(가)": ("이", "가"), "가(이)": ("이", "가"),
          "을(를)": ("을", "를"), "를(을)": ("을", "를"), "과(와)": ("과", "와"), "와(과)": ("과", "와"),
          "(이)다": ("이다", "다")}


def particles(text: str) -> str:
    """Resolve "은(는)", "이(가)", "을(를)", "과(와)", "(으)로", "(이)다" by the sound before each."""
    def pick(m):
        fin = _final(text[: m.start()])
        mark = m.group(0)
        if mark == "(으)로":
            return "로" if fin in (0, 8) else "으로"
        with_final, without = _FORMS[mark]
        return with_final if fin else without
    return _PARTICLE.sub(pick, text)


class _WithParticles(str):
    """A translation whose particles are resolved when `.format` fills in its placeholders."""

    def format(self, *args, **kwargs) -> str:  # noqa: A003
        return particles(str.format(self, *args, **kwargs))


_ACCEL = re.compile(r"\s*\(&\w\)")


def plain(text: str, keep_dots: bool = False) -> str:
    """A menu text without its accelerator: "Step &epoch" -> "Step epoch", "에포크 진행(&E)…" -> "에포크 진행"
    (and without a trailing "…" unless keep_dots)."""
    text = _ACCEL.sub("", text).replace("&&", "\0").replace("&", "").replace("\0", "&")
    if not keep_dots and text.endswith(("…", "...")):
        text = text.rstrip("…").rstrip(".").rstrip()
    return text


def engine_text(text) -> str:
    """An engine explanation (engine.text.Text: a code and its arguments) in the interface language: the
    engine's English template, translated in context "engine", then filled in."""
    from engine.text import render

    return particles(render(text, lambda template: translate(template, "engine")))  # "{name}은(는)" → "w1은"


def tr_noop(text: str, context: str = CONTEXT) -> str:
    """Mark `text` for the catalogue without translating it (translate it where it is shown)."""
    return text


# Third-party strings the app shows, translated in their library's own context: pyqtgraph's plot menu.
THIRD_PARTY = (tr_noop("Export...", "GraphicsScene"),)


def translate(text: str, context: str = CONTEXT) -> str:
    """Translate a string known only at run time that was marked elsewhere with tr_noop (not collected)."""
    return QCoreApplication.translate(context, text) if text else text


def system_language() -> str:
    return "ko" if QLocale.system().language() == QLocale.Language.Korean else "en"


def current_language() -> str:
    """The language installed by the last install_translator ("en" before any)."""
    return _current


def qm_path(lang: str) -> str:
    return os.path.join(I18N_DIR, f"{lang}.qm")


def install_translator(app, lang: str) -> bool:
    """Show the interface in `lang` ("en", "ko"): the app's catalogue resources/i18n/<lang>.qm and, when Qt
    ships it, Qt's own qtbase_<lang> (standard dialogs and buttons). "en" (or an unknown code) removes them.
    True when the language is now `lang`; False when its catalogue is missing (English stays)."""
    global _current
    app = app or QCoreApplication.instance()
    lang = lang if lang in LANGUAGES else "en"
    for t in _installed:
        app.removeTranslator(t)
    _installed.clear()
    if lang == "en":
        _current = "en"
        return True
    own = QTranslator(app)
    if not own.load(qm_path(lang)):
        _current = "en"
        return False
    qt = QTranslator(app)
    if qt.load(QLocale(lang), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        _installed.append(qt)
    app.installTranslator(own)  # installed last: searched first
    _installed.append(own)
    _current = lang
    return True
