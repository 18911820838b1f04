"""Every explanation the engine gives, as a code and its arguments; the English wording, once.

An explanation is a `Text(code, args)`: `code` names a template, `args` holds its names, shapes (already as
text, "(4×2)") and numbers. The English templates live in the tables of this package's modules, one module
per layer that explains something (steps, training, verify, checker). The CLI renders them with `render`;
the app passes the very same template strings through Qt's translation (`make i18n` collects them into
resources/i18n/ko.ts under the context "engine"), so English and Korean come from one set of strings and
nothing parses an English sentence.

A template is a `str.format` string over its args only: `"{name} must be {shape} like {param}"`.
An argument may itself be a Text (rendered first, in the same language) or a list of Texts (joined by "; ").
`Text.to_dict()` is the JSON form ({code, args, text}, e.g. `check --json`'s hint_text);
`Text.from_dict(d)` reads it back and refuses what its template cannot be filled in with.
"""

from __future__ import annotations

from typing import Any, Callable, Mapping, NamedTuple

TEMPLATES: dict[str, str] = {}


def register(table: Mapping[str, str]) -> None:
    """Add one module's templates; a code may be defined once only."""
    for code, template in table.items():
        if code in TEMPLATES and TEMPLATES[code] != template:
            raise ValueError(f"explanation code {code!r} defined twice")
        TEMPLATES[code] = template


class Text(NamedTuple):
    """One explanation: a template code and its arguments (JSON-ready values, or nested Texts)."""

    code: str
    args: Mapping[str, Any] = {}

    def __str__(self) -> str:
        return render(self)

    def to_dict(self) -> dict:
        return {"code": self.code, "args": {k: _plain(v) for k, v in self.args.items()},
                "text": render(self)}

    @classmethod
    def from_dict(cls, d) -> "Text":
        """A Text back from its to_dict() form (nested explanations too; "text" is ignored). ValueError when
        `d` is not one: an unknown code, arguments that are not a dict of names, or arguments its template
        cannot be filled in with (so what came from elsewhere, e.g. the checker's child process, renders)."""
        t = _from_dict(d)
        try:
            render(t)
        except (KeyError, IndexError, ValueError, TypeError, AttributeError, RecursionError) as e:
            raise ValueError(f"explanation {t.code!r} cannot be filled in: {type(e).__name__}") from None
        return t


def _plain(v):
    if isinstance(v, Text):
        return v.to_dict()
    if isinstance(v, (list, tuple)) and v and all(isinstance(x, Text) for x in v):
        return [x.to_dict() for x in v]
    return v


def _from_dict(d) -> Text:
    _load()
    if not isinstance(d, Mapping) or not isinstance(d.get("code"), str) or d["code"] not in TEMPLATES:
        raise ValueError("not an explanation")
    args = d.get("args") or {}
    if not isinstance(args, Mapping) or not all(isinstance(k, str) for k in args):
        raise ValueError("explanation arguments are not a dict of names")

    def arg(v):
        if isinstance(v, Mapping):
            return _from_dict(v)
        if isinstance(v, (list, tuple)) and v and all(isinstance(x, Mapping) for x in v):
            return [_from_dict(x) for x in v]
        return v

    return Text(d["code"], {k: arg(v) for k, v in args.items()})


Translate = Callable[[str], str]


def render(text: Text | None, translate: Translate | None = None) -> str:
    """The sentence for `text`; `translate` maps an English template to another language's (the app's tr)."""
    if text is None:
        return ""
    _load()
    template = TEMPLATES[text.code]
    if translate is not None:
        template = translate(template) or template
    args = {}
    for k, v in text.args.items():
        if isinstance(v, Text):
            v = render(v, translate)
        elif isinstance(v, (list, tuple)) and v and all(isinstance(x, Text) for x in v):
            v = "; ".join(render(x, translate) for x in v)
        args[k] = v
    return template.format(**args)


_loaded = False


def _load() -> None:
    """Import the template tables once (they register themselves)."""
    global _loaded
    if not _loaded:
        _loaded = True
        import importlib
        import pkgutil

        for m in pkgutil.iter_modules(__path__):
            importlib.import_module(f"{__name__}.{m.name}")


def all_templates() -> dict[str, str]:
    """Every code and its English template (for tools/i18n.py and the tests)."""
    _load()
    return dict(TEMPLATES)
