"""Errors the services raise with Swedish messages a window or the CLI can show as they are."""
from __future__ import annotations


class ServiceError(Exception):
    """Something the user asked for cannot be done; the message says why, in Swedish."""


class ValidationError(ServiceError):
    """Bad input: `fields` maps a field name to its message (shown next to the field)."""

    def __init__(self, message: str, fields: dict[str, str] | None = None):
        super().__init__(message)
        self.fields = fields or {}
