"""The command line: the panel by default, subcommands for batch work (docs/cli.md).

main.py parses and dispatches; errors.py says how a command fails; every other module is one command
group that adds its own subparsers and runs them. Qt is imported only when the panel starts, and each
command imports what it needs when it runs, so batch commands stay fast.

`desktop_assistant.cli.main` is the function (the entry point `desktop_assistant.cli:main`), which
hides the module of the same name: reach the module through sys.modules if ever needed.
"""

from desktop_assistant.cli.main import main

__all__ = ["main"]
