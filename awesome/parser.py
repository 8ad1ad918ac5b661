"""Reading a Markdown list into a :class:`Document`.

A line-based block splitter of our own: it keeps exact 1-based source lines and
is fast on very large lists. Entries are read by :mod:`awesome.entry_parser`;
an item that fits no entry shape is kept verbatim, never dropped.
"""

from __future__ import annotations

import gc
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from awesome.entry_parser import parse_entry_text
from awesome.errors import ListError
from awesome.fsio import read_list_text
from awesome.inline import find_links
from awesome.model import Block, Document, Entry, Section
from awesome.slug import SlugCounter

_HEADING = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_ITEM = re.compile(r"^(?P<indent>[ \t]*)(?P<marker>[-*+]|\d{1,9}[.)])(?:[ \t]+(?P<text>.*)|$)")
_RULE = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_HTML_START = re.compile(r"^ {0,3}<(?:!--|[A-Za-z/][A-Za-z0-9-]*(?:[\s/>]|$))")
_H1_HTML = re.compile(r"^\s*<h1\b[^>]*>(?P<text>.*?)</h1>\s*$", re.IGNORECASE | re.DOTALL)
_TABLE = re.compile(r"^ {0,3}\|")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_TAGS = re.compile(r"<[^>]+>")
_BADGE = re.compile(r"\s*\[!\[[^\]]*\]\([^)]*\)\]\([^)]*\)")
_TOC_NAMES = {"contents", "table of contents", "catalog", "catalogue", "toc", "index"}


@dataclass
class _Item:
    """A list item as lines, before it becomes an entry."""

    line: int
    indent: int
    marker: str
    lines: list[str]
    children: list[_Item] = field(default_factory=list)

    @property
    def first_text(self) -> str:
        return _ITEM.match(self.lines[0]).group("text") or ""  # type: ignore[union-attr]


def _indent_width(text: str) -> int:
    if "\t" in text:
        text = text.expandtabs(4)
    return len(text) - len(text.lstrip(" "))


class _Reader:
    """Splits lines into blocks and list items; ``pos`` is the 0-based current line."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self.pos = 0

    def at_end(self) -> bool:
        return self.pos >= len(self.lines)

    def peek(self) -> str:
        return self.lines[self.pos]

    def next_nonblank(self, start: int) -> int:
        index = start
        while index < len(self.lines) and not self.lines[index].strip():
            index += 1
        return index

    def take_fence(self) -> Block:
        start = self.pos
        opening = _FENCE.match(self.lines[start]).group(1)  # type: ignore[union-attr]
        self.pos += 1
        while self.pos < len(self.lines):
            line = self.lines[self.pos].strip()
            self.pos += 1
            if line.startswith(opening[0] * len(opening)) and not line.strip(opening[0]):
                break
        return Block("code", "\n".join(self.lines[start : self.pos]), start + 1)

    def take_html(self) -> Block:
        start = self.pos
        comment = self.lines[start].lstrip().startswith("<!--")
        if comment:
            while self.pos < len(self.lines) and "-->" not in self.lines[self.pos]:
                self.pos += 1
            self.pos = min(self.pos + 1, len(self.lines))
        else:
            while self.pos < len(self.lines) and self.lines[self.pos].strip():
                self.pos += 1
        text = "\n".join(self.lines[start : self.pos])
        return Block("comment" if comment else "html", text, start + 1)

    def take_paragraph(self, kind: str = "paragraph") -> Block:
        start = self.pos
        self.pos += 1
        while self.pos < len(self.lines):
            line = self.lines[self.pos]
            if not line.strip() or _starts_block(line):
                break
            self.pos += 1
        return Block(kind, "\n".join(self.lines[start : self.pos]), start + 1)

    def take_table(self) -> Block:
        start = self.pos
        while self.pos < len(self.lines) and _TABLE.match(self.lines[self.pos]):
            self.pos += 1
        return Block("table", "\n".join(self.lines[start : self.pos]), start + 1)

    def take_items(self) -> list[_Item]:
        """A run of list items with their continuation lines and nested items."""
        items: list[_Item] = []
        stack: list[_Item] = []
        while self.pos < len(self.lines):
            line = self.lines[self.pos]
            match = _ITEM.match(line)
            if match and not _RULE.match(line):
                indent = _indent_width(match.group("indent"))
                if _is_pseudo_heading(self, match) and stack:
                    break
                item = _Item(self.pos + 1, indent, match.group("marker"), [line])
                while stack and stack[-1].indent >= indent:
                    stack.pop()
                (stack[-1].children if stack else items).append(item)
                stack.append(item)
                self.pos += 1
                continue
            if not line.strip():
                following = self.next_nonblank(self.pos)
                if following < len(self.lines) and _continues_list(self.lines[following], stack):
                    self.pos = following
                    continue
                break
            if _starts_block(line) and not (stack and _indent_width(line) > stack[-1].indent):
                break
            if not stack:
                break
            # a continuation line of the innermost item (lazy or indented)
            stack[-1].lines.append(line)
            self.pos += 1
        return items


def _starts_block(line: str) -> bool:
    return bool(
        _HEADING.match(line)
        or _FENCE.match(line)
        or _HTML_START.match(line)
        or _ITEM.match(line)
        or _RULE.match(line)
        or _TABLE.match(line)
    )


def _continues_list(line: str, stack: list[_Item]) -> bool:
    """After blank lines, does ``line`` still belong to the current list?"""
    if _ITEM.match(line) and not _RULE.match(line):
        return True
    return bool(stack) and _indent_width(line) > stack[0].indent and not _FENCE.match(line)


def _is_pseudo_heading(reader: _Reader, match: re.Match[str]) -> bool:
    """``1. Cost`` with no link, directly followed by a bullet list: a subsection heading."""
    marker = match.group("marker")
    text = match.group("text") or ""
    if not marker[0].isdigit() or not text.strip() or "](" in text or match.group("indent"):
        return False
    following = reader.next_nonblank(reader.pos + 1)
    if following >= len(reader.lines):
        return False
    next_item = _ITEM.match(reader.lines[following])
    return bool(next_item and not next_item.group("marker")[0].isdigit())


def _item_text(item: _Item) -> str:
    """The item's text with continuation lines joined by spaces."""
    parts = [item.first_text.strip()]
    parts += [line.strip() for line in item.lines[1:] if line.strip()]
    return " ".join(part for part in parts if part)


