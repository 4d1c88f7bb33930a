"""The Feature protocol (app_features) for a tab that works only when the agent acts: nothing runs on its own,
nothing is held, and by default no setting concerns it."""

from __future__ import annotations

from typing import Any


class OnDemand:
    """Mixed into a controller after QObject: start, apply_settings and stop that have nothing to do."""

    def start(self) -> None:
        """Nothing runs on its own."""

    def apply_settings(self, values: dict[str, Any]) -> None:
        """No setting concerns it."""

    def stop(self) -> None:
        """Nothing to release."""
