"""``awesome fetch`` (and ``awesome-fetch``): add papers to the list by arXiv id or URL."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from awesome.arxiv_id import parse
from awesome.commands.common import exits_on_error, load_list_text, unified_diff
from awesome.config import Config, load_config
from awesome.errors import ArxivError, ListError
from awesome.fetch import (
    FetchPlan,
    find_section,
    plan_fetch,
    refuse_duplicates,
    section_paths,
    write_together,
)
from awesome.formatting import lock_for
from awesome.metadata import Paper, lock_path_for, lock_text
from awesome.model import Document
from awesome.parser import parse_document


def _interactive() -> bool:
    return sys.stdin.isatty() and sys.stdout.isatty()


def _choose_section(doc: Document, path: Path) -> int:
    """On a terminal, offer the sections; otherwise exit 2 listing them."""
    paths = section_paths(doc)
    listing = "\n".join(f"{i:3}. {p}" for i, p in enumerate(paths, start=1))
    if not _interactive():
        raise ListError(f"say where the paper goes with --section; sections:\n{listing}", str(path))
    click.echo(listing)
    choice: int = click.prompt("Section number", type=click.IntRange(1, len(paths)))
    return choice - 1


def _section_index(doc: Document, path: Path, section: str | None) -> int:
    if section is None:
        return _choose_section(doc, path)
    wanted = find_section(doc, section)
    return next(i for i, p in enumerate(section_paths(doc)) if p.section is wanted.section)


def _fetch_papers(ids: list[str], config: Config) -> list[Paper]:
    from awesome.arxiv_client import ArxivClient, settings_from

    try:
        result = ArxivClient(settings_from(config)).fetch(ids)
    except ArxivError as error:
        raise ArxivError(f"{error.message}; nothing written") from None
    if result.missing:
        raise ArxivError(f"arXiv does not know {', '.join(result.missing)}; nothing written")
    return [result.papers[arxiv_id] for arxiv_id in ids]


def _write(plan: FetchPlan, file: Path, config: Config) -> None:
    lock_path = lock_path_for(file, config.metadata)
    # the lock first: if the list cannot be written, the lock is put back as it was
    write_together([(lock_path, lock_text(plan.lock, lock_path)), (file, plan.text)])


@click.command("fetch")
@click.argument("ids", nargs=-1, required=True, metavar="ID_OR_URL...")
@click.option("--section", help="Heading to add to (case-insensitive; Parent/Child if needed).")
@click.option("--name", help="Short name shown in bold, e.g. QLoRA (one paper only).")
@click.option(
    "--file", type=click.Path(path_type=Path), default=Path("list/README.md"), show_default=True
)
@click.option("--dry-run", is_flag=True, help="Print the diff; write nothing.")
@exits_on_error
def command(
    ids: tuple[str, ...], section: str | None, name: str | None, file: Path, dry_run: bool
) -> int:
    """Add papers by arXiv id or URL: fetch, refuse duplicates, insert in canonical order.

    Each paper becomes a canonical entry (title, name, authors, arXiv year) in
    the section, in sort order, and its metadata goes into the lock. Several
    ids are fetched in one request. Nothing is written if anything fails.

    Example: awesome fetch 2305.14314 --name QLoRA --section "Parameter-Efficient Fine-Tuning"
    """
    wanted = list(dict.fromkeys(parse(text).base for text in ids))
    if name is not None and len(wanted) > 1:
        raise click.UsageError("--name applies to one paper; fetch the others separately")
    text = load_list_text(file)
    refuse_duplicates(text, wanted, str(file))
    doc = parse_document(text, str(file))
    index = _section_index(doc, file, section)
    config = load_config(file)
    lock = lock_for(file, config)  # a broken lock fails here, before any request
    papers = _fetch_papers(wanted, config)
    plan = plan_fetch(text, str(file), index, papers, lock, config, name, doc)
    if dry_run:
        click.echo(unified_diff(str(file), plan.original, plan.text), nl=False)
        return 0
    _write(plan, file, config)
    for added in plan.added:
        click.echo(f"added to {added.section} ({file}:{added.line}):")
        click.echo(added.rendered)
    return 0