def _raw_lines(item: _Item) -> list[str]:
    lines = list(item.lines)
    for child in item.children:
        lines += _raw_lines(child)
    return lines


def _item_to_entry(item: _Item) -> Entry:
    entry = parse_entry_text(_item_text(item))
    raw = "\n".join(_raw_lines(item))
    if entry is None:
        return Entry(title="", parsed=False, line=item.line, raw=raw)
    entry.line = item.line
    entry.raw = raw
    entry.children = [_item_to_entry(child) for child in item.children]
    if any(not child.parsed for child in entry.children):
        # a nested item we cannot read would lose its place: keep the whole item verbatim
        return Entry(title="", parsed=False, line=item.line, raw=raw)
    return entry


def _heading_text(raw: str | None) -> str:
    return (raw or "").strip()


def _is_toc_heading(text: str) -> bool:
    plain = re.sub(r"[^\w ]", "", text).strip().casefold()
    return plain in _TOC_NAMES


def _title_from(text: str) -> str:
    return _BADGE.sub("", text).strip()


class _Builder:
    """Assembles the document while the reader walks the lines."""

    def __init__(self, path: str | None) -> None:
        self.doc = Document(title=None, path=path)
        self.stack: list[Section] = []
        self.slugs = SlugCounter()
        self.in_toc = False

    def current(self) -> Section | None:
        return self.stack[-1] if self.stack else None

    def open_section(self, text: str, level: int, line: int, pseudo: bool = False) -> None:
        while self.stack and self.stack[-1].level >= level:
            self.stack.pop()
        section = Section(text, level, self.slugs.unique(text), line, pseudo=pseudo)
        parent = self.current()
        (parent.subsections if parent else self.doc.sections).append(section)
        self.stack.append(section)

    def add_block(self, block: Block) -> None:
        section = self.current()
        (section.blocks if section else self.doc.intro).append(block)

    def add_items(self, items: list[_Item], reader: _Reader) -> None:
        section = self.current()
        if section is None:
            start = items[0].line - 1
            text = "\n".join(reader.lines[start : reader.pos]).rstrip()
            if self.doc.toc_line is None and _is_anchor_list(text.splitlines()):
                # a contents list kept by hand without a heading: it is regenerated
                self.doc.toc_line = items[0].line
                self.doc.toc_text = text
                return
            self.doc.intro.append(Block("list", text, items[0].line))
            return
        section.entries.extend(_item_to_entry(item) for item in items)


