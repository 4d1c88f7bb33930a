"""The phrase file formats: what the importer reads and the exporter writes (domain/phrase_io.py).

A module of its own so the command line lists them without loading the importer.
"""

from __future__ import annotations

IMPORT_FORMATS = ("auto", "csv", "xlsx", "beeftext", "json")
EXPORT_FORMATS = ("csv", "xlsx", "json")
