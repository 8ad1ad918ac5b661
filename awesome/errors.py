"""Typed errors raised at the edges; the CLI turns each into one line and exit code 2."""

from __future__ import annotations


class AwesomeError(Exception):
    """A user-facing error: a message, optionally located in a file and line."""

    def __init__(self, message: str, path: str | None = None, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line

    def __str__(self) -> str:
        where = ""
        if self.path is not None:
            where = f"{self.path}:{self.line}: " if self.line is not None else f"{self.path}: "
        return f"{where}{self.message}"


class ListError(AwesomeError):
    """The list file cannot be read or understood."""


class ConfigError(AwesomeError):
    """The configuration is invalid."""


class SchemaError(AwesomeError):
    """A document or lock does not validate against its JSON schema."""


class MetadataError(AwesomeError):
    """The metadata lock cannot be read or written."""


class ArxivError(AwesomeError):
    """The arXiv API failed or answered something we cannot use."""


class LinkCheckError(AwesomeError):
    """The link checker cannot run (for example: no network at all)."""
