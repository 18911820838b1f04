"""`python -m engine`: the headless CLI (never imports Qt)."""

import sys

from .cli.main import main

sys.exit(main())
