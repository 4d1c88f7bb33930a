"""Global hotkeys behind one interface: `keyboard` (Windows default), `x11` (XGrabKey; Linux default
with a display) and `pynput` (macOS default)."""
