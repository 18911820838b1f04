"""Suite-wide settings: one torch thread (tiny networks; the machines are shared), offscreen Qt."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("OMP_NUM_THREADS", "1")

import torch  # noqa: E402

torch.set_num_threads(1)

from hypothesis import settings  # noqa: E402

# CI and every developer see the same examples: a run that passed once passes again (exploring new inputs
# is for deliberate runs: HYPOTHESIS_PROFILE=explore).
settings.register_profile("repeatable", derandomize=True, deadline=None)
settings.register_profile("explore", deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "repeatable"))
