"""Adapters to the operating system: hotkeys, single instance. Hook threads only emit signals."""
