"""``awesome export``: the list as data."""

from __future__ import annotations

import json
from pathlib import Path

import click

from awesome.commands.common import exits_on_error, load_document
from awesome.export import document_to_json, validate_document_json
from awesome.metadata import MetadataLock
from awesome.model import Document


def _warn_unknown_papers(doc: Document, lock: MetadataLock, file: Path) -> None:
    """BibTeX comes from the lock: say which linked papers it leaves out, and why."""
    from awesome.enrich import arxiv_ids_of

    for pid, line in arxiv_ids_of(doc).items():
        if pid not in lock:
            click.echo(
                f"warning: {file}:{line}: no metadata for {pid} in the lock, so no BibTeX entry"
                f" (run: awesome enrich {file})",
                err=True,
            )


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

    With --format bibtex: a BibTeX entry for every arXiv paper the list links and
    the metadata lock knows; papers the lock lacks are named on stderr.

    Example: awesome export --format json list/README.md > list.json
    """
    doc = load_document(file)
    if fmt == "bibtex":
        from awesome.bibtex import bibtex_for_document
        from awesome.formatting import settings_for

        _, lock = settings_for(file)
        click.echo(bibtex_for_document(doc, lock), nl=False)
        _warn_unknown_papers(doc, lock, file)
        return 0
    data = document_to_json(doc)
    validate_document_json(data, str(file))
    click.echo(json.dumps(data, indent=2, ensure_ascii=False))
    return 0
