"""Helpers shared by the command adapters: error handling and loading a list."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import ParamSpec

import click

from awesome.errors import AwesomeError

P = ParamSpec("P")


def exits_on_error(func: Callable[P, int]) -> Callable[P, int]:
    """Turn an :class:`AwesomeError` into one line on stderr and exit code 2."""

    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> int:
        try:
            return func(*args, **kwargs)
        except AwesomeError as error:
            click.echo(f"error: {error}", err=True)
            return 2

    return wrapper
