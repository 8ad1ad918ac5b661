"""``awesome export``: the list as data."""

from __future__ import annotations

import json
from pathlib import Path

import click

from awesome.commands.common import exits_on_error, load_document
from awesome.export import document_to_json, validate_document_json


@click.command("export")
@click.argument(
    "file", required=False, type=click.Path(path_type=Path), default=Path("list/README.md")
)
@click.option(
    "--format", "fmt", type=click.Choice(["json", "bibtex"]), default="json", show_default=True
)
@exits_on_error
def command(file: Path, fmt: str) -> int:
    """Print the list as JSON that validates against schema/document.schema.json.

    BibTeX comes from the metadata lock (``awesome enrich`` makes it); papers it
    lacks are left out, with a note on stderr, and the exit code stays 0.

    Example: awesome export --format json list/README.md > list.json
    """
    doc = load_document(file)
    if fmt == "bibtex":
        from awesome.bibtex import bibtex_for_document, missing_papers_hint
        from awesome.formatting import settings_for
        from awesome.metadata import lock_path_for

        config, lock = settings_for(file)
        click.echo(bibtex_for_document(doc, lock), nl=False)
        # exit 0 all the same: the output is right for what is known, as JSON export is
        lock_path = lock_path_for(file, config.metadata)
        hint = missing_papers_hint(doc, lock, str(lock_path), lock_path.exists(), str(file))
        if hint:
            click.echo(hint, err=True)
        return 0
    data = document_to_json(doc)
    validate_document_json(data, str(file))
    click.echo(json.dumps(data, indent=2, ensure_ascii=False))
    return 0
