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

from awesome.entry_parser import parse_entry_text
from awesome.inline import find_links, links_in
from awesome.model import Block, Document, Entry, Section
from awesome.slug import SlugCounter, heading_text

_HEADING = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_ITEM = re.compile(r"^(?P<indent>[ \t]*)(?P<marker>[-*+]|\d{1,9}[.)])(?:[ \t]+(?P<text>.*)|$)")
_RULE = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_HTML_START = re.compile(r"^ {0,3}<(?:!--|[A-Za-z/][A-Za-z0-9-]*(?:[\s/>]|$))")
# CommonMark's HTML block kinds 1 to 6: only these interrupt a paragraph. "<br>", "<a>",
# "<img>" and other inline tags on a line of their own continue it (kind 7).
_BLOCK_TAGS = (
    "address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|"
    "dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|"
    "header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|"
    "param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul|"
    "pre|script|style|textarea"
)
_HTML_INTERRUPTS = re.compile(
    rf"^ {{0,3}}(?:<!--|<\?|<![A-Za-z]|<!\[CDATA\[|</?(?:{_BLOCK_TAGS})(?:[\s/>]|$))", re.IGNORECASE
)
_H1_HTML = re.compile(r"^\s*<h1\b[^>]*>(?P<text>.*?)</h1>\s*$", re.IGNORECASE | re.DOTALL)
_TABLE = re.compile(r"^ {0,3}\|")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_TAGS = re.compile(r"<[^>]+>")
_BADGE = re.compile(r"\s*\[!\[[^\]]*\]\([^)]*\)\]\([^)]*\)")
_AWESOME_BADGE = re.compile(
    r"\[!\[awesome\]|awesome\.re/badge|sindresorhus/awesome/[^)\s]*badge", re.IGNORECASE
)
_TOC_NAMES = {
    "contents",
    "content",
    "table of contents",
    "table of content",
    "catalog",
    "catalogue",
    "toc",
    "index",
}
_COMMENT_LINE = re.compile(r"^\s*<!--.*-->\s*$")
# <details>, <summary>Expand contents</summary>, </details> around a contents list
_DETAILS_LINE = re.compile(
    r"^\s*(?:</?details\b[^>]*>|<summary\b[^>]*>[^<]*</summary>)\s*$", re.IGNORECASE
)
# A link-free line a hand-kept contents list may carry: "*(More than Top 100)*"
_TOC_NOTE_MAX = 80
_GROUP_LABEL_MAX = 80
_FRONT_MATTER_MAX_LINES = 200
_YAML_KEY = re.compile(r"^[A-Za-z_][\w-]*:(?:\s|$)")
_HTML_TAG = re.compile(r"</?[A-Za-z][^>]*>")
_LABEL_BULLET = re.compile(r"^([ \t]*)[*+](?=[ \t])")
_HTML_LINK_ATTR = re.compile(r"\b(?:src|href)\s*=", re.IGNORECASE)


@dataclass(slots=True)
class _Item:
    """A list item as lines, before it becomes an entry."""

    line: int
    indent: int
    marker: str
    lines: list[str]
    first_text: str
    """The first line's text after the marker, kept from the match that found the item."""
    children: list[_Item] = field(default_factory=list)


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
            if not line.strip() or _interrupts_paragraph(line):
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
        lines = self.lines  # locals: this loop runs once per line of a 100k-entry list
        count = len(lines)
        while self.pos < count:
            line = lines[self.pos]
            match = _ITEM.match(line)
            # a thematic break holds nothing but its marks and blanks
            if match and (line.strip(" \t-*_") or not _RULE.match(line)):
                margin, marker, text = match.groups()  # all three, in order: cheaper than by name
                indent = _indent_width(margin) if "\t" in margin else len(margin)
                # only a numbered item can be a pseudo-heading: bullets skip the look-ahead
                if stack and marker[0].isdigit() and _is_pseudo_heading(self, match):
                    break
                item = _Item(self.pos + 1, indent, marker, [line], text or "", [])
                while stack and stack[-1].indent >= indent:
                    stack.pop()
                (stack[-1].children if stack else items).append(item)
                stack.append(item)
                self.pos += 1
                continue
            if not line.strip():
                following = self.next_nonblank(self.pos)
                if following < len(self.lines) and _continues_list(self.lines[following], stack):
                    if stack and not _ITEM.match(self.lines[following]):
                        # a second paragraph, a table or code inside the item: the blank
                        # lines belong to it, or its verbatim text would run them together
                        stack[-1].lines.extend(self.lines[self.pos : following])
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


