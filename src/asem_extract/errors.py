"""Errors raised by asem-extract, in one small hierarchy."""

from __future__ import annotations


class AsemError(Exception):
    """Base class of every error this package raises on purpose."""


class ResourceError(AsemError):
    """A bundled or user-supplied rule/gazetteer file is malformed.

    The message names the file, the line (when the format has lines) and the field.
    """

    def __init__(self, path: str, problem: str, line: int | None = None, field: str | None = None):
        where = path if line is None else f"{path}:{line}"
        if field:
            where += f" [{field}]"
        super().__init__(f"{where}: {problem}")
        self.path, self.line, self.field, self.problem = path, line, field, problem


class InputError(AsemError):
    """An input document could not be read or decoded."""


class GoldFormatError(AsemError):
    """A gold annotation file does not follow ANNOTATION.md."""
