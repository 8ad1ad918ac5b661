"""The document model: one typed tree that every command reads.

A list file becomes a :class:`Document` of :class:`Section` objects holding
non-entry :class:`Block` objects and :class:`Entry` objects. Line numbers are
1-based and refer to the source file the document was parsed from.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from awesome.inline import find_links


@dataclass(slots=True)
class Link:
    """A labelled link such as ``[Repo](https://github.com/...)``."""

    label: str
    url: str
    source: str | None = field(default=None, compare=False)
    """The label as written (``![OSS][OSS Icon]``); rendered as is while ``label`` matches it."""


@dataclass
class Block:
    """A piece of the document that is not an entry, kept verbatim.

    ``kind`` is one of: paragraph, html, code, table, comment, list, rule.
    """

    kind: str
    text: str
    line: int = field(default=0, compare=False)
    entries_before: int = field(default=0, compare=False)
    """How many of its section's entries stood above the block in the source.

    Real lists interleave entries with labels (``_Web Analytics_``), ``<details>``
    tags and notes; the renderer keeps each block between the same entries."""


@dataclass(slots=True)
class Entry:
    """One item of the list: usually a paper, sometimes a tool, blog or course.

    ``parsed`` is False for a list item that fits no known shape; then only
    ``raw`` and ``line`` are meaningful and the item is rendered verbatim.
    """

    title: str
    url: str | None = None
    name: str | None = None
    authors: list[str] = field(default_factory=list)
    authors_first_only: bool = False
    venue: str | None = None
    year: int | None = None
    description: str = ""
    links: list[Link] = field(default_factory=list)
    children: list[Entry] = field(default_factory=list)
    arxiv_id: str | None = None
    parsed: bool = True
    line: int = field(default=0, compare=False)
    raw: str = field(default="", compare=False)
    label: str | None = field(default=None, compare=False)
    """The source label of the primary link (``Paper``), which the canonical form drops."""
    title_source: str | None = field(default=None, compare=False)
    """The title as written (``**Name**``, a code span); rendered as is while ``title`` matches it,
    so markup in a title stays markup instead of being escaped into visible characters."""

    def all_links(self) -> Iterator[Link]:
        """The primary link, labelled links, links in the description, then children's."""
        if self.url is not None:
            yield Link(self.title, self.url)
        yield from self.links
        for found in find_links(self.description if self.parsed else self.raw):
            yield Link(found.label, found.url)
        for child in self.children:
            yield from child.all_links()


@dataclass
class Section:
    """A heading and what stands under it until the next heading of its level or above.

    ``pseudo`` marks a heading that the source wrote as a one-item numbered
    line (``1. Cost``) directly followed by a bullet list.
    """

    heading: str
    level: int
    slug: str
    line: int = field(default=0, compare=False)
    blocks: list[Block] = field(default_factory=list)
    entries: list[Entry] = field(default_factory=list)
    subsections: list[Section] = field(default_factory=list)
    pseudo: bool = field(default=False, compare=False)

    def walk(self) -> Iterator[Section]:
        """This section and every section below it, in document order."""
        yield self
        for sub in self.subsections:
            yield from sub.walk()


@dataclass
class Document:
    """A parsed list file."""

    title: str | None
    title_line: int | None = field(default=None, compare=False)
    front_matter: str = field(default="", compare=False)
    """A YAML front matter block (``---`` ... ``---``) that opens the file, kept first as written."""
    title_badges: str = field(default="", compare=False)
    """Badge links the title line carries (``[![Awesome](...)](...)``), kept as written."""
    intro: list[Block] = field(default_factory=list)
    intro_above_title: int = field(default=0, compare=False)
    """How many intro blocks (a logo, a sponsor ``<div>``) stand above the title in the source."""
    sections: list[Section] = field(default_factory=list)
    path: str | None = field(default=None, compare=False)
    toc_line: int | None = field(default=None, compare=False)
    """Line of the hand-kept or generated contents section that the renderer replaces."""
    toc_text: str = field(default="", compare=False)
    """The replaced contents section as it stood in the source."""

    def walk(self) -> Iterator[Section]:
        """Every section in document order, depth first."""
        for section in self.sections:
            yield from section.walk()

    def entries(self) -> Iterator[tuple[Section, Entry]]:
        """Every top-level entry with its section, in document order."""
        for section in self.walk():
            for entry in section.entries:
                yield section, entry

    def entry_count(self) -> int:
        return sum(len(section.entries) for section in self.walk())
