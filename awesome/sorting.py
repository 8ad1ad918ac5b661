"""Canonical entry order inside a section.

Ascending by the year the entry shows; within a year by the arXiv v1 date when
the entry links arXiv and that date's year agrees; then by case-folded title.
Undated entries follow dated ones; unparsed entries come last in source order.
"""

from __future__ import annotations

from awesome.metadata import MetadataLock
from awesome.model import Entry

SORT_MODES = ("canonical", "title", "none")

# Sorts after every ISO date, so entries without an arXiv date close their year.
_NO_DATE = "~"


def canonical_key(entry: Entry, lock: MetadataLock) -> tuple[int, int, str, str]:
    """The sort key of an entry in canonical order."""
    if not entry.parsed:
        return (2, 0, "", "")
    title = entry.title.casefold()
    if entry.year is None:
        return (1, 0, _NO_DATE, title)
    paper = lock.get(entry.arxiv_id)
    date = paper.published if paper and paper.published and paper.year == entry.year else None
    return (0, entry.year, date or _NO_DATE, title)


def title_key(entry: Entry, lock: MetadataLock) -> tuple[int, int, str, str]:
    """Alphabetical by case-folded title; unparsed entries last."""
    return (1 if not entry.parsed else 0, 0, "", entry.title.casefold())


def sort_entries(entries: list[Entry], lock: MetadataLock, mode: str = "canonical") -> list[Entry]:
    """The entries in the order ``mode`` asks for (a stable sort; 'none' keeps source order)."""
    if mode == "none":
        return list(entries)
    key = title_key if mode == "title" else canonical_key
    return sorted(entries, key=lambda entry: key(entry, lock))
