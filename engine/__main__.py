"""`python -m engine`: the headless CLI (never imports Qt)."""

import sys

from .cli import main

sys.exit(main())
