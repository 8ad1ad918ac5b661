"""Table of contents and in-page anchors.

The contents list must follow the level-2 headings below it (and, where an item
has a nested list, the level-3 headings of that section), and every ``#anchor``
in the file must name a heading as GitHub slugs it.
"""

from __future__ import annotations

import html
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from urllib.parse import unquote

from awesome.inline import find_links
from awesome.model import Document
from awesome.rules.base import Finding, Fix, LintContext, Rule
from awesome.rules.outline import (
    Heading,
    Item,
    Outline,
    build_outline,
    mask_code_spans,
    plain_text,
)
from awesome.slug import SlugCounter, github_slug, heading_text

# Sections a contents list does not need to name.
UNLISTED = frozenset({"contributing", "footnotes", "related lists", "license", "licence"})
_HTML_ANCHOR = re.compile(r"""\b(?:href)\s*=\s*["']#([^"']*)["']""", re.IGNORECASE)
_HTML_ID = re.compile(r"""\b(?:id|name)\s*=\s*["']([^"']+)["']""", re.IGNORECASE)
# A heading written as HTML; GitHub gives it an anchor from its text like any other.
_HTML_HEADING = re.compile(r"<h([1-6])\b[^>]*>(.*?)</h\1\s*>", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"<[^>]*>")
# GitHub prefixes the ids it renders, so ``#user-content-x`` reaches the anchor ``x``.
_USER_CONTENT = "user-content-"


def heading_anchors(outline: Outline) -> list[str]:
    """The anchor GitHub gives each heading, in order (repeats get -1, -2 ...)."""
    counter = SlugCounter()
    return [counter.unique(heading.text) for heading in outline.headings]


@dataclass
class _Node:
    """A contents item with the items nested under it."""

    item: Item
    children: list[_Node] = field(default_factory=list)

    @property
    def label(self) -> str:
        link = next(find_links(self.item.text), None)
        return plain_text(link.label) if link else plain_text(self.item.text)

    @property
    def target(self) -> str | None:
        link = next(find_links(self.item.text), None)
        return link.url if link else None


def _tree(items: list[Item]) -> list[_Node]:
    roots: list[_Node] = []
    stack: list[_Node] = []
    for item in items:
        node = _Node(item)
        while stack and stack[-1].item.depth >= item.depth:
            stack.pop()
        (stack[-1].children if stack else roots).append(node)
        stack.append(node)
    return roots


@dataclass
class _TocCheck:
    outline: Outline
    anchors: list[str]
    index_of: dict[int, int]
    """Heading line -> index in the outline's headings."""

    def sub_headings(self, heading: Heading) -> list[Heading]:
        """The sections directly under ``heading`` in the heading tree."""
        following = self.outline.headings[self.index_of[heading.line] + 1 :]
        return _tree_roots(list(itertools.takewhile(lambda h: h.level > heading.level, following)))

    def compare(self, nodes: list[_Node], headings: list[Heading], depth: int) -> Iterator[Finding]:
        """Findings for ``nodes`` against ``headings``; unlisted sections may have an item."""
        position = 0
        for node in nodes:
            line = node.item.line
            while (
                position < len(headings)
                and _optional(headings[position], depth)
                and node.label != _shown(headings[position])
            ):
                position += 1
            if position >= len(headings):
                yield TOC.finding(f"contents item '{node.label}' has no section to match", line)
                return
            heading = headings[position]
            position += 1
            if node.label != _shown(heading):
                yield TOC.finding(
                    f"contents item '{node.label}' does not match the section heading "
                    f"'{_shown(heading)}' (line {heading.line})",
                    line,
                )
                return
            anchor = "#" + self.anchors[self.index_of[heading.line]]
            if node.target != anchor:
                yield TOC.finding(
                    f"contents item '{node.label}' links to '{node.target}', "
                    f"but its heading's anchor is '{anchor}'",
                    line,
                )
                return
            if node.children:
                if depth >= 1:
                    yield TOC.finding("contents nest deeper than two levels", line)
                else:
                    subs = self.sub_headings(heading)
                    yield from self.compare(node.children, subs, depth + 1)
        first = nodes[0].item.line if nodes else None
        for heading in headings[position:]:
            if not _optional(heading, depth):
                yield TOC.finding(
                    f"contents lack an item for the section '{_shown(heading)}'",
                    first or heading.line,
                )


def _shown(heading: Heading) -> str:
    """A heading as its contents item names it: images and badges count for nothing
    (``Tools [![Awesome](badge)](url)`` is listed as ``Tools``), as the formatter writes it."""
    return plain_text(heading_text(heading.text))


def _tree_roots(headings: list[Heading]) -> list[Heading]:
    """The headings no earlier one of ``headings`` contains (none before is of a lower level)."""
    roots: list[Heading] = []
    lowest = 7
    for heading in headings:
        if heading.level <= lowest:
            roots.append(heading)
            lowest = heading.level
    return roots


def _optional(heading: Heading, depth: int) -> bool:
    """Sections such as Contributing that the contents may name but need not."""
    return depth == 0 and _shown(heading).lower() in UNLISTED


