"""``python -m eventwire.cli``."""

import sys

from . import main

sys.exit(main())
