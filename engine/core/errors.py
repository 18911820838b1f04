"""Errors the engine raises for bad input: each names the field (or line) and says what would work."""


class EngineError(ValueError):
    """Bad input. `field` names where it was given; `message` says what is wrong and what would work."""

    def __init__(self, field: str, message: str):
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


class SpecError(EngineError):
    """A network description that cannot be built or does not fit its data."""


class DataError(EngineError):
    """A dataset that cannot be made or read (bad CSV, bad parameters)."""


class SessionError(EngineError):
    """A session file that cannot be loaded."""
