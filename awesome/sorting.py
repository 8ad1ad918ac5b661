"""Canonical entry order inside a section.

Ascending by the year the entry shows; within a year by the arXiv v1 date when
the entry links arXiv and that date's year agrees; then by case-folded title.
Undated entries follow dated ones; unparsed entries come last in source order.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from awesome.metadata import MetadataLock
from awesome.model import Block, Entry, Section
from awesome.slug import heading_text

# Sorts after every ISO date, so entries without an arXiv date close their year.
_NO_DATE = "~"
_MARKUP_CHARS = re.compile(r"[*`\[<]")
_LEADING_PUNCTUATION = "\"'“‘«([{"


def sort_title(title: str) -> str:
    """The title as read, for ordering: ``**Bold**`` and ```tool``` sort as Bold and tool."""
    if _MARKUP_CHARS.search(title):
        title = heading_text(title)
    return title.strip().lstrip(_LEADING_PUNCTUATION).casefold()


def canonical_key(entry: Entry, lock: MetadataLock) -> tuple[int, int, str, str]:
    """The sort key of an entry in canonical order."""
    if not entry.parsed:
        return (2, 0, "", "")
    title = sort_title(entry.title)
    if entry.year is None:
        return (1, 0, _NO_DATE, title)
    paper = lock.get(entry.arxiv_id)
    date = paper.published if paper and paper.published and paper.year == entry.year else None
    return (0, entry.year, date or _NO_DATE, title)


def title_key(entry: Entry, lock: MetadataLock) -> tuple[int, int, str, str]:
    """Alphabetical by case-folded title; unparsed entries last."""
    return (1 if not entry.parsed else 0, 0, "", sort_title(entry.title))


SortKey = Callable[[Entry, MetadataLock], tuple[int, int, str, str]]


def key_for(mode: str) -> SortKey:
    """The key entries are sorted by in ``mode`` ('title', else canonical; 'none' never sorts).

    The formatter, the entry-order rule and ``awesome fetch`` all take it from here, so
    they agree on what "in order" means.
    """
    return title_key if mode == "title" else canonical_key


def sort_entries(entries: list[Entry], lock: MetadataLock, mode: str = "canonical") -> list[Entry]:
    """The entries in the order ``mode`` asks for (a stable sort; 'none' keeps source order)."""
    if mode == "none":
        return list(entries)
    key = key_for(mode)
    return sorted(entries, key=lambda entry: key(entry, lock))


def section_parts(section: Section) -> list[Block | list[Entry]]:
    """The section's blocks and runs of entries, in source order.

    A block that stood between entries (a ``_Business Intelligence_`` label, a
    ``</details>``) keeps the entries above and below it apart: canonical order
    applies within each run, never across a block.
    """
    parts: list[Block | list[Entry]] = []
    entries = section.entries
    start = 0
    for block in sorted(section.blocks, key=lambda b: b.entries_before):
        cut = min(max(block.entries_before, start), len(entries))
        if cut > start:
            parts.append(entries[start:cut])
            start = cut
        parts.append(block)
    if start < len(entries):
        parts.append(entries[start:])
    return parts


def entry_runs(section: Section) -> list[list[Entry]]:
    """The runs of entries that are sorted on their own (see :func:`section_parts`)."""
    return [part for part in section_parts(section) if isinstance(part, list)]
