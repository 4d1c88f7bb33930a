"""The settings the calibration overlay reads and writes (get, all, set_many), kept in a dict: for the UI
tests and the e2e calibration runner."""

from __future__ import annotations


class CalibrationSettings:
    def __init__(self, **values) -> None:
        self.values = {"reader.regions": "", **values}

    def get(self, key):
        return self.values.get(key)

    def all(self):
        return dict(self.values)

    def set_many(self, changes):
        self.values.update(changes)
        return changes
