"""``python -m rasd …`` is the ``rasd`` command (handy in a venv without its scripts on PATH)."""

from rasd.cli import main

main()
