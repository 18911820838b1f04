"""Every edit of the session is a QUndoCommand here, pushed with `session.try_push(command)`:

    err = session.try_push(SetParamCommand(session, "w1", old, new))
    if err: show err beside the field (nothing changed, nothing was pushed)

try_push calls `apply_first()` (which may raise EngineError) before pushing, so a refused edit never reaches
the undo stack; the stack's own first redo() is then a no-op.

Merging: commands built with the same non-None `merge_key` (e.g. ("lr",) for every valueChanged of one
spin-box drag, or ("w1", row, col) while a cell's spin box is held) merge into one undo step when pushed
one after another.

Edits that replace the network (SetSpecCommand, AddPointCommand, RemovePointCommand, ResetCommand) keep
the Trainer objects before and after: Undo puts the earlier Trainer back as it was left — its parameters,
epoch and loss history — and Redo the later one.
"""

from __future__ import annotations

import torch
from PySide6.QtGui import QUndoCommand

from app.i18n import tr
from engine.core.errors import EngineError, SpecError
from engine.training.trainer import Trainer

MERGE_ID = 4711


class SessionCommand(QUndoCommand):
    """Base: `apply_first()` does the edit the first time (raising EngineError on refusal); redo/undo after."""

    def __init__(self, session, text: str, merge_key=None):
        super().__init__(text)
        self.session = session
        self.merge_key = merge_key
        self._skip_redo = False

    # subclasses implement _first(), _redo(), _undo()
    def apply_first(self) -> None:
        self._first()
        self._skip_redo = True

    def redo(self) -> None:
        if self._skip_redo:
            self._skip_redo = False
            return
        self._redo()

    def undo(self) -> None:
        self._undo()

    def id(self) -> int:
        return MERGE_ID if self.merge_key is not None else -1

    def mergeWith(self, other) -> bool:
        if type(other) is not type(self) or other.merge_key is None or other.merge_key != self.merge_key:
            return False
        self._absorb(other)
        return True

    def _absorb(self, other) -> None:
        raise NotImplementedError


class SetParamCommand(SessionCommand):
    """Set parameter `name` (w1, b2, …) from `old` to `new` (whole tensors of its shape)."""

    def __init__(self, session, name: str, old, new, merge_key=None, text: str | None = None):
        super().__init__(session, text or tr("Edit {name}").format(name=name), merge_key)
        self.name = name
        self.old = (session.trainer.params[name] if old is None else torch.as_tensor(old)).clone()
        self.new = torch.as_tensor(new).clone()

    def _first(self):
        self.session.apply_param(self.name, self.new)

    def _redo(self):
        self.session.apply_param(self.name, self.new)

    def _undo(self):
        self.session.apply_param(self.name, self.old)

    def _absorb(self, other):
        self.new = other.new


class _SwapCommand(SessionCommand):
    """Replaces the session's Trainer with one `_build()` makes; undo puts the old one back."""

    def __init__(self, session, text: str, merge_key=None):
        super().__init__(session, text, merge_key)
        self._old: Trainer | None = None
        self._new: Trainer | None = None

    def _build(self) -> Trainer:
        raise NotImplementedError

    def _first(self):
        new = self._build()  # raises EngineError before anything changes
        self._old = self.session.trainer
        self._new = new
        self.session.replace_trainer(new)

    def _redo(self):
        self.session.replace_trainer(self._new)

    def _undo(self):
        self.session.replace_trainer(self._old)

    def _absorb(self, other):
        self._new = other._new


class SetSpecCommand(_SwapCommand):
    """A new network description and/or data (topology form): Trainer(spec, data, params).

    params=None initialises from the spec; pass the current parameters to keep them (e.g. for a new
    learning rate). data=None keeps the current data.
    """

    def __init__(self, session, spec, data=None, params=None, text: str | None = None, merge_key=None):
        super().__init__(session, text or describe_change(session.spec, spec, data is not None), merge_key)
        self.spec, self.data, self.params = spec, data, params

    def _build(self) -> Trainer:
        data = self.session.data if self.data is None else self.data
        if self.params is not None:
            _check_params(self.spec, self.params)
        return Trainer(self.spec, data, params=self.params)


def describe_change(old, new, new_data: bool = False) -> str:
    """The undo entry's name for replacing spec `old` by `new`: what changed ("Add hidden layer", "Set
    learning rate", …), or "Change network" when several things did."""
    if new_data:
        return tr("Change data")
    if len(new.hidden) != len(old.hidden):
        return tr("Add hidden layer") if len(new.hidden) > len(old.hidden) else tr("Remove hidden layer")
    named = []
    resized = new.sizes != old.sizes  # then an explicit start changes with the shapes: not an edit of its own
    for k, (a, b) in enumerate(zip(old.hidden, new.hidden), start=1):
        if a.units != b.units:
            named.append(tr("Set units of hidden layer {k}").format(k=k))
        if a.activation != b.activation:
            named.append(tr("Set activation of hidden layer {k}").format(k=k))
    for field, text in (("output_activation", tr("Set output activation")), ("loss", tr("Set loss")),
                        ("lr", tr("Set learning rate")), ("momentum", tr("Set momentum")),
                        ("l2", tr("Set L2")), ("optimizer", tr("Set optimizer")), ("beta1", tr("Set Adam's β1")),
                        ("beta2", tr("Set Adam's β2")), ("eps", tr("Set Adam's ε")),
                        ("init", tr("Change starting weights")),
                        ("seed", tr("Set seed")), ("epochs", tr("Set epochs")),
                        ("batch_size", tr("Set batch size"))):
        if getattr(old, field) != getattr(new, field) and not (resized and field == "init"):
            named.append(text)
    return named[0] if len(named) == 1 else tr("Change network")


def _check_params(spec, params) -> None:
    """Parameters given with a new spec must be exactly its parameters, in its shapes."""
    for name in spec.param_names:
        if name not in params:
            raise SpecError(name, tr("missing; this network needs {names}").format(names=", ".join(spec.param_names)))
        shape = tuple(torch.as_tensor(params[name]).shape)
        if shape != spec.param_shape(name):
            raise SpecError(name, tr("shape {got} does not match the network's {want}").format(
                got=shape, want=spec.param_shape(name)))


class AddPointCommand(_SwapCommand):
    """Add a data point (x: one number per feature; label: class number, or target value(s) for regression).
    The network keeps its current parameters; training history starts again on the new data."""

    def __init__(self, session, x, label, text: str | None = None):
        super().__init__(session, text or tr("Add point"))
        self.x, self.label = [float(v) for v in x], label

    def _build(self) -> Trainer:
        s = self.session
        data = s.data.with_point(self.x, self.label)
        return Trainer(s.spec, data, params=s.trainer.params_copy())


class RemovePointCommand(_SwapCommand):
    """Remove data point `index`; the network keeps its current parameters."""

    def __init__(self, session, index: int, text: str | None = None):
        super().__init__(session, text or tr("Remove point"))
        self.index = int(index)

    def _build(self) -> Trainer:
        s = self.session
        data = s.data.without_point(self.index)
        return Trainer(s.spec, data, params=s.trainer.params_copy())


class ResetCommand(_SwapCommand):
    """Back to the spec's initial parameters at epoch 0. Undoable, because it throws away the history."""

    def __init__(self, session, text: str | None = None):
        super().__init__(session, text or tr("Reset"))

    def _build(self) -> Trainer:
        return Trainer(self.session.spec, self.session.data)


__all__ = [
    "SessionCommand", "SetParamCommand", "SetSpecCommand", "describe_change", "AddPointCommand",
    "RemovePointCommand", "ResetCommand", "EngineError",
]
