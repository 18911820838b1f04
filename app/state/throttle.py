"""Rate limits for run mode. The training worker shares the GIL with the GUI thread, so every millisecond a
view spends redrawing is taken from training: views that need not follow every snapshot (about 20 a second)
ask a Throttle whether it is time again.

    self._throttle = Throttle(per_second=10)
    def _on_snapshot(self, snap):
        if self.session.running and not self._throttle.due():
            return                      # the next snapshot, or the end of the run, brings newer numbers
"""

from __future__ import annotations

import math
import time


class Throttle:
    def __init__(self, per_second: float, clock=time.monotonic):
        self.interval = 1.0 / per_second
        self._clock = clock
        self._last = -math.inf

    def due(self) -> bool:
        """True (and counted) when at least 1/per_second has passed since the last True."""
        now = self._clock()
        if now - self._last < self.interval:
            return False
        self._last = now
        return True

    def reset(self) -> None:
        """The next due() is True."""
        self._last = -math.inf
