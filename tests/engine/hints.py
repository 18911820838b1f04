"""The checker's reports, as the app receives them: every hint is an engine Text (a template code and its
arguments) whose English is the hint itself, so the app can translate it and never reads the English."""

from engine.text import Text, all_templates, render

# errors whose message is the checker's own wording (the others quote Python's message)
OWN_MESSAGES = {"timeout", "exit", "memory", "nothing_defined", "crash", "start", "internal", "param_shape",
                "unreadable", "parent_killed", "memory_tree"}
PLAIN_HINTS = {"internal", "start"}  # a traceback or the child's stderr: not ours to word


def _worded(text: dict | None, english: str) -> None:
    assert text is not None, english
    assert text["code"] in all_templates() and render(Text.from_dict(text)) == text["text"] == english


def assert_every_hint_is_a_text(report):
    for r in report.results:
        if r.status not in ("ok", "missing"):
            _worded(r.hint_text, r.hint)
        if r.formula:
            _worded(r.formula_text, r.formula)
    e = report.error
    if e is not None:
        if e.hint and e.code not in PLAIN_HINTS:
            _worded(e.hint_text, e.hint)
        if e.code in OWN_MESSAGES:
            _worded(e.message_text, e.message)
    return report
