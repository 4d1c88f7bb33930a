"""Pure-Python rules of the product: no Qt, no SQL, no OS calls (checked by import-linter)."""
