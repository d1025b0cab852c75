"""``python -m smuggling_wg``: the ``smuggling-wg`` command (with no command: the meeting summary)."""

from .cli import main_entry

if __name__ == "__main__":
    main_entry()