def _interrupts_paragraph(line: str) -> bool:
    """Does ``line`` end the paragraph above it? An inline HTML tag does not."""
    if _HTML_START.match(line) and not _HTML_INTERRUPTS.match(line):
        return False
    return _starts_block(line)


def _continues_list(line: str, stack: list[_Item]) -> bool:
    """After blank lines, does ``line`` still belong to the current list?"""
    if _ITEM.match(line) and not _RULE.match(line):
        return True
    return bool(stack) and _indent_width(line) > stack[0].indent and not _FENCE.match(line)


def _is_pseudo_heading(reader: _Reader, match: re.Match[str]) -> bool:
    """``1. Cost`` with no link, directly followed by a bullet list: a subsection heading."""
    if not match.group("marker")[0].isdigit():
        return False  # most items: bullets, never headings
    text = match.group("text") or ""
    if not text.strip() or "](" in text or match.group("indent"):
        return False
    following = reader.next_nonblank(reader.pos + 1)
    if following >= len(reader.lines):
        return False
    next_item = _ITEM.match(reader.lines[following])
    # an indented bullet is the numbered item's own sub-list ("1. Text" over "  - url"),
    # so the numbered line is an entry, not a heading
    return bool(
        next_item and not next_item.group("marker")[0].isdigit() and not next_item.group("indent")
    )


def _item_text(item: _Item) -> str:
    """The item's text with continuation lines joined by spaces."""
    if len(item.lines) == 1:  # most items: one line
        return item.first_text.strip()
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
    if item.children:
        raw = "\n".join(_raw_lines(item))
    else:  # most items: one line, which is its raw text
        raw = item.lines[0] if len(item.lines) == 1 else "\n".join(item.lines)
    if entry is None:
        return _group_label(item) or Entry(title="", parsed=False, line=item.line, raw=raw)
    entry.line = item.line
    entry.raw = raw
    if item.children:  # a new entry's children are an empty list already
        entry.children = [_item_to_entry(child) for child in item.children]
        if any(not child.parsed for child in entry.children):
            # a nested item we cannot read would lose its place: keep the whole item verbatim
            return Entry(title="", parsed=False, line=item.line, raw=raw)
    return entry


def _dedented(entry: Entry, indent: int) -> Entry:
    """A top-level item written verbatim starts at the margin, with its lines' nesting kept:
    left indented after a canonical entry, it would read back as that entry's child."""
    if entry.parsed or indent == 0 or "\t" in entry.raw:
        return entry
    lines = entry.raw.split("\n")
    cut = min(indent, *(len(line) - len(line.lstrip(" ")) for line in lines if line.strip()))
    entry.raw = "\n".join(line[cut:] if line[:cut].strip() == "" else line for line in lines)
    return entry


def _group_label(item: _Item) -> Entry | None:
    """``* General`` over a nested list of entries: a label, kept as written, over entries
    that are read (and checked, exported, linked) like any other."""
    text = _item_text(item)
    if not item.children or "](" in text or len(text) > _GROUP_LABEL_MAX or len(item.lines) > 1:
        return None
    children = [_item_to_entry(child) for child in item.children]
    if not all(child.parsed for child in children):
        return None
    # the label's bullet follows its entries' canonical "-", so the list stays one list
    label = _LABEL_BULLET.sub(r"\1-", item.lines[0])
    return Entry(title="", parsed=False, line=item.line, raw=label, children=children)


def _heading_text(raw: str | None) -> str:
    return (raw or "").strip()


def is_contents_heading(text: str) -> bool:
    """Does a heading (or a bold label) name a contents list: "Contents", "Table of Content"?

    Read as shown, so ``[Content](#content)`` (GNNPapers) names one too."""
    plain = re.sub(r"[^\w ]", "", heading_text(text)).strip().casefold()
    return plain in _TOC_NAMES


def _title_from(text: str) -> str:
    return _BADGE.sub("", text).strip()


def _badges_of(text: str) -> str:
    """The badge links of a title line, as written, separated by single spaces."""
    return " ".join(match.group(0).strip() for match in _BADGE.finditer(text))


def is_awesome_badge(text: str) -> bool:
    """Does ``text`` hold an Awesome badge (awesome.re or the older rawgit one)?"""
    return bool(_AWESOME_BADGE.search(text))


def _only_badges(text: str) -> bool:
    return bool(text.strip()) and not _BADGE.sub("", text).strip()


