"""Session files: a network, its data, its parameters and its history, as versioned JSON.

    state = from_trainer(trainer, practice_code=code)   # a snapshot (copies)
    save(state, "xor.json")                             # atomic: the old file or the new one, never half
    state = load("xor.json")                            # validates everything; only ever raises SessionError
    trainer = state.to_trainer()                        # continues bit for bit where the saved one stopped

The format is described in docs/session-format.md. Numbers round-trip exactly: a float32 value upcast to a
Python float is written with repr (the shortest text that reads back as the same double), and that double
converts back to the same float32. The file is strict JSON (no NaN tokens): non-finite losses are written as
the strings "NaN", "Infinity", "-Infinity"; accuracies not computed are null.

The parts: session_state (SessionState, the constants), session_read (load, loads, from_document and the
migration of older versions), session_checks (the checks made before reading numbers), session_write (save,
dumps, to_document). This module is the one to import.
"""

from __future__ import annotations

import json  # noqa: F401  (tests patch json.dump through this module)

from .session_read import from_document, load, loads, migrate  # noqa: F401
from .session_state import (  # noqa: F401
    FORMAT, KEY_ORDER, MAX_BYTES, MAX_PRACTICE_CODE, OPTIONAL_KEYS, REQUIRED_KEYS, VERSION, SessionState,
    from_trainer,
)
from .session_write import dumps, remove_stale_temporaries, save, to_document  # noqa: F401

__all__ = ["FORMAT", "KEY_ORDER", "MAX_BYTES", "MAX_PRACTICE_CODE", "OPTIONAL_KEYS", "REQUIRED_KEYS", "VERSION",
           "SessionState", "dumps", "from_document", "from_trainer", "json", "load", "loads", "migrate",
           "remove_stale_temporaries", "save", "to_document"]
