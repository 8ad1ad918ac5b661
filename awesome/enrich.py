"""Filling the metadata lock from arXiv for the papers a list links to.

The library half of ``awesome enrich`` (and of ``awesome fetch``, which merges
its papers the same way). Network code is imported only when a fetch happens.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from awesome.metadata import MetadataLock, Paper
from awesome.model import Document, Entry

if TYPE_CHECKING:
    from awesome.arxiv_client import FetchResult

# Fields that record where and when facts came from, not facts about the paper.
_PROVENANCE = {"fetched_at", "fetched_from", "former_titles"}
# Changes worth telling the maintainer about, in the order they are reported.
_REPORTED = ("title", "version", "journal_ref", "doi")

Fetcher = Callable[[Sequence[str]], "FetchResult"]


@dataclass
class Change:
    """One fact about one paper that differs from what the lock had."""

    paper_id: str
    kind: str
    old: str | None = None
    new: str | None = None

    def describe(self) -> str:
        if self.kind == "new":
            return f"{self.paper_id}: new: {self.new}"
        if self.kind == "title":
            return f"{self.paper_id}: title: {self.old!r} -> {self.new!r} (old title kept)"
        if self.kind == "withdrawn":
            return f"{self.paper_id}: withdrawn: {self.new}"
        old = self.old if self.old is not None else "(none)"
        new = self.new if self.new is not None else "(none)"
        return f"{self.paper_id}: {self.kind.replace('_', ' ')}: {old} -> {new}"


@dataclass
class EnrichReport:
    """What an enrich run asked, learned and could not find."""

    asked: list[str] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)


def arxiv_ids_of(doc: Document) -> dict[str, int]:
    """Every arXiv id an entry (or nested entry) links to, with the line of its first entry."""
    found: dict[str, int] = {}

    def visit(entry: Entry) -> None:
        if entry.arxiv_id and entry.arxiv_id not in found:
            found[entry.arxiv_id] = entry.line
        for child in entry.children:
            visit(child)

    for _, entry in doc.entries():
        visit(entry)
    return found


def _facts(paper: Paper) -> dict[str, object]:
    return {k: v for k, v in dataclasses.asdict(paper).items() if k not in _PROVENANCE}


def _fact_text(value: object) -> str | None:
    if value is None:
        return None
    return f"v{value}" if isinstance(value, int) else str(value)


def merge_paper(old: Paper | None, new: Paper) -> tuple[Paper, list[Change]]:
    """The record to keep and what changed; an unchanged paper keeps its old record as is.

    A changed title moves the old one to ``former_titles``, so entries written with
    it can still be recognised.
    """
    if old is None:
        return new, [Change(new.id, "new", new=new.title)]
    if _facts(old) == _facts(new):
        return old, []
    former = [t for t in old.former_titles if t != new.title]
    if old.title != new.title and old.title not in former:
        former.append(old.title)
    merged = dataclasses.replace(new, former_titles=former)
    changes = [
        Change(new.id, kind, _fact_text(getattr(old, kind)), _fact_text(getattr(new, kind)))
        for kind in _REPORTED
        if getattr(new, kind) is not None and getattr(old, kind) != getattr(new, kind)
    ]
    if is_withdrawn(new) and not is_withdrawn(old):
        changes.append(Change(new.id, "withdrawn", None, new.comment))
    return merged, changes


def is_withdrawn(paper: Paper) -> bool:
    """arXiv marks a withdrawn paper by a new version whose comment says so."""
    return "withdrawn" in (paper.comment or "").casefold()


def merge_into(lock: MetadataLock, papers: dict[str, Paper], report: EnrichReport) -> None:
    """Merge fetched papers into ``lock`` in place, recording what changed."""
    for pid in sorted(papers):
        merged, changes = merge_paper(lock.get(pid), papers[pid])
        if merged is not lock.get(pid):
            lock.papers[pid] = merged
            report.updated.append(pid)
        report.changes.extend(changes)


def ids_to_fetch(doc: Document, lock: MetadataLock, refresh: bool) -> list[str]:
    """The list's arXiv ids that lack metadata (every one with ``refresh``)."""
    ids = list(arxiv_ids_of(doc))
    return ids if refresh else [pid for pid in ids if pid not in lock]


def enrich_lock(
    doc: Document, lock: MetadataLock, fetch: Fetcher, refresh: bool = False
) -> EnrichReport:
    """Fetch what the lock lacks and merge it into ``lock`` (in memory only).

    ``fetch`` raises :class:`~awesome.errors.ArxivError` when arXiv fails; then the
    lock is left exactly as it was, since nothing is merged before every batch is in.
    """
    report = EnrichReport(asked=ids_to_fetch(doc, lock, refresh))
    if not report.asked:
        return report
    result = fetch(report.asked)
    report.missing = list(result.missing)
    merge_into(lock, result.papers, report)
    return report
