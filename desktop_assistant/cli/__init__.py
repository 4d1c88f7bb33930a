"""The command line: the panel by default, subcommands for batch work (DESIGN 5).

main.py parses and dispatches; every other module is one command group.
"""

from desktop_assistant.cli.main import main

__all__ = ["main"]
