"""The command line: a thin click layer over the library.

Each command lives in ``awesome/commands/<name>.py`` as a click command whose
callback returns an exit code (0 success, 1 findings, 2 usage or input error).
Network libraries are imported inside the commands that use them, so that
``awesome lint`` and ``awesome format`` start fast.
"""

from __future__ import annotations

import gc
import importlib
import sys
from typing import Any

import click

from awesome import __version__

# The explicit registry: command name -> module in awesome.commands that defines ``command``.
COMMANDS: dict[str, str] = {
    "format": "format_cmd",
    "export": "export_cmd",
    "lint": "lint_cmd",
    "rules": "rules_cmd",
    "fetch": "fetch_cmd",
    "enrich": "enrich_cmd",
    "links": "links_cmd",
    "diff": "diff_cmd",
}


class LazyGroup(click.Group):
    """Imports a command's module only when that command runs (or help lists it)."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        module_name = COMMANDS.get(cmd_name)
        if module_name is None:
            return None
        try:
            module = importlib.import_module(f"awesome.commands.{module_name}")
        except ModuleNotFoundError as error:
            if error.name != f"awesome.commands.{module_name}":
                raise
            return _not_yet(cmd_name)
        command: click.Command = module.command
        return command


def _not_yet(name: str) -> click.Command:
    @click.command(
        name, help=f"(not available yet) {name}", context_settings={"ignore_unknown_options": True}
    )
    @click.argument("args", nargs=-1, type=click.UNPROCESSED)
    def placeholder(args: tuple[str, ...]) -> int:
        click.echo(f"awesome {name}: not available in this version yet", err=True)
        return 2

    return placeholder


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="awesome")
def cli() -> None:
    """Keep a curated Markdown list of papers correct, canonical and alive.

    Example: awesome format --check list/README.md
    """


def run(argv: list[str] | None = None, prog_name: str = "awesome") -> int:
    """Run the CLI and return its exit code instead of exiting."""
    return _invoke(cli, argv, prog_name)


def run_alias(name: str, argv: list[str] | None = None) -> int:
    """Run one command as a program of its own (``awesome-lint``), so that its usage
    line and errors name the program the user typed, not ``awesome lint``."""
    command = cli.get_command(click.Context(cli), name)
    assert command is not None, f"alias of an unregistered command: {name}"
    return _invoke(command, argv, f"awesome-{name}")


def _invoke(command: click.Command, argv: list[str] | None, prog_name: str) -> int:
    try:
        result: Any = command.main(args=argv, prog_name=prog_name, standalone_mode=False)
    except click.exceptions.Exit as exit_:
        return int(exit_.exit_code or 0)
    except click.ClickException as error:
        error.show()
        return 2
    except click.exceptions.Abort:
        click.echo("Aborted.", err=True)
        return 2
    return int(result) if isinstance(result, int) else 0


def main() -> None:
    code = run()
    # The process ends here: objects moved out of the collector's reach are not traversed
    # once more by the interpreter's final collection (about 30 ms after a links run).
    gc.freeze()
    sys.exit(code)


def lint_main() -> None:
    """``awesome-lint``: the same as ``awesome lint``."""
    sys.exit(run_alias("lint", sys.argv[1:]))


def fetch_main() -> None:
    """``awesome-fetch``: the same as ``awesome fetch``."""
    sys.exit(run_alias("fetch", sys.argv[1:]))
