"""``awesome format``: rewrite lists canonically, or check that they are."""

from __future__ import annotations

from pathlib import Path

import click

from awesome.commands.common import exits_on_error, load_list_text, unified_diff
from awesome.formatting import NothingLostError, format_text, settings_for
from awesome.fsio import atomic_write_text


def format_one(path: Path, check: bool, show_diff: bool, config_path: Path | None) -> bool:
    """Format one file; return True when it was already canonical."""
    text = load_list_text(path)
    config, lock = settings_for(path, config_path)
    result = format_text(text, config, lock, str(path))
    if result.problems:
        raise NothingLostError("refusing to write: " + "; ".join(result.problems), str(path))
    if show_diff and result.changed:
        click.echo(unified_diff(str(path), result.original, result.formatted), nl=False)
    if not result.changed:
        return True
    if check:
        click.echo(f"{path}: not canonical (run: awesome format {path})", err=True)
    else:
        atomic_write_text(path, result.formatted)
        click.echo(f"formatted {path}", err=True)
    return False


@click.command("format")
@click.argument("files", nargs=-1, type=click.Path(path_type=Path))
@click.option("--check", is_flag=True, help="Write nothing; exit 1 when a file is not canonical.")
@click.option(
    "--diff", "show_diff", is_flag=True, help="Print the unified diff of what would change."
)
@click.option(
    "--config", "config_path", type=click.Path(path_type=Path), help="Configuration file."
)
@exits_on_error
def command(files: tuple[Path, ...], check: bool, show_diff: bool, config_path: Path | None) -> int:
    """Rewrite lists in canonical form: sorted, one line per entry, a generated contents list.

    Nothing is lost and the result is stable; if either guarantee would fail,
    nothing is written. Default FILE: list/README.md.

    Example: awesome format --check --diff list/README.md
    """
    paths = list(files) or [Path("list/README.md")]
    canonical = [format_one(path, check, show_diff, config_path) for path in paths]
    return 1 if check and not all(canonical) else 0