class _Builder:
    """Assembles the document while the reader walks the lines."""

    def __init__(self, path: str | None) -> None:
        self.doc = Document(title=None, path=path)
        self.stack: list[Section] = []
        self.slugs = SlugCounter()
        self.in_toc = False
        self.title_seen = False
        """An HTML ``<h1>`` kept verbatim counts as the title: no later ``#`` takes its place."""
        self.heading_seen = False
        """A ``#`` after another heading (a contents heading included) is a section, not the title."""

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
        if section is None:
            if self._badges_for_title(block):
                return
            self.doc.intro.append(block)
            return
        block.entries_before = len(section.entries)
        section.blocks.append(block)

    def badges_above_title(self) -> None:
        """A badge line that is all a list has above its title joins the title line."""
        doc = self.doc
        if len(doc.intro) == 1 and not doc.title_badges:
            badges = doc.intro.pop()
            if not self._badges_for_title(badges):
                doc.intro.append(badges)

    def _badges_for_title(self, block: Block) -> bool:
        """A badge line right under a title without badges joins the title line."""
        doc = self.doc
        if (
            doc.title is None
            or doc.title_badges
            or doc.intro
            or block.kind != "paragraph"
            or not _only_badges(block.text)
            or not is_awesome_badge(block.text)
        ):
            return False
        doc.title_badges = _badges_of(block.text)
        return True

    def add_items(self, items: list[_Item], reader: _Reader) -> None:
        section = self.current()
        if section is None:
            start = items[0].line - 1
            text = "\n".join(reader.lines[start : reader.pos]).rstrip()
            self._add_intro_list(text, items[0].line)
            return
        entries = section.entries
        for item in items:
            entry = _item_to_entry(item)
            # only an item kept verbatim may need dedenting: most entries skip the call
            entries.append(entry if entry.parsed else _dedented(entry, item.indent))

    def _add_intro_list(self, text: str, line: int) -> None:
        """A list above the first section: a hand-kept contents list, or part of the intro."""
        doc = self.doc
        if not _is_anchor_list(text.splitlines()):
            doc.intro.append(Block("list", text, line))
        elif doc.toc_line is not None:
            # a second anchor list in the introduction: formatting drops the first, so
            # this one would be taken for the catalog next time; it goes with it now
            doc.toc_text += f"\n\n{text}"
        else:
            # a contents list kept by hand without a heading: it is regenerated,
            # and so is a label such as "**Table of Contents**" standing above it
            doc.toc_line, doc.toc_text = line, text
            label = doc.intro[-1] if doc.intro else None
            if label is not None and label.kind == "paragraph" and is_contents_heading(label.text):
                doc.intro.pop()
                doc.toc_line, doc.toc_text = label.line, f"{label.text}\n\n{text}"


def _handle_heading(builder: _Builder, reader: _Reader, match: re.Match[str]) -> None:
    level = len(match.group(1))
    text = _heading_text(match.group(2))
    line = reader.pos + 1
    reader.pos += 1
    first = not builder.heading_seen
    builder.heading_seen = True
    if level == 1 and first and not builder.title_seen and not builder.stack:
        builder.title_seen = True
        builder.doc.title = _title_from(text)
        builder.doc.title_badges = _badges_of(text)
        builder.doc.title_line = line
        builder.badges_above_title()
        builder.doc.intro_above_title = len(builder.doc.intro)
        return
    if level <= 3 and is_contents_heading(text) and _skip_toc(builder, reader, line):
        return
    builder.open_section(text, level, line)


def _skip_toc(builder: _Builder, reader: _Reader, line: int) -> bool:
    """Drop a hand-kept contents section made only of ``#anchor`` links; it is regenerated."""
    end = reader.pos
    while end < len(reader.lines) and not _HEADING.match(reader.lines[end]):
        end += 1
    if not _is_toc_body(reader.lines[reader.pos : end]):
        return False
    builder.doc.toc_line = line
    builder.doc.toc_text = "\n".join(reader.lines[line - 1 : end])
    # the open sections stay open: a "###" after the dropped list nests under the "##"
    # before it, as it will when the formatted text is read again
    reader.pos = end
    return True


def _is_anchor_item(text: str) -> bool:
    """A list item of in-page links only, with no HTML in it (``<td>`` is not a contents line)."""
    return bool(
        _ITEM.match(text)
        and not _RULE.match(text)
        and "](" in text
        and not _HTML_TAG.search(text)
        and all(link.url.startswith("#") for link in find_links(text))
    )


