"""Global hotkeys behind one interface: `native` (RegisterHotKey; Windows default), `keyboard` (a
low-level hook; the Windows alternative), `x11` (XGrabKey; Linux default with a display) and `pynput`
(macOS default)."""
