"""``awesome diff GIT_REF [FILE]``: the entries a change adds, removes, moves and edits."""

from __future__ import annotations

from pathlib import Path

import click

from awesome.commands.common import exits_on_error
from awesome.fsio import read_list_text
from awesome.listdiff import RENDERERS, diff_documents, text_at_revision
from awesome.model import Document
from awesome.parser import parse_document

DEFAULT_LIST = "list/README.md"


@click.command(
    "diff",
    epilog="Example: awesome diff origin/main list/README.md --format markdown",
)
@click.argument("git_ref")
@click.argument("file", default=DEFAULT_LIST, type=click.Path(dir_okay=True, path_type=Path))
@click.option(
    "--format",
    "output_format",
    type=click.Choice(sorted(RENDERERS)),
    default="text",
    show_default=True,
    help="Report as plain text, Markdown (for a job summary) or JSON.",
)
@click.option(
    "--exit-code",
    is_flag=True,
    help="Exit 1 when some entry changed (like git diff --exit-code).",
)
@exits_on_error
def command(git_ref: str, file: Path, output_format: str, exit_code: bool) -> int:
    """Show what changed in FILE's entries since GIT_REF, entry by entry.

    Entries are matched by arXiv id, then URL, then title, and reported as
    added, removed, moved between sections, or edited field by field. A file
    that did not exist at GIT_REF counts as empty: every entry is added.
    """
    new_text = read_list_text(file)
    old_text = text_at_revision(file, git_ref)
    old_document = (
        parse_document(old_text, f"{file}@{git_ref}") if old_text is not None else Document(None)
    )
    diff = diff_documents(old_document, parse_document(new_text, str(file)))
    click.echo(RENDERERS[output_format](diff, str(file), git_ref), nl=False)
    return 1 if exit_code and not diff.empty else 0
