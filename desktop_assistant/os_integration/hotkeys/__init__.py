"""Global hotkeys: `keyboard` (Windows default) and `pynput` (X11/macOS default) behind one interface."""
