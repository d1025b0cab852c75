"""``python -m smuggling_wg``: the ``smuggling-wg`` command (with no command: the meeting summary)."""

import sys

from .cli import main

if __name__ == "__main__":
    sys.exit(main())
