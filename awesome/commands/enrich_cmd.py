"""``awesome enrich``: fill the metadata lock from arXiv for every paper the list links to."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import click

from awesome.commands.common import exits_on_error, load_document
from awesome.config import load_config
from awesome.enrich import EnrichReport, arxiv_ids_of, enrich_lock, ids_to_fetch
from awesome.errors import ArxivError
from awesome.formatting import lock_for
from awesome.metadata import lock_path_for, save_lock
from awesome.model import Document


def _report(report: EnrichReport, doc: Document, path: Path) -> None:
    for change in report.changes:
        click.echo(change.describe())
    lines = arxiv_ids_of(doc)
    for pid in report.missing:
        click.echo(f"warning: {path}:{lines.get(pid, 0)}: arXiv does not know {pid}", err=True)


def _offline(doc: Document, path: Path, lacking: Sequence[str]) -> int:
    lines = arxiv_ids_of(doc)
    for pid in lacking:
        click.echo(f"{path}:{lines[pid]}: no metadata for {pid} in the lock")
    click.echo(f"{len(lines) - len(lacking)} of {len(lines)} arXiv papers have metadata", err=True)
    return 1 if lacking else 0


@click.command("enrich")
@click.argument(
    "file", required=False, type=click.Path(path_type=Path), default=Path("list/README.md")
)
@click.option("--refresh", is_flag=True, help="Fetch every paper again, not only missing ones.")
@click.option("--offline", is_flag=True, help="Ask no one: report what the lock lacks.")
@exits_on_error
def command(file: Path, refresh: bool, offline: bool) -> int:
    """Fill the metadata lock (metadata.json beside the list) from arXiv.

    Papers are fetched in batches of up to 100, one request every 3 seconds
    (AWESOME_ARXIV_INTERVAL / arxiv_interval). New titles, versions, journal
    references, DOIs and withdrawals are reported. If arXiv fails, the lock is
    left as it was and the exit code is 2; ids arXiv does not know are warnings
    and exit 1.

    Example: awesome enrich --refresh list/README.md
    """
    doc = load_document(file)
    config = load_config(file)
    lock = lock_for(file, config)
    if offline:
        return _offline(doc, file, ids_to_fetch(doc, lock, refresh=False))
    from awesome.arxiv_client import ArxivClient, settings_from

    client = ArxivClient(settings_from(config))
    lock_path = lock_path_for(file, config.metadata)
    try:
        report = enrich_lock(doc, lock, client.fetch, refresh)
    except ArxivError as error:
        raise ArxivError(f"{error.message}; {lock_path.name} left unchanged") from None
    written = save_lock(lock, lock_path) if report.updated else False
    _report(report, doc, file)  # after the write: a failed write reports nothing as learned
    state = f"{lock_path} written" if written else "lock unchanged"
    click.echo(
        f"{len(report.asked)} asked, {len(report.updated)} updated, {len(report.missing)} unknown"
        f" in {client.requests_made} requests; {state}",
        err=True,
    )
    return 1 if report.missing else 0