def _handle_heading(builder: _Builder, reader: _Reader, match: re.Match[str]) -> None:
    level = len(match.group(1))
    text = _heading_text(match.group(2))
    line = reader.pos + 1
    reader.pos += 1
    if level == 1 and builder.doc.title is None and not builder.stack:
        builder.doc.title = _title_from(text)
        builder.doc.title_line = line
        return
    if level == 2 and _is_toc_heading(text) and _skip_toc(builder, reader, line):
        return
    builder.open_section(text, level, line)


def _skip_toc(builder: _Builder, reader: _Reader, line: int) -> bool:
    """Drop a hand-kept contents section made only of ``#anchor`` links; it is regenerated."""
    end = reader.pos
    while end < len(reader.lines) and not _HEADING.match(reader.lines[end]):
        end += 1
    if not _is_anchor_list(reader.lines[reader.pos : end]):
        return False
    builder.doc.toc_line = line
    builder.doc.toc_text = "\n".join(reader.lines[line - 1 : end])
    while builder.stack:
        builder.stack.pop()
    reader.pos = end
    return True


def _is_anchor_list(lines: list[str]) -> bool:
    """Is every non-blank line a list item made only of ``#anchor`` links?"""
    body = [text for text in lines if text.strip()]
    return bool(body) and all(
        _ITEM.match(text)
        and "](" in text
        and all(link.url.startswith("#") for link in find_links(text))
        for text in body
    )


def _handle_html(builder: _Builder, reader: _Reader) -> None:
    block = reader.take_html()
    heading = _H1_HTML.match(block.text)
    if heading and builder.doc.title is None and not builder.stack:
        builder.doc.title = _title_from(_TAGS.sub("", heading.group("text")))
        builder.doc.title_line = block.line
        return
    builder.add_block(block)


def _handle_pseudo(builder: _Builder, reader: _Reader, match: re.Match[str]) -> None:
    parent = next((s for s in reversed(builder.stack) if not s.pseudo), None)
    level = min(parent.level + 1, 6) if parent else 2
    text = f"{match.group('marker')} {(match.group('text') or '').strip()}"
    builder.open_section(text, level, reader.pos + 1, pseudo=True)
    reader.pos += 1


@contextmanager
def _no_cyclic_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector: the parser makes many objects and no cycles,
    and collections triggered by allocation counts make parsing superlinear on big lists."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def parse_document(text: str, path: str | None = None) -> Document:
    """Parse Markdown text into a document. Never drops content."""
    with _no_cyclic_gc():
        return _parse(text, path)


def _parse(text: str, path: str | None) -> Document:
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    reader = _Reader(lines)
    builder = _Builder(path)
    while not reader.at_end():
        line = reader.peek()
        if not line.strip():
            reader.pos += 1
            continue
        _dispatch(builder, reader, line)
    return builder.doc


def _dispatch(builder: _Builder, reader: _Reader, line: str) -> None:
    heading = _HEADING.match(line)
    if heading:
        _handle_heading(builder, reader, heading)
        return
    if _FENCE.match(line):
        builder.add_block(reader.take_fence())
        return
    if _HTML_START.match(line):
        _handle_html(builder, reader)
        return
    if _RULE.match(line):
        builder.add_block(Block("rule", line, reader.pos + 1))
        reader.pos += 1
        return
    item = _ITEM.match(line)
    if item:
        if _is_pseudo_heading(reader, item) and builder.stack:
            _handle_pseudo(builder, reader, item)
            return
        builder.add_items(reader.take_items(), reader)
        return
    if _TABLE.match(line):
        builder.add_block(reader.take_table())
        return
    underline = reader.lines[reader.pos + 1] if reader.pos + 1 < len(reader.lines) else ""
    setext = _SETEXT.match(underline)
    if setext:
        # "Title" over "=====" or "-----": the same heading as "# Title" or "## Title"
        level = "#" if setext.group(1)[0] == "=" else "##"
        heading = _HEADING.match(f"{level} {line.strip()}")
        assert heading is not None
        _handle_heading(builder, reader, heading)
        reader.pos += 1
        return
    builder.add_block(reader.take_paragraph())


def parse_file(path: Path) -> Document:
    """Read and parse a list file; refuses files that are not Markdown lists."""
    text = read_list_text(path)
    if not text.strip():
        raise ListError("the file is empty", str(path))
    return parse_document(text, str(path))
