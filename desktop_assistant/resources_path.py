"""Package-relative resources: the same lookup from a checkout, an installed wheel and the frozen build."""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def resource_path(*parts: str) -> Path:
    # resources/ is mapped to the package desktop_assistant.resources (pyproject, build.spec).
    return Path(str(resources.files("desktop_assistant.resources").joinpath(*parts)))
