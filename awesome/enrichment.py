"""Filling what an entry lacks from the metadata lock (authors), never overwriting what it shows."""

from __future__ import annotations

from awesome.metadata import MetadataLock, Paper
from awesome.model import Document, Entry

_PARTICLES = {
    "van",
    "von",
    "der",
    "den",
    "de",
    "del",
    "della",
    "di",
    "da",
    "dos",
    "du",
    "la",
    "le",
    "ter",
}
_SUFFIXES = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"}
# Author strings that name a group rather than a person keep their full name.
_GROUP_WORDS = {
    "team",
    "workshop",
    "collaboration",
    "consortium",
    "group",
    "project",
    "lab",
    "labs",
}


def surname(full_name: str) -> str:
    """The family name as a citation shows it: ``Samuel R. Bowman`` -> ``Bowman``."""
    words = full_name.replace(",", " ").split()
    if len(words) <= 1 or _GROUP_WORDS & {word.casefold() for word in words}:
        return full_name.strip()
    while len(words) > 1 and words[-1].casefold() in _SUFFIXES:
        words.pop()
    start = len(words) - 1
    while start > 1 and words[start - 1].casefold() in _PARTICLES:
        start -= 1
    return " ".join(words[start:])


def authors_from_paper(paper: Paper) -> tuple[list[str], bool]:
    """The canonical author display: one or two surnames, else the first with ``et al.``."""
    names = [surname(name) for name in paper.authors]
    if not names:
        return [], False
    if paper.authors_complete and len(names) <= 2:
        return names, False
    return names[:1], True


def fill_entry(entry: Entry, lock: MetadataLock) -> bool:
    """Give an arXiv entry without authors the ones the lock knows; True if it changed."""
    paper = lock.get(entry.arxiv_id)
    if not entry.parsed or paper is None or entry.authors:
        return False
    entry.authors, entry.authors_first_only = authors_from_paper(paper)
    return bool(entry.authors)


def fill_document(doc: Document, lock: MetadataLock) -> int:
    """Fill every entry of the document in place; return how many changed."""
    return sum(fill_entry(entry, lock) for _, entry in doc.entries())
