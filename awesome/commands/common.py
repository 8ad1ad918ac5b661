"""Helpers shared by the command adapters: error handling and loading a list."""

from __future__ import annotations

import difflib
import functools
import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, ParamSpec

import click

from awesome.errors import AwesomeError, ListError
from awesome.fsio import read_list_text

if TYPE_CHECKING:
    from awesome.model import Document

_LIST_ITEM = re.compile(r"^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+\S", re.MULTILINE)

P = ParamSpec("P")


def exits_on_error(func: Callable[P, int]) -> Callable[P, int]:
    """Make a command's return value its exit code; an :class:`AwesomeError` is one line and exit 2.

    The code travels as ``click.exceptions.Exit`` so that it survives click's
    standalone mode (the console scripts, ``CliRunner``) and ``cli.run`` alike.
    """

    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> int:
        try:
            code = func(*args, **kwargs)
        except AwesomeError as error:
            click.echo(f"error: {error}", err=True)
            code = 2
        if code:
            raise click.exceptions.Exit(code)
        return 0

    return wrapper


def load_list_text(path: Path) -> str:
    """Read a list file, refusing one that holds no list at all."""
    text = read_list_text(path)
    if not text.strip():
        raise ListError("the file is empty", str(path))
    if not _LIST_ITEM.search(text):
        raise ListError("no list found (expected lines starting with '- ' or '1. ')", str(path))
    return text


def load_document(path: Path) -> Document:
    """Read and parse a list file."""
    # imported here: commands that never parse a list (links) start without the parser
    from awesome.parser import parse_document

    return parse_document(load_list_text(path), str(path))


def unified_diff(path: str, before: str, after: str) -> str:
    """What a rewrite of ``path`` changes, as ``git diff`` shows it (``a/`` and ``b/``)."""
    lines = difflib.unified_diff(
        before.splitlines(keepends=True), after.splitlines(keepends=True), f"a/{path}", f"b/{path}"
    )
    return "".join(lines)