def _toc(doc: Document, context: LintContext) -> Iterator[Finding]:
    outline = context.outline()
    toc = outline.toc_heading()
    below = outline.headings[(toc + 1 if toc is not None else 0) :]
    # The contents list names the top of the heading tree below it, whatever its level:
    # ``##`` sections usually, ``###`` in lists that start there, and a later ``#`` too
    # (as the formatter generates it).
    sections = _tree_roots(below) if toc is not None else [h for h in below if h.level == 2]
    if toc is None:
        if any(not _optional(h, 0) for h in sections):
            yield TOC.finding("the list has no '## Contents' section", 1)
        return
    items = outline.toc_items()
    if not items:
        yield TOC.finding("the contents section has no list", outline.headings[toc].line)
        return
    anchors = heading_anchors(outline)
    index_of = {heading.line: i for i, heading in enumerate(outline.headings)}
    check = _TocCheck(outline, anchors, index_of)
    yield from check.compare(_tree(items), sections, 0)


def _html_headings(outline: Outline) -> list[tuple[int, str]]:
    """(1-based line, text) of headings written as HTML (``<h2>…</h2>``), which may span lines."""
    found: list[tuple[int, str]] = []
    prose = [line if outline.is_prose(i + 1) else "" for i, line in enumerate(outline.lines)]
    if not any("<h" in line or "<H" in line for line in prose):
        return found
    text = "\n".join(prose)
    line, counted = 1, 0  # counted incrementally: a file with many HTML headings stays linear
    for match in _HTML_HEADING.finditer(text):
        line += text.count("\n", counted, match.start())
        counted = match.start()
        found.append((line, html.unescape(_TAG.sub("", match.group(2)))))
    return found


def defined_anchors(lines: list[str]) -> set[str]:
    """Every anchor a Markdown file defines (the lint rules' and the link checker's answer)."""
    return _targets(build_outline(lines))


def _targets(outline: Outline) -> set[str]:
    """Every anchor the file defines: Markdown and HTML headings, in document order
    (a repeat gets ``-1`` whichever form came first), and HTML ``id``/``name``."""
    in_html = _html_headings(outline)
    headings = [(h.line, h.text) for h in outline.headings] + in_html
    counter = SlugCounter()
    known = {counter.unique(text) for _, text in sorted(headings, key=lambda pair: pair[0])}
    for _, text in in_html:
        known.add(_edge_slug(text))
    for index, line in enumerate(outline.lines):
        if ("id=" in line or "name=" in line) and not outline.code[index]:
            known.update(_HTML_ID.findall(line))
    return known


def _edge_slug(text: str) -> str:
    """The slug of an HTML heading's text with its edge spaces kept, as GitHub reads
    ``<h1>Title </h1>`` (``#title-``); Markdown headings lose them when parsed."""
    flat = text.replace("\n", "")
    body = flat.strip(" ")
    lead, trail = len(flat) - len(flat.lstrip(" ")), len(flat) - len(flat.rstrip(" "))
    return "-" * lead + github_slug(body) + "-" * trail if body else ""


def _resolves(name: str, known: set[str]) -> bool:
    if name in known:
        return True
    return name.startswith(_USER_CONTENT) and name[len(_USER_CONTENT) :] in known


def _fragments(line: str) -> Iterator[tuple[str, int]]:
    """(fragment, 1-based column of the '#') of in-page links on a line."""
    masked = mask_code_spans(line)
    for link in find_links(masked):
        url = link.url.strip("<>")
        if url.startswith("#") and len(url) > 1:
            column = masked.find(url, link.start) + 1
            yield url[1:], column
    for match in _HTML_ANCHOR.finditer(masked):
        if match.group(1):
            yield match.group(1), match.start(1)


def _anchors(doc: Document, context: LintContext) -> Iterator[Finding]:
    outline = context.outline()
    known: set[str] | None = None
    for index, line in enumerate(context.lines):
        if "#" not in line or not outline.is_prose(index + 1):
            continue
        for fragment, column in _fragments(line):
            if known is None:
                known = _targets(outline)
            name = unquote(fragment)
            if _resolves(name, known):
                continue
            fix = None
            hint = ""
            if _resolves(name.lower(), known):
                fix = Fix(index + 1, "#" + fragment, "#" + name.lower(), column=column)
                hint = f" (the heading's anchor is '#{name.lower()}')"
            yield BROKEN_ANCHOR.finding(
                f"'#{fragment}' matches no heading or anchor in this file{hint}",
                index + 1,
                column,
                fix,
            )


TOC = Rule(
    id="toc",
    kind="toc",
    severity="error",
    summary="The contents list names every section, in order, with the right anchors.",
    doc="""The ``## Contents`` list has one item per level-2 section below it, in the same
order and with the same text, linking to the heading's GitHub anchor; an item
may carry a nested list for the level-3 headings of its section (no deeper).
Contributing, Footnotes and Related Lists need no item. ``awesome format``
regenerates the contents.

Wrong::

    ## Contents
    - [Models](#models)

    ## Models
    ## Datasets

Right::

    ## Contents
    - [Models](#models)
    - [Datasets](#datasets)""",
    check=_toc,
    peers=("awesome-toc", "awesome/toc"),
)

BROKEN_ANCHOR = Rule(
    id="broken-anchor",
    kind="toc",
    severity="error",
    summary="Every #anchor link points at a heading (or HTML id) in the file.",
    doc="""In-page links must name a heading's GitHub anchor (lower case, spaces as hyphens,
punctuation dropped, ``-1`` for a repeated heading), the same anchor of a
heading written as HTML (``<h2>…</h2>``), or an HTML ``id``/``name``. GitHub
prefixes rendered ids with ``user-content-``, so ``#user-content-top`` reaches
``<a id="top">`` too.

Wrong: ``[Prompting](#Prompt-Engineering)`` with the heading ``## Prompting``
Right: ``[Prompting](#prompting)``""",
    check=_anchors,
    fixable=True,
)
