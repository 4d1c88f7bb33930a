"""SQLite persistence through sqlite-utils. No Qt here (checked by import-linter)."""