def _join_continuations(lines: list[str]) -> list[str]:
    """Non-blank lines, an item's indented continuation lines joined to it."""
    joined: list[str] = []
    for text in lines:
        if not text.strip():
            continue
        if joined and _ITEM.match(joined[-1]) and text[:1] in " \t" and not _ITEM.match(text):
            joined[-1] += " " + text.strip()
        else:
            joined.append(text)
    return joined


def _only_anchor_links(text: str) -> bool:
    """A line such as ``**[⬆ back to top](#contents)**``: in-page links and nothing to read."""
    links = links_in(text)
    return (
        bool(links)
        and all(link.url.startswith("#") for link in links)
        and len(text.strip()) <= _TOC_NOTE_MAX
        and not _starts_block(text)
    )


def _is_anchor_list(lines: list[str]) -> bool:
    """Is every non-blank line a list item made only of ``#anchor`` links?"""
    body = [text for text in lines if text.strip()]
    return bool(body) and all(_is_anchor_item(text) for text in body)


def _is_toc_body(lines: list[str]) -> bool:
    """Anchor-link items, with only comments, rules and short link-free notes between them.

    Hand-kept contents lists carry ``<!-- MarkdownTOC -->`` markers, a closing ``* * *``
    or a note such as ``*(More than Top 100)*``; all of it is replaced by the generated list.
    """
    body = _join_continuations(lines)
    if not any(_is_anchor_item(text) for text in body):
        return False
    opened = sum(text.lower().count("<details") for text in body)
    if opened != sum(text.lower().count("</details") for text in body):
        return False  # dropping half of a <details> would fold or unfold what follows
    return all(
        _is_anchor_item(text)
        or _RULE.match(text)
        or _COMMENT_LINE.match(text)
        or _DETAILS_LINE.match(text)
        or _only_anchor_links(text)
        or (
            not _starts_block(text)
            and "](" not in text
            and "<" not in text
            and len(text.strip()) <= _TOC_NOTE_MAX
        )
        for text in body
    )


def _handle_html(builder: _Builder, reader: _Reader) -> None:
    block = reader.take_html()
    heading = _H1_HTML.match(block.text)
    if heading and not builder.title_seen and not builder.stack:
        builder.title_seen = True
        inner = heading.group("text")
        title = _title_from(_TAGS.sub("", inner)).strip()
        if title and not _HTML_LINK_ATTR.search(inner):
            builder.doc.title = title
            builder.doc.title_line = block.line
            builder.doc.intro_above_title = len(builder.doc.intro)
            return
        # a logo or a link in the heading has no place in "# Title": keep it as written
    builder.add_block(block)


def _handle_pseudo(builder: _Builder, reader: _Reader, match: re.Match[str]) -> None:
    parent = next((s for s in reversed(builder.stack) if not s.pseudo), None)
    level = min(parent.level + 1, 6) if parent else 2
    text = f"{match.group('marker')} {(match.group('text') or '').strip()}"
    builder.open_section(text, level, reader.pos + 1, pseudo=True)
    reader.pos += 1


@contextmanager
def no_cyclic_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector: the parser makes many objects and no cycles,
    and collections triggered by allocation counts make parsing superlinear on big lists
    (each full collection walks every object of the document made so far)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def parse_document(text: str, path: str | None = None) -> Document:
    """Parse Markdown text into a document. Never drops content."""
    with no_cyclic_gc():
        return _parse(text, path)


def _parse(text: str, path: str | None) -> Document:
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    reader = _Reader(lines)
    builder = _Builder(path)
    end = _front_matter_end(lines)
    if end:
        builder.doc.front_matter = "\n".join(lines[:end])
        reader.pos = end
    while not reader.at_end():
        line = reader.peek()
        if not line.strip():
            reader.pos += 1
            continue
        _dispatch(builder, reader, line)
    return builder.doc


def _front_matter_end(lines: list[str]) -> int:
    """How many lines a YAML front matter (Jekyll, Hugo) takes at the top; 0 when none.

    ``---`` on the first line, ``key: value`` lines, and a closing ``---`` or ``...``:
    read as Markdown it would become a rule and a heading.
    """
    if not lines or lines[0].rstrip() != "---":
        return 0
    for index in range(1, min(len(lines), _FRONT_MATTER_MAX_LINES)):
        line = lines[index].rstrip()
        if line in ("---", "..."):
            return index + 1 if index > 1 else 0
        if index == 1 and not _YAML_KEY.match(line):
            return 0
    return 0


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
