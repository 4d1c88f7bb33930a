"""PySide6 widgets. They call services handed to them; they never run SQL (import-linter)."""
